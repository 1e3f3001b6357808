import JixiaoModel

/// A full-screen view of the editor (department list, department editor, project grid,
/// review queue …). Screens are values: the app keeps a stack of them, sends each key to the
/// top one's keymap, and asks it to draw the content area between the title bar and the
/// message line. A screen never performs I/O; it asks for it through `ScreenContext`.
///
/// To add a screen: define its `Action` enum and `keymap` (every binding with a description
/// from the language tables), implement `perform`, `render` and whichever optional
/// handlers it needs, and push it with `context.push(_:)`. Help and `docs/keys.md` follow
/// from the keymap.
public protocol Screen: Sendable {
    associatedtype Action: Sendable

    /// The screen's name in the title and status bars.
    var title: MessageID { get }
    var keymap: Keymap<Action> { get }
    /// True while printable keys are text for the screen (a cell being edited): `?` is then
    /// typed instead of opening help.
    var acceptsTextEntry: Bool { get }
    /// Drives the status bar's unsaved marker and the confirmation on quit.
    var hasUnsavedChanges: Bool { get }

    mutating func perform(_ action: Action, context: inout ScreenContext)
    /// A key the keymap does not bind (typed text, for instance).
    mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext)
    mutating func handlePaste(_ text: String, context: inout ScreenContext)
    /// A dialog this screen presented was answered; `tag` is the one it presented it with.
    mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext)
    /// The outcome of a store effect (every screen on the stack gets it, bottom first): new
    /// listings, a created or deleted department …
    mutating func receive(_ result: EffectResult, context: inout ScreenContext)

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext)
    /// Someone else changed the store while this screen is on top (live refresh): ask for
    /// whatever the screen shows to be read again. Only the home screen lists store content.
    mutating func storeChanged(context: inout ScreenContext)
    /// The process is about to end (SIGHUP from a dropped connection, SIGTERM): commit text
    /// still being typed, so it reaches the draft journal before the app quits.
    mutating func willTerminate(context: inout ScreenContext)
    /// What the help overlay lists for this screen; by default its current keymap. A screen
    /// whose keys change with its state (editing a cell) lists every keymap it has.
    var helpSections: [HelpSection] { get }
}

extension Screen {
    public var acceptsTextEntry: Bool { false }
    public var hasUnsavedChanges: Bool { false }
    public mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {}
    public mutating func handlePaste(_ text: String, context: inout ScreenContext) {}
    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {}
    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {}
    public mutating func storeChanged(context: inout ScreenContext) {}

    /// The keymap as help text (usable on `any Screen`).
    public var keymapHelp: HelpSection { keymap.help }
    public var helpSections: [HelpSection] { [keymap.help] }
    public mutating func willTerminate(context: inout ScreenContext) {}

    /// Dispatches a key through the keymap, falling back to `handleUnboundKey`.
    mutating func handle(_ key: KeyEvent, context: inout ScreenContext) {
        if let action = keymap.action(for: key) {
            perform(action, context: &context)
        } else {
            handleUnboundKey(key, context: &context)
        }
    }
}

/// What a screen may ask of the app while handling an event: dialogs, messages, effects and
/// navigation. The app applies the requests after the screen returns.
public struct ScreenContext: Sendable {
    public let environment: AppEnvironment
    /// The content area's size at the time of the event (for paging).
    public let contentSize: Size
    /// The open department's editing session (nil on the home screen). Screens change the
    /// document only through `apply(_:label:)`; the app keeps what the screen leaves here.
    public var session: DocumentSession?
    var requests: [Request] = []

    enum Request: Sendable {
        case present(Dialog)
        case message(MessageID, MessageKind)
        case effect(AppEffect)
        case push(any Screen)
        case pop
        case saveSession
        case closeSession
        /// Go back to the department screen and show this cell there (or in its project).
        case reveal(CellPath)
        /// Open the submission `step` places after (or before) the open one in the review round.
        case openSubmission(step: Int)
        /// Open `ids[index]` of a review round started from the queue, in the document view.
        case startReviewRound(ids: [String], index: Int)
    }

    public init(environment: AppEnvironment, contentSize: Size, session: DocumentSession? = nil) {
        self.environment = environment
        self.contentSize = contentSize
        self.session = session
    }

    // MARK: Editing the open department

    /// Applies `edits` to the session as one undoable step and journals them. False (with
    /// the reason on the message line) when there is no session or an edit does not fit.
    ///
    /// A content edit first goes through the review rules (`ReviewWorkflow.prepareForEdit`):
    /// a returned document goes back to draft with a reopen entry in the same undoable step;
    /// with a configured policy a locked document or another office's department refuses the
    /// edit with the reason on the message line, changing nothing.
    @discardableResult
    public mutating func apply(_ edits: [CellEdit], label: String) -> Bool {
        guard !edits.isEmpty else { return true }
        guard session != nil else { return false }
        var all = edits
        if edits.contains(where: DocumentSession.isContentEdit) {
            guard let reopen = reviewEditsBeforeContentEdit() else { return false }
            all = reopen + edits
        }
        do {
            let effect = try session!.apply(all, label: label)
            perform(effect)
            return true
        } catch {
            showMessage(.editFailed(String(describing: error)), kind: .error)
            return false
        }
    }

    /// The edits that must precede a content edit (a reopen of a returned document), or nil
    /// (with the refusal shown) when the user may not change the content now.
    mutating func reviewEditsBeforeContentEdit() -> [CellEdit]? {
        guard let session else { return nil }
        do {
            let prepared = try ReviewWorkflow.prepareForEdit(session.document, by: environment.identity,
                                                             policy: environment.policy, at: environment.timestamp,
                                                             revision: session.base.revision, ids: environment.ids)
            return DocumentSession.reviewEdits(from: session.document, to: prepared)
        } catch {
            showMessage(.review(.refusal(error.message)), kind: .error)
            return nil
        }
    }

    /// True (with the reason on the message line) when the open department's content may not
    /// change now: screens ask before they start an edit, so no typed text is ever thrown away.
    public mutating func refuseEditing() -> Bool {
        guard let document = session?.document else { return true }
        if let refusal = environment.policy.refusalToEdit(document, by: environment.identity) {
            showMessage(.review(.refusal(refusal.message)), kind: .error)
            return true
        }
        return false
    }

    /// Applies a review step's result (status and log entry, made by `ReviewWorkflow.apply`)
    /// to the session as one undoable step, journaled. It is saved at once; once saved it can
    /// no longer be undone (the log only grows), but if the store refuses the save, Ctrl-Z
    /// takes it back.
    @discardableResult
    public mutating func applyReviewStep(_ stepped: DepartmentDocument, label: String) -> Bool {
        guard let current = session?.document else { return false }
        do {
            let effect = try session!.apply(DocumentSession.reviewEdits(from: current, to: stepped), label: label)
            perform(effect)
            return true
        } catch {
            showMessage(.editFailed(String(describing: error)), kind: .error)
            return false
        }
    }

    /// Opens the next (`step` 1) or previous (-1) submission of the review round started in
    /// the review queue; a message at either end or when not opened from the queue.
    public mutating func openSubmission(step: Int) { requests.append(.openSubmission(step: step)) }

    /// Starts paging through `ids` (the queue as shown) at `index`, in the document view.
    public mutating func startReviewRound(ids: [String], index: Int) {
        requests.append(.startReviewRound(ids: ids, index: index))
    }

    /// Undoes the session's last step (Ctrl-Z), saying what was undone.
    ///
    /// Undoing content is an edit like any other (refused while the document is locked);
    /// taking back a review step the store refused is always possible.
    public mutating func undo() {
        if let group = session?.undoStack.last, !DocumentSession.isReviewStep(group), refuseEditing() { return }
        guard let undone = session?.undo() else {
            showMessage(.nothingToUndo)
            return
        }
        perform(undone.effect)
        showMessage(.undone(undone.label))
    }

    /// Redoes the last undone step (Ctrl-Y).
    public mutating func redo() {
        if let group = session?.redoStack.last, !DocumentSession.isReviewStep(group), refuseEditing() { return }
        guard let redone = session?.redo() else {
            showMessage(.nothingToRedo)
            return
        }
        perform(redone.effect)
        showMessage(.redone(redone.label))
    }

    /// Saves the open department (Ctrl-S); the app merges if someone saved first.
    public mutating func saveDepartment() { requests.append(.saveSession) }

    /// Leaves the open department for the home screen, asking first when it has unsaved
    /// changes (save / discard / cancel).
    public mutating func closeDepartment() { requests.append(.closeSession) }

    /// Shows a modal dialog; its answer comes back through `dialogFinished(tag:result:context:)`.
    public mutating func present(_ content: DialogContent, tag: String) {
        requests.append(.present(Dialog(owner: .screen(tag: tag), content: content)))
    }

    public mutating func showMessage(_ message: MessageID, kind: MessageKind = .info) {
        requests.append(.message(message, kind))
    }

    /// Asks the executable to do something (save, load …).
    public mutating func perform(_ effect: AppEffect) { requests.append(.effect(effect)) }

    public mutating func push(_ screen: any Screen) { requests.append(.push(screen)) }

    /// Leaves this screen (ignored for the home screen).
    public mutating func pop() { requests.append(.pop) }

    /// Returns to the open department's screen with the cursor on `path` (from a list of
    /// comments or changes), opening its project when the cell is in one.
    public mutating func reveal(_ path: CellPath) { requests.append(.reveal(path)) }
}

/// What a screen's `render` may read besides its own state.
public struct ViewContext: Sendable {
    public let environment: AppEnvironment
    /// The open department's session, read-only.
    public let session: DocumentSession?

    public init(environment: AppEnvironment, session: DocumentSession? = nil) {
        self.environment = environment
        self.session = session
    }

    public var strings: Strings { environment.strings }
    public var theme: Theme { environment.theme }
    public var metrics: TextMetrics { environment.metrics }
}

public enum MessageKind: Hashable, Sendable {
    case info, error
}
