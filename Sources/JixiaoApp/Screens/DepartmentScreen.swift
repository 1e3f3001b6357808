import JixiaoModel

/// The department editor (部门整体绩效目标): its sections shown as tabs and switched with Tab /
/// Shift-Tab — header fields, 总体绩效目标, 分项绩效目标 (a grid: 标题 / 绩效目标 / 绩效指标),
/// 工作保障措施 and the projects with the department total. It edits the app's
/// `DocumentSession` (`context.session`): every change is a `CellEdit` applied through
/// `context.apply(_:label:)`, so it is journaled at once and undoable with Ctrl-Z.
/// Paragraphs are edited in a multi-line `TextArea` (Enter commits, Ctrl-J or Alt-Enter
/// breaks the line, Esc cancels).
public struct DepartmentScreen: Screen {
    public enum Section: Int, CaseIterable, Hashable, Sendable {
        case header, overallGoals, subGoals, safeguards, projects

        var title: MessageID {
            switch self {
            case .header: .sectionHeader
            case .overallGoals: .sectionOverallGoals
            case .subGoals: .sectionSubGoals
            case .safeguards: .sectionSafeguards
            case .projects: .sectionProjects
            }
        }

        /// The document list of a section of ordered paragraphs.
        var textList: String? {
            switch self {
            case .overallGoals: "overallGoals"
            case .safeguards: "safeguards"
            default: nil
            }
        }
    }

    /// The editable header fields, in the order shown.
    public enum HeaderField: String, CaseIterable, Hashable, Sendable {
        case unitCode, unitName, fiscalYear, moneyUnit, framework

        var label: MessageID {
            switch self {
            case .unitCode: .fieldUnitCode
            case .unitName: .fieldUnitName
            case .fiscalYear: .fieldFiscalYear
            case .moneyUnit: .fieldMoneyUnit
            case .framework: .fieldFramework
            }
        }
    }

    /// The columns of the 分项绩效目标 grid.
    static let subGoalColumns: [(field: String, label: MessageID)] = [
        ("title", .columnSubGoalTitle), ("goal", .columnSubGoalGoal), ("indicatorText", .columnSubGoalIndicators),
    ]

    /// A field being typed into.
    public struct FieldEditor: Hashable, Sendable {
        public enum Target: Hashable, Sendable {
            /// An existing cell.
            case cell(CellPath)
            /// A new paragraph in `list` (overallGoals, safeguards) after the item `after`.
            case newItem(list: String, after: String?)
            /// A new 分项绩效目标, starting with its title.
            case newSubGoal(after: String?)
        }

        public var target: Target
        public var title: String
        public var area: TextArea
        public var original: String
    }

    public internal(set) var section: Section = .header
    /// The selected row of each section.
    public internal(set) var rows: [Section: Int] = [:]
    /// The selected column of the 分项绩效目标 grid.
    public internal(set) var column = 0
    public internal(set) var editor: FieldEditor?
    /// A multi-line paste into a sub-goal title, waiting for the answer: join or split.
    var pendingPaste: String?
    /// Content changes since the last return, once the history has been read (a resubmission).
    public internal(set) var changesSinceReturn: Int?

    public init() {}

    public var title: MessageID { .screenDepartment }
    public var acceptsTextEntry: Bool { editor != nil }
    public var hasUnsavedChanges: Bool { editor.map { $0.area.text != $0.original } ?? false }

    public var selectedRow: Int { rows[section] ?? 0 }

    // MARK: Keys

    public enum Action: Hashable, Sendable {
        case nextSection, previousSection, up, down, pageUp, pageDown, first, last, left, right
        case edit, add, delete, moveUp, moveDown, duplicate
        case save, undo, redo, back
        case comment, comments, history, sinceReturn
        case reviewActions, documentView, nextSubmission, previousSubmission
        // While a field is edited.
        case commit, cancel, commitAndSave
    }

    public var keymap: Keymap<Action> { editor == nil ? Self.keymap : Self.editingKeymap }

    public static let keymap = Keymap<Action>(name: .screenDepartment, [
        KeyBinding([.ctrl("s")], .save, .helpSave, hint: true),
        KeyBinding([KeyEvent(.tab)], .nextSection, .helpNextSection),
        KeyBinding([KeyEvent(.tab, .shift)], .previousSection, .helpPreviousSection),
    ] + KeyBinding.rowNavigation(up: .up, down: .down, pageUp: .pageUp, pageDown: .pageDown, first: .first, last: .last) + [
        KeyBinding([KeyEvent(.left), .char("h")], .left, .helpColumnLeft),
        KeyBinding([KeyEvent(.right), .char("l")], .right, .helpColumnRight),
        KeyBinding([KeyEvent(.enter), KeyEvent(.function(2))], .edit, .helpEditOrOpen),
        KeyBinding([.char("a"), KeyEvent(.insert)], .add, .helpAddItem),
        KeyBinding([KeyEvent(.delete), .char("x")], .delete, .helpDeleteItem),
        KeyBinding([KeyEvent(.up, .alt), .char("K")], .moveUp, .helpMoveItemUp),
        KeyBinding([KeyEvent(.down, .alt), .char("J")], .moveDown, .helpMoveItemDown),
        KeyBinding([.ctrl("d")], .duplicate, .helpDuplicateItem),
        KeyBinding([.ctrl("z")], .undo, .helpUndo),
        KeyBinding([.ctrl("y")], .redo, .helpRedo),
        KeyBinding([KeyEvent(.function(6))], .reviewActions, .review(.helpReviewActions), hint: true),
        KeyBinding([KeyEvent(.function(7))], .documentView, .review(.helpDocumentView), hint: true),
        KeyBinding([.ctrl("n")], .nextSubmission, .review(.helpNextSubmission)),
        KeyBinding([.ctrl("p")], .previousSubmission, .review(.helpPreviousSubmission)),
    ] + NotesKeys.bindings(comment: .comment, comments: .comments, history: .history, sinceReturn: .sinceReturn,
                           commentKeys: [KeyEvent(.function(4)), .alt("m")]) + [
        KeyBinding([KeyEvent(.escape)], .back, .helpBackToList, hint: true),
    ])

    /// While a field is edited; the text keys are `TextArea.keymap` and `LineEditor.keymap`.
    public static let editingKeymap = Keymap<Action>(name: .keymapFieldEditing, [
        KeyBinding([KeyEvent(.enter)], .commit, .helpCommitField, hint: true),
        KeyBinding([KeyEvent(.escape)], .cancel, .helpCancelField, hint: true),
        KeyBinding([.ctrl("s")], .commitAndSave, .helpCommitAndSave),
    ])

    /// The text width of the field editor in a content area `width` wide (box border and margin).
    static func editorWidth(_ width: Int) -> Int { max(1, width - 4) }

    public mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {
        guard editor != nil else { return }
        editor!.area.handle(key, width: Self.editorWidth(context.contentSize.width))
    }

    /// A paste is text, never commands. Several lines into a paragraph list (总体绩效目标,
    /// 工作保障措施) become one item each, as one undo step; into a one-line field they are joined,
    /// and the message says so. Not editing, a paste opens the selected cell with it, or adds
    /// items to a list; where it cannot go the message says why.
    public mutating func handlePaste(_ text: String, context: inout ScreenContext) {
        guard let document = context.session?.document else { return }
        let lines = PastedText.lines(text)
        let filled = PastedText.nonBlank(lines)
        let ontoTitle = editor.map { Self.isSubGoalTitle($0.target) } ?? (section == .subGoals && column == 0)
        if lines.count > 1, ontoTitle, !document.subGoals.isEmpty || editor != nil {
            // A one-line cell of the 分项绩效目标 grid: ask once, join or split into the rows below.
            if editor == nil, context.refuseEditing() { return }
            pendingPaste = text
            context.present(.choice(PastedText.joinOrSplit(lineCount: lines.count, strings: context.environment.strings)),
                            tag: Self.pasteTag)
            return
        }
        if var editor {
            if filled.count > 1, let list = Self.list(of: editor.target) {
                var area = editor.area
                area.insert(filled[0])
                pasteItems([area.text] + filled.dropFirst(), list: list, replacing: editor, context: &context)
                return
            }
            editor.area.insert(text)
            self.editor = editor
            if !editor.area.allowsLineBreaks, lines.count > 1 { context.showMessage(.pasteJoined(lines.count)) }
            return
        }
        switch section {
        case .projects:
            context.showMessage(.pasteInProjects)
        case .overallGoals, .safeguards:
            guard let list = section.textList, !filled.isEmpty, !context.refuseEditing() else { return }
            let ids = ids(in: document)
            let after = ids.indices.contains(selectedRow) ? ids[selectedRow] : ids.last
            pasteItems(filled, list: list, after: after, context: &context)
        case .header, .subGoals:
            if section == .subGoals, document.subGoals.isEmpty {
                context.showMessage(.pasteNoSubGoals)
                return
            }
            if section == .header, [HeaderField.moneyUnit, .framework].contains(HeaderField.allCases[min(selectedRow, HeaderField.allCases.count - 1)]) {
                context.showMessage(.pasteChooseFromList)
                return
            }
            if context.refuseEditing() { return }
            // Like typing over a cell: the paste replaces the text, until Enter commits it.
            edit(document, context: &context)
            guard var opened = self.editor else { return }
            opened.area = TextArea("", metrics: context.environment.metrics, allowsLineBreaks: opened.area.allowsLineBreaks)
            opened.area.insert(text)
            self.editor = opened
            if !opened.area.allowsLineBreaks, lines.count > 1 { context.showMessage(.pasteJoined(lines.count)) }
        }
    }

    static let pasteTag = "department-paste-lines"

    static func isSubGoalTitle(_ target: FieldEditor.Target) -> Bool {
        switch target {
        case .newSubGoal: true
        case .cell(let path): path.components.first == .field("subGoals") && path.lastField == "title"
        case .newItem: false
        }
    }

    /// The answer to "join or split" for a sub-goal title. Joined, the lines go into the title
    /// being edited (opened if need be). Split, the first goes into this title (after what was
    /// typed, at the cursor) and each further one into the title of the next sub-goal, adding
    /// sub-goals at the end; a new sub-goal being typed makes every line a new one. One undo step.
    private mutating func finishPaste(_ choice: Int?, context: inout ScreenContext) {
        guard let text = pendingPaste, let document = context.session?.document else { return }
        pendingPaste = nil
        let lines = PastedText.lines(text)
        switch choice {
        case 0?:
            if editor == nil {
                edit(document, context: &context)
                editor?.area = TextArea("", metrics: context.environment.metrics, allowsLineBreaks: false)
            }
            editor?.area.insert(lines.joined(separator: " "))
        case 1?:
            var titles = PastedText.nonBlank(lines)
            guard !titles.isEmpty else { return }
            let ids = ids(in: document)
            var anchor: String?
            var following: [String] = []
            switch editor?.target {
            case .newSubGoal(let after)?:
                anchor = after
            case .cell(let path)?:
                if case .item(let id) = path.components[1], let index = ids.firstIndex(of: id) { following = Array(ids[index...]) }
            default:
                if ids.indices.contains(selectedRow) { following = Array(ids[selectedRow...]) }
            }
            if let editor {
                var area = editor.area
                area.insert(titles[0])
                titles[0] = area.text
            }
            var edits: [CellEdit] = []
            var last = anchor
            for (i, title) in titles.enumerated() {
                if i < following.count {
                    let path = CellPath.field("subGoals").item(following[i]).field("title")
                    if document.subGoals.first(where: { $0.id == following[i] })?.title != title { edits.append(.set(path, .text(title))) }
                    last = following[i]
                } else {
                    let goal = SubGoal(id: context.environment.makeID("g"), title: title)
                    edits.append(.insert(list: .field("subGoals"), item: DocumentTree.item(goal), after: last ?? following.last))
                    last = goal.id
                }
            }
            editor = nil
            if edits.isEmpty || context.apply(edits, label: label(MessageID.opEdit, context)) {
                if let last { selectID(last, context) }
                context.showMessage(.project(.pastedDown(titles.count)))
            }
        default:
            context.showMessage(.project(.pasteCancelled))
        }
    }

    /// The paragraph list an editor's target belongs to, if any.
    static func list(of target: FieldEditor.Target) -> String? {
        switch target {
        case .newItem(let list, _): return list
        case .cell(let path):
            guard case .field(let list)? = path.components.first, ["overallGoals", "safeguards"].contains(list),
                  path.components.count == 3 else { return nil }
            return list
        case .newSubGoal: return nil
        }
    }

    /// The item an editor edits, or the item a new one is to follow.
    private static func anchor(of target: FieldEditor.Target) -> (id: String?, isNew: Bool) {
        switch target {
        case .newItem(_, let after): return (after, true)
        case .cell(let path):
            if path.components.count > 1, case .item(let id) = path.components[1] { return (id, false) }
            return (nil, false)
        case .newSubGoal(let after): return (after, true)
        }
    }

    /// Pasted lines as items of `list`: the first replaces the edited item's text (or is the new
    /// item being typed), the others follow it; one apply, so one Ctrl-Z takes them all back.
    private mutating func pasteItems(_ lines: [String], list: String, replacing editor: FieldEditor? = nil,
                                     after: String? = nil, context: inout ScreenContext) {
        var edits: [CellEdit] = []
        var rest = lines[...]
        var previous = after
        if let editor {
            let anchor = Self.anchor(of: editor.target)
            previous = anchor.id
            if !anchor.isNew, case .cell(let path) = editor.target {
                let first = rest.removeFirst()
                if first != editor.original { edits.append(.set(path, .text(first))) }
            }
        }
        var last = previous
        for line in rest {
            let item = TextItem(id: context.environment.makeID("t"), text: line)
            edits.append(.insert(list: .field(list), item: DocumentTree.item(item), after: last))
            last = item.id
        }
        guard !edits.isEmpty, context.apply(edits, label: label(MessageID.opAdd, context)) else { return }
        self.editor = nil
        if let last { selectID(last, context) }
        context.showMessage(.pastedItems(lines.count))
    }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        guard let session = context.session else { return }
        let document = session.document
        let count = rowCount(in: document)
        let page = max(1, context.contentSize.height - 4)
        func select(_ row: Int) { rows[section] = min(max(0, row), max(0, count - 1)) }
        switch action {
        case .nextSection:
            section = Section(rawValue: (section.rawValue + 1) % Section.allCases.count) ?? .header
        case .previousSection:
            section = Section(rawValue: (section.rawValue + Section.allCases.count - 1) % Section.allCases.count) ?? .header
        case .up: select(selectedRow - 1)
        case .down: select(selectedRow + 1)
        case .pageUp: select(selectedRow - page)
        case .pageDown: select(selectedRow + page)
        case .first: select(0)
        case .last: select(count - 1)
        case .left: if section == .subGoals { column = max(0, column - 1) }
        case .right: if section == .subGoals { column = min(Self.subGoalColumns.count - 1, column + 1) }
        case .edit:
            if section != .projects, context.refuseEditing() { return }
            edit(document, context: &context)
        case .add:
            if context.refuseEditing() { return }
            add(document, context: &context)
        case .delete: delete(document, context: &context)
        case .moveUp: move(document, by: -1, context: &context)
        case .moveDown: move(document, by: 1, context: &context)
        case .duplicate: duplicate(document, context: &context)
        case .save: context.saveDepartment()
        case .undo: context.undo(); clampSelection(context)
        case .redo: context.redo(); clampSelection(context)
        case .back: context.closeDepartment()
        case .comment: context.askForComment(on: selectedCell(in: document))
        case .comments: context.push(CommentsScreen())
        case .history: context.push(HistoryScreen.opening(document.id, context: &context))
        case .sinceReturn: RevisionDiffScreen.showSinceReturn(document, context: &context)
        case .reviewActions: ReviewActionMenu.present(context: &context)
        case .documentView: context.push(DocumentViewScreen())
        case .nextSubmission: context.openSubmission(step: 1)
        case .previousSubmission: context.openSubmission(step: -1)
        case .commit: commit(continuing: true, context: &context)
        case .commitAndSave:
            if commit(context: &context) { context.saveDepartment() }
        case .cancel: editor = nil
        }
    }

    private mutating func clampSelection(_ context: ScreenContext) {
        guard let document = context.session?.document else { return }
        rows[section] = min(selectedRow, max(0, rowCount(in: document) - 1))
    }

    func rowCount(in document: DepartmentDocument) -> Int {
        switch section {
        case .header: HeaderField.allCases.count
        case .overallGoals: document.overallGoals.count
        case .subGoals: document.subGoals.count
        case .safeguards: document.safeguards.count
        case .projects: document.projects.count
        }
    }

    /// The ids of the current section's list, in order.
    func ids(in document: DepartmentDocument) -> [String] {
        switch section {
        case .header: []
        case .overallGoals: document.overallGoals.map(\.id)
        case .subGoals: document.subGoals.map(\.id)
        case .safeguards: document.safeguards.map(\.id)
        case .projects: document.projects.map(\.id)
        }
    }

    /// The path of the current section's list.
    var listPath: CellPath {
        switch section {
        case .header: .root
        case .overallGoals: .field("overallGoals")
        case .subGoals: .field("subGoals")
        case .safeguards: .field("safeguards")
        case .projects: .field("projects")
        }
    }

    private func label(_ operation: (String) -> MessageID, _ context: ScreenContext) -> String {
        let strings = context.environment.strings
        return strings[operation(strings[section.title])]
    }

    // MARK: Editing fields

    private mutating func open(_ target: FieldEditor.Target, title: String, text: String, oneLine: Bool = false,
                               context: ScreenContext) {
        editor = FieldEditor(target: target, title: title,
                             area: TextArea(text, metrics: context.environment.metrics, allowsLineBreaks: !oneLine),
                             original: text)
    }

    private mutating func edit(_ document: DepartmentDocument, context: inout ScreenContext) {
        let strings = context.environment.strings
        let ids = ids(in: document)
        switch section {
        case .header:
            let field = HeaderField.allCases[min(selectedRow, HeaderField.allCases.count - 1)]
            switch field {
            case .moneyUnit, .framework:
                let items: [PickListDialog.Item] = field == .moneyUnit
                    ? MoneyUnit.allCases.map { .init(id: $0.rawValue, label: $0.rawValue) }
                    : FrameworkEdition.allCases.map { .init(id: $0.rawValue, label: strings[.frameworkName($0)]) }
                context.present(.pickList(PickListDialog(title: strings[field.label], items: items,
                                                         metrics: context.environment.metrics)), tag: field.rawValue)
            default:
                let value = DocumentEditing.cellValue(at: .field(field.rawValue), in: document)?.text ?? ""
                open(.cell(.field(field.rawValue)), title: strings[field.label], text: value, oneLine: true, context: context)
            }
        case .overallGoals, .safeguards:
            guard let list = section.textList else { return }
            // Enter on an empty list starts its first item.
            guard ids.indices.contains(selectedRow) else { return add(document, context: &context) }
            let path = CellPath.field(list).item(ids[selectedRow]).field("text")
            let text = DocumentEditing.cellValue(at: path, in: document)?.text ?? ""
            open(.cell(path), title: strings[.itemTitle(section: strings[section.title], number: selectedRow + 1)],
                 text: text, context: context)
        case .subGoals:
            guard ids.indices.contains(selectedRow) else { return }
            let (field, columnLabel) = Self.subGoalColumns[column]
            let path = CellPath.field("subGoals").item(ids[selectedRow]).field(field)
            let text = DocumentEditing.cellValue(at: path, in: document)?.text ?? ""
            open(.cell(path), title: strings[.itemTitle(section: strings[section.title], number: selectedRow + 1)]
                 + " · " + strings[columnLabel], text: text, oneLine: field == "title", context: context)
        case .projects:
            guard ids.indices.contains(selectedRow) else { return }
            if let screen = ProjectScreenFactory.make(projectID: ids[selectedRow]) {
                context.push(screen)
            } else {
                context.showMessage(.projectScreenUnavailable)
            }
        }
    }

    /// Enter: writes the edited text into the document. False when the text is refused
    /// (the editor then stays open). With `continuing` (Enter, not Ctrl-S), a paragraph with
    /// text that is now the last of its list is followed by a new empty one, being typed: Enter
    /// after Enter writes a list, and Esc on the empty new one ends it, leaving nothing behind.
    @discardableResult
    private mutating func commit(continuing: Bool = false, context: inout ScreenContext) -> Bool {
        guard let editor else { return false }
        let committed = commitText(context: &context)
        guard committed, continuing, let list = Self.list(of: editor.target),
              !editor.area.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty,
              let document = context.session?.document else { return committed }
        let ids = ids(in: document)
        guard let last = ids.last, rows[section] == ids.count - 1 else { return committed }
        let strings = context.environment.strings
        open(.newItem(list: list, after: last),
             title: strings[.itemTitle(section: strings[section.title], number: ids.count + 1)], text: "", context: context)
        return committed
    }

    private mutating func commitText(context: inout ScreenContext) -> Bool {
        guard let editor else { return false }
        let text = editor.area.text
        switch editor.target {
        case .cell(let path):
            if path == .field("fiscalYear") {
                guard let year = Int(text.trimmingCharacters(in: .whitespaces)), (1900...2200).contains(year) else {
                    context.showMessage(.invalidYear(text), kind: .error)
                    return false
                }
                self.editor = nil
                return text == editor.original || context.apply([.set(path, .text(String(year)))], label: label(MessageID.opEdit, context))
            }
            self.editor = nil
            guard text != editor.original else { return true }
            return context.apply([.set(path, .text(text))], label: label(MessageID.opEdit, context))
        case .newItem(let list, let after):
            self.editor = nil
            guard !text.isEmpty else { return true }
            let item = TextItem(id: context.environment.makeID("t"), text: text)
            guard context.apply([.insert(list: .field(list), item: DocumentTree.item(item), after: after)],
                                label: label(MessageID.opAdd, context)) else { return false }
            selectID(item.id, context)
            return true
        case .newSubGoal(let after):
            self.editor = nil
            guard !text.isEmpty else { return true }
            let goal = SubGoal(id: context.environment.makeID("g"), title: text)
            guard context.apply([.insert(list: .field("subGoals"), item: DocumentTree.item(goal), after: after)],
                                label: label(MessageID.opAdd, context)) else { return false }
            selectID(goal.id, context)
            column = 0
            return true
        }
    }

    /// Selects the cell at `path`: its section, row and column, or the project screen on it.
    mutating func show(_ path: CellPath, context: inout ScreenContext) {
        guard let document = context.session?.document, case .field(let name)? = path.components.first else { return }
        let itemID: String? = if path.components.count > 1, case .item(let id) = path.components[1] { id } else { nil }
        switch name {
        case "overallGoals": section = .overallGoals
        case "safeguards": section = .safeguards
        case "subGoals":
            section = .subGoals
            if case .field(let field)? = path.components.last,
               let index = Self.subGoalColumns.firstIndex(where: { $0.field == field }) { column = index }
        case "projects":
            section = .projects
            if let itemID, let project = document.projects.first(where: { $0.id == itemID }) {
                var screen = ProjectScreen(projectID: itemID, project: project, metrics: context.environment.metrics)
                screen.focus(on: path, in: project)
                context.push(screen)
            }
        default:
            section = .header
            if let index = HeaderField.allCases.firstIndex(where: { $0.rawValue == name }) { rows[.header] = index }
            return
        }
        if let itemID { selectID(itemID, context) }
    }

    private mutating func selectID(_ id: String, _ context: ScreenContext) {
        guard let document = context.session?.document, let index = ids(in: document).firstIndex(of: id) else { return }
        rows[section] = index
    }

    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        if context.finishComment(tag: tag, result: result) { return }
        if tag == Self.pasteTag {
            if case .chosen(let choice) = result { finishPaste(choice, context: &context) } else { finishPaste(nil, context: &context) }
            return
        }
        if tag.hasPrefix("review:") {
            if let path = ReviewActionMenu.dialogFinished(tag: tag, result: result, context: &context) {
                show(path, context: &context)
            }
            return
        }
        switch (tag, result) {
        case (HeaderField.moneyUnit.rawValue, .picked(let item?)), (HeaderField.framework.rawValue, .picked(let item?)):
            let path = CellPath.field(tag)
            guard let document = context.session?.document,
                  DocumentEditing.cellValue(at: path, in: document)?.text != item.id else { return }
            context.apply([.set(path, .text(item.id))], label: label(MessageID.opEdit, context))
        case (Self.newProjectTag, .text(let name?)):
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, let document = context.session?.document else { return }
            let ids = ids(in: document)
            let after = ids.indices.contains(selectedRow) ? ids[selectedRow] : ids.last
            let project = ProjectTemplate.newProject(name: trimmed, framework: document.framework,
                                                     makeProjectID: { context.environment.makeID("p") },
                                                     makeRowID: { context.environment.makeID("r") })
            if context.apply([.insert(list: .field("projects"), item: DocumentTree.item(project), after: after)],
                             label: label(MessageID.opAdd, context)) {
                selectID(project.id, context)
            }
        default:
            break
        }
    }

    static let newProjectTag = "new-project"

    // MARK: List operations

    private mutating func add(_ document: DepartmentDocument, context: inout ScreenContext) {
        let strings = context.environment.strings
        let ids = ids(in: document)
        let after = ids.indices.contains(selectedRow) ? ids[selectedRow] : ids.last
        switch section {
        case .header:
            return
        case .overallGoals, .safeguards:
            guard let list = section.textList else { return }
            open(.newItem(list: list, after: after),
                 title: strings[.itemTitle(section: strings[section.title], number: (after == nil ? 0 : selectedRow + 1) + 1)],
                 text: "", context: context)
        case .subGoals:
            open(.newSubGoal(after: after), title: strings[.newSubGoalTitle], text: "", oneLine: true, context: context)
        case .projects:
            context.present(.textInput(TextInputDialog(title: strings[.newProjectTitle], prompt: strings[.newProjectPrompt],
                                                       metrics: context.environment.metrics)), tag: Self.newProjectTag)
        }
    }

    private mutating func delete(_ document: DepartmentDocument, context: inout ScreenContext) {
        let ids = ids(in: document)
        guard section != .header, ids.indices.contains(selectedRow) else { return }
        if context.apply([.delete(listPath.item(ids[selectedRow]))], label: label(MessageID.opDelete, context)) {
            context.showMessage(.deletedUndoHint)
            rows[section] = min(selectedRow, max(0, ids.count - 2))
        }
    }

    private mutating func move(_ document: DepartmentDocument, by delta: Int, context: inout ScreenContext) {
        let ids = ids(in: document)
        let index = selectedRow
        guard section != .header, ids.indices.contains(index), ids.indices.contains(index + delta) else { return }
        let after: String? = delta < 0 ? (index >= 2 ? ids[index - 2] : nil) : ids[index + 1]
        if context.apply([.move(listPath.item(ids[index]), after: after)], label: label(MessageID.opMove, context)) {
            rows[section] = index + delta
        }
    }

    private mutating func duplicate(_ document: DepartmentDocument, context: inout ScreenContext) {
        let environment = context.environment
        let ids = ids(in: document)
        guard section != .header, ids.indices.contains(selectedRow) else { return }
        let id = ids[selectedRow]
        let item: DocumentTree.Item
        switch section {
        case .header: return
        case .overallGoals:
            item = DocumentTree.item(TextItem(id: environment.makeID("t"), text: document.overallGoals[selectedRow].text))
        case .safeguards:
            item = DocumentTree.item(TextItem(id: environment.makeID("t"), text: document.safeguards[selectedRow].text))
        case .subGoals:
            var copy = document.subGoals[selectedRow]
            copy.id = environment.makeID("g")
            item = DocumentTree.item(copy)
        case .projects:
            // A copy is a new project: new ids for it, its goals and its rows.
            var copy = document.projects[selectedRow]
            copy.id = environment.makeID("p")
            copy.goals = copy.goals.map { TextItem(id: environment.makeID("t"), text: $0.text) }
            copy.indicators = copy.indicators.map { row in
                var new = row
                new.id = environment.makeID("r")
                return new
            }
            item = DocumentTree.item(copy)
        }
        if context.apply([.insert(list: listPath, item: item, after: id)], label: label(MessageID.opDuplicate, context)) {
            rows[section] = selectedRow + 1
        }
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard let session = context.session, area.height >= 4 else { return }
        let document = session.document
        let theme = context.theme
        let strings = context.strings
        drawTabs(into: &buffer, area: area, document: document, context: context)
        let counts = session.findingCounts
        var info = "\(document.unitCode)  \(document.unitName)  \(document.fiscalYear)  \(document.moneyUnit.rawValue)  "
            + strings[.reviewStatus(document.status)] + "  "
            + strings[.findingSummary(errors: counts.errors, warnings: counts.warnings)]

        if let other = session.others.first {
            // Who else had it open when it was opened stays in view (first, so it is never
            // clipped), not only on the message line.
            info = strings[.openedByOthers(user: other.user, time: context.environment.times.clock(other.since),
                                           more: session.others.count - 1)] + "  " + info
        }
        if let changes = changesSinceReturn, ReturnedChanges.isResubmission(document) {
            // A reviewer sees first that there is something to compare.
            info = strings[.notes(.sinceReturn(changes))] + "  " + info
        }
        buffer.write(info, x: area.x + 1, y: area.y + 1, width: area.width - 2, style: theme[.dim])
        // The last review step (a return's reason above all) on a line of its own.
        var bodyTop = area.y + 2
        if let event = document.reviewLog.last, area.height >= 8 {
            let text = strings[.review(.lastEvent(action: event.action, user: event.user,
                                                  time: context.environment.times.dateTime(event.time), comment: event.comment))]
            buffer.write(text.replacingOccurrences(of: "\n", with: " "), x: area.x + 1, y: bodyTop, width: area.width - 2,
                         style: document.status == .returned ? theme[.error] : theme[.header])
            bodyTop += 1
        }
        let body = Rect(x: area.x + 1, y: bodyTop, width: area.width - 2, height: area.maxY - 1 - bodyTop)
        switch section {
        case .header: drawHeader(document, into: &buffer, area: body, context: context)
        case .overallGoals: drawItems(document.overallGoals, into: &buffer, area: body, context: context)
        case .safeguards: drawItems(document.safeguards, into: &buffer, area: body, context: context)
        case .subGoals: drawSubGoals(document, into: &buffer, area: body, context: context)
        case .projects: drawProjects(session, into: &buffer, area: body, context: context)
        }
        if let cell = selectedCell(in: document),
           let line = CommentText.statusLine(document.openComments(on: cell), strings, times: context.environment.times) {
            buffer.write(line, x: area.x + 1, y: area.maxY - 1, width: area.width - 2, style: theme[.comment])
        } else {
            buffer.write(strings[hint], x: area.x + 1, y: area.maxY - 1, width: area.width - 2, style: theme[.dim])
        }
        if let editor { drawEditor(editor, into: &buffer, area: area, context: context) }
    }

    var hint: MessageID {
        switch section {
        case .header: .hintHeader
        case .overallGoals, .safeguards: .hintItems
        case .subGoals: .hintSubGoals
        case .projects: .hintProjects
        }
    }

    /// Row 0: the sections as tabs, the current one highlighted.
    func drawTabs(into buffer: inout Buffer, area: Rect, document: DepartmentDocument, context: ViewContext) {
        let theme = context.theme
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme[.header])
        var x = area.x + 1
        for candidate in Section.allCases {
            let count: Int? = switch candidate {
            case .header: nil
            case .overallGoals: document.overallGoals.count
            case .subGoals: document.subGoals.count
            case .safeguards: document.safeguards.count
            case .projects: document.projects.count
            }
            let label = " " + context.strings[candidate.title] + (count.map { "(\($0))" } ?? "") + " "
            x += buffer.write(label, x: x, y: area.y, maxWidth: max(0, area.maxX - x),
                              style: candidate == section ? theme[.selected] : theme[.header])
        }
    }

    private func drawHeader(_ document: DepartmentDocument, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let commented = document.commentedCells
        let strings = context.strings
        let labelWidth = 12
        for (i, field) in HeaderField.allCases.enumerated() where i < area.height {
            let value: String = switch field {
            case .unitCode: document.unitCode
            case .unitName: document.unitName
            case .fiscalYear: String(document.fiscalYear)
            case .moneyUnit: document.moneyUnit.rawValue
            case .framework: strings[.frameworkName(document.framework)]
            }
            let style = i == selectedRow ? theme[.selected] : theme[.text]
            buffer.write(strings[field.label], x: area.x, y: area.y + i, width: labelWidth, style: theme[.header])
            buffer.write(value, x: area.x + labelWidth + 1, y: area.y + i, width: area.width - labelWidth - 1, style: style)
            if commented.contains(.field(field.rawValue)) {
                buffer.write(CommentText.marker, x: area.x + labelWidth, y: area.y + i, style: theme[.comment])
            }
        }
        let extra = [(strings[.fieldID], document.id), (strings[.columnStatus], strings[.reviewStatus(document.status)])]
        for (offset, line) in extra.enumerated() {
            let y = area.y + HeaderField.allCases.count + 1 + offset
            guard y < area.maxY else { break }
            buffer.write(line.0, x: area.x, y: y, width: labelWidth, style: theme[.dim])
            buffer.write(line.1, x: area.x + labelWidth + 1, y: y, width: area.width - labelWidth - 1, style: theme[.dim])
        }
    }

    /// Numbered paragraphs, wrapped; the selected one highlighted and kept in view.
    private func drawItems(_ items: [TextItem], into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let commented = context.session?.document.commentedCells ?? []
        guard !items.isEmpty else {
            buffer.write(context.strings[.noItems], x: area.x, y: area.y, width: area.width, style: theme[.dim])
            return
        }
        let numberWidth = String(items.count).count + 2
        let textWidth = max(1, area.width - numberWidth)
        let wrapped = items.map { context.metrics.wrap($0.text, to: textWidth) }
        let selected = min(selectedRow, items.count - 1)
        // First item shown: as early as possible with the selected item still fully visible.
        var first = selected
        var used = wrapped[selected].count
        while first > 0, used + wrapped[first - 1].count <= area.height {
            first -= 1
            used += wrapped[first].count
        }
        if first > 0 || selected == items.count - 1 { first = max(0, first) }
        var y = area.y
        for index in first..<items.count {
            guard y < area.maxY else { break }
            let style = index == selected ? theme[.selected] : theme[.text]
            for (lineIndex, line) in wrapped[index].enumerated() {
                guard y < area.maxY else { break }
                let number = lineIndex == 0 ? "\(index + 1)." : ""
                buffer.write(context.metrics.pad(number, to: numberWidth), x: area.x, y: y, maxWidth: numberWidth,
                             style: theme[.header])
                buffer.write(line, x: area.x + numberWidth, y: y, width: textWidth, style: style)
                if lineIndex == 0, let list = section.textList,
                   commented.contains(CellPath.field(list).item(items[index].id).field("text")) {
                    buffer.write(CommentText.marker, x: area.x + numberWidth - 1, y: y, style: theme[.comment])
                }
                y += 1
            }
        }
    }

    private func drawSubGoals(_ document: DepartmentDocument, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let commented = document.commentedCells
        let strings = context.strings
        guard !document.subGoals.isEmpty else {
            buffer.write(strings[.noItems], x: area.x, y: area.y, width: area.width, style: theme[.dim])
            return
        }
        var table = Table(columns: [.init("#", width: 3, alignment: .right)]
            + Self.subGoalColumns.map { Table.Column(strings[$0.label], width: nil) })
        table.gap = 1
        table.drawHeader(into: &buffer, area: area, y: area.y, style: theme[.header])
        let selected = min(selectedRow, document.subGoals.count - 1)
        // Half the body for the grid, the rest shows the selected cell in full.
        let gridRows = max(1, min(document.subGoals.count, (area.height - 2) / 2))
        let first = max(0, selected - gridRows + 1)
        let widths = table.widths(total: area.width)
        for (row, index) in (first..<min(document.subGoals.count, first + gridRows)).enumerated() {
            let goal = document.subGoals[index]
            let y = area.y + 1 + row
            let cells = ["\(index + 1)", goal.title, goal.goal, goal.indicatorText]
                .map { $0.replacingOccurrences(of: "\n", with: " ") }
            table.drawRow(cells, into: &buffer, area: area, y: y, style: theme[.text])
            var cellX = area.x + widths[0] + table.gap
            for (i, (field, _)) in Self.subGoalColumns.enumerated() where i + 1 < widths.count {
                cellX += i == 0 ? 0 : widths[i] + table.gap
                if commented.contains(CellPath.field("subGoals").item(goal.id).field(field)) {
                    buffer.write(CommentText.marker, x: cellX + widths[i + 1] - 1, y: y, style: theme[.comment])
                }
            }
            if index == selected {
                // Highlight the selected cell only.
                var x = area.x
                for i in 0...(column + 1) where i < widths.count {
                    if i == column + 1 {
                        buffer.write(cells[i], x: x, y: y, width: widths[i], style: theme[.selected])
                    }
                    x += widths[i] + table.gap
                }
            }
        }
        let previewTop = area.y + 2 + gridRows
        guard previewTop < area.maxY else { return }
        let goal = document.subGoals[selected]
        let (field, label) = Self.subGoalColumns[column]
        let text = DocumentEditing.cellValue(at: CellPath.field("subGoals").item(goal.id).field(field), in: document)?.text ?? ""
        buffer.write(strings[.fieldLabel(strings[label])], x: area.x, y: previewTop, width: area.width, style: theme[.header])
        for (i, line) in context.metrics.wrap(text, to: area.width).enumerated() where previewTop + 1 + i < area.maxY {
            buffer.write(line, x: area.x, y: previewTop + 1 + i, width: area.width, style: theme[.text])
        }
    }

    private func drawProjects(_ session: DocumentSession, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let document = session.document
        let table = Table(columns: [
            .init(strings[.columnProjectCode], width: 18), .init(strings[.columnProjectName], width: nil),
            .init(strings[.columnProjectBudget], width: 9, alignment: .right),
            .init(strings[.columnFiscalFunds], width: 9, alignment: .right),
            .init(strings[.columnOtherFunds], width: 8, alignment: .right),
            .init(strings[.columnIndicatorCount], width: 4, alignment: .right),
            .init(strings[.columnFindings], width: 5, alignment: .right),
        ])
        table.drawHeader(into: &buffer, area: area, y: area.y, style: theme[.header])
        guard !document.projects.isEmpty else {
            buffer.write(strings[.noProjects], x: area.x, y: area.y + 1, width: area.width, style: theme[.dim])
            return
        }
        let visible = max(1, area.height - 2)
        let selected = min(selectedRow, document.projects.count - 1)
        let commentedProjects = Set(document.commentedCells.compactMap(\.projectID))
        let first = max(0, selected - visible + 1)
        func amount(_ value: Amount?) -> String { value?.description ?? "" }
        for (row, index) in (first..<min(document.projects.count, first + visible)).enumerated() {
            let project = document.projects[index]
            let counts = FindingCounts(session.findings(forProject: project.id))
            let cells = [project.code, project.name, amount(project.budget), amount(project.fiscalFunds),
                         amount(project.otherFunds), String(project.indicators.count), "\(counts.errors)/\(counts.warnings)"]
            table.drawRow(cells, into: &buffer, area: area, y: area.y + 1 + row,
                          style: index == selected ? theme[.selected] : theme[.text])
            if commentedProjects.contains(project.id) {
                // In the gap after the code column: a project code fills all 18 columns, and a mark
                // on its last one would hide a digit.
                buffer.write(CommentText.marker, x: area.x + 18, y: area.y + 1 + row, style: theme[.comment])
            }
        }
        let fiscal = document.projects.compactMap(\.fiscalFunds).sum()
        let other = document.projects.compactMap(\.otherFunds).sum()
        let total = [strings[.totalRow], document.moneyUnit.rawValue, document.totalBudget.description, fiscal.description,
                     other.description, String(document.indicatorCount), ""]
        table.drawRow(total, into: &buffer, area: area, y: area.maxY - 1, style: theme[.header])
    }

    /// The field editor: a box over the lower part of the content area, with the keys that
    /// commit and break lines always shown.
    private func drawEditor(_ editor: FieldEditor, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let height = min(area.height, max(6, area.height / 2 + 1))
        let box = Rect(x: area.x, y: area.maxY - height, width: area.width, height: height)
        let inner = buffer.drawBox(box, title: editor.title, style: theme[.dialog], titleStyle: theme[.dialogTitle])
        guard inner.height >= 2 else { return }
        let width = Self.editorWidth(area.width)
        let textRows = inner.height - 1
        let view = editor.area.viewport(width: width, height: textRows)
        buffer.fill(Rect(x: inner.x, y: inner.y, width: inner.width, height: textRows), style: theme[.input])
        for (i, line) in view.lines.enumerated() {
            buffer.write(line, x: inner.x + 1, y: inner.y + i, maxWidth: width, style: theme[.input])
        }
        let hint: MessageID = Self.list(of: editor.target) != nil ? .editorHintListItem
            : editor.area.allowsLineBreaks ? .editorHintMultiLine : .editorHintOneLine
        buffer.write(context.strings[hint], x: inner.x + 1, y: inner.maxY - 1, width: inner.width - 2, style: theme[.dim])
        buffer.cursor = Buffer.Position(x: inner.x + 1 + view.cursorColumn, y: inner.y + view.cursorRow)
    }
}
