import Foundation
import Testing
import JixiaoModel
import JixiaoStore

/// `jixiao validate FILE.json…` as a user runs it: output, JSON output and exit status.
@Suite struct ValidateCommandTests {
    let example = CLIProcess.packageRoot.appendingPathComponent("docs/examples/department.json")

    /// The example with a gap in its second project's spending plan (10月底): one error.
    func gapped(in dir: URL) throws -> URL {
        var document = try DocumentCodec.decode(try Data(contentsOf: example))
        document.projects[1].spendingPlan.october = nil
        let file = dir.appendingPathComponent("gapped.json")
        try DocumentCodec.encode(document).write(to: file)
        return file
    }

    @Test func theExampleHasNoErrorLevelFinding() throws {
        let result = try CLIProcess.run(["validate", example.path])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("错误 0"))
    }

    @Test func versionAndHelp() throws {
        let version = try CLIProcess.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
        let help = try CLIProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("validate"))
    }

    @Test func errorFindingsExitOne() throws {
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIProcess.run(["validate", try gapped(in: dir).path])
        #expect(result.status == 1)
        #expect(result.stdout.contains("错误 plan.incomplete"))
        #expect(result.stdout.contains("项目 2「办公经费」 · 资金支出计划 · 10月底"))
    }

    @Test func cleanDocumentExitsZeroAndEnglishOnRequest() throws {
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var document = try DocumentCodec.decode(try Data(contentsOf: example))
        document.projects.removeLast()
        let file = dir.appendingPathComponent("clean.json")
        try DocumentCodec.encode(document).write(to: file)
        let result = try CLIProcess.run(["validate", file.path], environment: ["LANG": "en_US.UTF-8"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("0 errors"))
    }

    @Test func jsonOutputParses() throws {
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIProcess.run(["validate", "--json", try gapped(in: dir).path])
        #expect(result.status == 1)
        let value = try JSONParser.parse(Array(result.stdout.utf8))
        guard case .object(let members) = value, case .array(let results)? = members.first(where: { $0.key == "results" })?.value,
              case .object(let first)? = results.first,
              case .array(let findings)? = first.first(where: { $0.key == "findings" })?.value else {
            Issue.record("unexpected JSON shape: \(result.stdout)")
            return
        }
        #expect(!findings.isEmpty)
        #expect(result.stdout.contains(#""rule": "plan.incomplete""#))
        #expect(result.stdout.contains(#""path": "projects[p-office].spendingPlan.october""#))
    }

    @Test func unusableInputExitsTwoNamingThePath() throws {
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let bad = dir.appendingPathComponent("bad.json")
        var text = try String(contentsOf: example, encoding: .utf8)
        text = text.replacingOccurrences(of: #""budget": "12.5""#, with: #""budget": true"#)
        try Data(text.utf8).write(to: bad)
        let result = try CLIProcess.run(["validate", bad.path, example.path])
        #expect(result.status == 2)
        #expect(result.stdout.contains("$.projects[1].budget"))
        let missing = try CLIProcess.run(["validate", dir.appendingPathComponent("none.json").path])
        #expect(missing.status == 2)
        let unknownOption = try CLIProcess.run(["validate", "--bogus"])
        #expect(unknownOption.status == 2)
        #expect(unknownOption.stderr.contains("--bogus"))
    }

    @Test func validatesTheStoreByIdOrWhole() throws {
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store").path
        let empty = try CLIProcess.run(["validate", "--store", store])
        #expect(empty.status == 0)
        #expect(empty.stdout.contains("没有部门"))

        var clean = try DocumentCodec.decode(try Data(contentsOf: example))
        clean.projects.removeLast()
        clean.id = "900902-2024"
        clean.unitCode = "900902"
        let cleanFile = dir.appendingPathComponent("clean.json")
        try DocumentCodec.encode(clean).write(to: cleanFile)
        for file in [try gapped(in: dir).path, cleanFile.path] {
            try storeDocument(file: file, store: store)
        }
        let byID = try CLIProcess.run(["validate", "--store", store, "900902-2024"])
        #expect(byID.status == 0, "\(byID.stdout)")
        #expect(byID.stdout.hasPrefix("900902-2024 "))
        let whole = try CLIProcess.run(["validate", "--store", store])
        #expect(whole.status == 1)
        #expect(whole.stdout.contains("900901-2024"))
        #expect(whole.stdout.contains("900902-2024"))
        #expect(whole.stdout.contains("合计"))
        let missing = try CLIProcess.run(["validate", "--store", store, "999999-2024"])
        #expect(missing.status == 2)
    }

    func storeDocument(file: String, store: String) throws {
        let document = try DocumentCodec.decode(try Data(contentsOf: URL(fileURLWithPath: file)))
        let opened = try FileDocumentStore(root: store)
        _ = try opened.save(document, base: 0)
    }
}
