/// A question with a few answers, each with its own key (save / discard / cancel). Esc
/// cancels: the answer is then nil.
public struct ChoiceDialog: Hashable, Sendable {
    public struct Option: Hashable, Sendable {
        /// The key that picks it directly (lower case; upper case works too).
        public var key: Character
        public var label: String
        public init(key: Character, label: String) {
            self.key = key
            self.label = label
        }
    }

    public var title: String
    public var message: String
    public var options: [Option]
    /// The highlighted option, taken by Enter.
    public private(set) var selection: Int

    public init(title: String, message: String, options: [Option], defaultOption: Int = 0) {
        self.title = title
        self.message = message
        self.options = options
        self.selection = min(max(0, defaultOption), max(0, options.count - 1))
    }

    public enum Action: Hashable, Sendable { case next, previous, accept, cancel }

    public static let keymap = Keymap<Action>(name: .keymapChoice, [
        KeyBinding([KeyEvent(.right), KeyEvent(.tab)], .next, .helpChoiceNext),
        KeyBinding([KeyEvent(.left), KeyEvent(.tab, .shift)], .previous, .helpChoicePrevious),
        KeyBinding([KeyEvent(.enter)], .accept, .helpConfirmAccept),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpInputCancel),
    ])

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        guard case .key(let key) = event else { return nil }
        if let action = Self.keymap.action(for: key) {
            switch action {
            case .next: selection = (selection + 1) % max(1, options.count)
            case .previous: selection = (selection + options.count - 1) % max(1, options.count)
            case .accept: return .chosen(selection)
            case .cancel: return .chosen(nil)
            }
            return nil
        }
        if let c = key.insertedText, let index = options.firstIndex(where: { String($0.key) == c.lowercased() }) {
            return .chosen(index)
        }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let metrics = context.metrics
        let labels = options.map { " \($0.label)(\($0.key.uppercased())) " }
        let buttonsWidth = labels.reduce(0) { $0 + metrics.width(of: $1) } + 2 * max(0, labels.count - 1)
        let width = min(area.width, max(40, min(70, max(metrics.width(of: message), buttonsWidth) + 6)))
        let lines = metrics.wrap(message, to: width - 4)
        let height = min(area.height, lines.count + 4)
        let box = area.centered(width: width, height: height)
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        for (i, line) in lines.prefix(max(0, inner.height - 2)).enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.dialog])
        }
        var x = inner.x + max(0, (inner.width - buttonsWidth) / 2)
        for (i, label) in labels.enumerated() {
            x += buffer.write(label, x: x, y: inner.maxY - 1, maxWidth: max(0, inner.maxX - x),
                              style: i == selection ? theme[.selected] : theme[.dialog])
            x += 2
        }
    }
}
