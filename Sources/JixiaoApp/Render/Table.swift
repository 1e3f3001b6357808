/// A table drawn column by column: every cell clipped (with `…`) and padded to its column's
/// width in display columns, so CJK text lines up whatever its length.
public struct Table: Sendable {
    public struct Column: Sendable {
        public var title: String
        /// Fixed width in columns; the flexible column (`nil`) takes what is left.
        public var width: Int?
        public var alignment: TextMetrics.Alignment

        public init(_ title: String, width: Int?, alignment: TextMetrics.Alignment = .left) {
            self.title = title
            self.width = width
            self.alignment = alignment
        }
    }

    public var columns: [Column]
    /// Columns between cells.
    public var gap = 1

    public init(columns: [Column]) {
        self.columns = columns
    }

    /// Each column's width in an area `total` columns wide.
    public func widths(total: Int) -> [Int] {
        let fixed = columns.reduce(0) { $0 + ($1.width ?? 0) } + gap * max(0, columns.count - 1)
        let flexibleCount = columns.filter { $0.width == nil }.count
        let left = max(0, total - fixed)
        return columns.map { $0.width ?? (flexibleCount > 0 ? left / flexibleCount : 0) }
    }

    /// Draws one row of `cells` at `y` in `area`.
    public func drawRow(_ cells: [String], into buffer: inout Buffer, area: Rect, y: Int, style: Style) {
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: style)
        var x = area.x
        for (i, width) in widths(total: area.width).enumerated() {
            guard x < area.maxX else { break }
            let w = min(width, area.maxX - x)
            buffer.write(i < cells.count ? cells[i] : "", x: x, y: y, width: w, style: style,
                         alignment: columns[i].alignment)
            x += width + gap
        }
    }

    /// Draws the column titles at `y`.
    public func drawHeader(into buffer: inout Buffer, area: Rect, y: Int, style: Style) {
        drawRow(columns.map(\.title), into: &buffer, area: area, y: y, style: style)
    }
}
