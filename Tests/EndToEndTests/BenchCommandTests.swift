import Foundation
import Testing

/// The benchmark suite still runs: `jixiao-bench --quick` on tiny generated data prints every
/// figure's label. No timing is checked (docs/performance.md holds the measured figures).
@Suite struct BenchCommandTests {
    static let labels = [
        "machine:", "load average before:",
        "first frame, home screen (cold cache)", "first frame, home screen (warm cache)",
        "open department (", "document view: F7 (layout + first page)", "document view: Page Down (cached layout)",
        "document view: search as you type, per key",
        "cursor move in the grid (state + frame + diff)", "bytes sent per cursor move",
        "cell commit + draft journal (fdatasync)", "save a ", "validate whole store (load + rules)",
        "validate whole store (load only)", "validate whole store (rules only)", "peak RSS, large store open", "load average after:",
    ]

    @Test func quickRunPrintsEveryFigure() throws {
        guard CLIProcess.isBuilt("jixiao-bench") else {
            print("skipped: jixiao-bench is not built beside the tests")
            return
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-bench-test-\(getpid())").path
        defer { try? FileManager.default.removeItem(atPath: work) }
        let seeds = CLIProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds").path
        let result = try CLIProcess.run(["--quick", "--work", work, "--seeds", seeds], tool: "jixiao-bench")
        #expect(result.status == 0, "stderr: \(result.stderr)")
        for label in Self.labels {
            #expect(result.stdout.contains(label), "missing \(label) in:\n\(result.stdout)")
        }
        if FileManager.default.fileExists(atPath: seeds) {
            #expect(result.stdout.contains("import seed "), "\(result.stdout)")
        } else {
            print("seeds not found at \(seeds): the import figures are skipped, as the output says")
            #expect(result.stdout.contains("skipped: seeds not found"))
        }
    }
}
