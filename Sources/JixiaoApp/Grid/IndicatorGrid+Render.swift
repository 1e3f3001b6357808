import JixiaoModel

extension IndicatorGrid {
    /// The most lines an expanded row takes.
    static let expandedMaximum = 8

    /// Rows of indicators shown in a grid area `height` rows high (the first is the column
    /// titles, which stay visible while scrolling).
    static func pageSize(height: Int) -> Int { max(1, height - 1) }

    /// The lines each visible cell of the current row needs when expanded.
    func expandedHeight(layout: GridLayout, height: Int) -> Int {
        guard expanded, let current = currentRow else { return 1 }
        var lines = 1
        for slot in layout.slots {
            let text = slot.column == column && editor != nil ? editor!.text : current[slot.column]
            lines = max(lines, metrics.wrap(text, to: max(1, slot.width)).count)
        }
        return min(lines, Self.expandedMaximum, max(1, height - 2))
    }

    /// Draws the column titles and the visible rows in `area`. `focused`: the grid has the
    /// keyboard, so the cursor cell is highlighted (and the text cursor shown while editing).
    func render(into buffer: inout Buffer, area: Rect, context: ViewContext, focused: Bool) {
        guard area.height >= 2, area.width > GridLayout.gutter else { return }
        let theme = context.theme
        let layout = GridLayout.make(width: area.width, firstColumnHint: firstColumn, cursorColumn: columnIndex)
        let english = context.strings.language == .english

        // Column titles.
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme[.header])
        if layout.hiddenLeft { buffer.write("<", x: area.x, y: area.y, style: theme[.header]) }
        for slot in layout.slots {
            let title = english ? slot.column.englishName : slot.column.chineseName
            buffer.write(title, x: area.x + slot.x, y: area.y, width: slot.width, style: theme[.header])
        }
        if layout.hiddenRight { buffer.write(">", x: area.maxX - 1, y: area.y, style: theme[.header]) }

        guard !rows.isEmpty else {
            buffer.write(context.strings[.project(.noRows)], x: area.x + GridLayout.gutter, y: area.y + 1,
                         maxWidth: area.width - GridLayout.gutter, style: theme[.dim])
            return
        }
        let bodyHeight = area.height - 1
        let extra = expandedHeight(layout: layout, height: area.height) - 1
        let visible = max(1, bodyHeight - extra)
        let top = Self.scroll(top: topRow, cursor: row, visible: visible, count: rows.count)
        var y = area.y + 1
        var i = top
        // Cells with unresolved comments (批注), by row id.
        var commented: [String: Set<IndicatorRow.Column>] = [:]
        for path in context.session?.document.commentedCells ?? [] where path.projectID == projectID {
            if let rowID = path.indicatorRowID, let column = path.lastField.flatMap(IndicatorRow.Column.init(rawValue:)) {
                commented[rowID, default: []].insert(column)
            }
        }
        while i < rows.count && y < area.maxY {
            let isCurrent = i == row
            let lines = isCurrent ? extra + 1 : 1
            drawRow(i, layout: layout, into: &buffer, x: area.x, y: y, lines: min(lines, area.maxY - y),
                    top: top, focused: focused, commented: commented[rows[i].id] ?? [], context: context)
            y += lines
            i += 1
        }
    }

    private func drawRow(_ i: Int, layout: GridLayout, into buffer: inout Buffer, x: Int, y: Int, lines: Int,
                         top: Int, focused: Bool, commented: Set<IndicatorRow.Column>, context: ViewContext) {
        let theme = context.theme
        let r = rows[i]
        let isCurrent = i == row
        if isCurrent {
            buffer.write(focused ? ">" : " ", x: x, y: y, style: theme[.header])
        }
        if let severity = rowMarker(r.id) {
            buffer.write(Self.markerGlyph(severity), x: x + 1, y: y, style: Self.markerStyle(severity, theme))
        }
        for slot in layout.slots {
            let isCursor = isCurrent && slot.column == column
            var text = r[slot.column]
            // Repeats of the level 1 / level 2 above are drawn blank, as the printed table
            // merges them; the first row shown and the current row always show theirs.
            if i != top && !isCurrent {
                if slot.column == .level1 && repeatsLevel1[i] { text = "" }
                if slot.column == .level2 && repeatsLevel2[i] { text = "" }
            }
            var style = theme[.text]
            if let severity = marker(row: r.id, column: slot.column) { style = Self.markerStyle(severity, theme) }
            // A selected range is drawn like the cursor; the cursor inside it as a text field,
            // so the active cell stays findable (in monochrome too: reverse vs underline).
            let inRange = focused && isSelected(row: i, column: slot.column)
            if inRange || (isCursor && focused) { style = theme[.selected] }
            if isCursor && focused && hasSelection { style = theme[.input] }
            let cellX = x + slot.x
            if isCursor, focused, let editor {
                var field = editor
                field.keepCursorVisible(width: slot.width)
                if lines > 1 {
                    drawWrapped(field.text, x: cellX, y: y, width: slot.width, lines: lines, style: theme[.input],
                                into: &buffer)
                    // The text cursor in a wrapped field: at the end of the wrapped text.
                    let wrapped = context.metrics.wrap(field.text, to: max(1, slot.width))
                    let lastLine = min(lines, max(1, wrapped.count)) - 1
                    let column = context.metrics.width(of: wrapped.isEmpty ? "" : wrapped[lastLine])
                    if field.cursor == field.characters.count {
                        buffer.cursor = Buffer.Position(x: cellX + min(column, slot.width - 1), y: y + lastLine)
                    } else {
                        let shown = field.visible(width: slot.width)
                        buffer.write(shown.text, x: cellX, y: y, maxWidth: slot.width, style: theme[.input])
                        buffer.cursor = Buffer.Position(x: cellX + shown.cursorX, y: y)
                    }
                } else {
                    let shown = field.visible(width: slot.width)
                    buffer.write(shown.text, x: cellX, y: y, maxWidth: slot.width, style: theme[.input])
                    buffer.cursor = Buffer.Position(x: cellX + shown.cursorX, y: y)
                }
                continue
            }
            // A commented cell gives its last column to the marker: `*` in the comment style,
            // visible without colour.
            let isCommented = commented.contains(slot.column) && slot.width > 1
            let textWidth = isCommented ? slot.width - 1 : slot.width
            if lines > 1 {
                drawWrapped(text, x: cellX, y: y, width: textWidth, lines: lines, style: style, into: &buffer)
            } else {
                buffer.write(text, x: cellX, y: y, width: textWidth, style: style)
            }
            if isCommented {
                buffer.write(CommentText.marker, x: cellX + textWidth, y: y,
                             style: isCursor && focused ? theme[.selected] : theme[.comment])
            }
        }
    }

    private func drawWrapped(_ text: String, x: Int, y: Int, width: Int, lines: Int, style: Style,
                             into buffer: inout Buffer) {
        var wrapped = metrics.wrap(text, to: max(1, width))
        if wrapped.count > lines {
            wrapped = Array(wrapped.prefix(lines))
            wrapped[lines - 1] = metrics.clip(wrapped[lines - 1] + "…", to: width)
        }
        for line in 0..<lines {
            buffer.write(line < wrapped.count ? wrapped[line] : "", x: x, y: y + line, width: width, style: style)
        }
    }

    static func markerGlyph(_ severity: Severity) -> String {
        switch severity {
        case .error: "!"
        case .warning: "?"
        case .notice: "."
        }
    }

    static func markerStyle(_ severity: Severity, _ theme: Theme) -> Style {
        switch severity {
        case .error: theme[.error]
        case .warning: theme[.header]
        case .notice: theme[.dim]
        }
    }
}
