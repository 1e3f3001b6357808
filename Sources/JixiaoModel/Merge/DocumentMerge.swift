/// Three-way merge of two versions of a document edited from one base: what the editor does when
/// a save finds that someone else saved first.
///
/// Projects, rows and list items are matched by stable id. A cell changed on one side takes that
/// side's value; changed identically on both sides it is no conflict; changed differently it is a
/// `Conflict` and the merged document keeps mine until the user chooses. An item deleted on one
/// side and changed on the other is kept with the changes, and each changed cell is a conflict
/// (nothing typed is dropped silently). Both sides reordering the same list differently is a
/// conflict on the list's path; the merged order is mine with their additions placed after
/// their predecessors.
public struct DocumentMerge: Sendable {
    /// A cell both sides changed differently. `nil` means the cell does not exist on that side.
    /// At a list's path the values are the ids in order, separated by spaces.
    public struct Conflict: Sendable, Hashable, CustomStringConvertible {
        public var path: CellPath
        public var base: CellValue?
        public var mine: CellValue?
        public var theirs: CellValue?

        public init(path: CellPath, base: CellValue?, mine: CellValue?, theirs: CellValue?) {
            self.path = path
            self.base = base
            self.mine = mine
            self.theirs = theirs
        }

        public var description: String {
            "\(path): base \(base?.description ?? "—"), mine \(mine?.description ?? "—"), theirs \(theirs?.description ?? "—")"
        }
    }

    public var merged: DepartmentDocument
    public var conflicts: [Conflict]

    public init(base: DepartmentDocument, mine: DepartmentDocument, theirs: DepartmentDocument) {
        var conflicts: [Conflict] = []
        let tree = DocumentMerge.merge(DocumentTree(base), DocumentTree(mine), DocumentTree(theirs), .root, &conflicts)
        do {
            // Every merged cell comes from one of three valid documents, so the shape holds.
            merged = try (tree ?? DocumentTree(mine)).document(id: mine.id)
        } catch {
            preconditionFailure("merge produced an invalid document: \(error)")
        }
        self.conflicts = conflicts.sorted { $0.path < $1.path }
    }

    public var hasConflicts: Bool { !conflicts.isEmpty }

    static func merge(_ base: DocumentTree?, _ mine: DocumentTree?, _ theirs: DocumentTree?,
                      _ path: CellPath, _ conflicts: inout [Conflict]) -> DocumentTree? {
        if mine == theirs { return mine }
        if mine == base { return theirs }
        if theirs == base { return mine }
        guard let mine else {
            // Deleted by me, changed by them: keep their version, every change of theirs a conflict.
            for change in DocumentDiff(from: base, to: theirs, at: path).changes {
                conflicts.append(Conflict(path: change.path, base: change.old, mine: nil, theirs: change.new))
            }
            return theirs
        }
        guard let theirs else {
            for change in DocumentDiff(from: base, to: mine, at: path).changes {
                conflicts.append(Conflict(path: change.path, base: change.old, mine: change.new, theirs: nil))
            }
            return mine
        }
        switch (mine, theirs) {
        case (.object(let m), .object(let t)):
            var baseFields: [String: DocumentTree] = [:]
            if case .object(let fields)? = base { baseFields = fields }
            var fields: [String: DocumentTree] = [:]
            for name in Set(m.keys).union(t.keys) {
                fields[name] = merge(baseFields[name], m[name], t[name], path.field(name), &conflicts)
            }
            return .object(fields)
        case (.list(let m), .list(let t)):
            let b = base?.items ?? []
            return .list(mergeList(b, m, t, path, &conflicts))
        default:
            conflicts.append(Conflict(path: path, base: base.flatMap(value), mine: value(mine), theirs: value(theirs)))
            return mine
        }
    }

    private static func value(_ node: DocumentTree) -> CellValue? {
        if case .value(let value) = node { return value }
        return nil
    }

    private static func mergeList(_ base: [DocumentTree.Item], _ mine: [DocumentTree.Item], _ theirs: [DocumentTree.Item],
                                  _ path: CellPath, _ conflicts: inout [Conflict]) -> [DocumentTree.Item] {
        func byID(_ items: [DocumentTree.Item]) -> [String: DocumentTree] {
            Dictionary(items.map { ($0.id, $0.node) }, uniquingKeysWith: { first, _ in first })
        }
        let b = byID(base), m = byID(mine), t = byID(theirs)
        let baseIDs = base.map(\.id), mineIDs = mine.map(\.id), theirIDs = theirs.map(\.id)

        var merged: [String: DocumentTree] = [:]
        var seen = Set<String>()
        for id in mineIDs + theirIDs + baseIDs where seen.insert(id).inserted {
            if let node = merge(b[id], m[id], t[id], path.item(id), &conflicts) { merged[id] = node }
        }

        // Which side reordered the items it shares with the base?
        let mineReordered = mineIDs.filter { b[$0] != nil } != baseIDs.filter { m[$0] != nil }
        let theirsReordered = theirIDs.filter { b[$0] != nil } != baseIDs.filter { t[$0] != nil }
        if mineReordered && theirsReordered
            && mineIDs.filter({ b[$0] != nil && t[$0] != nil }) != theirIDs.filter({ b[$0] != nil && m[$0] != nil }) {
            conflicts.append(Conflict(path: path, base: .text(baseIDs.joined(separator: " ")),
                                      mine: .text(mineIDs.joined(separator: " ")),
                                      theirs: .text(theirIDs.joined(separator: " "))))
        }
        let (skeleton, other) = theirsReordered && !mineReordered ? (theirIDs, mineIDs) : (mineIDs, theirIDs)
        var order = skeleton.filter { merged[$0] != nil }
        var placed = Set(order)
        for (index, id) in other.enumerated() where merged[id] != nil && !placed.contains(id) {
            let predecessor = other[..<index].last(where: { placed.contains($0) })
            let position = predecessor.flatMap { p in order.firstIndex(of: p).map { $0 + 1 } } ?? 0
            order.insert(id, at: position)
            placed.insert(id)
        }
        return order.compactMap { id in merged[id].map { DocumentTree.Item(id: id, node: $0) } }
    }
}
