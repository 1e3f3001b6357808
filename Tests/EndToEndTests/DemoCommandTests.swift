import Foundation
import Testing

/// `jixiao demo` as a user runs it: samples into an empty store, a second run leaves them alone,
/// synthetic departments on request.
@Suite struct DemoCommandTests {
    @Test func loadsSamplesOnceAndGeneratesOnRequest() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store").path
        let first = try CLIProcess.run(["demo", "--store", store])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("已写入 3 个部门"))
        let second = try CLIProcess.run(["demo", "--store", store])
        #expect(second.stdout.contains("已写入 0 个部门，跳过已有的 3 个"))
        let list = try CLIProcess.run(["list", "--store", store])
        #expect(list.stdout.split(separator: "\n").count == 3)
        #expect(list.stdout.contains("900102-2024\t900102\t示例市青湖区桃溪街道办事处（本级）\t2024\treturned\t7\t"))

        let synthetic = folder.appendingPathComponent("synthetic").path
        let generated = try CLIProcess.run(["demo", "--store", synthetic, "--departments", "4", "--projects", "3", "--rows", "5", "--lang", "en"])
        #expect(generated.stdout.contains("Wrote 4 departments"))
        let listed = try CLIProcess.run(["list", "--store", synthetic])
        #expect(listed.stdout.split(separator: "\n").count == 4)
        #expect(listed.stdout.split(separator: "\n").allSatisfy { $0.split(separator: "\t")[5] == "3" })
        let bad = try CLIProcess.run(["demo", "--store", synthetic, "--departments", "0"])
        #expect(bad.status == 2)
    }
}
