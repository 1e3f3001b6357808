/// The changes one saved revision made (修订): the cells of a history record, from the
/// revision before it.
public struct RevisionChanges: Sendable, Hashable {
    public var revision: Int
    public var changes: [DocumentDiff.Change]

    public init(revision: Int, changes: [DocumentDiff.Change]) {
        self.revision = revision
        self.changes = changes
    }
}

/// Old revisions of a document, rebuilt from the newest one by undoing the history records
/// newer than the wanted revision, newest first. Stores keep only the current document and
/// the record of each save (what cells changed, old and new), so this is how a diff between
/// any two revisions is made.
///
/// Records written with `DocumentDiff.recordingOrder` (the list order whenever ids change)
/// rebuild exactly. Older records do not say where a removed item stood among the others:
/// it is put back at the end of its list and the result is marked not exact.
public enum RevisionHistory {
    public struct Reconstruction: Sendable, Hashable {
        public var document: DepartmentDocument
        /// False when an undone record did not say where a removed item stood.
        public var exact: Bool

        public init(document: DepartmentDocument, exact: Bool) {
            self.document = document
            self.exact = exact
        }
    }

    public struct Failure: Error, Sendable, Hashable, CustomStringConvertible {
        public var message: String
        public var description: String { message }
    }

    /// The document as it was at `revision`, from `latest` at `latestRevision` and the records
    /// of every revision after `revision` (others are ignored).
    public static func document(at revision: Int, latest: DepartmentDocument, latestRevision: Int,
                                records: [RevisionChanges]) throws(Failure) -> Reconstruction {
        guard revision >= 1, revision <= latestRevision else {
            throw Failure(message: "no revision \(revision) (the document is at revision \(latestRevision))")
        }
        var byRevision: [Int: RevisionChanges] = [:]
        for record in records { byRevision[record.revision] = record }
        var tree = DocumentTree(latest)
        var exact = true
        var r = latestRevision
        while r > revision {
            guard let record = byRevision[r] else { throw Failure(message: "the history has no record of revision \(r)") }
            if !undo(record.changes, on: &tree) { exact = false }
            r -= 1
        }
        do {
            return Reconstruction(document: try tree.document(id: latest.id), exact: exact)
        } catch {
            throw Failure(message: "revision \(revision) does not rebuild: \(error)")
        }
    }

    /// Turns `tree` (a revision) into the revision before it, given the changes that revision
    /// made. False when a removed item's position had to be guessed or a change did not fit.
    @discardableResult
    public static func undo(_ changes: [DocumentDiff.Change], on tree: inout DocumentTree) -> Bool {
        var exact = true
        let containers = listsHoldingChanges(changes)
        func isListChange(_ change: DocumentDiff.Change) -> Bool {
            if containers.contains(change.path) { return true }
            if case .list? = tree.node(at: change.path) { return true }
            return false
        }
        let orders = changes.filter(isListChange)
        let orderPaths = Set(orders.map(\.path))
        let cells = changes.filter { !orderPaths.contains($0.path) }

        // 1. Items this revision added: the shortest item path all of whose cells are new.
        let addedCells = Set(cells.filter { $0.old == nil }.map(\.path))
        var addedItems: [CellPath] = []
        for change in cells where change.old == nil {
            for prefix in change.path.itemPrefixes {
                guard let node = tree.node(at: prefix) else { break }
                if node.cells(under: prefix).keys.allSatisfy(addedCells.contains) {
                    if !addedItems.contains(where: { prefix.components.starts(with: $0.components) }) {
                        addedItems.append(prefix)
                    }
                    break
                }
            }
        }
        for item in addedItems {
            do { try tree.apply(.delete(item)) } catch { exact = false }
        }

        // 2. Items this revision removed: rebuilt from their cells, under the shortest item
        // path that is missing now.
        var removed: [CellPath: [DocumentDiff.Change]] = [:]
        var removedOrder: [CellPath] = []
        for change in cells where change.new == nil {
            guard let item = change.path.itemPrefixes.first(where: { tree.node(at: $0) == nil }) else { continue }
            if removed[item] == nil { removedOrder.append(item) }
            removed[item, default: []].append(change)
        }
        for item in removedOrder {
            guard case .item(let id)? = item.components.last else { continue }
            let list = CellPath(Array(item.components.dropLast()))
            var node = skeleton(forList: list.lastField)
            let depth = item.components.count
            for change in removed[item] ?? [] {
                guard let old = change.old else { continue }
                node = setting(old, at: change.path.components[depth...], in: node, list: list.lastField)
            }
            for order in orders where order.path.components.starts(with: item.components) {
                guard let ids = order.old?.text, let relative = Optional(order.path.components[depth...]) else { continue }
                node = reordering(node, at: relative, to: ids.split(separator: " ").map(String.init))
            }
            let last = tree.node(at: list)?.items?.last?.id
            do {
                try tree.apply(.insert(list: list, item: DocumentTree.Item(id: id, node: node), after: last))
            } catch {
                exact = false
                continue
            }
            // Where it stood is known only from the list's recorded order.
            if last != nil && !orderPaths.contains(list) { exact = false }
        }

        // 3. Cells changed in place.
        for change in cells {
            guard let old = change.old, change.new != nil else { continue }
            do { try tree.apply(.set(change.path, old)) } catch { exact = false }
        }

        // 4. The order of lists as it was.
        for order in orders {
            guard let ids = order.old?.text, case .list? = tree.node(at: order.path) else { continue }
            tree = reordering(tree, at: order.path.components[...], to: ids.split(separator: " ").map(String.init))
        }
        return exact
    }

    /// The lists that hold an item some change is inside of: in a history record, a change at
    /// one of these paths is the list's order, not a cell.
    public static func listsHoldingChanges(_ changes: [DocumentDiff.Change]) -> Set<CellPath> {
        var lists = Set<CellPath>()
        for change in changes {
            for (index, component) in change.path.components.enumerated() {
                if case .item = component { lists.insert(CellPath(Array(change.path.components[..<index]))) }
            }
        }
        return lists
    }

    /// An empty item of the list named `list`, with every field and (empty) list it has, so
    /// a rebuilt item is complete even where it had nothing to record.
    static func skeleton(forList list: String?) -> DocumentTree {
        switch list {
        case "projects": DocumentTree.item(Project(id: "x")).node
        case "indicators": DocumentTree.item(IndicatorRow(id: "x")).node
        case "goals", "overallGoals", "safeguards": DocumentTree.item(TextItem(id: "x", text: "")).node
        case "subGoals": DocumentTree.item(SubGoal(id: "x", title: "")).node
        case "reviewLog": DocumentTree.item(ReviewEvent(id: "x", action: .submit, user: "", time: "", revision: 0)).node
        case "comments": DocumentTree.item(ReviewComment(id: "x", author: "", time: "", text: "")).node
        default: .object([:])
        }
    }

    /// `node` with `value` at the relative path, creating objects, lists and items on the way.
    private static func setting(_ value: CellValue, at path: ArraySlice<CellPath.Component>, in node: DocumentTree,
                                list: String?) -> DocumentTree {
        guard let first = path.first else { return .value(value) }
        let rest = path.dropFirst()
        switch first {
        case .field(let name):
            var fields: [String: DocumentTree] = [:]
            if case .object(let existing) = node { fields = existing }
            let child = fields[name] ?? .object([:])
            fields[name] = setting(value, at: rest, in: child, list: name)
            return .object(fields)
        case .item(let id):
            var items = node.items ?? []
            if let index = items.firstIndex(where: { $0.id == id }) {
                items[index].node = setting(value, at: rest, in: items[index].node, list: list)
            } else {
                items.append(DocumentTree.Item(id: id, node: setting(value, at: rest, in: skeleton(forList: list), list: list)))
            }
            return .list(items)
        }
    }

    /// `node` with the list at the relative path in the order of `ids` (items not named keep
    /// their order after them).
    private static func reordering(_ node: DocumentTree, at path: ArraySlice<CellPath.Component>, to ids: [String]) -> DocumentTree {
        guard let first = path.first else {
            guard case .list(let items) = node else { return node }
            var byID: [String: DocumentTree.Item] = [:]
            for item in items { byID[item.id] = item }
            let named = ids.compactMap { byID[$0] }
            let listed = Set(ids)
            return .list(named + items.filter { !listed.contains($0.id) })
        }
        let rest = path.dropFirst()
        switch (first, node) {
        case (.field(let name), .object(var fields)):
            guard let child = fields[name] else { return node }
            fields[name] = reordering(child, at: rest, to: ids)
            return .object(fields)
        case (.item(let id), .list(var items)):
            guard let index = items.firstIndex(where: { $0.id == id }) else { return node }
            items[index].node = reordering(items[index].node, at: rest, to: ids)
            return .list(items)
        default:
            return node
        }
    }
}

extension CellPath {
    /// The item paths along this path, outermost first: `projects[p]`, `projects[p].indicators[r]`.
    public var itemPrefixes: [CellPath] {
        var result: [CellPath] = []
        for (index, component) in components.enumerated() {
            if case .item = component { result.append(CellPath(Array(components[...index]))) }
        }
        return result
    }
}
