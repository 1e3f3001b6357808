/// Reads a table laid out one cell per line, each line starting with a tab, with blank lines
/// between rows (text saved from the word-processor file). A line without the tab continues the
/// cell above (a line break inside the cell).
struct TabbedTableReader {
    static func read(_ lines: [SourceLine]) -> TableText {
        var result = TableText()
        var cells: [TableCell] = []
        var group = 0
        var previousBlank = true
        for line in lines {
            let body = line.text
            let content = body.drop { $0 == "\t" }
            let tabs = body.count - content.count
            if line.isBlank && tabs != 1 {
                // Blank, or tabs only (layout noise): a row boundary.
                if !previousBlank { group += 1 }
                previousBlank = true
                continue
            }
            previousBlank = false
            if tabs == 0 {
                if cells.isEmpty {
                    result.notices.append(.init(line: line.number, kind: .notUnderstood,
                                                chinese: "表格开始前的文字无法识别：\(line.trimmed)",
                                                english: "text before the table's first cell: \(line.trimmed)"))
                } else {
                    cells[cells.count - 1].text += "\n" + line.trimmed
                    if cells.contains(where: { $0.text.labelKey == "一级指标" }) {
                        // Normal in goals; in the grid it may be a page header caught in a cell.
                        result.notices.append(.init(line: line.number, kind: .warning,
                                                    chinese: "这一行没有制表符，已作为上一单元格的续行：\(line.trimmed)",
                                                    english: "a line without a tab, read as continuing the cell above: \(line.trimmed)"))
                    }
                }
                continue
            }
            for piece in content.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(TableCell(text: piece.trimmedLayout, line: line.number, group: group))
            }
        }
        guard let headerStart = cells.firstIndex(where: { $0.text.labelKey == "一级指标" }) else {
            result.headerCells = cells
            return result
        }
        result.headerCells = Array(cells[..<headerStart])
        result.gridLine = cells[headerStart].line
        var index = headerStart
        while index < cells.count, TableLabel.gridHeaderLabels.contains(cells[index].text.labelKey) { index += 1 }
        let gridCells = cells[index...]
        // Rows are the blank-line groups; a row that a stray blank line split is joined back.
        var groups: [[TableCell]] = []
        for cell in gridCells {
            if let last = groups.last?.last, last.group == cell.group {
                groups[groups.count - 1].append(cell)
            } else {
                groups.append([cell])
            }
        }
        var g = 0
        while g < groups.count {
            var row = groups[g]
            g += 1
            if row.count == 6 && row.allSatisfy({ TableLabel.gridHeaderLabels.contains($0.text.labelKey) }) {
                result.repeatedHeaderLines.append(contentsOf: row.map(\.line))
                continue
            }
            while row.count < 6, g < groups.count, row.count + groups[g].count <= 6 {
                row += groups[g]
                g += 1
            }
            if row.count > 6 {
                // Rows written without blank lines between them.
                if row.count % 6 != 0 {
                    result.notices.append(.init(line: row[0].line, kind: .warning,
                                                chinese: "这一组有 \(row.count) 个单元格，不是 6 的倍数，请核对",
                                                english: "\(row.count) cells here, not a multiple of 6; check these rows"))
                }
                var start = 0
                while start + 6 <= row.count {
                    result.rows.append(RawIndicatorRow(cells: row[start..<start + 6].map(\.text), line: row[start].line))
                    start += 6
                }
                if start < row.count { row = Array(row[start...]) } else { continue }
            }
            if row.count == 6 {
                result.rows.append(RawIndicatorRow(cells: row.map(\.text), line: row[0].line))
            } else if g >= groups.count {
                result.unfinishedRow = (row[0].line, row.count)
                if row.count >= 4 {
                    result.rows.append(RawIndicatorRow(cells: Array(repeating: "", count: 6 - row.count) + row.map(\.text),
                                                       line: row[0].line))
                }
            } else if row.count >= 4 {
                // The leading blank cells ("same as above") were dropped by the extraction.
                result.rows.append(RawIndicatorRow(cells: Array(repeating: "", count: 6 - row.count) + row.map(\.text),
                                                   line: row[0].line))
                result.notices.append(.init(line: row[0].line, kind: .warning,
                                            chinese: "这一行只有 \(row.count) 个单元格，前面的按“同上”补齐",
                                            english: "this row has \(row.count) cells; the leading ones are taken as same as above"))
            } else {
                result.notices.append(.init(line: row[0].line, kind: .notUnderstood,
                                            chinese: "这一行只有 \(row.count) 个单元格，无法识别：\(row.map(\.text).joined(separator: " | "))",
                                            english: "a row of only \(row.count) cells, not understood: \(row.map(\.text).joined(separator: " | "))"))
            }
        }
        return result
    }
}
