/// A key the terminal can report, independent of the byte sequence that encoded it.
public enum Key: Hashable, Sendable {
    /// A printable grapheme (typed, or one character of an IME commit). With `.control` it is
    /// the lower-case letter of a Ctrl chord (`Ctrl-Q` is `.character("q")` + `.control`).
    case character(Character)
    case enter, tab, backspace, escape
    case up, down, left, right
    case home, end, pageUp, pageDown, insert, delete
    /// F1 … F12.
    case function(Int)
}

/// Modifier keys held with a key.
public struct Modifiers: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let shift = Modifiers(rawValue: 1)
    public static let alt = Modifiers(rawValue: 2)
    public static let control = Modifiers(rawValue: 4)

    /// From the xterm modifier parameter (`ESC [ 1 ; m A`): m − 1 is a bit set shift=1,
    /// alt=2, ctrl=4 (meta=8 is read as alt).
    init(xtermParameter m: Int) {
        let bits = max(0, m - 1)
        var value: Modifiers = []
        if bits & 1 != 0 { value.insert(.shift) }
        if bits & (2 | 8) != 0 { value.insert(.alt) }
        if bits & 4 != 0 { value.insert(.control) }
        self = value
    }
}

/// One key press with its modifiers.
public struct KeyEvent: Hashable, Sendable, CustomStringConvertible {
    public var key: Key
    public var modifiers: Modifiers

    public init(_ key: Key, _ modifiers: Modifiers = []) {
        self.key = key
        self.modifiers = modifiers
    }

    /// Ctrl + a letter, e.g. `.ctrl("q")`.
    public static func ctrl(_ letter: Character) -> KeyEvent { KeyEvent(.character(letter), .control) }
    /// Alt + a character.
    public static func alt(_ character: Character) -> KeyEvent { KeyEvent(.character(character), .alt) }
    public static func char(_ character: Character) -> KeyEvent { KeyEvent(.character(character)) }

    /// The printable text this key inserts when typed into a text field, if any.
    public var insertedText: Character? {
        if case .character(let c) = key, modifiers.subtracting(.shift).isEmpty { return c }
        return nil
    }

    /// The name shown in help and in `docs/keys.md`: `Ctrl-Q`, `Shift-Tab`, `F1`, `Alt-X`, `?`.
    public var description: String {
        var name = ""
        if modifiers.contains(.control) { name += "Ctrl-" }
        if modifiers.contains(.alt) { name += "Alt-" }
        if modifiers.contains(.shift) { name += "Shift-" }
        switch key {
        case .character(let c):
            if c == " " { name += "Space" } else if modifiers.isEmpty || modifiers == .shift {
                name += String(c)
            } else {
                name += String(c).uppercased()
            }
        case .enter: name += "Enter"
        case .tab: name += "Tab"
        case .backspace: name += "Backspace"
        case .escape: name += "Esc"
        case .up: name += "Up"
        case .down: name += "Down"
        case .left: name += "Left"
        case .right: name += "Right"
        case .home: name += "Home"
        case .end: name += "End"
        case .pageUp: name += "PgUp"
        case .pageDown: name += "PgDn"
        case .insert: name += "Insert"
        case .delete: name += "Delete"
        case .function(let n): name += "F\(n)"
        }
        return name
    }
}
