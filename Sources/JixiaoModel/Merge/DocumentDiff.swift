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
    /// Projects equal on both sides are left out first (`treesWithoutEqualProjects`): they can
    /// contribute no change, and building and walking their trees was most of the cost of a save.
    public init(from old: DepartmentDocument?, to new: DepartmentDocument) {
        let (before, after) = DocumentDiff.treesWithoutEqualProjects(old, new)
        self.init(from: before, to: after)
    }

    /// `recordingOrder(from:to:)` of the documents' trees, leaving out projects equal on both
    /// sides the same way (their lists are equal too, so they record no order either).
    public static func recordingOrder(from old: DepartmentDocument?, to new: DepartmentDocument) -> DocumentDiff {
        let (before, after) = treesWithoutEqualProjects(old, new)
        return recordingOrder(from: before, to: after)
    }

    /// The trees of `old` and `new` with every project that is equal on both sides replaced by
    /// the same empty placeholder (same id, same place) in both. After an edit all but one
    /// project usually still share storage with the saved version, so `==` on them is cheap.
    /// Done only when project ids are unique on each side, as every decoded document's are;
    /// the diff is the same either way (`DocumentDiffTests`).
    static func treesWithoutEqualProjects(_ old: DepartmentDocument?, _ new: DepartmentDocument) -> (DocumentTree?, DocumentTree) {
        guard var old else { return (nil, DocumentTree(new)) }
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
        return (DocumentTree(old), DocumentTree(new))
    }

    public init(from old: DocumentTree?, to new: DocumentTree?, at path: CellPath = .root) {
        var changes: [Change] = []
        DocumentDiff.compare(old, new, path, listOrders: false, into: &changes)
        self.changes = changes
    }

    /// The diff a history record keeps: besides the cells, the order of every list whose ids
    /// changed (an item added or removed, not only a reorder), including the lists inside
    /// added or removed items. With that, undoing a record puts removed items back where they
    /// were (`RevisionHistory`).
    public static func recordingOrder(from old: DocumentTree?, to new: DocumentTree?) -> DocumentDiff {
        var changes: [Change] = []
        compare(old, new, .root, listOrders: true, into: &changes)
        return DocumentDiff(changes: changes)
    }

    public init(changes: [Change]) {
        self.changes = changes
    }

    public var isEmpty: Bool { changes.isEmpty }

    private static func compare(_ old: DocumentTree?, _ new: DocumentTree?, _ path: CellPath, listOrders: Bool,
                                into changes: inout [Change]) {
        if old == new { return }
        switch (old, new) {
        case (.object(let a)?, .object(let b)?):
            for name in Set(a.keys).union(b.keys).sorted() {
                compare(a[name], b[name], path.field(name), listOrders: listOrders, into: &changes)
            }
        case (.list(let a)?, .list(let b)?):
            let oldByID = Dictionary(a.map { ($0.id, $0.node) }, uniquingKeysWith: { first, _ in first })
            let newByID = Dictionary(b.map { ($0.id, $0.node) }, uniquingKeysWith: { first, _ in first })
            let oldCommon = a.map(\.id).filter { newByID[$0] != nil }
            let newCommon = b.map(\.id).filter { oldByID[$0] != nil }
            if oldCommon != newCommon || (listOrders && a.map(\.id) != b.map(\.id)) {
                changes.append(Change(path: path, old: .text(a.map(\.id).joined(separator: " ")),
                                      new: .text(b.map(\.id).joined(separator: " "))))
            }
            for item in b { compare(oldByID[item.id], item.node, path.item(item.id), listOrders: listOrders, into: &changes) }
            for item in a where newByID[item.id] == nil {
                compare(item.node, nil, path.item(item.id), listOrders: listOrders, into: &changes)
            }
        case (.value(let a)?, .value(let b)?):
            changes.append(Change(path: path, old: a, new: b))
        default:
            // Added or removed subtree (or, impossibly, a change of kind): every cell on each side.
            let before = old?.cells(under: path) ?? [:]
            let after = new?.cells(under: path) ?? [:]
            for cell in Set(before.keys).union(after.keys).sorted() where before[cell] != after[cell] {
                changes.append(Change(path: cell, old: before[cell], new: after[cell]))
            }
            if listOrders {
                // The order of the lists of more than one item inside the added or removed subtree.
                let orderOld = old?.listOrders(under: path) ?? [:]
                let orderNew = new?.listOrders(under: path) ?? [:]
                for list in Set(orderOld.keys).union(orderNew.keys).sorted() where orderOld[list] != orderNew[list] {
                    changes.append(Change(path: list, old: orderOld[list].map(CellValue.text), new: orderNew[list].map(CellValue.text)))
                }
            }
        }
    }
}

extension DocumentTree {
    /// The ids, space-separated, of every list under this node with more than one item.
    func listOrders(under prefix: CellPath) -> [CellPath: String] {
        var result: [CellPath: String] = [:]
        func walk(_ node: DocumentTree, _ path: CellPath) {
            switch node {
            case .value: break
            case .object(let fields): for (name, child) in fields { walk(child, path.field(name)) }
            case .list(let items):
                if items.count > 1 { result[path] = items.map(\.id).joined(separator: " ") }
                for item in items { walk(item.node, path.item(item.id)) }
            }
        }
        walk(self, prefix)
        return result
    }
}
