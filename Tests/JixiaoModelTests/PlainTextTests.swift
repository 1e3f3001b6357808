import Foundation
import Testing
@testable import JixiaoModel

/// The byte-level shortcuts give the answers of the exact (Character / Foundation) operations
/// they stand in for, on plain text and on the text that must fall back.
@Suite struct PlainTextTests {
    static let texts = [
        "", " ", "≥95%", " ≥95%", "≥95% ", "\u{3000}优", "优\u{3000}", "按时完成", "提升", "有所提升。", "≥ 95 %",
        "e\u{301}", "≥\u{338}90%", "提\u{301}升", "\u{F9D1}升", "六升", "完成率\u{200D}", "定量（其他）", "——", "…",
        "成本指标", "经济成本指标", "成本指标 ", "成本指标\u{301}", "\t产出指标", "产出指标\n", "a\r\n", "\r\nb",
        "基本满意", "不\u{0338}", "ＡＢＣ", "１２３件", "“优”", "⩾90%", "≦5天",
    ]
    static let words = ["提升", "升", "成本指标", "优", "完成", "", "e", "\u{301}", "95", "%", "指标"]

    @Test func containsMatchesFoundation() {
        for text in Self.texts {
            for word in Self.words {
                #expect(PlainText.contains(text, word) == text.contains(word), "\(text.debugDescription) ∋ \(word.debugDescription)")
                if PlainText.isPlain(text) {
                    #expect(PlainText.contains(plain: text, word) == text.contains(word))
                }
            }
        }
    }

    @Test func hasSuffixMatchesCharacters() {
        for text in Self.texts {
            for word in Self.words where !word.isEmpty {
                #expect(PlainText.hasSuffix(text, word) == text.hasSuffix(word), "\(text.debugDescription) ends \(word.debugDescription)")
            }
        }
    }

    @Test func edgeWhitespaceShortcutNeverSkipsATrim() {
        for text in Self.texts where PlainText.hasNoEdgeWhitespace(text) {
            #expect(text.first?.isWhitespace == false && text.last?.isWhitespace == false, "\(text.debugDescription)")
            #expect(text.trimmingCharacters(in: .whitespacesAndNewlines) == text)
            #expect(IndicatorFramework.trimmed(text) == text)
        }
    }

    @Test func blankUsesTheFirstCharacter() {
        for text in Self.texts {
            #expect(text.isBlank == text.allSatisfy(\.isWhitespace), "\(text.debugDescription)")
        }
    }
}

extension PlainTextTests {
    /// The edge scalars decoded from the bytes are the string's first and last scalars.
    @Test func edgeScalarsAreDecodedRight() {
        let more = ["a", "é", "优", "𠀀优", "优𠀀", "≥", "ａ", "Ａ优", "\u{3000}", "\u{3001}", "\u{3029}", "\u{302A}"]
        for text in Self.texts + more {
            let scalars = text.unicodeScalars
            let expected = scalars.first.map { PlainText.isPlain($0.value) && PlainText.isPlain(scalars.last!.value) } ?? false
            #expect(PlainText.hasNoEdgeWhitespace(text) == expected, "\(text.debugDescription)")
        }
    }
}

extension PlainTextTests {
    /// The closing-punctuation test by scalars answers as searching the string of them did.
    @Test func closingPunctuationMatchesCharacterSearch() {
        let candidates: [Character] = ["。", "；", ";", "，", ",", "\u{37E}", "、", ".", "a", "优", "。\u{301}", ";\u{301}", "\r\n", " "]
        for ch in candidates {
            #expect(TargetValueParser.isClosingPunctuation(ch) == "。；;，,".contains(ch), "\(String(ch).debugDescription)")
        }
    }
}
