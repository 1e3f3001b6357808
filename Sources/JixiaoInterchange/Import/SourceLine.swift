import Foundation
import JixiaoModel

/// One line of the file after removing what text extraction leaves behind, with its original
/// line number so every report can point into the file the user has.
struct SourceLine: Sendable {
    let number: Int
    /// The line with field codes (`TC … \f C \l 1`), bookmarks (`[bookmark: …]`), form feeds
    /// (page breaks of extracted text), zero-width characters and every other control character
    /// removed, and trailing white space trimmed.
    let text: String
    /// The control characters (`InertText`) taken out of the line, in order; form feeds are
    /// page breaks and not counted.
    var removedControls: [Unicode.Scalar] = []

    /// Whether the line starts with a tab: a table cell in the tabbed layout.
    var isTabbed: Bool { text.first == "\t" }

    /// The text without leading and trailing white space (including U+3000).
    var trimmed: String { text.trimmedLayout }

    var isBlank: Bool { trimmed.isEmpty }

    /// Lines that hold nothing but a page number or a leftover marker.
    var isLeftover: Bool {
        guard !isTabbed else { return false }
        let t = trimmed
        if t.isEmpty { return false }
        if t.lowercased() == "page number" { return true }
        if t.count <= 4 && t.allSatisfy(\.isASCIIDigit) { return true }
        let compact = t.removingWhitespace
        if compact.hasPrefix("-") && compact.hasSuffix("-") && compact.dropFirst().dropLast().allSatisfy(\.isASCIIDigit)
            && compact.count > 2 { return true }
        if compact.hasPrefix("第") && (compact.hasSuffix("页") || compact.contains("页共")) {
            let inner = compact.dropFirst().filter { !"页共".contains($0) }
            if !inner.isEmpty && inner.allSatisfy(\.isASCIIDigit) { return true }
        }
        return false
    }

    static func read(_ text: String) -> [SourceLine] {
        var lines: [SourceLine] = []
        var number = 0
        // CRLF and lone CR end lines too (`SourceText` already did this for files; a Swift
        // string holds CRLF as one character, which splitting at LF would not see).
        let text = text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            let (text, removed) = clean(String(raw))
            lines.append(SourceLine(number: number, text: text, removedControls: removed))
        }
        // A final newline does not make an extra line.
        if let last = lines.last, last.text.isEmpty, text.hasSuffix("\n") { lines.removeLast() }
        return lines
    }

    /// Removes extraction leftovers and control characters from one line.
    static func clean(_ raw: String) -> (text: String, removed: [Unicode.Scalar]) {
        let (safe, removed) = InertText.removingUnsafe(raw.filter { $0 != "\u{0C}" && $0 != "\u{200B}" && $0 != "\u{FEFF}" })
        return (cleanLayout(safe), removed)
    }

    /// The report's note on the control characters removed from this line, if any.
    var removedControlsNotice: ImportReport.Notice? {
        guard !removedControls.isEmpty else { return nil }
        var counts: [(Unicode.Scalar, Int)] = []
        for scalar in removedControls {
            if let index = counts.firstIndex(where: { $0.0 == scalar }) { counts[index].1 += 1 } else { counts.append((scalar, 1)) }
        }
        let list = counts.map { InertText.codePoint($0.0) + ($0.1 > 1 ? " ×\($0.1)" : "") }
        return ImportReport.Notice(line: number, kind: .warning,
                                   chinese: "删除了 \(removedControls.count) 个控制字符：\(list.joined(separator: "、"))",
                                   english: "removed \(removedControls.count) control character\(removedControls.count == 1 ? "" : "s"): "
                                       + list.joined(separator: ", "))
    }

    /// Removes what text extraction leaves in a line: bookmarks, field codes, trailing blanks.
    static func cleanLayout(_ line: String) -> String {
        var text = removingBookmarks(line)
        text = removingFieldCodes(text)
        let startsWithTab = text.first == "\t"
        while let last = text.last, last == " " || last == "\t" || last == "\u{3000}" { text.removeLast() }
        // A lone tab is an empty table cell, which counts.
        return text.isEmpty && startsWithTab ? "\t" : text
    }

    /// `[bookmark: _Toc_2_2_0000000001]` markers, anywhere in the line.
    static func removingBookmarks(_ text: String) -> String {
        var result = text
        while let start = result.range(of: "[bookmark:") {
            guard let end = result[start.upperBound...].firstIndex(of: "]") else { break }
            result.removeSubrange(start.lowerBound...end)
        }
        return result
    }

    /// Word table-of-contents field codes: ` TC 1、标题 \f C \l 1 ` after a heading.
    static func removingFieldCodes(_ text: String) -> String {
        guard let tc = text.range(of: " TC ") ?? (text.hasPrefix("TC ") ? text.range(of: "TC ") : nil) else {
            return text
        }
        let rest = text[tc.upperBound...]
        guard let f = rest.range(of: "\\f"), let l = rest[f.upperBound...].range(of: "\\l") else { return text }
        var end = l.upperBound
        // The level number and trailing spaces.
        while end < text.endIndex, text[end] == " " || text[end].isASCIIDigit { end = text.index(after: end) }
        var result = text
        result.removeSubrange(tc.lowerBound..<end)
        return result
    }
}
