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
        // The .xlsx container (a ZIP package) is read and written with ZIPFoundation; no zip code of our own.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // ncursesw through a shim header that turns the wide-character API on.
        // No pkgConfig: SwiftPM would drop ncursesw.pc's -D flags with a warning anyway; the
        // module map links the libraries and the shim defines what the flags did.
        .systemLibrary(
            name: "CNcursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // libpq, PostgreSQL's C client (Debian's libpq-dev), for the PostgreSQL store backend.
        // Its blocking calls fit the terminal loop; the module map links -lpq.
        .systemLibrary(
            name: "CLibpq",
            providers: [.apt(["libpq-dev"])]
        ),
        // Pure model: value types, parsing, validation, merge. Foundation only; no file or terminal I/O.
        .target(name: "JixiaoModel"),
        // Sample departments shipped with jixiao (JSON compiled into the binary, so it needs no
        // resource folder beside it) and a seeded generator of synthetic ones for benchmarks.
        .target(name: "JixiaoSamples", dependencies: ["JixiaoModel"], resources: [
            .embedInCode("Departments/900101-2024.json"),
            .embedInCode("Departments/900102-2024.json"),
            .embedInCode("Departments/900201-2024.json"),
        ]),
        // SHA-256 block compression in C, with the x86 SHA extensions when the CPU has them
        // (checksums of every stored document; docs/performance.md).
        .target(name: "CSHA256"),
        // Document store: durability, locking, history, drafts, presence; files or PostgreSQL.
        .target(name: "JixiaoStore", dependencies: ["JixiaoModel", "CLibpq", "CSHA256"]),
        // Import of circulating plain-text documents and Excel workbooks; export to JSON, CSV,
        // Markdown, HTML and .xlsx. Pure: bytes in, bytes out (the workbook's ZIP package is
        // built and read in memory through ZIPFoundation, at the module's edge).
        .target(name: "JixiaoInterchange", dependencies: [
            "JixiaoModel", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
        ]),
        // App core: state + event -> state, view -> cell buffer. No curses.
        .target(name: "JixiaoApp", dependencies: ["JixiaoModel", "JixiaoStore"]),
        // The only module that talks to ncurses.
        .target(name: "JixiaoTerminal", dependencies: ["CNcursesw", "JixiaoApp"]),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoModel", "JixiaoStore", "JixiaoApp", "JixiaoTerminal", "JixiaoInterchange", "JixiaoSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The benchmark suite (`swift run -c release jixiao-bench`, docs/performance.md): generates
        // its own data and measures the editor's and the store's paths as the executable runs them.
        .executableTarget(
            name: "jixiao-bench",
            dependencies: [
                "JixiaoModel", "JixiaoStore", "JixiaoApp", "JixiaoTerminal", "JixiaoInterchange", "JixiaoSamples",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Test helper only (not a product): store operations in a separate process, to kill,
        // run concurrently, or fault-inject with strace.
        .executableTarget(name: "jixiao-store-probe", dependencies: ["JixiaoModel", "JixiaoStore"]),
        // Fuzz targets (docs/store.md, "How the store is attacked in tests"). Built normally it
        // replays inputs; `.ci/fuzz` builds it with -sanitize=fuzzer,address -DFUZZING, where
        // libFuzzer supplies main and JIXIAO_FUZZ_TARGET picks the target.
        .executableTarget(name: "jixiao-fuzz", dependencies: ["JixiaoModel", "JixiaoInterchange", "JixiaoApp"]),
        .testTarget(name: "JixiaoModelTests", dependencies: ["JixiaoModel"]),
        .testTarget(name: "JixiaoSamplesTests", dependencies: ["JixiaoSamples", "JixiaoModel"]),
        .testTarget(name: "JixiaoStoreTests", dependencies: ["JixiaoStore", "JixiaoModel", "jixiao-store-probe"]),
        .testTarget(name: "JixiaoAppTests", dependencies: ["JixiaoApp", "JixiaoModel", "JixiaoStore", "JixiaoSamples"]),
        .testTarget(name: "JixiaoTerminalTests", dependencies: ["JixiaoTerminal", "JixiaoApp"]),
        .testTarget(name: "JixiaoInterchangeTests", dependencies: ["JixiaoInterchange", "JixiaoModel", "JixiaoSamples"],
                    exclude: ["Fixtures", "Peers"]),
        // Runs the built `jixiao` binary as a user would (processes, tmux).
        .testTarget(name: "EndToEndTests", dependencies: ["JixiaoModel", "JixiaoStore", "JixiaoInterchange"]),
    ],
    swiftLanguageModes: [.v6]
)
