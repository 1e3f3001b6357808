import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore
@testable import jixiao_store_probe
#if canImport(Glibc)
import Glibc
#endif

/// The backends every conformance test runs against.
enum Backend: String, CaseIterable, Sendable, CustomTestStringConvertible {
    case file, postgres
    var testDescription: String { rawValue }
}

/// One store of either backend, fresh for a test: a temp directory, or a fresh database.
final class StoreFixture {
    let backend: Backend
    /// What `--store` would name: the directory or the URL.
    let address: String
    let store: any StoreTransfer
    private let database: String?
    private let temporary: TemporaryStore?

    /// nil (with the reason printed) when the backend is not available here.
    static func make(_ backend: Backend, findingCounter: FindingCounter? = nil) throws -> StoreFixture? {
        switch backend {
        case .file:
            let temp = TemporaryStore()
            return StoreFixture(backend: backend, address: temp.root, database: nil, temporary: temp,
                                store: try FileDocumentStore(root: temp.root, options: .init(findingCounter: findingCounter)))
        case .postgres:
            guard TestPostgres.baseURL != nil else {
                print(TestPostgres.skipMessage)
                return nil
            }
            let name = try TestPostgres.createDatabase()
            let url = TestPostgres.url(database: name)
            return StoreFixture(backend: backend, address: url, database: name, temporary: nil,
                                store: try PostgresStore(url: url, options: .init(findingCounter: findingCounter)))
        }
    }

    private init(backend: Backend, address: String, database: String?, temporary: TemporaryStore?, store: any StoreTransfer) {
        self.backend = backend
        self.address = address
        self.database = database
        self.temporary = temporary
        self.store = store
    }

    /// Another handle on the same store (as a second editor would have).
    func open(findingCounter: FindingCounter? = nil) throws -> any StoreTransfer {
        switch backend {
        case .file: try FileDocumentStore(root: address, options: .init(findingCounter: findingCounter))
        case .postgres: try PostgresStore(url: address, options: .init(findingCounter: findingCounter))
        }
    }

    /// Who the store records as saver.
    var user: String {
        switch store {
        case let store as PostgresStore: store.saver.user
        default: SaverIdentity.current().user
        }
    }

    /// Damages a stored document behind the store's back: a truncated file, or a body changed
    /// with SQL so it no longer matches its checksum.
    func corrupt(id: String) throws {
        switch backend {
        case .file:
            try Data("{\"format\":\"jixiao-document/1\"".utf8).write(to: URL(fileURLWithPath: "\(address)/documents/\(id).json"))
        case .postgres:
            try TestPostgres.admin("UPDATE jixiao.documents SET body = jsonb_set(body, '{unitName}', '\"篡改\"') WHERE id = $1",
                                   [id], database: database)
        }
    }

    func remove() {
        temporary?.remove()
        if let database { TestPostgres.dropDatabase(database) }
    }

    /// Runs `body` with a fresh store of `backend`, or skips; the PostgreSQL server is held
    /// shared meanwhile (see `TestPostgres.withServer`).
    static func with(_ backend: Backend, findingCounter: FindingCounter? = nil, _ body: (StoreFixture) throws -> Void) throws {
        func run() throws {
            guard let fixture = try StoreFixture.make(backend, findingCounter: findingCounter) else { return }
            defer { fixture.remove() }
            try body(fixture)
        }
        if backend == .postgres && TestPostgres.baseURL != nil {
            try TestPostgres.withServer(run)
        } else {
            try run()
        }
    }
}

/// The store's protocol semantics, run unchanged against the file store and PostgreSQL.
/// File-only behaviour (fsync faults, SIGKILL mid-rename, the index) stays in
/// FileDocumentStoreTests and StoreProcessTests; PostgreSQL-only in PostgresStoreTests.
@Suite struct StoreConformanceTests {
    @Test(arguments: Backend.allCases) func saveLoadAndStaleBaseIsAConflict(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            var document = Samples.department()
            #expect(try store.save(document, base: 0) == .saved(revision: 1))
            let loaded = try store.load(id: document.id)
            #expect(loaded.revision == 1)
            #expect(DocumentCodec.encode(loaded.document) == DocumentCodec.encode(document))
            #expect(loaded.savedBy?.user == fixture.user)

            document.unitName = "改名"
            #expect(try store.save(document, base: 1) == .saved(revision: 2))
            var stale = document
            stale.unitName = "过期"
            guard case .conflict(let current) = try store.save(stale, base: 1) else {
                Issue.record("stale base must conflict")
                return
            }
            #expect(current.revision == 2)
            #expect(current.document.unitName == "改名")
            // A second handle (another editor) sees the same and conflicts the same way.
            let other = try fixture.open()
            #expect(try other.load(id: document.id).document.unitName == "改名")
            guard case .conflict = try other.save(stale, base: 1) else {
                Issue.record("stale base must conflict for every handle")
                return
            }
            #expect(throws: StoreError.notFound(id: "441009-2023")) { try store.save(Samples.department(id: "441009-2023"), base: 3) }
            #expect(throws: StoreError.notFound(id: "441009-2023")) { try store.load(id: "441009-2023") }
            #expect(throws: StoreError.invalidID("../etc")) { try store.save(Samples.department(id: "../etc"), base: 0) }
            guard case .conflict = try store.save(document, base: 0) else {
                Issue.record("base 0 on an existing document must conflict")
                return
            }
            #expect(try store.history(id: document.id).count == 2)
        }
    }

    @Test(arguments: Backend.allCases) func historyRecordsWhoChangedWhichCell(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            var document = Samples.department()
            _ = try store.save(document, base: 0)
            document.projects[0].indicators[0].value = "≥2000人次"
            document.projects[0].budget = nil
            _ = try store.save(document, base: 1)
            let history = try store.history(id: document.id)
            #expect(history.map(\.revision) == [1, 2])
            #expect(history.map(\.baseRevision) == [0, 1])
            #expect(history.map(\.kind) == [.save, .save])
            #expect(history.allSatisfy { $0.user == fixture.user && $0.host == SaverIdentity.current().host })
            #expect(Set(history[1].changes) == [
                .init(path: CellPath.indicator(project: "p-1", row: "r-1", column: .value), old: .text("≥1000人次"), new: .text("≥2000人次")),
                .init(path: CellPath.project("p-1", "budget"), old: .text("130.97"), new: .blank),
            ])
            #expect(history[1].sha256 == SHA256.hex([UInt8](DocumentCodec.encode(document))))
            #expect(history[0].changes.count > 5, "a first revision records every cell")
            let report = try #require(store as? any StoreChecking).check()
            #expect(report.isClean, "\(report.problems)")
            #expect(report.documentsChecked == 1)
        }
    }

    @Test(arguments: Backend.allCases) func softDeleteAndRestoreKeepEverything(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            let document = Samples.department()
            _ = try store.save(document, base: 0)
            _ = try store.save(Samples.department(id: "441002-2023", name: "东山"), base: 0)
            try store.delete(id: document.id)
            #expect(try store.list().documents.map(\.id) == ["441002-2023"])
            #expect(try store.listDeleted().map(\.id) == [document.id])
            #expect(throws: StoreError.deleted(id: document.id)) { try store.load(id: document.id) }
            #expect(throws: StoreError.deleted(id: document.id)) { try store.save(document, base: 1) }
            #expect(throws: StoreError.deleted(id: document.id)) { try store.delete(id: document.id) }
            try store.restore(id: document.id)
            #expect(try store.load(id: document.id).revision == 1)
            #expect(try store.history(id: document.id).map(\.kind) == [.save, .delete, .restore])
            #expect(throws: StoreError.alreadyExists(id: document.id)) { try store.restore(id: document.id) }
            #expect(throws: StoreError.notFound(id: "nothing-1")) { try store.delete(id: "nothing-1") }
            #expect(try #require(store as? any StoreChecking).check().isClean)
        }
    }

    @Test(arguments: Backend.allCases) func listGivesSummariesWithFindingCounts(backend: Backend) throws {
        let counter = FindingCounter(version: "test-1") { document in
            FindingCounts(errors: document.projects.filter { $0.budget == nil }.count, warnings: 1)
        }
        try StoreFixture.with(backend, findingCounter: counter) { fixture in
            let store = fixture.store
            var document = Samples.department()
            _ = try store.save(document, base: 0)
            _ = try store.save(Samples.department(id: "441002-2023", name: "东山"), base: 0)
            let first = try store.list()
            #expect(first.documents.map(\.id) == ["441001-2023", "441002-2023"])
            #expect(first.problems.isEmpty)
            let summary = try #require(first.documents.first)
            #expect(summary.totalBudget == "130.97" && summary.moneyUnit == "万元")
            #expect(summary.projectCount == 1 && summary.indicatorCount == 1)
            #expect(summary.errorCount == 0 && summary.warningCount == 1)
            #expect(summary.revision == 1)
            #expect(summary.savedBy == "\(fixture.user)@\(SaverIdentity.current().host)")
            document.projects[0].budget = nil
            _ = try store.save(document, base: 1)
            let second = try store.list().documents[0]
            #expect(second.errorCount == 1 && second.revision == 2)
            // Other rules: the counts are made again, not taken from the cache.
            let stricter = FindingCounter(version: "test-2") { _ in FindingCounts(errors: 7) }
            #expect(try fixture.open(findingCounter: stricter).list().documents.map(\.errorCount) == [7, 7])
            // Without a validator the counts are absent rather than stale.
            #expect(try fixture.open().list().documents.count == 2)
        }
    }

    @Test(arguments: Backend.allCases) func summariesCarryTheLastSubmissionForTheReviewQueue(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            var document = Samples.department()
            document.status = .submitted
            document.reviewLog = [ReviewEvent(id: "e-1", action: .submit, user: "office01", time: "2026-11-20T09:00:00Z", revision: 0),
                                  ReviewEvent(id: "e-2", action: .withdraw, user: "office01", time: "2026-11-20T10:00:00Z",
                                              comment: "补材料", revision: 1),
                                  ReviewEvent(id: "e-3", action: .submit, user: "office02", time: "2026-11-21T08:30:00Z", revision: 1)]
            // Installed: the log is signed by two offices, not by the user running the test.
            _ = try fixture.store.install(document)
            _ = try fixture.store.save(Samples.department(id: "441002-2023", name: "东山"), base: 0)
            let summaries = try fixture.store.list().documents
            #expect(summaries[0].lastSubmittedBy == "office02")
            #expect(summaries[0].lastSubmittedAt == "2026-11-21T08:30:00Z")
            #expect(summaries[1].lastSubmittedBy == nil && summaries[1].lastSubmittedAt == nil)
        }
    }

    @Test(arguments: Backend.allCases) func damagedDocumentIsReportedAndTheRestStaysUsable(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            _ = try store.save(Samples.department(), base: 0)
            _ = try store.save(Samples.department(id: "441002-2023", name: "东山"), base: 0)
            try fixture.corrupt(id: "441001-2023")
            #expect {
                try store.load(id: "441001-2023")
            } throws: { error in
                guard case StoreError.damaged(let problem) = error else { return false }
                return problem.id == "441001-2023" && !problem.reason.isEmpty && !problem.path.isEmpty
            }
            // Never treated as absent or empty: a save cannot start the id afresh or overwrite it.
            #expect(throws: StoreError.self) { try store.save(Samples.department(), base: 0) }
            #expect(throws: StoreError.self) { try store.save(Samples.department(), base: 1) }
            let report = try #require(store as? any StoreChecking).check()
            #expect(report.problems.map(\.id) == ["441001-2023"])
            // The other document is untouched.
            #expect(try store.load(id: "441002-2023").revision == 1)
            #expect(try store.save(Samples.department(id: "441002-2023", name: "新"), base: 1) == .saved(revision: 2))
            #expect(try store.list().documents.map(\.id).contains("441002-2023"))
        }
    }

    @Test(arguments: Backend.allCases) func presenceShowsWhoHasADocumentOpen(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let tracking = try #require(fixture.store as? any PresenceTracking)
            let id = "441001-2023"
            let mark = try tracking.markOpen(id: id)
            let seen = try tracking.presence(id: id)
            #expect(seen.count == 1)
            #expect(seen.first?.user == fixture.user && seen.first?.pid == getpid())
            // A second editor sees it too.
            let other = try #require(try fixture.open() as? any PresenceTracking)
            #expect(try other.presence(id: id).map(\.pid) == [getpid()])
            #expect(try other.presence(id: "441002-2023").isEmpty)
            mark.close()
            #expect(try tracking.presence(id: id).isEmpty)
            #expect(try other.presence(id: id).isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func presenceOfAKilledProcessIsCleared(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let tracking = try #require(fixture.store as? any PresenceTracking)
            let (process, line) = try Probe.start(["hold-presence", fixture.address, "441001-2023"])
            #expect(line.hasPrefix("open since"))
            #expect(try tracking.presence(id: "441001-2023").map(\.pid) == [process.processIdentifier])
            Probe.kill(process)
            // PostgreSQL notices the closed connection (and frees its lock) a moment later.
            var left = try tracking.presence(id: "441001-2023")
            for _ in 0..<50 where !left.isEmpty {
                usleep(100_000)
                left = try tracking.presence(id: "441001-2023")
            }
            #expect(left.isEmpty)
        }
    }

    @Test(arguments: Backend.allCases) func draftJournalReplaysCommittedEdits(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            let drafts = try #require(store as? any DraftStore)
            let document = Samples.department()
            _ = try store.save(document, base: 0)
            #expect(try drafts.recoverDraft(id: document.id) == nil)
            let journal = try drafts.draftJournal(id: document.id)
            #expect(throws: StoreError.self) { try journal.append([.set(CellPath.field("unitName"), .text("未开始"))]) }
            try journal.begin(on: try store.load(id: document.id))
            let edits: [CellEdit] = [
                .set(CellPath.project("p-1", "budget"), .blank),
                .insert(list: CellPath.project("p-1").field("indicators"), item: DocumentTree.item(IndicatorRow(id: "r-2", name: "新")), after: "r-1"),
                .set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("100%")),
            ]
            try journal.append(Array(edits[..<2]))
            try journal.append([edits[2]])
            // Recovered by a fresh handle, as after a dropped connection.
            let reopened = try #require(try fixture.open() as? any DraftStore)
            let draft = try #require(try reopened.recoverDraft(id: document.id))
            #expect(draft.baseRevision == 1)
            #expect(draft.edits == edits)
            #expect(DocumentCodec.encode(draft.document) == DocumentCodec.encode(try document.applying(edits)))
            // Beginning again (after a save) replaces the old journal.
            try journal.begin(on: try store.load(id: document.id))
            #expect(try drafts.recoverDraft(id: document.id)?.edits.isEmpty == true)
            try journal.discard()
            #expect(try drafts.recoverDraft(id: document.id) == nil)
        }
    }

    @Test(arguments: Backend.allCases) func beginningAgainRewritesTheJournalFromTheWholeSession(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            let drafts = try #require(store as? any DraftStore)
            let document = Samples.department()
            _ = try store.save(document, base: 0)
            let base = try store.load(id: document.id)
            let journal = try drafts.draftJournal(id: document.id)
            let edits: [CellEdit] = [
                .set(CellPath.field("unitName"), .text("东山街道办事处")),
                .set(CellPath.project("p-1", "purpose"), .text("会议、培训与宣传")),
                .set(CellPath.field("unitName"), .text("东山街道")),
            ]
            try journal.begin(on: base)
            try journal.append([edits[0]])
            // The second append "failed": the session then writes the journal again in full.
            try journal.begin(on: base)
            try journal.append(edits)
            let reopened = try #require(try fixture.open() as? any DraftStore)
            let draft = try #require(try reopened.recoverDraft(id: document.id))
            #expect(draft.edits == edits)
            #expect(DocumentCodec.encode(draft.document) == DocumentCodec.encode(try document.applying(edits)))
            // Appends continue the rewritten journal.
            let more = CellEdit.set(CellPath.project("p-1", "budget"), .blank)
            try journal.append([more])
            #expect(try drafts.recoverDraft(id: document.id)?.edits == edits + [more])
            try journal.discard()
        }
    }

    @Test(arguments: Backend.allCases) func transferKeepsRevisionSaverAndHistory(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            var document = Samples.department()
            _ = try store.save(document, base: 0)
            document.unitName = "第二版"
            _ = try store.save(document, base: 1)
            _ = try store.save(Samples.department(id: "gone-1"), base: 0)
            try store.delete(id: "gone-1")
            #expect(try store.allDocumentIDs() == ["441001-2023", "gone-1"])
            let exported = try store.exportDocument(id: document.id)
            #expect(exported.stored.revision == 2 && !exported.deleted && exported.history.count == 2)
            #expect(try store.exportDocument(id: "gone-1").deleted)
            #expect(throws: StoreError.alreadyExists(id: document.id)) { try store.importDocument(exported) }

            var moved = exported
            moved.stored.document = Samples.department(id: "441003-2023")
            moved.stored.document.unitName = "第二版"
            moved.stored.savedBy = SaverIdentity(user: "lisi", host: "old-server", pid: 42)
            moved.stored.savedAt = "2025-01-02T03:04:05.678Z"
            try store.importDocument(moved)
            let arrived = try store.exportDocument(id: "441003-2023")
            #expect(arrived.stored.savedBy == moved.stored.savedBy && arrived.stored.savedAt == moved.stored.savedAt)
            #expect(arrived.history == moved.history)
            #expect(arrived.stored.revision == 2)
            // Imported documents carry on with the normal save protocol.
            #expect(try store.save(moved.stored.document, base: 2) == .saved(revision: 3))
        }
    }

    @Test(arguments: Backend.allCases) func concurrentReadModifyWriteLosesNoUpdate(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let id = "counter"
            _ = try fixture.store.save(ProbeDocuments.counter(id: id), base: 0)
            let processes = try (0..<8).map { _ in
                let process = Process()
                process.executableURL = URL(fileURLWithPath: Probe.path)
                process.arguments = ["increment", fixture.address, id, "50"]
                let out = Pipe()
                process.standardOutput = out
                try process.run()
                return (process, out)
            }
            var conflicts: [String] = []
            for (process, out) in processes {
                let said = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
                process.waitUntilExit()
                #expect(process.terminationStatus == 0)
                conflicts.append(said.trimmingCharacters(in: .whitespacesAndNewlines).replacingOccurrences(of: "conflicts ", with: ""))
            }
            print("lost-update test (\(backend)): conflicts retried per process: \(conflicts.joined(separator: " "))")
            let store = fixture.store
            let stored = try store.load(id: id)
            #expect(stored.document.overallGoals[0].text == "400")
            #expect(stored.revision == 401)
            let history = try store.history(id: id)
            #expect(history.count == 401)
            #expect(history.dropFirst().map { $0.changes.first?.new } == (1...400).map { .text(String($0)) })
            #expect(try #require(store as? any StoreChecking).check().isClean)
        }
    }
}
