/// Asks for a few lines of text (a reason to return a submission): Enter accepts, Ctrl-J or
/// Alt-Enter breaks the line, Esc cancels. The field is as wide as the dialog and shows up to
/// five lines, scrolling with the cursor.
public struct TextAreaDialog: Hashable, Sendable {
    public var title: String
    public var prompt: String
    public var area: TextArea

    public init(title: String, prompt: String, text: String = "", metrics: TextMetrics) {
        self.title = title
        self.prompt = prompt
        self.area = TextArea(text, metrics: metrics, allowsLineBreaks: true)
    }

    public enum Action: Hashable, Sendable { case accept, cancel }

    public static let keymap = Keymap<Action>(name: .keymapTextInput, [
        KeyBinding([KeyEvent(.enter)], .accept, .helpInputAccept),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpInputCancel),
    ])

    static let fieldLines = 5

    /// The field's width for a dialog drawn in `area` (border and margin).
    static func fieldWidth(in area: Rect) -> Int { max(1, min(64, area.width) - 4) }

    /// The dialog keeps no size of its own; keys that move by lines use this width, which is
    /// what the dialog has in an 80-column window.
    static let keyWidth = 60

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        switch event {
        case .paste(let text):
            area.insert(text)
        case .key(let key):
            if let action = Self.keymap.action(for: key) {
                return .text(action == .accept ? area.text : nil)
            }
            area.handle(key, width: Self.keyWidth)
        default:
            break
        }
        return nil
    }

    func render(into buffer: inout Buffer, area rect: Rect, context: ViewContext) {
        let theme = context.theme
        let width = min(64, rect.width)
        let fieldWidth = Self.fieldWidth(in: rect)
        let promptLines = context.metrics.wrap(prompt, to: width - 4)
        let box = rect.centered(width: width, height: min(rect.height, promptLines.count + Self.fieldLines + 3))
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        guard inner.height > 1 else { return }
        let shownPrompt = promptLines.prefix(max(0, inner.height - 2))
        for (i, line) in shownPrompt.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: inner.width - 2, style: theme[.dialog])
        }
        let fieldTop = inner.y + shownPrompt.count + (shownPrompt.isEmpty ? 0 : 1)
        let fieldHeight = max(1, min(Self.fieldLines, inner.maxY - fieldTop))
        let view = area.viewport(width: fieldWidth, height: fieldHeight)
        buffer.fill(Rect(x: inner.x + 1, y: fieldTop, width: fieldWidth, height: fieldHeight), style: theme[.input])
        for (i, line) in view.lines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: fieldTop + i, maxWidth: fieldWidth, style: theme[.input])
        }
        buffer.cursor = Buffer.Position(x: inner.x + 1 + view.cursorColumn, y: fieldTop + view.cursorRow)
    }
}
