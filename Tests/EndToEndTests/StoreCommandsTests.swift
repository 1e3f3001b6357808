import Foundation
import Testing

/// `jixiao list / history / fsck / restore` run as a user would, on a store filled by the store
/// probe (both binaries are built beside the test bundle).
@Suite(.serialized) struct StoreCommandsTests {
    static func run(_ tool: String, _ arguments: [String]) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments, tool: tool)
    }

    @Test func listHistoryFsckAndRestore() throws {
        guard CLIProcess.isBuilt("jixiao"), CLIProcess.isBuilt("jixiao-store-probe") else {
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
