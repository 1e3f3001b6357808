import Foundation
import JixiaoModel

/// The audit trail checked as a chain, the same way for every backend: the records are
/// replayed from the first revision, and each one must start from the revision before it
/// (every old value it names is the value that was there, every change changes something) and
/// lead to exactly the document its checksum names. A record that hides a change, or claims
/// one that did not happen, breaks the chain at that revision and is reported with its user.
public enum HistoryChain {
    public struct Break: Sendable, Hashable, CustomStringConvertible {
        public var revision: Int
        public var user: String
        public var host: String
        public var time: String
        public var reason: String

        public var description: String {
            "revision \(revision) by \(user)@\(host) at \(time): \(reason)"
        }
    }

    /// The checksum the stores keep of a document: SHA-256 of its canonical JSON.
    public static func checksum(_ document: DepartmentDocument) -> String {
        SHA256.hex([UInt8](DocumentCodec.encode(document)))
    }

    /// The document rebuilt from `records` (delete and restore records change nothing), and
    /// the first break in the chain if there is one; the document is then the last revision
    /// that replayed to its own checksum (nil when not even the first did).
    public static func replay(_ records: [HistoryRecord], id: String) -> (document: DepartmentDocument?, revision: Int, broken: Break?) {
        var tree = RevisionReplay.emptyTree()
        var good: DepartmentDocument?
        var revision = 0
        for record in records {
            func broken(_ reason: String) -> (DepartmentDocument?, Int, Break?) {
                (good, revision, Break(revision: record.revision, user: record.user, host: record.host, time: record.time, reason: reason))
            }
            guard record.kind == .save else {
                if let good, record.sha256 != checksum(good) {
                    return broken("\(record.kind.rawValue) record names checksum \(record.sha256.prefix(12)), the document at revision \(revision) has \(checksum(good).prefix(12))")
                }
                continue
            }
            guard record.revision == revision + 1, record.baseRevision == revision else {
                return broken("follows revision \(revision) but says revision \(record.revision) based on \(record.baseRevision)")
            }
            let first = revision == 0
            if let mismatch = RevisionReplay.mismatches(record.changes, on: tree, first: first).first {
                return broken("claims a change that did not happen: \(mismatch)")
            }
            var next = tree
            RevisionReplay.apply(record.changes, on: &next, first: first)
            guard let document = try? next.document(id: id) else {
                return broken("its \(record.changes.count) recorded change(s) do not make a document")
            }
            let sum = checksum(document)
            guard sum == record.sha256 else {
                return broken("its \(record.changes.count) recorded change(s) give checksum \(sum.prefix(12)), "
                    + "the record says \(record.sha256.prefix(12)): the record hides a change or was altered")
            }
            tree = next
            good = document
            revision = record.revision
        }
        return (good, revision, nil)
    }
}
