import Foundation
import JixiaoInterchange
import JixiaoModel
import JixiaoStore
import Testing

/// The indicator grid typed as in a spreadsheet, with the real binary under tmux at 80×24: a
/// pasted TSV block, a filled range and an appended last row read back from the store; and the
/// entry-efficiency figure — a whole 9-row table from a seed typed with the fewest keys.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct GridEntryEndToEndTests {
    typealias P = ProjectScreenEndToEndTests

    static func openTemplateProject() throws -> P.Editor {
        let editor = try P.Editor(withProject: true)
        try editor.tmux.press("Enter")
        try editor.tmux.waitFor(text: "项目绩效目标表")
        return editor
    }

    static func saveAndQuit(_ editor: P.Editor) throws -> Project {
        try editor.tmux.waitFor(text: "已保存")
        try editor.tmux.press("C-q")
        try editor.tmux.waitForLine("EXIT=0")
        return try #require(try FileDocumentStore(root: editor.store.path).load(id: editor.id).document.projects.first)
    }

    static func cells(_ row: IndicatorRow) -> [String] { IndicatorRow.Column.allCases.map { row[$0] } }

    @Test func aPastedBlockAFilledRangeAndAnAppendedRowAreStoredAsTyped() throws {
        let editor = try Self.openTemplateProject()
        defer { editor.close() }
        let tmux = editor.tmux
        // A 2 × 6 block copied from a spreadsheet, pasted on the first row.
        let block = [["产出指标", "数量指标", "资金使用率", "实际支出的金额占应支出金额的比率", "≥90%", "工作记录"],
                     ["产出指标", "质量指标", "资金拨付率", "资金准确拨付", "=100%", "财务凭证"]]
        try tmux.paste(block.map { $0.joined(separator: "\t") }.joined(separator: "\r\n") + "\r\n")
        try tmux.waitFor(text: "已粘贴 2 行 × 6 列")
        // A range: 依据 of rows 3 to 6 filled from row 3.
        try tmux.press("Down", "Down", "End")
        try tmux.type("计划标准")
        try tmux.press("Up", "Down")  // commit, back on row 3
        try tmux.press("S-Down", "S-Down", "S-Down", "C-d")
        try tmux.waitFor(text: "已向下填充 3 行 × 1 列")
        // The last row: Enter after its name adds a row in the same group.
        try tmux.press("C-End", "Home", "Right", "Right")
        try tmux.type("群众满意度")
        try tmux.press("Enter")
        try tmux.waitFor(text: "已新增第 10 行")
        try tmux.type("回访满意度")
        try tmux.press("C-s")
        let project = try Self.saveAndQuit(editor)

        let rows = project.indicators
        try #require(rows.count == 10)
        #expect(Self.cells(rows[0]) == block[0])
        #expect(Self.cells(rows[1]) == block[1])
        #expect(rows[2...5].map(\.basis) == Array(repeating: "计划标准", count: 4))
        #expect(rows[6].basis == "")
        #expect(rows[8].name == "群众满意度")
        #expect(Self.cells(rows[9]) == ["满意度指标", "服务对象满意度指标", "回访满意度", "", "", ""])
    }

    /// The first seed project whose 一级/二级 are the template's, so that the table is typed
    /// into a project made from the template, as a user starts one.
    static func seedTable() throws -> (file: String, project: Project)? {
        let folder = CLIProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let files = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let template = IndicatorFramework.legacy.templateRows()
        for file in files.sorted() where file.hasSuffix(".txt") {
            let data = try Data(contentsOf: folder.appendingPathComponent(file))
            let document = try TextImporter.importDocument(data, fileName: file, options: ImportOptions(fiscalYear: 2023)).document
            if let project = document.projects.first(where: {
                $0.indicators.map(\.level1) == template.map(\.level1) && $0.indicators.map(\.level2) == template.map(\.level2)
            }) {
                return (file, project)
            }
        }
        return nil
    }

    /// One key the plan sends: text (an IME commit arrives as one burst) or a named key.
    enum Stroke {
        case text(String)
        case key(String)
    }

    /// The fewest keys the grid allows for `rows`, typed from the first row's 三级指标 of a
    /// template project: row by row, Tab between cells and Enter at the end (back to 三级指标 of
    /// the next row); a cell equal to the one above, when the rest of the row is too, is
    /// Shift+Right to the end and Ctrl-D (which ends the row as Enter does); a cell equal to
    /// the one on its left is Ctrl-R (which moves on as Tab does). The last cell commits with
    /// Ctrl-S, which also saves.
    static func plan(_ rows: [IndicatorRow]) -> [Stroke] {
        let columns: [IndicatorRow.Column] = [.name, .description, .value, .basis]
        var strokes: [Stroke] = [.key("Right"), .key("Right")]
        for (i, row) in rows.enumerated() {
            let isLastRow = i == rows.count - 1
            for (c, column) in columns.enumerated() {
                let isLastColumn = c == columns.count - 1
                if i > 0, columns[c...].allSatisfy({ row[$0] == rows[i - 1][$0] }) {
                    strokes += Array(repeating: .key("S-Right"), count: columns.count - 1 - c) + [.key("C-d")]
                    if isLastRow { strokes.append(.key("C-s")) }
                    break
                }
                if c > 0, !isLastColumn, !row[column].isEmpty, row[column] == row[columns[c - 1]] {
                    strokes.append(.key("C-r"))
                    continue
                }
                if !row[column].isEmpty { strokes.append(.text(row[column])) }
                strokes.append(.key(isLastColumn ? (isLastRow ? "C-s" : "Enter") : "Tab"))
            }
        }
        return strokes
    }

    @Test func entryEfficiencyOfASeedTable() throws {
        guard let (file, seed) = try Self.seedTable() else {
            print("Entry efficiency: skipped, no seed in ../shared/seeds has a project in the template's groups")
            return
        }
        let editor = try Self.openTemplateProject()
        defer { editor.close() }
        let strokes = Self.plan(seed.indicators)
        for stroke in strokes {
            switch stroke {
            case .text(let text): try editor.tmux.type(text)
            case .key(let key): try editor.tmux.press(key)
            }
        }
        let project = try Self.saveAndQuit(editor)
        #expect(project.indicators.map(Self.cells) == seed.indicators.map(Self.cells), "the stored table is the seed's")

        let printable = strokes.reduce(0) { if case .text(let t) = $1 { $0 + t.count } else { $0 } }
        let other = strokes.count - strokes.filter { if case .text = $0 { true } else { false } }.count
        let cellCount = seed.indicators.count * IndicatorRow.Column.allCases.count
        let excelCharacters = seed.indicators.reduce(0) { $0 + Self.cells($1).reduce(0) { $0 + $1.count } }
        let excel = excelCharacters + cellCount
        let total = printable + other
        print("""
            Entry efficiency (\(file), \(seed.name), \(seed.indicators.count) rows, \(cellCount) cells, 80×24): \
            jixiao \(printable) characters + \(other) other keys = \(total) keys; \
            Excel \(excelCharacters) characters + \(cellCount) Tab/Enter = \(excel) keys; \
            ratio \(String(format: "%.3f", Double(total) / Double(excel))) (goal ≤ 0.6 = \(excel * 6 / 10))
            """)
    }
}
