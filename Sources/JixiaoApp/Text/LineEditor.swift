/// A one-line text field's model: the text as graphemes, a cursor that is a character index
/// (for editing) and a display column (for drawing), and horizontal scrolling that never
/// splits a wide character. Keys follow readline/Emacs habits as well as the PC ones.
public struct LineEditor: Hashable, Sendable {
    public private(set) var characters: [Character]
    /// The insertion point: 0 … `characters.count`.
    public private(set) var cursor: Int
    /// The first display column shown; kept by `keepCursorVisible(width:)`.
    public private(set) var scrollColumn = 0
    public var metrics: TextMetrics

    public init(_ text: String = "", metrics: TextMetrics = TextMetrics()) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.metrics = metrics
    }

    public var text: String { String(characters) }

    /// The display column of the cursor from the start of the text.
    public var cursorColumn: Int { metrics.width(of: String(characters[..<cursor])) }

    // MARK: Editing

    public mutating func insert(_ text: String) {
        let new = Array(text.filter { !$0.isNewline && $0 != "\t" })
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    /// Puts the cursor at character index `index` (clamped).
    public mutating func place(_ index: Int) { cursor = min(max(0, index), characters.count) }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    /// To the start of the word before the cursor (Ctrl-Left).
    public mutating func moveWordLeft() { cursor = wordStart(before: cursor) }

    /// To the end of the word after the cursor (Ctrl-Right).
    public mutating func moveWordRight() {
        var i = cursor
        while i < characters.count, Self.wordClass(characters[i]) == .separator { i += 1 }
        if i < characters.count {
            let cls = Self.wordClass(characters[i])
            while i < characters.count, Self.wordClass(characters[i]) == cls { i += 1 }
        }
        cursor = i
    }

    /// Deletes the grapheme before the cursor.
    public mutating func deleteBackward() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    /// Ctrl-K: deletes from the cursor to the end.
    public mutating func deleteToEnd() { characters.removeSubrange(cursor...) }

    /// Ctrl-U: deletes from the start to the cursor.
    public mutating func deleteToStart() {
        characters.removeSubrange(..<cursor)
        cursor = 0
    }

    /// Ctrl-W: deletes the word before the cursor.
    public mutating func deleteWordBackward() {
        let start = wordStart(before: cursor)
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Applies an editing key; false when the key is not an editing key (the owner then
    /// handles it: Enter, Esc, Tab …).
    @discardableResult
    public mutating func handle(_ event: KeyEvent) -> Bool {
        if let c = event.insertedText {
            insert(String(c))
            return true
        }
        guard let action = Self.keymap.action(for: event) else { return false }
        switch action {
        case .left: moveLeft()
        case .right: moveRight()
        case .wordLeft: moveWordLeft()
        case .wordRight: moveWordRight()
        case .start: moveToStart()
        case .end: moveToEnd()
        case .deleteBackward: deleteBackward()
        case .deleteForward: deleteForward()
        case .deleteToEnd: deleteToEnd()
        case .deleteToStart: deleteToStart()
        case .deleteWord: deleteWordBackward()
        }
        return true
    }

    public enum Action: Hashable, Sendable {
        case left, right, wordLeft, wordRight, start, end
        case deleteBackward, deleteForward, deleteToEnd, deleteToStart, deleteWord
    }

    /// The editing keys of every text field; shown in help and `docs/keys.md`.
    public static let keymap = Keymap<Action>(name: .keymapTextField, [
        KeyBinding([KeyEvent(.left), .ctrl("b")], .left, .helpCharLeft),
        KeyBinding([KeyEvent(.right), .ctrl("f")], .right, .helpCharRight),
        KeyBinding([KeyEvent(.left, .control), .alt("b")], .wordLeft, .helpWordLeft),
        KeyBinding([KeyEvent(.right, .control), .alt("f")], .wordRight, .helpWordRight),
        KeyBinding([KeyEvent(.home), .ctrl("a")], .start, .helpLineStart),
        KeyBinding([KeyEvent(.end), .ctrl("e")], .end, .helpLineEnd),
        KeyBinding([KeyEvent(.backspace)], .deleteBackward, .helpDeleteBackward),
        KeyBinding([KeyEvent(.delete), .ctrl("d")], .deleteForward, .helpDeleteForward),
        KeyBinding([.ctrl("k")], .deleteToEnd, .helpDeleteToEnd),
        KeyBinding([.ctrl("u")], .deleteToStart, .helpDeleteToStart),
        KeyBinding([.ctrl("w"), KeyEvent(.backspace, .alt)], .deleteWord, .helpDeleteWord),
    ])

    // MARK: Display

    /// Moves `scrollColumn` so the cursor is inside a field `width` columns wide, scrolling
    /// no more than needed.
    public mutating func keepCursorVisible(width: Int) {
        scrollColumn = Self.scroll(hint: scrollColumn, cursorColumn: cursorColumn,
                                   totalWidth: metrics.width(of: text), width: width)
    }

    /// What a field `width` columns wide shows: the visible text (exactly `width` columns,
    /// padded) and the cursor's column inside it. A wide character cut by either edge is
    /// replaced by a space.
    public func visible(width: Int) -> (text: String, cursorX: Int) {
        guard width > 0 else { return ("", 0) }
        let scroll = Self.scroll(hint: scrollColumn, cursorColumn: cursorColumn,
                                 totalWidth: metrics.width(of: text), width: width)
        var shown = ""
        var column = 0  // display column within the whole text
        var used = 0
        for character in characters {
            let w = metrics.width(of: character)
            defer { column += w }
            if column + w <= scroll { continue }
            if column < scroll {  // straddles the left edge
                shown += String(repeating: " ", count: column + w - scroll)
                used += column + w - scroll
                continue
            }
            if used + w > width { break }
            shown.append(character)
            used += w
        }
        if used < width { shown += String(repeating: " ", count: width - used) }
        return (shown, cursorColumn - scroll)
    }

    /// Whether text is hidden to the left and to the right of a field `width` columns wide
    /// scrolled as `visible(width:)` draws it (shown as `<` and `>`).
    public func hiddenSides(width: Int) -> (left: Bool, right: Bool) {
        let total = metrics.width(of: text)
        let scroll = Self.scroll(hint: scrollColumn, cursorColumn: cursorColumn, totalWidth: total, width: width)
        return (scroll > 0, total > scroll + width)
    }

    /// A scroll offset near `hint` that keeps the cursor (and one cell for it at the end)
    /// inside the field.
    static func scroll(hint: Int, cursorColumn: Int, totalWidth: Int, width: Int) -> Int {
        guard width > 1 else { return cursorColumn }
        var scroll = max(0, hint)
        if cursorColumn < scroll { scroll = cursorColumn }
        if cursorColumn >= scroll + width { scroll = cursorColumn - width + 1 }
        // Do not leave empty space on the right while text is hidden on the left.
        let maxScroll = max(0, max(totalWidth, cursorColumn + 1) - width)
        return min(scroll, maxScroll)
    }

    // MARK: Words

    enum WordClass { case separator, ideograph, word }

    /// Spaces and punctuation separate words; a run of CJK characters is one word, a run of
    /// letters and digits another.
    static func wordClass(_ c: Character) -> WordClass {
        if c.isWhitespace || c.isPunctuation || c.isSymbol { return .separator }
        if let s = c.unicodeScalars.first, s.value >= 0x2E80 { return .ideograph }
        return .word
    }

    private func wordStart(before index: Int) -> Int {
        var i = index
        while i > 0, Self.wordClass(characters[i - 1]) == .separator { i -= 1 }
        if i > 0 {
            let cls = Self.wordClass(characters[i - 1])
            while i > 0, Self.wordClass(characters[i - 1]) == cls { i -= 1 }
        }
        return i
    }
}
