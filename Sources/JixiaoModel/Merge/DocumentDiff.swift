/// The cells that differ between two versions of a document (path, old, new): what a history
/// record stores and what a revision diff shows.
public struct DocumentDiff: Sendable, Hashable {
    /// One changed cell. `nil` means the cell does not exist on that side (its row, project or
    /// list item was added or deleted). A change at the path of a list (`projects[p-1].goals`)
    /// records a reorder: the values are the ids in order, separated by spaces.
    public struct Change: Sendable, Hashable, CustomStringConvertible {
        public var path: CellPath
        public var old: CellValue?
        public var new: CellValue?

        public init(path: CellPath, old: CellValue?, new: CellValue?) {
            self.path = path
            self.old = old
            self.new = new
        }

        public var description: String {
            "\(path): \(old?.description ?? "—") → \(new?.description ?? "—")"
        }
    }

    public var changes: [Change]

    /// The changes from `old` (nil: a new document) to `new`.
    ///
    /// Projects equal on both sides are replaced by the same empty placeholder in both trees
    /// before comparing: they can contribute no change, and building and walking their trees
    /// was most of the cost of a save (after an edit, all but one project usually still share
    /// storage with the saved version, so comparing them is cheap). Done only when project ids
    /// are unique on each side, as every decoded document's are; the result is the same either way.
    public init(from old: DepartmentDocument?, to new: DepartmentDocument) {
        guard var old else {
            self.init(from: nil, to: DocumentTree(new))
            return
        }
        var new = new
        let oldIndex = Dictionary(old.projects.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        let newIDs = Set(new.projects.map(\.id))
        if oldIndex.count == old.projects.count, newIDs.count == new.projects.count {
            for (index, project) in new.projects.enumerated() {
                guard let oldPosition = oldIndex[project.id], old.projects[oldPosition] == project else { continue }
                let placeholder = Project(id: project.id)
                old.projects[oldPosition] = placeholder
                new.projects[index] = placeholder
            }
        }
        self.init(from: DocumentTree(old), to: DocumentTree(new))
    }

    public init(from old: DocumentTree?, to new: DocumentTree?, at path: CellPath = .root) {
        var changes: [Change] = []
        DocumentDiff.compare(old, new, path, into: &changes)
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    private static func compare(_ old: DocumentTree?, _ new: DocumentTree?, _ path: CellPath, into changes: inout [Change]) {
        if old == new { return }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?):
            for name in Set(a.keys).union(b.keys).sorted() {
                compare(a[name], b[name], path.field(name), into: &changes)
            }
        case (.list(let a)?, .list(let b)?):
            let oldByID = Dictionary(a.map { ($0.id, $0.node) }, uniquingKeysWith: { first, _ in first })
            let newByID = Dictionary(b.map { ($0.id, $0.node) }, uniquingKeysWith: { first, _ in first })
            let oldCommon = a.map(\.id).filter { newByID[$0] != nil }
            let newCommon = b.map(\.id).filter { oldByID[$0] != nil }
            if oldCommon != newCommon {
                changes.append(Change(path: path, old: .text(a.map(\.id).joined(separator: " ")),
                                      new: .text(b.map(\.id).joined(separator: " "))))
            }
            for item in b { compare(oldByID[item.id], item.node, path.item(item.id), into: &changes) }
            for item in a where newByID[item.id] == nil { compare(item.node, nil, path.item(item.id), into: &changes) }
        case (.value(let a)?, .value(let b)?):
            changes.append(Change(path: path, old: a, new: b))
        default:
            // Added or removed subtree (or, impossibly, a change of kind): every cell on each side.
            let before = old?.cells(under: path) ?? [:]
            let after = new?.cells(under: path) ?? [:]
            for cell in Set(before.keys).union(after.keys).sorted() where before[cell] != after[cell] {
                changes.append(Change(path: cell, old: before[cell], new: after[cell]))
            }
        }
    }
}
