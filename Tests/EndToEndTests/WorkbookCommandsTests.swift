import Foundation
import Testing

/// `jixiao export --format xlsx` and `jixiao import FILE.xlsx` run as a user would: the store
/// round trip, the summary by sheet, and errors that name the sheet and cell.
@Suite struct WorkbookCommandsTests {
    static let sample = CLIProcess.packageRoot.appendingPathComponent("Sources/JixiaoSamples/Departments/900101-2024.json").path

    @Test func exportImportExportGivesTheSameWorkbook() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("store").path
        #expect(try CLIProcess.run(["store", "init", "--store", store]).status == 0)
        let first = folder.appendingPathComponent("first.xlsx").path
        let exported = try CLIProcess.run(["export", "--file", Self.sample, "--format", "xlsx", "-o", first])
        #expect(exported.status == 0 && exported.stderr.isEmpty)
        let imported = try CLIProcess.run(["import", "--store", store, first])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("first.xlsx: 900101 示例市青湖区柳岸街道办事处（本级） · 2024年（工作表“部门”B4） · 单位：万元\n"))
        #expect(imported.stdout.contains("  8 个项目，56 个指标 · 版式：Excel 工作簿\n"))
        #expect(imported.stdout.contains("    工作表“2.春节慰问金”：900101240000000002 春节慰问金，6 个指标\n"))
        #expect(imported.stdout.contains("  跳过：工作表“指标”"))
        #expect(imported.stdout.contains("已新建 900101-2024"))
        let second = folder.appendingPathComponent("second.xlsx").path
        #expect(try CLIProcess.run(["export", "--store", store, "900101-2024", "--format", "xlsx", "-o", second]).status == 0)
        // The package is deterministic: the same document gives the same bytes.
        #expect(try Data(contentsOf: URL(fileURLWithPath: first)) == Data(contentsOf: URL(fileURLWithPath: second)))
    }

    @Test func aBrokenWorkbookIsRefusedWithItsPlace() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let bad = folder.appendingPathComponent("bad.xlsx")
        try Data("not a zip".utf8).write(to: bad)
        let run = try CLIProcess.run(["import", "--dry-run", bad.path])
        #expect(run.status == 1)
        #expect(run.stderr.contains("bad.xlsx: 不是 .xlsx 文件（无法作为 ZIP 包打开），未导入"))
        let english = try CLIProcess.run(["import", "--dry-run", "--lang", "en",
                                          CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/calc-from-html-900201.xlsx").path])
        #expect(english.status == 1)
        #expect(english.stderr.contains("give it with --year; not imported"))
    }
}
