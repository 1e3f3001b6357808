/// A message shown in full, wrapped over as many lines as it needs: an error too long for the
/// message line, whose end ("No space left on device") would otherwise be cut at the screen
/// width. Enter, Esc or Space closes it.
public struct NoticeDialog: Hashable, Sendable {
    public var title: String
    public var message: String

    public init(title: String, message: String) {
        self.title = title
        self.message = message
    }

    public enum Action: Hashable, Sendable { case close }

    public static let keymap = Keymap<Action>(name: .keymapNotice, [
        KeyBinding([KeyEvent(.enter), KeyEvent(.escape), .char(" ")], .close, .helpCloseNotice),
    ])

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        guard case .key(let key) = event, Self.keymap.action(for: key) == .close else { return nil }
        return .confirmed(true)
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let metrics = context.metrics
        let width = min(area.width, max(36, min(area.width - 2, metrics.width(of: message) + 6)))
        // The text, one blank line and the button.
        let inner = buffer.drawMessageBox(message, title: title, width: width, rowsBelow: 2, in: area, theme: theme)
        let button = " " + context.strings[.answerOK] + " "
        let x = inner.x + max(0, (inner.width - metrics.width(of: button)) / 2)
        buffer.write(button, x: x, y: inner.maxY - 1, style: theme[.selected])
    }
}
