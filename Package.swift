// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "jixiao",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "JixiaoModel", targets: ["JixiaoModel"]),
        .library(name: "JixiaoStore", targets: ["JixiaoStore"]),
        .executable(name: "jixiao", targets: ["jixiao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // ncursesw through a shim header that turns the wide-character API on.
        // No pkgConfig: SwiftPM would drop ncursesw.pc's -D flags with a warning anyway; the
        // module map links the libraries and the shim defines what the flags did.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // Pure model: value types, parsing, validation, merge. Foundation only; no file or terminal I/O.
        .target(name: "JixiaoModel"),
        // Sample departments shipped with jixiao (JSON resources) and a seeded generator of
        // synthetic ones for benchmarks. Reads only its own bundled resources.
        .target(name: "JixiaoSamples", dependencies: ["JixiaoModel"], resources: [.copy("Departments")]),
        // Document store: durability, locking, history, drafts, presence.
        .target(name: "JixiaoStore", dependencies: ["JixiaoModel"]),
        // App core: state + event -> state, view -> cell buffer. No curses.
        .target(name: "JixiaoApp", dependencies: ["JixiaoModel", "JixiaoStore"]),
        // The only module that talks to ncurses.
        .target(name: "JixiaoTerminal", dependencies: ["CNcursesw", "JixiaoApp"]),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoModel", "JixiaoStore", "JixiaoApp", "JixiaoTerminal", "JixiaoSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel"]),
        .testTarget(name: "JixiaoSamplesTests", dependencies: ["JixiaoSamples", "JixiaoModel"]),
        .testTarget(name: "JixiaoStoreTests", dependencies: ["JixiaoStore", "JixiaoModel"]),
        .testTarget(name: "JixiaoAppTests", dependencies: ["JixiaoApp", "JixiaoModel"]),
        .testTarget(name: "JixiaoTerminalTests", dependencies: ["JixiaoTerminal", "JixiaoApp"]),
        // Runs the built `jixiao` binary as a user would (processes, tmux).
        .testTarget(name: "EndToEndTests", dependencies: ["JixiaoModel"]),
    ],
    swiftLanguageModes: [.v6]
)
