import Foundation

/// Runs the built `jixiao` binary as a user would, capturing its output and exit status.
enum CLIProcess {
    /// The products directory the test bundle was built into; `swift test` builds `jixiao` there too.
    /// Every end-to-end suite finds the binaries here, so there is one rule for where they are.
    static let productsDirectory: URL = {
        let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var dir = argv0.deletingLastPathComponent()
        // On macOS the runner lives inside the .xctest bundle; walk up to the products directory.
        while dir.path != "/" && !FileManager.default.fileExists(atPath: dir.appendingPathComponent("jixiao").path) {
            if dir.pathExtension == "xctest" || dir.lastPathComponent == "Contents" || dir.lastPathComponent == "MacOS" {
                dir = dir.deletingLastPathComponent()
            } else {
                break
            }
        }
        return dir
    }()

    static var binary: URL { productsDirectory.appendingPathComponent("jixiao") }

    /// Whether the named product was built beside the tests.
    static func isBuilt(_ tool: String) -> Bool {
        FileManager.default.isExecutableFile(atPath: productsDirectory.appendingPathComponent(tool).path)
    }

    static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        /// The bytes as written, for checks that decoding would hide (control characters).
        var stdoutBytes = Data()
        var stderrBytes = Data()
    }

    /// Runs `jixiao ARGS…` to completion with a UTF-8 locale unless `environment` says otherwise.
    static func run(_ arguments: [String], tool: String = "jixiao", environment: [String: String] = [:],
                    input: Data? = nil) throws -> Result {
        let process = Process()
        process.executableURL = productsDirectory.appendingPathComponent(tool)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "LC_ALL")
        env.removeValue(forKey: "LC_MESSAGES")
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), inp = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inp
        try process.run()
        if let input { inp.fileHandleForWriting.write(input) }
        try inp.fileHandleForWriting.close()
        // Read both pipes before waiting so a large output cannot block the child.
        let group = DispatchGroup()
        nonisolated(unsafe) var stdoutData = Data()
        nonisolated(unsafe) var stderrData = Data()
        group.enter()
        DispatchQueue.global().async { stdoutData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.enter()
        DispatchQueue.global().async { stderrData = err.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: stdoutData, as: UTF8.self),
                      stderr: String(decoding: stderrData, as: UTF8.self),
                      stdoutBytes: stdoutData, stderrBytes: stderrData)
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
