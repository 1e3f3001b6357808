import Foundation
import JixiaoModel

/// The .xlsx export: a department sheet (part one), one sheet per project in the printed
/// table's layout (merged cells, borders, A4 portrait, the indicator header repeated on each
/// page), and the flat sheet 指标 with one row per indicator for filters and pivot tables.
/// Every text cell is text; amounts are numbers shown with two decimals, spending-plan
/// percentages are numbers in percent format; no cell holds a formula.
enum WorkbookExporter {
    static func export(_ document: DepartmentDocument) -> Data {
        XLSXPackage.zip(SpreadsheetMLWriter.parts(workbook(document)))
    }

    static func workbook(_ document: DepartmentDocument) -> Workbook {
        var sheets = [departmentSheet(document)]
        for (index, project) in document.projects.enumerated() {
            sheets.append(projectSheet(document, project, number: index + 1))
        }
        sheets.append(indicatorSheet(document))
        return Workbook(sheets: sheets)
    }

    // MARK: Department sheet

    static func departmentSheet(_ document: DepartmentDocument) -> Sheet {
        typealias L = WorkbookLayout.Label
        var sheet = Sheet(name: WorkbookLayout.departmentSheet)
        sheet.columnWidths = [1: 16, 2: 90]
        sheet[1, 1] = Cell(.text(PrintedLayout.title(document)), .title)
        sheet[1, 2] = Cell(.empty, .title)
        sheet.merges.append(CellRange(top: 1, left: 1, bottom: 1, right: 2))
        sheet.rowHeights[1] = 30
        var row = 2
        func add(_ label: String, _ value: CellValue, _ style: CellStyle = .text) {
            sheet[row, 1] = Cell(.text(label), .label)
            sheet[row, 2] = Cell(value, style)
            sheet.rowHeights[row] = RowHeight.points(lines: RowHeight.lines(value, width: 90))
            row += 1
        }
        /// Several rows under one label: the label cell is merged down over them.
        func addList(_ label: String, _ texts: [String]) {
            let first = row
            for text in texts { add(label, .text(text)) }
            if row - first > 1 {
                for r in (first + 1)..<row { sheet[r, 1] = Cell(.empty, .label) }
                sheet.merges.append(CellRange(top: first, left: 1, bottom: row - 1, right: 1))
            }
        }
        add(L.unitCode, .text(document.unitCode))
        add(L.unitName, .text(document.unitName))
        add(L.fiscalYear, .number(String(document.fiscalYear)), .integer)
        add(L.moneyUnit, .text(document.moneyUnit.rawValue))
        add(L.framework, .text(WorkbookLayout.frameworkName(document.framework)))
        addList(L.overallGoal, document.overallGoals.map(\.text))
        for goal in document.subGoals {
            add(L.subGoal, .text(goal.title))
            if let duty = goal.duty { add(L.duty, .text(duty)) }
            add(L.goal, .text(goal.goal))
            add(L.indicatorText, .text(goal.indicatorText))
            if let standard = goal.standard { add(L.standard, .text(standard)) }
        }
        addList(L.safeguard, document.safeguards.map(\.text))
        return sheet
    }

    // MARK: Project sheets

    /// The printed 项目绩效目标表, seven columns A–G as in the HTML print.
    static func projectSheet(_ document: DepartmentDocument, _ project: Project, number: Int) -> Sheet {
        var grid = PrintedGrid(name: WorkbookLayout.projectSheetName(project, number: number))
        let plan = project.spendingPlan
        grid.put(1, 1, .text(PrintedLayout.tableTitle(project, number: number)), .title, through: 7)
        grid.sheet.rowHeights[1] = 30
        grid.put(2, 1, .text(PrintedLayout.unitCell(document)), .captionLeft, through: 4)
        grid.put(2, 5, .text(PrintedLayout.moneyCell(document)), .captionRight, through: 7)
        grid.put(3, 1, .text("项目编码"), .label)
        grid.put(3, 2, .text(project.code), .text, through: 3)
        grid.put(3, 4, .text("项目名称"), .label)
        grid.put(3, 5, .text(project.name), .text, through: 7)
        grid.put(4, 1, .text("预算规模及资金用途"), .label, down: 5)
        grid.put(4, 2, .text("预算数"), .label)
        grid.put(4, 3, amount(project.budget), .amount)
        grid.put(4, 4, .text("其中：财政资金"), .label)
        grid.put(4, 5, amount(project.fiscalFunds), .amount)
        grid.put(4, 6, .text("其他资金"), .label)
        grid.put(4, 7, amount(project.otherFunds), .amount)
        grid.put(5, 2, .text(project.purpose), .text, through: 7)
        grid.put(6, 1, .text(PrintedLayout.planLabel(plan)), .label, down: 7)
        for (offset, checkpoint) in SpendingPlan.Checkpoint.allCases.enumerated() {
            let last = checkpoint == .december ? 7 : 2 + offset
            grid.put(6, 2 + offset, .text(checkpoint.chineseName), .label, through: last)
            if plan.mode == .percent {
                grid.put(7, 2 + offset, plan[checkpoint].map { .number(DecimalText.scaled($0.description, by: -2)) } ?? .empty,
                         .percent, through: last)
            } else {
                grid.put(7, 2 + offset, amount(plan[checkpoint]), .amount, through: last)
            }
        }
        grid.put(8, 1, .text("绩效目标"), .label)
        grid.put(8, 2, .text(PrintedLayout.goalLines(project.goals).joined(separator: "\n")), .text, through: 7)
        let header = PrintedLayout.gridHeader
        for (index, column) in [1, 2, 3, 4, 6, 7].enumerated() {
            grid.put(9, column, .text(header[index]), .label, through: column == 4 ? 5 : column)
        }
        let rows = project.indicators
        var index = 0
        while index < rows.count {
            // One merged level-1 cell per run of equal level 1, one level-2 cell per run of equal
            // levels 1 and 2, as the printed form merges them.
            var end1 = index
            while end1 + 1 < rows.count, rows[end1 + 1].level1 == rows[index].level1 { end1 += 1 }
            grid.put(10 + index, 1, .text(rows[index].level1), .centeredText, down: 10 + end1)
            var start2 = index
            while start2 <= end1 {
                var end2 = start2
                while end2 + 1 <= end1, rows[end2 + 1].level2 == rows[start2].level2 { end2 += 1 }
                grid.put(10 + start2, 2, .text(rows[start2].level2), .centeredText, down: 10 + end2)
                start2 = end2 + 1
            }
            for r in index...end1 {
                let row = rows[r]
                grid.put(10 + r, 3, .text(row.name), .text)
                grid.put(10 + r, 4, .text(row.description), .text, through: 5)
                grid.put(10 + r, 6, .text(row.value), .centeredText)
                grid.put(10 + r, 7, .text(row.basis), .text)
            }
            index = end1 + 1
        }
        grid.fitRowHeights(from: 2, widths: WorkbookLayout.projectColumnWidths)
        grid.sheet.printTitleRows = 9...9
        for (offset, width) in WorkbookLayout.projectColumnWidths.enumerated() { grid.sheet.columnWidths[offset + 1] = width }
        return grid.sheet
    }

    static func amount(_ amount: Amount?) -> CellValue {
        amount.map { .number($0.description) } ?? .empty
    }

    // MARK: The flat indicator sheet

    static func indicatorSheet(_ document: DepartmentDocument) -> Sheet {
        var sheet = Sheet(name: WorkbookLayout.indicatorSheet)
        let columns = WorkbookLayout.indicatorColumns
        for (index, title) in columns.enumerated() { sheet[1, index + 1] = Cell(.text(title), .header) }
        var row = 2
        for project in document.projects {
            for indicator in project.indicators {
                let texts = [document.unitCode, project.code, project.name] + IndicatorRow.Column.allCases.map { indicator[$0] }
                for (index, text) in texts.enumerated() { sheet[row, index + 1] = Cell(.text(text), .plainText) }
                let parsed = ParsedTarget(indicator.value)
                sheet[row, 10] = Cell(.text(parsed.operator), .plainText)
                if let number = parsed.number { sheet[row, 11] = Cell(.number(number.description), .plainNumber) }
                sheet[row, 12] = Cell(.text(parsed.unit), .plainText)
                row += 1
            }
        }
        sheet.columnWidths = [1: 10, 2: 24, 3: 28, 4: 10, 5: 12, 6: 24, 7: 36, 8: 14, 9: 16, 10: 8, 11: 10, 12: 10]
        sheet.autoFilter = CellRange(top: 1, left: 1, bottom: max(1, row - 1), right: columns.count)
        sheet.frozenRows = 1
        sheet.printTitleRows = 1...1
        sheet.landscape = true
        return sheet
    }
}

/// What the flat sheet shows of a 指标值: the national systems' operator (≥ … ≤, 定性,
/// 不适用, 定量（其他）), the number and the unit.
struct ParsedTarget {
    var `operator` = ""
    var number: Amount?
    var unit = ""

    init(_ value: String) {
        switch TargetValue(value).meaning {
        case .quantity(let quantity):
            self.operator = quantity.comparison.symbol
            number = quantity.number
            unit = quantity.unit?.description ?? ""
        case .qualitative: self.operator = "定性"
        case .notApplicable: self.operator = "不适用"
        case .otherQuantitative: self.operator = "定量（其他）"
        case .empty, .placeholder, .deadline, .frequency, .notUnderstood: break
        }
    }
}

/// A project sheet under construction: cells placed with their merged ranges, every cell of
/// a range styled so its borders print.
struct PrintedGrid {
    var sheet: Sheet

    init(name: String) { sheet = Sheet(name: name) }

    mutating func put(_ row: Int, _ column: Int, _ value: CellValue, _ style: CellStyle,
                      through right: Int? = nil, down bottom: Int? = nil) {
        let right = right ?? column
        let bottom = bottom ?? row
        for r in row...bottom {
            for c in column...right { sheet[r, c] = Cell(.empty, style) }
        }
        sheet[row, column] = Cell(value, style)
        if right > column || bottom > row {
            sheet.merges.append(CellRange(top: row, left: column, bottom: bottom, right: right))
        }
    }

    /// Row heights from the wrapped text's lines: Excel does not grow a row for a merged cell.
    mutating func fitRowHeights(from first: Int, widths: [Double]) {
        var spans: [Int: Int] = [:]
        for range in sheet.merges where range.top == range.bottom { spans[range.top * 100 + range.left] = range.right }
        for (row, cells) in sheet.rows where row >= first {
            var lines = 1
            for (column, cell) in cells {
                if sheet.merges.contains(where: { $0.top != $0.bottom && $0.contains(row: row, column: column) }) { continue }
                let right = spans[row * 100 + column] ?? column
                let width = widths[(column - 1)...(right - 1)].reduce(0, +)
                lines = max(lines, RowHeight.lines(cell.value, width: width))
            }
            sheet.rowHeights[row] = RowHeight.points(lines: lines)
        }
    }
}

/// An estimate of the lines a wrapped cell takes, for row heights.
enum RowHeight {
    static func lines(_ value: CellValue, width: Double) -> Int {
        guard case .text(let text) = value else { return 1 }
        let usable = max(1, width - 1.5)
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) { total, line in
            total + max(1, Int((Double(String(line).displayWidth) * 1.1 / usable).rounded(.up)))
        }
    }

    static func points(lines: Int) -> Double { Double(min(lines, 27)) * 14.25 + 4 }
}
