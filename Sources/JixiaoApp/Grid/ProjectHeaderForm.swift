import JixiaoModel

/// The project's header fields above the grid: 项目编码, 项目名称, 预算数 = 财政资金 + 其他资金
/// with a live check, 资金用途 as paragraphs, 资金支出计划 (mode and four checkpoints, with a bar
/// chart of the cumulative plan) and 绩效目标 as ordered items.
///
/// With the focus on the grid the header is a two-line summary; with the focus on it, it is a
/// form of one field per line (scrolling when the terminal is short). Like the grid, it returns
/// `[CellEdit]` and never changes the document itself.
public struct ProjectHeaderForm: Sendable {
    public enum Field: Hashable, Sendable {
        case code, name, budget, fiscalFunds, otherFunds
        /// A paragraph of 资金用途 by index (paragraphs are the lines of `purpose`).
        case purpose(Int)
        case planMode
        case checkpoint(SpendingPlan.Checkpoint)
        /// A goal by id; `nil` is a goal being added: the "new goal" line shown when there are
        /// none, or the new goal typed after `adding`'s goal.
        case goal(String?)
        /// A paragraph of 资金用途 being added after paragraph `after`, not in the document yet.
        case newParagraph(after: Int)
    }

    /// A goal or paragraph being typed that is not in the document yet: inserted when it is
    /// committed with text, forgotten on Esc or when committed empty, so an abandoned new item
    /// leaves nothing behind (no empty goal, no undo step, nothing journaled).
    public enum NewItem: Hashable, Sendable {
        case goal(after: String?)
        case paragraph(after: Int)
    }

    public let projectID: String
    public private(set) var selection = 0
    public private(set) var editor: LineEditor?
    /// The new item being typed; only while `editor` is open.
    public private(set) var adding: NewItem?
    var scroll = 0
    public var metrics: TextMetrics

    public init(projectID: String, metrics: TextMetrics = TextMetrics()) {
        self.projectID = projectID
        self.metrics = metrics
    }

    public var isEditing: Bool { editor != nil }

    /// The fields of `project`, in form order.
    public static func fields(of project: Project) -> [Field] {
        var fields: [Field] = [.code, .name, .budget, .fiscalFunds, .otherFunds]
        let paragraphs = paragraphs(of: project.purpose)
        fields += paragraphs.indices.map { Field.purpose($0) }
        fields.append(.planMode)
        fields += SpendingPlan.Checkpoint.allCases.map { Field.checkpoint($0) }
        fields += project.goals.isEmpty ? [.goal(nil)] : project.goals.map { Field.goal($0.id) }
        return fields
    }

    static func paragraphs(of purpose: String) -> [String] {
        purpose.isEmpty ? [""] : purpose.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The fields as the form shows them: the document's, with the new item being typed.
    public func fields(in project: Project) -> [Field] {
        var fields = Self.fields(of: project)
        switch adding {
        case .goal(let after?)?:
            if let index = fields.firstIndex(of: .goal(after)) { fields.insert(.goal(nil), at: index + 1) }
        case .paragraph(let after)?:
            if let index = fields.firstIndex(of: .purpose(after)) { fields.insert(.newParagraph(after: after), at: index + 1) }
        case .goal(nil)?, nil:
            break
        }
        return fields
    }

    public func selectedField(in project: Project) -> Field {
        let fields = fields(in: project)
        return fields[min(selection, fields.count - 1)]
    }

    /// Whether `field` is an item of a list (a 资金用途 paragraph or a goal): Enter on the last
    /// one continues with a new one, and a multi-line paste becomes one item per line.
    public static func isListItem(_ field: Field) -> Bool {
        switch field {
        case .purpose, .newParagraph, .goal: true
        default: false
        }
    }

    /// The text a field shows and edits.
    public static func text(of field: Field, in project: Project) -> String {
        switch field {
        case .code: project.code
        case .name: project.name
        case .budget: project.budget?.description ?? ""
        case .fiscalFunds: project.fiscalFunds?.description ?? ""
        case .otherFunds: project.otherFunds?.description ?? ""
        case .purpose(let i):
            paragraphs(of: project.purpose).indices.contains(i) ? paragraphs(of: project.purpose)[i] : ""
        case .planMode: project.spendingPlan.mode.rawValue
        case .checkpoint(let c): project.spendingPlan[c]?.description ?? ""
        case .goal(let id): id.flatMap { id in project.goals.first { $0.id == id }?.text } ?? ""
        case .newParagraph: ""
        }
    }

    // MARK: Moving

    public mutating func move(by delta: Int, in project: Project) {
        let count = fields(in: project).count
        selection = max(0, min(count - 1, selection + delta))
    }

    /// Down or Tab on the last goal: a new goal after it, being typed (Esc takes it away again).
    /// False when the selection is not on the last goal.
    public mutating func addGoalAfterLast(in project: Project) -> Bool {
        let fields = fields(in: project)
        guard case .goal(let id?) = fields[min(selection, fields.count - 1)], id == project.goals.last?.id else {
            return false
        }
        startNewItem(.goal(after: id), at: min(selection, fields.count - 1) + 1)
        return true
    }

    /// Selects the field a finding points at (a header cell of this project).
    @discardableResult
    public mutating func select(path: CellPath, in project: Project) -> Bool {
        let fields = Self.fields(of: project)
        let c = path.components
        guard c.count >= 3, case .field(let name) = c[2] else { return false }
        let wanted: Field?
        switch name {
        case "code": wanted = .code
        case "name": wanted = .name
        case "budget": wanted = .budget
        case "fiscalFunds": wanted = .fiscalFunds
        case "otherFunds": wanted = .otherFunds
        case "purpose": wanted = .purpose(0)
        case "spendingPlan":
            if let last = path.lastField, let checkpoint = SpendingPlan.Checkpoint(rawValue: last) {
                wanted = .checkpoint(checkpoint)
            } else {
                wanted = .checkpoint(.march)
            }
        case "goals":
            if c.count >= 4, case .item(let id) = c[3] { wanted = .goal(id) } else { wanted = fields.first { if case .goal = $0 { true } else { false } } }
        default: wanted = nil
        }
        guard let wanted, let index = fields.firstIndex(of: wanted) else { return false }
        editor = nil
        adding = nil
        selection = index
        return true
    }

    // MARK: Editing

    public mutating func beginEdit(in project: Project, replacingWith typed: String? = nil) {
        let field = selectedField(in: project)
        if field == .planMode { return }
        editor = LineEditor(typed ?? Self.text(of: field, in: project), metrics: metrics)
    }

    public mutating func editKey(_ key: KeyEvent) -> Bool {
        guard editor != nil else { return false }
        return editor!.handle(key)
    }

    public mutating func insertText(_ text: String) { editor?.insert(text) }

    /// Esc: the old text stays; a new item being typed is taken away, the selection back on the
    /// item it was to follow.
    public mutating func cancelEdit() {
        editor = nil
        if isAddingPhantom { selection = max(0, selection - 1) }
        adding = nil
    }

    /// Whether the new item is a line of its own in `fields(in:)` (not the "new goal" line an
    /// empty goal list always has).
    private var isAddingPhantom: Bool {
        switch adding {
        case .goal(_?)?, .paragraph?: true
        case .goal(nil)?, nil: false
        }
    }

    private mutating func startNewItem(_ item: NewItem, at index: Int) {
        adding = item
        selection = index
        editor = LineEditor("", metrics: metrics)
    }

    /// Why a commit was refused: the text, and what is wrong with it.
    public enum CommitError: Error, Hashable, Sendable {
        /// An amount field (预算数, 财政资金, 其他资金, a checkpoint in amount mode).
        case invalidAmount(String, TypedAmount.Failure)
        /// A checkpoint in percent mode.
        case invalidPercent(String, TypedAmount.Failure)
    }

    /// How an edit ends: Enter, or a move up or down.
    public enum CommitMove: Hashable, Sendable { case enter, up, down, stay }

    /// Ends editing: the edits for the new text, or an error (an amount that does not read),
    /// in which case editing goes on. Then the selection moves (`move`); Enter on the last item
    /// of a list with text in it continues with a new empty item, being typed.
    /// `unit` is the document's money unit, which a typed unit must match.
    public mutating func commitEdit(in project: Project, unit: MoneyUnit, move: CommitMove = .stay,
                                    makeID: () -> String = { StableID.make(prefix: "t") }) -> Result<[CellEdit], CommitError> {
        guard let editor else { return .success([]) }
        let fields = fields(in: project)
        let index = min(selection, fields.count - 1)
        let field = fields[index]
        let text = editor.text
        // Down on an empty new goal at the end of the form: there is nothing below, so it stays
        // (rather than vanishing and coming back on the next Down).
        if move == .down, isAddingPhantom, index == fields.count - 1, text.trimmingCharacters(in: .whitespaces).isEmpty {
            return .success([])
        }
        var newGoalID: String?
        let result = edits(setting: field, to: text, in: project, unit: unit, makeID: {
            let id = makeID()
            newGoalID = id
            return id
        })
        guard case .success = result else { return result }
        self.editor = nil
        let hasText = !text.trimmingCharacters(in: .whitespaces).isEmpty
        // An empty new item is gone once committed: the fields after it move up by one.
        let dropped = isAddingPhantom && !hasText
        adding = nil
        if move == .enter, hasText, let next = continuation(of: field, in: project, newGoalID: newGoalID) {
            startNewItem(next, at: index + 1)
            return result
        }
        let target: Int
        switch move {
        case .up: target = index - 1
        case .down, .enter: target = dropped ? index : index + 1
        case .stay: target = dropped ? index - 1 : index
        }
        selection = max(0, min(fields.count - (dropped ? 1 : 0) - 1, target))
        return result
    }

    /// The new item that follows `field` when it is the last of its list.
    private func continuation(of field: Field, in project: Project, newGoalID: String?) -> NewItem? {
        let paragraphs = Self.paragraphs(of: project.purpose).count
        switch field {
        case .purpose(let i) where i == paragraphs - 1: return .paragraph(after: i)
        case .newParagraph(let after) where after == paragraphs - 1: return .paragraph(after: after + 1)
        case .goal(let id?) where id == project.goals.last?.id: return .goal(after: id)
        case .goal(nil):
            // A new goal is inserted after the one `adding` named, or last when there were none.
            guard let newGoalID else { return nil }
            return .goal(after: newGoalID)
        default: return nil
        }
    }

    /// A multi-line paste on a list item: the first line goes where the cursor is (into the
    /// text being typed, or the selected item when it is empty), every further line becomes a
    /// new item after it. All of it is one undo step; the selection lands on the last line's
    /// item. Blank lines are left out.
    public mutating func pasteLines(_ lines: [String], in project: Project,
                                    makeID: () -> String = { StableID.make(prefix: "t") }) -> [CellEdit] {
        let fields = fields(in: project)
        let index = min(selection, fields.count - 1)
        let field = fields[index]
        var lines = PastedText.nonBlank(lines)
        guard Self.isListItem(field), !lines.isEmpty else { return [] }
        // The selected item's own text: what is being typed with the first line at the cursor,
        // or, when not editing, its text if it has any (the lines then all become new items).
        var first: String
        if let editor {
            var line = editor
            line.insert(lines.removeFirst())
            first = line.text
        } else {
            first = Self.text(of: field, in: project)
            if first.trimmingCharacters(in: .whitespaces).isEmpty { first = lines.removeFirst() }
        }
        var added = 0
        var edits: [CellEdit] = []
        switch field {
        case .purpose, .newParagraph:
            var paragraphs = Self.paragraphs(of: project.purpose)
            var at: Int
            switch field {
            case .purpose(let i): paragraphs[i] = first; at = i + 1
            case .newParagraph(let after):
                if !first.isEmpty { paragraphs.insert(first, at: after + 1); added += 1 }
                at = after + 1 + (first.isEmpty ? 0 : 1)
            default: return []
            }
            paragraphs.insert(contentsOf: lines, at: at)
            added += lines.count
            let joined = paragraphs.joined(separator: "\n")
            if joined != project.purpose { edits.append(.set(CellPath.project(projectID, "purpose"), .text(joined))) }
        case .goal(let id):
            let list = CellPath.project(projectID, "goals")
            var after: String?
            if let id {
                let old = project.goals.first { $0.id == id }?.text ?? ""
                if old != first { edits.append(.set(list.item(id).field("text"), .text(first))) }
                after = id
            } else {
                if case .goal(let previous)? = adding { after = previous } else { after = project.goals.last?.id }
                lines.insert(first, at: 0)
            }
            for line in lines {
                let item = TextItem(id: makeID(), text: line)
                edits.append(.insert(list: list, item: DocumentTree.item(item), after: after))
                after = item.id
                added += 1
            }
        default:
            return []
        }
        editor = nil
        adding = nil
        // Each added item is a field of its own; a new item's line became the first of them.
        let wasNewLine: Bool = switch field {
        case .goal(nil), .newParagraph: true
        default: false
        }
        selection = max(0, index + added - (wasNewLine ? 1 : 0))
        return edits
    }

    /// Delete on a field: blank it.
    public func clear(in project: Project) -> [CellEdit] {
        let field = selectedField(in: project)
        guard field != .planMode else { return [] }
        // A blank needs no unit.
        return (try? edits(setting: field, to: "", in: project, unit: .tenThousandYuan).get()) ?? []
    }

    /// Space / Enter on the plan mode: percent ↔ amount.
    public func toggleMode(in project: Project) -> [CellEdit] {
        let next: SpendingPlan.Mode = project.spendingPlan.mode == .percent ? .amount : .percent
        return [.set(CellPath.project(projectID, "spendingPlan").field("mode"), .text(next.rawValue))]
    }

    /// Alt-N: a new paragraph after the selected one, or a new goal after the selected one,
    /// being typed; nothing is in the document until it is committed with text. False when the
    /// selection is not on a list.
    public mutating func addItem(in project: Project) -> Bool {
        let fields = fields(in: project)
        let index = min(selection, fields.count - 1)
        switch fields[index] {
        case .purpose(let i): startNewItem(.paragraph(after: i), at: index + 1)
        case .goal(let id?): startNewItem(.goal(after: id), at: index + 1)
        case .goal(nil): startNewItem(.goal(after: nil), at: index)
        default: return false
        }
        return true
    }

    /// Alt-D: deletes the selected paragraph or goal.
    public func deleteItem(in project: Project) -> [CellEdit] {
        switch selectedField(in: project) {
        case .purpose(let i):
            var paragraphs = Self.paragraphs(of: project.purpose)
            guard paragraphs.indices.contains(i) else { return [] }
            paragraphs.remove(at: i)
            return [.set(CellPath.project(projectID, "purpose"), .text(paragraphs.joined(separator: "\n")))]
        case .goal(let id?):
            return [.delete(CellPath.project(projectID, "goals").item(id))]
        default:
            return []
        }
    }

    func edits(setting field: Field, to text: String, in project: Project, unit: MoneyUnit,
               makeID: () -> String = { StableID.make(prefix: "t") }) -> Result<[CellEdit], CommitError> {
        let blank = text.trimmingCharacters(in: .whitespaces).isEmpty
        func number(_ path: CellPath, _ old: Amount?, percent: Bool) -> Result<[CellEdit], CommitError> {
            if blank { return .success(old == nil ? [] : [.set(path, .blank)]) }
            let read = percent ? TypedAmount.percent(text) : TypedAmount.amount(text, unit: unit)
            switch read {
            case .failure(let failure):
                return .failure(percent ? .invalidPercent(text, failure) : .invalidAmount(text, failure))
            case .success(let value):
                if let old, old.description == value.description { return .success([]) }
                return .success([.set(path, .text(value.description))])
            }
        }
        func plain(_ path: CellPath, _ old: String) -> Result<[CellEdit], CommitError> {
            .success(old == text ? [] : [.set(path, .text(text))])
        }
        func purpose(_ paragraphs: [String]) -> Result<[CellEdit], CommitError> {
            let joined = paragraphs.joined(separator: "\n")
            return .success(joined == project.purpose ? [] : [.set(CellPath.project(projectID, "purpose"), .text(joined))])
        }
        switch field {
        case .code: return plain(CellPath.project(projectID, "code"), project.code)
        case .name: return plain(CellPath.project(projectID, "name"), project.name)
        case .budget: return number(CellPath.project(projectID, "budget"), project.budget, percent: false)
        case .fiscalFunds: return number(CellPath.project(projectID, "fiscalFunds"), project.fiscalFunds, percent: false)
        case .otherFunds: return number(CellPath.project(projectID, "otherFunds"), project.otherFunds, percent: false)
        case .purpose(let i):
            var paragraphs = Self.paragraphs(of: project.purpose)
            guard paragraphs.indices.contains(i) else { return .success([]) }
            paragraphs[i] = text
            return purpose(paragraphs)
        case .newParagraph(let after):
            var paragraphs = Self.paragraphs(of: project.purpose)
            guard !blank, after < paragraphs.count else { return .success([]) }
            paragraphs.insert(text, at: after + 1)
            return purpose(paragraphs)
        case .planMode: return .success([])
        case .checkpoint(let c):
            return number(CellPath.project(projectID, "spendingPlan").field(c.rawValue), project.spendingPlan[c],
                          percent: project.spendingPlan.mode == .percent)
        case .goal(let id?):
            let old = project.goals.first { $0.id == id }?.text ?? ""
            return plain(CellPath.project(projectID, "goals").item(id).field("text"), old)
        case .goal(nil):
            guard !blank else { return .success([]) }
            // After the goal it was added to follow; last if that goal went away meanwhile.
            var after = project.goals.last?.id
            if case .goal(let previous?)? = adding, project.goals.contains(where: { $0.id == previous }) { after = previous }
            let item = TextItem(id: makeID(), text: text)
            return .success([.insert(list: CellPath.project(projectID, "goals"), item: DocumentTree.item(item), after: after)])
        }
    }
}
