import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Import → export Markdown → the project tables carry the same cells as the source document.
///
/// The source cells are read straight from the seed text by the small reader below (tabbed
/// lines, with untabbed lines continuing the cell above), not by the importer; the Markdown
/// cells are read back from the exported tables. Cells are compared in order, blank cells left
/// out and white space ignored (`其中：财政    资金` is printed `其中：财政资金`).
@Suite struct MarkdownRoundTripTests {
    /// Each project table's cells in the source text, in order.
    static func sourceTables(_ text: String) -> [[String]] {
        var tables: [[String]] = []
        var cells: [String] = []
        var inTable = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // Tabs after a cell's text, or alone on a line beside others, are layout, not cells.
            var line = String(raw)
            if line.count > 1 && line.allSatisfy({ $0 == "\t" }) { continue }
            while line.count > 1, line.last == "\t" { line.removeLast() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if !line.hasPrefix("\t") && trimmed.contains("绩效目标表") && !trimmed.contains("\t") {
                if inTable { tables.append(cells) }
                cells = []
                inTable = true
                continue
            }
            guard inTable else { continue }
            if line.hasPrefix("\t") {
                cells += line.split(separator: "\t", omittingEmptySubsequences: false).dropFirst().map(String.init)
            } else if !trimmed.isEmpty, !trimmed.allSatisfy(\.isNumber), !cells.isEmpty {
                cells[cells.count - 1] += "\n" + trimmed
            }
        }
        if inTable { tables.append(cells) }
        return tables.map(normalized)
    }

    /// Each project table's cells in exported Markdown, in order.
    static func markdownTables(_ markdown: String) -> [[String]] {
        var tables: [[String]] = []
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("### ") && line.hasSuffix("绩效目标表") { tables.append([]); continue }
            guard line.hasPrefix("|"), !line.hasPrefix("|---"), !tables.isEmpty else { continue }
            tables[tables.count - 1] += cells(of: String(line))
        }
        return tables.map(normalized)
    }

    /// Splits a Markdown table row at unescaped bars and undoes the exporter's escapes.
    static func cells(of row: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var escaped = false
        for ch in row.dropFirst() {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; continue }
            if ch == "|" { cells.append(current); current = ""; continue }
            current.append(ch)
        }
        return cells.map {
            $0.replacingOccurrences(of: "<br>", with: "\n").replacingOccurrences(of: "&lt;", with: "<")
                .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
        }
    }

    static func normalized(_ cells: [String]) -> [String] {
        cells.map { String($0.filter { !$0.isWhitespace }) }.filter { !$0.isEmpty }
    }

    @Test(arguments: SeedExpectations.all.map(\.file))
    func projectTablesKeepTheirCells(file: String) throws {
        guard let data = TestPaths.seed(file) else { return }
        let source = Self.sourceTables(String(decoding: data, as: UTF8.self))
        let result = try TextImporter.importDocument(data, fileName: file, options: ImportOptions(fiscalYear: 2023))
        let markdown = String(decoding: DocumentExporter.export(result.document, as: .md), as: UTF8.self)
        let exported = Self.markdownTables(markdown)
        try #require(source.count == result.document.projects.count)
        try #require(exported.count == source.count)
        for (index, (expected, actual)) in zip(source, exported).enumerated() {
            // The document has one unit; tables of a second unit (seed 003, tables 8–12) print the
            // document's unit, which the report warns about. Everything else must match.
            let unitCell = result.document.unitCode + result.document.unitName
            if expected.first != unitCell {
                #expect(Array(expected.dropFirst()) == Array(actual.dropFirst()), "table \(index + 1)")
                #expect(result.report.warnings.contains { $0.english.contains(String(expected[0].prefix(6))) })
            } else {
                #expect(expected == actual, "table \(index + 1)")
            }
        }
    }

    @Test func fixtureTablesKeepTheirCells() throws {
        let data = try TestPaths.fixture("budget-disclosure.txt")
        let text = String(decoding: data, as: UTF8.self)
        // The disclosure's own tables (三公经费, 收支总表) have no 绩效目标表 title before them,
        // but the 附表 after the last project table does follow it: cut the text before part 4.
        let performance = String(text[..<text.range(of: "第四部分 名词解释", options: .backwards)!.lowerBound])
        let source = Self.sourceTables(performance)
        let result = try TextImporter.importDocument(data, fileName: "disclosure")
        let exported = Self.markdownTables(String(decoding: DocumentExporter.export(result.document, as: .md), as: UTF8.self))
        #expect(source == exported)
        #expect(source.count == 2)
    }
}
