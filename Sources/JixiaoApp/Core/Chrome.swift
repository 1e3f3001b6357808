/// The frame around every screen: title bar, message line, status bar.
enum Chrome {
    static func drawTitleBar(into buffer: inout Buffer, screenTitle: MessageID, context: ViewContext) {
        let style = context.theme[.title]
        let width = buffer.size.width
        buffer.fill(Rect(x: 0, y: 0, width: width, height: 1), style: style)
        let left = " " + context.strings[.appTitle] + " · " + context.strings[screenTitle]
        buffer.write(left, x: 0, y: 0, maxWidth: width, style: style)
        let leftWidth = context.metrics.width(of: left)
        let room = width - leftWidth - 3
        let path = context.environment.storePath
        if room > 8, !path.isEmpty {
            let shown = clipLeft(path, to: room, metrics: context.metrics) + " "
            let w = context.metrics.width(of: shown)
            buffer.write(shown, x: width - w, y: 0, style: style)
        }
    }

    /// Keeps the end of a path, which says more than its start.
    static func clipLeft(_ text: String, to columns: Int, metrics: TextMetrics) -> String {
        if metrics.width(of: text) <= columns { return text }
        let reversed = metrics.clip(String(text.reversed()), to: columns)
        return String(reversed.reversed())
    }

    static func drawMessageLine(into buffer: inout Buffer, message: StatusMessage?, y: Int, context: ViewContext) {
        let style = message?.kind == .error ? context.theme[.error] : context.theme[.message]
        buffer.fill(Rect(x: 0, y: y, width: buffer.size.width, height: 1), style: context.theme[.message])
        guard let message else { return }
        buffer.write(" " + context.strings[message.id], x: 0, y: y, width: buffer.size.width, style: style)
    }

    /// `draftNotWritten`: the draft journal is behind the session (a write failed); the
    /// warning stays until the journal is whole again, whatever the message line says.
    static func drawStatusBar(into buffer: inout Buffer, screen: any Screen, unsaved: Bool, draftNotWritten: Bool = false,
                              y: Int, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let width = buffer.size.width
        buffer.fill(Rect(x: 0, y: y, width: width, height: 1), style: theme[.status])
        var x = buffer.write(" " + strings[screen.title] + "  " + strings[.statusUser(context.environment.userName)] + " ",
                             x: 0, y: y, style: theme[.status])
        if unsaved {
            x += buffer.write(" " + strings[.statusUnsaved] + " ", x: x, y: y, style: theme[.unsaved])
        }
        if draftNotWritten {
            x += buffer.write(" " + strings[.statusDraftNotWritten] + " ", x: x, y: y, style: theme[.error])
        }
        // Hints from the keymaps, right-aligned, as many as fit.
        let bindings = App.keymap.help.entries + screen.keymapHelp.entries
        var hints: [(key: String, text: String)] = []
        for entry in bindings where entry.isHint {
            hints.append((entry.keys.first ?? "", strings[entry.description]))
        }
        var parts: [(key: String, text: String)] = []
        var total = 0
        for hint in hints {
            let w = context.metrics.width(of: hint.key) + 1 + context.metrics.width(of: hint.text) + 2
            if x + 2 + total + w > width { break }
            parts.append(hint)
            total += w
        }
        var hx = width - total
        for part in parts {
            hx += buffer.write(part.key, x: hx, y: y, style: theme[.statusKey])
            hx += buffer.write(" " + part.text + "  ", x: hx, y: y, style: theme[.status])
        }
    }
}
