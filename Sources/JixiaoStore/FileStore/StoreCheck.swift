import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// What `fsck` found: every problem with the file it concerns, and what it repaired.
public struct StoreCheckReport: Sendable, Hashable {
    public var documentsChecked: Int
    public var problems: [DocumentProblem]
    /// Leftovers of interrupted saves that were set aside, each saying where its bytes went.
    public var repairs: [String]
    /// The store could not be written: it was checked without locks and nothing was moved.
    public var readOnly = false

    public init(documentsChecked: Int, problems: [DocumentProblem], repairs: [String], readOnly: Bool = false) {
        self.documentsChecked = documentsChecked
        self.problems = problems
        self.repairs = repairs
        self.readOnly = readOnly
    }

    public var isClean: Bool { problems.isEmpty }

    /// Adds `problem` unless the same file is reported already (a document moved aside now is
    /// also among the quarantined ones: it is one damaged document, counted once).
    mutating func report(_ problem: DocumentProblem) {
        if !problems.contains(where: { $0.path == problem.path }) { problems.append(problem) }
    }
}

extension FileDocumentStore: StoreChecking {
    /// Whether this process may change the store (false on a read-only mount or without write
    /// permission): a check then takes no locks and repairs nothing.
    var isWritable: Bool {
        faccessat(AT_FDCWD, root + "/documents", W_OK, AT_EACCESS) == 0
    }

    /// Checks every document, its checksum and its history: records numbered 1, 2, … without
    /// gaps, each one replayed from the first revision to its own checksum (`HistoryChain`),
    /// the last one naming the document's revision and checksum. Unreadable documents and odd
    /// entries are moved into `damaged/`; history records of interrupted saves are copied
    /// there before they are taken off. Nothing is ever deleted.
    public func check() throws(StoreError) -> StoreCheckReport {
        let writable = isWritable
        var report = StoreCheckReport(documentsChecked: 0, problems: [], repairs: [], readOnly: !writable)
        for (directory, live) in [("documents", true), ("deleted", false)] {
            let names: [String]
            do {
                names = try files.list("\(root)/\(directory)")
            } catch {
                throw .io(error)
            }
            for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
                let id = String(name.dropLast(".json".count))
                let path = "\(root)/\(directory)/\(name)"
                guard StableID.isValid(id) else {
                    report.report(DocumentProblem(id: id, path: path, reason: "file name is not a valid document id"))
                    continue
                }
                report.documentsChecked += 1
                do {
                    try checkDocument(id, path: path, live: live, writable: writable, into: &report)
                } catch {
                    // One document's trouble (an odd lock or history file) never stops the check.
                    switch error {
                    case .damaged(let problem): report.report(problem)
                    case .damagedHistory(let file, let line, let reason):
                        report.report(DocumentProblem(id: id, path: file, reason: "line \(line): \(reason)"))
                    case .io(let cause) where cause.isOddEntry:
                        report.report(DocumentProblem(id: id, path: cause.path, reason: cause.detail ?? "\(cause)"))
                    default: throw error
                    }
                }
            }
        }
        // History without any document: a department to restore from it, left as it is.
        var unreadable: [DocumentProblem] = []
        let restorable = try restorableHistories(unreadable: { unreadable.append($0) })
        for problem in restorable + unreadable { report.report(problem) }
        for problem in try quarantined() { report.report(problem) }
        return report
    }

    /// Checks one document and its history (under its lock when the store is writable).
    private func checkDocument(_ id: String, path: String, live: Bool, writable: Bool,
                               into report: inout StoreCheckReport) throws(StoreError) {
        let held = writable ? try lock(id) : nil
        defer { held?.unlock() }
        let file: DocumentFile
        switch try read(path, id: id) {
        case .missing: return
        case .unreadable(let unreadable):
            if unreadable.isNewerFormat || !live || !writable {
                report.report(DocumentProblem(id: id, path: path, reason: unreadable.reason))
            } else {
                report.report(try setAside(id, reason: unreadable.reason))
            }
            return
        case .readable(let found): file = found
        }
        let log = HistoryLog(path: historyPath(id), files: files)
        if writable, let repair = try trimHistory(log, toRevision: file.header.revision, sha256: file.header.sha256, live: live) {
            report.repairs.append(repair)
        }
        // Read-only: records past the document (an interrupted save) are left and not checked.
        let records = try log.read().records.filter { writable || $0.revision <= file.header.revision }
        if let reason = HistoryLog.inconsistency(records, revision: file.header.revision, sha256: file.header.sha256) {
            report.report(DocumentProblem(id: id, path: log.path, reason: reason))
        } else if let broken = HistoryChain.replay(records, id: id).broken {
            report.report(DocumentProblem(id: id, path: log.path, reason: "history chain broken at \(broken)"))
        }
    }
}

extension HistoryLog {
    /// Why `records` do not describe a document at `revision` with checksum `sha256`, if so.
    static func inconsistency(_ records: [HistoryRecord], revision: Int, sha256: String) -> String? {
        let saves = records.filter { $0.kind == .save }
        for (index, record) in saves.enumerated() {
            if record.revision != index + 1 {
                return "save record \(index + 1) has revision \(record.revision)"
            }
            if record.baseRevision != record.revision - 1 {
                return "revision \(record.revision) is based on \(record.baseRevision), not \(record.revision - 1)"
            }
        }
        guard let last = saves.last else { return "no history for revision \(revision)" }
        if last.revision != revision { return "history ends at revision \(last.revision), document is at \(revision)" }
        if last.sha256 != sha256 { return "revision \(revision) checksum \(sha256) differs from its history record (\(last.sha256))" }
        return nil
    }
}
