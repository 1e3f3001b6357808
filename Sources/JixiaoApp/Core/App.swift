import Foundation
import JixiaoModel

/// The app core (bubbletea's Model/Update/View): a stack of screens, a stack of modal
/// dialogs, the help overlay and the message line. `handle(_:)` turns an event into a new
/// state plus effects for the executable to perform; `view()` draws the state into a
/// `Buffer`. Neither touches the terminal or the disk, so every screen runs in tests against
/// `MemoryBackend`.
public struct App: Sendable {
    /// Fixed for the session, except the indicator library, which arrives from the store.
    public internal(set) var environment: AppEnvironment
    public private(set) var size: Size
    /// Bottom is the home screen; the top one is shown and gets the keys.
    public internal(set) var screens: [any Screen]
    /// Modal dialogs, top last; the top one gets the keys.
    public internal(set) var dialogs: [Dialog] = []
    public private(set) var help: HelpOverlay?
    public internal(set) var message: StatusMessage?
    /// The open department's editing session, shared by the department screen and the
    /// screens pushed above it (`App+Session.swift`).
    public internal(set) var session: DocumentSession?
    /// What to do once the save under way succeeds (quit, or leave the department).
    var afterSave: AfterSave?
    /// A department whose draft the user is being asked about.
    var pendingOpen: OpenedDepartment?
    /// Whether the store-wide indicator library has been asked for.
    var indicatorLibraryRequested = false
    /// Conflicts of the last merge the user has not decided yet, and who saved theirs.
    public internal(set) var pendingConflicts: [DocumentMerge.Conflict] = []
    var conflictUser = ""
    /// The store changed while the home screen was covered: reload its list on return.
    var listingStale = false
    /// When the draft journal was last written or tried while behind (`App+Session.swift`).
    var journalAttemptedAt: Date?
    /// The submissions being paged through with Ctrl-N / Ctrl-P (`App+Review.swift`).
    public internal(set) var reviewRound: ReviewRound?
    /// A department to open once the open one is closed (paging through the review round).
    var pendingNavigation: String?
    /// The next department opened shows the document view on top of the department screen.
    var opensInDocumentView = false

    /// Below this size the app shows a notice instead of the interface.
    public static let minimumSize = Size(width: 50, height: 12)

    public init(home: any Screen, environment: AppEnvironment, size: Size, message: StatusMessage? = nil) {
        self.screens = [home]
        self.environment = environment
        self.size = size
        self.message = message
    }

    public var currentScreen: any Screen { screens[screens.count - 1] }

    /// True when any open screen has changes not yet saved.
    public var hasUnsavedChanges: Bool {
        session?.isDirty == true || screens.contains { $0.hasUnsavedChanges }
    }

    /// The rows between the title bar and the message line.
    public var contentArea: Rect { Rect(x: 0, y: 1, width: size.width, height: size.height - 3) }

    /// True when printable keys are text for whoever has the focus.
    public var acceptsTextEntry: Bool {
        if help != nil { return false }
        if let top = dialogs.last { return top.content.acceptsTextEntry }
        return currentScreen.acceptsTextEntry
    }

    // MARK: Keys

    public enum Action: Hashable, Sendable { case quit, help, redraw }

    /// Keys that work everywhere. `?` opens help only where typing is not text entry.
    public static let keymap = Keymap<Action>(name: .keymapGlobal, [
        KeyBinding([KeyEvent(.function(1)), .char("?")], .help, .helpShowHelp, hint: true),
        KeyBinding([.ctrl("q")], .quit, .helpQuit, hint: true),
        KeyBinding([.ctrl("l")], .redraw, .helpRedraw),
    ])

    // MARK: Update

    /// Applies one event; returns what the executable must do.
    public mutating func handle(_ event: InputEvent) -> [AppEffect] {
        var effects = update(event)
        // Back on the home screen after the store changed underneath: one reload.
        if listingStale && screens.count == 1 {
            listingStale = false
            if !effects.contains(.listDepartments) { effects.append(.listDepartments) }
        }
        return effects
    }

    private mutating func update(_ event: InputEvent) -> [AppEffect] {
        switch event {
        case .storeChanged(let changes):
            return storeChanged(changes)
        case .resize(let newSize):
            size = newSize
            return []
        case .terminate(let signal):
            // Committed edits are journaled already; text still being typed is committed now,
            // and its journal effect runs before the quit.
            let effects = withScreen { screen, context in screen.willTerminate(context: &context) }
            return effects + [.quit(status: 128 + (signal == 0 ? 1 : signal))]
        case .paste(let text):
            if help != nil { return [] }
            if !dialogs.isEmpty { return handleDialog(event) }
            return withScreen { screen, context in screen.handlePaste(text, context: &context) }
        case .key(let key):
            let effects = handle(key)
            return retryJournal(alongside: effects) + effects
        case .result(let result):
            return handleResult(result)
        }
    }

    private mutating func handle(_ key: KeyEvent) -> [AppEffect] {
        if help != nil {
            if help?.handle(key) == .close { help = nil }
            return []
        }
        message = nil
        let typed = acceptsTextEntry && key.insertedText != nil
        if !typed, let action = Self.keymap.action(for: key) {
            return perform(action)
        }
        if !dialogs.isEmpty { return handleDialog(.key(key)) }
        return withScreen { screen, context in screen.handle(key, context: &context) }
    }

    private mutating func perform(_ action: Action) -> [AppEffect] {
        switch action {
        case .help:
            var sections = [Self.keymap.help]
            if let top = dialogs.last {
                sections += top.content.help
            } else {
                sections += currentScreen.helpSections
            }
            help = HelpOverlay(sections: sections + [HelpOverlay.keymap.help])
            return []
        case .redraw:
            return [.redraw]
        case .quit:
            if !hasUnsavedChanges { return [.quit(status: 0)] }
            if dialogs.contains(where: {
                $0.owner == .app(.quitWithUnsavedChanges) || $0.owner == .app(.quitWithUnsavedDepartment)
            }) { return [] }
            if session?.isDirty == true {
                presentSaveDiscardCancel(.quitWithUnsavedDepartment)
                return []
            }
            let strings = environment.strings
            dialogs.append(Dialog(owner: .app(.quitWithUnsavedChanges), content: .confirm(
                ConfirmDialog(title: strings[.quitTitle], message: strings[.quitUnsavedQuestion]))))
            return []
        }
    }

    private mutating func handleDialog(_ event: InputEvent) -> [AppEffect] {
        let index = dialogs.count - 1
        guard let result = dialogs[index].content.handle(event) else { return [] }
        let dialog = dialogs.remove(at: index)
        switch dialog.owner {
        case .app(.quitWithUnsavedChanges):
            return result == .confirmed(true) ? [.quit(status: 0)] : []
        case .app(let question):
            return answer(question, result: result)
        case .screen(let tag):
            return withScreen { screen, context in screen.dialogFinished(tag: tag, result: result, context: &context) }
        }
    }

    /// Runs `body` on the top screen, then applies what it asked for.
    private mutating func withScreen(_ body: (inout any Screen, inout ScreenContext) -> Void) -> [AppEffect] {
        withScreen(at: screens.count - 1, body)
    }

    /// Runs `body` on the screen at `index` of the stack, then applies what it asked for.
    mutating func withScreen(at index: Int, _ body: (inout any Screen, inout ScreenContext) -> Void) -> [AppEffect] {
        var context = ScreenContext(environment: environment,
                                    contentSize: Size(width: contentArea.width, height: contentArea.height),
                                    session: session)
        var screen = screens[index]
        body(&screen, &context)
        screens[index] = screen
        session = context.session
        var effects: [AppEffect] = []
        for request in context.requests {
            switch request {
            case .present(let dialog): dialogs.append(dialog)
            case .message(let id, let kind): message = StatusMessage(id, kind: kind)
            case .effect(let effect): effects.append(effect)
            case .push(let screen): screens.append(screen)
            case .pop: if screens.count > 1 { screens.removeLast() }
            case .saveSession: effects += requestSave()
            case .closeSession: effects += requestClose()
            case .reveal(let path): effects += reveal(path)
            case .openSubmission(let step): effects += openSubmission(step: step)
            case .startReviewRound(let ids, let index): effects += startReviewRound(ids: ids, index: index)
            }
        }
        return effects
    }

    // MARK: View

    /// The whole frame for the current state.
    public func view() -> Buffer {
        var buffer = Buffer(size: size, metrics: environment.metrics)
        let context = ViewContext(environment: environment, session: session)
        let theme = environment.theme
        buffer.fill(buffer.area, style: theme[.text])
        if size.width < Self.minimumSize.width || size.height < Self.minimumSize.height {
            drawTooSmall(into: &buffer)
            return buffer
        }
        Chrome.drawTitleBar(into: &buffer, screenTitle: currentScreen.title, context: context)
        currentScreen.render(into: &buffer, area: contentArea, context: context)
        let screenCursor = buffer.cursor
        Chrome.drawMessageLine(into: &buffer, message: message, y: size.height - 2, context: context)
        Chrome.drawStatusBar(into: &buffer, screen: currentScreen, unsaved: hasUnsavedChanges,
                             draftNotWritten: session?.journalBehind == true, y: size.height - 1, context: context)
        buffer.cursor = screenCursor
        let overlayArea = Rect(x: 0, y: 1, width: size.width, height: size.height - 2)
        if !dialogs.isEmpty { buffer.cursor = nil }
        for dialog in dialogs {
            buffer.cursor = nil
            dialog.content.render(into: &buffer, area: overlayArea, context: context)
        }
        if let help {
            buffer.cursor = nil
            help.render(into: &buffer, area: overlayArea, context: context)
        }
        return buffer
    }

    private func drawTooSmall(into buffer: inout Buffer) {
        let text = environment.strings[.terminalTooSmall(minimum: Self.minimumSize, current: size)]
        let lines = environment.metrics.wrap(text, to: max(1, size.width))
        let top = max(0, (size.height - lines.count) / 2)
        for (i, line) in lines.enumerated() where top + i < size.height {
            buffer.write(line, x: 0, y: top + i, style: environment.theme[.error])
        }
    }
}

/// The message line's content.
public struct StatusMessage: Hashable, Sendable {
    public var id: MessageID
    public var kind: MessageKind

    public init(_ id: MessageID, kind: MessageKind = .info) {
        self.id = id
        self.kind = kind
    }
}
