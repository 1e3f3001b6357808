import Foundation
import Testing

/// `jixiao import` and `jixiao export` run as a user would: summaries, exit statuses 0/1/2,
/// written files, and the store: import, re-import as a new revision, list, export.
@Suite struct InterchangeCommandsTests {
    static let fixtures = CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures")

    static func fixture(_ name: String) -> String { fixtures.appendingPathComponent(name).path }

    @Test func dryRunImportsAndSummarises() throws {
        let run = try CLIProcess.run(["import", "--dry-run", Self.fixture("pdf-layout.txt"), Self.fixture("budget-disclosure.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("pdf-layout.txt: 520101 东湖街道办事处（本级） · 2024年（第 2 行） · 单位：元\n"))
        #expect(run.stdout.contains("  2 个项目，11 个指标 · 版式：PDF 文本\n"))
        #expect(run.stdout.contains("    第 29 行：520101240000000001 社区养老服务补贴，7 个指标\n"))
        #expect(run.stdout.contains("budget-disclosure.txt: 610302 西江区民政局（本级） · 2024年（第 1 行）"))
        #expect(run.stdout.contains("  试运行，未写入（610302-2024）"))
        #expect(run.stderr.isEmpty)
    }

    @Test func englishOutput() throws {
        let run = try CLIProcess.run(["import", "--dry-run", "--lang", "en", Self.fixture("pdf-layout.txt")])
        #expect(run.status == 0)
        #expect(run.stdout.contains("  2 projects, 11 indicators · layout: PDF text\n"))
        #expect(run.stdout.contains("  dry run: nothing written (520101-2024)"))
    }

    @Test func aFailedFileGivesStatusOneAndTheOthersStillImport() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        try Data().write(to: empty)
        let run = try CLIProcess.run(["import", "--dry-run", empty.path, Self.fixture("pdf-layout.txt"), folder.appendingPathComponent("missing.txt").path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("empty.txt: 第 1 行：文件是空的，未导入"))
        #expect(run.stderr.contains("missing.txt: 无法读取文件，未导入"))
        #expect(run.stdout.contains("pdf-layout.txt: 520101"))
    }

    @Test func unusableArgumentsGiveStatusTwo() throws {
        let noFiles = try CLIProcess.run(["import", "--dry-run"])
        #expect(noFiles.status == 2)
        #expect(noFiles.stderr.contains("没有给出要导入的文件"))
        #expect(try CLIProcess.run(["import", "--dry-run", "--year", "20x3", "a.txt"]).status == 2)
        #expect(try CLIProcess.run(["import", "--no-such-option", "a.txt"]).status == 2)
        #expect(try CLIProcess.run(["export", "--file", "a.json", "--format", "pdf"]).status == 2)
        #expect(try CLIProcess.run(["export", "--format", "md"]).status == 2)
        #expect(try CLIProcess.run(["export", "x-2024", "--file", "a.json", "--format", "md"]).status == 2)
        #expect(try CLIProcess.run(["export", "--file", "a.json", "--format", "md", "--bom"]).status == 2)
    }

    @Test func exportsAJSONDocumentFile() throws {
        let example = CLIProcess.packageRoot.appendingPathComponent("docs/examples/department.json").path
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("out.csv").path
        let run = try CLIProcess.run(["export", "--file", example, "--format", "csv", "--bom", "-o", output])
        #expect(run.status == 0)
        let data = try Data(contentsOf: URL(fileURLWithPath: output))
        #expect(Array(data.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(String(decoding: data.dropFirst(3), as: UTF8.self).hasPrefix("单位编码,单位名称,预算年度,"))
        let json = try CLIProcess.run(["export", "--file", example, "--format", "json"])
        #expect(json.stdout == (try String(contentsOfFile: example, encoding: .utf8)))
        let html = try CLIProcess.run(["export", "--file", example, "--format", "html"])
        #expect(html.stdout.hasPrefix("<!DOCTYPE html>"))
        let missing = try CLIProcess.run(["export", "--file", folder.appendingPathComponent("none.json").path, "--format", "md"])
        #expect(missing.status == 1)
    }

    @Test func importIntoTheStoreThenReimportAndExport() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store").path
        // Only `store init` (or the editor) makes a store; import refuses a missing one.
        let refused = try CLIProcess.run(["import", "--store", store, Self.fixture("pdf-layout.txt")])
        #expect(refused.status == 1 && refused.stderr.contains("store init"), "\(refused.stderr)")
        #expect(!FileManager.default.fileExists(atPath: store))
        #expect(try CLIProcess.run(["store", "init", "--store", store]).status == 0)
        let first = try CLIProcess.run(["import", "--store", store, Self.fixture("pdf-layout.txt")])
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(first.stdout.contains("520101-2024"))
        let again = try CLIProcess.run(["import", "--store", store, Self.fixture("pdf-layout.txt")])
        #expect(again.status == 0)
        #expect(again.stdout.contains("第 2 版"), "\(again.stdout)")
        let list = try CLIProcess.run(["list", "--store", store])
        #expect(list.stdout.split(separator: "\n").count == 1, "one department, not a duplicate: \(list.stdout)")
        #expect(list.stdout.contains("520101-2024\t520101\t东湖街道办事处（本级）\t2024"))
        let history = try CLIProcess.run(["history", "--store", store, "520101-2024"])
        #expect(history.stdout.contains("revision 2 (from 1)  0 cells"))
        let markdown = try CLIProcess.run(["export", "--store", store, "520101-2024", "--format", "md"])
        #expect(markdown.status == 0)
        #expect(markdown.stdout.contains("社区养老服务补贴"))
        let unknown = try CLIProcess.run(["export", "--store", store, "000000-2024", "--format", "json"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("000000-2024"))
    }
}
