import Foundation
import JixiaoModel

/// `jixiao fsck` on a database store (issue 15 item 3, PostgreSQL side): every row this role
/// can see decodes and matches its checksum, the history is numbered 1, 2, … and ends at the
/// document's revision and checksum, and the chain of records is replayed.
///
/// From schema version 2 the trigger keeps the body each save produced (`history.body`), so
/// each record is checked against the truth rather than against itself: its body must
/// reproduce its checksum, it must follow the checksum of the save before it, and the cells it
/// lists must be exactly those that differ from the body before it. A record that hides a
/// change, or claims one that did not happen, is reported with its revision and user. Records
/// written before version 2 have no body and are checked for numbering only.
extension PostgresStore: StoreChecking {
    public func check() throws(StoreError) -> StoreCheckReport {
        var report = StoreCheckReport(documentsChecked: 0, problems: [], repairs: [])
        for id in try allDocumentIDs() {
            report.documentsChecked += 1
            do {
                let exported = try exportDocument(id: id)
                let sha = SHA256.hex([UInt8](DocumentCodec.encode(exported.stored.document)))
                let path = "\(address) jixiao.history doc_id=\(id)"
                if let reason = HistoryLog.inconsistency(exported.history, revision: exported.stored.revision, sha256: sha) {
                    report.problems.append(DocumentProblem(id: id, path: path, reason: reason))
                }
                for reason in try replayHistory(id: id) {
                    report.problems.append(DocumentProblem(id: id, path: path, reason: reason))
                }
            } catch {
                switch error {
                case .damaged(let problem): report.problems.append(problem)
                case .damagedHistory(let path, let line, let reason):
                    report.problems.append(DocumentProblem(id: id, path: path, reason: "row \(line): \(reason)"))
                default: throw error
                }
            }
        }
        return report
    }

    /// What is wrong with the save records of `id`, replayed from the first.
    func replayHistory(id: String) throws(StoreError) -> [String] {
        let result: PostgresResult
        do {
            result = try withConnection { c throws(StoreError) in
                do {
                    return try c.execute("""
                        SELECT revision, user_name, sha256, previous_sha256, changes::text, body::text
                        FROM jixiao.history WHERE doc_id = $1 AND kind = 'save' ORDER BY seq
                        """, [id])
                } catch {
                    throw mapped(error, id: id)
                }
            }
        }
        let decoder = JSONDecoder()
        var problems: [String] = []
        // The body before the record being checked; `known` is false after a record without one.
        var previous: (document: DepartmentDocument, sha256: String)?
        var known = true
        for values in result.rows {
            let revision = values[0] ?? "?", user = values[1] ?? "?"
            let recordSHA = values[2] ?? ""
            let who = "revision \(revision) (saved by \(user))"
            guard let bodyText = values[5] else {
                known = false
                continue
            }
            let document: DepartmentDocument
            do {
                document = try DocumentCodec.decode(Data(bodyText.utf8))
            } catch {
                problems.append("\(who): the body the server kept does not decode (\(error.description))")
                known = false
                continue
            }
            let sha = SHA256.hex([UInt8](DocumentCodec.encode(document)))
            if sha != recordSHA {
                problems.append("\(who): the record's checksum \(recordSHA) is not that of its body (\(sha))")
            }
            if known, let previousSHA = values[3], previousSHA != (previous?.sha256 ?? previousSHA) {
                problems.append("\(who): follows checksum \(previousSHA), but the save before it has \(previous?.sha256 ?? "")")
            }
            if known {
                let recorded: [DocumentDiff.Change]
                do {
                    recorded = try decoder.decode([DocumentDiff.Change].self, from: Data((values[4] ?? "").utf8))
                } catch {
                    problems.append("\(who): its cells do not decode (\(HistoryLog.describe(error)))")
                    recorded = []
                }
                let actual = DocumentDiff.recordingOrder(from: previous?.document, to: document).changes
                let hidden = Set(actual).subtracting(recorded), invented = Set(recorded).subtracting(actual)
                if !hidden.isEmpty || !invented.isEmpty {
                    var reason = "\(who): the record lists \(recorded.count) changed cell(s), the revision changed \(actual.count)"
                    if !hidden.isEmpty { reason += "; hidden: " + Self.paths(hidden) }
                    if !invented.isEmpty { reason += "; not made: " + Self.paths(invented) }
                    problems.append(reason)
                }
            }
            previous = (document, sha)
            known = true
        }
        return problems
    }

    /// A few of the cells' paths, for a message.
    static func paths(_ changes: Set<DocumentDiff.Change>) -> String {
        let names = changes.map(\.path.description).sorted()
        return names.prefix(5).joined(separator: ", ") + (names.count > 5 ? " and \(names.count - 5) more" : "")
    }
}
