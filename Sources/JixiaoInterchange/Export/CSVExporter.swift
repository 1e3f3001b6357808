import Foundation
import JixiaoModel

/// CSV with one row per indicator, each carrying its project's columns (RFC 4180: comma
/// separated, CRLF line ends, fields with commas, quotes or line breaks in double quotes).
/// A project without indicators still gets one row, so no project is lost.
///
/// Spreadsheet-safe: a text cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading
/// apostrophe, so Excel or LibreOffice shows it instead of running it as a formula; the amounts
/// jixiao itself writes (`-12.5`) stay numbers. Control characters appear as visible escapes.
enum CSVExporter {
    static let header = [
        "单位编码", "单位名称", "预算年度", "金额单位", "项目编码", "项目名称", "预算数", "财政资金", "其他资金", "资金用途",
        "支出计划口径", "3月底", "6月底", "10月底", "12月底", "绩效目标",
        "一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据",
    ]

    static func export(_ document: DepartmentDocument, byteOrderMark: Bool) -> Data {
        var text = byteOrderMark ? "\u{FEFF}" : ""
        text += line(header)
        for project in document.projects {
            let plan = project.spendingPlan
            let projectFields = [
                cell(document.unitCode), cell(document.unitName), String(document.fiscalYear), document.moneyUnit.rawValue,
                cell(project.code), cell(project.name), PrintedLayout.amount(project.budget),
                PrintedLayout.amount(project.fiscalFunds), PrintedLayout.amount(project.otherFunds), cell(project.purpose),
                plan.mode == .percent ? "%" : document.moneyUnit.rawValue,
            ] + plan.values.map { $0?.description ?? "" } + [cell(PrintedLayout.goalLines(project.goals).joined(separator: "\n"))]
            if project.indicators.isEmpty {
                text += line(projectFields + Array(repeating: "", count: 6))
            }
            for row in project.indicators {
                text += line(projectFields + IndicatorRow.Column.allCases.map { cell(row[$0]) })
            }
        }
        return Data(text.utf8)
    }

    /// The characters a spreadsheet reads as the start of a formula (or, after a tab or CR
    /// it drops, of one).
    static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// A cell of text from the document: made inert, and kept from being read as a formula.
    static func cell(_ text: String) -> String {
        let inert = PrintedLayout.inert(text)
        guard let first = text.unicodeScalars.first, formulaStarts.contains(first) else { return inert }
        return "'" + inert
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
