/// A multi-line text field's model for paragraphs (总体绩效目标, 绩效目标 …): text as graphemes
/// with `\n` between paragraphs, a cursor that is a character index, and a layout that wraps
/// each paragraph by display width with `TextMetrics.wrapRanges` (the same breaking rules as
/// every other wrapped text). Up/Down move by displayed line keeping the display column, so
/// the cursor never lands inside a wide character. Enter is the owner's (it commits);
/// Ctrl-J or Alt-Enter insert a line break.
public struct TextArea: Hashable, Sendable {
    public private(set) var characters: [Character]
    public private(set) var cursor: Int
    public var metrics: TextMetrics
    /// False for one-line fields: line breaks are refused (pasted ones become spaces).
    public var allowsLineBreaks: Bool

    public init(_ text: String = "", metrics: TextMetrics = TextMetrics(), allowsLineBreaks: Bool = true) {
        self.characters = Array(text.replacingOccurrences(of: "\r\n", with: "\n"))
        self.cursor = characters.count
        self.metrics = metrics
        self.allowsLineBreaks = allowsLineBreaks
    }

    public var text: String { String(characters) }

    // MARK: Layout

    /// One displayed line: the characters it shows.
    public struct Line: Hashable, Sendable {
        public var range: Range<Int>
        /// True for the last line of a paragraph (the cursor may sit at its end).
        public var endsParagraph: Bool
    }

    /// The displayed lines in a field `width` columns wide.
    public func layout(width: Int) -> [Line] {
        var lines: [Line] = []
        var start = 0
        while true {
            let end = characters[start...].firstIndex(of: "\n") ?? characters.count
            let ranges = metrics.wrapRanges(Array(characters[start..<end]), columns: max(1, width))
            for (i, range) in ranges.enumerated() {
                lines.append(Line(range: (range.lowerBound + start)..<(range.upperBound + start),
                                  endsParagraph: i == ranges.count - 1))
            }
            if end == characters.count { break }
            start = end + 1
        }
        return lines
    }

    /// The cursor's displayed line and column in a field `width` columns wide.
    public func cursorPosition(width: Int) -> (row: Int, column: Int) {
        position(of: cursor, in: layout(width: width))
    }

    func position(of index: Int, in lines: [Line]) -> (row: Int, column: Int) {
        for (row, line) in lines.enumerated() where index >= line.range.lowerBound && index <= line.range.upperBound {
            // At a wrap point the cursor belongs to the start of the next line.
            if index == line.range.upperBound, !line.endsParagraph, row + 1 < lines.count,
               lines[row + 1].range.lowerBound == index {
                continue
            }
            return (row, metrics.width(of: String(characters[line.range.lowerBound..<index])))
        }
        // A space dropped at a wrap point: shown at the end of the line before it.
        for (row, line) in lines.enumerated().reversed() where line.range.upperBound <= index {
            return (row, metrics.width(of: String(characters[line.range])))
        }
        return (0, 0)
    }

    /// The index in `line` whose display column is nearest `column` without passing it.
    func index(in line: Line, column: Int) -> Int {
        var used = 0
        var index = line.range.lowerBound
        while index < line.range.upperBound {
            let w = metrics.width(of: characters[index])
            if used + w > column { break }
            used += w
            index += 1
        }
        return index
    }

    // MARK: Editing

    public mutating func insert(_ text: String) {
        var new = Array(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n"))
        new = new.map { $0 == "\t" || (!allowsLineBreaks && $0 == "\n") ? " " : $0 }
        characters.insert(contentsOf: new, at: cursor)
        cursor += new.count
    }

    public mutating func insertLineBreak() {
        guard allowsLineBreaks else { return }
        characters.insert("\n", at: cursor)
        cursor += 1
    }

    /// Moves up or down `delta` displayed lines in a field `width` wide, keeping the column.
    public mutating func moveVertically(_ delta: Int, width: Int) {
        let lines = layout(width: width)
        let (row, column) = position(of: cursor, in: lines)
        let target = row + delta
        if target < 0 { cursor = 0; return }
        if target >= lines.count { cursor = characters.count; return }
        cursor = index(in: lines[target], column: column)
    }

    /// Home/End: the start or end of the displayed line.
    public mutating func moveToLineEdge(end: Bool, width: Int) {
        let lines = layout(width: width)
        let row = position(of: cursor, in: lines).row
        guard lines.indices.contains(row) else { return }
        cursor = end ? lines[row].range.upperBound : lines[row].range.lowerBound
    }

    public enum Action: Hashable, Sendable { case up, down, lineBreak }

    /// The keys a multi-line field adds to the text-editing keys (`LineEditor.keymap`).
    public static let keymap = Keymap<Action>(name: .keymapTextArea, [
        KeyBinding([KeyEvent(.up)], .up, .helpLineUp),
        KeyBinding([KeyEvent(.down)], .down, .helpLineDown),
        KeyBinding([.ctrl("j"), KeyEvent(.enter, .alt)], .lineBreak, .helpLineBreak),
    ])

    /// Applies an editing key in a field `width` columns wide; false when the key is not an
    /// editing key (Enter, Esc, Tab … belong to the owner).
    @discardableResult
    public mutating func handle(_ event: KeyEvent, width: Int) -> Bool {
        if let c = event.insertedText {
            insert(String(c))
            return true
        }
        if let action = Self.keymap.action(for: event) {
            switch action {
            case .up: moveVertically(-1, width: width)
            case .down: moveVertically(1, width: width)
            case .lineBreak:
                guard allowsLineBreaks else { return false }
                insertLineBreak()
            }
            return true
        }
        guard let action = LineEditor.keymap.action(for: event) else { return false }
        switch action {
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(characters.count, cursor + 1)
        case .wordLeft, .wordRight, .deleteWord:
            // Word rules are the line editor's: run them on a copy at the same cursor.
            var line = LineEditor(text, metrics: metrics)
            line.place(cursor)
            switch action {
            case .wordLeft: line.moveWordLeft()
            case .wordRight: line.moveWordRight()
            default: line.deleteWordBackward()
            }
            characters = line.characters
            cursor = line.cursor
        case .start: moveToLineEdge(end: false, width: width)
        case .end: moveToLineEdge(end: true, width: width)
        case .deleteBackward:
            guard cursor > 0 else { break }
            characters.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < characters.count else { break }
            characters.remove(at: cursor)
        case .deleteToEnd:
            let end = characters[cursor...].firstIndex(of: "\n") ?? characters.count
            characters.removeSubrange(cursor..<end)
        case .deleteToStart:
            let start = characters[..<cursor].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            characters.removeSubrange(start..<cursor)
            cursor = start
        }
        return true
    }

    /// The lines shown in a box `height` rows high, scrolled so the cursor's line is visible:
    /// the first line shown, and the cursor's row and column within the box.
    public func viewport(width: Int, height: Int) -> (lines: [String], cursorRow: Int, cursorColumn: Int) {
        let lines = layout(width: width)
        let (row, column) = position(of: cursor, in: lines)
        let first = max(0, row - max(1, height) + 1)
        let shown = lines[first..<min(lines.count, first + max(1, height))].map { String(characters[$0.range]) }
        return (Array(shown), row - first, column)
    }
}
