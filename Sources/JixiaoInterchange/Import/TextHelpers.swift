extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }

    /// 一 … 十, 百, 零, 〇: the numerals of Chinese headings such as `（三）` or `二、`.
    var isChineseNumeral: Bool { "一二三四五六七八九十百零〇".contains(self) }

    /// Columns the character takes in a monospaced layout: CJK and full-width forms take two.
    var displayWidth: Int {
        guard let scalar = unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
             0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
             0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }

    /// Punctuation that ends a sentence or a list entry.
    var endsSentence: Bool { "。！？；;!?：:…".contains(self) }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and ideographic spaces (layout, not content).
    var trimmedLayout: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    var removingWhitespace: String { String(filter { !$0.isWhitespace }) }

    /// The form labels are compared in: no white space, full-width colon and brackets, ASCII %.
    var labelKey: String {
        String(compactMap { ch -> Character? in
            if ch.isWhitespace { return nil }
            switch ch {
            case ":": return "："
            case "(": return "（"
            case ")": return "）"
            case "％": return "%"
            default: return ch
            }
        })
    }

    var displayWidth: Int { reduce(0) { $0 + $1.displayWidth } }
}

/// Heading and list numbering: `1.`, `1、`, `（一）`, `(2)`, `二、`, `第二部分`.
enum Numbering {
    /// Splits a leading number off `text`; `nil` when it does not start with one.
    static func split(_ text: String) -> (number: String, rest: String)? {
        let chars = Array(text)
        guard let first = chars.first else { return nil }
        if first == "第", let end = chars.firstIndex(of: "部"), end + 1 < chars.count, chars[end + 1] == "分",
           end > 1, chars[1..<end].allSatisfy({ $0.isChineseNumeral || $0.isASCIIDigit }) {
            return (String(chars[0...end + 1]), String(chars[(end + 2)...]).trimmedLayout)
        }
        if first == "（" || first == "(" {
            let close: Character = first == "（" ? "）" : ")"
            if let end = chars.firstIndex(where: { $0 == close || $0 == "）" || $0 == ")" }), end > 1, end <= 4,
               chars[1..<end].allSatisfy({ $0.isChineseNumeral || $0.isASCIIDigit }) {
                return (String(chars[0...end]), String(chars[(end + 1)...]).trimmedLayout)
            }
            return nil
        }
        var end = 0
        if first.isASCIIDigit {
            while end < chars.count, chars[end].isASCIIDigit { end += 1 }
        } else if first.isChineseNumeral {
            while end < chars.count, chars[end].isChineseNumeral { end += 1 }
        } else {
            return nil
        }
        guard end < chars.count, end <= 3, "、.．".contains(chars[end]) else { return nil }
        // `1.5万元` is a number, not a list entry.
        if chars[end] != "、", end + 1 < chars.count, first.isASCIIDigit, chars[end + 1].isASCIIDigit,
           end + 2 < chars.count, !chars[(end + 1)...].contains(where: { !$0.isASCIIDigit && $0 != "年" }) {
            return nil
        }
        return (String(chars[0...end]), String(chars[(end + 1)...]).trimmedLayout)
    }

    /// The number of a `1.`/`2、` entry, when it is one.
    static func arabic(_ text: String) -> Int? {
        guard let (number, _) = split(text) else { return nil }
        return Int(number.filter(\.isASCIIDigit))
    }
}

/// Joins pieces of one cell that the layout split over lines.
enum TextJoin {
    /// Wrapped pieces from PDF text: no separator, except between two Latin words.
    static func wrapped(_ pieces: [String]) -> String {
        var result = ""
        for piece in pieces where !piece.isEmpty {
            if let last = result.last, let first = piece.first, last.isLetter && last.isASCII && first.isLetter && first.isASCII {
                result += " "
            }
            result += piece
        }
        return result
    }
}
