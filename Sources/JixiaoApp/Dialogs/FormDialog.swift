/// A small form: labelled fields, each a line of text or a choice among fixed values. Up/Down
/// or Tab move between fields, Left/Right change a choice, Enter goes to the next field and
/// on the last one submits; Esc cancels. The answer is every field's value in order.
public struct FormDialog: Hashable, Sendable {
    public enum Field: Hashable, Sendable {
        case text(label: String, editor: LineEditor)
        /// `options`: (value, label) pairs; `index` the chosen one.
        case choice(label: String, options: [Option], index: Int)

        var label: String {
            switch self {
            case .text(let label, _), .choice(let label, _, _): label
            }
        }

        var value: String {
            switch self {
            case .text(_, let editor): editor.text
            case .choice(_, let options, let index): options.indices.contains(index) ? options[index].value : ""
            }
        }
    }

    public struct Option: Hashable, Sendable {
        public var value: String
        public var label: String
        public init(value: String, label: String) {
            self.value = value
            self.label = label
        }
    }

    public var title: String
    public private(set) var fields: [Field]
    public private(set) var focus = 0

    public init(title: String, fields: [Field]) {
        self.title = title
        self.fields = fields
    }

    /// The values of the fields, in order.
    public var values: [String] { fields.map(\.value) }

    public enum Action: Hashable, Sendable { case next, previous, nextOrSubmit, cancel }

    public static let keymap = Keymap<Action>(name: .keymapForm, [
        KeyBinding([KeyEvent(.down), KeyEvent(.tab)], .next, .helpFormNext),
        KeyBinding([KeyEvent(.up), KeyEvent(.tab, .shift)], .previous, .helpFormPrevious),
        KeyBinding([KeyEvent(.enter)], .nextOrSubmit, .helpFormSubmit),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpInputCancel),
    ])

    /// Whether the focused field takes typed text.
    var focusIsText: Bool {
        if case .text = fields[focus] { return true }
        return false
    }

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        switch event {
        case .paste(let text):
            if case .text(let label, var editor) = fields[focus] {
                editor.insert(text)
                fields[focus] = .text(label: label, editor: editor)
            }
        case .key(let key):
            if let action = Self.keymap.action(for: key) {
                switch action {
                case .next: focus = min(fields.count - 1, focus + 1)
                case .previous: focus = max(0, focus - 1)
                case .nextOrSubmit:
                    if focus == fields.count - 1 { return .form(values) }
                    focus += 1
                case .cancel: return .form(nil)
                }
                return nil
            }
            switch fields[focus] {
            case .text(let label, var editor):
                editor.handle(key)
                fields[focus] = .text(label: label, editor: editor)
            case .choice(let label, let options, let index):
                if key.key == .left || key.key == .right || key == .char(" ") {
                    let step = key.key == .left ? options.count - 1 : 1
                    fields[focus] = .choice(label: label, options: options, index: (index + step) % max(1, options.count))
                }
            }
        default:
            break
        }
        return nil
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let metrics = context.metrics
        let width = min(64, area.width)
        let box = area.centered(width: width, height: fields.count + 4)
        let inner = buffer.drawBox(box, title: title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        guard inner.height > 0 else { return }
        let labelWidth = min(14, fields.map { metrics.width(of: $0.label) }.max() ?? 0) + 2
        let fieldX = inner.x + 1 + labelWidth
        let fieldWidth = max(1, inner.maxX - 1 - fieldX)
        for (i, field) in fields.enumerated() where i < inner.height {
            let y = inner.y + i
            buffer.write(field.label, x: inner.x + 1, y: y, width: labelWidth, style: theme[.dialog])
            switch field {
            case .text(_, let editor):
                let shown = editor.visible(width: fieldWidth)
                buffer.write(shown.text, x: fieldX, y: y, maxWidth: fieldWidth, style: theme[.input])
                if i == focus { buffer.cursor = Buffer.Position(x: fieldX + shown.cursorX, y: y) }
            case .choice(_, let options, let index):
                let text = options.enumerated().map { $0.offset == index ? "[\($0.element.label)]" : " \($0.element.label) " }
                    .joined(separator: " ")
                buffer.write(text, x: fieldX, y: y, width: fieldWidth, style: i == focus ? theme[.selected] : theme[.input])
            }
        }
        buffer.write(context.strings[.formHint], x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme[.dim])
    }
}
