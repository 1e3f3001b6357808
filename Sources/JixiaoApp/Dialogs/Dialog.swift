/// A modal dialog on the app's dialog stack. The top dialog gets every key; when it is
/// answered, its owner (the app itself or the screen that presented it) gets the result.
public struct Dialog: Sendable {
    public var owner: Owner
    public var content: DialogContent

    public enum Owner: Hashable, Sendable {
        /// The app's own question (confirm quitting with unsaved changes).
        case app(AppQuestion)
        /// A screen's question, told apart by the tag it chose.
        case screen(tag: String)
    }

    public enum AppQuestion: Hashable, Sendable {
        case quitWithUnsavedChanges
    }
}

public enum DialogContent: Sendable {
    case confirm(ConfirmDialog)
    case textInput(TextInputDialog)
    case pickList(PickListDialog)

    /// True when printable keys are text for the dialog.
    var acceptsTextEntry: Bool {
        switch self {
        case .confirm: false
        case .textInput, .pickList: true
        }
    }

    /// The dialog's keys, for help.
    var help: [HelpSection] {
        switch self {
        case .confirm: [ConfirmDialog.keymap.help]
        case .textInput: [TextInputDialog.keymap.help, LineEditor.keymap.help]
        case .pickList: [PickListDialog.keymap.help, LineEditor.keymap.help]
        }
    }

    mutating func handle(_ event: InputEvent) -> DialogResult? {
        switch self {
        case .confirm(var d):
            defer { self = .confirm(d) }
            return d.handle(event)
        case .textInput(var d):
            defer { self = .textInput(d) }
            return d.handle(event)
        case .pickList(var d):
            defer { self = .pickList(d) }
            return d.handle(event)
        }
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        switch self {
        case .confirm(let d): d.render(into: &buffer, area: area, context: context)
        case .textInput(let d): d.render(into: &buffer, area: area, context: context)
        case .pickList(let d): d.render(into: &buffer, area: area, context: context)
        }
    }
}

/// A dialog's answer.
public enum DialogResult: Hashable, Sendable {
    case confirmed(Bool)
    /// The text entered, or nil when cancelled.
    case text(String?)
    /// The item picked, or nil when cancelled.
    case picked(PickListDialog.Item?)
}
