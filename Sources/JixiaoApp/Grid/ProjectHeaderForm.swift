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
        /// A goal by id; `nil` is the "new goal" line shown when there are none.
        case goal(String?)
    }

    public let projectID: String
    public private(set) var selection = 0
    public private(set) var editor: LineEditor?
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

    public func selectedField(in project: Project) -> Field {
        let fields = Self.fields(of: project)
        return fields[min(selection, fields.count - 1)]
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
        }
    }

    // MARK: Moving

    public mutating func move(by delta: Int, in project: Project) {
        let count = Self.fields(of: project).count
        selection = max(0, min(count - 1, selection + delta))
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

    public mutating func cancelEdit() { editor = nil }

    /// Why a commit was refused.
    public enum CommitError: Error, Hashable, Sendable {
        case invalidAmount(String)
    }

    /// Ends editing: the edits for the new text, or an error (an amount that does not read),
    /// in which case editing goes on.
    public mutating func commitEdit(in project: Project,
                                    makeID: () -> String = { StableID.make(prefix: "t") }) -> Result<[CellEdit], CommitError> {
        guard let editor else { return .success([]) }
        let result = edits(setting: selectedField(in: project), to: editor.text, in: project, makeID: makeID)
        if case .success = result { self.editor = nil }
        return result
    }

    /// Delete on a field: blank it.
    public func clear(in project: Project) -> [CellEdit] {
        let field = selectedField(in: project)
        guard field != .planMode else { return [] }
        return (try? edits(setting: field, to: "", in: project).get()) ?? []
    }

    /// Space / Enter on the plan mode: percent ↔ amount.
    public func toggleMode(in project: Project) -> [CellEdit] {
        let next: SpendingPlan.Mode = project.spendingPlan.mode == .percent ? .amount : .percent
        return [.set(CellPath.project(projectID, "spendingPlan").field("mode"), .text(next.rawValue))]
    }

    /// Alt-N: a new paragraph after the selected one, or a new goal after the selected one.
    public mutating func addItem(in project: Project, makeID: () -> String = { StableID.make(prefix: "t") }) -> [CellEdit] {
        switch selectedField(in: project) {
        case .purpose(let i):
            var paragraphs = Self.paragraphs(of: project.purpose)
            paragraphs.insert("", at: i + 1)
            selection += 1
            return [.set(CellPath.project(projectID, "purpose"), .text(paragraphs.joined(separator: "\n")))]
        case .goal(let id):
            let item = TextItem(id: makeID(), text: "")
            if id != nil { selection += 1 }
            return [.insert(list: CellPath.project(projectID, "goals"), item: DocumentTree.item(item), after: id)]
        default:
            return []
        }
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

    func edits(setting field: Field, to text: String, in project: Project,
               makeID: () -> String = { StableID.make(prefix: "t") }) -> Result<[CellEdit], CommitError> {
        func amount(_ path: CellPath, _ old: Amount?) -> Result<[CellEdit], CommitError> {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty { return .success(old == nil ? [] : [.set(path, .blank)]) }
            guard let value = Amount(typed: trimmed) else { return .failure(.invalidAmount(text)) }
            if let old, old.description == value.description { return .success([]) }
            return .success([.set(path, .text(value.description))])
        }
        func plain(_ path: CellPath, _ old: String) -> Result<[CellEdit], CommitError> {
            .success(old == text ? [] : [.set(path, .text(text))])
        }
        switch field {
        case .code: return plain(CellPath.project(projectID, "code"), project.code)
        case .name: return plain(CellPath.project(projectID, "name"), project.name)
        case .budget: return amount(CellPath.project(projectID, "budget"), project.budget)
        case .fiscalFunds: return amount(CellPath.project(projectID, "fiscalFunds"), project.fiscalFunds)
        case .otherFunds: return amount(CellPath.project(projectID, "otherFunds"), project.otherFunds)
        case .purpose(let i):
            var paragraphs = Self.paragraphs(of: project.purpose)
            guard paragraphs.indices.contains(i) else { return .success([]) }
            paragraphs[i] = text
            let joined = paragraphs.joined(separator: "\n")
            return .success(joined == project.purpose ? [] : [.set(CellPath.project(projectID, "purpose"), .text(joined))])
        case .planMode: return .success([])
        case .checkpoint(let c):
            return amount(CellPath.project(projectID, "spendingPlan").field(c.rawValue), project.spendingPlan[c])
        case .goal(let id?):
            let old = project.goals.first { $0.id == id }?.text ?? ""
            return plain(CellPath.project(projectID, "goals").item(id).field("text"), old)
        case .goal(nil):
            guard !text.isEmpty else { return .success([]) }
            let item = TextItem(id: makeID(), text: text)
            return .success([.insert(list: CellPath.project(projectID, "goals"), item: DocumentTree.item(item), after: nil)])
        }
    }
}
