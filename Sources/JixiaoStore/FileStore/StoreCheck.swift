import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// What `fsck` found: every problem with the file it concerns, and what it repaired.
public struct StoreCheckReport: Sendable, Hashable {
    public var documentsChecked: Int
    public var problems: [DocumentProblem]
    /// Harmless leftovers of interrupted saves that were cleaned up (trimmed history records).
    public var repairs: [String]

    public var isClean: Bool { problems.isEmpty }
}

extension FileDocumentStore: StoreChecking {
    /// Checks every document, its checksum and its history: records numbered 1, 2, … without
    /// gaps, the last one naming the document's revision and checksum. Unreadable documents are
    /// moved aside; history records of interrupted saves are trimmed.
    public func check() throws(StoreError) -> StoreCheckReport {
        var report = StoreCheckReport(documentsChecked: 0, problems: [], repairs: [])
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
                    report.problems.append(DocumentProblem(id: id, path: path, reason: "file name is not a valid document id"))
                    continue
                }
                report.documentsChecked += 1
                let held = try lock(id)
                defer { held.unlock() }
                let file: DocumentFile
                switch try read(path, id: id) {
                case .missing: continue
                case .unreadable(let unreadable):
                    if unreadable.isNewerFormat || !live {
                        report.problems.append(DocumentProblem(id: id, path: path, reason: unreadable.reason))
                    } else {
                        report.problems.append(try setAside(id, reason: unreadable.reason))
                    }
                    continue
                case .readable(let found): file = found
                }
                let log = HistoryLog(path: historyPath(id), files: files)
                let before: Int
                do {
                    before = try log.read().records.count
                    try trimHistory(log, toRevision: file.header.revision, live: live)
                } catch {
                    if case .damagedHistory(let historyFile, let line, let reason) = error {
                        report.problems.append(DocumentProblem(id: id, path: historyFile, reason: "line \(line): \(reason)"))
                        continue
                    }
                    throw error
                }
                let records = try log.read().records
                if records.count < before {
                    report.repairs.append("\(log.path): trimmed \(before - records.count) record(s) of an interrupted save")
                }
                if let reason = HistoryLog.inconsistency(records, revision: file.header.revision, sha256: file.header.sha256) {
                    report.problems.append(DocumentProblem(id: id, path: log.path, reason: reason))
                }
            }
        }
        // History without any document: the leftover of an interrupted first save (repaired),
        // or a document that was lost (reported).
        let histories: [String]
        do {
            histories = try files.list("\(root)/history")
        } catch {
            throw .io(error)
        }
        for name in histories where name.hasSuffix(".jsonl") {
            let id = String(name.dropLast(".jsonl".count))
            guard StableID.isValid(id), !files.exists(documentPath(id)), !files.exists(deletedPath(id)),
                  try quarantined(id).isEmpty else { continue }
            let held = try lock(id)
            defer { held.unlock() }
            guard !files.exists(documentPath(id)) else { continue }
            let log = HistoryLog(path: historyPath(id), files: files)
            do {
                if let problem = try orphanedHistory(id, log) {
                    report.problems.append(problem)
                } else {
                    try trimHistory(log, toRevision: 0, live: true)
                    try files.unlink(log.path)
                    report.repairs.append("\(log.path): removed the record of an interrupted first save")
                }
            } catch let error as StoreError {
                if case .damagedHistory(let path, let line, let reason) = error {
                    report.problems.append(DocumentProblem(id: id, path: path, reason: "line \(line): \(reason)"))
                } else {
                    throw error
                }
            } catch let error as SystemError {
                throw .io(error)
            } catch {
                throw .io(SystemError("check", log.path, code: EIO))
            }
        }
        report.problems += try quarantined()
        return report
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
