import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `jixiao-bench` beyond the file store: the live-refresh cost figures, and the PostgreSQL
/// figures, which say why they are skipped without a database and, with the test server, copy
/// the generated store into a scratch database once and reuse it. No timing is checked.
@Suite(.serialized) struct PostgresBenchCommandTests {
    static let postgresLabels = ["PostgreSQL: first frame, home screen (warm)", "PostgreSQL: open department (",
                                 "PostgreSQL: save a "]

    @Test func withoutADatabaseThePostgresFiguresSaySoAndLiveRefreshIsMeasured() throws {
        guard CLIProcess.isBuilt("jixiao-bench") else {
            print("skipped: jixiao-bench is not built beside the tests")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-pg-test-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let result = try CLIProcess.run(["--quick", "--work", work, "--only", "live-refresh", "postgres"], tool: "jixiao-bench",
                                        environment: ["JIXIAO_BENCH_POSTGRES": ""])
        #expect(result.status == 0, "stderr: \(result.stderr)")
        #expect(result.stdout.contains("PostgreSQL figures: skipped: no database given (--postgres URL or JIXIAO_BENCH_POSTGRES)"))
        #expect(result.stdout.contains("live refresh, file store: first look (at start)"))
        #expect(result.stdout.contains("live refresh, file store: idle look (every 2 s)"))
        for label in Self.postgresLabels { #expect(!result.stdout.contains(label)) }
    }

    @Test func withTheTestServerThePostgresFiguresArePrintedAndTheDataReused() throws {
        guard CLIProcess.isBuilt("jixiao-bench") else {
            print("skipped: jixiao-bench is not built beside the tests")
            return
        }
        try ScratchDatabase.with(prefix: "jixiao_bench") { url, _, _ in try Self.copyOnceAndReuse(url: url) }
    }

    static func copyOnceAndReuse(url: String) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-pg-test-\(getpid())-db").path
        defer { try? FileManager.default.removeItem(atPath: work) }

        let first = try CLIProcess.run(["--quick", "--work", work, "--only", "postgres", "--postgres", url], tool: "jixiao-bench")
        #expect(first.status == 0, "stdout: \(first.stdout)\nstderr: \(first.stderr)")
        #expect(first.stdout.contains("PostgreSQL schema: created"), "\(first.stdout)")
        #expect(first.stdout.contains("copying 12 of 12 departments"), "\(first.stdout)")
        for label in Self.postgresLabels { #expect(first.stdout.contains(label), "missing \(label) in:\n\(first.stdout)") }
        let again = try CLIProcess.run(["--quick", "--work", work, "--only", "postgres"], tool: "jixiao-bench",
                                       environment: ["JIXIAO_BENCH_POSTGRES": url])
        #expect(again.status == 0, "stdout: \(again.stdout)\nstderr: \(again.stderr)")
        #expect(again.stdout.contains("reusing the 12 departments"), "\(again.stdout)")
        for label in Self.postgresLabels { #expect(again.stdout.contains(label)) }

        // A database holding someone else's department is refused, untouched.
        #expect(try CLIProcess.run(["demo", "--store", url]).status == 0)
        let refused = try CLIProcess.run(["--quick", "--work", work, "--only", "postgres", "--postgres", url], tool: "jixiao-bench")
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("give it an empty scratch database"), "\(refused.stderr)")
    }
}
