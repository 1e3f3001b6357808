import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Any prefix of a real document, and of the PDF-text fixture, either imports or fails with a
/// typed error: no crash, no half-read table passed off as complete.
@Suite struct RobustnessTests {
    /// Every prefix with `JIXIAO_ROBUSTNESS_STEP=1`; by default about 60 per document.
    static let fixedStep = Int(ProcessInfo.processInfo.environment["JIXIAO_ROBUSTNESS_STEP"] ?? "")

    func checkPrefixes(of text: String, year: Int?) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var imported = 0
        var failed: [ImportError.Kind: Int] = [:]
        for count in stride(from: 1, through: lines.count, by: Self.fixedStep ?? max(1, lines.count / 60)) {
            let prefix = lines.prefix(count).joined(separator: "\n")
            do {
                let result = try TextImporter.importDocument(text: prefix, fileName: "prefix", options: ImportOptions(fiscalYear: year))
                imported += 1
                for project in result.document.projects {
                    #expect(!project.indicators.isEmpty)
                }
            } catch {
                failed[error.kind, default: 0] += 1
                #expect(error.line >= 1 && error.line <= count, "\(count): \(error)")
            }
        }
        #expect(imported > 0)
        #expect(failed[.tableCutOff, default: 0] > 0)
    }

    @Test func seedPrefixes() throws {
        guard let data = TestPaths.seed("003_05fc0a897a5abc98.txt") else { return }
        checkPrefixes(of: String(decoding: data, as: UTF8.self), year: 2023)
    }

    @Test func pdfTextPrefixes() throws {
        checkPrefixes(of: String(decoding: try TestPaths.fixture("pdf-layout.txt"), as: UTF8.self), year: nil)
    }

    @Test func disclosurePrefixes() throws {
        checkPrefixes(of: String(decoding: try TestPaths.fixture("budget-disclosure.txt"), as: UTF8.self), year: nil)
    }

    @Test func shuffledLinesNeverCrash() throws {
        var generator = SplitMix(seed: 7)
        let text = String(decoding: try TestPaths.fixture("budget-disclosure.txt"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for _ in 0..<40 {
            let i = Int(generator.next() % UInt64(lines.count))
            let j = Int(generator.next() % UInt64(lines.count))
            lines.swapAt(i, j)
            _ = try? TextImporter.importDocument(text: lines.joined(separator: "\n"), fileName: "shuffled")
        }
    }
}

/// A small deterministic generator, so a failure can be replayed.
struct SplitMix: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
