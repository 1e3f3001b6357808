/// The jixiao schema in PostgreSQL and its migrations. `jixiao store init` applies them;
/// opening a store checks the version and refuses a schema newer than this jixiao knows.
///
/// Tables (schema `jixiao`): `meta` (schema version, read scope), `offices` (which roles edit
/// which unit codes), `documents` (one row per department-year: jsonb body, revision, summary
/// for the list), `history` (append-only audit trail), `drafts` + `draft_edits` (each user's
/// unsaved committed edits), `presence` (who has what open). From version 2 clients write
/// documents and history only through functions the server checks (`PostgresEnforcement`). Roles: `jixiao_user` (base
/// privileges), `jixiao_reviewer` (reads and edits every office). Row-level security confines
/// everyone else to the unit codes `offices` grants their roles. docs/deploy.md explains it.
enum PostgresSchema {
    /// The version this jixiao writes and understands.
    static let currentVersion = 2

    /// Advisory lock key (first half) for everything jixiao locks in a database.
    static let lockSpace: Int32 = 0x6A78 // "jx"
    /// Second half of the key `store init` holds while migrating.
    static let migrationLock: Int32 = 0

    /// Cluster-wide roles; created when missing (a concurrent creator is not an error).
    static let roles = """
        DO $roles$
        BEGIN
            BEGIN
                CREATE ROLE jixiao_user NOLOGIN;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
            BEGIN
                CREATE ROLE jixiao_reviewer NOLOGIN IN ROLE jixiao_user;
            EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
            END;
        END
        $roles$;
        """

    /// Migration `n` takes the schema from version n to n + 1 (index 0 creates it).
    static let migrations: [String] = [
        """
        CREATE SCHEMA jixiao;
        CREATE TABLE jixiao.meta (key text PRIMARY KEY, value text NOT NULL);
        INSERT INTO jixiao.meta VALUES ('schema_version', '1'), ('read_scope', 'own');

        -- Which roles edit which unit codes (单位代码). A role may hold several units.
        CREATE TABLE jixiao.offices (
            unit_code text NOT NULL,
            role regrole NOT NULL,
            PRIMARY KEY (unit_code, role)
        );

        CREATE TABLE jixiao.documents (
            id text PRIMARY KEY CHECK (id ~ '^[A-Za-z0-9_-]{1,64}$'),
            unit_code text NOT NULL,
            revision bigint NOT NULL CHECK (revision > 0),
            body jsonb NOT NULL,
            -- SHA-256 of the canonical document bytes (DocumentCodec.encode), as in the file store.
            sha256 text NOT NULL,
            -- DocumentSummary for the list: the home screen never reads bodies.
            summary jsonb NOT NULL,
            findings_version text,
            saved_by text NOT NULL,
            saved_host text NOT NULL,
            saved_pid integer NOT NULL,
            saved_at text NOT NULL,
            deleted boolean NOT NULL DEFAULT false
        );
        CREATE INDEX documents_unit_code ON jixiao.documents (unit_code);

        CREATE TABLE jixiao.history (
            doc_id text NOT NULL REFERENCES jixiao.documents (id),
            seq integer NOT NULL CHECK (seq > 0),
            unit_code text NOT NULL,
            kind text NOT NULL CHECK (kind IN ('save', 'delete', 'restore')),
            revision bigint NOT NULL,
            base_revision bigint NOT NULL,
            user_name text NOT NULL,
            host text NOT NULL,
            pid integer NOT NULL,
            at text NOT NULL,
            sha256 text NOT NULL,
            changes jsonb NOT NULL,
            PRIMARY KEY (doc_id, seq)
        );
        -- The engine itself refuses two saves of one revision.
        CREATE UNIQUE INDEX history_one_save_per_revision ON jixiao.history (doc_id, revision) WHERE kind = 'save';

        CREATE TABLE jixiao.drafts (
            user_name text NOT NULL DEFAULT session_user,
            doc_id text NOT NULL,
            base_revision bigint NOT NULL,
            base text NOT NULL,
            created text NOT NULL,
            PRIMARY KEY (user_name, doc_id)
        );
        CREATE TABLE jixiao.draft_edits (
            user_name text NOT NULL DEFAULT session_user,
            doc_id text NOT NULL,
            seq integer NOT NULL,
            edit text NOT NULL,
            PRIMARY KEY (user_name, doc_id, seq),
            FOREIGN KEY (user_name, doc_id) REFERENCES jixiao.drafts ON DELETE CASCADE
        );

        CREATE SEQUENCE jixiao.presence_key CYCLE MAXVALUE 2147483647;
        CREATE TABLE jixiao.presence (
            key integer PRIMARY KEY,
            doc_id text NOT NULL,
            user_name text NOT NULL DEFAULT session_user,
            host text NOT NULL,
            pid integer NOT NULL,
            since text NOT NULL
        );
        CREATE INDEX presence_doc ON jixiao.presence (doc_id);

        -- Who may edit a unit's documents: reviewers, and members of a role `offices` names.
        CREATE FUNCTION jixiao.may_edit(unit text) RETURNS boolean LANGUAGE sql STABLE AS $f$
            SELECT pg_has_role(current_user, 'jixiao_reviewer', 'MEMBER')
                OR EXISTS (SELECT 1 FROM jixiao.offices o
                           WHERE o.unit_code = unit AND coalesce(pg_has_role(current_user, o.role::oid, 'MEMBER'), false))
        $f$;
        -- Who may read them: editors, or everyone when meta.read_scope is 'all'.
        CREATE FUNCTION jixiao.may_read(unit text) RETURNS boolean LANGUAGE sql STABLE AS $f$
            SELECT jixiao.may_edit(unit)
                OR coalesce((SELECT value = 'all' FROM jixiao.meta WHERE key = 'read_scope'), false)
        $f$;

        ALTER TABLE jixiao.documents ENABLE ROW LEVEL SECURITY;
        CREATE POLICY documents_read ON jixiao.documents FOR SELECT USING (jixiao.may_read(unit_code));
        CREATE POLICY documents_create ON jixiao.documents FOR INSERT WITH CHECK (jixiao.may_edit(unit_code));
        CREATE POLICY documents_change ON jixiao.documents FOR UPDATE USING (jixiao.may_edit(unit_code)) WITH CHECK (jixiao.may_edit(unit_code));

        ALTER TABLE jixiao.history ENABLE ROW LEVEL SECURITY;
        CREATE POLICY history_read ON jixiao.history FOR SELECT USING (jixiao.may_read(unit_code));
        -- Append only, and only in one's own name: no UPDATE or DELETE is granted at all.
        CREATE POLICY history_append ON jixiao.history FOR INSERT WITH CHECK (jixiao.may_edit(unit_code) AND user_name = session_user);

        ALTER TABLE jixiao.drafts ENABLE ROW LEVEL SECURITY;
        CREATE POLICY drafts_own ON jixiao.drafts USING (user_name = session_user) WITH CHECK (user_name = session_user);
        ALTER TABLE jixiao.draft_edits ENABLE ROW LEVEL SECURITY;
        CREATE POLICY draft_edits_own ON jixiao.draft_edits USING (user_name = session_user) WITH CHECK (user_name = session_user);

        ALTER TABLE jixiao.presence ENABLE ROW LEVEL SECURITY;
        CREATE POLICY presence_see ON jixiao.presence FOR SELECT USING (true);
        CREATE POLICY presence_mark ON jixiao.presence FOR INSERT WITH CHECK (user_name = session_user);
        -- Anyone may clear an entry: readers remove those whose advisory lock is free (process gone).
        CREATE POLICY presence_clear ON jixiao.presence FOR DELETE USING (true);

        REVOKE ALL ON SCHEMA jixiao FROM PUBLIC;
        GRANT USAGE ON SCHEMA jixiao TO jixiao_user;
        GRANT SELECT ON jixiao.meta, jixiao.offices TO jixiao_user;
        GRANT SELECT, INSERT, UPDATE ON jixiao.documents TO jixiao_user;
        GRANT SELECT, INSERT ON jixiao.history TO jixiao_user;
        GRANT SELECT, INSERT, UPDATE, DELETE ON jixiao.drafts, jixiao.draft_edits TO jixiao_user;
        GRANT SELECT, INSERT, DELETE ON jixiao.presence TO jixiao_user;
        GRANT USAGE ON SEQUENCE jixiao.presence_key TO jixiao_user;
        GRANT EXECUTE ON FUNCTION jixiao.may_edit(text), jixiao.may_read(text) TO jixiao_user;
        """,
        engineEnforcedRoles,
    ]

    /// The version recorded in the database, or nil when there is no jixiao schema.
    static func installedVersion(_ connection: PostgresConnection) throws(StoreError) -> Int? {
        do {
            let exists = try connection.execute("SELECT to_regclass('jixiao.meta') IS NOT NULL")
            guard exists.value(0, 0) == "t" else { return nil }
            let result = try connection.execute("SELECT value FROM jixiao.meta WHERE key = 'schema_version'")
            guard let text = result.value(0, 0), let version = Int(text) else {
                throw StoreError.schema("\(connection.address): jixiao.meta has no readable schema_version")
            }
            return version
        } catch let error as StoreError {
            throw error
        } catch let error as PostgresError {
            if error.isPermissionDenied {
                throw .schema("\(connection.address): no access to the jixiao schema (\(error.message)); "
                    + "the role needs membership of jixiao_user, see docs/deploy.md")
            }
            throw .database(error.description)
        } catch {
            throw .database("\(error)")
        }
    }

    /// Refuses a database the running jixiao cannot use as it is.
    static func checkUsable(_ connection: PostgresConnection) throws(StoreError) {
        guard let version = try installedVersion(connection) else {
            throw .schema("\(connection.address) has no jixiao schema; run `jixiao store init --store URL` as its owner")
        }
        if version > currentVersion {
            throw .schema("\(connection.address) has jixiao schema version \(version), newer than this jixiao knows "
                + "(\(currentVersion)); upgrade jixiao")
        }
        if version < currentVersion {
            throw .schema("\(connection.address) has jixiao schema version \(version); run `jixiao store init` to upgrade it "
                + "to \(currentVersion)")
        }
    }

    /// Creates or upgrades the schema in one transaction, under an advisory lock so two
    /// concurrent inits do not both migrate.
    static func initialize(_ connection: PostgresConnection) throws(StoreError) -> SchemaInitOutcome {
        do {
            try connection.executeScript(roles)
            try connection.execute("BEGIN")
            try connection.execute("SELECT pg_advisory_xact_lock($1::int, $2::int)", [String(lockSpace), String(migrationLock)])
            let found = try installedVersion(connection)
            if let found, found > currentVersion {
                try connection.execute("ROLLBACK")
                throw StoreError.schema("\(connection.address) has jixiao schema version \(found), newer than this jixiao knows "
                    + "(\(currentVersion)); upgrade jixiao, nothing was changed")
            }
            let start = found ?? 0
            for version in start..<currentVersion {
                try connection.executeScript(migrations[version])
            }
            try connection.execute("UPDATE jixiao.meta SET value = $1 WHERE key = 'schema_version'", [String(currentVersion)])
            try connection.execute("COMMIT")
            if found == nil { return .created(version: currentVersion) }
            return start == currentVersion ? .upToDate(version: currentVersion) : .upgraded(from: start, to: currentVersion)
        } catch let error as StoreError {
            _ = try? connection.execute("ROLLBACK")
            throw error
        } catch let error as PostgresError {
            _ = try? connection.execute("ROLLBACK")
            if error.isPermissionDenied {
                throw .permissionDenied(id: "the jixiao schema", reason: "\(error.message); run `jixiao store init` as the "
                    + "database owner or a superuser")
            }
            throw .database(error.description)
        } catch {
            throw .database("\(error)")
        }
    }
}

/// What `jixiao store init` did to a database's schema.
public enum SchemaInitOutcome: Sendable, Hashable, CustomStringConvertible {
    case created(version: Int)
    case upgraded(from: Int, to: Int)
    case upToDate(version: Int)

    public var description: String {
        switch self {
        case .created(let version): "created the jixiao schema (version \(version)), roles jixiao_user and jixiao_reviewer"
        case .upgraded(let from, let to): "upgraded the jixiao schema from version \(from) to \(to)"
        case .upToDate(let version): "the jixiao schema is up to date (version \(version)); nothing changed"
        }
    }
}
