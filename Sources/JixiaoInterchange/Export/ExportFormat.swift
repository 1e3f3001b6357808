import Foundation
import JixiaoModel

/// The forms a department document can be exported in.
public enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// The canonical JSON document (`DocumentCodec`).
    case json
    /// One row per indicator with its project's columns, for spreadsheets.
    case csv
    /// Markdown reproducing the printed layout: part 1, then each project table.
    case md
    /// One self-contained printable HTML page (A4, a page per project table).
    case html
    /// An Excel workbook: part one, each project table as printed, and a flat indicator sheet.
    case xlsx

    public var fileExtension: String { rawValue }

    /// Whether the output is binary (not for a terminal).
    public var isBinary: Bool { self == .xlsx }
}

public struct ExportOptions: Sendable, Hashable {
    /// Start CSV output with the UTF-8 byte-order mark that Excel needs to read UTF-8.
    public var csvByteOrderMark: Bool

    public init(csvByteOrderMark: Bool = false) {
        self.csvByteOrderMark = csvByteOrderMark
    }
}

/// Turns a department document into bytes of one export format. Pure: no file I/O.
public enum DocumentExporter {
    public static func export(_ document: DepartmentDocument, as format: ExportFormat,
                              options: ExportOptions = ExportOptions()) -> Data {
        switch format {
        // The same JSON values as the canonical encoding, with control characters as \u escapes.
        case .json: Data(InertText.jsonEscaped(String(decoding: DocumentCodec.encode(document), as: UTF8.self)).utf8)
        case .csv: CSVExporter.export(document, byteOrderMark: options.csvByteOrderMark)
        case .md: Data(MarkdownExporter.export(document).utf8)
        case .html: Data(HTMLExporter.export(document).utf8)
        case .xlsx: WorkbookExporter.export(document)
        }
    }
}

/// The printed texts shared by the Markdown and HTML layouts.
enum PrintedLayout {
    static func title(_ document: DepartmentDocument) -> String {
        "\(document.unitName)\(document.fiscalYear)年部门预算绩效文本"
    }

    static func tableTitle(_ project: Project, number: Int) -> String {
        "\(number).\(project.name)绩效目标表"
    }

    static func unitCell(_ document: DepartmentDocument) -> String { document.unitCode + document.unitName }

    static func moneyCell(_ document: DepartmentDocument) -> String { "单位：" + document.moneyUnit.rawValue }

    static func planLabel(_ plan: SpendingPlan) -> String {
        plan.mode == .percent ? "资金支出计划（%）" : "资金支出计划（累计支出资金）"
    }

    static func planFigure(_ amount: Amount?, mode: SpendingPlan.Mode) -> String {
        guard let amount else { return "" }
        return mode == .percent ? amount.description + "%" : amount.description
    }

    static func amount(_ amount: Amount?) -> String { amount?.description ?? "" }

    /// The goals as printed: `1.…`, `2.…`, one per line.
    static func goalLines(_ goals: [TextItem]) -> [String] {
        goals.enumerated().map { "\($0.offset + 1).\($0.element.text)" }
    }

    /// Level 1 is printed once per group of rows (the printed table merges it); level 2 on every row.
    static func printedLevel1(_ rows: [IndicatorRow], at index: Int) -> String {
        index > 0 && rows[index - 1].level1 == rows[index].level1 ? "" : rows[index].level1
    }

    static let gridHeader = IndicatorRow.Column.allCases.map(\.chineseName)

    /// Text of the document as an export shows it: a CR or CRLF line break as a line feed, every
    /// other control character as its visible escape (`InertText`), so no export holds one raw.
    static func inert(_ text: String) -> String {
        guard InertText.containsUnsafe(text) else { return text }
        let lines = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        return InertText.visible(lines)
    }
}
