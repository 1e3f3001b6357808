import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// Schema version 2 (PostgresEnforcement): an office role that bypasses jixiao and talks SQL to
/// the server itself, with psql as a separate process logged in as that role, can neither
/// approve, nor change a status, nor record a save that hides its changes; a record that lies
/// in a way the server cannot see is found by `fsck`. And a version 1 store upgrades in place.
@Suite(.serialized) struct PostgresEnforcementTests {
    static let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let id = "900901-2024"

    /// Runs `sql` (a file, so bodies travel dollar-quoted without any shell or psql quoting) as `url`'s role.
    static func psqlRun(_ url: String, _ sql: String) throws -> Probe.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-attack-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).sql")
        try Data(sql.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try Probe.run(psql!, [url, "-X", "-q", "-t", "-A", "-v", "ON_ERROR_STOP=1", "-f", file.path])
    }

    /// `jixiao.save_document` called by hand with `document` as the new body.
    static func saveCall(_ store: PostgresStore, _ document: DepartmentDocument, base: Int, changes: [DocumentDiff.Change],
                         installing: Bool = false) -> String {
        let body = String(decoding: DocumentCodec.encode(document), as: UTF8.self)
        let summary = store.summaryJSON(document, revision: base + 1, saver: store.saver, time: "2026-11-23T08:00:00Z")
        return """
            SELECT jixiao.save_document('\(id)', \(base), $b$\(body)$b$, $s$\(summary)$s$, NULL, 'psql', 1,
                '2026-11-23T08:00:00Z', $c$\(PostgresStore.json(changes))$c$, \(installing));
            """
    }

    @Test func anOfficeRoleInPsqlCannotApproveChangeAStatusOrForgeItsHistory() throws {
        guard TestPostgres.baseURL != nil, Self.psql != nil else {
            print(TestPostgres.skipMessage + " (or psql is missing)")
            return
        }
        try TestPostgres.withServer {
            try OfficeAndReviewer.with { fixture in
            let (name, url) = (fixture.database, fixture.url)
            let (alice, rita) = (fixture.alice, fixture.rita)
            let aliceURL = TestPostgres.url(database: name, user: alice)
            let asAlice = try PostgresStore(url: aliceURL)
            let admin = try PostgresStore(url: url)
            #expect(try asAlice.save(try AccessControlTests.clean(), base: 0) == .saved(revision: 1))

            // A save that changes a cell but records none is refused by the trigger.
            var edited = try asAlice.load(id: Self.id).document
            edited.unitName += "（改）"
            let silent = try Self.psqlRun(aliceURL, Self.saveCall(asAlice, edited, base: 1, changes: []))
            #expect(silent.status != 0 && silent.stderr.contains("lists no cells"), "\(silent.stdout) \(silent.stderr)")
            // Nor can the record be written by hand, nor the row updated directly.
            let insert = try Self.psqlRun(aliceURL, """
                INSERT INTO jixiao.history (doc_id, seq, unit_code, kind, revision, base_revision, user_name, host, pid, at, sha256, changes)
                VALUES ('\(Self.id)', 9, '900901', 'save', 2, 1, '\(alice)', 'h', 1, 't', 'x', '[]');
                """)
            #expect(insert.status != 0 && insert.stderr.contains("permission denied"), "\(insert.stderr)")
            let direct = try Self.psqlRun(aliceURL, "UPDATE jixiao.documents SET body = jsonb_set(body, '{unitName}', '\"x\"') WHERE id = '\(Self.id)';")
            #expect(direct.status != 0 && direct.stderr.contains("permission denied"), "\(direct.stderr)")
            #expect(try admin.load(id: Self.id).revision == 1)

            // A record listing a cell other than the one changed gets past the server, and fsck
            // names its revision and user.
            let decoy = DocumentDiff.Change(path: .field("fiscalYear"), old: .text("2024"), new: .text("2025"))
            let lie = try Self.psqlRun(aliceURL, Self.saveCall(asAlice, edited, base: 1, changes: [decoy]))
            #expect(lie.status == 0, "\(lie.stderr)")
            let report = try admin.check()
            let problem = report.problems.map(\.reason).joined(separator: "\n")
            #expect(problem.contains("revision 2 (saved by \(alice))"), "\(problem)")
            #expect(problem.contains("hidden: unitName") && problem.contains("not made: fiscalYear"), "\(problem)")
            #expect(try admin.history(id: Self.id).last?.user == alice, "the trigger signs with the session role")

            // Submitted through jixiao; then the office tries to approve it itself.
            #expect(try AccessConformanceTests.step(.submit, on: asAlice) == .saved(revision: 3))
            let submitted = try asAlice.load(id: Self.id)
            for signer in [alice, rita] {
                let approved = try ReviewWorkflow.apply(.approve, to: submitted.document,
                                                        by: Identity(user: signer, groups: []), at: "2026-11-23T09:00:00Z",
                                                        revision: 3, comment: "")
                let changes = DocumentDiff.recordingOrder(from: submitted.document, to: approved).changes
                let attempt = try Self.psqlRun(aliceURL, Self.saveCall(asAlice, approved, base: 3, changes: changes))
                #expect(attempt.status != 0, "\(attempt.stdout)")
                #expect(attempt.stderr.contains(signer == alice ? "may not approve: not a reviewer" : "signed \(rita) saved by \(alice)"),
                        "\(attempt.stderr)")
            }
            // A status change with no log entry, straight to approved or back to draft.
            for status in [ReviewStatus.approved, .draft] {
                var moved = submitted.document
                moved.status = status
                let changes = DocumentDiff.recordingOrder(from: submitted.document, to: moved).changes
                let attempt = try Self.psqlRun(aliceURL, Self.saveCall(asAlice, moved, base: 3, changes: changes))
                #expect(attempt.status != 0 && attempt.stderr.contains("is not where the review log leads"), "\(attempt.stderr)")
            }
            // Nor by installing a new department of its unit that arrives approved.
            var backdoor = try ReviewWorkflow.apply(.approve, to: submitted.document, by: Identity(user: rita), at: "2026-11-23T09:00:00Z",
                                                    revision: 3, comment: "")
            backdoor.id = "900901-2025"
            backdoor.fiscalYear = 2025
            let install = try Self.psqlRun(aliceURL, Self.saveCall(asAlice, backdoor, base: 0,
                                                                  changes: DocumentDiff.recordingOrder(from: nil, to: backdoor).changes, installing: true)
                .replacingOccurrences(of: "'\(Self.id)'", with: "'900901-2025'"))
            #expect(install.status != 0 && install.stderr.contains("only a reviewer installs"), "\(install.stderr)")
            let statusUpdate = try Self.psqlRun(aliceURL, "UPDATE jixiao.documents SET summary = jsonb_set(summary, '{status}', '\"approved\"');")
            #expect(statusUpdate.status != 0 && statusUpdate.stderr.contains("permission denied"), "\(statusUpdate.stderr)")
            #expect(try admin.load(id: Self.id).document.status == .submitted)
            #expect(try admin.list().documents.first?.status == ReviewStatus.submitted.rawValue)

            // The reviewer approves through jixiao; the server agrees.
            let asRita = try PostgresStore(url: TestPostgres.url(database: name, user: rita))
            #expect(try AccessConformanceTests.step(.approve, on: asRita) == .saved(revision: 4))
            #expect(try admin.history(id: Self.id).map(\.user) == [alice, alice, alice, rita])
            }
        }
    }

    /// A store made by schema version 1 (rows and history written directly) upgrades to 2 in
    /// place: its documents and records stay, its old records are not reported, new saves go
    /// through the functions and are verified.
    @Test func aVersionOneStoreUpgradesInPlace() throws {
        guard TestPostgres.baseURL != nil else {
            print(TestPostgres.skipMessage)
            return
        }
        try TestPostgres.withServer {
            let name = "jixiao_t_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
            try TestPostgres.admin("CREATE DATABASE \(name)")
            defer { TestPostgres.dropDatabase(name) }
            let url = TestPostgres.url(database: name)
            let connection = try PostgresConnection(try PostgresAddress(url))
            try connection.executeScript(PostgresSchema.roles)
            try connection.executeScript(PostgresSchema.migrations[0])
            let old = try AccessControlTests.clean()
            let body = String(decoding: DocumentCodec.encode(old), as: UTF8.self)
            let sha = SHA256.hex(Array(body.utf8))
            let changes = PostgresStore.json(DocumentDiff.recordingOrder(from: nil, to: old).changes)
            try connection.execute("""
                INSERT INTO jixiao.documents (id, unit_code, revision, body, sha256, summary, saved_by, saved_host, saved_pid, saved_at)
                VALUES ($1, '900901', 1, $2::jsonb, $3, '{}'::jsonb, 'old', 'h', 1, '2026-01-01T00:00:00Z')
                """, [Self.id, body, sha])
            try connection.execute("""
                INSERT INTO jixiao.history (doc_id, seq, unit_code, kind, revision, base_revision, user_name, host, pid, at, sha256, changes)
                VALUES ($1, 1, '900901', 'save', 1, 0, 'old', 'h', 1, '2026-01-01T00:00:00Z', $2, $3::jsonb)
                """, [Self.id, sha, changes])
            #expect(throws: StoreError.self) { _ = try PostgresStore(url: url) }
            #expect(try PostgresStore.initialize(url: url) == .upgraded(from: 1, to: 2))
            #expect(try PostgresStore.initialize(url: url) == .upToDate(version: 2))
            let store = try PostgresStore(url: url)
            var next = try store.load(id: Self.id).document
            #expect(next == old)
            next.unitName += "（改）"
            #expect(try store.save(next, base: 1) == .saved(revision: 2))
            #expect(try store.history(id: Self.id).map(\.revision) == [1, 2])
            let report = try store.check()
            #expect(report.problems.isEmpty, "\(report.problems)")
        }
    }
}
