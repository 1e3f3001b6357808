import Foundation
@testable import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// The PostgreSQL server the tests may use: `JIXIAO_TEST_POSTGRES_URL` (a superuser on a
/// throwaway cluster; `.ci/run` starts one with `.ci/postgres-cluster`). Each test gets a
/// fresh database, initialised with `store init` and dropped afterwards.
enum TestPostgres {
    static let baseURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }
    /// Restarts the server (`pg_ctl restart -m fast`), for the connection-cut test.
    static let restartScript = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_RESTART"]
    static let skipMessage = "skipped: JIXIAO_TEST_POSTGRES_URL is not set (.ci/run starts a throwaway PostgreSQL and sets it)"

    /// `baseURL` with another database (or user) in it.
    static func url(database: String, user: String? = nil) -> String {
        guard let base = baseURL else { return "" }
        var main = base
        var query = ""
        if let mark = base.firstIndex(of: "?") {
            main = String(base[..<mark])
            query = String(base[mark...])
        }
        guard let scheme = main.range(of: "://") else { return base }
        let rest = main[scheme.upperBound...]
        var authority = rest.firstIndex(of: "/").map { String(rest[..<$0]) } ?? String(rest)
        if let user, let host = authority.split(separator: "@").last { authority = user + "@" + host }
        main = String(main[..<scheme.upperBound]) + authority
        return "\(main)/\(database)\(query)"
    }

    /// Runs SQL as the superuser of `baseURL` on `database` (the base URL's own when nil).
    @discardableResult
    static func admin(_ sql: String, _ parameters: [String?] = [], database: String? = nil) throws -> PostgresResult {
        let connection = try PostgresConnection(try PostgresAddress(database.map { url(database: $0) } ?? baseURL!))
        return try connection.execute(sql, parameters)
    }

    /// A fresh database with the jixiao schema; returns its name.
    static func createDatabase() throws -> String {
        let name = "jixiao_t_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        try admin("CREATE DATABASE \(name)")
        _ = try PostgresStore.initialize(url: url(database: name))
        return name
    }

    static func dropDatabase(_ name: String) {
        _ = try? admin("DROP DATABASE IF EXISTS \(name) WITH (FORCE)")
    }

    /// Runs `body` holding the server shared (every PostgreSQL test) or exclusively (the test
    /// that restarts it), so a restart never cuts another test's connection. A file lock, so
    /// it also holds between test targets.
    static func withServer<T>(exclusive: Bool = false, _ body: () throws -> T) throws -> T {
        let fd = open("/tmp/jixiao-test-postgres.lock", O_RDWR | O_CREAT, 0o666)
        precondition(fd >= 0, "cannot open the test lock file")
        defer { close(fd) }
        while flock(fd, exclusive ? LOCK_EX : LOCK_SH) != 0 && errno == EINTR {}
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}

/// A scratch database with an office role (unit 900901) and a reviewer role, each with one
/// login (alice in the office, rita a reviewer), the access configuration naming both groups,
/// and everything dropped afterwards. The roles' names are unique to the run.
struct OfficeAndReviewer {
    let database: String
    let url: String
    let office: String, finance: String, alice: String, rita: String

    static func with<T>(_ body: (OfficeAndReviewer) throws -> T) throws -> T {
        let name = try TestPostgres.createDatabase()
        let suffix = "\(getpid())_\(UInt16.random(in: 0...UInt16.max))"
        let fixture = OfficeAndReviewer(database: name, url: TestPostgres.url(database: name),
                                        office: "office_\(suffix)", finance: "finance_\(suffix)",
                                        alice: "alice_\(suffix)", rita: "rita_\(suffix)")
        defer {
            TestPostgres.dropDatabase(name)
            for role in [fixture.alice, fixture.rita, fixture.office, fixture.finance] {
                _ = try? TestPostgres.admin("DROP ROLE IF EXISTS \(role)")
            }
        }
        try PostgresStore.grant(url: fixture.url, role: fixture.office, unitCodes: ["900901"])
        try TestPostgres.admin("CREATE ROLE \(fixture.finance) NOLOGIN IN ROLE jixiao_reviewer")
        try TestPostgres.admin("CREATE ROLE \(fixture.alice) LOGIN IN ROLE \(fixture.office)")
        try TestPostgres.admin("CREATE ROLE \(fixture.rita) LOGIN IN ROLE \(fixture.finance)")
        try PostgresStore.setAccessPolicy(url: fixture.url, json: Data("""
            {"version": 1, "reviewers": {"groups": ["\(fixture.finance)"]}, "editors": {"900901": {"groups": ["\(fixture.office)"]}}}
            """.utf8), source: "test")
        return try body(fixture)
    }

    func url(as user: String) -> String { TestPostgres.url(database: database, user: user) }
}
