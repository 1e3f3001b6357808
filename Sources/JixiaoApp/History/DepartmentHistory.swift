import JixiaoModel
import JixiaoStore

/// A department's revisions as the history screen reads them: the current stored revision and
/// the store's records, oldest first. Old revisions are rebuilt from these
/// (`RevisionHistory`); the store is read once per screen (`AppEffect.loadHistory`).
public struct DepartmentHistory: Hashable, Sendable {
    public var latest: StoredDocument
    public var records: [HistoryRecord]

    public init(latest: StoredDocument, records: [HistoryRecord]) {
        self.latest = latest
        self.records = records
    }

    public var id: String { latest.document.id }

    /// The document at `revision`, and whether it was rebuilt exactly.
    public func document(at revision: Int) throws(RevisionHistory.Failure) -> RevisionHistory.Reconstruction {
        if revision == latest.revision { return RevisionHistory.Reconstruction(document: latest.document, exact: true) }
        let saves = records.filter { $0.kind == .save }.map { RevisionChanges(revision: $0.revision, changes: $0.changes) }
        return try RevisionHistory.document(at: revision, latest: latest.document, latestRevision: latest.revision,
                                            records: saves)
    }

    /// The content changes from revision `from` to revision `to`.
    public func diff(from: Int, to: Int, sinceReturn: Bool = false) throws(RevisionHistory.Failure) -> RevisionDiff {
        let old = try document(at: from)
        let new = try document(at: to)
        return RevisionDiff(from: from, to: to, old: old.document, new: new.document, exact: old.exact && new.exact,
                            sinceReturn: sinceReturn)
    }

    /// What changed since the department was last returned, for a resubmission; nil when it
    /// is not one (or the returned revision is not in the history).
    public func changesSinceReturn() -> RevisionDiff? {
        guard let revision = ReturnedChanges.returnedRevision(latest.document), revision <= latest.revision else { return nil }
        return try? diff(from: revision, to: latest.revision, sinceReturn: true)
    }
}

/// "Changes since returned" (自退回以来的修改): a submitted department whose log has a return
/// before the last submit is a resubmission; the return event names the revision the reviewer
/// returned.
public enum ReturnedChanges {
    public static func isResubmission(_ document: DepartmentDocument) -> Bool {
        returnedRevision(document) != nil
    }

    /// The revision the last return applied to, for a submitted document returned before.
    public static func returnedRevision(_ document: DepartmentDocument) -> Int? {
        guard document.status == .submitted,
              let returned = document.reviewLog.lastIndex(where: { $0.action == .return }),
              let submitted = document.reviewLog.lastIndex(where: { $0.action == .submit }),
              submitted > returned, document.reviewLog[returned].revision > 0 else { return nil }
        return document.reviewLog[returned].revision
    }
}

/// The content changes between two revisions, cell by cell: what the diff screen lists.
/// The review log, comments and status are left out (the history lines tell them). An item
/// added or removed whole (a row, a project) is one entry with its cells; a list whose items
/// changed places is one entry.
public struct RevisionDiff: Hashable, Sendable {
    public enum Entry: Hashable, Sendable {
        /// A cell changed in place.
        case cell(DocumentDiff.Change)
        /// An item added (`added`) or removed, with every cell it had.
        case item(CellPath, added: Bool, cells: [DocumentDiff.Change])
        /// A list whose items changed places (old and new ids in order).
        case order(DocumentDiff.Change)

        public var path: CellPath {
            switch self {
            case .cell(let change), .order(let change): change.path
            case .item(let path, _, _): path
            }
        }
    }

    public var from: Int
    public var to: Int
    public var old: DepartmentDocument
    public var new: DepartmentDocument
    /// Every changed content cell (`DocumentDiff`).
    public var changes: [DocumentDiff.Change]
    /// The changes as the screen lists them.
    public var entries: [Entry]
    public var exact: Bool
    public var sinceReturn: Bool

    public init(from: Int, to: Int, old: DepartmentDocument, new: DepartmentDocument, exact: Bool, sinceReturn: Bool) {
        self.from = from
        self.to = to
        self.old = old
        self.new = new
        self.exact = exact
        self.sinceReturn = sinceReturn
        let oldTree = DocumentTree(old), newTree = DocumentTree(new)
        changes = DocumentDiff(from: oldTree, to: newTree).changes.filter { RevisionDiff.isContent($0.path) }
        var entries: [Entry] = []
        var itemIndex: [CellPath: Int] = [:]
        for change in changes {
            if case .list? = newTree.node(at: change.path) {
                entries.append(.order(change))
                continue
            }
            // A cell of an added or removed item: the outermost item missing on the other side.
            let other = change.old == nil ? oldTree : newTree
            let missing = change.old == nil || change.new == nil
                ? change.path.itemPrefixes.first { other.node(at: $0) == nil } : nil
            guard let item = missing else {
                entries.append(.cell(change))
                continue
            }
            if let index = itemIndex[item], case .item(let path, let added, var cells) = entries[index] {
                cells.append(change)
                entries[index] = .item(path, added: added, cells: cells)
            } else {
                itemIndex[item] = entries.count
                entries.append(.item(item, added: change.old == nil, cells: [change]))
            }
        }
        self.entries = entries
    }

    /// Whether a path is content (not the review record or bookkeeping).
    static func isContent(_ path: CellPath) -> Bool {
        guard case .field(let top)? = path.components.first else { return false }
        return !["reviewLog", "comments", "status", "schemaVersion"].contains(top)
    }
}
