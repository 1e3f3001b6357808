/// One committed edit of a document: what the editor journals in a draft the moment the user
/// commits it, and what replay applies to the base revision to reproduce the edited document.
///
/// Items are addressed by stable id, never by position, so a journal replays the same way
/// whatever else moved.
public enum CellEdit: Sendable, Hashable {
    /// Overwrite one cell.
    case set(CellPath, CellValue)
    /// Insert a new item (a project, indicator row, goal…) with all its content into the list at
    /// `list`, right after the item `after` (at the start when `nil`).
    case insert(list: CellPath, item: DocumentTree.Item, after: String?)
    /// Delete the item at this path (`projects[p-1].indicators[r-7]`).
    case delete(CellPath)
    /// Move the item at this path within its list, right after `after` (to the start when `nil`).
    case move(CellPath, after: String?)

    /// Why an edit does not apply: the journal does not belong to this base document.
    public struct ApplyError: Error, Sendable, Hashable, CustomStringConvertible {
        public var edit: CellEdit
        public var message: String
        public var description: String { "\(message) (\(edit))" }
    }
}

extension DocumentTree {
    /// This tree with `edit` applied.
    public func applying(_ edit: CellEdit) throws(CellEdit.ApplyError) -> DocumentTree {
        var tree = self
        try tree.apply(edit)
        return tree
    }

    public mutating func apply(_ edit: CellEdit) throws(CellEdit.ApplyError) {
        func fail(_ message: String) -> CellEdit.ApplyError { CellEdit.ApplyError(edit: edit, message: message) }
        switch edit {
        case .set(let path, let value):
            try update(path.components[...], edit) { (node: inout DocumentTree) throws(CellEdit.ApplyError) in
                guard case .value = node else { throw fail("\(path) is not a cell") }
                node = .value(value)
            }
        case .insert(let list, let item, let after):
            try update(list.components[...], edit) { (node: inout DocumentTree) throws(CellEdit.ApplyError) in
                guard case .list(var items) = node else { throw fail("\(list) is not a list") }
                guard StableID.isValid(item.id) else { throw fail("invalid id \(item.id)") }
                guard !items.contains(where: { $0.id == item.id }) else { throw fail("\(item.id) already exists") }
                items.insert(item, at: try DocumentTree.position(after: after, in: items, fail))
                node = .list(items)
            }
        case .delete(let path):
            let (list, id) = try DocumentTree.splitItemPath(path, fail)
            try update(list.components[...], edit) { (node: inout DocumentTree) throws(CellEdit.ApplyError) in
                guard case .list(var items) = node, let index = items.firstIndex(where: { $0.id == id }) else {
                    throw fail("no item \(path)")
                }
                items.remove(at: index)
                node = .list(items)
            }
        case .move(let path, let after):
            let (list, id) = try DocumentTree.splitItemPath(path, fail)
            try update(list.components[...], edit) { (node: inout DocumentTree) throws(CellEdit.ApplyError) in
                guard case .list(var items) = node, let index = items.firstIndex(where: { $0.id == id }) else {
                    throw fail("no item \(path)")
                }
                guard after != id else { throw fail("cannot move \(id) after itself") }
                let item = items.remove(at: index)
                items.insert(item, at: try DocumentTree.position(after: after, in: items, fail))
                node = .list(items)
            }
        }
    }

    private static func position(after: String?, in items: [Item], _ fail: (String) -> CellEdit.ApplyError) throws(CellEdit.ApplyError) -> Int {
        guard let after else { return 0 }
        guard let index = items.firstIndex(where: { $0.id == after }) else { throw fail("no item \(after) to insert after") }
        return index + 1
    }

    private static func splitItemPath(_ path: CellPath, _ fail: (String) -> CellEdit.ApplyError) throws(CellEdit.ApplyError) -> (CellPath, String) {
        guard case .item(let id)? = path.components.last else { throw fail("\(path) is not a list item") }
        return (CellPath(Array(path.components.dropLast())), id)
    }

    private mutating func update(_ path: ArraySlice<CellPath.Component>, _ edit: CellEdit,
                                 _ body: (inout DocumentTree) throws(CellEdit.ApplyError) -> Void) throws(CellEdit.ApplyError) {
        guard let first = path.first else { return try body(&self) }
        switch (first, self) {
        case (.field(let name), .object(var fields)):
            guard var child = fields[name] else { throw CellEdit.ApplyError(edit: edit, message: "no field \(name)") }
            try child.update(path.dropFirst(), edit, body)
            fields[name] = child
            self = .object(fields)
        case (.item(let id), .list(var items)):
            guard let index = items.firstIndex(where: { $0.id == id }) else {
                throw CellEdit.ApplyError(edit: edit, message: "no item \(id)")
            }
            try items[index].node.update(path.dropFirst(), edit, body)
            self = .list(items)
        default:
            throw CellEdit.ApplyError(edit: edit, message: "path does not fit the document")
        }
    }
}

extension DepartmentDocument {
    /// This document with the edits applied in order; fails on the first edit that does not fit
    /// or on a value the document cannot hold (a year that is not a number).
    public func applying(_ edits: [CellEdit]) throws -> DepartmentDocument {
        var tree = DocumentTree(self)
        for edit in edits { try tree.apply(edit) }
        return try tree.document(id: id)
    }
}
