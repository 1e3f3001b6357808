import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `jixiao store init / copy` and `--store postgresql://…` run as a user would, against the
/// throwaway server `.ci/run` starts (`JIXIAO_TEST_POSTGRES_URL`); skipped without it.
@Suite(.serialized) struct PostgresCommandsTests {
    static let baseURL = ProcessInfo.processInfo.environment["JIXIAO_TEST_POSTGRES_URL"].flatMap { $0.isEmpty ? nil : $0 }

    @Test func aPasswordInTheStoreURLIsRefusedWithoutEchoingIt() throws {
        let result = try CLIProcess.run(["list", "--store", "postgresql://zhangsan:s3cret@127.0.0.1:1/jixiao"])
        #expect(result.status == 2)
        #expect(result.stderr.contains(".pgpass"))
        #expect(!result.stderr.contains("s3cret") && !result.stdout.contains("s3cret"))
        let environment = try CLIProcess.run(["list"], environment: ["JIXIAO_STORE": "postgresql://u:s3cret@127.0.0.1:1/x"])
        #expect(environment.status == 2 && !environment.stderr.contains("s3cret"))
    }

    @Test func initDemoListAndCopyToFilesAndBack() throws {
        guard let base = Self.baseURL,
              let psql = ["/usr/bin/psql", "/usr/local/bin/psql"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            print("skipped: JIXIAO_TEST_POSTGRES_URL is not set or psql is missing (.ci/run provides both)")
            return
        }
        // Held shared: the store tests restart the server only while holding it exclusively.
        let lock = open("/tmp/jixiao-test-postgres.lock", O_RDWR | O_CREAT, 0o666)
        defer { close(lock) }
        while flock(lock, LOCK_SH) != 0 && errno == EINTR {}
        let database = "jixiao_e2e_\(getpid())_\(UInt32.random(in: 0...UInt32.max))"
        let prefix = base.range(of: "/", options: .backwards).map { String(base[..<$0.lowerBound]) } ?? base
        let url = prefix + "/" + database
        #expect(try Self.shell(psql, [base, "-X", "-q", "-c", "CREATE DATABASE \(database)"]) == 0)
        defer { _ = try? Self.shell(psql, [base, "-X", "-q", "-c", "DROP DATABASE IF EXISTS \(database) WITH (FORCE)"]) }
        let files = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: files) }

        let uninitialised = try CLIProcess.run(["list", "--store", url])
        #expect(uninitialised.status != 0 && uninitialised.stderr.contains("store init"))
        let created = try CLIProcess.run(["store", "init", "--store", url])
        #expect(created.status == 0 && created.stdout.contains("created the jixiao schema (version 2)"), "\(created.stderr)")
        #expect(try CLIProcess.run(["store", "init", "--store", url]).stdout.contains("up to date"))
        #expect(try CLIProcess.run(["demo", "--lang", "en", "--store", url]).status == 0)
        let list = try CLIProcess.run(["list"], environment: ["JIXIAO_STORE": url])
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").count == 3, "\(list.stdout) \(list.stderr)")
        #expect(try CLIProcess.run(["fsck", "--store", url]).stdout.contains("3 document(s) checked, 0 damaged"))
        #expect(try CLIProcess.run(["history", "900101-2024", "--store", url]).stdout.contains("revision 1 (from 0)"))

        let out = try CLIProcess.run(["store", "copy", "--from", url, "--to", files.path])
        #expect(out.status == 0, "\(out.stdout) \(out.stderr)")
        #expect(out.stdout.contains("3 of 3 department(s) copied and verified"))
        #expect(try CLIProcess.run(["fsck", "--store", files.path]).status == 0)
        // Copying again finds every department present: nothing overwritten, exit 1.
        let again = try CLIProcess.run(["store", "copy", "--from", url, "--to", files.path])
        #expect(again.status == 1 && again.stdout.contains("MISMATCH"))
        let grant = try CLIProcess.run(["store", "grant", "office_e2e_\(getpid())", "900101", "--store", url])
        #expect(grant.status == 0, "\(grant.stderr)")
        _ = try? Self.shell(psql, [url, "-X", "-q", "-c", "DELETE FROM jixiao.offices; DROP ROLE office_e2e_\(getpid())"])
    }

    static func shell(_ tool: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
