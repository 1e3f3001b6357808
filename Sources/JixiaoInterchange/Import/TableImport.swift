import JixiaoModel

/// One project table read into a `Project`: the layout reader for its lines, the labels above
/// the grid, the grid rows, and the checks that the table is complete.
struct TableImport {
    var titleLine: Int
    var layout: SourceLayout
    var project: Project
    var header: ProjectTableParser.Header
    var notices: [ImportReport.Notice] = []
    var repeatedHeaderLines: [Int] = []

    /// Reads the table titled `title` from its `lines`. A table that stops before its grid, has
    /// no rows, or ends in an unfinished row (at the end of the file, or with fewer than four
    /// cells) is cut off: the whole file fails, naming the table's last line.
    static func read(title: SourceLine, lines: [SourceLine], lastContentLine: Int) throws(ImportError) -> TableImport {
        let layout: SourceLayout = lines.contains(where: \.isTabbed) ? .tabbedCells : .pdfText
        let table = layout == .tabbedCells ? TabbedTableReader.read(lines) : PDFTableReader.read(lines)
        let endLine = lines.last(where: { !$0.isBlank })?.number ?? title.number
        let name = title.trimmed
        guard table.gridLine != nil else {
            throw ImportError(.tableCutOff, line: endLine,
                              chinese: "“\(name)”（第 \(title.number) 行）在指标表之前中断",
                              english: "the table “\(name)” (line \(title.number)) stops before its indicator grid")
        }
        if table.rows.isEmpty {
            throw ImportError(.tableCutOff, line: endLine,
                              chinese: "“\(name)”（第 \(title.number) 行）的指标表没有任何指标行",
                              english: "the table “\(name)” (line \(title.number)) has no indicator rows")
        }
        if let unfinished = table.unfinishedRow, endLine >= lastContentLine || unfinished.cells < 4 {
            throw ImportError(.tableCutOff, line: endLine,
                              chinese: "“\(name)”在第 \(unfinished.line) 行的指标行中间中断（只有 \(unfinished.cells) 个单元格）",
                              english: "the table “\(name)” breaks off in the indicator row at line \(unfinished.line) (\(unfinished.cells) cells)")
        }
        var parser = ProjectTableParser(layout: layout)
        let header = parser.readHeader(table.headerCells)
        var notices = table.notices
        var project = Project()
        project.code = header.code ?? ""
        project.name = header.nameParts.isEmpty ? TextImporter.titleName(name) : parser.joined(header.nameParts)
        project.budget = header.budget
        project.fiscalFunds = header.fiscal
        project.otherFunds = header.other
        project.purpose = parser.joined(header.purposeParts)
        project.spendingPlan = parser.spendingPlan(header, tableLine: title.number)
        project.goals = parser.goals(header.goalParts)
        project.indicators = TextImporter.indicatorRows(table.rows, notices: &notices)
        notices += parser.notices
        if header.code == nil {
            notices.append(.init(line: title.number, kind: .notUnderstood, chinese: "这张表没有项目编码",
                                 english: "this table has no project code (项目编码)"))
        }
        if !header.sawBudget {
            notices.append(.init(line: title.number, kind: .warning, chinese: "这张表没有预算数",
                                 english: "this table has no budget (预算数)"))
        }
        return TableImport(titleLine: title.number, layout: layout, project: project, header: header,
                           notices: notices, repeatedHeaderLines: table.repeatedHeaderLines)
    }
}
