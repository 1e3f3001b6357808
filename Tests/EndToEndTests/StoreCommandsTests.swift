import Foundation
import Testing

/// `jixiao list / history / fsck / restore` run as a user would, on a store filled by the store
/// probe (both binaries are built beside the test bundle).
@Suite(.serialized) struct StoreCommandsTests {
    static let products: URL = {
        let exe = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        var directory = URL(fileURLWithPath: exe).deletingLastPathComponent()
        while directory.path.contains(".xctest") { directory.deleteLastPathComponent() }
        return directory
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static func run(_ tool: String, _ arguments: [String]) throws -> Run {
        let process = Process()
        process.executableURL = products.appendingPathComponent(tool)
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let error = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: output, as: UTF8.self),
                   stderr: String(decoding: error, as: UTF8.self))
    }

    @Test func listHistoryFsckAndRestore() throws {
        guard FileManager.default.isExecutableFile(atPath: Self.products.appendingPathComponent("jixiao").path),
              FileManager.default.isExecutableFile(atPath: Self.products.appendingPathComponent("jixiao-store-probe").path) else {
            print("skipped: jixiao or jixiao-store-probe not built beside the tests")
            return
        }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: store) }
        #expect(try Self.run("jixiao-store-probe", ["save-once", store, "dept-a"]).status == 0)
        #expect(try Self.run("jixiao-store-probe", ["save-once", store, "dept-a"]).status == 0)
        #expect(try Self.run("jixiao-store-probe", ["save-once", store, "dept-b"]).status == 0)

        let list = try Self.run("jixiao", ["list", "--store", store])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t").first.map(String.init) } == ["dept-a", "dept-b"])
        #expect(list.stdout.contains("dept-a\t441001\t版本2\t2024\tdraft\t4\t"))
        let json = try Self.run("jixiao", ["list", "--json", "--store", store])
        let decoded = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect((decoded?["documents"] as? [[String: Any]])?.count == 2)

        let history = try Self.run("jixiao", ["history", "dept-a", "--all", "--store", store])
        #expect(history.status == 0)
        #expect(history.stdout.contains("revision 2 (from 1)"))
        #expect(history.stdout.contains("unitName: 版本1 → 版本2"))

        #expect(try Self.run("jixiao", ["fsck", "--store", store]).status == 0)
        try Data("{\"format\":\"jixiao-document/1\"".utf8).write(to: URL(fileURLWithPath: store + "/documents/dept-b.json"))
        let fsck = try Self.run("jixiao", ["fsck", "--store", store])
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("damaged: \(store)/damaged/dept-b."))
        #expect(fsck.stdout.contains("no header line"))
        let listed = try Self.run("jixiao", ["list", "--store", store])
        #expect(listed.stdout.contains("dept-a") && !listed.stdout.contains("dept-b"))
        #expect(listed.stderr.contains("dept-b"))

        #expect(try Self.run("jixiao-store-probe", ["delete", store, "dept-a"]).status == 0)
        #expect(try Self.run("jixiao", ["restore", "--list", "--store", store]).stdout.hasPrefix("dept-a\t"))
        let restored = try Self.run("jixiao", ["restore", "dept-a", "--store", store])
        #expect(restored.status == 0)
        #expect(try Self.run("jixiao", ["list", "--store", store]).stdout.contains("dept-a"))
        let missing = try Self.run("jixiao", ["history", "nope", "--store", store])
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no document nope"))
    }
}
