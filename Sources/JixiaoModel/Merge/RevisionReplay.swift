/// Revisions rebuilt forwards, from nothing, by applying each history record's changes in turn:
/// how a lost document is restored from its history and how the history is verified (every
/// record must lead to the revision its checksum names).
///
/// A record's changes applied forwards are the same changes undone with old and new swapped,
/// so this shares `RevisionHistory.undo`. The one difference is the first revision: its
/// record lists every cell as new, and the top-level cells are set on an empty document.
public enum RevisionReplay {
    /// What is wrong with one record, found before its changes are applied.
    public struct Mismatch: Sendable, Hashable, CustomStringConvertible {
        public var path: CellPath
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    /// The tree a first revision starts from: a document with no content.
    public static func emptyTree() -> DocumentTree {
        DocumentTree(DepartmentDocument(id: "x", fiscalYear: 0, unitCode: "", unitName: ""))
    }

    /// The changes of the record that made the revision after `tree` that do not start from
    /// what `tree` holds: a cell whose old value is not the one there, or a "change" whose old
    /// and new values are equal (a change that did not happen).
    public static func mismatches(_ changes: [DocumentDiff.Change], on tree: DocumentTree, first: Bool) -> [Mismatch] {
        let lists = RevisionHistory.listsHoldingChanges(changes)
        var found: [Mismatch] = []
        for change in changes {
            if change.old == change.new {
                found.append(Mismatch(path: change.path, message: "recorded as changed but old and new are the same"))
                continue
            }
            if first { continue }
            let node = tree.node(at: change.path)
            let current: CellValue?
            switch node {
            case .value(let value)?: current = value
            case .list(let items)?: current = .text(items.map(\.id).joined(separator: " "))
            case nil: current = nil
            case .object?:
                found.append(Mismatch(path: change.path, message: "recorded as a cell but it is a group of fields"))
                continue
            }
            // A list's recorded order is compared only where the list exists on both sides.
            if lists.contains(change.path) || { if case .list? = node { return true }; return false }() {
                if change.old != nil, current != nil, change.old != current {
                    found.append(Mismatch(path: change.path, message: "recorded order \(change.old!) but it was \(current!)"))
                }
                continue
            }
            if current != change.old {
                found.append(Mismatch(path: change.path,
                                      message: "recorded as \(change.old?.description ?? "absent") but it was \(current?.description ?? "absent")"))
            }
        }
        return found
    }

    /// `tree` with the changes of the next revision applied. `first`: `tree` is `emptyTree()`
    /// and the changes are those of revision 1. False when a change did not fit.
    @discardableResult
    public static func apply(_ changes: [DocumentDiff.Change], on tree: inout DocumentTree, first: Bool) -> Bool {
        var forwards = changes
        if first {
            // Top-level cells exist (empty) in the starting tree: they are changed, not added.
            for index in forwards.indices where forwards[index].old == nil && forwards[index].path.itemPrefixes.isEmpty {
                if case .value(let value)? = tree.node(at: forwards[index].path) { forwards[index].old = value }
            }
        }
        return RevisionHistory.undo(forwards.map { DocumentDiff.Change(path: $0.path, old: $0.new, new: $0.old) }, on: &tree)
    }
}
