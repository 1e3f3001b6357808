import Foundation

/// Byte-level shortcuts for the text the checks look at, which is almost all ASCII and CJK.
///
/// Swift's `Character` operations (grapheme breaking, canonical equivalence) and Foundation's
/// `contains` are exact but cost microseconds per call, and the checks make dozens of calls per
/// indicator row. For text made only of scalars that are each their own grapheme cluster and
/// have no canonical decomposition ("plain" here), comparing UTF-8 bytes gives the same answer;
/// anything else takes the exact path.
enum PlainText {
    /// Whether `scalar` is certainly not white space, has no canonical decomposition, does not
    /// combine with its neighbours into one grapheme cluster, and is not a line break: printable
    /// ASCII, dashes, quotes and ellipsis (U+2010–U+2027), ≤ ≥ ≦ ≧ (U+2264–U+2267), ⩽ ⩾
    /// (U+2A7D–U+2A7E), CJK punctuation (U+3001–U+3029), CJK ideographs (U+3400–U+4DBF,
    /// U+4E00–U+9FFF) and full-width forms (U+FF01–U+FF5E).
    @inline(__always)
    static func isPlain(_ value: UInt32) -> Bool {
        switch value {
        case 0x21...0x7E, 0x2010...0x2027, 0x2264...0x2267, 0x2A7D...0x2A7E, 0x3001...0x3029, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }

    /// Whether every scalar of `text` is plain (see `isPlain`). Blank text is plain.
    static func isPlain(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(isPlain(bytes:))
    }

    /// Whether every scalar of `text` is plain.
    static func isPlain(_ text: Substring) -> Bool {
        var text = text
        return text.withUTF8(isPlain(bytes:))
    }

    private static func isPlain(bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var index = 0
        while index < bytes.count {
            guard let (value, length) = scalar(bytes, at: index), isPlain(value) else { return false }
            index += length
        }
        return true
    }

    /// Whether `text` certainly starts and ends with a character that is not white space: its
    /// first and last scalars are plain. (A grapheme cluster's white-space property is that of its
    /// first scalar; a plain last scalar is its own cluster.) False means "look properly".
    static func hasNoEdgeWhitespace(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty, let (first, _) = scalar(bytes, at: 0), isPlain(first) else { return false }
            var start = bytes.count - 1
            while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let (last, _) = scalar(bytes, at: start) else { return false }
            return isPlain(last)
        }
    }

    /// The scalar value and length of the UTF-8 sequence at `index` of valid UTF-8 `bytes`
    /// (nil for a continuation byte, which valid text never starts a scalar with).
    @inline(__always)
    static func scalar(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int)? {
        let lead = UInt32(bytes[index])
        switch lead {
        case 0..<0x80:
            return (lead, 1)
        case 0xC0..<0xE0 where index + 1 < bytes.count:
            return ((lead & 0x1F) << 6 | UInt32(bytes[index + 1] & 0x3F), 2)
        case 0xE0..<0xF0 where index + 2 < bytes.count:
            return ((lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F), 3)
        case 0xF0..<0xF8 where index + 3 < bytes.count:
            return ((lead & 0x07) << 18 | UInt32(bytes[index + 1] & 0x3F) << 12 | UInt32(bytes[index + 2] & 0x3F) << 6
                    | UInt32(bytes[index + 3] & 0x3F), 4)
        default:
            return nil
        }
    }

    /// `text.hasSuffix(suffix)` (which compares characters from the end), by bytes when both
    /// are plain.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        guard isPlain(text), isPlain(suffix) else { return text.hasSuffix(suffix) }
        let mine = text.utf8, theirs = suffix.utf8
        guard theirs.count <= mine.count else { return false }
        return mine.suffix(theirs.count).elementsEqual(theirs)
    }

    /// Foundation's `text.contains(word)`, by bytes when both are plain (then a byte match is a
    /// match of whole characters, and no other spelling could be canonically equivalent).
    static func contains(_ text: String, _ word: String) -> Bool {
        guard !word.isEmpty, isPlain(text), isPlain(word) else { return foundationContains(text, word) }
        return containsBytes(text, word)
    }

    /// `contains` for a `text` already known to be plain.
    static func contains(plain text: String, _ word: String) -> Bool {
        guard !word.isEmpty, isPlain(word) else { return foundationContains(text, word) }
        return containsBytes(text, word)
    }

    /// The call the checks made before (Foundation's, for `import Foundation` files).
    private static func foundationContains(_ text: String, _ word: String) -> Bool {
        text.contains(word)
    }

    private static func containsBytes(_ text: String, _ word: String) -> Bool {
        var text = text
        var word = word
        return text.withUTF8 { haystack in
            word.withUTF8 { needle in
                guard !needle.isEmpty else { return true }
                guard needle.count <= haystack.count else { return false }
                let first = needle[0]
                var start = 0
                let lastStart = haystack.count - needle.count
                while start <= lastStart {
                    if haystack[start] == first {
                        var matched = 1
                        while matched < needle.count && haystack[start + matched] == needle[matched] { matched += 1 }
                        if matched == needle.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }
}
