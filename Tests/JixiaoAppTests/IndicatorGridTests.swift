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
        let fill = h.grid.fillDown()
        try h.apply(try #require(fill).edits)
        #expect(h.rows[1].basis == "计划标准")
        #expect(h.grid.row == 2 && h.grid.column == .basis, "a fill moves on to the next row")
        h.grid.move(.up)
        h.grid.move(.up)
        try h.apply(h.grid.clearCell())
        #expect(h.rows[0].basis == "")
        #expect(h.grid.clearCell().isEmpty, "clearing a blank cell is no edit")
        h.grid.move(.firstCell)
        let none = h.grid.fillDown()
        #expect(none == nil, "nothing above the first row")
        #expect(h.grid.row == 0, "and the cursor stays")
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

/// Excel-like range work on the grid alone: Shift+arrow selection, fill, clear, copy, paste,
/// appending at the end and Enter after a run of Tabs.
@Suite struct IndicatorGridRangeTests {
    typealias Harness = IndicatorGridTests.Harness

    static func ids() -> () -> String {
        var n = 0
        return { n += 1; return "r-new\(n)" }
    }

    @Test func shiftArrowsSelectARectangleAndAPlainMoveDropsIt() {
        var h = Harness()
        h.grid.move(.right)  // r-1 二级
        h.grid.extendSelection(.down)
        h.grid.extendSelection(.right)
        h.grid.extendSelection(.down)
        let selection = h.grid.selection!
        #expect(selection.rows == 0...2 && selection.columns == 1...2)
        #expect(h.grid.isSelected(row: 1, column: .name) && !h.grid.isSelected(row: 3, column: .name))
        #expect(h.grid.selectedCells == [["数量指标", "服务人数"], ["数量指标", "活动场次"], ["质量指标", "合格率"]])
        h.grid.extendSelection(.up)
        h.grid.extendSelection(.up)
        h.grid.extendSelection(.left)
        #expect(!h.grid.hasSelection, "back on the fixed corner: only that cell")
        h.grid.extendSelection(.columnBottom)
        #expect(h.grid.selection!.rows == 0...3)
        h.grid.move(.left)
        #expect(!h.grid.hasSelection)
    }

    @Test func fillDownASelectionCopiesItsTopRowAndMovesBelowIt() throws {
        var h = Harness()
        h.grid.move(.rowEnd)  // r-1 依据: 计划标准
        h.grid.move(.left)    // 指标值 ≥500人
        h.grid.extendSelection(.right)
        h.grid.extendSelection(.down)
        h.grid.extendSelection(.down)
        let filled = h.grid.fillDown()
        let fill = try #require(filled)
        #expect(fill.filled == IndicatorGrid.Extent(rows: 2, columns: 2))
        try h.apply(fill.edits)
        #expect(h.rows[1...2].map(\.value) == ["≥500人", "≥500人"])
        #expect(h.rows[1...2].map(\.basis) == ["计划标准", "计划标准"])
        #expect(h.rows[3].value == "≥90%", "below the selection nothing changes")
        #expect(!h.grid.hasSelection && h.grid.row == 3)
        // On the last row a fill stays there: it never adds a row.
        h.grid.move(.lastCell)
        let lastFill = h.grid.fillDown()
        let last = try #require(lastFill)
        try h.apply(last.edits)
        #expect(h.rows.count == 4 && h.grid.row == 3 && h.rows[3].basis == "计划标准")
    }

    @Test func deleteClearsTheSelectionAndKeepsTheRest() throws {
        var h = Harness()
        h.grid.move(.right)
        h.grid.move(.right)  // 三级
        h.grid.extendSelection(.down)
        h.grid.extendSelection(.rowEnd)
        let (edits, cleared) = h.grid.clearSelected()
        #expect(cleared == IndicatorGrid.Extent(rows: 2, columns: 4))
        try h.apply(edits)
        #expect(h.rows[0].name == "" && h.rows[0].basis == "" && h.rows[1].value == "")
        #expect(h.rows[0].level2 == "数量指标" && h.rows[2].name == "合格率")
    }

    @Test func aTSVBlockPastesFromTheSelectionsCornerAndAddsRowsInTheGroup() throws {
        var h = Harness()
        h.grid.move(.lastCell)
        h.grid.move(.rowStart)
        h.grid.move(.up)  // r-3 一级
        h.grid.extendSelection(.right)
        h.grid.extendSelection(.down)
        let block = TabSeparated.parse("产出指标\t时效指标\t完成时限\t按期完成\t≤12月\t计划标准\n"
            + "\t\t培训人次\t参训人数\t≥200人次\t历史标准\n"
            + "\t\t回访率\t电话回访\t≥80%\t行业标准\t多出的一格\n")
        let ids = Self.ids()
        let result = h.grid.paste(block, makeID: ids)
        #expect(result.pasted == IndicatorGrid.Extent(rows: 3, columns: 6))
        #expect(result.addedRows == 1 && result.droppedCells == 1)
        try h.apply(result.edits)
        #expect(h.rows.count == 5)
        #expect([h.rows[2].level2, h.rows[2].name, h.rows[2].value] == ["时效指标", "完成时限", "≤12月"])
        #expect([h.rows[3].level1, h.rows[3].name, h.rows[3].basis] == ["", "培训人次", "历史标准"],
                "existing rows take the block as it is, blanks included")
        #expect(h.rows[4].id == "r-new1")
        #expect([h.rows[4].level1, h.rows[4].level2, h.rows[4].name, h.rows[4].basis]
                == ["", "", "回访率", "行业标准"], "a new row holds what was pasted, blanks too")
    }

    @Test func oneCellPastedIntoASelectionFillsIt() throws {
        var h = Harness()
        h.grid.move(.rowEnd)
        h.grid.extendSelection(.columnBottom)
        let result = h.grid.paste([["预算支出标准"]])
        try h.apply(result.edits)
        #expect(h.rows.map(\.basis) == Array(repeating: "预算支出标准", count: 4))
        #expect(result.pasted == IndicatorGrid.Extent(rows: 4, columns: 1))
    }

    @Test func downEnterAndTabPastTheLastRowAppendInTheGroupButNotAfterABlankRow() throws {
        var h = Harness()
        h.grid.move(.lastCell)
        #expect(h.grid.movesPastLastRow(.nextCell) && h.grid.movesPastLastRow(.down))
        #expect(!h.grid.movesPastLastRow(.right))
        let ids = Self.ids()
        try h.apply(h.grid.appendRow(.nextCell, makeID: ids))
        #expect(h.rows.count == 5 && h.grid.row == 4 && h.grid.column == .level1)
        #expect(h.rows[4].level1 == "满意度指标" && h.rows[4].level2 == "服务对象满意度指标" && h.rows[4].name == "")
        #expect(h.grid.appendRow(.down, makeID: ids).isEmpty, "a blank last row is not followed by another")
        h.grid.move(.right)
        h.grid.move(.right)
        h.grid.type("回访满意度")
        try h.apply(h.grid.commitEdit())
        try h.apply(h.grid.appendRow(.down, makeID: ids))
        #expect(h.rows.count == 6 && h.grid.row == 5 && h.grid.column == .name)
    }

    @Test func ctrlRFillsFromTheLeftAndGoesOnLikeTabAndCtrlDEndsARowLikeEnter() throws {
        var h = Harness()
        h.grid.move(.right)
        h.grid.move(.right)  // r-1 三级: 服务人数
        h.grid.move(.nextCell)  // 描述, in a run of Tabs from 三级
        let right = h.grid.fillRight()
        try h.apply(try #require(right).edits)
        #expect(h.rows[0].description == "服务人数" && h.grid.column == .value)
        h.grid.move(.nextCell)  // 依据 (计划标准 above nothing: row 1)
        h.grid.move(.down)
        h.grid.move(.left)
        h.grid.move(.left)
        h.grid.move(.left)  // r-2 三级, a new run
        h.grid.move(.nextCell)
        h.grid.move(.nextCell)  // r-2 指标值
        h.grid.extendSelection(.right)  // 指标值 and 依据 take the row above
        let down = h.grid.fillDown()
        try h.apply(try #require(down).edits)
        #expect(h.rows[1].value == "≥500人" && h.rows[1].basis == "计划标准")
        #expect(h.grid.row == 2 && h.grid.column == .name, "back to where the run of Tabs started")
        // A selection of columns: its left column copied right.
        h.grid.move(.rowStart)
        h.grid.move(.right)
        h.grid.extendSelection(.right)
        let block = h.grid.fillRight()
        try h.apply(try #require(block).edits)
        #expect(h.rows[2].name == "质量指标" && block?.filled == IndicatorGrid.Extent(rows: 1, columns: 1))
        h.grid.move(.rowStart)
        #expect(h.grid.fillRight() == nil, "nothing left of the first column")
    }

    @Test func enterAfterARunOfTabsGoesBackToTheColumnItStartedFrom() throws {
        var h = Harness()
        h.grid.move(.right)
        h.grid.move(.right)  // r-1 三级
        for text in ["服务人次", "全年服务人次", "≥5000人次"] {
            h.grid.type(text)
            try h.apply(h.grid.commitEdit())
            h.grid.move(.nextCell)
        }
        h.grid.type("计划标准")
        try h.apply(h.grid.commitEdit())
        h.grid.move(.enterDown)
        #expect(h.grid.row == 1 && h.grid.column == .name)
        #expect([h.rows[0].name, h.rows[0].description, h.rows[0].value, h.rows[0].basis]
                == ["服务人次", "全年服务人次", "≥5000人次", "计划标准"])
        // Without Tabs before it, Enter goes straight down; another move ends a run.
        h.grid.move(.enterDown)
        #expect(h.grid.row == 2 && h.grid.column == .name)
        h.grid.move(.nextCell)
        h.grid.move(.left)
        h.grid.move(.enterDown)
        #expect(h.grid.row == 3 && h.grid.column == .name)
    }
}

/// Widths where they matter: from 100 columns up the standard names are whole.
@Suite struct GridWidthTests {
    @Test(arguments: [100, 110, 120, 140, 160])
    func standardLevel2NamesGetTheirWholeWidthFrom100Columns(_ width: Int) {
        let layout = GridLayout.make(width: width, firstColumnHint: 0, cursorColumn: 0)
        let metrics = TextMetrics()
        #expect(layout.slots.count == 6)
        #expect(layout.slot(for: .level2)!.width >= metrics.width(of: "服务对象满意度指标"))
        #expect(layout.slot(for: .level1)!.width >= metrics.width(of: "满意度指标"))
        #expect(layout.slot(for: .basis)!.width >= metrics.width(of: "预算支出标准"))
        #expect((layout.slots.last.map { $0.x + $0.width } ?? 0) <= width)
        // Drawn: the name is there whole, in a row that is not the cursor's.
        var grid = IndicatorGrid(projectID: "p-1", rows: IndicatorGridTests.sampleRows())
        grid.move(.firstCell)
        var buffer = Buffer(size: Size(width: width, height: 6))
        grid.render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 6),
                    context: ViewContext(environment: AppEnvironment()), focused: true)
        #expect(buffer.line(4).contains("服务对象满意度指标"), "\(buffer.line(4))")
    }

    @Test func belowTheThresholdTheFreeTextColumnsKeepTheirShare() {
        // At 95 all six fit at their minimum and the spare room goes by weight, as before.
        let layout = GridLayout.make(width: 95, firstColumnHint: 0, cursorColumn: 0)
        #expect(layout.slot(for: .level2)!.width < 18)
        #expect(layout.slot(for: .name)!.width >= GridLayout.minimum[2])
    }

    @Test func theStandardWidthsComeFromTheFrameworks() {
        #expect(GridLayout.standard == [10, 18, 0, 0, 0, 12])
    }
}
