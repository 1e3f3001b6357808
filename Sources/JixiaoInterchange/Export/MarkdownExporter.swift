import JixiaoModel

/// Markdown that reproduces the printed document: part 1 as headings and paragraphs, then each
/// project table as a Markdown table whose rows follow the printed table row by row (the
/// unit and money unit, codes, budget, purpose, spending plan, goals, then the indicator grid
/// with level 1 printed once per group), padded to seven columns.
enum MarkdownExporter {
    static let columns = 7

    static func export(_ document: DepartmentDocument) -> String {
        var out: [String] = []
        out.append("# " + inline(PrintedLayout.title(document)))
        out.append("")
        out.append("## 第一部分 部门整体绩效目标")
        out.append("")
        out.append("### 一、总体绩效目标")
        out.append("")
        for item in document.overallGoals { out.append(paragraph(item.text)); out.append("") }
        out.append("### 二、分项绩效目标")
        out.append("")
        for goal in document.subGoals {
            out.append("#### " + inline(goal.title))
            out.append("")
            if let duty = goal.duty { out.append(paragraph("主要职责：" + duty)); out.append("") }
            out.append(paragraph("绩效目标：" + goal.goal))
            out.append("")
            out.append(paragraph("绩效指标：" + goal.indicatorText))
            out.append("")
            if let standard = goal.standard { out.append(paragraph("绩效标准：" + standard)); out.append("") }
        }
        out.append("### 三、工作保障措施")
        out.append("")
        for item in document.safeguards { out.append(paragraph(item.text)); out.append("") }
        out.append("## 第二部分 预算项目绩效目标")
        out.append("")
        for (index, project) in document.projects.enumerated() {
            out.append("### " + inline(PrintedLayout.tableTitle(project, number: index + 1)))
            out.append("")
            out += table(rows(document, project))
            out.append("")
        }
        return out.joined(separator: "\n")
    }

    /// The printed table's rows, cell by cell.
    static func rows(_ document: DepartmentDocument, _ project: Project) -> [[String]] {
        let plan = project.spendingPlan
        var rows: [[String]] = [
            [PrintedLayout.unitCell(document), PrintedLayout.moneyCell(document)],
            ["项目编码", project.code, "项目名称", project.name],
            ["预算规模及资金用途", "预算数", PrintedLayout.amount(project.budget), "其中：财政资金",
             PrintedLayout.amount(project.fiscalFunds), "其他资金", PrintedLayout.amount(project.otherFunds)],
            ["", project.purpose],
            [PrintedLayout.planLabel(plan)] + SpendingPlan.Checkpoint.allCases.map(\.chineseName),
            [""] + plan.values.map { PrintedLayout.planFigure($0, mode: plan.mode) },
            ["绩效目标", PrintedLayout.goalLines(project.goals).joined(separator: "\n")],
            PrintedLayout.gridHeader,
        ]
        for (index, row) in project.indicators.enumerated() {
            rows.append([PrintedLayout.printedLevel1(project.indicators, at: index), row.level2, row.name,
                         row.description, row.value, row.basis])
        }
        return rows
    }

    static func table(_ rows: [[String]]) -> [String] {
        var lines: [String] = []
        for (index, row) in rows.enumerated() {
            let padded = row + Array(repeating: "", count: max(0, columns - row.count))
            lines.append("| " + padded.map(cell).joined(separator: " | ") + " |")
            if index == 0 { lines.append("|" + Array(repeating: "---|", count: columns).joined()) }
        }
        return lines
    }

    /// A table cell: Markdown and HTML characters escaped, line breaks as `<br>`.
    static func cell(_ text: String) -> String {
        PrintedLayout.inert(text).split(separator: "\n", omittingEmptySubsequences: false).map { inline(String($0)) }.joined(separator: "<br>")
    }

    static func paragraph(_ text: String) -> String {
        PrintedLayout.inert(text).split(separator: "\n", omittingEmptySubsequences: false).map { inline(String($0)) }.joined(separator: "  \n")
    }

    /// Escapes the characters Markdown would read as markup (control characters become
    /// visible escapes first).
    static func inline(_ text: String) -> String {
        var result = ""
        for ch in PrintedLayout.inert(text) {
            switch ch {
            case "\\", "|", "*", "_", "`", "[", "]", "#": result += "\\" + String(ch)
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "&": result += "&amp;"
            default: result.append(ch)
            }
        }
        return result
    }
}
