/// The cells both I and someone else changed since the base revision: each with where it is,
/// the base value, mine and theirs. The user picks mine or theirs per cell; Enter saves with
/// those choices, Esc leaves the document unsaved (the conflicts stay to be decided).
public struct ConflictDialog: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// Where the cell is, in words (`CellLocation.describe`).
        public var location: String
        public var base: String
        public var mine: String
        public var theirs: String
        public init(location: String, base: String, mine: String, theirs: String) {
            self.location = location
            self.base = base
            self.mine = mine
            self.theirs = theirs
        }
    }

    public var title: String
    /// Who saved the other version.
    public var otherUser: String
    public var rows: [Row]
    /// Per row: true = take theirs.
    public private(set) var takeTheirs: [Bool]
    public private(set) var selection = 0

    public init(title: String, otherUser: String, rows: [Row]) {
        self.title = title
        self.otherUser = otherUser
        self.rows = rows
        self.takeTheirs = Array(repeating: false, count: rows.count)
    }

    public enum Action: Hashable, Sendable { case up, down, mine, theirs, toggle, allMine, allTheirs, accept, cancel }

    public static let keymap = Keymap<Action>(name: .keymapConflicts, [
        KeyBinding([KeyEvent(.up), .char("k")], .up, .helpPickUp),
        KeyBinding([KeyEvent(.down), .char("j")], .down, .helpPickDown),
        KeyBinding([KeyEvent(.left), .char("m")], .mine, .helpConflictMine),
        KeyBinding([KeyEvent(.right), .char("t")], .theirs, .helpConflictTheirs),
        KeyBinding([.char(" ")], .toggle, .helpConflictToggle),
        KeyBinding([.char("M")], .allMine, .helpConflictAllMine),
        KeyBinding([.char("T")], .allTheirs, .helpConflictAllTheirs),
        KeyBinding([KeyEvent(.enter)], .accept, .helpConflictAccept),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpConflictCancel),
    ])

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        guard case .key(let key) = event, let action = Self.keymap.action(for: key) else { return nil }
        switch action {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(max(0, rows.count - 1), selection + 1)
        case .mine: if !rows.isEmpty { takeTheirs[selection] = false }
        case .theirs: if !rows.isEmpty { takeTheirs[selection] = true }
        case .toggle: if !rows.isEmpty { takeTheirs[selection].toggle() }
        case .allMine: takeTheirs = takeTheirs.map { _ in false }
        case .allTheirs: takeTheirs = takeTheirs.map { _ in true }
        case .accept: return .conflictChoices(takeTheirs)
        case .cancel: return .conflictChoices(nil)
        }
        return nil
    }

    /// Long paragraphs that differ late would look the same on one line: when mine and theirs
    /// share a long beginning, all three values start a few characters before the first
    /// difference, after an ellipsis.
    static func fromFirstDifference(_ base: String, _ mine: String, _ theirs: String) -> (String, String, String) {
        let common = zip(mine, theirs).prefix { $0 == $1 }.count
        guard common > 12 else { return (base, mine, theirs) }
        let start = common - 6
        func cut(_ text: String) -> String { text.count > start ? "…" + text.dropFirst(start) : text }
        return (cut(base), cut(mine), cut(theirs))
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let box = area.centered(width: min(78, area.width), height: area.height)
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        guard inner.height >= 4 else { return }
        let width = inner.width - 2
        var y = inner.y
        for line in context.metrics.wrap(strings[.conflictIntro(user: otherUser, count: rows.count)], to: width).prefix(2) {
            buffer.write(line, x: inner.x + 1, y: y, maxWidth: width, style: theme[.dialog])
            y += 1
        }
        // Four lines per conflict: where, base, mine, theirs; the selected one highlighted.
        let perRow = 4
        let room = max(1, (inner.maxY - 1 - y) / perRow)
        let first = max(0, min(selection - room + 1, rows.count - room))
        for index in max(0, first)..<min(rows.count, max(0, first) + room) {
            let row = rows[index]
            let selected = index == selection
            let mark = takeTheirs[index] ? strings[.conflictTheirsChosen] : strings[.conflictMineChosen]
            buffer.write("\(index + 1). \(row.location)  [\(mark)]", x: inner.x + 1, y: y, width: width,
                         style: selected ? theme[.selected] : theme[.dialogTitle])
            let (base, mine, theirs) = Self.fromFirstDifference(row.base, row.mine, row.theirs)
            let lines = [(strings[.conflictBase], base, false),
                         (strings[.conflictMine], mine, !takeTheirs[index]),
                         (strings[.conflictTheirs], theirs, takeTheirs[index])]
            for (offset, line) in lines.enumerated() {
                let text = (line.2 ? "▸ " : "  ") + line.0 + line.1.replacingOccurrences(of: "\n", with: "⏎")
                buffer.write(text, x: inner.x + 1, y: y + 1 + offset, width: width,
                             style: line.2 ? theme[.input] : theme[.dialog])
            }
            y += perRow
        }
        buffer.write(strings[.conflictKeys], x: inner.x + 1, y: inner.maxY - 1, width: width, style: theme[.dim])
    }
}
