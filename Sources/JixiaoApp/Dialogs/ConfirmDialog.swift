/// A yes/no question.
public struct ConfirmDialog: Hashable, Sendable {
    public var title: String
    public var message: String
    /// The highlighted answer, taken by Enter.
    public private(set) var choice: Bool

    public init(title: String, message: String, defaultAnswer: Bool = false) {
        self.title = title
        self.message = message
        self.choice = defaultAnswer
    }

    public enum Action: Hashable, Sendable { case yes, no, toggle, accept }

    public static let keymap = Keymap<Action>(name: .keymapConfirm, [
        KeyBinding([.char("y"), .char("Y")], .yes, .helpConfirmYes),
        KeyBinding([.char("n"), .char("N"), KeyEvent(.escape)], .no, .helpConfirmNo),
        KeyBinding([KeyEvent(.left), KeyEvent(.right), KeyEvent(.tab), KeyEvent(.tab, .shift)], .toggle,
                   .helpConfirmToggle),
        KeyBinding([KeyEvent(.enter)], .accept, .helpConfirmAccept),
    ])

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        guard case .key(let key) = event, let action = Self.keymap.action(for: key) else { return nil }
        switch action {
        case .yes: return .confirmed(true)
        case .no: return .confirmed(false)
        case .toggle:
            choice.toggle()
            return nil
        case .accept: return .confirmed(choice)
        }
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let metrics = context.metrics
        let width = min(area.width, max(36, min(64, metrics.width(of: message) + 6)))
        // The text, two blank lines and the buttons.
        let inner = buffer.drawMessageBox(message, title: title, width: width, rowsBelow: 3, in: area, theme: theme)
        let yes = " " + context.strings[.answerYes] + " "
        let no = " " + context.strings[.answerNo] + " "
        let buttonsWidth = metrics.width(of: yes) + 2 + metrics.width(of: no)
        var x = inner.x + max(0, (inner.width - buttonsWidth) / 2)
        let y = inner.maxY - 1
        x += buffer.write(yes, x: x, y: y, style: choice ? theme[.selected] : theme[.dialog])
        x += 2
        buffer.write(no, x: x, y: y, style: choice ? theme[.dialog] : theme[.selected])
    }
}
