import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// The file store enforces the review rules and the access configuration on every save,
/// delete and restore (`ReviewGuard` under the document's lock), whoever the front end is.
/// Each test opens the same store directory as different people (`Options.identity`, which
/// the `jixiao` executable never sets: it takes the process's credentials).
@Suite struct AccessControlTests {
    static let office = Identity(user: "li", groups: ["office900901"])
    static let otherOffice = Identity(user: "wang", groups: ["office900902"])
    static let reviewer = Identity(user: "zhao", groups: ["finance"])
    static let time = "2026-11-23T08:00:00Z"

    static let configuration = """
        {"version": 1,
         "reviewers": {"groups": ["finance"]},
         "editors": {"900901": {"groups": ["office900901"]}, "900902": {"users": ["wang"]}}}
        """

    /// docs/examples/department.json with one project: no error-level findings.
    static func clean() throws -> DepartmentDocument {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/examples/department.json")
        var document = try DocumentCodec.decode(try Data(contentsOf: path))
        document.projects.removeLast(document.projects.count - 1)
        return document
    }

    /// A configured store directory; `as(_:)` opens it as someone.
    struct Fixture {
        let temp = TemporaryStore()

        init(configured: Bool = true) throws {
            if configured {
                try Data(AccessControlTests.configuration.utf8).write(to: URL(fileURLWithPath: temp.root + "/access.json"))
            }
        }

        func `as`(_ identity: Identity) throws -> FileDocumentStore {
            var options = FileDocumentStore.Options()
            options.identity = identity
            options.saver = SaverIdentity(user: identity.user, host: "test", pid: getpid())
            return try FileDocumentStore(root: temp.root, options: options)
        }

        /// The clean department saved by its office as revision 1.
        func created() throws -> DepartmentDocument {
            let document = try AccessControlTests.clean()
            #expect(try self.as(AccessControlTests.office).save(document, base: 0) == .saved(revision: 1))
            return document
        }

        /// Applies `action` as `identity` to the stored document and saves it.
        @discardableResult
        func step(_ action: ReviewAction, _ identity: Identity, comment: String = "", grade: ReviewGrade? = nil,
                  policy: AccessPolicy = .singleUser) throws -> SaveOutcome {
            let store = try self.as(identity)
            let stored = try store.load(id: "900901-2024")
            // The front end's pre-check is skipped on purpose (single-user policy): the store must refuse.
            let next = try ReviewWorkflow.apply(action, to: stored.document, by: identity, policy: policy, at: AccessControlTests.time,
                                                revision: stored.revision, comment: comment, grade: grade)
            return try store.save(next, base: stored.revision)
        }
    }

    /// The step written by hand, without `ReviewWorkflow`'s checks (as a careless or hostile
    /// front end could), saved as `identity`.
    static func forge(_ action: ReviewAction, _ identity: Identity, in fixture: Fixture, comment: String = "") throws {
        let store = try fixture.as(identity)
        let stored = try store.load(id: "900901-2024")
        var next = stored.document
        next.status = action.target(from: next.status) ?? next.status
        next.reviewLog.append(ReviewEvent(action: action, user: identity.user, time: time, comment: comment, revision: stored.revision))
        _ = try store.save(next, base: stored.revision)
    }

    static func storeError(_ body: () throws(StoreError) -> Void) -> StoreError? {
        do {
            try body()
        } catch {
            return error
        }
        return nil
    }

    static func refusal(_ body: () throws -> Void) -> ReviewRefusal.Reason? {
        do {
            try body()
        } catch let StoreError.refused(_, refusal) {
            return refusal.reason
        } catch {
            Issue.record("expected a refusal, got \(error)")
        }
        return nil
    }

    // MARK: Roles

    @Test func aNonReviewerCannotApproveAndAReviewerCan() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        _ = try fixture.created()
        try fixture.step(.submit, Self.office)
        let reason = Self.refusal { try fixture.step(.approve, Self.office) }
        #expect(reason == .notPermitted(.approve, user: "li"))
        #expect(try fixture.step(.approve, Self.reviewer, comment: "同意", grade: .good) == .saved(revision: 3))
        let stored = try fixture.as(Self.office).load(id: "900901-2024")
        #expect(stored.document.status == .approved)
        #expect(stored.document.reviewLog.map(\.user) == ["li", "zhao"])
        #expect(stored.document.reviewLog.last?.grade == .good)
    }

    @Test func anotherOfficeCannotEditOrSubmitTheDepartment() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        var document = try fixture.created()
        document.unitName = "改名"
        #expect(Self.refusal { _ = try fixture.as(Self.otherOffice).save(document, base: 1) }
            == .notAnEditor(user: "wang", department: "900901-2024"))
        #expect(Self.refusal { try fixture.step(.submit, Self.otherOffice) } == .notPermitted(.submit, user: "wang"))
        // Nor create a department of another unit.
        var foreign = try Self.clean()
        foreign.id = "900901-2025"
        #expect(Self.refusal { _ = try fixture.as(Self.otherOffice).save(foreign, base: 0) }
            == .notAnEditor(user: "wang", department: "900901-2025"))
        // The office itself may, through its group.
        #expect(try fixture.as(Self.office).save(document, base: 1) == .saved(revision: 2))
        // Reviewers review; they do not write the office's content.
        document.unitName = "再改"
        #expect(Self.refusal { _ = try fixture.as(Self.reviewer).save(document, base: 2) }
            == .notAnEditor(user: "zhao", department: "900901-2024"))
    }

    @Test func nobodyEditsAnApprovedDocumentWithoutWithdrawing() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        _ = try fixture.created()
        try fixture.step(.submit, Self.office)
        var submitted = try fixture.as(Self.office).load(id: "900901-2024")
        submitted.document.unitName = "送审后改"
        #expect(Self.refusal { _ = try fixture.as(Self.office).save(submitted.document, base: 2) } == .locked(.submitted))
        try fixture.step(.approve, Self.reviewer)
        var approved = try fixture.as(Self.office).load(id: "900901-2024")
        approved.document.unitName = "审核后改"
        #expect(Self.refusal { _ = try fixture.as(Self.office).save(approved.document, base: 3) } == .locked(.approved))
        #expect(Self.refusal { _ = try fixture.as(Self.reviewer).save(approved.document, base: 3) }
            == .notAnEditor(user: "zhao", department: "900901-2024"))
        // The office cannot withdraw an approval; a reviewer can (with a reason), then the office recalls it.
        #expect(Self.refusal { try fixture.step(.withdraw, Self.office, comment: "想改") } == .notPermitted(.withdraw, user: "li"))
        #expect(Self.refusal { try Self.forge(.withdraw, Self.reviewer, in: fixture) } == .reasonRequired(.withdraw))
        #expect(Self.refusal { try Self.forge(.approve, Self.office, in: fixture) } == .wrongStatus(.approve, .approved))
        try fixture.step(.withdraw, Self.reviewer, comment: "数据有误，取消审核")
        try fixture.step(.withdraw, Self.office, comment: "修改数据")
        var draft = try fixture.as(Self.office).load(id: "900901-2024")
        #expect(draft.document.status == .draft)
        draft.document.unitName = "撤回后改"
        #expect(try fixture.as(Self.office).save(draft.document, base: draft.revision) == .saved(revision: draft.revision + 1))
    }

    @Test func aReturnedDocumentIsEditedOnlyAfterReopening() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        _ = try fixture.created()
        try fixture.step(.submit, Self.office)
        #expect(Self.refusal { try Self.forge(.return, Self.reviewer, in: fixture, comment: " ") } == .reasonRequired(.return))
        #expect(Self.refusal { try Self.forge(.return, Self.office, in: fixture, comment: "自己退回") } == .notPermitted(.return, user: "li"))
        try fixture.step(.return, Self.reviewer, comment: "指标值缺依据")
        let returned = try fixture.as(Self.office).load(id: "900901-2024")
        var edited = returned.document
        edited.unitName = "改正"
        #expect(Self.refusal { _ = try fixture.as(Self.office).save(edited, base: returned.revision) } == .wrongStatus(.reopen, .returned))
        var reopened = try ReviewWorkflow.prepareForEdit(returned.document, by: Self.office, policy: try fixture.as(Self.office).accessPolicy(),
                                                         at: Self.time, revision: returned.revision)
        reopened.unitName = "改正"
        #expect(try fixture.as(Self.office).save(reopened, base: returned.revision) == .saved(revision: returned.revision + 1))
        #expect(try fixture.as(Self.office).load(id: "900901-2024").document.reviewLog.map(\.action) == [.submit, .return, .reopen])
    }

    @Test func submittingWithErrorsIsRefusedListingThem() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        var document = try Self.clean()
        document.projects[0].budget = Amount(canonical: "999999")
        #expect(try fixture.as(Self.office).save(document, base: 0) == .saved(revision: 1))
        // A submit entry forged past the front end's check: the store validates again.
        var forged = document
        forged.status = .submitted
        forged.reviewLog.append(ReviewEvent(action: .submit, user: "li", time: Self.time, revision: 1))
        guard case .errorsRemain(let findings)? = Self.refusal({ _ = try fixture.as(Self.office).save(forged, base: 1) }) else {
            Issue.record("expected errorsRemain")
            return
        }
        #expect(!findings.isEmpty)
        #expect(findings.allSatisfy { $0.severity == .error })
    }

    @Test func aStatusChangeWithoutALogEntryIsRefused() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        var document = try fixture.created()
        document.status = .approved
        #expect(Self.refusal { _ = try fixture.as(Self.reviewer).save(document, base: 1) } != nil)
        #expect(try fixture.as(Self.office).load(id: "900901-2024").document.status == .draft)
    }

    // MARK: Rules that hold without a configuration

    @Test func singleUserStoresAllowEverythingButRewritingHistory() throws {
        let fixture = try Fixture(configured: false)
        defer { fixture.temp.remove() }
        let anyone = Identity(user: "someone")
        _ = try fixture.created()
        try fixture.step(.submit, anyone)
        try fixture.step(.approve, anyone)
        var approved = try fixture.as(anyone).load(id: "900901-2024")
        approved.document.unitName = "单用户可改"
        #expect(try fixture.as(anyone).save(approved.document, base: 3) == .saved(revision: 4))
        // The log stays append-only and signed by the saver even here.
        var rewritten = try fixture.as(anyone).load(id: "900901-2024").document
        rewritten.reviewLog.removeLast()
        #expect(Self.refusal { _ = try fixture.as(anyone).save(rewritten, base: 4) } == .historyRewritten("reviewLog"))
        var forged = try fixture.as(anyone).load(id: "900901-2024").document
        forged.comments.append(ReviewComment(author: "zhao", time: Self.time, text: "冒名"))
        #expect(Self.refusal { _ = try fixture.as(anyone).save(forged, base: 4) } == .impersonation(claimed: "zhao", user: "someone"))
    }

    // MARK: The configuration file

    @Test func aBrokenConfigurationRefusesEveryWriteButNotReading() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        var document = try fixture.created()
        try Data("{\"version\": 1,\n \"reviewers\": {\"users\": [\"a b\"]}}".utf8)
            .write(to: URL(fileURLWithPath: fixture.temp.root + "/access.json"))
        let store = try fixture.as(Self.office)
        #expect(try store.load(id: document.id).revision == 1)
        #expect(try store.list().documents.count == 1)
        document.unitName = "改"
        let saveError = Self.storeError { () throws(StoreError) in _ = try store.save(document, base: 1) }
        #expect(saveError == .accessConfiguration(path: fixture.temp.root + "/access.json",
                                                  reason: "$.reviewers.users[0]: expected an OS user name"))
        #expect(throws: StoreError.self) { try store.delete(id: document.id) }
        // A syntax error names line and column.
        try Data("{\"version\": 1,\n  \"reviewers\": }".utf8).write(to: URL(fileURLWithPath: fixture.temp.root + "/access.json"))
        guard case .accessConfiguration(let path, _)? = Self.storeError({ () throws(StoreError) in _ = try store.accessPolicy() }) else {
            Issue.record("parsed a broken file")
            return
        }
        #expect(path == fixture.temp.root + "/access.json:2:16")
        // An unreadable file is not "no configuration" either (root reads anything: a directory in its place).
        try FileManager.default.removeItem(atPath: fixture.temp.root + "/access.json")
        try FileManager.default.createDirectory(atPath: fixture.temp.root + "/access.json", withIntermediateDirectories: false)
        #expect(throws: StoreError.self) { _ = try store.save(document, base: 1) }
        try FileManager.default.removeItem(atPath: fixture.temp.root + "/access.json")
        // Removed: single-user again.
        #expect(try store.save(document, base: 1) == .saved(revision: 2))
    }

    @Test func aChangedConfigurationTakesEffectAtTheNextSave() throws {
        let fixture = try Fixture(configured: false)
        defer { fixture.temp.remove() }
        _ = try fixture.created()
        let store = try fixture.as(Self.office)
        try store.setAccessConfiguration(Data(Self.configuration.utf8))
        #expect(try store.accessPolicy().isConfigured)
        try fixture.step(.submit, Self.office)
        #expect(Self.refusal { try fixture.step(.approve, Self.office) } == .notPermitted(.approve, user: "li"))
        try store.setAccessConfiguration(nil)
        #expect(try fixture.step(.approve, Self.office) == .saved(revision: 3))
    }

    // MARK: Delete, restore, install, transfer

    @Test func deleteAndRestoreNeedTheOfficeWhileEditableOrAReviewer() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        _ = try fixture.created()
        #expect(Self.refusal { try fixture.as(Self.otherOffice).delete(id: "900901-2024") }
            == .notAnEditor(user: "wang", department: "900901-2024"))
        try fixture.as(Self.office).delete(id: "900901-2024")
        #expect(Self.refusal { try fixture.as(Self.otherOffice).restore(id: "900901-2024") } != nil)
        try fixture.as(Self.office).restore(id: "900901-2024")
        try fixture.step(.submit, Self.office)
        #expect(Self.refusal { try fixture.as(Self.office).delete(id: "900901-2024") } == .locked(.submitted))
        try fixture.as(Self.reviewer).delete(id: "900901-2024")
        try fixture.as(Self.reviewer).restore(id: "900901-2024")
        #expect(try fixture.as(Self.office).history(id: "900901-2024").map(\.kind) == [.save, .delete, .restore, .save, .delete, .restore])
    }

    @Test func installKeepsTheSamplesLogButNeedsAnEditorOrReviewer() throws {
        let fixture = try Fixture()
        defer { fixture.temp.remove() }
        var sample = try Self.clean()
        sample.status = .approved
        sample.reviewLog = [ReviewEvent(action: .submit, user: "office01", time: Self.time, revision: 1),
                            ReviewEvent(action: .approve, user: "reviewer", time: Self.time, revision: 1)]
        // Through save, a log signed by others is refused ...
        #expect(Self.refusal { _ = try fixture.as(Self.office).save(sample, base: 0) } == .impersonation(claimed: "office01", user: "li"))
        // ... install takes it as it is, for the department's office or a reviewer only.
        #expect(Self.refusal { _ = try fixture.as(Self.otherOffice).install(sample) } == .notAnEditor(user: "wang", department: "900901-2024"))
        #expect(try fixture.as(Self.office).install(sample) == .saved(revision: 1))
        guard case .conflict = try fixture.as(Self.reviewer).install(sample) else {
            Issue.record("install over an existing department must not write")
            return
        }
        #expect(try fixture.as(Self.office).load(id: sample.id).document.reviewLog == sample.reviewLog)
    }

    @Test func aStoreTransferIsAnAdministratorsCopyThatKeepsLogsVerbatim() throws {
        let source = try Fixture(configured: false)
        let destination = try Fixture()
        defer { source.temp.remove(); destination.temp.remove() }
        _ = try source.created()
        try source.step(.submit, Self.office)
        try source.step(.approve, Identity(user: "someone"))
        let report = try StoreCopy.copy(from: try source.as(Self.office), to: try destination.as(Self.otherOffice))
        #expect(report.failed == 0)
        #expect(try destination.as(Self.office).load(id: "900901-2024").document.reviewLog.map(\.user) == ["li", "someone"])
    }

    // MARK: Identity

    @Test func theIdentityComesFromTheProcessNotTheEnvironment() throws {
        let expected = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let saved = ProcessInfo.processInfo.environment
        setenv("USER", "reviewer-by-env", 1)
        setenv("LOGNAME", "reviewer-by-env", 1)
        defer {
            if let user = saved["USER"] { setenv("USER", user, 1) } else { unsetenv("USER") }
            if let logname = saved["LOGNAME"] { setenv("LOGNAME", logname, 1) } else { unsetenv("LOGNAME") }
        }
        let identity = Identity.current()
        #expect(identity.user == expected)
        let primary = String(cString: getgrgid(getegid())!.pointee.gr_name)
        #expect(identity.groups.contains(primary))
        let temp = TemporaryStore()
        defer { temp.remove() }
        #expect(try FileDocumentStore(root: temp.root).identity == identity)
    }
}
