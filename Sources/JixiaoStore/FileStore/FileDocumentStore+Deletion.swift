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
        try trimHistory(log, toRevision: file.header.revision, sha256: file.header.sha256, live: kind == .delete)
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

extension FileDocumentStore {
    /// Rebuilds a department whose document is missing from its history (可从历史恢复): the
    /// records are replayed from revision 1 (`HistoryChain`), and the last revision that
    /// reproduces its own checksum is written as the document, followed by a restore record.
    /// The history is kept as it is. Returns the revision restored.
    public func restoreFromHistory(id: String) throws(StoreError) -> Int {
        try validate(id)
        let held = try lock(id)
        defer { held.unlock() }
        if files.exists(documentPath(id)) { throw .alreadyExists(id: id) }
        if files.exists(deletedPath(id)) { throw .deleted(id: id) }
        if let problem = try quarantined(id).first { throw .damaged(problem) }
        let log = HistoryLog(path: historyPath(id), files: files)
        let records = try log.read().records
        guard !records.isEmpty else { throw .notFound(id: id) }
        let replayed = HistoryChain.replay(records, id: id)
        guard let document = replayed.document else {
            throw .damaged(DocumentProblem(id: id, path: log.path,
                                           reason: "no revision rebuilds from the history: \(replayed.broken?.description ?? "no save records")"))
        }
        if let broken = replayed.broken {
            // Restoring an earlier revision than the history claims would hide the break.
            throw .damaged(DocumentProblem(id: id, path: log.path,
                                           reason: "the history rebuilds only up to revision \(replayed.revision): \(broken)"))
        }
        let time = Timestamp.now()
        let (bytes, written) = DocumentFile.encodeFile(document, revision: replayed.revision, saver: saver, time: time)
        let record = HistoryRecord(kind: .restore, revision: replayed.revision, baseRevision: replayed.revision,
                                   saver: saver, time: time, sha256: written.header.sha256, changes: [])
        try write(bytes, as: id, recording: record, in: log)
        return replayed.revision
    }

    /// The history as `history(id:)` gives it, but a damaged line does not hide the others:
    /// the good records, and the first bad line's error.
    public func historyShowingDamage(id: String) throws(StoreError) -> (records: [HistoryRecord], damage: StoreError?) {
        do {
            return (try history(id: id), nil)
        } catch {
            guard case .damagedHistory = error else { throw error }
        }
        let (records, bad) = try HistoryLog(path: historyPath(id), files: files).readTolerating()
        return (records, bad)
    }
}
