import Foundation
import Testing
@testable import JixiaoModel

/// docs/validation.md cannot drift from the rule catalogue: its rules table must be the one
/// `Rule.markdownTable()` generates, so every id, severity and source appears exactly as run.
@Suite struct ValidationDocsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func read(_ relativePath: String) throws -> String {
        try String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)
    }

    @Test func validationDocListsEveryRuleAsTheCatalogueDoes() throws {
        let text = try Self.read("docs/validation.md")
        let begin = try #require(text.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(text.range(of: "\n<!-- rules:end -->"))
        let table = String(text[begin.upperBound..<end.lowerBound])
        #expect(table == Rule.markdownTable(),
                "docs/validation.md is out of date; replace its rules table with:\n\(Rule.markdownTable())")
        for rule in Rule.catalogue {
            #expect(text.contains("`\(rule.id)`"), "docs/validation.md does not mention \(rule.id)")
        }
    }

    @Test func targetValuesDocNamesEveryMeaning() throws {
        let text = try Self.read("docs/target-values.md")
        for word in ["quantity", "qualitative", "deadline", "frequency", "notApplicable", "otherQuantitative",
                     "placeholder", "notUnderstood", "original"] {
            #expect(text.contains(word), "docs/target-values.md does not mention \(word)")
        }
    }
}
