import JixiaoModel

/// A department laid out as its printed text reads (部门预算绩效文本), in lines of one width:
/// the title (unit, year, status), part one (总体绩效目标, 分项绩效目标 with 绩效目标 and
/// 绩效指标, 工作保障措施), then each project's 项目绩效目标表 with box-drawing borders,
/// CJK-aligned with `TextMetrics` widths and wrapped inside the columns.
///
/// Built once per document and width (`DocumentViewScreen` caches it); each line records the
/// document cells it shows, so findings and comments can be placed on lines.
/// The printed headings stay Chinese in both interface languages: this is the official text.
public struct PrintedLayout: Sendable {
    public struct Line: Sendable, Hashable {
        public enum Kind: Sendable, Hashable { case title, heading, text, border, table, blank }

        public var text: String
        public var kind: Kind
        /// The cells whose text is on this line.
        public var cells: [CellPath]

        public init(text: String, kind: Kind, cells: [CellPath] = []) {
            self.text = text
            self.kind = kind
            self.cells = cells
        }
    }

    /// A piece of text as laid out: on `line`, from display column `column`.
    public struct Piece: Sendable, Hashable {
        public var line: Int
        public var column: Int
        public var text: String
    }

    public let width: Int
    public private(set) var lines: [Line] = []
    /// Text that reads on across lines (a wrapped paragraph, a table cell), each as its pieces
    /// in reading order: what search looks in, so a word wrapped onto the next line of its
    /// cell is still found.
    public private(set) var runs: [[Piece]] = []
    /// The first line of every cell shown and of every item holding one (a project, a row).
    private var anchors: [CellPath: Int] = [:]

    /// The narrowest width laid out; narrower windows scroll nothing sideways but clip.
    public static let minimumWidth = 40

    public init(document: DepartmentDocument, width: Int, metrics: TextMetrics) {
        self.width = max(Self.minimumWidth, width)
        var builder = Builder(width: self.width, metrics: metrics, borders: .forMetrics(metrics))
        builder.title(document)
        builder.departmentPart(document)
        builder.projects(document)
        lines = builder.lines
        runs = builder.runs
        for (index, line) in lines.enumerated() {
            for cell in line.cells {
                // Up the path until a part already placed (its own prefixes are placed too).
                var path = cell
                while !path.components.isEmpty, anchors[path] == nil {
                    anchors[path] = index
                    path = CellPath(Array(path.components.dropLast()))
                }
            }
        }
    }

    /// The line showing `path`, or the nearest enclosing item shown (a finding on a whole row
    /// lands on the row's first line); `nil` when nothing of it is shown.
    public func line(for path: CellPath) -> Int? {
        var current = path
        while !current.components.isEmpty {
            if let line = anchors[current] { return line }
            current = CellPath(Array(current.components.dropLast()))
        }
        return nil
    }

    // MARK: Building

    private struct Builder {
        let width: Int
        let metrics: TextMetrics
        let borders: BorderSet
        var lines: [Line] = []
        var runs: [[Piece]] = []

        /// Appends `line`, whose text from `column` on is `text`, continuing the run being built.
        mutating func append(_ line: Line, column: Int, text: String, to run: inout [Piece]) {
            run.append(Piece(line: lines.count, column: column, text: text))
            lines.append(line)
        }

        mutating func blank() {
            if lines.last?.kind != .blank { lines.append(Line(text: "", kind: .blank)) }
        }

        mutating func centered(_ text: String, kind: Line.Kind, cells: [CellPath] = []) {
            var run: [Piece] = []
            for part in metrics.wrap(text, to: width) {
                let padded = metrics.pad(part, to: width, alignment: .center)
                append(Line(text: padded, kind: kind, cells: cells), column: (width - metrics.width(of: part)) / 2,
                       text: part, to: &run)
            }
            runs.append(run)
        }

        mutating func heading(_ text: String, cells: [CellPath] = []) {
            var run: [Piece] = []
            for part in metrics.wrap(text, to: width) {
                append(Line(text: part, kind: .heading, cells: cells), column: 0, text: part, to: &run)
            }
            runs.append(run)
        }

        /// A paragraph after `prefix` (`1、`, `绩效目标：`), continuation lines indented under the
        /// text when the prefix is short, flush left otherwise. Line breaks in the text start
        /// new paragraphs at the same indentation.
        mutating func paragraph(_ text: String, prefix: String = "", indent: Int = 0, path: CellPath?,
                                kind: Line.Kind = .text) {
            let prefixWidth = metrics.width(of: prefix)
            let hanging = prefixWidth <= 6 ? prefixWidth : 0
            let cells = path.map { [$0] } ?? []
            var first = true
            for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
                let lead = first ? String(repeating: " ", count: indent) + prefix : String(repeating: " ", count: indent + hanging)
                let leadWidth = metrics.width(of: lead)
                let firstWidth = max(4, width - leadWidth)
                let restIndent = indent + hanging
                let restWidth = max(4, width - restIndent)
                let characters = Array(paragraph)
                let firstLine = metrics.wrapRanges(characters, columns: firstWidth).first ?? 0..<0
                var run: [Piece] = []
                let firstText = lead + String(characters[firstLine])
                append(Line(text: firstText, kind: kind, cells: cells), column: 0, text: firstText, to: &run)
                // The rest wraps to the continuation width (wider when the prefix is not hung).
                var rest = characters[firstLine.upperBound...]
                if rest.first == " " { rest = rest.dropFirst() }
                if !rest.isEmpty {
                    for part in metrics.wrap(String(rest), to: restWidth) {
                        append(Line(text: String(repeating: " ", count: restIndent) + part, kind: kind, cells: cells),
                               column: restIndent, text: part, to: &run)
                    }
                }
                runs.append(run)
                first = false
            }
        }

        mutating func title(_ document: DepartmentDocument) {
            centered("\(document.unitCode) \(document.unitName)", kind: .title,
                     cells: [.field("unitCode"), .field("unitName")])
            centered("\(document.fiscalYear)年度部门预算绩效文本", kind: .title, cells: [.field("fiscalYear")])
            centered("状态：\(document.status.chineseName)  ·  单位：\(document.moneyUnit.rawValue)", kind: .title,
                     cells: [.field("status"), .field("moneyUnit")])
            blank()
        }

        mutating func departmentPart(_ document: DepartmentDocument) {
            centered("第一部分　部门整体绩效目标", kind: .heading)
            blank()
            heading("一、总体绩效目标", cells: [.field("overallGoals")])
            for (index, goal) in document.overallGoals.enumerated() {
                paragraph(goal.text, prefix: "\(index + 1)、", indent: 1,
                          path: CellPath.field("overallGoals").item(goal.id).field("text"))
            }
            blank()
            heading("二、分项绩效目标", cells: [.field("subGoals")])
            for (index, goal) in document.subGoals.enumerated() {
                let item = CellPath.field("subGoals").item(goal.id)
                paragraph(goal.title, prefix: "\(index + 1)、", path: item.field("title"), kind: .heading)
                if let duty = goal.duty, !duty.isEmpty { paragraph(duty, prefix: "主要职责：", path: item.field("duty")) }
                paragraph(goal.goal, prefix: "绩效目标：", path: item.field("goal"))
                paragraph(goal.indicatorText, prefix: "绩效指标：", path: item.field("indicatorText"))
                if let standard = goal.standard, !standard.isEmpty {
                    paragraph(standard, prefix: "绩效标准：", path: item.field("standard"))
                }
                blank()
            }
            blank()
            heading("三、工作保障措施", cells: [.field("safeguards")])
            for item in document.safeguards {
                paragraph(item.text, prefix: "  ", path: CellPath.field("safeguards").item(item.id).field("text"))
            }
            blank()
        }

        mutating func projects(_ document: DepartmentDocument) {
            centered("第二部分　预算项目绩效目标", kind: .heading, cells: [.field("projects")])
            blank()
            for (index, project) in document.projects.enumerated() {
                heading("\(index + 1).\(project.name)绩效目标表", cells: [CellPath.project(project.id, "name")])
                let unit = "单位：\(document.moneyUnit.rawValue)"
                let owner = metrics.clip("\(document.unitCode)\(document.unitName)", to: max(4, width - metrics.width(of: unit) - 2))
                let gap = max(1, width - metrics.width(of: owner) - metrics.width(of: unit))
                let ownerLine = owner + String(repeating: " ", count: gap) + unit
                var run: [Piece] = []
                append(Line(text: ownerLine, kind: .text), column: 0, text: ownerLine, to: &run)
                runs.append(run)
                let printed = table(project, document: document).lines(borders: borders, metrics: metrics)
                let offset = lines.count
                lines += printed.lines
                runs += printed.runs.map { $0.map { Piece(line: $0.line + offset, column: $0.column, text: $0.text) } }
                blank()
            }
        }

        /// The 项目绩效目标表 of one project.
        func table(_ project: Project, document: DepartmentDocument) -> PrintedTable {
            typealias Cell = PrintedTable.Cell
            let p = { (field: String) in CellPath.project(project.id, field) }
            let inner = width - 2  // two outer borders
            let planLabel = project.spendingPlan.mode == .percent ? "资金支出计划（%）" : "资金支出计划（\(document.moneyUnit.rawValue)）"
            let labels = ["项目编码", "项目名称", "预算数", "其中：财政资金", "其他资金", "资金用途", planLabel, "绩效目标"]
            let labelWidth = min(labels.map { metrics.width(of: $0) }.max() ?? 8, max(8, inner / 4))
            let valueWidth = inner - labelWidth - 1
            func amount(_ value: Amount?) -> String { value?.description ?? "" }
            var table = PrintedTable()
            table.bands.append(.init(widths: [labelWidth, valueWidth], rows: [
                [Cell("项目编码"), Cell(project.code, p("code"))],
                [Cell("项目名称"), Cell(project.name, p("name"))],
                [Cell("预算数"), Cell(amount(project.budget), p("budget"), alignment: .right)],
                [Cell("其中：财政资金"), Cell(amount(project.fiscalFunds), p("fiscalFunds"), alignment: .right)],
                [Cell("其他资金"), Cell(amount(project.otherFunds), p("otherFunds"), alignment: .right)],
                [Cell("资金用途"), Cell(project.purpose, p("purpose"))],
            ]))
            // The four checkpoints share the value width.
            let checkpoints = SpendingPlan.Checkpoint.allCases
            let share = (valueWidth - (checkpoints.count - 1)) / checkpoints.count
            var planWidths = [labelWidth] + Array(repeating: share, count: checkpoints.count)
            planWidths[planWidths.count - 1] += valueWidth - (share * checkpoints.count + checkpoints.count - 1)
            let suffix = project.spendingPlan.mode == .percent ? "%" : ""
            table.bands.append(.init(widths: planWidths, rows: [
                [Cell(planLabel)] + checkpoints.map { Cell($0.chineseName, alignment: .center) },
                [Cell("")] + checkpoints.map { checkpoint in
                    Cell(project.spendingPlan[checkpoint].map { $0.description + suffix } ?? "",
                         p("spendingPlan").field(checkpoint.rawValue), alignment: .right)
                },
            ]))
            let goals = project.goals.enumerated().map { "\($0.offset + 1).\($0.element.text)" }.joined(separator: "\n")
            table.bands.append(.init(widths: [labelWidth, valueWidth], rows: [
                [Cell("绩效目标"), Cell(goals, project.goals.first.map { p("goals").item($0.id).field("text") } ?? p("goals"))],
            ]))
            table.bands.append(indicatorBand(project, inner: inner))
            return table
        }

        /// The six-column indicator grid; a 一级指标 or 二级指标 repeating the row above is left
        /// blank, as the printed table merges those cells.
        func indicatorBand(_ project: Project, inner: Int) -> PrintedTable.Band {
            let columns = IndicatorRow.Column.allCases
            let available = inner - (columns.count - 1)
            var rows: [[PrintedTable.Cell]] = [columns.map { PrintedTable.Cell($0.chineseName, alignment: .center) }]
            var previous: IndicatorRow?
            for row in project.indicators {
                rows.append(columns.map { column in
                    var text = row[column]
                    let sameGroup = previous.map { $0.level1 == row.level1 && (column == .level1 || $0.level2 == row.level2) } ?? false
                    if (column == .level1 || column == .level2) && sameGroup { text = "" }
                    return PrintedTable.Cell(text, CellPath.indicator(project: project.id, row: row.id, column: column))
                })
                previous = row
            }
            // Natural widths: the longest line of each column, capped so one long description
            // cannot starve the others.
            let natural = columns.indices.map { index in
                rows.map { row in
                    row[index].text.split(separator: "\n").map { metrics.width(of: $0) }.max() ?? 0
                }.max() ?? 0
            }
            let minimum = columns.map { column -> Int in
                switch column {
                case .level1, .level2: 8
                case .name, .value, .basis: 6
                case .description: 8
                }
            }
            let scaledMinimum = minimum.reduce(0, +) <= available ? minimum : minimum.map { max(2, $0 * available / minimum.reduce(0, +)) }
            let widths = PrintedTable.fit(natural: natural, minimum: scaledMinimum, available: available,
                                          stretch: IndicatorRow.Column.allCases.firstIndex(of: .description) ?? 3)
            return PrintedTable.Band(widths: widths, rows: rows)
        }
    }
}
