import Foundation
import JixiaoModel

/// One imported workbook: the document and what was read where.
public struct WorkbookImportResult: Sendable {
    public var document: DepartmentDocument
    public var report: WorkbookImportReport
}

/// The .xlsx import: the workbook jixiao exports (department sheet, project sheets, the flat
/// 指标 sheet, which is derived and not read back), and workbooks laid out as the printed
/// table, one project per sheet with merged cells, as a user's own template is. Cells are
/// found by their labels, not by fixed positions; a merged range gives its value to every
/// cell it covers, so a merged 一级指标 fills each of its rows. Pure: bytes in, document out.
public enum WorkbookImporter {
    public static func importDocument(_ data: Data, fileName: String,
                                      options: ImportOptions = ImportOptions()) throws(WorkbookImportError) -> WorkbookImportResult {
        let parts: [String: Data]
        do {
            parts = try XLSXPackage.unzip(data)
        } catch {
            throw WorkbookImportError(chinese: error.chinese, english: error.english)
        }
        return try importWorkbook(SpreadsheetMLReader.read(parts), fileName: fileName, options: options)
    }

    static func importWorkbook(_ workbook: Workbook, fileName: String,
                               options: ImportOptions) throws(WorkbookImportError) -> WorkbookImportResult {
        var report = WorkbookImportReport(fileName: fileName)
        var department: DepartmentSheetReader?
        var projects: [Project] = []
        var unit: (code: String, name: String)?
        var money: MoneyUnit?
        for sheet in workbook.sheets {
            let grid = SheetGrid(sheet)
            switch grid.kind {
            case .department:
                guard department == nil else {
                    report.notices.append(.init(sheet: sheet.name, cell: nil, chinese: "第二张部门工作表，已跳过",
                                                english: "a second department sheet; skipped"))
                    continue
                }
                department = try DepartmentSheetReader(grid)
            case .project:
                var reader = ProjectSheetReader(grid: grid)
                let project = try reader.read()
                report.notices += reader.notices
                if unit == nil, let found = reader.unit { unit = found }
                if money == nil { money = reader.moneyUnit }
                projects.append(project)
                report.projects.append(.init(sheet: sheet.name, code: project.code, name: project.name,
                                             indicatorCount: project.indicators.count))
            case .indicatorList:
                report.skippedSheets.append(sheet.name)
            case .other:
                report.notices.append(.init(sheet: sheet.name, cell: nil,
                                            chinese: "既不是部门表也不是项目绩效目标表（没有“项目编码”和“一级指标”），已跳过",
                                            english: "neither a department sheet nor a project table (no 项目编码 and 一级指标); skipped"))
            }
        }
        guard !projects.isEmpty || department != nil else {
            throw WorkbookImportError(chinese: "工作簿中没有项目绩效目标表，也没有部门工作表",
                                      english: "the workbook has no project performance table and no department sheet")
        }
        let year: Int
        if let requested = options.fiscalYear {
            year = requested
            report.fiscalYearSource = nil
            if let found = department?.fiscalYear, found.value != requested {
                report.notices.append(.init(sheet: department?.sheet, cell: found.cell,
                                            chinese: "工作簿写的是 \(found.value) 年，按 --year 使用 \(requested) 年",
                                            english: "the workbook says \(found.value); using \(requested) from --year"))
            }
        } else if let found = department?.fiscalYear {
            year = found.value
            report.fiscalYearSource = (department!.sheet, found.cell)
        } else {
            throw WorkbookImportError(chinese: "工作簿中没有预算年度（没有部门工作表），请用 --year 指定",
                                      english: "the workbook names no budget year (it has no department sheet); give it with --year")
        }
        let unitCode = department?.unitCode ?? unit?.code ?? ""
        let unitName = department?.unitName ?? unit?.name ?? ""
        let moneyUnit = department?.moneyUnit ?? money ?? .tenThousandYuan
        if department?.moneyUnit == nil && money == nil {
            report.notices.append(.init(sheet: nil, cell: nil, chinese: "没有找到金额单位，按万元处理",
                                        english: "no money unit found; taken as 万元"))
        }
        let levelOnes = Set(projects.flatMap { $0.indicators.map(\.level1) })
        let document = DepartmentDocument(
            fiscalYear: year, unitCode: unitCode, unitName: unitName, moneyUnit: moneyUnit,
            framework: department?.framework ?? (levelOnes.contains("成本指标") ? .guidance2021 : .legacy),
            overallGoals: department?.overallGoals ?? [], subGoals: department?.subGoals ?? [],
            safeguards: department?.safeguards ?? [], projects: projects)
        report.fiscalYear = year
        report.unitCode = unitCode
        report.unitName = unitName
        report.moneyUnit = moneyUnit.rawValue
        return WorkbookImportResult(document: document, report: report)
    }
}

/// A sheet with its merged ranges resolved: what shows at each position, and where labels are.
struct SheetGrid {
    enum Kind { case department, project, indicatorList, other }

    let sheet: Sheet
    /// For each cell covered by a merged range, the range.
    private var ranges: [CellReference: CellRange] = [:]

    init(_ sheet: Sheet) {
        self.sheet = sheet
        for range in sheet.merges {
            for row in range.top...range.bottom {
                for column in range.left...range.right { ranges[CellReference(row: row, column: column)] = range }
            }
        }
    }

    var name: String { sheet.name }

    func range(row: Int, column: Int) -> CellRange {
        ranges[CellReference(row: row, column: column)] ?? CellRange(top: row, left: column, bottom: row, right: column)
    }

    /// The cell shown at a position (a merged range's top-left cell), or `nil` when blank.
    func cell(_ row: Int, _ column: Int) -> Cell? {
        let range = range(row: row, column: column)
        return sheet[range.top, range.left]
    }

    func text(_ row: Int, _ column: Int) -> String { cell(row, column)?.text ?? "" }

    func key(_ row: Int, _ column: Int) -> String { text(row, column).labelKey }

    /// The first position, row by row, whose label is `label` (compared without white space).
    func find(_ label: String, where accept: (Int, Int) -> Bool = { _, _ in true }) -> CellReference? {
        for row in sheet.rows.keys.sorted() {
            for column in sheet.rows[row]!.keys.sorted() where sheet[row, column]?.text.labelKey == label && accept(row, column) {
                return CellReference(row: row, column: column)
            }
        }
        return nil
    }

    /// The position right of the label's (merged) cell: where its value is.
    func right(of label: CellReference) -> CellReference {
        CellReference(row: label.row, column: range(row: label.row, column: label.column).right + 1)
    }

    var kind: Kind {
        if find("项目编码", where: { row, _ in row == 1 }) != nil && find("一级指标", where: { row, _ in row == 1 }) != nil {
            return .indicatorList
        }
        if find("项目编码") != nil && find("一级指标") != nil { return .project }
        if find(WorkbookLayout.Label.unitCode, where: { _, column in column == 1 }) != nil
            && find(WorkbookLayout.Label.fiscalYear, where: { _, column in column == 1 }) != nil {
            return .department
        }
        return .other
    }

    func error(_ row: Int, _ column: Int, _ chinese: String, _ english: String) -> WorkbookImportError {
        WorkbookImportError(sheet: name, cell: CellReference.name(row: row, column: column), chinese: chinese, english: english)
    }
}

/// Reads the department sheet: labels in column A, values in column B.
struct DepartmentSheetReader {
    var sheet: String
    var unitCode: String?
    var unitName: String?
    var fiscalYear: (value: Int, cell: String)?
    var moneyUnit: MoneyUnit?
    var framework: FrameworkEdition?
    var overallGoals: [TextItem] = []
    var subGoals: [SubGoal] = []
    var safeguards: [TextItem] = []

    init(_ grid: SheetGrid) throws(WorkbookImportError) {
        typealias L = WorkbookLayout.Label
        sheet = grid.name
        for row in grid.sheet.rows.keys.sorted() {
            let label = grid.key(row, 1)
            let value = grid.sheet[row, 2]?.text ?? ""
            let place = CellReference.name(row: row, column: 2)
            // The title spans both columns; blank rows carry nothing.
            if grid.range(row: row, column: 1).right >= 2 || (label.isEmpty && value.isEmpty) { continue }
            switch label {
            case L.unitCode: unitCode = value
            case L.unitName: unitName = value
            case L.fiscalYear:
                guard let year = Int(value.trimmedLayout), (1990...2100).contains(year) else {
                    throw grid.error(row, 2, "预算年度应为 1990–2100 之间的年份，而不是“\(value)”",
                                     "the budget year must be a year from 1990 to 2100, not “\(value)”")
                }
                fiscalYear = (year, place)
            case L.moneyUnit:
                guard let unit = MoneyUnit(rawValue: value.trimmedLayout) else {
                    throw grid.error(row, 2, "金额单位应为“万元”或“元”，而不是“\(value)”", "the money unit must be 万元 or 元, not “\(value)”")
                }
                moneyUnit = unit
            case L.framework:
                guard let edition = WorkbookLayout.framework(named: value.trimmedLayout) else {
                    throw grid.error(row, 2, "不认识的指标体系“\(value)”", "unknown indicator framework “\(value)”")
                }
                framework = edition
            case L.overallGoal: overallGoals.append(TextItem(text: value))
            case L.safeguard: safeguards.append(TextItem(text: value))
            case L.subGoal: subGoals.append(SubGoal(title: value))
            case L.duty, L.goal, L.indicatorText, L.standard:
                guard !subGoals.isEmpty else {
                    throw grid.error(row, 1, "“\(label)”前面没有“分项绩效目标”行", "“\(label)” comes before any 分项绩效目标 row")
                }
                switch label {
                case L.duty: subGoals[subGoals.count - 1].duty = value
                case L.goal: subGoals[subGoals.count - 1].goal = value
                case L.indicatorText: subGoals[subGoals.count - 1].indicatorText = value
                default: subGoals[subGoals.count - 1].standard = value
                }
            default:
                throw grid.error(row, 1, "不认识的标签“\(grid.text(row, 1))”（第 A 列应为单位编码、总体绩效目标等）",
                                 "unknown label “\(grid.text(row, 1))” (column A holds 单位编码, 总体绩效目标 …)")
            }
        }
    }
}

/// Reads one project sheet laid out as the printed 项目绩效目标表.
struct ProjectSheetReader {
    let grid: SheetGrid
    var notices: [WorkbookImportReport.Notice] = []
    var unit: (code: String, name: String)?
    var moneyUnit: MoneyUnit?

    init(grid: SheetGrid) { self.grid = grid }

    mutating func read() throws(WorkbookImportError) -> Project {
        var project = Project()
        let codeLabel = grid.find("项目编码")!
        let header = grid.find("一级指标")!
        // Above the code: the title, the unit and the money unit.
        for row in grid.sheet.rows.keys.sorted() where row <= codeLabel.row {
            for column in grid.sheet.rows[row]!.keys.sorted() {
                let text = grid.sheet[row, column]?.text ?? ""
                if let found = ProjectTableParser.moneyUnit(text), moneyUnit == nil { moneyUnit = found }
                if unit == nil, let found = ProjectTableParser.unit(text) { unit = found }
                if project.name.isEmpty, text.hasSuffix("绩效目标表") { project.name = TextImporter.titleName(text) }
            }
        }
        project.code = try text(rightOf: codeLabel, isCode: true)
        if let nameLabel = grid.find("项目名称") {
            project.name = try text(rightOf: nameLabel, isCode: false)
        }
        if let budget = grid.find("预算数") {
            project.budget = try amount(at: grid.right(of: budget))
            // The purpose sits in the row under the figures, right of the merged label.
            if let label = grid.find("预算规模及资金用途"), grid.range(row: label.row, column: label.column).bottom > budget.row {
                project.purpose = grid.text(budget.row + 1, grid.range(row: label.row, column: label.column).right + 1)
            }
        }
        if let fiscal = grid.find("其中：财政资金") ?? grid.find("财政资金") { project.fiscalFunds = try amount(at: grid.right(of: fiscal)) }
        if let other = grid.find("其他资金") { project.otherFunds = try amount(at: grid.right(of: other)) }
        if let purpose = grid.find("资金用途") { project.purpose = try text(rightOf: purpose, isCode: false) }
        if let march = grid.find("3月底") {
            let grid = self.grid
            let label = (1..<march.column).reversed().lazy.map { grid.key(march.row, $0) }.first { !$0.isEmpty } ?? ""
            project.spendingPlan.mode = label.contains("%") ? .percent : .amount
            for checkpoint in SpendingPlan.Checkpoint.allCases {
                guard let position = grid.find(checkpoint.chineseName, where: { row, _ in row == march.row }) else { continue }
                project.spendingPlan[checkpoint] = try amount(at: CellReference(row: position.row + 1, column: position.column),
                                                              percent: project.spendingPlan.mode == .percent)
            }
        }
        if let goals = grid.find("绩效目标", where: { row, _ in row < header.row }) {
            project.goals = Self.goals(try text(rightOf: goals, isCode: false))
        }
        project.indicators = try indicators(header: header)
        return project
    }

    /// `1.…\n2.…`: a line that starts with the next number starts the next goal; other lines continue it.
    static func goals(_ text: String) -> [TextItem] {
        guard !text.isEmpty else { return [] }
        var items: [String] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let prefix = "\(items.count + 1)."
            if line.hasPrefix(prefix) {
                items.append(String(line.dropFirst(prefix.count)))
            } else if let split = Numbering.split(String(line)), Numbering.arabic(split.number) == items.count + 1 {
                items.append(split.rest)
            } else if items.isEmpty {
                items.append(String(line))
            } else {
                items[items.count - 1] += "\n" + line
            }
        }
        return items.map { TextItem(text: $0) }
    }

    mutating func text(rightOf label: CellReference, isCode: Bool) throws(WorkbookImportError) -> String {
        let position = grid.right(of: label)
        guard let cell = grid.cell(position.row, position.column) else { return "" }
        if isCode, case .number(let digits) = cell.value {
            notices.append(.init(sheet: grid.name, cell: position.name,
                                 chinese: "项目编码是数字而不是文本，超过 15 位的编码可能已被表格软件改动，请核对",
                                 english: "the project code is a number, not text; a spreadsheet may have changed codes longer than 15 digits; check it"))
            return digits
        }
        return cell.text
    }

    func amount(at position: CellReference, percent: Bool = false) throws(WorkbookImportError) -> Amount? {
        guard let cell = grid.cell(position.row, position.column) else { return nil }
        var digits: String
        switch cell.value {
        case .empty: return nil
        case .number(let value): digits = cell.style == .percent ? DecimalText.scaled(value, by: 2) : value
        case .text(let value):
            var typed = value.trimmedLayout
            if typed.isEmpty { return nil }
            if percent, typed.hasSuffix("%") || typed.hasSuffix("％") { typed.removeLast() }
            guard let parsed = Amount(typed: typed) else {
                throw grid.error(position.row, position.column, "“\(value)”不是金额", "“\(value)” is not an amount")
            }
            return parsed
        }
        // Spreadsheets store binary floating point: more than six decimals are its noise.
        if let point = digits.firstIndex(of: "."), digits.distance(from: point, to: digits.endIndex) > Amount.maxScale + 1,
           let decimal = Decimal(string: digits) {
            var value = decimal
            var rounded = Decimal()
            NSDecimalRound(&rounded, &value, Amount.maxScale, .plain)
            digits = DecimalText.plain("\(rounded)") ?? digits
        }
        guard let amount = Amount(canonical: digits) else {
            throw grid.error(position.row, position.column, "数字“\(digits)”超出金额的范围", "the number “\(digits)” is out of an amount's range")
        }
        return amount
    }

    /// The indicator grid under the header row: columns found by their headings, blank rows and
    /// repeated headers left out. A merged level 1 or level 2 fills each row it covers; a sheet
    /// that merges neither (a hand-made template) has blank levels filled from the row above.
    mutating func indicators(header: CellReference) throws(WorkbookImportError) -> [IndicatorRow] {
        var columns: [IndicatorRow.Column: Int] = [:]
        let aliases: [IndicatorRow.Column: [String]] = [
            .level1: ["一级指标"], .level2: ["二级指标"], .name: ["三级指标", "指标名称"],
            .description: ["绩效指标描述", "指标描述", "指标内容"], .value: ["指标值", "目标值"],
            .basis: ["指标值确定依据", "确定依据", "指标值设定依据"],
        ]
        for column in grid.sheet.rows[header.row]!.keys.sorted() {
            let key = grid.key(header.row, column)
            for (field, names) in aliases where names.contains(key) && columns[field] == nil { columns[field] = column }
        }
        for field in IndicatorRow.Column.allCases where columns[field] == nil {
            throw grid.error(header.row, header.column, "指标表头缺少“\(field.chineseName)”列", "the indicator header lacks the column \(field.chineseName)")
        }
        let mergedLevels = grid.sheet.merges.contains { $0.top > header.row && $0.bottom > $0.top
            && ($0.left == columns[.level1]! || $0.left == columns[.level2]!) }
        var rows: [IndicatorRow] = []
        for row in grid.sheet.rows.keys.sorted() where row > header.row {
            var indicator = IndicatorRow()
            for (field, column) in columns {
                guard let cell = grid.cell(row, column) else { continue }
                indicator[field] = cell.text
                if case .number(let digits) = cell.value {
                    // A spreadsheet that read typed text as a number (`=100%` became 1): say where.
                    if cell.style == .percent { indicator[field] = DecimalText.scaled(digits, by: 2) + "%" }
                    notices.append(.init(sheet: grid.name, cell: CellReference.name(row: row, column: column),
                                         chinese: "\(field.chineseName)是数字而不是文本，读作“\(indicator[field])”，表格软件可能改动过原文，请核对",
                                         english: "the \(field.englishName.lowercased()) is a number, not text; read as “\(indicator[field])”; a spreadsheet may have changed what was typed; check it"))
                }
            }
            let texts = IndicatorRow.Column.allCases.map { indicator[$0] }
            if texts.allSatisfy(\.isEmpty) { continue }
            if texts.map(\.labelKey) == IndicatorRow.Column.allCases.map(\.chineseName) { continue }
            if !mergedLevels, let above = rows.last {
                if indicator.level1.isEmpty { indicator.level1 = above.level1 }
                if indicator.level2.isEmpty && indicator.level1 == above.level1 { indicator.level2 = above.level2 }
            }
            rows.append(indicator)
        }
        return rows
    }
}

/// What the workbook import read, sheet by sheet, and what it left out or assumed.
public struct WorkbookImportReport: Sendable, Hashable {
    public struct ProjectSummary: Sendable, Hashable {
        public var sheet: String
        public var code: String
        public var name: String
        public var indicatorCount: Int
    }

    public struct Notice: Sendable, Hashable {
        public var sheet: String?
        public var cell: String?
        public var chinese: String
        public var english: String
    }

    public var fileName: String
    public var fiscalYear = 0
    /// The department sheet and cell the year came from; `nil` when it came from `--year`.
    public var fiscalYearSource: (sheet: String, cell: String)? {
        get { yearSheet.map { ($0, yearCell ?? "") } }
        set { yearSheet = newValue?.sheet; yearCell = newValue?.cell }
    }
    private var yearSheet: String?
    private var yearCell: String?
    public var unitCode = ""
    public var unitName = ""
    public var moneyUnit = ""
    public var projects: [ProjectSummary] = []
    /// Sheets left out on purpose (the derived 指标 sheet).
    public var skippedSheets: [String] = []
    public var notices: [Notice] = []

    init(fileName: String) { self.fileName = fileName }

    public var indicatorCount: Int { projects.reduce(0) { $0 + $1.indicatorCount } }

    public func text(chinese zh: Bool) -> String {
        var lines: [String] = []
        let year: String = switch (fiscalYearSource, zh) {
        case (let source?, true): "\(fiscalYear)年（工作表“\(source.sheet)”\(source.cell)）"
        case (let source?, false): "\(fiscalYear) (sheet “\(source.sheet)” \(source.cell))"
        case (nil, true): "\(fiscalYear)年（--year）"
        case (nil, false): "\(fiscalYear) (--year)"
        }
        lines.append("\(fileName): \(unitCode) \(unitName) · \(year) · " + (zh ? "单位：\(moneyUnit)" : "money unit \(moneyUnit)"))
        lines.append(zh ? "  \(projects.count) 个项目，\(indicatorCount) 个指标 · 版式：Excel 工作簿"
                        : "  \(projects.count) project(s), \(indicatorCount) indicator(s) · layout: Excel workbook")
        for project in projects {
            lines.append(zh ? "    工作表“\(project.sheet)”：\(project.code) \(project.name)，\(project.indicatorCount) 个指标"
                            : "    sheet “\(project.sheet)”: \(project.code) \(project.name), \(project.indicatorCount) indicator(s)")
        }
        for sheet in skippedSheets {
            lines.append(zh ? "  跳过：工作表“\(sheet)”（由各项目表生成的指标清单）"
                            : "  skipped: sheet “\(sheet)” (the indicator list derived from the project sheets)")
        }
        if !notices.isEmpty { lines.append(zh ? "  提醒：" : "  warnings:") }
        for notice in notices {
            let place = WorkbookImportError(sheet: notice.sheet, cell: notice.cell, chinese: "", english: "")
            lines.append("    " + (zh ? "\(place.chinesePlace)：\(notice.chinese)" : "\(place.englishPlace): \(notice.english)"))
        }
        return lines.joined(separator: "\n")
    }
}
