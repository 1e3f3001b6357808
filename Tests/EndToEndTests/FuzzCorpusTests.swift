import Foundation
import Testing

/// The fuzz seeds (`Fuzz/corpus/TARGET`) run through the replay build of `jixiao-fuzz` on every
/// `swift test`, so a crash input added to a corpus with its fix stays fixed even where `.ci/fuzz`
/// is not run; `.ci/fuzz` does the fuzzing itself.
@Suite struct FuzzCorpusTests {
    @Test(arguments: ["json", "target-value", "text-import", "keys"]) func everySeedRunsThroughItsTarget(target: String) throws {
        let directory = CLIProcess.packageRoot.appendingPathComponent("Fuzz/corpus/\(target)")
        let files = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(files.count >= 3, "the \(target) corpus has seeds")
        let result = try CLIProcess.run([target] + files.map { directory.appendingPathComponent($0).path }, tool: "jixiao-fuzz")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").filter { $0.hasSuffix(": ok") }.count == files.count)
    }

    @Test func anUnknownTargetIsRefused() throws {
        let result = try CLIProcess.run(["bogus"], tool: "jixiao-fuzz")
        #expect(result.status == 2 && result.stdout.contains("usage"))
    }
}
