/// Reads a table from text extracted from PDF with its layout kept (`pdftotext -layout`):
/// the cells of a row share a line, separated by two or more spaces, and a long cell wraps onto
/// the following lines, each piece starting under its own column.
///
/// Above the indicator grid the labels drive the reading; in the grid each piece goes to the
/// column whose header it starts under (a piece belongs to the first column whose header text
/// ends after the piece starts, which holds for left-aligned and centred cells alike). A line
/// starts a new row when it has text in both the name (三级指标) and value (指标值) columns or
/// in four or more columns; other lines continue the row above.
struct PDFTableReader {
    struct Piece: Equatable {
        var text: String
        var column: Int
    }

    static func read(_ lines: [SourceLine]) -> TableText {
        var result = TableText()
        guard let headerIndex = lines.firstIndex(where: { $0.text.labelKey.contains("一级指标") && $0.text.labelKey.contains("二级指标") }) else {
            result.headerCells = headerCells(lines)
            return result
        }
        result.headerCells = headerCells(Array(lines[..<headerIndex]))
        let header = lines[headerIndex]
        result.gridLine = header.number
        let headerPieces = pieces(of: header.text, splittingSingleSpaces: true)
        guard headerPieces.count >= 6 else {
            result.notices.append(.init(line: header.number, kind: .notUnderstood,
                                        chinese: "指标表头应有 6 栏，这里只认出 \(headerPieces.count) 栏",
                                        english: "the indicator header should have 6 columns; found \(headerPieces.count)"))
            return result
        }
        let columnEnds = headerPieces.prefix(6).map { $0.column + $0.text.displayWidth }
        func column(of start: Int) -> Int { columnEnds.firstIndex { start < $0 } ?? 5 }

        var current: (cells: [[String]], line: Int)?
        for line in lines[(headerIndex + 1)...] where !line.isBlank && !line.isLeftover {
            let found = pieces(of: line.text, splittingSingleSpaces: false)
                .flatMap { split($0, column: column) }
                .map { Piece(text: $0.text, column: column(of: $0.column)) }
            let texts = found.map(\.text.labelKey)
            if texts.allSatisfy({ TableLabel.gridHeaderLabels.contains($0) || ["依据", "确定依据", "描述"].contains($0) }) {
                result.repeatedHeaderLines.append(line.number)
                continue
            }
            let columns = Set(found.map(\.column))
            let startsRow = current == nil || (columns.contains(2) && columns.contains(4)) || columns.count >= 4
            if startsRow {
                if let row = current { result.rows.append(finish(row)) }
                current = (Array(repeating: [], count: 6), line.number)
            }
            for piece in found { current?.cells[piece.column].append(piece.text) }
        }
        if let row = current {
            let built = finish(row)
            if built.cells[4].isEmpty && built.cells[2].isEmpty {
                result.unfinishedRow = (row.line, built.cells.filter { !$0.isEmpty }.count)
            }
            result.rows.append(built)
        }
        return result
    }

    private static func finish(_ row: (cells: [[String]], line: Int)) -> RawIndicatorRow {
        RawIndicatorRow(cells: row.cells.map { TextJoin.wrapped($0) }, line: row.line)
    }

    /// The pieces of a line with the display column each starts at; pieces are separated by a
    /// tab or by two or more spaces (or by any space, when `splittingSingleSpaces`).
    static func pieces(of text: String, splittingSingleSpaces: Bool) -> [(text: String, column: Int)] {
        var result: [(text: String, column: Int)] = []
        var current = ""
        var start = 0
        var column = 0
        var spaces = 0
        for ch in text {
            if ch == " " || ch == "\t" || ch == "\u{3000}" {
                spaces += ch == " " ? 1 : 2
                column += ch == "\t" ? 8 - column % 8 : ch.displayWidth
                continue
            }
            if !current.isEmpty && (spaces >= 2 || (spaces == 1 && splittingSingleSpaces)) {
                result.append((current, start))
                current = ""
            } else if !current.isEmpty && spaces == 1 {
                current += " "
            }
            if current.isEmpty { start = column }
            spaces = 0
            current.append(ch)
            column += ch.displayWidth
        }
        if !current.isEmpty { result.append((current, start)) }
        return result
    }

    /// Splits a piece at a single space when the text after it starts in a later column: two
    /// cells that the extraction set only one space apart.
    private static func split(_ piece: (text: String, column: Int),
                              column: (Int) -> Int) -> [(text: String, column: Int)] {
        guard piece.text.contains(" ") else { return [piece] }
        var result: [(text: String, column: Int)] = []
        var current = ""
        var currentStart = piece.column
        var position = piece.column
        for ch in piece.text {
            if ch == " " {
                let next = position + 1
                let nextColumn = column(next)
                if nextColumn > column(currentStart) {
                    result.append((current, currentStart))
                    current = ""
                    currentStart = next
                    position = next
                    continue
                }
            }
            current.append(ch)
            position += ch.displayWidth
        }
        result.append((current, currentStart))
        return result
    }

    /// Cells above the grid: the pieces of each line, with labels that share a piece with their
    /// value (`项目编码 1303…`) split off.
    static func headerCells(_ lines: [SourceLine]) -> [TableCell] {
        var cells: [TableCell] = []
        for line in lines where !line.isBlank && !line.isLeftover {
            for piece in pieces(of: line.text, splittingSingleSpaces: false) {
                for text in splitLabels(piece.text) {
                    cells.append(TableCell(text: text, line: line.number, group: line.number))
                }
            }
        }
        return cells
    }

    static func splitLabels(_ text: String) -> [String] {
        let words = text.split(separator: " ").map(String.init)
        guard words.count > 1 else { return [text] }
        var result: [String] = []
        var pending: [String] = []
        for word in words {
            if TableLabel.of(word) != nil || TableLabel.splittable.contains(word.labelKey) {
                if !pending.isEmpty { result.append(pending.joined(separator: " ")); pending = [] }
                result.append(word)
            } else {
                pending.append(word)
            }
        }
        if !pending.isEmpty { result.append(pending.joined(separator: " ")) }
        return result
    }
}
