import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// The access configuration and the review rules, enforced the same way by both backends:
/// the file store against the process's OS account, PostgreSQL against the session role.
@Suite struct AccessConformanceTests {
    /// Installs `json` as the store's configuration (nil removes it) the way `jixiao store access --set` does.
    static func configure(_ fixture: StoreFixture, _ json: String?) throws {
        switch fixture.store {
        case let store as FileDocumentStore: try store.setAccessConfiguration(json.map { Data($0.utf8) })
        default: try PostgresStore.setAccessPolicy(url: fixture.address, json: json.map { Data($0.utf8) }, source: "test")
        }
    }

    static func refusal(_ body: () throws -> Void) -> ReviewRefusal.Reason? { AccessControlTests.refusal(body) }

    static func step(_ action: ReviewAction, on store: any DocumentStore, comment: String = "") throws -> SaveOutcome {
        let stored = try store.load(id: "900901-2024")
        let next = try ReviewWorkflow.apply(action, to: stored.document, by: store.identity, at: "2026-11-23T08:00:00Z",
                                            revision: stored.revision, comment: comment)
        return try store.save(next, base: stored.revision)
    }

    @Test(arguments: Backend.allCases) func onlyReviewersApproveAndSubmissionsAreLocked(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            let me = store.identity.user
            #expect(try store.accessPolicy() == .singleUser)
            try Self.configure(fixture, #"{"version": 1, "reviewers": {"users": ["someone-else"]}, "editors": {"900901": {"users": ["\#(me)"]}}}"#)
            #expect(try store.accessPolicy().isConfigured)
            #expect(try store.save(try AccessControlTests.clean(), base: 0) == .saved(revision: 1))
            #expect(try Self.step(.submit, on: store) == .saved(revision: 2))
            #expect(Self.refusal { _ = try Self.step(.approve, on: store) } == .notPermitted(.approve, user: me))
            var locked = try store.load(id: "900901-2024").document
            locked.unitName = "送审后改"
            #expect(Self.refusal { _ = try store.save(locked, base: 2) } == .locked(.submitted))
            #expect(Self.refusal { try store.delete(id: "900901-2024") } == .locked(.submitted))
            // Another unit's department cannot even be created.
            var foreign = try AccessControlTests.clean()
            foreign.id = "900902-2024"
            foreign.unitCode = "900902"
            #expect(Self.refusal { _ = try store.save(foreign, base: 0) } == .notAnEditor(user: me, department: "900902-2024"))

            try Self.configure(fixture, #"{"version": 1, "reviewers": {"users": ["\#(me)"]}}"#)
            #expect(try Self.step(.approve, on: store) == .saved(revision: 3))
            #expect(try store.load(id: "900901-2024").document.reviewLog.map(\.user) == [me, me])
            try Self.configure(fixture, nil)
            #expect(try store.accessPolicy() == .singleUser)
        }
    }

    @Test(arguments: Backend.allCases) func aBrokenConfigurationRefusesWritesNotReads(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            var document = try AccessControlTests.clean()
            #expect(try store.save(document, base: 0) == .saved(revision: 1))
            // Written behind jixiao's back (`store access --set` checks first).
            switch store {
            case let files as FileDocumentStore:
                try Data("{\"version\": 2}".utf8).write(to: URL(fileURLWithPath: files.accessPath))
            default:
                #expect(throws: StoreError.self) {
                    try PostgresStore.setAccessPolicy(url: fixture.address, json: Data("{\"version\": 2}".utf8), source: "test")
                }
                let database = String(fixture.address.split(separator: "/").last!.split(separator: "?").first!)
                try TestPostgres.admin("INSERT INTO jixiao.meta VALUES ('access_policy', '{\"version\": 2}')", database: database)
            }
            document.unitName = "改"
            #expect {
                try store.save(document, base: 1)
            } throws: { error in
                guard case StoreError.accessConfiguration(_, let reason) = error else { return false }
                return reason.contains("$.version: unknown configuration version 2")
            }
            #expect(try store.load(id: document.id).revision == 1)
            #expect(try store.list().documents.count == 1)
        }
    }

    /// In PostgreSQL the configuration names database roles: an office role granted with
    /// `store grant` as a group of editors, a reviewers' role whose members also belong to
    /// `jixiao_reviewer` (row-level security lets them reach every office).
    @Test func postgresGroupsAreTheRolesOfTheSessionUser() throws {
        guard TestPostgres.baseURL != nil else {
            print(TestPostgres.skipMessage)
            return
        }
        try TestPostgres.withServer {
            try OfficeAndReviewer.with { fixture in
            let name = fixture.database
            let (office, finance, alice, rita) = (fixture.office, fixture.finance, fixture.alice, fixture.rita)

            let asAlice = try PostgresStore(url: TestPostgres.url(database: name, user: alice))
            #expect(asAlice.identity.user == alice)
            #expect(asAlice.identity.groups.contains(office))
            #expect(try asAlice.save(try AccessControlTests.clean(), base: 0) == .saved(revision: 1))
            #expect(try Self.step(.submit, on: asAlice) == .saved(revision: 2))
            #expect(Self.refusal { _ = try Self.step(.approve, on: asAlice) } == .notPermitted(.approve, user: alice))
            // Only the schema owner changes the configuration.
            #expect(throws: StoreError.self) { try PostgresStore.setAccessPolicy(url: TestPostgres.url(database: name, user: alice), json: nil, source: "") }

            let asRita = try PostgresStore(url: TestPostgres.url(database: name, user: rita))
            #expect(asRita.identity.groups.isSuperset(of: [finance, "jixiao_reviewer"]))
            #expect(try Self.step(.return, on: asRita, comment: "补充依据") == .saved(revision: 3))
            let log = try asAlice.load(id: "900901-2024").document.reviewLog
            #expect(log.map(\.user) == [alice, rita])
            #expect(try asAlice.history(id: "900901-2024").last?.user == rita)
            }
        }
    }
}
