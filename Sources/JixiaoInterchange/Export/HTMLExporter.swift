import JixiaoModel

/// One self-contained printable HTML page: inline CSS, A4 pages, each project table on a new
/// page, CJK fonts named by family only (nothing is fetched), all text escaped.
enum HTMLExporter {
    static let style = """
        @page { size: A4; margin: 18mm 15mm; }
        body { font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
               font-size: 10.5pt; line-height: 1.5; color: #000; margin: 0; }
        h1 { font-size: 18pt; text-align: center; margin: 0 0 12pt; }
        h2 { font-size: 15pt; text-align: center; margin: 12pt 0 8pt; }
        h3 { font-size: 13pt; margin: 10pt 0 6pt; }
        h4 { font-size: 11pt; margin: 8pt 0 4pt; }
        p { margin: 0 0 6pt; text-indent: 2em; }
        section.project { break-before: page; page-break-before: always; }
        section.project h3 { text-align: center; }
        .unit { display: flex; justify-content: space-between; margin-bottom: 4pt; }
        table { width: 100%; border-collapse: collapse; table-layout: fixed; }
        th, td { border: 1px solid #000; padding: 2pt 4pt; vertical-align: middle; word-break: break-all; }
        th { font-weight: bold; text-align: center; }
        td.figure { text-align: center; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        """

    static func export(_ document: DepartmentDocument) -> String {
        var out: [String] = []
        out.append("<!DOCTYPE html>")
        out.append("<html lang=\"zh-CN\">")
        out.append("<head>")
        out.append("<meta charset=\"utf-8\">")
        out.append("<title>\(escape(PrintedLayout.title(document)))</title>")
        out.append("<style>\n\(style)\n</style>")
        out.append("</head>")
        out.append("<body>")
        out.append("<h1>\(escape(PrintedLayout.title(document)))</h1>")
        out.append("<section class=\"department\">")
        out.append("<h2>第一部分 部门整体绩效目标</h2>")
        out.append("<h3>一、总体绩效目标</h3>")
        out += document.overallGoals.map { paragraph($0.text) }
        out.append("<h3>二、分项绩效目标</h3>")
        for goal in document.subGoals {
            out.append("<h4>\(escape(goal.title))</h4>")
            if let duty = goal.duty { out.append(paragraph("主要职责：" + duty)) }
            out.append(paragraph("绩效目标：" + goal.goal))
            out.append(paragraph("绩效指标：" + goal.indicatorText))
            if let standard = goal.standard { out.append(paragraph("绩效标准：" + standard)) }
        }
        out.append("<h3>三、工作保障措施</h3>")
        out += document.safeguards.map { paragraph($0.text) }
        out.append("</section>")
        for (index, project) in document.projects.enumerated() {
            out += table(document, project, number: index + 1)
        }
        out.append("</body>")
        out.append("</html>")
        return out.joined(separator: "\n") + "\n"
    }

    static func table(_ document: DepartmentDocument, _ project: Project, number: Int) -> [String] {
        let plan = project.spendingPlan
        var out: [String] = []
        out.append("<section class=\"project\">")
        if number == 1 { out.append("<h2>第二部分 预算项目绩效目标</h2>") }
        out.append("<h3>\(escape(PrintedLayout.tableTitle(project, number: number)))</h3>")
        out.append("<div class=\"unit\"><span>\(escape(PrintedLayout.unitCell(document)))</span>"
                   + "<span>\(escape(PrintedLayout.moneyCell(document)))</span></div>")
        out.append("<table>")
        out.append("<colgroup><col style=\"width:12%\"><col style=\"width:13%\"><col style=\"width:15%\">"
                   + "<col style=\"width:14%\"><col style=\"width:14%\"><col style=\"width:12%\"><col style=\"width:20%\"></colgroup>")
        out.append("<tr><th>项目编码</th><td colspan=\"2\">\(escape(project.code))</td><th>项目名称</th>"
                   + "<td colspan=\"3\">\(escape(project.name))</td></tr>")
        out.append("<tr><th rowspan=\"2\">预算规模及资金用途</th><th>预算数</th><td class=\"figure\">\(escape(PrintedLayout.amount(project.budget)))</td>"
                   + "<th>其中：财政资金</th><td class=\"figure\">\(escape(PrintedLayout.amount(project.fiscalFunds)))</td>"
                   + "<th>其他资金</th><td class=\"figure\">\(escape(PrintedLayout.amount(project.otherFunds)))</td></tr>")
        out.append("<tr><td colspan=\"6\">\(multiline(project.purpose))</td></tr>")
        let checkpoints = SpendingPlan.Checkpoint.allCases
        out.append("<tr><th rowspan=\"2\">\(escape(PrintedLayout.planLabel(plan)))</th>"
                   + checkpoints.map { "<th\($0 == .december ? " colspan=\"3\"" : "")>\($0.chineseName)</th>" }.joined() + "</tr>")
        out.append("<tr>" + checkpoints.map {
            "<td class=\"figure\"\($0 == .december ? " colspan=\"3\"" : "")>\(escape(PrintedLayout.planFigure(plan[$0], mode: plan.mode)))</td>"
        }.joined() + "</tr>")
        out.append("<tr><th>绩效目标</th><td colspan=\"6\">\(PrintedLayout.goalLines(project.goals).map(escape).joined(separator: "<br>"))</td></tr>")
        out.append("<tr>" + PrintedLayout.gridHeader.enumerated().map {
            "<th\($0.offset == 3 ? " colspan=\"2\"" : "")>\($0.element)</th>"
        }.joined() + "</tr>")
        let rows = project.indicators
        for (index, row) in rows.enumerated() {
            var cells = ""
            if index == 0 || rows[index - 1].level1 != row.level1 {
                var span = 1
                while index + span < rows.count, rows[index + span].level1 == row.level1 { span += 1 }
                cells += "<td\(span > 1 ? " rowspan=\"\(span)\"" : "")>\(escape(row.level1))</td>"
            }
            cells += "<td>\(escape(row.level2))</td><td>\(multiline(row.name))</td>"
                + "<td colspan=\"2\">\(multiline(row.description))</td><td class=\"figure\">\(multiline(row.value))</td>"
                + "<td>\(multiline(row.basis))</td>"
            out.append("<tr>\(cells)</tr>")
        }
        out.append("</table>")
        out.append("</section>")
        return out
    }

    static func paragraph(_ text: String) -> String { "<p>\(multiline(text))</p>" }

    static func multiline(_ text: String) -> String {
        PrintedLayout.inert(text).split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    /// HTML-escaped, control characters as visible escapes.
    static func escape(_ text: String) -> String {
        var result = ""
        for ch in PrintedLayout.inert(text) {
            switch ch {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(ch)
            }
        }
        return result
    }
}
