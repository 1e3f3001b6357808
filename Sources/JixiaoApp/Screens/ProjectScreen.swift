import JixiaoModel

/// One project's performance target table (项目绩效目标表): the header form above the indicator
/// grid, a line saying what the current cell holds (for 指标值: what was understood), and the
/// findings panel. It edits the open department through the session of its `ScreenContext`:
/// every committed change is one `apply` (journaled at once, undoable); the screen keeps only
/// cursor, scroll, edit and panel state.
///
/// Focus is on the grid, the header or the findings panel (F6 cycles). With the grid focused
/// the header is a two-line summary; with the header focused it is a form of one field per
/// line and the grid keeps the rest of the height.
public struct ProjectScreen: Screen {
    public let projectID: String
    public internal(set) var grid: IndicatorGrid
    public internal(set) var header: ProjectHeaderForm
    public internal(set) var focus: Focus = .grid
    public private(set) var showsFindings = false
    public private(set) var findingSelection = 0
    var findingScroll = 0
    /// What Ctrl-C copied (a cell's text or a whole row).
    public private(set) var clipboard: Clipboard?
    /// Indicators from documents beyond the open department, for the name picker (besides
    /// `AppEnvironment.indicatorLibrary`, the samples).
    public var extraLibrary: IndicatorLibrary
    /// Text typed into a cell when a picker was opened from it; put back if the picker is cancelled.
    private var pickerText: String?
    /// A multi-line paste into a grid cell, waiting for the answer: join or split.
    private var pendingPaste: String?

    public enum Focus: Hashable, Sendable { case header, grid, findings }

    public enum Clipboard: Hashable, Sendable {
        case cell(String)
        case row(IndicatorRow)
    }

    public init(projectID: String, project: Project? = nil, metrics: TextMetrics = TextMetrics(),
                extraLibrary: IndicatorLibrary = .empty) {
        self.projectID = projectID
        self.grid = IndicatorGrid(projectID: projectID, rows: project?.indicators ?? [], metrics: metrics)
        self.header = ProjectHeaderForm(projectID: projectID, metrics: metrics)
        self.extraLibrary = extraLibrary
    }

    public var title: MessageID { .project(.screenTitle) }

    /// Typing starts editing anywhere but in the findings panel, so `?` and every printable key
    /// are text there (F1 opens help).
    public var acceptsTextEntry: Bool { focus != .findings }

    public var isEditing: Bool { grid.isEditing || header.isEditing }

    // MARK: Keys

    public enum Action: Hashable, Sendable {
        case move(IndicatorGrid.Move)
        case edit, clear, clearAndEdit, pick, expand
        case insertAbove, insertBelow, deleteRow, moveRowUp, moveRowDown, duplicateRow
        case undo, redo, copyCell, copyRow, paste, fillDown, save, focusNext, toggleFindings, back
        case commit(IndicatorGrid.Move?), commitEnter, cancelEdit, commitAndSave
        case fieldUp, fieldDown, toggleMode, addItem, deleteItem
        case findingUp, findingDown, jumpToFinding
        case comment, comments, history, sinceReturn
        case documentView, nextSubmission, previousSubmission
    }

    public var keymap: Keymap<Action> {
        if isEditing { return Self.editKeymap }
        switch focus {
        case .grid: return Self.gridKeymap
        case .header: return Self.headerKeymap
        case .findings: return Self.findingsKeymap
        }
    }

    /// Keys shared by the grid, the header and the findings panel.
    static let commonBindings: [KeyBinding<Action>] = [
        KeyBinding([.ctrl("s")], .save, .project(.helpSave), hint: true),
        KeyBinding([.ctrl("z")], .undo, .project(.helpUndo), hint: true),
        KeyBinding([.ctrl("y")], .redo, .project(.helpRedo)),
        KeyBinding([KeyEvent(.function(6))], .focusNext, .project(.helpFocusNext)),
        KeyBinding([KeyEvent(.function(7))], .toggleFindings, .project(.helpToggleFindings), hint: true),
        // F7 is the findings panel here; the document view is F5 (F7 in the department screen).
        KeyBinding([KeyEvent(.function(5))], .documentView, .review(.helpDocumentView)),
    ] + NotesKeys.bindings(comment: .comment, comments: .comments, history: .history, sinceReturn: .sinceReturn,
                           commentKeys: [.alt("m")])

    static let backBinding = KeyBinding<Action>([KeyEvent(.escape), .ctrl("w")], .back, .project(.helpBack))

    public static let gridKeymap = Keymap<Action>(name: .project(.keymapGrid), commonBindings + [
        KeyBinding([KeyEvent(.up)], .move(.up), .project(.helpCellUp)),
        KeyBinding([KeyEvent(.down)], .move(.down), .project(.helpCellDown)),
        KeyBinding([KeyEvent(.left)], .move(.left), .project(.helpCellLeft)),
        KeyBinding([KeyEvent(.right)], .move(.right), .project(.helpCellRight)),
        KeyBinding([KeyEvent(.tab)], .move(.nextCell), .project(.helpNextCell)),
        KeyBinding([KeyEvent(.tab, .shift)], .move(.previousCell), .project(.helpPreviousCell)),
        KeyBinding([KeyEvent(.home)], .move(.rowStart), .project(.helpRowStart)),
        KeyBinding([KeyEvent(.end)], .move(.rowEnd), .project(.helpRowEnd)),
        KeyBinding([KeyEvent(.pageUp)], .move(.pageUp), .helpPageUp),
        KeyBinding([KeyEvent(.pageDown)], .move(.pageDown), .helpPageDown),
        KeyBinding([KeyEvent(.home, .control)], .move(.firstCell), .project(.helpFirstCell)),
        KeyBinding([KeyEvent(.end, .control)], .move(.lastCell), .project(.helpLastCell)),
        KeyBinding([KeyEvent(.enter), KeyEvent(.function(2))], .edit, .project(.helpEditCell)),
        KeyBinding([KeyEvent(.delete)], .clear, .project(.helpClearCell)),
        KeyBinding([KeyEvent(.backspace)], .clearAndEdit, .project(.helpClearAndEdit)),
        KeyBinding([KeyEvent(.function(4))], .pick, .project(.helpPick), hint: true),
        KeyBinding([KeyEvent(.function(3))], .expand, .project(.helpExpandRow)),
        KeyBinding([.alt("a")], .insertAbove, .project(.helpInsertAbove)),
        KeyBinding([.alt("n"), KeyEvent(.insert)], .insertBelow, .project(.helpInsertBelow)),
        KeyBinding([.alt("d")], .deleteRow, .project(.helpDeleteRow)),
        KeyBinding([KeyEvent(.up, .alt)], .moveRowUp, .project(.helpMoveRowUp)),
        KeyBinding([KeyEvent(.down, .alt)], .moveRowDown, .project(.helpMoveRowDown)),
        KeyBinding([.ctrl("t")], .duplicateRow, .project(.helpDuplicateRow)),
        KeyBinding([.ctrl("c")], .copyCell, .project(.helpCopyCell)),
        KeyBinding([.alt("c")], .copyRow, .project(.helpCopyRow)),
        KeyBinding([.ctrl("v")], .paste, .project(.helpPaste)),
        KeyBinding([.ctrl("d")], .fillDown, .project(.helpFillDown)),
        KeyBinding([.ctrl("n")], .nextSubmission, .review(.helpNextSubmission)),
        KeyBinding([.ctrl("p")], .previousSubmission, .review(.helpPreviousSubmission)),
        backBinding,
    ])

    /// While a cell or field is being edited: everything printable is text; these keys end or
    /// cancel the edit, the line editor's keys (`docs/keys.md`, Text editing) move inside it.
    public static let editKeymap = Keymap<Action>(name: .project(.keymapCellEditing), [
        KeyBinding([KeyEvent(.enter)], .commitEnter, .project(.helpCommitEnter), hint: true),
        KeyBinding([KeyEvent(.tab)], .commit(.nextCell), .project(.helpCommitRight)),
        KeyBinding([KeyEvent(.tab, .shift)], .commit(.previousCell), .project(.helpCommitLeft)),
        KeyBinding([KeyEvent(.up)], .commit(.up), .project(.helpCommitUp)),
        KeyBinding([KeyEvent(.down)], .commit(.down), .project(.helpCommitDown)),
        KeyBinding([KeyEvent(.escape)], .cancelEdit, .project(.helpCancelEdit), hint: true),
        KeyBinding([.ctrl("s")], .commitAndSave, .project(.helpCommitSave)),
        KeyBinding([KeyEvent(.function(4))], .pick, .project(.helpPick), hint: true),
    ])

    public static let headerKeymap = Keymap<Action>(name: .project(.keymapHeader), [
        KeyBinding([KeyEvent(.up), KeyEvent(.tab, .shift)], .fieldUp, .project(.helpFieldUp)),
        KeyBinding([KeyEvent(.down), KeyEvent(.tab)], .fieldDown, .project(.helpFieldDown)),
        KeyBinding([KeyEvent(.enter), KeyEvent(.function(2))], .edit, .project(.helpEditField), hint: true),
        KeyBinding([.alt("n"), KeyEvent(.insert)], .addItem, .project(.helpAddItem), hint: true),
        KeyBinding([KeyEvent(.delete)], .clear, .project(.helpClearField)),
        KeyBinding([KeyEvent(.backspace)], .clearAndEdit, .project(.helpClearAndEdit)),
        KeyBinding([.ctrl("p")], .toggleMode, .project(.helpToggleMode)),
        KeyBinding([.alt("d")], .deleteItem, .project(.helpDeleteItem)),
    ] + commonBindings + [backBinding])

    public static let findingsKeymap = Keymap<Action>(name: .project(.keymapFindings), [
        KeyBinding([KeyEvent(.up), .char("k")], .findingUp, .helpPickUp),
        KeyBinding([KeyEvent(.down), .char("j")], .findingDown, .helpPickDown),
        KeyBinding([KeyEvent(.enter)], .jumpToFinding, .project(.helpJumpToFinding), hint: true),
        KeyBinding([KeyEvent(.escape)], .focusNext, .project(.helpFocusNext)),
    ] + commonBindings + [KeyBinding([.ctrl("w")], .back, .project(.helpBack))])

    /// Every keymap of the screen, for help and `docs/keys.md`; the current one first.
    public static var allHelpSections: [HelpSection] {
        [gridKeymap.help, editKeymap.help, headerKeymap.help, findingsKeymap.help]
    }

    public var helpSections: [HelpSection] {
        let current = keymap.help
        return [current] + Self.allHelpSections.filter { $0.title != current.title } + [LineEditor.keymap.help]
    }

    // MARK: The project from the session

    func project(in session: DocumentSession?) -> Project? {
        session?.document.projects.first { $0.id == projectID }
    }

    func findings(in session: DocumentSession?) -> [Finding] {
        session?.findings(forProject: projectID) ?? []
    }

    /// Brings the grid's rows and markers up to date with the session (cheap when nothing
    /// changed: unchanged arrays compare by identity).
    mutating func sync(_ context: ScreenContext) {
        guard let project = project(in: context.session) else { return }
        if grid.rows != project.indicators {
            grid.setRows(project.indicators)
            grid.setFindings(findings(in: context.session))
        } else if grid.findingsSource != findings(in: context.session) {
            grid.setFindings(findings(in: context.session))
        }
    }

    /// The grid as it should be drawn: synced with the session's document.
    func gridForDrawing(_ context: ViewContext) -> IndicatorGrid {
        guard let project = project(in: context.session) else { return grid }
        let findings = findings(in: context.session)
        if grid.rows == project.indicators && grid.findingsSource == findings { return grid }
        var copy = grid
        copy.setRows(project.indicators)
        copy.setFindings(findings)
        return copy
    }

    // MARK: Layout

    struct Regions {
        var header: Rect
        var grid: Rect
        var feedback: Rect
        var findings: Rect?
    }

    func regions(in area: Rect, project: Project?) -> Regions {
        var left = area.height
        var findings: Rect?
        if showsFindings {
            let h = min(7, max(0, left - 8))
            if h >= 2 {
                findings = Rect(x: area.x, y: area.maxY - h, width: area.width, height: h)
                left -= h
            }
        }
        var headerHeight = ProjectHeaderForm.summaryHeight
        if focus == .header, let project {
            // The form takes what it needs, leaving the grid its titles and a few rows.
            headerHeight = min(header.fields(in: project).count, max(2, left - 7))
        }
        headerHeight = min(headerHeight, max(0, left - 3))
        let header = Rect(x: area.x, y: area.y, width: area.width, height: headerHeight)
        left -= headerHeight
        let gridHeight = max(0, left - 1)
        let grid = Rect(x: area.x, y: area.y + headerHeight, width: area.width, height: gridHeight)
        let feedback = Rect(x: area.x, y: grid.maxY, width: area.width, height: left > 0 ? 1 : 0)
        return Regions(header: header, grid: grid, feedback: feedback, findings: findings)
    }

    func contentArea(_ size: Size) -> Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    // MARK: Update

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        sync(context)
        guard let project = project(in: context.session) else {
            // The project is gone (its creation undone): only leaving, undo and redo make sense.
            switch action {
            case .back: context.pop()
            case .undo: context.undo()
            case .redo: context.redo()
            case .save, .commitAndSave: context.saveDepartment()
            default: break
            }
            return
        }
        let regions = regions(in: contentArea(context.contentSize), project: project)
        let page = IndicatorGrid.pageSize(height: regions.grid.height)
        if Self.startsEditing(action), context.refuseEditing() { return }
        switch action {
        case .documentView: context.push(DocumentViewScreen())
        case .nextSubmission: context.openSubmission(step: 1)
        case .previousSubmission: context.openSubmission(step: -1)
        case .save: context.saveDepartment()
        case .undo: context.undo()
        case .redo: context.redo()
        case .back: context.pop()
        case .comment: context.askForComment(on: commentTarget(in: project))
        case .comments: context.push(CommentsScreen())
        case .history:
            if let id = context.session?.id { context.push(HistoryScreen.opening(id, context: &context)) }
        case .sinceReturn:
            if let document = context.session?.document { RevisionDiffScreen.showSinceReturn(document, context: &context) }
        case .toggleFindings:
            showsFindings.toggle()
            if !showsFindings && focus == .findings { focus = .grid }
        case .focusNext:
            switch focus {
            case .grid: focus = .header
            case .header: focus = showsFindings ? .findings : .grid
            case .findings: focus = .grid
            }
        case .move(let move):
            grid.move(move, page: page)
        case .edit:
            if focus == .header {
                if header.selectedField(in: project) == .planMode {
                    apply(header.toggleMode(in: project), label: .labelHeader, context: &context)
                } else {
                    header.beginEdit(in: project)
                }
            } else {
                grid.beginEdit()
            }
        case .clearAndEdit:
            if focus == .header { header.beginEdit(in: project, replacingWith: "") } else { grid.beginEditCleared() }
        case .clear:
            if focus == .header {
                apply(header.clear(in: project), label: .labelHeader, context: &context)
            } else {
                apply(grid.clearCell(), label: .labelClear, context: &context)
            }
        case .expand: grid.toggleExpanded()
        case .pick: openPicker(project: project, context: &context)
        case .insertAbove: apply(grid.insertRow(below: false, makeID: { context.environment.makeID("r") }), label: .labelInsertRow, context: &context)
        case .insertBelow: apply(grid.insertRow(below: true, makeID: { context.environment.makeID("r") }), label: .labelInsertRow, context: &context)
        case .deleteRow: apply(grid.deleteRow(), label: .labelDeleteRow, context: &context)
        case .moveRowUp: apply(grid.moveRow(up: true), label: .labelMoveRow, context: &context)
        case .moveRowDown: apply(grid.moveRow(up: false), label: .labelMoveRow, context: &context)
        case .duplicateRow: apply(grid.duplicateRow(makeID: { context.environment.makeID("r") }), label: .labelDuplicateRow, context: &context)
        case .fillDown: apply(grid.fillDown(), label: .labelFillDown, context: &context)
        case .copyCell:
            guard grid.currentRow != nil else { return }
            clipboard = .cell(grid.currentText)
            context.perform(.copyToClipboard(grid.currentText))
            context.showMessage(.project(.copiedCell))
        case .copyRow:
            guard let row = grid.currentRow else { return }
            clipboard = .row(row)
            context.perform(.copyToClipboard(IndicatorRow.Column.allCases.map { row[$0] }.joined(separator: "\t")))
            context.showMessage(.project(.copiedRow))
        case .paste:
            switch clipboard {
            case .cell(let text)?:
                apply(grid.setCell(text), label: .labelPaste, context: &context)
            case .row(let row)?:
                apply(grid.insertCopy(of: row, makeID: { context.environment.makeID("r") }), label: .labelPaste, context: &context)
            case nil:
                context.showMessage(.project(.clipboardEmpty))
            }
        case .commit(let move):
            if header.isEditing {
                let formMove: ProjectHeaderForm.CommitMove = switch move {
                case .up?, .previousCell?: .up
                case .down?, .nextCell?: .down
                default: .stay
                }
                guard commitHeader(project: project, move: formMove, context: &context) else { return }
            } else {
                apply(grid.commitEdit(), label: .labelCell, context: &context)
                if let move { grid.move(move, page: page) }
            }
        case .commitEnter:
            // Enter: as committing downwards, but on the last item of a list it continues with a
            // new one (the grid's Enter is its Down).
            if header.isEditing {
                guard commitHeader(project: project, move: .enter, context: &context) else { return }
            } else {
                perform(.commit(.down), context: &context)
                return
            }
        case .commitAndSave:
            if header.isEditing {
                guard commitHeader(project: project, move: .stay, context: &context) else { return }
            } else {
                apply(grid.commitEdit(), label: .labelCell, context: &context)
            }
            context.saveDepartment()
        case .cancelEdit:
            grid.cancelEdit()
            header.cancelEdit()
        case .fieldUp: header.move(by: -1, in: project)
        case .fieldDown:
            // Down on the last goal continues the list: a new goal, being typed.
            if header.addGoalAfterLast(in: project) {
                if context.refuseEditing() { header.cancelEdit() }
            } else {
                header.move(by: 1, in: project)
            }
        case .toggleMode: apply(header.toggleMode(in: project), label: .labelHeader, context: &context)
        case .addItem:
            if !header.addItem(in: project) { context.showMessage(.project(.addItemWhere)) }
        case .deleteItem:
            apply(header.deleteItem(in: project), label: .labelGoal, context: &context)
            if let updated = self.project(in: context.session) { header.move(by: 0, in: updated) }
        case .findingUp: findingSelection = max(0, findingSelection - 1)
        case .findingDown:
            findingSelection = min(max(0, findings(in: context.session).count - 1), findingSelection + 1)
        case .jumpToFinding: jumpToFinding(project: project, context: &context)
        }
        afterChange(context: context)
    }

    /// Whether `action` starts or makes a content edit (asked before, so that a locked
    /// document refuses before anything is typed).
    static func startsEditing(_ action: Action) -> Bool {
        switch action {
        case .edit, .clear, .clearAndEdit, .pick, .insertAbove, .insertBelow, .deleteRow, .moveRowUp, .moveRowDown,
             .duplicateRow, .paste, .fillDown, .toggleMode, .addItem, .deleteItem:
            true
        default:
            false
        }
    }

    /// Applies edits through the session and brings the grid up to date.
    private mutating func apply(_ edits: [CellEdit], label: ProjectText, context: inout ScreenContext) {
        guard !edits.isEmpty else { return }
        context.apply(edits, label: context.environment.strings[.project(label)])
        sync(context)
    }

    private mutating func commitHeader(project: Project, move: ProjectHeaderForm.CommitMove,
                                       context: inout ScreenContext) -> Bool {
        let unit = context.session?.document.moneyUnit ?? .tenThousandYuan
        switch header.commitEdit(in: project, unit: unit, move: move, makeID: { context.environment.makeID("t") }) {
        case .success(let edits):
            apply(edits, label: .labelHeader, context: &context)
            return true
        case .failure(let error):
            context.showMessage(.project(Self.refusal(error, unit: unit)), kind: .error)
            return false
        }
    }

    /// What a refused amount or percentage says: what was typed and what the field wants.
    static func refusal(_ error: ProjectHeaderForm.CommitError, unit: MoneyUnit) -> ProjectText {
        switch error {
        case .invalidAmount(let text, .unitMismatch(let typed, let expected)),
             .invalidPercent(let text, .unitMismatch(let typed, let expected)):
            return .unitMismatch(text, typed: typed.rawValue, expected: expected.rawValue)
        case .invalidAmount(let text, .percentInAmount), .invalidPercent(let text, .percentInAmount):
            return .percentInAmount(text, unit: unit.rawValue)
        case .invalidPercent(let text, .unitInPercent), .invalidAmount(let text, .unitInPercent):
            return .unitInPercent(text)
        case .invalidPercent(let text, .notANumber): return .invalidPercent(text)
        case .invalidAmount(let text, .notANumber): return .invalidAmount(text, unit: unit.rawValue)
        }
    }

    /// Keeps cursor and selections visible for the size of the last event.
    private mutating func afterChange(context: ScreenContext) {
        let project = self.project(in: context.session)
        let regions = regions(in: contentArea(context.contentSize), project: project)
        grid.scrollToCursor(visibleRows: IndicatorGrid.pageSize(height: regions.grid.height), width: regions.grid.width)
        if let project {
            header.scrollToSelection(height: regions.header.height, fieldCount: header.fields(in: project).count)
        }
        let count = findings(in: context.session).count
        findingSelection = min(findingSelection, max(0, count - 1))
        if let panel = regions.findings {
            findingScroll = IndicatorGrid.scroll(top: findingScroll, cursor: findingSelection,
                                                 visible: max(1, panel.height - 1), count: count)
        }
    }

    public mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {
        sync(context)
        guard let project = project(in: context.session) else { return }
        switch focus {
        case .findings:
            return
        case .header:
            if header.isEditing {
                _ = header.editKey(key)
            } else if let c = key.insertedText {
                if context.refuseEditing() { return }
                if header.selectedField(in: project) == .planMode {
                    if c == " " { apply(header.toggleMode(in: project), label: .labelHeader, context: &context) }
                } else {
                    header.beginEdit(in: project, replacingWith: String(c))
                }
            }
        case .grid:
            if grid.isEditing {
                _ = grid.editKey(key)
            } else if let c = key.insertedText {
                if context.refuseEditing() { return }
                grid.type(String(c))
            }
        }
        afterChange(context: context)
    }

    /// A paste is text, never commands. Into a list (资金用途, 绩效目标) several lines become one
    /// item each; into a one-line header field they are joined (and the message says so); into
    /// a grid cell a spreadsheet block fills cells, and plain lines ask once whether to join them
    /// or split them into the rows below. Where nothing can be pasted, the message says why.
    public mutating func handlePaste(_ text: String, context: inout ScreenContext) {
        sync(context)
        guard let project = project(in: context.session) else {
            context.showMessage(.project(.projectGone))
            return
        }
        if focus == .findings {
            context.showMessage(.project(.pasteInFindings))
            return
        }
        if !isEditing, context.refuseEditing() { return }
        let lines = PastedText.lines(text)
        let flat = text.replacingOccurrences(of: "\r\n", with: " ").replacingOccurrences(of: "\n", with: " ")
            .replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\t", with: " ")
        switch focus {
        case .findings: return
        case .header:
            let field = header.selectedField(in: project)
            if field == .planMode {
                context.showMessage(.project(.pasteOnPlanMode))
            } else if lines.count > 1, ProjectHeaderForm.isListItem(field) {
                let edits = header.pasteLines(lines, in: project, makeID: { context.environment.makeID("t") })
                apply(edits, label: .labelPaste, context: &context)
                context.showMessage(.pastedItems(PastedText.nonBlank(lines).count))
            } else {
                if header.isEditing { header.insertText(flat) } else { header.beginEdit(in: project, replacingWith: flat) }
                if lines.count > 1 { context.showMessage(.pasteJoined(lines.count)) }
            }
        case .grid:
            if grid.currentRow == nil || (!grid.isEditing && text.contains("\t")) {
                // A spreadsheet block, or anything on an empty grid: cells and new rows.
                apply(grid.pasteBlock(text, makeID: { context.environment.makeID("r") }), label: .labelPaste, context: &context)
            } else if lines.count > 1 {
                pendingPaste = text
                context.present(.choice(PastedText.joinOrSplit(lineCount: lines.count, strings: context.environment.strings)),
                                tag: Self.pasteTag)
            } else {
                grid.type(flat)
            }
        }
        afterChange(context: context)
    }

    static let pasteTag = "project-paste-lines"

    /// The answer to "join or split": joined, the lines go into the cell as one (being edited);
    /// split, the first goes into the cell (after what was typed, at the cursor) and each further
    /// line into the same column of the next row, adding rows at the end, as one undo step.
    private mutating func finishPaste(_ choice: Int?, context: inout ScreenContext) {
        guard let text = pendingPaste else { return }
        pendingPaste = nil
        sync(context)
        switch choice {
        case 0?:
            grid.type(PastedText.lines(text).joined(separator: " ").replacingOccurrences(of: "\t", with: " "))
        case 1?:
            var lines = PastedText.lines(text)
            if let editor = grid.editor {
                var line = editor
                line.insert(lines[0])
                lines[0] = line.text
                grid.cancelEdit()
            }
            apply(grid.pasteBlock(lines.joined(separator: "\n"), makeID: { context.environment.makeID("r") }), label: .labelPaste, context: &context)
            context.showMessage(.project(.pastedDown(lines.count)))
        default:
            context.showMessage(.project(.pasteCancelled))
        }
        afterChange(context: context)
    }

    // MARK: Pickers

    static let pickTag = "project-pick"

    private mutating func openPicker(project: Project, context: inout ScreenContext) {
        guard focus == .grid, let row = grid.currentRow else { return }
        let strings = context.environment.strings
        let document = context.session?.document
        let framework = IndicatorFramework.of(document?.framework ?? .legacy)
        var items: [PickListDialog.Item] = []
        let title: ProjectText
        switch grid.column {
        case .level1:
            title = .pickLevel1
            items = framework.levels.map { .init(id: $0.name, label: $0.name) }
        case .level2:
            title = .pickLevel2
            let names = framework.level1(named: row.level1)?.acceptedLevel2 ?? framework.allLevel2
            items = names.map { .init(id: $0, label: $0) }
        case .basis:
            title = .pickBasis
            let library = IndicatorLibrary(documents: document.map { [$0] } ?? [])
            var seen = Set<String>()
            items = (library.basisChoices + extraLibrary.basisChoices + context.environment.indicatorLibrary.basisChoices).filter { seen.insert($0).inserted }
                .map { .init(id: $0, label: $0) }
        case .name:
            title = .pickIndicator
            let library = IndicatorLibrary(documents: document.map { [$0] } ?? [])
            var seen = Set<String>()
            let more = extraLibrary.entries + context.environment.indicatorLibrary.entries
            for entry in library.entries + more where seen.insert(entry.name).inserted {
                var label = entry.name
                if !entry.value.isEmpty { label += "  " + entry.value }
                if !entry.level2.isEmpty { label += "  (" + entry.level2 + ")" }
                items.append(.init(id: entry.name, label: label))
            }
        case .description, .value:
            context.showMessage(.project(.noPickList))
            return
        }
        pickerText = grid.isEditing ? grid.currentText : nil
        grid.cancelEdit()
        context.present(.pickList(PickListDialog(title: strings[.project(title)], items: items,
                                                 metrics: context.environment.metrics, filter: pickerText ?? "")),
                        tag: Self.pickTag)
    }

    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        if context.finishComment(tag: tag, result: result) { return }
        if tag == Self.pasteTag {
            if case .chosen(let choice) = result { finishPaste(choice, context: &context) } else { finishPaste(nil, context: &context) }
            return
        }
        guard tag == Self.pickTag else { return }
        sync(context)
        defer { pickerText = nil }
        guard case .picked(let item?) = result, let row = grid.currentRow else {
            // Cancelled: the text typed before opening the list is not lost.
            if let text = pickerText { grid.type(text) }
            return
        }
        var edits = grid.setCell(item.id)
        if grid.column == .name {
            // Fill what the row leaves blank from the library entry.
            let library = IndicatorLibrary(documents: context.session.map { [$0.document] } ?? [])
            if let entry = library.entry(named: item.id) ?? extraLibrary.entry(named: item.id)
                ?? context.environment.indicatorLibrary.entry(named: item.id) {
                for (column, text) in [(IndicatorRow.Column.level1, entry.level1), (.level2, entry.level2),
                                       (.description, entry.description), (.value, entry.value), (.basis, entry.basis)]
                where row[column].trimmingCharacters(in: .whitespaces).isEmpty && !text.isEmpty {
                    edits += grid.setCell(text, column: column)
                }
            }
        }
        apply(edits, label: .labelPick, context: &context)
        afterChange(context: context)
    }

    // MARK: Findings

    private mutating func jumpToFinding(project: Project, context: inout ScreenContext) {
        let all = findings(in: context.session)
        guard all.indices.contains(findingSelection) else { return }
        if !focus(on: all[findingSelection].path, in: project) {
            context.showMessage(.project(.noFindingHere))
        }
    }

    /// Puts the cursor on the cell at `path`: a grid cell, or a header field. False when the
    /// row is not in the grid.
    @discardableResult
    public mutating func focus(on path: CellPath, in project: Project) -> Bool {
        if let rowID = path.indicatorRowID {
            let column = path.lastField.flatMap(IndicatorRow.Column.init(rawValue:))
            guard grid.moveTo(rowID: rowID, column: column) else { return false }
            focus = .grid
        } else if header.select(path: path, in: project) {
            focus = .header
        } else {
            focus = .grid
        }
        return true
    }

    /// Text typed into a cell or field and not yet committed is committed (and so journaled)
    /// before the process ends; an amount that does not read is left out.
    public mutating func willTerminate(context: inout ScreenContext) {
        sync(context)
        guard let project = project(in: context.session) else { return }
        if grid.isEditing { apply(grid.commitEdit(), label: .labelCell, context: &context) }
        if header.isEditing { _ = commitHeader(project: project, move: .stay, context: &context) }
    }

    /// Results of store effects: after a save, a merge or a restored draft the document may have
    /// changed under the screen.
    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        sync(context)
    }
}
