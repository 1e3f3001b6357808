/// Picks one item from a list; typing filters the list as you go (every word typed must
/// appear in the item, ignoring case).
public struct PickListDialog: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var id: String
        public var label: String
        public init(id: String, label: String) {
            self.id = id
            self.label = label
        }
    }

    public var title: String
    public private(set) var items: [Item]
    public private(set) var filter: LineEditor
    /// Index into `matches` of the highlighted item.
    public private(set) var selection = 0
    private var scroll = 0

    /// `filter`: text already typed (a cell's text when the list is opened while editing it).
    public init(title: String, items: [Item], metrics: TextMetrics, filter: String = "") {
        self.title = title
        self.items = items
        self.filter = LineEditor(filter, metrics: metrics)
    }

    /// The items the filter lets through, in their original order.
    public var matches: [Item] {
        let words = filter.text.lowercased().split(separator: " ")
        guard !words.isEmpty else { return items }
        return items.filter { item in
            let label = item.label.lowercased()
            return words.allSatisfy { label.contains($0) }
        }
    }

    public enum Action: Hashable, Sendable { case up, down, pageUp, pageDown, accept, cancel }

    public static let keymap = Keymap<Action>(name: .keymapPickList, [
        KeyBinding([KeyEvent(.up), .ctrl("p")], .up, .helpPickUp),
        KeyBinding([KeyEvent(.down), .ctrl("n")], .down, .helpPickDown),
        KeyBinding([KeyEvent(.pageUp)], .pageUp, .helpPageUp),
        KeyBinding([KeyEvent(.pageDown)], .pageDown, .helpPageDown),
        KeyBinding([KeyEvent(.enter)], .accept, .helpPickAccept),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpInputCancel),
    ])

    static let visibleRows = 10

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        switch event {
        case .paste(let text):
            filter.insert(text)
            selection = 0
        case .key(let key):
            if let action = Self.keymap.action(for: key) {
                let count = matches.count
                switch action {
                case .up: selection = max(0, selection - 1)
                case .down: selection = min(max(0, count - 1), selection + 1)
                case .pageUp: selection = max(0, selection - Self.visibleRows)
                case .pageDown: selection = min(max(0, count - 1), selection + Self.visibleRows)
                case .accept:
                    let current = matches
                    return .picked(current.indices.contains(selection) ? current[selection] : nil)
                case .cancel: return .picked(nil)
                }
            } else if filter.handle(key) {
                selection = 0
            }
        default:
            break
        }
        if selection < scroll { scroll = selection }
        if selection >= scroll + Self.visibleRows { scroll = selection - Self.visibleRows + 1 }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let current = matches
        let rows = min(Self.visibleRows, max(1, area.height - 6))
        let box = area.centered(width: min(70, area.width), height: rows + 4)
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        guard inner.height >= 2 else { return }
        let label = context.strings[.filterLabel]
        let labelWidth = buffer.write(label, x: inner.x + 1, y: inner.y, style: theme[.dialog])
        let fieldX = inner.x + 1 + labelWidth
        let fieldWidth = max(1, inner.maxX - 1 - fieldX)
        let shown = filter.visible(width: fieldWidth)
        buffer.write(shown.text, x: fieldX, y: inner.y, maxWidth: fieldWidth, style: theme[.input])
        buffer.cursor = Buffer.Position(x: fieldX + shown.cursorX, y: inner.y)
        let first = min(scroll, max(0, current.count - 1))
        if current.isEmpty {
            buffer.write(context.strings[.noMatches], x: inner.x + 1, y: inner.y + 1, maxWidth: inner.width - 2,
                         style: theme[.dim])
        }
        for (row, index) in (first..<min(current.count, first + min(rows, inner.height - 1))).enumerated() {
            let style = index == selection ? theme[.selected] : theme[.dialog]
            buffer.write(current[index].label, x: inner.x + 1, y: inner.y + 1 + row, width: inner.width - 2, style: style)
        }
    }
}
