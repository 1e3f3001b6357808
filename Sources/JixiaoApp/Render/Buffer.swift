import JixiaoModel

/// A frame: a grid of cells the app core draws into with no terminal involved (like
/// ratatui's `Buffer`). The backend compares two frames and sends only what changed.
///
/// Drawing never wraps and never splits a wide character: text stops at the given width or
/// the right edge, and a wide character that would straddle it is dropped and its place
/// padded with a space. Overwriting half of a wide character blanks the other half, so the
/// grid always holds whole glyphs.
public struct Buffer: Hashable, Sendable {
    public private(set) var size: Size
    public let metrics: TextMetrics
    private var cells: [Cell]
    /// Where the terminal cursor should be shown (a text field's insertion point), or nil to
    /// hide it.
    public var cursor: Position?

    public struct Position: Hashable, Sendable {
        public var x: Int
        public var y: Int
        public init(x: Int, y: Int) {
            self.x = x
            self.y = y
        }
    }

    public init(size: Size, metrics: TextMetrics = TextMetrics(), fill: Cell = .blank) {
        self.size = size
        self.metrics = metrics
        self.cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var area: Rect { Rect(size: size) }

    public subscript(x: Int, y: Int) -> Cell {
        precondition(x >= 0 && x < size.width && y >= 0 && y < size.height, "cell (\(x), \(y)) outside \(size)")
        return cells[y * size.width + x]
    }

    // MARK: Drawing

    /// Fills `rect` (clipped to the buffer) with spaces in `style`.
    public mutating func fill(_ rect: Rect, style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { put(" ", width: 1, x: x, y: y, style: style) }
        }
    }

    /// Writes `text` from (`x`, `y`) in at most `maxWidth` columns (default: to the right
    /// edge), clipping without an ellipsis. Returns the columns written. Control characters
    /// (C0, DEL, C1, bidi controls) are shown as spaces; zero-width characters are skipped.
    @discardableResult
    public mutating func write<S: StringProtocol>(_ text: S, x: Int, y: Int, maxWidth: Int? = nil,
                                                  style: Style) -> Int {
        guard y >= 0, y < size.height, x < size.width else { return 0 }
        let limit = maxWidth.map { min(size.width, x + $0) } ?? size.width
        var column = x
        for character in text {
            guard column < limit else { break }
            var glyph = character
            // The characters the command line shows as escapes (`InertText`), and tab and line
            // feed, which a cell cannot hold either, never reach the terminal: each is a space.
            if character.unicodeScalars.contains(where: { InertText.isUnsafe($0) || $0 == "\t" || $0 == "\n" }) { glyph = " " }
            let w = metrics.width(of: glyph)
            if w == 0 { continue }
            if column + w > limit {
                // A wide character straddles the edge: pad instead of splitting it.
                while column < limit {
                    if column >= 0 { put(" ", width: 1, x: column, y: y, style: style) }
                    column += 1
                }
                break
            }
            if column >= 0 { put(String(glyph), width: UInt8(w), x: column, y: y, style: style) }
            column += w
        }
        return column - x
    }

    /// Writes `text` clipped with an ellipsis and padded to exactly `width` columns.
    public mutating func write<S: StringProtocol>(_ text: S, x: Int, y: Int, width: Int, style: Style,
                                                  alignment: TextMetrics.Alignment = .left) {
        write(metrics.pad(text, to: width, alignment: alignment), x: x, y: y, maxWidth: width, style: style)
    }

    /// Sets the style of every cell in `rect`, keeping its text.
    public mutating func restyle(_ rect: Rect, style: Style) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.y..<r.maxY {
            for x in r.x..<r.maxX { cells[y * size.width + x].style = style }
        }
    }

    private mutating func put(_ text: String, width w: UInt8, x: Int, y: Int, style: Style) {
        let row = y * size.width
        // Blank the other half of any wide character this write cuts.
        if cells[row + x].isContinuation, x > 0 {
            cells[row + x - 1] = Cell(" ", width: 1, style: cells[row + x - 1].style)
        }
        let end = x + Int(w)  // first column after this glyph
        if end < size.width, cells[row + end].isContinuation {
            cells[row + end] = Cell(" ", width: 1, style: cells[row + end].style)
        }
        cells[row + x] = Cell(text, width: w, style: style)
        if w == 2 { cells[row + x + 1] = .continuation(style) }
    }

    // MARK: Reading back (tests, debugging)

    /// The text of row `y` as a terminal shows it.
    public func line(_ y: Int) -> String {
        var text = ""
        for x in 0..<size.width where !self[x, y].isContinuation { text += self[x, y].text }
        return text
    }

    /// Every row's text.
    public var lines: [String] { (0..<size.height).map(line) }

    /// The rows joined by newlines, trailing spaces removed: convenient for tests.
    public var text: String {
        lines.map { String($0.reversed().drop(while: { $0 == " " }).reversed()) }.joined(separator: "\n")
    }
}
