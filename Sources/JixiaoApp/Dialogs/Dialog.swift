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
        /// Save / discard / cancel before quitting with an unsaved department.
        case quitWithUnsavedDepartment
        /// Save / discard / cancel before leaving an unsaved department.
        case leaveUnsavedDepartment
        /// Mine or theirs, cell by cell, after a save met a newer revision.
        case resolveConflicts
        /// Restore or discard a draft left by an earlier session.
        case recoverDraft
        /// An error message shown in full (`NoticeDialog`); nothing to answer.
        case errorInFull
    }
}

public enum DialogContent: Sendable {
    case confirm(ConfirmDialog)
    case textInput(TextInputDialog)
    case pickList(PickListDialog)
    case choice(ChoiceDialog)
    case conflicts(ConflictDialog)
    case form(FormDialog)
    case textArea(TextAreaDialog)
    case notice(NoticeDialog)

    /// True when printable keys are text for the dialog.
    var acceptsTextEntry: Bool {
        switch self {
        case .confirm, .choice, .conflicts, .notice: false
        case .textInput, .pickList, .textArea: true
        case .form(let d): d.focusIsText
        }
    }

    /// The dialog's keys, for help.
    var help: [HelpSection] {
        switch self {
        case .confirm: [ConfirmDialog.keymap.help]
        case .textInput: [TextInputDialog.keymap.help, LineEditor.keymap.help]
        case .pickList: [PickListDialog.keymap.help, LineEditor.keymap.help]
        case .choice: [ChoiceDialog.keymap.help]
        case .conflicts: [ConflictDialog.keymap.help]
        case .form: [FormDialog.keymap.help, LineEditor.keymap.help]
        case .textArea: [TextAreaDialog.keymap.help, TextArea.keymap.help, LineEditor.keymap.help]
        case .notice: [NoticeDialog.keymap.help]
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
        case .choice(var d):
            defer { self = .choice(d) }
            return d.handle(event)
        case .conflicts(var d):
            defer { self = .conflicts(d) }
            return d.handle(event)
        case .form(var d):
            defer { self = .form(d) }
            return d.handle(event)
        case .textArea(var d):
            defer { self = .textArea(d) }
            return d.handle(event)
        case .notice(var d):
            defer { self = .notice(d) }
            return d.handle(event)
        }
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        switch self {
        case .confirm(let d): d.render(into: &buffer, area: area, context: context)
        case .textInput(let d): d.render(into: &buffer, area: area, context: context)
        case .pickList(let d): d.render(into: &buffer, area: area, context: context)
        case .choice(let d): d.render(into: &buffer, area: area, context: context)
        case .conflicts(let d): d.render(into: &buffer, area: area, context: context)
        case .form(let d): d.render(into: &buffer, area: area, context: context)
        case .textArea(let d): d.render(into: &buffer, area: area, context: context)
        case .notice(let d): d.render(into: &buffer, area: area, context: context)
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
    /// The index of the option chosen, or nil when cancelled.
    case chosen(Int?)
    /// Per conflict, true to take theirs; nil when cancelled.
    case conflictChoices([Bool]?)
    /// The form's values in field order, or nil when cancelled.
    case form([String]?)
}
