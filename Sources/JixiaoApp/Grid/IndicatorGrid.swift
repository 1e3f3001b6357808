import JixiaoModel

/// The indicator grid of one project (绩效指标表) as a spreadsheet: a cursor on one cell,
/// vertical and horizontal scrolling, an edit mode with a `LineEditor`, rows drawn in groups
/// of repeated level 1 / level 2 like the printed table, an expandable current row and cells
/// marked by validation findings.
///
/// The grid never changes the document. A key that changes content returns the change as
/// `[CellEdit]`; the owner applies it through the document session (which journals it and
/// records undo) and hands the new rows back with `setRows(_:)`. Everything a cursor move
/// needs (groups, row positions, markers) is computed there, once per change, so a move only
/// changes two integers.
public struct IndicatorGrid: Sendable {
    public let projectID: String
    public private(set) var rows: [IndicatorRow] = []
    /// The cursor: row index (0 when there are no rows) and column.
    public private(set) var row = 0
    public private(set) var column: IndicatorRow.Column = .level1
    /// The cell being edited, with its text before editing (Esc puts it back).
    public private(set) var editor: LineEditor?
    public private(set) var editOriginal = ""
    /// The current row is drawn with its full wrapped text.
    public private(set) var expanded = false
    /// Scroll hints; the drawn positions are corrected to keep the cursor visible.
    private(set) var topRow = 0
    private(set) var firstColumn = 0
    /// Row index by id.
    private var index: [String: Int] = [:]
    /// Whether a row's level 1 (level 2) repeats the row above: drawn blank, as a group.
    private(set) var repeatsLevel1: [Bool] = []
    private(set) var repeatsLevel2: [Bool] = []
    /// The most serious finding on each cell (key: row id + column) and on each row.
    private(set) var cellMarkers: [CellKey: Severity] = [:]
    private(set) var rowMarkers: [String: Severity] = [:]
    /// The findings the markers were made from (compared to skip needless rebuilds).
    private(set) var findingsSource: [Finding] = []
    /// The row the cursor should land on after the next `setRows` (an inserted row).
    private var pendingRowID: String?
    /// The fixed corner of a selected rectangle (Shift+arrows), by row id so that it survives
    /// edits; nil when only the cursor's cell is selected.
    private(set) var anchor: CellKey?
    /// The column a run of Tab moves started from: Enter after it goes back there on the next
    /// row, as in Excel, so a table is typed row by row without moving back.
    private(set) var tabStartColumn: IndicatorRow.Column?
    public var metrics: TextMetrics

    struct CellKey: Hashable, Sendable {
        var row: String
        var column: IndicatorRow.Column
    }

    public init(projectID: String, rows: [IndicatorRow], metrics: TextMetrics = TextMetrics()) {
        self.projectID = projectID
        self.metrics = metrics
        setRows(rows)
    }

    public var isEditing: Bool { editor != nil }
    public var currentRow: IndicatorRow? { rows.indices.contains(row) ? rows[row] : nil }
    public var columnIndex: Int { IndicatorRow.Column.allCases.firstIndex(of: column)! }

    /// The text the current cell shows: the editor's while editing.
    public var currentText: String {
        if let editor { return editor.text }
        return currentRow?[column] ?? ""
    }

    /// The path of the cursor's cell, nil when there are no rows.
    public var currentPath: CellPath? {
        currentRow.map { CellPath.indicator(project: projectID, row: $0.id, column: column) }
    }

    var listPath: CellPath { CellPath.project(projectID, "indicators") }

    // MARK: Content from the session

    /// Takes the project's rows after a change; keeps the cursor on its row when the row still
    /// exists (on the new row after an insert) and recomputes groups.
    public mutating func setRows(_ newRows: [IndicatorRow]) {
        let currentID = pendingRowID ?? currentRow?.id
        pendingRowID = nil
        rows = newRows
        index = [:]
        index.reserveCapacity(rows.count)
        repeatsLevel1 = Array(repeating: false, count: rows.count)
        repeatsLevel2 = Array(repeating: false, count: rows.count)
        for (i, r) in rows.enumerated() {
            index[r.id] = i
            if i > 0 {
                let same1 = !r.level1.isEmpty && r.level1 == rows[i - 1].level1
                repeatsLevel1[i] = same1
                repeatsLevel2[i] = same1 && !r.level2.isEmpty && r.level2 == rows[i - 1].level2
            }
        }
        if let currentID, let i = index[currentID] {
            row = i
        } else {
            row = min(row, max(0, rows.count - 1))
        }
        if let anchor, index[anchor.row] == nil { self.anchor = nil }
    }

    /// Marks the cells the findings point at.
    public mutating func setFindings(_ findings: [Finding]) {
        findingsSource = findings
        cellMarkers = [:]
        rowMarkers = [:]
        for finding in findings where finding.path.projectID == projectID {
            guard let rowID = finding.path.indicatorRowID else { continue }
            rowMarkers[rowID] = min(rowMarkers[rowID] ?? finding.severity, finding.severity)
            if let name = finding.path.lastField, let column = IndicatorRow.Column(rawValue: name) {
                let key = CellKey(row: rowID, column: column)
                cellMarkers[key] = min(cellMarkers[key] ?? finding.severity, finding.severity)
            }
        }
    }

    func marker(row id: String, column: IndicatorRow.Column) -> Severity? {
        cellMarkers[CellKey(row: id, column: column)]
    }

    func rowMarker(_ id: String) -> Severity? { rowMarkers[id] }

    /// Puts the cursor on a cell (a finding's), if the row exists.
    @discardableResult
    public mutating func moveTo(rowID: String, column: IndicatorRow.Column?) -> Bool {
        guard let i = index[rowID] else { return false }
        cancelEdit()
        anchor = nil
        tabStartColumn = nil
        row = i
        if let column { self.column = column }
        return true
    }

    // MARK: Moving

    public enum Move: Hashable, Sendable {
        case up, down, left, right, nextCell, previousCell, rowStart, rowEnd
        case pageUp, pageDown, firstCell, lastCell
        /// Ctrl-Up / Ctrl-Down: the first / last row, in the same column.
        case columnTop, columnBottom
        /// Enter: down, and back to the column a run of Tabs started from.
        case enterDown
    }

    /// Moves the cursor and drops the selection; `page` is the number of rows a page holds.
    public mutating func move(_ move: Move, page: Int = 10) {
        anchor = nil
        moveCursor(move, page: page)
    }

    /// Shift+arrow (and Shift+Home/End/PgUp/PgDn): moves the cursor and keeps the corner it
    /// started from, selecting the rectangle between them.
    public mutating func extendSelection(_ move: Move, page: Int = 10) {
        guard let current = currentRow else { return }
        let fixed = anchor ?? CellKey(row: current.id, column: column)
        // Selecting the rest of a row being typed does not end its run of Tabs (see `fillDown`).
        let run = tabStartColumn
        moveCursor(move, page: page)
        tabStartColumn = run
        anchor = fixed
        if anchor == CellKey(row: currentRow?.id ?? "", column: column) { anchor = nil }
    }

    public mutating func clearSelection() { anchor = nil }

    /// Whether more than the cursor's cell is selected.
    public var hasSelection: Bool { anchor != nil }

    /// The selected rectangle as row indices and column indices (the cursor's cell when nothing
    /// is selected); nil when there are no rows.
    public var selection: (rows: ClosedRange<Int>, columns: ClosedRange<Int>)? {
        guard currentRow != nil else { return nil }
        let c = columnIndex
        guard let anchor, let r = index[anchor.row],
              let ac = IndicatorRow.Column.allCases.firstIndex(of: anchor.column) else {
            return (row...row, c...c)
        }
        return (min(r, row)...max(r, row), min(ac, c)...max(ac, c))
    }

    func isSelected(row i: Int, column: IndicatorRow.Column) -> Bool {
        guard anchor != nil, let selection else { return false }
        return selection.rows.contains(i)
            && selection.columns.contains(IndicatorRow.Column.allCases.firstIndex(of: column)!)
    }

    private mutating func moveCursor(_ move: Move, page: Int) {
        let columns = IndicatorRow.Column.allCases
        let last = max(0, rows.count - 1)
        var c = columnIndex
        switch move {
        case .nextCell:
            if tabStartColumn == nil { tabStartColumn = column }
        case .enterDown:
            if let start = tabStartColumn { c = columns.firstIndex(of: start)! }
            tabStartColumn = nil
        default:
            tabStartColumn = nil
        }
        switch move {
        case .up: row = max(0, row - 1)
        case .down, .enterDown: row = min(last, row + 1)
        case .left: c = max(0, c - 1)
        case .right: c = min(columns.count - 1, c + 1)
        case .nextCell:
            if c < columns.count - 1 { c += 1 } else if row < last { c = 0; row += 1 }
        case .previousCell:
            if c > 0 { c -= 1 } else if row > 0 { c = columns.count - 1; row -= 1 }
        case .rowStart: c = 0
        case .rowEnd: c = columns.count - 1
        case .pageUp: row = max(0, row - max(1, page))
        case .pageDown: row = min(last, row + max(1, page))
        case .firstCell: row = 0; c = 0
        case .columnTop: row = 0
        case .columnBottom: row = last
        case .lastCell: row = last; c = columns.count - 1
        }
        column = columns[c]
    }

    /// Whether `move` would leave the last row: Down or Enter on it, Tab on its last cell.
    /// Those append a row instead (see `appendRow`).
    public func movesPastLastRow(_ move: Move) -> Bool {
        guard !rows.isEmpty, row == rows.count - 1 else { return false }
        switch move {
        case .down, .enterDown: return true
        case .nextCell: return column == IndicatorRow.Column.allCases.last
        default: return false
        }
    }

    /// Keeps the scroll hints near the cursor for a grid showing `visibleRows` rows in `width`
    /// columns (called by the owner after each key, with the size it last drew).
    public mutating func scrollToCursor(visibleRows: Int, width: Int) {
        topRow = Self.scroll(top: topRow, cursor: row, visible: max(1, visibleRows), count: rows.count)
        firstColumn = GridLayout.make(width: width, firstColumnHint: firstColumn, cursorColumn: columnIndex).firstColumn
    }

    static func scroll(top: Int, cursor: Int, visible: Int, count: Int) -> Int {
        var top = max(0, top)
        if cursor < top { top = cursor }
        if cursor >= top + visible { top = cursor - visible + 1 }
        return max(0, min(top, max(0, count - visible)))
    }

    // MARK: Editing a cell

    /// F2 / Enter: edits the current text with the cursor at its end.
    public mutating func beginEdit() {
        guard let current = currentRow else { return }
        anchor = nil
        editOriginal = current[column]
        editor = LineEditor(editOriginal, metrics: metrics)
    }

    /// A printable key (or an IME burst, or a paste) on a cell not being edited: the typed text
    /// replaces the cell. While editing, it is inserted at the cursor.
    public mutating func type(_ text: String) {
        guard let current = currentRow else { return }
        if editor == nil {
            anchor = nil  // typing edits the cursor's cell: the range is done with
            editOriginal = current[column]
            editor = LineEditor("", metrics: metrics)
        }
        editor?.insert(text)
    }

    /// Backspace on a cell not being edited: starts editing an empty cell (like Excel).
    public mutating func beginEditCleared() {
        guard let current = currentRow else { return }
        anchor = nil
        editOriginal = current[column]
        editor = LineEditor("", metrics: metrics)
    }

    /// An editing key for the line editor; false when it is not one.
    public mutating func editKey(_ key: KeyEvent) -> Bool {
        guard editor != nil else { return false }
        return editor!.handle(key)
    }

    /// Replaces the text being edited (a value picked from a list while editing).
    public mutating func replaceEditText(_ text: String) {
        guard editor != nil else { return }
        editor = LineEditor(text, metrics: metrics)
    }

    /// Esc: leaves edit mode; the cell keeps its old value.
    public mutating func cancelEdit() {
        editor = nil
        editOriginal = ""
    }

    /// Ends editing and returns the edit, if the text changed. The cursor stays.
    public mutating func commitEdit() -> [CellEdit] {
        guard let editor, let current = currentRow else {
            cancelEdit()
            return []
        }
        let text = editor.text
        cancelEdit()
        guard text != current[column] else { return [] }
        return [.set(CellPath.indicator(project: projectID, row: current.id, column: column), .text(text))]
    }

    /// Widens the line editor's scroll to a field `width` columns wide.
    mutating func keepEditorVisible(width: Int) {
        editor?.keepCursorVisible(width: width)
    }

    public mutating func toggleExpanded() { expanded.toggle() }

    // MARK: Edits without edit mode

    /// Delete: clears the cell.
    public func clearCell() -> [CellEdit] {
        guard let path = currentPath, !currentText.isEmpty else { return [] }
        return [.set(path, .text(""))]
    }

    /// Sets the current cell (a picked value, a pasted cell).
    public func setCell(_ text: String, column target: IndicatorRow.Column? = nil) -> [CellEdit] {
        guard let current = currentRow else { return [] }
        let c = target ?? column
        guard current[c] != text else { return [] }
        return [.set(CellPath.indicator(project: projectID, row: current.id, column: c), .text(text))]
    }

    /// The size of what a range operation touched, for the message line ("2 行 × 6 列").
    public struct Extent: Hashable, Sendable {
        public var rows: Int
        public var columns: Int
    }

    /// Ctrl-D (Excel's fill down). With a selection of several rows, its top row is copied into
    /// the rows below it; otherwise the selected cells take the row above. The selection is
    /// dropped and the cursor goes to the row below what was filled (it stays on the last row:
    /// a fill never adds one). Nil when there is nothing above to fill from.
    public mutating func fillDown() -> (edits: [CellEdit], filled: Extent)? {
        guard let selection, let (source, targets) = Self.fillSpan(selection.rows) else { return nil }
        let columns = IndicatorRow.Column.allCases
        var edits: [CellEdit] = []
        for target in targets {
            for c in selection.columns where rows[target][columns[c]] != rows[source][columns[c]] {
                edits.append(.set(CellPath.indicator(project: projectID, row: rows[target].id, column: columns[c]),
                                  .text(rows[source][columns[c]])))
            }
        }
        anchor = nil
        // Then on like Enter: down, back to the column a run of Tabs started from.
        if targets.upperBound < rows.count - 1 {
            row = targets.upperBound
            moveCursor(.enterDown, page: 1)
        }
        tabStartColumn = nil
        return (edits, Extent(rows: targets.count, columns: selection.columns.count))
    }

    /// Ctrl-R (Excel's fill right). With a selection of several columns, its left column is
    /// copied into the columns right of it; otherwise the selected cells take the cell to their
    /// left. Without a selection the cursor then goes on like Tab; nil when there is nothing to
    /// the left.
    public mutating func fillRight() -> (edits: [CellEdit], filled: Extent)? {
        guard let selection, let (source, targets) = Self.fillSpan(selection.columns) else { return nil }
        let columns = IndicatorRow.Column.allCases
        var edits: [CellEdit] = []
        for r in selection.rows {
            for c in targets where rows[r][columns[c]] != rows[r][columns[source]] {
                edits.append(.set(CellPath.indicator(project: projectID, row: rows[r].id, column: columns[c]),
                                  .text(rows[r][columns[source]])))
            }
        }
        let selected = hasSelection
        anchor = nil
        if !selected && !(row == rows.count - 1 && columnIndex == columns.count - 1) { moveCursor(.nextCell, page: 1) }
        return (edits, Extent(rows: selection.rows.count, columns: targets.count))
    }

    /// Where a fill along one axis copies from and to: a span of several is filled from its
    /// first; a single one from the one before it (nil when there is none).
    static func fillSpan(_ span: ClosedRange<Int>) -> (source: Int, targets: ClosedRange<Int>)? {
        if span.count > 1 { return (span.lowerBound, (span.lowerBound + 1)...span.upperBound) }
        guard span.lowerBound > 0 else { return nil }
        return (span.lowerBound - 1, span)
    }

    /// Delete: clears the selected cells (the cursor's cell when nothing is selected).
    public func clearSelected() -> (edits: [CellEdit], cleared: Extent) {
        guard let selection else { return ([], Extent(rows: 0, columns: 0)) }
        let columns = IndicatorRow.Column.allCases
        var edits: [CellEdit] = []
        for r in selection.rows {
            for c in selection.columns where !rows[r][columns[c]].isEmpty {
                edits.append(.set(CellPath.indicator(project: projectID, row: rows[r].id, column: columns[c]), .text("")))
            }
        }
        return (edits, Extent(rows: selection.rows.count, columns: selection.columns.count))
    }

    /// The selected cells, row by row (the cursor's cell when nothing is selected).
    public var selectedCells: [[String]] {
        guard let selection else { return [] }
        let columns = IndicatorRow.Column.allCases
        return selection.rows.map { r in selection.columns.map { rows[r][columns[$0]] } }
    }

    /// What a paste did: the rectangle written and the cells that fell past the last column.
    public struct PasteResult: Hashable, Sendable {
        public var edits: [CellEdit]
        public var pasted: Extent
        public var addedRows: Int
        public var droppedCells: Int
    }

    /// A block of cells (from `TabSeparated.parse`: a spreadsheet's copy, or Ctrl-C here) laid
    /// out from the top left of the selection to the right and down, as Excel does; rows beyond
    /// the last are added holding exactly what the block gives them. Cells past the last column
    /// cannot go anywhere and are counted, not hidden. A single cell pasted into a selection
    /// fills all of it.
    public mutating func paste(_ block: [[String]], makeID: () -> String = { StableID.make(prefix: "r") }) -> PasteResult {
        let columns = IndicatorRow.Column.allCases
        let origin = selection.map { ($0.rows.lowerBound, $0.columns.lowerBound) } ?? (row, columnIndex)
        var block = block
        if block.count == 1, block[0].count == 1, let selection, hasSelection {
            block = Array(repeating: Array(repeating: block[0][0], count: selection.columns.count),
                          count: selection.rows.count)
        }
        var edits: [CellEdit] = []
        var lastID = rows.last?.id
        var dropped = 0
        var width = 0
        var added = 0
        for (i, cells) in block.enumerated() {
            let placed = cells.enumerated().compactMap { j, cell -> (IndicatorRow.Column, String)? in
                origin.1 + j < columns.count ? (columns[origin.1 + j], cell) : nil
            }
            dropped += cells.count - placed.count
            width = max(width, placed.count)
            if rows.indices.contains(origin.0 + i) {
                let target = rows[origin.0 + i]
                for (column, cell) in placed where target[column] != cell {
                    edits.append(.set(CellPath.indicator(project: projectID, row: target.id, column: column), .text(cell)))
                }
            } else {
                var new = IndicatorRow(id: makeID())
                for (column, cell) in placed { new[column] = cell }
                edits.append(.insert(list: listPath, item: DocumentTree.item(new), after: lastID))
                lastID = new.id
                added += 1
            }
        }
        anchor = nil
        tabStartColumn = nil
        if rows.isEmpty, added > 0 { column = columns[origin.1] }
        return PasteResult(edits: edits, pasted: Extent(rows: block.count, columns: width), addedRows: added,
                           droppedCells: dropped)
    }

    // MARK: Rows

    /// A new row above or below the cursor, in the same level 1 / level 2 group, so the user
    /// fills in rather than builds. The cursor lands on it.
    public mutating func insertRow(below: Bool, makeID: () -> String = { StableID.make(prefix: "r") }) -> [CellEdit] {
        var new = IndicatorRow(id: makeID())
        if let current = currentRow {
            new.level1 = current.level1
            new.level2 = current.level2
        }
        let after: String? = below ? currentRow?.id : (row > 0 ? rows[row - 1].id : nil)
        pendingRowID = new.id
        if rows.isEmpty { column = .level1 } else if column == .level1 || column == .level2 { column = .name }
        return [.insert(list: listPath, item: DocumentTree.item(new), after: after)]
    }

    /// Down or Enter on the last row, Tab on its last cell: a new last row in the group of the
    /// row above (its 一级/二级), the cursor on it. A last row that holds nothing but those is
    /// not followed by another, so a held Down key does not pile up empty rows.
    public mutating func appendRow(_ move: Move, makeID: () -> String = { StableID.make(prefix: "r") }) -> [CellEdit] {
        guard let last = rows.last else { return [] }
        let free = IndicatorRow.Column.allCases.filter { $0 != .level1 && $0 != .level2 }
        guard free.contains(where: { !last[$0].trimmingCharacters(in: .whitespaces).isEmpty }) else { return [] }
        var new = IndicatorRow(id: makeID())
        new.level1 = last.level1
        new.level2 = last.level2
        pendingRowID = new.id
        anchor = nil
        switch move {
        case .nextCell: column = IndicatorRow.Column.allCases[0]
        case .enterDown: if let start = tabStartColumn { column = start }
        default: break
        }
        tabStartColumn = nil
        return [.insert(list: listPath, item: DocumentTree.item(new), after: last.id)]
    }

    /// Inserts a copy of `source` (a duplicated or pasted row) below the cursor, with a new id.
    public mutating func insertCopy(of source: IndicatorRow, makeID: () -> String = { StableID.make(prefix: "r") }) -> [CellEdit] {
        var copy = source
        copy.id = makeID()
        pendingRowID = copy.id
        return [.insert(list: listPath, item: DocumentTree.item(copy), after: currentRow?.id)]
    }

    public mutating func duplicateRow(makeID: () -> String = { StableID.make(prefix: "r") }) -> [CellEdit] {
        guard let current = currentRow else { return [] }
        return insertCopy(of: current, makeID: makeID)
    }

    public func deleteRow() -> [CellEdit] {
        guard let current = currentRow else { return [] }
        return [.delete(CellPath.indicator(project: projectID, row: current.id))]
    }

    /// Moves the current row one place up or down; the cursor goes with it.
    public func moveRow(up: Bool) -> [CellEdit] {
        guard let current = currentRow else { return [] }
        let path = CellPath.indicator(project: projectID, row: current.id)
        if up {
            guard row > 0 else { return [] }
            return [.move(path, after: row >= 2 ? rows[row - 2].id : nil)]
        }
        guard row < rows.count - 1 else { return [] }
        return [.move(path, after: rows[row + 1].id)]
    }
}
