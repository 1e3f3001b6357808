extension Buffer {
    /// Border characters. Box-drawing characters are East Asian Ambiguous: a terminal that
    /// draws ambiguous characters two columns wide would double every line, so ASCII is used
    /// then.
    struct BoxCharacters {
        let horizontal, vertical, topLeft, topRight, bottomLeft, bottomRight: String
    }

    var boxCharacters: BoxCharacters {
        metrics.ambiguousWidth == .narrow
            ? BoxCharacters(horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘")
            : BoxCharacters(horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+")
    }

    /// Clears `rect` and draws a border around it with `title` in the top edge. Returns the
    /// inner area.
    @discardableResult
    public mutating func drawBox(_ rect: Rect, title: String, style: Style, titleStyle: Style) -> Rect {
        let r = rect.intersection(area)
        guard r.width >= 2, r.height >= 2 else { return Rect(x: r.x, y: r.y, width: 0, height: 0) }
        fill(r, style: style)
        let box = boxCharacters
        let inner = String(repeating: box.horizontal, count: r.width - 2)
        write(box.topLeft + inner + box.topRight, x: r.x, y: r.y, style: style)
        write(box.bottomLeft + inner + box.bottomRight, x: r.x, y: r.maxY - 1, style: style)
        for y in (r.y + 1)..<(r.maxY - 1) {
            write(box.vertical, x: r.x, y: y, style: style)
            write(box.vertical, x: r.maxX - 1, y: y, style: style)
        }
        if !title.isEmpty, r.width > 6 {
            let shown = metrics.clip(" \(title) ", to: r.width - 4)
            write(shown, x: r.x + 2, y: r.y, style: titleStyle)
        }
        return r.inset(by: 1)
    }

    /// A dialog box centred in `area`, `width` wide, holding `message` wrapped to it, with
    /// `rowsBelow` rows under the text (a blank line and the buttons) that the caller fills.
    /// Returns the inner area.
    mutating func drawMessageBox(_ message: String, title: String, width: Int, rowsBelow: Int, in area: Rect,
                                 theme: Theme) -> Rect {
        let lines = metrics.wrap(message, to: max(1, width - 4))
        let box = area.centered(width: width, height: min(area.height, lines.count + 2 + rowsBelow))
        let inner = drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        for (i, line) in lines.prefix(max(0, inner.height - rowsBelow)).enumerated() {
            write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.dialog])
        }
        return inner
    }
}
