import Foundation
import JixiaoModel

/// A user's draft in `jixiao.drafts` (base revision and base document) and
/// `jixiao.draft_edits` (one row per committed edit, numbered). Each append is its own
/// committed statement, so it is durable when it returns; the rows belong to the database
/// role, so a user who reconnects to another host finds the draft there.
public final class PostgresDraftJournal: DraftJournaling {
    public let documentID: String
    private let store: PostgresStore
    /// The number the next edit gets; nil until `begin`.
    private var nextSeq: Int?

    init(documentID: String, store: PostgresStore) {
        self.documentID = documentID
        self.store = store
    }

    public func begin(on base: StoredDocument) throws(StoreError) {
        let id = documentID
        let body = String(decoding: DocumentCodec.encode(base.document), as: UTF8.self)
        try store.withConnection { c throws(StoreError) in
            try store.transaction(c, id: id) { () throws -> ((), commit: Bool) in
                try c.execute("DELETE FROM jixiao.drafts WHERE user_name = session_user AND doc_id = $1", [id])
                try c.execute("INSERT INTO jixiao.drafts (doc_id, base_revision, base, created) VALUES ($1, $2, $3, $4)",
                              [id, String(base.revision), body, Timestamp.now()])
                return ((), true)
            }
        }
        nextSeq = 1
    }

    public func append(_ edits: [CellEdit]) throws(StoreError) {
        guard let first = nextSeq else { throw .draft(path: store.draftPath(documentID), reason: "journal not begun") }
        guard !edits.isEmpty else { return }
        var values: [String?] = [documentID]
        var rows: [String] = []
        for (offset, edit) in edits.enumerated() {
            values.append(String(first + offset))
            values.append(PostgresStore.json(edit))
            rows.append("($1, $\(values.count - 1)::int, $\(values.count))")
        }
        let id = documentID
        try store.withConnection { c throws(StoreError) in
            do {
                try c.execute("INSERT INTO jixiao.draft_edits (doc_id, seq, edit) VALUES " + rows.joined(separator: ", "), values)
            } catch let error as PostgresError where error.isConnectionFailure {
                throw StoreError.commitUnknown(id: "draft of \(id)", reason: error.message)
            } catch {
                throw store.mapped(error, id: id)
            }
        }
        nextSeq = first + edits.count
    }

    public func discard() throws(StoreError) {
        let id = documentID
        try store.withConnection { c throws(StoreError) in
            do {
                try c.execute("DELETE FROM jixiao.drafts WHERE user_name = session_user AND doc_id = $1", [id])
            } catch {
                throw store.mapped(error, id: id)
            }
        }
        nextSeq = nil
    }
}

extension PostgresStore: DraftStore {
    func draftPath(_ id: String) -> String { "\(address) jixiao.drafts \(connection.sessionUser)/\(id)" }

    public func draftJournal(id: String) throws(StoreError) -> PostgresDraftJournal {
        try validate(id)
        return PostgresDraftJournal(documentID: id, store: self)
    }

    public func recoverDraft(id: String) throws(StoreError) -> DraftJournal.Draft? {
        try validate(id)
        let (header, edits) = try withConnection { c throws(StoreError) -> ([String?]?, [[String?]]) in
            do {
                let header = try c.execute("SELECT base_revision, base FROM jixiao.drafts WHERE user_name = session_user AND doc_id = $1",
                                           [id]).rows.first
                let edits = try c.execute("""
                    SELECT seq, edit FROM jixiao.draft_edits WHERE user_name = session_user AND doc_id = $1 ORDER BY seq
                    """, [id]).rows
                return (header, edits)
            } catch {
                throw mapped(error, id: id)
            }
        }
        guard let header else { return nil }
        let path = draftPath(id)
        guard let revision = header[0].flatMap({ Int($0) }), let baseText = header[1] else {
            throw .draft(path: path, reason: "unreadable header row")
        }
        let base: DepartmentDocument
        do {
            base = try DocumentCodec.decode(Data(baseText.utf8))
        } catch {
            throw .draft(path: path, reason: "base: \(error)")
        }
        let decoder = JSONDecoder()
        var decoded: [CellEdit] = []
        for row in edits {
            do {
                decoded.append(try decoder.decode(CellEdit.self, from: Data((row[1] ?? "").utf8)))
            } catch {
                throw .draft(path: path, reason: "edit \(row[0] ?? "?"): \(error)")
            }
        }
        return try DraftJournal.replay(decoded, on: base, baseRevision: revision, source: path, firstLine: 1)
    }
}
