import Foundation
import JixiaoModel

extension PostgresStore: StoreTransfer {
    public func allDocumentIDs() throws(StoreError) -> [String] {
        try withConnection { c throws(StoreError) in
            do {
                return try c.execute("SELECT id FROM jixiao.documents ORDER BY id").rows.compactMap { $0[0] }
            } catch {
                throw mapped(error, id: "the document list")
            }
        }
    }

    public func exportDocument(id: String) throws(StoreError) -> TransferredDocument {
        try validate(id)
        return try withConnection { c throws(StoreError) in
            let row = try readRow(c, id: id)
            return TransferredDocument(stored: row.stored, history: try readHistory(c, id: id), deleted: row.deleted)
        }
    }

    /// One transaction: the document row and every history record as recorded. Clients hold
    /// no INSERT on either table (schema version 2), so only the schema owner imports; the
    /// history trigger records nothing for such direct writes.
    public func importDocument(_ transferred: TransferredDocument) throws(StoreError) {
        let stored = transferred.stored
        let document = stored.document
        let id = document.id
        try validate(id)
        let saver = stored.savedBy ?? SaverIdentity(user: "unknown", host: "unknown", pid: 0)
        let time = stored.savedAt ?? Timestamp.now()
        try withConnection { c throws(StoreError) in
            try transaction(c, id: id) { () throws -> ((), commit: Bool) in
                let body = String(decoding: DocumentCodec.encode(document), as: UTF8.self)
                let inserted = try c.execute("""
                    INSERT INTO jixiao.documents (id, unit_code, revision, body, sha256, summary, findings_version,
                        saved_by, saved_host, saved_pid, saved_at, deleted)
                    VALUES ($1, $2, $3, $4::jsonb, $5, $6::jsonb, $7, $8, $9, $10, $11, $12)
                    ON CONFLICT (id) DO NOTHING RETURNING 1
                    """, [id, document.unitCode, String(stored.revision), body, SHA256.hex(Array(body.utf8)),
                          summaryJSON(document, revision: stored.revision, saver: saver, time: time), findingCounter?.version,
                          saver.user, saver.host, String(saver.pid), time, transferred.deleted ? "t" : "f"])
                if inserted.rows.isEmpty { throw StoreError.alreadyExists(id: id) }
                for (index, record) in transferred.history.enumerated() {
                    try c.execute("""
                        INSERT INTO jixiao.history (doc_id, seq, unit_code, kind, revision, base_revision, user_name, host, pid, at,
                            sha256, changes)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb)
                        """, [id, String(index + 1), document.unitCode, record.kind.rawValue, String(record.revision),
                              String(record.baseRevision), record.user, record.host, String(record.pid), record.time,
                              record.sha256, PostgresStore.json(record.changes)])
                }
                try c.execute("SELECT pg_notify('jixiao', $1)", ["document " + id])
                return ((), true)
            }
        }
    }
}

extension PostgresStore {
    /// `jixiao store grant`: lets `role` (created NOLOGIN when missing, and made a member of
    /// jixiao_user) edit the documents of `unitCodes`. Staff log-in roles then join it:
    /// `GRANT office_441001 TO zhangsan`.
    public static func grant(url: String, role: String, unitCodes: [String]) throws(StoreError) {
        let connection = try PostgresConnection(try PostgresAddress(url))
        try PostgresSchema.checkUsable(connection)
        let quoted = PostgresConnection.quoteIdentifier(role)
        do {
            try connection.executeScript("""
                DO $grant$
                BEGIN
                    BEGIN
                        CREATE ROLE \(quoted) NOLOGIN;
                    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
                    END;
                END
                $grant$;
                GRANT jixiao_user TO \(quoted);
                """)
            for unit in unitCodes {
                try connection.execute("INSERT INTO jixiao.offices (unit_code, role) VALUES ($1, $2::regrole) ON CONFLICT DO NOTHING",
                                       [unit, quoted])
            }
        } catch {
            if error.isPermissionDenied {
                throw .permissionDenied(id: role, reason: "\(error.message); grant as the schema owner or a superuser")
            }
            throw .database(error.description)
        }
    }
}
