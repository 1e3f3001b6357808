import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

extension FileDocumentStore {
    /// Soft delete: the document moves to `deleted/` with its revision; a history record says
    /// who deleted it. Nothing is erased.
    public func delete(id: String) throws(StoreError) {
        try move(id, from: documentPath(id), to: deletedPath(id), kind: .delete)
    }

    public func restore(id: String) throws(StoreError) {
        try move(id, from: deletedPath(id), to: documentPath(id), kind: .restore)
    }

    private func move(_ id: String, from source: String, to target: String, kind: HistoryRecord.Kind) throws(StoreError) {
        try validate(id)
        let held = try lock(id)
        defer { held.unlock() }
        if files.exists(target) { throw kind == .delete ? .deleted(id: id) : .alreadyExists(id: id) }
        let file: DocumentFile
        switch try read(source, id: id) {
        case .missing: throw .notFound(id: id)
        case .unreadable(let unreadable): throw .damaged(DocumentProblem(id: id, path: source, reason: unreadable.reason))
        case .readable(let found): file = found
        }
        if let refusal = try accessPolicy().refusalToDelete(file.document, by: identity) { throw .refused(id: id, refusal) }
        let log = HistoryLog(path: historyPath(id), files: files)
        try trimHistory(log, toRevision: file.header.revision, live: kind == .delete)
        let record = HistoryRecord(kind: kind, revision: file.header.revision, baseRevision: file.header.revision,
                                   saver: saver, time: Timestamp.now(), sha256: file.header.sha256, changes: [])
        let sizeBefore = try log.append(record, group: group)
        do {
            try files.rename(source, target)
        } catch {
            try? log.truncate(to: sizeBefore)
            throw .saveFailed(error)
        }
        do {
            try files.fsyncDirectory(root + "/documents")
            try files.fsyncDirectory(root + "/deleted")
        } catch {
            throw .outcomeUnknown(id: id, error)
        }
    }
}
