/// The help overlay (F1, or `?` where typing is not text entry): every key of the global
/// keymap and of whatever has the focus, generated from the keymaps themselves.
public struct HelpOverlay: Hashable, Sendable {
    public var sections: [HelpSection]
    public private(set) var scroll = 0

    public init(sections: [HelpSection]) {
        self.sections = sections
    }

    public enum Action: Hashable, Sendable { case close, up, down, pageUp, pageDown }

    public static let keymap = Keymap<Action>(name: .keymapHelp, [
        KeyBinding([KeyEvent(.escape), KeyEvent(.function(1)), .char("q"), .char("?")], .close, .helpCloseHelp),
        KeyBinding([KeyEvent(.up), .char("k")], .up, .helpScrollUp),
        KeyBinding([KeyEvent(.down), .char("j")], .down, .helpScrollDown),
        KeyBinding([KeyEvent(.pageUp)], .pageUp, .helpPageUp),
        KeyBinding([KeyEvent(.pageDown), .char(" ")], .pageDown, .helpPageDown),
    ])

    static let page = 10

    /// An upper bound for scrolling: the overlay's line count.
    var lineCount: Int { sections.reduce(0) { $0 + $1.entries.count + 2 } }

    mutating func handle(_ key: KeyEvent) -> Action? {
        guard let action = Self.keymap.action(for: key) else { return nil }
        switch action {
        case .close: break
        case .up: scroll = max(0, scroll - 1)
        case .down: scroll += 1
        case .pageUp: scroll = max(0, scroll - Self.page)
        case .pageDown: scroll += Self.page
        }
        scroll = min(scroll, lineCount)
        return action
    }

    /// The overlay's lines: section titles, then one line per binding (keys, description).
    func lines(context: ViewContext, width: Int) -> [(text: String, isTitle: Bool)] {
        let metrics = context.metrics
        var keyWidth = 0
        for section in sections {
            for entry in section.entries {
                keyWidth = max(keyWidth, metrics.width(of: entry.keys.joined(separator: ", ")))
            }
        }
        keyWidth = min(keyWidth, max(8, width / 2 - 2))
        var result: [(String, Bool)] = []
        for (i, section) in sections.enumerated() {
            if i > 0 { result.append(("", false)) }
            result.append((context.strings[section.title], true))
            for entry in section.entries {
                let keys = metrics.pad(entry.keys.joined(separator: ", "), to: keyWidth)
                result.append(("  " + keys + "  " + context.strings[entry.description], false))
            }
        }
        return result
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        // Help covers the whole area: glimpses of the screen beside a narrower box (a cursor
        // marker, a cut-off cell) read as part of the help.
        buffer.fill(area, style: theme[.text])
        let box = area.centered(width: min(78, area.width), height: area.height)
        let inner = buffer.drawBox(box, title: context.strings[.helpTitle], style: theme[.dialog],
                                   titleStyle: theme[.dialogTitle])
        guard inner.height > 0 else { return }
        let all = lines(context: context, width: inner.width - 2)
        let first = min(scroll, max(0, all.count - inner.height))
        for (row, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            buffer.write(line.text, x: inner.x + 1, y: inner.y + row, width: inner.width - 2,
                         style: line.isTitle ? theme[.dialogTitle] : theme[.dialog])
        }
    }
}
