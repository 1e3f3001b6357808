import JixiaoModel

/// A bordered table as the printed 项目绩效目标表 draws it: a stack of bands, each with its own
/// columns (label / value pairs, the four spending checkpoints, the six-column indicator grid),
/// joined by separator lines whose junctions follow the column edges above and below
/// (`┬ ┴ ┼`). Cells wrap inside their column; every band spans the same total width.
struct PrintedTable {
    /// One cell: its text (line breaks kept), the document cell it shows (for finding and
    /// comment marks) and how it sits in its column.
    struct Cell {
        var text: String
        var path: CellPath?
        var alignment: TextMetrics.Alignment = .left

        init(_ text: String, _ path: CellPath? = nil, alignment: TextMetrics.Alignment = .left) {
            self.text = text
            self.path = path
            self.alignment = alignment
        }
    }

    /// Rows sharing one set of column widths (inner widths, borders excluded).
    struct Band {
        var widths: [Int]
        var rows: [[Cell]]
    }

    var bands: [Band] = []

    /// The table's width in columns for these inner widths: each column plus one border, plus
    /// the right border.
    static func totalWidth(_ widths: [Int]) -> Int { widths.reduce(0, +) + widths.count + 1 }

    /// The output: one `PrintedLayout.Line` per text line, borders included, and each cell's
    /// text as a run of pieces (line numbers counted from the table's first line).
    func lines(borders: BorderSet, metrics: TextMetrics) -> (lines: [PrintedLayout.Line], runs: [[PrintedLayout.Piece]]) {
        var result: [PrintedLayout.Line] = []
        var runs: [[PrintedLayout.Piece]] = []
        var above: Set<Int>?
        for band in bands {
            let edges = Self.edges(band.widths)
            let total = Self.totalWidth(band.widths)
            result.append(.init(text: separator(above: above, below: edges, total: total, borders: borders), kind: .border))
            // The same line between every two rows of the band: made once.
            let between = separator(above: edges, below: edges, total: total, borders: borders)
            for (index, row) in band.rows.enumerated() {
                if index > 0 { result.append(.init(text: between, kind: .border)) }
                let printed = rowLines(row, widths: band.widths, firstLine: result.count, borders: borders, metrics: metrics)
                result += printed.lines
                runs += printed.runs
            }
            above = edges
        }
        if let above, let last = bands.last {
            result.append(.init(text: separator(above: above, below: nil, total: Self.totalWidth(last.widths),
                                                borders: borders), kind: .border))
        }
        return (result, runs)
    }

    /// The columns where vertical borders stand, counted from the left border (0).
    static func edges(_ widths: [Int]) -> Set<Int> {
        var edges: Set<Int> = [0]
        var x = 0
        for width in widths {
            x += width + 1
            edges.insert(x)
        }
        return edges
    }

    /// A horizontal line: the top border (`above == nil`), the bottom (`below == nil`) or a
    /// separator between rows or bands.
    func separator(above: Set<Int>?, below: Set<Int>?, total: Int, borders: BorderSet) -> String {
        var text = ""
        for x in 0..<total {
            let up = above?.contains(x) ?? false
            let down = below?.contains(x) ?? false
            let edge: BorderSet.Edge = x == 0 ? .left : (x == total - 1 ? .right : .inner)
            text += borders.junction(up: up, down: down, edge: edge)
        }
        return text
    }

    /// A row as text lines: every cell wrapped to its column, the row as high as its tallest
    /// cell.
    private func rowLines(_ row: [Cell], widths: [Int], firstLine: Int, borders: BorderSet,
                          metrics: TextMetrics) -> (lines: [PrintedLayout.Line], runs: [[PrintedLayout.Piece]]) {
        let wrapped = zip(row, widths).map { cell, width in
            cell.text.isEmpty ? [""] : metrics.wrap(cell.text, to: max(1, width))
        }
        let height = wrapped.map(\.count).max() ?? 1
        let paths = row.compactMap(\.path)
        var runs = Array(repeating: [PrintedLayout.Piece](), count: min(row.count, widths.count))
        var lines: [PrintedLayout.Line] = []
        for lineIndex in 0..<height {
            var text = borders.vertical
            var x = 1
            for (column, cell) in row.enumerated() where column < widths.count {
                let part = lineIndex < wrapped[column].count ? wrapped[column][lineIndex] : ""
                let padded = Self.pad(part, to: widths[column], alignment: cell.alignment, metrics: metrics)
                if !part.isEmpty {
                    runs[column].append(PrintedLayout.Piece(line: firstLine + lineIndex, column: x + padded.lead, text: part))
                }
                text += padded.text + borders.vertical
                x += widths[column] + 1
            }
            lines.append(.init(text: text, kind: .table, cells: paths))
        }
        return (lines, runs.filter { !$0.isEmpty })
    }

    /// A wrapped line padded to `width`, and the columns of padding before it: measured once
    /// (it already fits, unless a single glyph is wider than the column, which is then clipped).
    static func pad(_ part: String, to width: Int, alignment: TextMetrics.Alignment,
                    metrics: TextMetrics) -> (text: String, lead: Int) {
        let used = metrics.width(of: part)
        guard used <= width else { return (metrics.pad(part, to: width, alignment: alignment), 0) }
        let gap = width - used
        let lead = switch alignment {
        case .left: 0
        case .right: gap
        case .center: gap / 2
        }
        return (String(repeating: " ", count: lead) + part + String(repeating: " ", count: gap - lead), lead)
    }

    // MARK: Column widths

    /// Widths for columns whose content wants `natural` columns, sharing `available` columns.
    /// Every column gets at least `minimum` (or its natural width when less); short columns
    /// (natural width up to `shortColumn`) then get their whole width, so values and category
    /// names do not wrap; what is left is shared in proportion to what each long column still
    /// lacks. Columns left over when everything fits go to `stretch`.
    static func fit(natural: [Int], minimum: [Int], available: Int, stretch: Int, shortColumn: Int = 12) -> [Int] {
        var widths = zip(natural, minimum).map { max(1, min($0, $1)) }
        var left = available - widths.reduce(0, +)
        let shortFirst = widths.indices.filter { natural[$0] <= shortColumn }.sorted { natural[$0] - widths[$0] < natural[$1] - widths[$1] }
        for i in shortFirst where left >= natural[i] - widths[i] {
            left -= natural[i] - widths[i]
            widths[i] = natural[i]
        }
        let needs = widths.indices.map { max(0, natural[$0] - widths[$0]) }
        let totalNeed = needs.reduce(0, +)
        if left > 0, totalNeed > 0 {
            let budget = min(left, totalNeed)
            for i in widths.indices {
                let share = needs[i] * budget / totalNeed
                widths[i] += share
                left -= share
            }
        }
        // Rounding leftovers: one column at a time to the narrowest still short.
        while left > 0 {
            var best: Int?
            for i in widths.indices where widths[i] < natural[i] {
                if best == nil || widths[i] < widths[best!] { best = i }
            }
            guard let column = best else { break }
            widths[column] += 1
            left -= 1
        }
        if left > 0, widths.indices.contains(stretch) { widths[stretch] += left }
        return widths
    }
}

/// The border characters of printed tables. Box-drawing characters are East Asian Ambiguous:
/// a terminal drawing them two columns wide would break every line, so ASCII is used then
/// (as `Buffer.drawBox` does).
struct BorderSet: Hashable, Sendable {
    enum Edge { case left, inner, right }

    var horizontal: String
    var vertical: String
    /// `[up][down]` junctions for left edge, inner column and right edge.
    private var left: [[String]]
    private var inner: [[String]]
    private var right: [[String]]

    static let unicode = BorderSet(horizontal: "─", vertical: "│",
                                   left: [["─", "┌"], ["└", "├"]], inner: [["─", "┬"], ["┴", "┼"]],
                                   right: [["─", "┐"], ["┘", "┤"]])
    static let ascii = BorderSet(horizontal: "-", vertical: "|",
                                 left: [["-", "+"], ["+", "+"]], inner: [["-", "+"], ["+", "+"]],
                                 right: [["-", "+"], ["+", "+"]])

    static func forMetrics(_ metrics: TextMetrics) -> BorderSet {
        metrics.ambiguousWidth == .narrow ? .unicode : .ascii
    }

    func junction(up: Bool, down: Bool, edge: Edge) -> String {
        let table: [[String]]
        switch edge {
        case .left: table = left
        case .inner: table = inner
        case .right: table = right
        }
        return table[up ? 1 : 0][down ? 1 : 0]
    }
}
