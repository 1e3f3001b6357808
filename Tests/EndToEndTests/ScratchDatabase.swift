import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A database of its own on the test server (`JIXIAO_TEST_POSTGRES_URL`), dropped afterwards.
enum ScratchDatabase {
    static let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Why PostgreSQL end-to-end tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        if PostgresCommandsTests.baseURL == nil { return "JIXIAO_TEST_POSTGRES_URL is not set (.ci/run sets it)" }
        if psql == nil { return "psql is missing (.ci/run installs it)" }
        return nil
    }

    /// Runs `body` with the URL of a fresh database named `prefix_…`, holding the shared test
    /// lock (the store tests restart the server only while holding it exclusively). Prints why
    /// and returns when there is no test server.
    static func with(prefix: String, _ body: (_ url: String, _ base: String, _ psql: String) throws -> Void) throws {
        guard let base = PostgresCommandsTests.baseURL, let psql else {
            print("skipped: \(unavailableReason ?? "")")
            return
        }
        let lock = open("/tmp/jixiao-test-postgres.lock", O_RDWR | O_CREAT, 0o666)
        defer { close(lock) }
        while flock(lock, LOCK_SH) != 0 && errno == EINTR {}
        let database = "\(prefix)_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let prefixURL = base.range(of: "/", options: .backwards).map { String(base[..<$0.lowerBound]) } ?? base
        guard try PostgresCommandsTests.shell(psql, [base, "-X", "-q", "-c", "CREATE DATABASE \(database)"]) == 0 else {
            throw TmuxSession.Failure("could not create the database \(database)")
        }
        defer { _ = try? PostgresCommandsTests.shell(psql, [base, "-X", "-q", "-c", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"]) }
        try body(prefixURL + "/" + database, base, psql)
    }
}
