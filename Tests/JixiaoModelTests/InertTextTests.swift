import Foundation
import Testing
@testable import JixiaoModel

/// The one sanitizer: which characters count, how they are shown, removed and JSON-escaped.
@Suite struct InertTextTests {
    static let unsafe: [UInt32] = Array(0x00...0x08) + Array(0x0B...0x1F) + Array(0x7F...0x9F)
        + Array(0x202A...0x202E) + Array(0x2066...0x2069)
    /// Neighbours that must stay: tab, line feed, space, NBSP, LRM/RLM, U+2029, U+206A, CJK.
    static let safe: [UInt32] = [0x09, 0x0A, 0x20, 0x7E, 0xA0, 0x200E, 0x200F, 0x2029, 0x2065, 0x206A, 0x4E00, 0x3000, 0x1F600]

    @Test func exactlyTheListedCharactersAreUnsafe() {
        for value in Self.unsafe { #expect(InertText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))") }
        for value in Self.safe { #expect(!InertText.isUnsafe(Unicode.Scalar(value)!), "U+\(String(value, radix: 16))") }
        for value in Self.unsafe + Self.safe {
            let text = "中" + String(Unicode.Scalar(value)!) + "文"
            #expect(InertText.containsUnsafe(text) == InertText.isUnsafe(Unicode.Scalar(value)!))
        }
    }

    @Test func visibleEscapesKeepTheRestAsItIs() {
        #expect(InertText.visible("单位\u{1B}]0;x\u{07}名\u{9B}2J\u{202E}称\t\n") == "单位\\x1b]0;x\\x07名\\x9b2J\\u202e称\t\n")
        #expect(InertText.visible("\r\n\u{7F}\u{0}") == "\\x0d\n\\x7f\\x00")
        let plain = "≥95%　满意度 ok"
        #expect(InertText.visible(plain) == plain)
        for value in Self.unsafe {
            let shown = InertText.visible("a" + String(Unicode.Scalar(value)!) + "b")
            #expect(!InertText.containsUnsafe(shown))
            #expect(shown.unicodeScalars.allSatisfy { $0.isASCII })
        }
    }

    @Test func removingReturnsWhatWasRemovedInOrder() {
        let (text, removed) = InertText.removingUnsafe("甲\u{1B}乙\u{9B}\u{202E}丙\t")
        #expect(text == "甲乙丙\t")
        #expect(removed == ["\u{1B}", "\u{9B}", "\u{202E}"])
        #expect(InertText.removingUnsafe("干净").removed.isEmpty)
        #expect(InertText.codePoint("\u{1B}") == "U+001B")
        #expect(InertText.codePoint("\u{2066}") == "U+2066")
    }

    @Test func jsonEscapingKeepsTheValues() throws {
        let original = "名称\u{7F}\u{85}\u{9B}\u{202E}\u{2069}末"
        let json = String(decoding: JSONWriter.write(.object([("name", .string(original)), ("n", .number("1"))])), as: UTF8.self)
        #expect(InertText.containsUnsafe(json), "the writer leaves DEL, C1 and bidi raw")
        let escaped = InertText.jsonEscaped(json)
        #expect(!InertText.containsUnsafe(escaped))
        #expect(escaped.contains("\\u009b") && escaped.contains("\\u202e"))
        #expect(try JSONParser.parse(Array(escaped.utf8)) == JSONParser.parse(Array(json.utf8)))
    }
}
