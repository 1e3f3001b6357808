/// Display-column measurement, clipping, padding and wrapping: the one place where text is
/// measured for the screen. Columns, never characters or bytes: a CJK ideograph takes two,
/// a combining mark none, an ambiguous character one or two depending on `ambiguousWidth`.
public struct TextMetrics: Sendable, Hashable {
    public var ambiguousWidth: AmbiguousWidth

    public init(ambiguousWidth: AmbiguousWidth = .narrow) {
        self.ambiguousWidth = ambiguousWidth
    }

    /// The ellipsis put where clipped text was cut. It is itself ambiguous-width.
    public static let ellipsis: Character = "…"

    // MARK: Width

    /// Columns of one code point in isolation: 0 for controls, combining marks and format
    /// characters, 2 for East Asian Wide/Fullwidth and emoji presentation, the ambiguous
    /// setting for East Asian Ambiguous, else 1.
    public func width(of scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x20 || (0x7F..<0xA0).contains(value) { return 0 }
        if value < 0x7F { return 1 }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return 0
        case .format where value != 0x00AD:
            return 0
        default:
            break
        }
        // Hangul medial vowels and final consonants join the leading consonant.
        if (0x1160...0x11FF).contains(value) { return 0 }
        if UnicodeWidthTables.contains(UnicodeWidthTables.wide, value) { return 2 }
        if scalar.properties.isEmojiPresentation { return 2 }
        if UnicodeWidthTables.contains(UnicodeWidthTables.ambiguous, value) {
            return ambiguousWidth.rawValue
        }
        return 1
    }

    /// Columns of one grapheme cluster. Emoji sequences (ZWJ, variation selector 16, skin
    /// tones, flags) count as one wide glyph; a base with combining marks as its base.
    public func width(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count == 1, let only = scalars.first { return width(of: only) }
        var total = 0
        var emojiSequence = false
        for scalar in scalars {
            if scalar.value == 0xFE0F || scalar.value == 0x200D { emojiSequence = true }
            total += width(of: scalar)
        }
        if emojiSequence, let first = scalars.first, first.properties.isEmoji { return 2 }
        return min(total, 2)
    }

    /// Columns of a string.
    public func width<S: StringProtocol>(of text: S) -> Int {
        var total = 0
        for character in text { total += width(of: character) }
        return total
    }

    /// Whether the terminal may disagree with this measurement (ambiguous characters, emoji,
    /// multi-scalar clusters): the backend re-positions the cursor after drawing one.
    public static func hasUncertainWidth(_ character: Character) -> Bool {
        let scalars = character.unicodeScalars
        if scalars.count > 1 { return true }
        guard let scalar = scalars.first, scalar.value >= 0x7F else { return false }
        if scalar.properties.isEmojiPresentation || scalar.properties.isEmoji && scalar.value > 0x2000 {
            return true
        }
        return UnicodeWidthTables.contains(UnicodeWidthTables.ambiguous, scalar.value)
    }

    // MARK: Clip and pad

    /// The longest prefix of `text` that fits in `columns`, ending in `…` when something was
    /// cut (if there is room for it). Never splits a wide character.
    public func clip<S: StringProtocol>(_ text: S, to columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if width(of: text) <= columns { return String(text) }
        let ellipsisWidth = ellipsis ? width(of: Self.ellipsis) : 0
        let budget = ellipsisWidth <= columns ? columns - ellipsisWidth : columns
        var result = ""
        var used = 0
        for character in text {
            let w = width(of: character)
            if used + w > budget { break }
            result.append(character)
            used += w
        }
        if ellipsis && ellipsisWidth <= columns { result.append(Self.ellipsis) }
        return result
    }

    public enum Alignment: Sendable, Hashable {
        case left, right, center
    }

    /// `text` clipped to `columns` and padded with spaces to exactly `columns` columns.
    public func pad<S: StringProtocol>(_ text: S, to columns: Int, alignment: Alignment = .left,
                                       ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        let clipped = clip(text, to: columns, ellipsis: ellipsis)
        let gap = columns - width(of: clipped)
        guard gap > 0 else { return clipped }
        switch alignment {
        case .left:
            return clipped + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + clipped
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + clipped + String(repeating: " ", count: gap - left)
        }
    }

    // MARK: Wrap

    /// `text` broken into lines of at most `columns` columns. Newlines always break. Latin
    /// words move whole to the next line when they fit there; CJK text breaks between any two
    /// characters, except that closing punctuation (`，。、）` …) never starts a line: it takes
    /// the character before it along. Every line but a cut word's is at most `columns` wide.
    public func wrap<S: StringProtocol>(_ text: S, to columns: Int) -> [String] {
        guard columns > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lines.append(contentsOf: wrapParagraph(Array(paragraph), columns: columns))
        }
        return lines
    }

    private func wrapParagraph(_ characters: [Character], columns: Int) -> [String] {
        wrapRanges(characters, columns: columns).map { String(characters[$0]) }
    }

    /// The lines of one paragraph (no newlines) as ranges of `characters`: what `wrap` shows,
    /// with positions, so an editor can map its cursor to a row and column. A space at which
    /// a line breaks belongs to no range.
    public func wrapRanges(_ characters: [Character], columns: Int) -> [Range<Int>] {
        guard columns > 0 else { return [0..<characters.count] }
        var ranges: [Range<Int>] = []
        var start = 0, end = 0, used = 0
        var index = 0
        while index < characters.count {
            let character = characters[index]
            let w = width(of: character)
            if used + w <= columns || start == end {
                // It fits, or the line is empty (a glyph wider than the whole line).
                end = index + 1
                used += w
                index += 1
                continue
            }
            // `character` does not fit: decide where this line ends.
            if character == " " {
                ranges.append(start..<end)
                index += 1
                start = index
                end = index
                used = 0
                continue
            }
            var next = end
            if Self.isWordCharacter(character), let space = characters[start..<end].lastIndex(of: " "),
               characters[(space + 1)..<end].allSatisfy(Self.isWordCharacter) {
                ranges.append(start..<space)
                next = space + 1
            } else if Self.closingPunctuation.contains(character), end - start > 1 {
                ranges.append(start..<(end - 1))
                next = end - 1
            } else {
                ranges.append(start..<end)
            }
            start = next
            used = width(of: String(characters[next..<end]))
        }
        ranges.append(start..<end)
        return ranges
    }

    /// Latin letters and digits, which wrap as whole words.
    static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "%.-_/".contains(character))
    }

    /// Punctuation that must not begin a line (避头点).
    static let closingPunctuation: Set<Character> = [
        "，", "。", "、", "；", "：", "？", "！", "）", "」", "』", "》", "〉", "】", "”", "’",
        ",", ".", ";", ":", "?", "!", ")", "]", "%", "…",
    ]
}
