/// A spreadsheet workbook as jixiao writes and reads it (.xlsx): sheets of cells, with merged
/// ranges and the layout a printed form needs. Pure values; `XLSXPackage` turns it into the
/// SpreadsheetML package and back.
struct Workbook: Sendable, Hashable {
    var sheets: [Sheet]
}

/// One worksheet.
struct Sheet: Sendable, Hashable {
    /// At most 31 UTF-16 units, none of `: \ / ? * [ ]` (`WorkbookLayout.projectSheetName`).
    var name: String
    /// Cells by row, then column, both 1-based.
    var rows: [Int: [Int: Cell]] = [:]
    var merges: [CellRange] = []
    /// Column widths in digit widths of the default font, by 1-based column.
    var columnWidths: [Int: Double] = [:]
    /// Row heights in points, by 1-based row.
    var rowHeights: [Int: Double] = [:]
    /// Rows printed again at the top of every page (`_xlnm.Print_Titles`).
    var printTitleRows: ClosedRange<Int>?
    var landscape = false
    /// A filter over this range (the flat indicator sheet).
    var autoFilter: CellRange?
    /// Rows above this one stay in view while scrolling.
    var frozenRows = 0

    init(name: String) { self.name = name }

    subscript(row: Int, column: Int) -> Cell? {
        get { rows[row]?[column] }
        set { rows[row, default: [:]][column] = newValue }
    }

    var lastRow: Int { rows.keys.max() ?? 0 }
    var lastColumn: Int { rows.values.compactMap { $0.keys.max() }.max() ?? 0 }
}

/// A cell's content and look.
struct Cell: Sendable, Hashable {
    var value: CellValue
    var style: CellStyle

    init(_ value: CellValue, _ style: CellStyle) {
        self.value = value
        self.style = style
    }

    /// The cell's text: a text cell's string, a number's digits.
    var text: String {
        switch value {
        case .empty: ""
        case .text(let text): text
        case .number(let digits): digits
        }
    }
}

enum CellValue: Sendable, Hashable {
    /// A styled cell with nothing in it (a merged range's other cells keep their borders).
    case empty
    /// Text: written as a shared string, never read as a number or a formula.
    case text(String)
    /// A number in plain decimal digits (`130.97`, `0.305`), written as it is so that no
    /// binary floating point comes between the document and the file.
    case number(String)
}

/// The looks a cell can have; each is one entry of the workbook's style sheet (`cellXfs`).
/// A reader maps what it finds back to `.general` or, for percent formats, `.percent`.
enum CellStyle: Int, Sendable, Hashable, CaseIterable {
    case general = 0
    /// The table title: bold, large, centred, no border.
    case title
    /// Text above the table, left (the unit) and right (the money unit).
    case captionLeft, captionRight
    /// A bold centred label inside the bordered table.
    case label
    /// Bordered wrapped text, left aligned.
    case text
    /// Bordered wrapped text, centred (levels, target values).
    case centeredText
    /// An amount: a number shown with two decimals.
    case amount
    /// A percentage: a number shown as `30.00%`.
    case percent
    /// A whole number (the budget year).
    case integer
    /// The flat sheet's header: bold, shaded, bordered.
    case header
    /// The flat sheet's text: text format, no wrapping.
    case plainText
    /// The flat sheet's parsed number.
    case plainNumber
}

/// A rectangle of cells, 1-based and inclusive.
struct CellRange: Sendable, Hashable {
    var top: Int
    var left: Int
    var bottom: Int
    var right: Int

    init(top: Int, left: Int, bottom: Int, right: Int) {
        self.top = top
        self.left = left
        self.bottom = bottom
        self.right = right
    }

    /// `A5:A8`, or a single cell `B3`; `nil` when it is not a cell reference.
    init?(reference: String) {
        let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), let first = CellReference(String(parts[0])),
              let last = CellReference(String(parts[parts.count - 1])) else { return nil }
        self.init(top: min(first.row, last.row), left: min(first.column, last.column),
                  bottom: max(first.row, last.row), right: max(first.column, last.column))
    }

    func contains(row: Int, column: Int) -> Bool {
        (top...bottom).contains(row) && (left...right).contains(column)
    }

    var reference: String {
        let start = CellReference.name(row: top, column: left)
        return top == bottom && left == right ? start : start + ":" + CellReference.name(row: bottom, column: right)
    }
}

/// An A1-style cell reference: column letters, then the row number.
struct CellReference: Sendable, Hashable {
    var row: Int
    var column: Int

    init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// `B3`, `$B$3` or `AA10`; `nil` for anything else.
    init?(_ text: String) {
        var column = 0
        var row = 0
        var seenDigit = false
        for scalar in text.unicodeScalars where scalar != "$" {
            switch scalar.value {
            case 0x41...0x5A where !seenDigit: column = column * 26 + Int(scalar.value - 0x40)
            case 0x61...0x7A where !seenDigit: column = column * 26 + Int(scalar.value - 0x60)
            case 0x30...0x39:
                seenDigit = true
                row = row * 10 + Int(scalar.value - 0x30)
            default: return nil
            }
            guard column <= 16_384, row <= 1_048_576 else { return nil }
        }
        guard column > 0, row > 0 else { return nil }
        self.init(row: row, column: column)
    }

    static func columnName(_ column: Int) -> String {
        var n = column
        var letters: [Character] = []
        while n > 0 {
            let digit = (n - 1) % 26
            letters.append(Character(Unicode.Scalar(UInt8(65 + digit))))
            n = (n - 1) / 26
        }
        return String(letters.reversed())
    }

    static func name(row: Int, column: Int) -> String { columnName(column) + String(row) }

    var name: String { Self.name(row: row, column: column) }
}
