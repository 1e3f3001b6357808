import Foundation
import JixiaoModel

/// The store in a PostgreSQL database, for a team working from several machines: the same
/// `DocumentStore` semantics as the file store, with permissions enforced by the server.
/// Schema, save transaction and permissions: docs/store.md and docs/deploy.md.
///
/// One connection per store, used under a lock; a broken connection is replaced at the next
/// call. A save whose COMMIT was in flight when the connection broke throws `commitUnknown`
/// and is never retried by the store.
public final class PostgresStore: DocumentStore, @unchecked Sendable {
    public struct Options: Sendable {
        /// Validation hook for the finding counts of the summaries.
        public var findingCounter: FindingCounter?
        /// Runs just before COMMIT with the backend's process id (tests cut the connection there).
        var beforeCommit: (@Sendable (Int32) -> Void)?

        public init(findingCounter: FindingCounter? = nil) {
            self.findingCounter = findingCounter
        }
    }

    public let address: PostgresAddress
    /// The authenticated role and the roles it is a member of (learnt at connect): what the
    /// access configuration's users and groups name in a database store.
    public let identity: Identity
    let findingCounter: FindingCounter?
    let beforeCommit: (@Sendable (Int32) -> Void)?
    let lock = NSLock()
    let connection: PostgresConnection
    /// The connection generation session state (presence locks) was last set up for.
    var sessionGeneration: Int
    /// Presence marks to re-establish after a reconnect.
    var openMarks: [Int32: WeakMark] = [:]
    /// The document each open mark is for.
    var markDocument: [Int32: String] = [:]
    /// The LISTEN connection, made by the first `changes(waitingUpTo:)`.
    var listener: PostgresConnection?
    let listenerLock = NSLock()

    struct WeakMark {
        weak var mark: PostgresPresenceMark?
    }

    /// Connects and checks the schema version.
    public init(url: String, options: Options = Options()) throws(StoreError) {
        address = try PostgresAddress(url)
        findingCounter = options.findingCounter
        beforeCommit = options.beforeCommit
        connection = try PostgresConnection(address)
        sessionGeneration = connection.generation
        try PostgresSchema.checkUsable(connection)
        identity = try PostgresStore.roleIdentity(connection)
    }

    /// `session_user` and every role it belongs to (directly or through other roles).
    static func roleIdentity(_ c: PostgresConnection) throws(StoreError) -> Identity {
        do {
            let result = try c.execute("""
                SELECT rolname::text FROM pg_roles
                WHERE rolname <> session_user AND pg_has_role(session_user, oid, 'MEMBER') ORDER BY 1
                """)
            return Identity(user: c.sessionUser, groups: Set(result.rows.compactMap { $0.first ?? nil }))
        } catch {
            throw .database(error.description)
        }
    }

    /// Who saves: the authenticated database role (not a client-side claim), this host and pid.
    public var saver: SaverIdentity {
        let local = SaverIdentity.current()
        return SaverIdentity(user: connection.sessionUser, host: local.host, pid: local.pid)
    }

    /// `jixiao store init`: creates the roles and the schema, or upgrades it.
    public static func initialize(url: String) throws(StoreError) -> SchemaInitOutcome {
        let connection = try PostgresConnection(try PostgresAddress(url))
        return try PostgresSchema.initialize(connection)
    }

    // MARK: Plumbing

    func validate(_ id: String) throws(StoreError) {
        guard StableID.isValid(id) else { throw .invalidID(id) }
    }

    /// Runs `body` on a working connection, under the store's lock.
    func withConnection<T>(_ body: (PostgresConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        lock.lock()
        defer { lock.unlock() }
        try connection.reconnectIfNeeded()
        if sessionGeneration != connection.generation {
            sessionGeneration = connection.generation
            reestablishMarks()
        }
        return try body(connection)
    }

    /// Like `withConnection`, for reads only: when the body fails because the connection broke
    /// (the server restarted or dropped an idle session), it runs once more on a new connection.
    /// A read changes nothing, so running it again is safe, and a reader such as the home screen
    /// then shows the data instead of an error for a drop it could not have known about.
    /// Writes never retry: their outcome after a break is reported (`commitUnknown`).
    func withReadingConnection<T>(_ body: (PostgresConnection) throws(StoreError) -> T) throws(StoreError) -> T {
        do {
            return try withConnection(body)
        } catch {
            guard connectionBroke() else { throw error }
            return try withConnection(body)
        }
    }

    private func connectionBroke() -> Bool {
        lock.lock()
        defer { lock.unlock() }
        return connection.isBroken
    }

    func mapped(_ error: any Error, id: String) -> StoreError {
        switch error {
        case let error as StoreError: return error
        case let error as PostgresError:
            if error.isPermissionDenied { return .permissionDenied(id: id, reason: error.message) }
            if error.isConnectionFailure {
                return .database("the connection to \(address) was lost (\(error.message)); nothing was changed; "
                    + "the next operation reconnects")
            }
            return .database(error.description)
        default: return .database("\(error)")
        }
    }

    /// Runs `body` in a transaction. `body` returns its value and whether to commit. A broken
    /// connection at COMMIT is `commitUnknown`; anything before COMMIT changed nothing.
    func transaction<T>(_ c: PostgresConnection, id: String, _ body: () throws -> (T, commit: Bool)) throws(StoreError) -> T {
        do {
            try c.execute("BEGIN")
        } catch {
            throw mapped(error, id: id)
        }
        let value: T
        let commit: Bool
        do {
            (value, commit) = try body()
        } catch {
            _ = try? c.execute("ROLLBACK")
            throw mapped(error, id: id)
        }
        guard commit else {
            _ = try? c.execute("ROLLBACK")
            return value
        }
        beforeCommit?(c.backendPID)
        do {
            try c.execute("COMMIT")
        } catch {
            if error.isConnectionFailure { throw .commitUnknown(id: id, reason: error.message) }
            throw mapped(error, id: id)
        }
        return value
    }

    /// Where a row is, for messages about damage.
    func rowPath(_ id: String) -> String { "\(address) jixiao.documents id=\(id)" }

    static let documentColumns = "revision, body::text, sha256, deleted, saved_by, saved_host, saved_pid, saved_at"

    struct Row {
        var stored: StoredDocument
        var sha256: String
        var deleted: Bool
    }

    /// A document row read with `documentColumns`; the body must decode and re-encode to the
    /// bytes its checksum names, else the row is damaged (e.g. edited by hand with psql).
    func decodeRow(_ values: [String?], id: String) throws(StoreError) -> Row {
        guard values.count == 8, let revisionText = values[0], let revision = Int(revisionText), let body = values[1],
              let sha = values[2] else {
            throw .damaged(DocumentProblem(id: id, path: rowPath(id), reason: "row has missing columns"))
        }
        let document: DepartmentDocument
        do {
            document = try DocumentCodec.decode(Data(body.utf8))
        } catch {
            throw .damaged(DocumentProblem(id: id, path: rowPath(id), reason: "body: \(error.description)"))
        }
        guard document.id == id else {
            throw .damaged(DocumentProblem(id: id, path: rowPath(id), reason: "$.id is \"\(document.id)\" but the row is \"\(id)\""))
        }
        let actual = SHA256.hex([UInt8](DocumentCodec.encode(document)))
        guard actual == sha else {
            throw .damaged(DocumentProblem(id: id, path: rowPath(id),
                                           reason: "checksum mismatch: body sha256 \(actual), row says \(sha) (changed outside jixiao?)"))
        }
        let saver = SaverIdentity(user: values[4] ?? "", host: values[5] ?? "", pid: Int32(values[6] ?? "") ?? 0)
        return Row(stored: StoredDocument(document: document, revision: revision, savedBy: saver, savedAt: values[7]),
                   sha256: sha, deleted: values[3] == "t")
    }

    static func json<T: Encodable>(_ value: T) -> String {
        String(decoding: DocumentFile.encodeLine(value).dropLast(), as: UTF8.self)
    }

    func summaryJSON(_ document: DepartmentDocument, revision: Int, saver: SaverIdentity, time: String) -> String {
        PostgresStore.json(DocumentSummary(document: document, revision: revision, findings: findingCounter?.count(document),
                                           savedBy: "\(saver.user)@\(saver.host)", savedAt: time))
    }

    // MARK: Reading

    public func load(id: String) throws(StoreError) -> StoredDocument {
        try validate(id)
        return try withReadingConnection { c throws(StoreError) in
            let row = try readRow(c, id: id)
            if row.deleted { throw .deleted(id: id) }
            return row.stored
        }
    }

    /// The row of `id` (live or deleted), decoded and checked; `notFound` when there is none
    /// this role can see.
    func readRow(_ c: PostgresConnection, id: String) throws(StoreError) -> Row {
        let result: PostgresResult
        do {
            result = try c.execute("SELECT \(PostgresStore.documentColumns) FROM jixiao.documents WHERE id = $1", [id])
        } catch {
            throw mapped(error, id: id)
        }
        guard let values = result.rows.first else { throw .notFound(id: id) }
        return try decodeRow(values, id: id)
    }

    public func history(id: String) throws(StoreError) -> [HistoryRecord] {
        try validate(id)
        return try withReadingConnection { c throws(StoreError) in try readHistory(c, id: id) }
    }

    func readHistory(_ c: PostgresConnection, id: String) throws(StoreError) -> [HistoryRecord] {
        let result: PostgresResult
        do {
            guard try c.execute("SELECT 1 FROM jixiao.documents WHERE id = $1", [id]).rows.count == 1 else {
                throw StoreError.notFound(id: id)
            }
            result = try c.execute("""
                SELECT kind, revision, base_revision, user_name, host, pid, at, sha256, changes::text, seq
                FROM jixiao.history WHERE doc_id = $1 ORDER BY seq
                """, [id])
        } catch {
            throw mapped(error, id: id)
        }
        let decoder = JSONDecoder()
        var records: [HistoryRecord] = []
        for values in result.rows {
            let seq = values[9] ?? "?"
            guard let kind = values[0].flatMap(HistoryRecord.Kind.init(rawValue:)),
                  let revision = values[1].flatMap({ Int($0) }), let base = values[2].flatMap({ Int($0) }),
                  let changesText = values[8] else {
                throw .damagedHistory(path: "\(address) jixiao.history doc_id=\(id)", line: Int(seq) ?? 0, reason: "unreadable row")
            }
            let changes: [DocumentDiff.Change]
            do {
                changes = try decoder.decode([DocumentDiff.Change].self, from: Data(changesText.utf8))
            } catch {
                throw .damagedHistory(path: "\(address) jixiao.history doc_id=\(id)", line: Int(seq) ?? 0,
                                      reason: "changes: \(HistoryLog.describe(error))")
            }
            let saver = SaverIdentity(user: values[3] ?? "", host: values[4] ?? "", pid: Int32(values[5] ?? "") ?? 0)
            records.append(HistoryRecord(kind: kind, revision: revision, baseRevision: base, saver: saver,
                                         time: values[6] ?? "", sha256: values[7] ?? "", changes: changes))
        }
        return records
    }

    public func list() throws(StoreError) -> StoreListing {
        try withReadingConnection { c throws(StoreError) in try summaries(c, deleted: false) }
    }

    public func listDeleted() throws(StoreError) -> [DocumentSummary] {
        try withReadingConnection { c throws(StoreError) in try summaries(c, deleted: true).documents }
    }

    /// The summaries as stored with each save: one query, no document bodies, except for rows
    /// whose finding counts were made by other rules (or none); those are counted again and
    /// written back (best effort: a reader without write permission just gets fresh counts).
    func summaries(_ c: PostgresConnection, deleted: Bool) throws(StoreError) -> StoreListing {
        let result: PostgresResult
        do {
            result = try c.execute("""
                SELECT id, summary::text, revision, saved_by || '@' || saved_host, saved_at, findings_version
                FROM jixiao.documents WHERE deleted = $1 ORDER BY id
                """, [deleted ? "t" : "f"])
        } catch {
            throw mapped(error, id: "the document list")
        }
        let decoder = JSONDecoder()
        var documents: [DocumentSummary] = []
        var problems: [DocumentProblem] = []
        for values in result.rows {
            guard let id = values[0] else { continue }
            let stale = findingCounter != nil && values[5] != findingCounter?.version
            if !stale, let text = values[1], var summary = try? decoder.decode(DocumentSummary.self, from: Data(text.utf8)) {
                summary.revision = Int(values[2] ?? "") ?? summary.revision
                summary.savedBy = values[3]
                summary.savedAt = values[4]
                documents.append(summary)
                continue
            }
            do {
                documents.append(try recount(c, id: id))
            } catch {
                if case .damaged(let problem) = error { problems.append(problem) } else { throw error }
            }
        }
        return StoreListing(documents: documents, problems: problems)
    }

    /// A row's summary made afresh from its body.
    func recount(_ c: PostgresConnection, id: String) throws(StoreError) -> DocumentSummary {
        let row = try readRow(c, id: id)
        let saver = row.stored.savedBy ?? SaverIdentity(user: "", host: "", pid: 0)
        let summary = DocumentSummary(document: row.stored.document, revision: row.stored.revision,
                                      findings: findingCounter?.count(row.stored.document),
                                      savedBy: "\(saver.user)@\(saver.host)", savedAt: row.stored.savedAt)
        // Only while the row is still that revision; failure (no permission) is fine: it is a cache.
        _ = try? c.execute("SELECT jixiao.refresh_summary($1, $2, $3, $4)",
                           [id, String(row.stored.revision), PostgresStore.json(summary), findingCounter?.version])
        return summary
    }

    // MARK: Saving

    public func save(_ document: DepartmentDocument, base: Int) throws(StoreError) -> SaveOutcome {
        try write(document, base: base, installing: false)
    }

    public func install(_ document: DepartmentDocument) throws(StoreError) -> SaveOutcome {
        try write(document, base: 0, installing: true)
    }

    /// The save transaction; the review rules are checked inside it, against the row locked
    /// FOR UPDATE and the configuration as the transaction sees it.
    func write(_ document: DepartmentDocument, base: Int, installing: Bool) throws(StoreError) -> SaveOutcome {
        let id = document.id
        try validate(id)
        let saver = self.saver
        return try withConnection { c throws(StoreError) in
            try transaction(c, id: id) { () throws -> (SaveOutcome, commit: Bool) in
                var current: Row?
                if try lockRow(c, id: id) {
                    current = try readRow(c, id: id)
                }
                if current?.deleted == true { throw StoreError.deleted(id: id) }
                let currentRevision = current?.stored.revision ?? 0
                guard currentRevision == base else {
                    if let current { return (.conflict(current: current.stored), false) }
                    throw StoreError.notFound(id: id)
                }
                try checkAccess(c, stored: current?.stored.document, new: document, installing: installing)
                let time = Timestamp.now()
                let revision = base + 1
                let body = String(decoding: DocumentCodec.encode(document), as: UTF8.self)
                let sha = SHA256.hex(Array(body.utf8))
                let summary = summaryJSON(document, revision: revision, saver: saver, time: time)
                let changes = DocumentDiff.recordingOrder(from: current?.stored.document, to: document).changes
                // The server checks the caller's roles and the review rules again, computes the
                // checksum itself and writes the history record (PostgresEnforcement).
                let saved = try c.execute("SELECT jixiao.save_document($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
                                          [id, String(base), body, summary, findingCounter?.version, saver.host, String(saver.pid),
                                           time, PostgresStore.json(changes), installing ? "t" : "f"])
                if saved.value(0, 0) == "0" {
                    // Someone created it first (a conflict), or it exists out of this role's sight.
                    guard try lockRow(c, id: id) else {
                        throw StoreError.permissionDenied(id: id, reason: "the id belongs to a department this role cannot see")
                    }
                    let row = try readRow(c, id: id)
                    if row.deleted { throw StoreError.deleted(id: id) }
                    return (.conflict(current: row.stored), false)
                }
                let stored = try c.execute("SELECT sha256 FROM jixiao.documents WHERE id = $1", [id]).value(0, 0)
                guard saved.value(0, 0) == String(revision), stored == sha else {
                    throw StoreError.database("\(address): the server stored \(id) differently from what was sent")
                }
                try c.execute("SELECT pg_notify('jixiao', $1)", ["document " + id])
                return (.saved(revision: revision), true)
            }
        }
    }

    /// Locks the row of `id` for this transaction (through `jixiao.lock_document`: clients have
    /// no UPDATE privilege to lock with): true when locked, false when there is no row this role
    /// can see, `permissionDenied` when it may read but not change it.
    func lockRow(_ c: PostgresConnection, id: String) throws -> Bool {
        switch try c.execute("SELECT jixiao.lock_document($1)", [id]).value(0, 0) {
        case "locked": return true
        case "read-only": throw StoreError.permissionDenied(id: id, reason: "this role may read but not change the document")
        default: return false
        }
    }

    // MARK: Soft delete

    public func delete(id: String) throws(StoreError) {
        try setDeleted(id, true)
    }

    public func restore(id: String) throws(StoreError) {
        try setDeleted(id, false)
    }

    private func setDeleted(_ id: String, _ deleted: Bool) throws(StoreError) {
        try validate(id)
        let saver = self.saver
        try withConnection { c throws(StoreError) in
            try transaction(c, id: id) { () throws -> ((), commit: Bool) in
                guard try lockRow(c, id: id) else { throw StoreError.notFound(id: id) }
                let row = try readRow(c, id: id)
                if row.deleted == deleted { throw deleted ? StoreError.deleted(id: id) : StoreError.alreadyExists(id: id) }
                if let refusal = try readAccessPolicy(c).refusalToDelete(row.stored.document, by: identity) {
                    throw StoreError.refused(id: id, refusal)
                }
                try c.execute("SELECT jixiao.set_deleted($1, $2, $3, $4, $5)",
                              [id, deleted ? "t" : "f", saver.host, String(saver.pid), Timestamp.now()])
                try c.execute("SELECT pg_notify('jixiao', $1)", ["document " + id])
                return ((), true)
            }
        }
    }
}
