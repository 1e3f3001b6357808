import JixiaoModel
import Testing
@testable import JixiaoApp

/// The grid on its own: keys move a cursor and produce `CellEdit`s, which the tests apply to a
/// document the way the session does and hand back as rows.
@Suite struct IndicatorGridTests {
    static func document(rows: [IndicatorRow]) -> DepartmentDocument {
        DepartmentDocument(fiscalYear: 2024, unitCode: "900101", unitName: "测试街道",
                           projects: [Project(id: "p-1", code: "A1", name: "办公经费", indicators: rows)])
    }

    static func sampleRows() -> [IndicatorRow] {
        [
            IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "服务人数", value: "≥500人", basis: "计划标准"),
            IndicatorRow(id: "r-2", level1: "产出指标", level2: "数量指标", name: "活动场次", value: "≥12场"),
            IndicatorRow(id: "r-3", level1: "产出指标", level2: "质量指标", name: "合格率", value: "≥95%"),
            IndicatorRow(id: "r-4", level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", value: "≥90%"),
        ]
    }

    /// A grid and its document, kept in step like the project screen does.
    struct Harness {
        var document: DepartmentDocument
        var grid: IndicatorGrid

        init(rows: [IndicatorRow] = IndicatorGridTests.sampleRows()) {
            document = IndicatorGridTests.document(rows: rows)
            grid = IndicatorGrid(projectID: "p-1", rows: rows)
        }

        var rows: [IndicatorRow] { document.projects[0].indicators }

        mutating func apply(_ edits: [CellEdit]) throws {
            document = try document.applying(edits)
            grid.setRows(rows)
        }
    }

    @Test func arrowsTabHomeEndAndPagesMoveTheCursor() {
        var grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        #expect(grid.row == 0 && grid.column == .level1)
        grid.move(.right)
        grid.move(.down)
        #expect(grid.row == 1 && grid.column == .level2)
        grid.move(.rowEnd)
        #expect(grid.column == .basis)
        grid.move(.nextCell)  // Tab at the end of a row wraps to the next row
        #expect(grid.row == 2 && grid.column == .level1)
        grid.move(.previousCell)  // Shift-Tab wraps back
        #expect(grid.row == 1 && grid.column == .basis)
        grid.move(.rowStart)
        #expect(grid.column == .level1)
        grid.move(.left)
        #expect(grid.column == .level1)
        grid.move(.pageDown, page: 10)
        #expect(grid.row == 3)
        grid.move(.pageUp, page: 2)
        #expect(grid.row == 1)
        grid.move(.lastCell)
        #expect(grid.row == 3 && grid.column == .basis)
        grid.move(.firstCell)
        #expect(grid.row == 0 && grid.column == .level1)
        grid.move(.up)
        #expect(grid.row == 0)
    }

    @Test func typingReplacesTheCellAndEnterCommits() throws {
        var h = Harness()
        h.grid.move(.rowEnd)
        h.grid.move(.left)  // 指标值
        #expect(h.grid.column == .value)
        h.grid.type("≤")
        h.grid.type("2500元/月")  // an IME burst arrives as one string
        #expect(h.grid.isEditing)
        #expect(h.grid.currentText == "≤2500元/月")
        let edits = h.grid.commitEdit()
        #expect(edits == [.set(CellPath.indicator(project: "p-1", row: "r-1", column: .value), .text("≤2500元/月"))])
        try h.apply(edits)
        #expect(h.rows[0].value == "≤2500元/月")
        #expect(!h.grid.isEditing)
    }

    @Test func f2EditsCJKTextInTheMiddle() throws {
        var h = Harness()
        h.grid.move(.down, page: 10)
        h.grid.move(.down)
        h.grid.move(.down)  // 群众满意度
        h.grid.move(.right)
        h.grid.move(.right)
        #expect(h.grid.column == .name)
        h.grid.beginEdit()
        #expect(h.grid.currentText == "群众满意度")
        _ = h.grid.editKey(KeyEvent(.home))
        _ = h.grid.editKey(KeyEvent(.right))
        _ = h.grid.editKey(KeyEvent(.right))
        h.grid.type("服务对象")
        _ = h.grid.editKey(KeyEvent(.delete))  // deletes 满
        _ = h.grid.editKey(.char("满"))
        #expect(h.grid.currentText == "群众服务对象满意度")
        try h.apply(h.grid.commitEdit())
        #expect(h.rows[3].name == "群众服务对象满意度")
    }

    @Test func escapeKeepsTheOldValue() {
        var h = Harness()
        h.grid.move(.right)
        h.grid.move(.right)
        h.grid.type("随便写写")
        h.grid.cancelEdit()
        #expect(!h.grid.isEditing)
        #expect(h.grid.currentText == "服务人数")
        #expect(h.grid.commitEdit().isEmpty)
    }

    @Test func committingUnchangedTextIsNoEdit() {
        var grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        grid.beginEdit()
        #expect(grid.commitEdit().isEmpty)
    }

    @Test func deleteClearsAndFillDownCopiesTheCellAbove() throws {
        var h = Harness()
        h.grid.move(.rowEnd)  // basis of r-1: 计划标准
        h.grid.move(.down)
        try h.apply(h.grid.fillDown())
        #expect(h.rows[1].basis == "计划标准")
        h.grid.move(.up)
        try h.apply(h.grid.clearCell())
        #expect(h.rows[0].basis == "")
        #expect(h.grid.clearCell().isEmpty, "clearing a blank cell is no edit")
        h.grid.move(.firstCell)
        #expect(h.grid.fillDown().isEmpty, "nothing above the first row")
    }

    @Test func insertAboveAndBelowKeepTheGroupAndMoveTheCursor() throws {
        var h = Harness()
        h.grid.move(.down)  // r-2
        var next = 0
        let ids = { () -> String in next += 1; return "r-new\(next)" }
        try h.apply(h.grid.insertRow(below: true, makeID: ids))
        #expect(h.rows.map(\.id) == ["r-1", "r-2", "r-new1", "r-3", "r-4"])
        #expect(h.grid.row == 2)
        #expect(h.rows[2].level1 == "产出指标" && h.rows[2].level2 == "数量指标" && h.rows[2].name == "")
        #expect(h.grid.column == .name, "the cursor lands where the user types next")
        h.grid.move(.firstCell)
        try h.apply(h.grid.insertRow(below: false, makeID: ids))
        #expect(h.rows.map(\.id) == ["r-new2", "r-1", "r-2", "r-new1", "r-3", "r-4"])
        #expect(h.grid.row == 0)
    }

    @Test func deleteMoveAndDuplicateRows() throws {
        var h = Harness()
        h.grid.move(.down)  // r-2
        try h.apply(h.grid.moveRow(up: true))
        #expect(h.rows.map(\.id) == ["r-2", "r-1", "r-3", "r-4"])
        #expect(h.grid.row == 0, "the cursor goes with the row")
        #expect(h.grid.moveRow(up: true).isEmpty)
        try h.apply(h.grid.moveRow(up: false))
        try h.apply(h.grid.moveRow(up: false))
        #expect(h.rows.map(\.id) == ["r-1", "r-3", "r-2", "r-4"])
        #expect(h.grid.row == 2)
        try h.apply(h.grid.duplicateRow(makeID: { "r-copy" }))
        #expect(h.rows.map(\.id) == ["r-1", "r-3", "r-2", "r-copy", "r-4"])
        #expect(h.rows[3].name == "活动场次" && h.rows[3].value == "≥12场")
        #expect(h.grid.row == 3)
        try h.apply(h.grid.deleteRow())
        #expect(h.rows.map(\.id) == ["r-1", "r-3", "r-2", "r-4"])
        #expect(h.grid.row == 3, "the cursor stays at the same place")
        h.grid.move(.lastCell)
        #expect(h.grid.moveRow(up: false).isEmpty)
    }

    @Test func repeatedLevelsAreGroupedButEachRowKeepsItsValues() {
        let grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        #expect(grid.repeatsLevel1 == [false, true, true, false])
        #expect(grid.repeatsLevel2 == [false, true, false, false])
        #expect(grid.rows[1].level1 == "产出指标")
    }

    @Test func groupsAreDrawnLikeThePrintedTable() {
        var grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        grid.move(.lastCell)
        var buffer = Buffer(size: Size(width: 200, height: 6))
        grid.render(into: &buffer, area: Rect(x: 0, y: 0, width: 200, height: 6),
                    context: ViewContext(environment: .pinned()), focused: true)
        #expect(buffer.line(0).contains("一级指标") && buffer.line(0).contains("指标值确定依据"))
        #expect(buffer.line(1).contains("产出指标") && buffer.line(1).contains("数量指标"))
        #expect(!buffer.line(2).contains("产出指标") && !buffer.line(2).contains("数量指标"))
        #expect(buffer.line(2).contains("活动场次"))
        #expect(!buffer.line(3).contains("产出指标") && buffer.line(3).contains("质量指标"))
        #expect(buffer.line(4).hasPrefix(">"))
    }

    @Test func wideTerminalsUseTheWidthAndNarrowOnesScrollKeepingTheName() {
        let wide = GridLayout.make(width: 200, firstColumnHint: 0, cursorColumn: 0)
        #expect(wide.slots.count == 6)
        let used = wide.slots.last.map { $0.x + $0.width } ?? 0
        #expect(used >= 190 && used <= 200)
        #expect(!wide.hiddenLeft && !wide.hiddenRight)

        let narrow = GridLayout.make(width: 80, firstColumnHint: 0, cursorColumn: 0)
        #expect(narrow.slots.map(\.column).prefix(3) == [.level1, .level2, .name])
        #expect(narrow.hiddenRight)
        #expect((narrow.slots.last.map { $0.x + $0.width } ?? 0) <= 80)
        // Cursor on the basis column: scrolled, name still shown.
        let scrolled = GridLayout.make(width: 80, firstColumnHint: 0, cursorColumn: 5)
        #expect(scrolled.slots.map(\.column).contains(.basis))
        #expect(scrolled.slots.map(\.column).contains(.name))
        #expect(!scrolled.slots.map(\.column).contains(.level1))
        #expect(scrolled.hiddenLeft)
        #expect((scrolled.slots.last.map { $0.x + $0.width } ?? 0) <= 80)
        // Slots never overlap.
        for layout in [wide, narrow, scrolled] {
            for (a, b) in zip(layout.slots, layout.slots.dropFirst()) { #expect(a.x + a.width < b.x) }
        }
    }

    @Test func longCellsShowAnEllipsisAndTheExpandedRowWraps() {
        var rows = Self.sampleRows()
        rows[0].description = String(repeating: "为辖区居民提供便民服务，", count: 6)
        var grid = IndicatorGrid(projectID: "p-1", rows: rows)
        let context = ViewContext(environment: .pinned())
        var buffer = Buffer(size: Size(width: 80, height: 10))
        grid.render(into: &buffer, area: Rect(x: 0, y: 0, width: 80, height: 10), context: context, focused: true)
        #expect(buffer.line(1).contains("…"))
        grid.toggleExpanded()
        var expanded = Buffer(size: Size(width: 80, height: 10))
        grid.render(into: &expanded, area: Rect(x: 0, y: 0, width: 80, height: 10), context: context, focused: true)
        #expect(expanded.line(2).contains("辖区居民"), "the row's second line")
        #expect(expanded.text.contains("活动场次"), "later rows still drawn below the expanded one")
    }

    @Test func findingsMarkCellsAndRows() {
        var grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        let path = CellPath.indicator(project: "p-1", row: "r-2", column: .value)
        grid.setFindings([Finding(ruleID: "value.unit", severity: .warning, path: path, message: LocalizedText(both: "x")),
                          Finding(ruleID: "row.required", severity: .error, path: path, message: LocalizedText(both: "y"))])
        #expect(grid.marker(row: "r-2", column: .value) == .error)
        #expect(grid.rowMarker("r-2") == .error)
        #expect(grid.marker(row: "r-1", column: .value) == nil)
        let moved = grid.moveTo(rowID: "r-2", column: .value)
        #expect(moved)
        #expect(grid.row == 1 && grid.column == .value)
        let gone = grid.moveTo(rowID: "r-gone", column: nil)
        #expect(!gone)
    }

    @Test func theTextCursorIsDrawnInTheEditedCell() {
        var grid = IndicatorGrid(projectID: "p-1", rows: Self.sampleRows())
        grid.move(.right)
        grid.move(.right)
        grid.type("服务")
        var buffer = Buffer(size: Size(width: 80, height: 6))
        grid.render(into: &buffer, area: Rect(x: 0, y: 0, width: 80, height: 6),
                    context: ViewContext(environment: .pinned()), focused: true)
        let slot = GridLayout.make(width: 80, firstColumnHint: 0, cursorColumn: 2).slot(for: .name)!
        #expect(buffer.cursor == Buffer.Position(x: slot.x + 4, y: 1))
        #expect(buffer.line(1).contains("服务"))
    }
}
