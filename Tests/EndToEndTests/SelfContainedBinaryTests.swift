import Foundation
import Testing

/// The release binary that `scripts/build-deb` packages runs alone: copied by itself into an
/// empty folder, with no library path and the Swift toolchain hidden from it, it prints its
/// version, loads the compiled-in samples and opens the editor in a real terminal.
///
/// `.ci/run` builds it and names it in `JIXIAO_RELEASE_BINARY`; elsewhere the suite is skipped
/// with that reason. Hiding the toolchain takes a private mount namespace (`unshare -m`, root).
@Suite(.enabled(if: ReleaseBinary.unavailableReason == nil, Comment(rawValue: ReleaseBinary.unavailableReason ?? "")))
struct SelfContainedBinaryTests {
    static var built: String? { ReleaseBinary.path }
    static var toolchain: String { ReleaseBinary.toolchain }
    /// `sh -c` prefix: a private mount namespace in which an empty tmpfs lies over the toolchain.
    static var hidden: [String] {
        ["/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
         "mount -t tmpfs jixiao-hides-swift \(toolchain) && exec \"$@\"", "hide"]
    }

    /// An empty folder holding nothing but a copy of the binary.
    static func alone() throws -> (directory: URL, binary: String) {
        let directory = try CLIProcess.temporaryDirectory()
        let copy = directory.appendingPathComponent("jixiao")
        try FileManager.default.copyItem(atPath: built!, toPath: copy.path)
        return (directory, copy.path)
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TmuxSession.spawn("/usr/bin/env", ["-i", "PATH=/usr/bin:/bin", "LANG=C.UTF-8", "LD_LIBRARY_PATH="] + hidden + arguments)
    }

    @Test func theToolchainIsReallyHidden() throws {
        let listing = try Self.run(["/bin/ls", "-A", Self.toolchain])
        #expect(listing.status == 0)
        #expect(listing.output.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty, "\(listing.output)")
    }

    @Test func itLinksNoSwiftLibrary() throws {
        let (_, binary) = try Self.alone()
        let needed = try TmuxSession.spawn("/usr/bin/objdump", ["-p", binary]).output
            .split(separator: "\n").filter { $0.contains("NEEDED") }.map { String($0.split(separator: " ").last ?? "") }
        #expect(!needed.isEmpty)
        #expect(!needed.contains { $0.contains("swift") || $0.contains("Foundation") || $0.contains("dispatch") }, "\(needed)")
        #expect(needed.contains { $0.hasPrefix("libpq.so") })
        // Only what the Debian package depends on (scripts/build-deb): libc and the C++ runtime,
        // terminfo, libpq, and libxml2 and zlib for the workbook reader.
        let allowed = ["libc.so", "libm.so", "ld-linux", "libstdc++.so", "libgcc_s.so", "libncursesw.so", "libtinfo.so",
                       "libpq.so", "libxml2.so", "libz.so"]
        #expect(needed.allSatisfy { lib in allowed.contains { lib.hasPrefix($0) } }, "\(needed)")
    }

    @Test func versionAndDemoRunAlone() throws {
        let (directory, binary) = try Self.alone()
        let version = try Self.run([binary, "--version"])
        #expect(version.status == 0, "\(version.output)")
        #expect(version.output.range(of: #"^\d+\.\d+\.\d+\s*$"#, options: .regularExpression) != nil, "\(version.output)")
        let store = directory.appendingPathComponent("store").path
        let demo = try Self.run([binary, "demo", "--store", store])
        #expect(demo.status == 0, "\(demo.output)")
        let list = try Self.run([binary, "list", "--store", store])
        #expect(list.status == 0)
        for code in ["900101", "900102", "900201"] { #expect(list.output.contains(code), "\(list.output)") }
        // Nothing but the binary and the store it made.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted() == ["jixiao", "store"])
    }

    @Test func theEditorOpensInATerminal() throws {
        let (directory, binary) = try Self.alone()
        let store = directory.appendingPathComponent("store").path
        let tmux = try TmuxSession(launcher: Self.hidden)
        defer { tmux.close() }
        try tmux.type("LD_LIBRARY_PATH= \(binary) --store \(store)")
        try tmux.press("Enter")
        _ = try tmux.waitFor(text: "示例数据")
        try tmux.type("l")
        let screen = try tmux.waitFor(text: "900201")
        #expect(screen.joined(separator: "\n").contains("900101"))
        try tmux.press("C-q")
        _ = try tmux.waitFor { $0.last { !$0.isEmpty }?.hasPrefix("$") == true }
    }
}

/// The release binary under test and whether it can be run with the toolchain hidden.
enum ReleaseBinary {
    static let path = ProcessInfo.processInfo.environment["JIXIAO_RELEASE_BINARY"]
    /// Where this toolchain's runtime libraries are: the folder the binary must not need.
    static let toolchain: String = {
        FileManager.default.fileExists(atPath: "/opt/swift/usr/bin/swift") ? "/opt/swift" : "/usr/lib/swift"
    }()

    static var unavailableReason: String? {
        guard let path, !path.isEmpty else {
            return "JIXIAO_RELEASE_BINARY is not set (.ci/run sets it after scripts/build-deb)"
        }
        guard FileManager.default.isExecutableFile(atPath: path) else { return "JIXIAO_RELEASE_BINARY=\(path) is not an executable" }
        guard getuid() == 0 else { return "hiding the toolchain needs a mount namespace (root)" }
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare") else { return "unshare (util-linux) is missing" }
        return nil
    }
}
