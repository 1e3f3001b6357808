import Foundation
import JixiaoModel

/// CSV with one row per indicator, each carrying its project's columns (RFC 4180: comma
/// separated, CRLF line ends, fields with commas, quotes or line breaks in double quotes).
/// A project without indicators still gets one row, so no project is lost.
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
                document.unitCode, document.unitName, String(document.fiscalYear), document.moneyUnit.rawValue,
                project.code, project.name, PrintedLayout.amount(project.budget), PrintedLayout.amount(project.fiscalFunds),
                PrintedLayout.amount(project.otherFunds), project.purpose,
                plan.mode == .percent ? "%" : document.moneyUnit.rawValue,
            ] + plan.values.map { $0?.description ?? "" } + [PrintedLayout.goalLines(project.goals).joined(separator: "\n")]
            if project.indicators.isEmpty {
                text += line(projectFields + Array(repeating: "", count: 6))
            }
            for row in project.indicators {
                text += line(projectFields + IndicatorRow.Column.allCases.map { row[$0] })
            }
        }
        return Data(text.utf8)
    }

    static func line(_ fields: [String]) -> String {
        fields.map(quoted).joined(separator: ",") + "\r\n"
    }

    static func quoted(_ field: String) -> String {
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
