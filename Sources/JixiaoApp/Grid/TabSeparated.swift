/// Cells as spreadsheets put them on the clipboard (text/tab-separated-values as Excel, WPS
/// and LibreOffice write it): cells separated by tabs, rows by line ends, and a cell that holds
/// a tab, a line end or a leading quote wrapped in double quotes with inner quotes doubled.
enum TabSeparated {
    /// Whether pasted text is a block of cells rather than text for one cell.
    static func isBlock(_ text: String) -> Bool {
        text.contains("\t") || text.trimmingCharacters(in: .newlines).contains(where: \.isNewline)
    }

    /// The rows of cells in `text`; a final line end does not start another row. In a block of
    /// several columns an empty line is not a row (a spreadsheet copies a blank row as tabs):
    /// it is a CR LF that the terminal turned into two line ends, and it is dropped.
    static func parse(_ text: String) -> [[String]] {
        let rows = parseRows(text)
        guard rows.contains(where: { $0.count > 1 }) else { return rows }
        return rows.filter { $0 != [""] }
    }

    private static func parseRows(_ text: String) -> [[String]] {
        let characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        var rows: [[String]] = []
        var row: [String] = []
        var cell = ""
        var i = 0
        var atCellStart = true
        while i < characters.count {
            let c = characters[i]
            if atCellStart && c == "\"", let end = closingQuote(in: characters, from: i + 1) {
                // A quoted cell: up to the closing quote, "" read as one quote.
                cell = String(characters[(i + 1)..<end]).replacingOccurrences(of: "\"\"", with: "\"")
                i = end + 1
                atCellStart = false
                continue
            }
            atCellStart = false
            switch c {
            case "\t":
                row.append(cell)
                cell = ""
                atCellStart = true
            case "\n":
                row.append(cell)
                rows.append(row)
                row = []
                cell = ""
                atCellStart = true
            default:
                cell.append(c)
            }
            i += 1
        }
        if !atCellStart || !cell.isEmpty || !row.isEmpty {
            row.append(cell)
            rows.append(row)
        }
        return rows
    }

    /// The index of the quote closing a quoted cell that starts after `start`, when what follows
    /// it ends the cell (a tab, a line end or the end); nil when the cell is not quoted after all.
    private static func closingQuote(in characters: [Character], from start: Int) -> Int? {
        var i = start
        while i < characters.count {
            if characters[i] == "\"" {
                if i + 1 < characters.count && characters[i + 1] == "\"" {
                    i += 2
                    continue
                }
                let next = i + 1 < characters.count ? characters[i + 1] : "\n"
                return next == "\t" || next == "\n" ? i : nil
            }
            i += 1
        }
        return nil
    }

    /// `rows` as text to put on the clipboard, each row ended by a line end.
    static func format(_ rows: [[String]]) -> String {
        rows.map { $0.map(quoted).joined(separator: "\t") + "\n" }.joined()
    }

    private static func quoted(_ cell: String) -> String {
        guard cell.contains(where: { $0 == "\t" || $0.isNewline }) || cell.hasPrefix("\"") else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
