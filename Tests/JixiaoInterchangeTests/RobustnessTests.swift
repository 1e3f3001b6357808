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

    @Test func swappedLinesNeverCrash() throws {
        let text = String(decoding: try TestPaths.fixture("budget-disclosure.txt"), as: UTF8.self)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // A fixed walk of swaps (7 and 13 are prime to the line count), replayable as it is.
        for step in 0..<40 {
            lines.swapAt(step * 7 % lines.count, (step * 13 + 5) % lines.count)
            _ = try? TextImporter.importDocument(text: lines.joined(separator: "\n"), fileName: "swapped")
        }
    }
}
