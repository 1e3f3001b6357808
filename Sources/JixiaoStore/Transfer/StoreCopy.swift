import JixiaoModel

/// `jixiao store copy`: every document, live and deleted, with its history, from one store to
/// another (files ⇄ PostgreSQL), then read back from the destination and compared: revision,
/// last saver and time, deleted or not, the SHA-256 of the canonical document bytes, and every
/// history record.
public enum StoreCopy {
    public struct Line: Sendable, Hashable {
        public var id: String
        public var revision: Int
        public var historyRecords: Int
        public var sha256: String
        /// Why this document did not arrive intact; nil when it did.
        public var failure: String?
    }

    public struct Report: Sendable, Hashable {
        public var lines: [Line]
        public var copied: Int { lines.count { $0.failure == nil } }
        public var failed: Int { lines.count { $0.failure != nil } }
        public var historyRecords: Int { lines.reduce(0) { $0 + $1.historyRecords } }
    }

    public static func copy(from source: any StoreTransfer, to destination: any StoreTransfer) throws(StoreError) -> Report {
        var lines: [Line] = []
        for id in try source.allDocumentIDs() {
            var line = Line(id: id, revision: 0, historyRecords: 0, sha256: "", failure: nil)
            do {
                let original = try source.exportDocument(id: id)
                line.revision = original.stored.revision
                line.historyRecords = original.history.count
                line.sha256 = checksum(original)
                try destination.importDocument(original)
                line.failure = difference(original, try destination.exportDocument(id: id))
            } catch {
                line.failure = error.description
            }
            lines.append(line)
        }
        return Report(lines: lines)
    }

    static func checksum(_ transferred: TransferredDocument) -> String {
        SHA256.hex([UInt8](DocumentCodec.encode(transferred.stored.document)))
    }

    /// What differs between what was sent and what the destination holds, or nil.
    static func difference(_ sent: TransferredDocument, _ arrived: TransferredDocument) -> String? {
        if checksum(sent) != checksum(arrived) { return "document differs: sha256 \(checksum(arrived)) at the destination" }
        if sent.stored.revision != arrived.stored.revision { return "revision \(arrived.stored.revision) at the destination" }
        if sent.deleted != arrived.deleted { return "deleted flag differs" }
        if sent.stored.savedBy != arrived.stored.savedBy || sent.stored.savedAt != arrived.stored.savedAt {
            return "last saver or time differs"
        }
        if sent.history.count != arrived.history.count {
            return "\(arrived.history.count) history records at the destination, \(sent.history.count) sent"
        }
        if let index = sent.history.indices.first(where: { sent.history[$0] != arrived.history[$0] }) {
            return "history record \(index + 1) differs"
        }
        return nil
    }
}
