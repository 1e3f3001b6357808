import JixiaoModel

/// Where the grid's columns go in an area of a given width. Every column has a minimum width;
/// when all six fit they share the spare room (description and name get most of it); when
/// they do not (80 columns), the grid scrolls horizontally and keeps the name column
/// (三级指标) visible as a frozen column, so a row can always be recognised.
struct GridLayout: Hashable, Sendable {
    struct Slot: Hashable, Sendable {
        var column: IndicatorRow.Column
        var x: Int
        var width: Int
    }

    /// The visible columns, left to right.
    var slots: [Slot]
    /// The first scrolled column actually used (a hint may be corrected to show the cursor).
    var firstColumn: Int
    /// Columns hidden to the left / right.
    var hiddenLeft: Bool
    var hiddenRight: Bool

    /// Columns of the row gutter (finding markers, current-row mark).
    static let gutter = 2
    static let gap = 1
    /// Minimum widths in display columns, in column order.
    static let minimum = [10, 12, 16, 20, 14, 12]
    /// Shares of spare room, in column order.
    static let weights = [0, 1, 4, 7, 2, 2]
    /// Widths beyond which a column never grows (level 2 names are at most nine characters).
    static let maximum = [12, 18, Int.max, Int.max, 40, 30]

    static let nameIndex = IndicatorRow.Column.allCases.firstIndex(of: .name)!

    /// From this terminal width up, the columns of standard names (一级, 二级, 依据) get the width
    /// of their longest standard name before the free-text columns share what is left: a
    /// standard name such as 服务对象满意度指标 is never cut off there.
    static let standardNamesFrom = 100
    /// Widths of the longest standard names of every framework, in column order (0: free text).
    static let standard: [Int] = {
        let metrics = TextMetrics()
        let frameworks = [IndicatorFramework.legacy, .guidance2021]
        let level1 = frameworks.flatMap { $0.levels.map(\.name) }
        let level2 = frameworks.flatMap { $0.levels.flatMap(\.level2) }
        func widest(_ names: [String]) -> Int { names.map { metrics.width(of: $0) }.max() ?? 0 }
        return IndicatorRow.Column.allCases.map { column in
            switch column {
            case .level1: widest(level1)
            case .level2: widest(level2)
            case .basis: widest(IndicatorFramework.standardBases)
            default: 0
            }
        }
    }()

    /// The layout for `width` columns, scrolled near `firstColumnHint`, showing `cursorColumn`.
    static func make(width: Int, firstColumnHint: Int, cursorColumn: Int) -> GridLayout {
        let columns = IndicatorRow.Column.allCases
        let room = max(1, width - gutter)
        let total = minimum.reduce(0, +) + gap * (columns.count - 1)
        if total <= room {
            return GridLayout(slots: place(Array(0..<columns.count), room: room, standardFirst: width >= standardNamesFrom),
                              firstColumn: 0,
                              hiddenLeft: false, hiddenRight: false)
        }
        var first = min(max(0, firstColumnHint), columns.count - 1)
        if cursorColumn < first && cursorColumn != nameIndex { first = cursorColumn }
        var shown = visible(first: first, room: room)
        while !shown.contains(cursorColumn) && first < columns.count - 1 {
            first += 1
            shown = visible(first: first, room: room)
        }
        // Do not leave room unused on the right while columns are hidden on the left.
        while first > 0 {
            let wider = visible(first: first - 1, room: room)
            guard wider.contains(cursorColumn), wider.last == shown.last, wider.count > shown.count else { break }
            first -= 1
            shown = wider
        }
        return GridLayout(slots: place(shown, room: room), firstColumn: first,
                          hiddenLeft: (0..<first).contains { !shown.contains($0) },
                          hiddenRight: (shown.last ?? 0) < columns.count - 1)
    }

    /// Column indices shown when scrolled to `first`: from `first` on as many as fit, with the
    /// name column in front when scrolled past it.
    private static func visible(first: Int, room: Int) -> [Int] {
        var shown: [Int] = first > nameIndex ? [nameIndex] : []
        var used = first > nameIndex ? minimum[nameIndex] : -gap
        for index in first..<minimum.count {
            let need = gap + minimum[index]
            if used + need > room { break }
            shown.append(index)
            used += need
        }
        if shown.isEmpty || (first > nameIndex && shown.count == 1) {
            // Too narrow for even two columns: show the cursor's column alone.
            return [first]
        }
        return shown
    }

    /// Minimum widths (with `standardFirst`, first the standard names' widths, as far as the
    /// room goes) plus a weighted share of what is left, capped by `maximum`.
    private static func place(_ indices: [Int], room: Int, standardFirst: Bool = false) -> [Slot] {
        var widths = indices.map { minimum[$0] }
        var spare = room - widths.reduce(0, +) - gap * max(0, indices.count - 1)
        if indices.count == 1 { widths[0] = room; spare = 0 }
        if standardFirst {
            for (i, index) in indices.enumerated() where standard[index] > widths[i] && spare > 0 {
                let add = min(standard[index] - widths[i], spare)
                widths[i] += add
                spare -= add
            }
        }
        while spare > 0 {
            let growable = indices.indices.filter { weights[indices[$0]] > 0 && widths[$0] < maximum[indices[$0]] }
            let totalWeight = growable.reduce(0) { $0 + weights[indices[$1]] }
            guard totalWeight > 0 else { break }
            var given = 0
            for i in growable {
                let share = max(1, spare * weights[indices[i]] / totalWeight)
                let add = min(share, maximum[indices[i]] - widths[i], spare - given)
                widths[i] += add
                given += add
                if given >= spare { break }
            }
            if given == 0 { break }
            spare -= given
        }
        var x = gutter
        var slots: [Slot] = []
        for (i, index) in indices.enumerated() {
            slots.append(Slot(column: IndicatorRow.Column.allCases[index], x: x, width: widths[i]))
            x += widths[i] + gap
        }
        return slots
    }

    func slot(for column: IndicatorRow.Column) -> Slot? { slots.first { $0.column == column } }
}
