/// Asks for one line of text.
public struct TextInputDialog: Hashable, Sendable {
    public var title: String
    public var prompt: String
    public var editor: LineEditor

    public init(title: String, prompt: String, text: String = "", metrics: TextMetrics) {
        self.title = title
        self.prompt = prompt
        self.editor = LineEditor(text, metrics: metrics)
    }

    public enum Action: Hashable, Sendable { case accept, cancel }

    public static let keymap = Keymap<Action>(name: .keymapTextInput, [
        KeyBinding([KeyEvent(.enter)], .accept, .helpInputAccept),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpInputCancel),
    ])

    /// The field's width in a dialog drawn in `area`.
    static func fieldWidth(in area: Rect) -> Int { min(60, area.width) - 4 }

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        switch event {
        case .paste(let text):
            editor.insert(text)
        case .key(let key):
            if let action = Self.keymap.action(for: key) {
                return .text(action == .accept ? editor.text : nil)
            }
            editor.handle(key)
        default:
            break
        }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let width = min(60, area.width)
        let promptLines = context.metrics.wrap(prompt, to: width - 4)
        let box = area.centered(width: width, height: promptLines.count + 5)
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        for (i, line) in promptLines.enumerated() where i < inner.height - 2 {
            buffer.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.dialog])
        }
        let fieldWidth = inner.width - 2
        let shown = editor.visible(width: fieldWidth)
        let y = inner.maxY - 2
        buffer.write(shown.text, x: inner.x + 1, y: y, maxWidth: fieldWidth, style: theme[.input])
        buffer.cursor = Buffer.Position(x: inner.x + 1 + shown.cursorX, y: y)
    }
}
