import JixiaoModel
import JixiaoStore

/// The editing session of one open department: the revision it was loaded from, the document
/// as edited, undo and redo, the unsaved flag and the validation findings. It lives in the
/// app core (`App.session`), not in a screen, so the department screen and the project screen
/// pushed above it edit the same document with one undo history.
///
/// Every change goes through `apply(_:label:)`, which updates the document, records the
/// inverse for undo and returns the effect that journals the edits at once (a draft survives
/// a crash or a dropped SSH connection). The session performs no I/O.
public struct DocumentSession: Sendable {
    /// The stored revision the edits are based on; a save names `base.revision`.
    public private(set) var base: StoredDocument
    /// The document with every applied edit.
    public private(set) var document: DepartmentDocument
    /// Others who had the department open when it was opened (never this process).
    public var others: [PresenceEntry]

    /// One user action: its edits and the edits that undo them (in the order to apply them).
    public struct EditGroup: Sendable, Hashable {
        public var label: String
        public var edits: [CellEdit]
        public var inverse: [CellEdit]
    }

    public private(set) var undoStack: [EditGroup] = []
    public private(set) var redoStack: [EditGroup] = []
    /// True once the draft journal holds this base: later journal effects only append.
    public private(set) var journalBegun = false
    /// True after a journal write failed, until a rewrite of the whole journal succeeds: the
    /// journal on disk may miss edits or end in a torn line, so it is not appended to.
    public private(set) var journalBehind = false
    /// Every edit journaled since `journalBase`, in order: what the journal holds when it is
    /// whole, and what a rewrite writes again after a failed write.
    private var journaled: [CellEdit] = []
    /// What a new draft journal starts from: the base, or after a merge the merged document
    /// on their revision (so the journal replays to what the user sees).
    private var journalBase: StoredDocument

    /// My document as it was before the last merge: where an item I deleted is looked up
    /// when the user keeps my side of a conflict on it.
    private var mineBeforeMerge: DepartmentDocument?

    private var departmentFindings: [Finding] = []
    private var projectFindings: [String: [Finding]] = [:]
    /// Per project, the row-local findings of the last validation: a committed cell re-checks
    /// its own row and the project-level aggregates, not every row (docs/performance.md).
    private var rowCaches: [String: RowFindingsCache] = [:]

    public init(stored: StoredDocument, others: [PresenceEntry] = []) {
        self.base = stored
        self.journalBase = stored
        self.document = stored.document
        self.others = others
        revalidateAll()
    }

    public var id: String { document.id }

    /// True while the document differs from the stored revision it is based on. Arrays that
    /// were not edited share storage with the base, so the comparison is cheap.
    public var isDirty: Bool { document != base.document }

    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }

    // MARK: Editing

    /// Applies `edits` as one undoable step and returns the effect that journals them. Throws
    /// (changing nothing) when an edit does not fit the document.
    @discardableResult
    public mutating func apply(_ edits: [CellEdit], label: String) throws -> AppEffect {
        let inverse = try perform(edits)
        undoStack.append(EditGroup(label: label, edits: edits, inverse: inverse))
        redoStack.removeAll()
        return journalEffect(edits)
    }

    /// Applies `edits` that are a record rather than content (a comment, a resolution, a
    /// review step) and returns the effect that journals them. Not undoable: once saved, a
    /// comment can never be taken back (`ReviewGuard`), so Ctrl-Z does not offer to.
    @discardableResult
    public mutating func record(_ edits: [CellEdit]) throws -> AppEffect {
        _ = try perform(edits)
        return journalEffect(edits)
    }

    /// Undoes the last step; nil when there is nothing to undo. The inverse edits are
    /// journaled like any others, so replaying the journal gives the undone document.
    ///
    /// A review log entry already saved is never taken back (the log only grows, and the
    /// store refuses a save that shrinks it): undoing the first edit after a return, once
    /// saved, undoes the content but leaves the reopen entry and the draft status.
    public mutating func undo() -> (label: String, effect: AppEffect)? {
        guard var group = undoStack.popLast() else { return nil }
        let saved = Set(base.document.reviewLog.map(\.id))
        if group.inverse.contains(where: { Self.deletesLogEntry($0, in: saved) }) {
            group.inverse = group.inverse.filter(Self.isContentEdit)
            group.edits = group.edits.filter(Self.isContentEdit)
        }
        do {
            _ = try perform(group.inverse)
        } catch {
            preconditionFailure("undo of \(group.label) failed: \(error)")
        }
        redoStack.append(group)
        return (group.label, journalEffect(group.inverse))
    }

    public mutating func redo() -> (label: String, effect: AppEffect)? {
        guard let group = redoStack.popLast() else { return nil }
        do {
            _ = try perform(group.edits)
        } catch {
            preconditionFailure("redo of \(group.label) failed: \(error)")
        }
        undoStack.append(group)
        return (group.label, journalEffect(group.edits))
    }

    /// Applies `edits` in order and returns their combined inverse; on failure the document
    /// is left as it was.
    private mutating func perform(_ edits: [CellEdit]) throws -> [CellEdit] {
        var working = document
        var inverse: [CellEdit] = []
        for edit in edits {
            inverse.append(try DocumentEditing.apply(edit, to: &working))
        }
        let before = document
        document = working
        revalidate(after: edits, previous: before)
        return inverse.reversed()
    }

    /// The journal effect after `edits` were applied. The journal stands for the net
    /// difference from the stored revision: back at the stored document (undo to the saved
    /// state), there is nothing to recover and the journal is removed, not appended to. After
    /// a failed write the whole journal is written again, so no committed edit is missing.
    private mutating func journalEffect(_ edits: [CellEdit]) -> AppEffect {
        if document == base.document {
            resetJournal(on: base)
            journalBehind = false
            return .discardDraft(id: id)
        }
        journaled += edits
        if journalBehind { return rewriteEffect() }
        let begins = !journalBegun
        journalBegun = true
        return .journalEdits(DraftEdits(base: journalBase, edits: edits, beginsJournal: begins))
    }

    /// Writes the whole journal again: its base, then every edit since.
    private mutating func rewriteEffect() -> AppEffect {
        journalBegun = true
        return .journalEdits(DraftEdits(base: journalBase, edits: journaled, beginsJournal: true, repairs: true))
    }

    /// The effect that makes a journal that is behind whole again without a new edit (nil
    /// when it is not behind): the rewrite, or the discard when nothing differs any more.
    public mutating func repairJournal() -> AppEffect? {
        guard journalBehind else { return nil }
        if document == base.document {
            resetJournal(on: base)
            journalBehind = false
            return .discardDraft(id: id)
        }
        return rewriteEffect()
    }

    /// The next journal effect starts a fresh journal on `newBase`.
    private mutating func resetJournal(on newBase: StoredDocument) {
        journalBase = newBase
        journalBegun = false
        journaled = []
    }

    /// A journal write failed (disk full, permission, connection): until a later write of
    /// the whole journal succeeds, `journalBehind` says the draft is not safe.
    public mutating func journalWriteFailed() {
        journalBehind = true
    }

    /// The rewrite after a failure succeeded: the journal holds every edit again.
    public mutating func journalRepaired() {
        journalBehind = false
    }

    /// The last journaled edit's cell: where the user was working.
    public var lastJournaledPath: CellPath? { journaled.last.map(\.listOrItemPath) }

    // MARK: Review steps

    /// Whether `edit` changes the content, as opposed to the review status, log or comments
    /// (which reviewers change on documents they may not edit).
    public static func isContentEdit(_ edit: CellEdit) -> Bool {
        guard case .field(let name)? = edit.listOrItemPath.components.first else { return true }
        return !["status", "reviewLog", "comments"].contains(name)
    }

    static func deletesLogEntry(_ edit: CellEdit, in ids: Set<String>) -> Bool {
        guard case .delete(let path) = edit, path.components.first == .field("reviewLog"),
              case .item(let id)? = path.components.last else { return false }
        return ids.contains(id)
    }

    /// The edits turning `old`'s review status and log into `new`'s: the status, then each
    /// log entry `new` adds (the log only grows).
    public static func reviewEdits(from old: DepartmentDocument, to new: DepartmentDocument) -> [CellEdit] {
        var edits: [CellEdit] = []
        if old.status != new.status { edits.append(.set(.field("status"), .text(new.status.rawValue))) }
        var previous = old.reviewLog.last?.id
        for event in new.reviewLog.dropFirst(old.reviewLog.count) {
            edits.append(.insert(list: .field("reviewLog"), item: DocumentTree.item(event), after: previous))
            previous = event.id
        }
        return edits
    }

    /// Whether every edit of `group` is a review step's (status and log only).
    static func isReviewStep(_ group: EditGroup) -> Bool { !group.edits.contains(where: isContentEdit) }

    // MARK: Saving and merging

    /// The effect that saves the document against the base revision.
    public var saveEffect: AppEffect { .saveDepartment(document, baseRevision: base.revision) }

    /// Records a successful save: the saved document becomes the base, the journal is
    /// finished (the executable discards it). Undo history is kept.
    ///
    /// A review step is undoable only until it is saved: then it is part of the log, which only
    /// grows, so its undo (and redo) entries go.
    public mutating func didSave(_ saved: DepartmentDocument, revision: Int, savedBy: SaverIdentity?, savedAt: String?) {
        undoStack.removeAll(where: Self.isReviewStep)
        redoStack.removeAll(where: Self.isReviewStep)
        base = StoredDocument(document: saved, revision: revision, savedBy: savedBy, savedAt: savedAt)
        resetJournal(on: base)
        // Saved: nothing is left for a journal to keep, whatever happened to the last write.
        journalBehind = false
    }

    /// Merges the edits of this session with `theirs`, a newer stored revision. The merged
    /// document (conflicted cells keep mine) becomes the current document on `theirs` as base;
    /// the conflicts are returned for the user to decide. Undo history is cleared: its inverses
    /// were computed on the old base.
    public mutating func merge(with theirs: StoredDocument) -> DocumentMerge {
        let merge = DocumentMerge(base: base.document, mine: document, theirs: theirs.document)
        mineBeforeMerge = document
        base = theirs
        document = merge.merged
        undoStack.removeAll()
        redoStack.removeAll()
        resetJournal(on: StoredDocument(document: document, revision: theirs.revision))
        revalidateAll()
        return merge
    }

    /// Takes their value for the given conflicts (after `merge(with:)`); a conflict whose cell
    /// is gone on their side deletes the item. Not an undoable step: the choice is part of the
    /// merge, and a fresh journal then starts from the result.
    public mutating func takeTheirs(_ conflicts: [DocumentMerge.Conflict]) throws {
        try resolve(conflicts, takeTheirs: conflicts.map { _ in true })
    }

    /// Applies the user's choice for each conflict of the last merge (`takeTheirs[i]` for
    /// `conflicts[i]`). The merged document already holds mine where both sides have the
    /// cell; what remains is their values, and the deletions: an item they deleted when I take
    /// theirs, an item I deleted when I keep mine.
    public mutating func resolve(_ conflicts: [DocumentMerge.Conflict], takeTheirs choices: [Bool]) throws {
        var edits: [CellEdit] = []
        let theirTree = DocumentTree(base.document)
        let mineTree = DocumentTree(mineBeforeMerge ?? document)
        let current = DocumentTree(document)
        var deleted = Set<CellPath>()
        func deleteItem(_ item: CellPath) {
            guard !deleted.contains(item), current.node(at: item) != nil else { return }
            deleted.insert(item)
            edits.append(.delete(item))
        }
        for (conflict, theirs) in zip(conflicts, choices) {
            let side = theirs ? conflict.theirs : conflict.mine
            guard let value = side else {
                // That side deleted the item holding this cell.
                if let item = Self.itemPath(containing: conflict.path, in: theirs ? theirTree : mineTree) { deleteItem(item) }
                continue
            }
            guard theirs else { continue }
            if case .value? = current.node(at: conflict.path) {
                edits.append(.set(conflict.path, value))
            } else if case .list(let items)? = theirTree.node(at: conflict.path) {
                // A reorder conflict: move the items into their order.
                var previous: String?
                for item in items where current.node(at: conflict.path.item(item.id)) != nil {
                    edits.append(.move(conflict.path.item(item.id), after: previous))
                    previous = item.id
                }
            }
        }
        guard !edits.isEmpty else { return }
        // Edits inside an item deleted by another choice are dropped, not failed.
        let applicable = edits.filter { edit in
            if case .delete = edit { return true }
            return !deleted.contains { edit.listOrItemPath.components.starts(with: $0.components) }
        }
        _ = try perform(applicable)
        resetJournal(on: StoredDocument(document: document, revision: base.revision))
    }

    /// The deepest item path of `path` that no longer exists in `tree` (the deleted item).
    static func itemPath(containing path: CellPath, in tree: DocumentTree) -> CellPath? {
        var prefix: [CellPath.Component] = []
        for component in path.components {
            prefix.append(component)
            if case .item = component, tree.node(at: CellPath(prefix)) == nil { return CellPath(prefix) }
        }
        return nil
    }

    /// Replaces the document with a recovered draft applied on the current base (the
    /// edits as one undoable step).
    public mutating func restoreDraft(_ edits: [CellEdit]) throws -> AppEffect {
        try apply(edits, label: "draft")
    }

    // MARK: Findings

    /// Every finding: department part first, then each project's in project order.
    public var findings: [Finding] {
        departmentFindings + document.projects.flatMap { projectFindings[$0.id] ?? [] }
    }

    public var departmentPartFindings: [Finding] { departmentFindings }

    public func findings(forProject id: String) -> [Finding] { projectFindings[id] ?? [] }

    public var findingCounts: FindingCounts { FindingCounts(findings) }

    private mutating func revalidateAll() {
        departmentFindings = Validator.validateDepartmentPart(document)
        let context = ValidationContext(document: document)
        projectFindings = [:]
        rowCaches = [:]
        for project in document.projects {
            var cache = RowFindingsCache()
            projectFindings[project.id] = Validator.validate(project: project, in: context, cache: &cache)
            rowCaches[project.id] = cache
        }
    }

    /// Re-validates only what `edits` can affect: the projects they touch and the department
    /// part; a change of year, money unit or framework re-validates everything.
    private mutating func revalidate(after edits: [CellEdit], previous: DepartmentDocument) {
        if ValidationContext(document: previous) != ValidationContext(document: document) {
            revalidateAll()
            return
        }
        departmentFindings = Validator.validateDepartmentPart(document)
        let context = ValidationContext(document: document)
        var touched = Set<String>()
        for edit in edits {
            if let id = edit.listOrItemPath.projectID { touched.insert(id) }
            if case .insert(let list, let item, _) = edit, list == .field("projects") { touched.insert(item.id) }
        }
        let live = Set(document.projects.map(\.id))
        for id in touched {
            if live.contains(id), let project = document.projects.first(where: { $0.id == id }) {
                var cache = rowCaches[id] ?? RowFindingsCache()
                projectFindings[id] = Validator.validate(project: project, in: context, cache: &cache)
                rowCaches[id] = cache
            } else {
                projectFindings[id] = nil
                rowCaches[id] = nil
            }
        }
    }
}

/// Edits to journal in this user's draft of a department. `beginsJournal`: start a fresh
/// journal on `base` first (the first edit after opening or after a save). `repairs`: this
/// rewrites the whole journal after a failed write (`edits` are all since `base`); its
/// success is answered with `EffectResult.journalRepaired`, so the warning can go.
public struct DraftEdits: Hashable, Sendable {
    public var base: StoredDocument
    public var edits: [CellEdit]
    public var beginsJournal: Bool
    public var repairs: Bool

    public init(base: StoredDocument, edits: [CellEdit], beginsJournal: Bool, repairs: Bool = false) {
        self.base = base
        self.edits = edits
        self.beginsJournal = beginsJournal
        self.repairs = repairs
    }
}
