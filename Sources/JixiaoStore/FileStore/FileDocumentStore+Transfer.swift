import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

extension FileDocumentStore: StoreTransfer {
    public func allDocumentIDs() throws(StoreError) -> [String] {
        var ids = Set<String>()
        for directory in ["documents", "deleted"] {
            let names: [String]
            do {
                names = try files.list("\(root)/\(directory)")
            } catch {
                throw .io(error)
            }
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let id = String(name.dropLast(".json".count))
                if StableID.isValid(id) { ids.insert(id) }
            }
        }
        return ids.sorted()
    }

    public func exportDocument(id: String) throws(StoreError) -> TransferredDocument {
        try validate(id)
        var deleted = false
        var found: DocumentFile?
        for (path, isDeleted) in [(documentPath(id), false), (deletedPath(id), true)] {
            switch try read(path, id: id) {
            case .missing: continue
            case .unreadable(let unreadable): throw .damaged(DocumentProblem(id: id, path: path, reason: unreadable.reason))
            case .readable(let file):
                found = file
                deleted = isDeleted
            }
            break
        }
        guard let found else { throw .notFound(id: id) }
        return TransferredDocument(stored: found.stored, history: try history(id: id), deleted: deleted)
    }

    /// Writes the history file, then the document (the save protocol's order), each atomically
    /// and durably, under the document's lock.
    public func importDocument(_ transferred: TransferredDocument) throws(StoreError) {
        let id = transferred.stored.document.id
        try validate(id)
        let held = try lock(id)
        defer { held.unlock() }
        if files.exists(documentPath(id)) || files.exists(deletedPath(id)) || files.exists(historyPath(id)) {
            throw .alreadyExists(id: id)
        }
        if let problem = try quarantined(id).first { throw .damaged(problem) }
        let stored = transferred.stored
        let saver = stored.savedBy ?? SaverIdentity(user: "unknown", host: "unknown", pid: 0)
        let (bytes, _) = DocumentFile.encode(stored.document, revision: stored.revision, saver: saver,
                                             time: stored.savedAt ?? Timestamp.now())
        let history = transferred.history.flatMap { DocumentFile.encodeLine($0) }
        do {
            try AtomicFile.replace(historyPath(id), with: history, group: group, in: files)
            try AtomicFile.replace(transferred.deleted ? deletedPath(id) : documentPath(id), with: bytes, group: group, in: files)
        } catch {
            switch error {
            case .beforeReplace(let cause): throw .saveFailed(cause)
            case .afterReplace(let cause): throw .outcomeUnknown(id: id, cause)
            }
        }
    }
}
