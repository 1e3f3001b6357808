import Foundation

/// Turns the bytes a terminal sends into `InputEvent`s. Pure and incremental: feed bytes as
/// they arrive; an incomplete sequence (a lone ESC, half a UTF-8 character, an unfinished
/// paste) is kept until more bytes come or the caller's ESC delay runs out and it calls
/// `flush()`.
///
/// Understood: UTF-8 text (an IME commit arrives as a burst of characters), C0 controls as
/// Ctrl+letter, ESC + key as Alt+key, xterm CSI and SS3 keys with modifier parameters
/// (arrows, Home/End, PgUp/PgDn, Insert/Delete, F1–F12, Shift-Tab; Shift+arrows as `ESC [ 1 ; 2 A`
/// and rxvt's `ESC [ a`), the Linux console's
/// F1–F5, bracketed paste (`ESC [200~ … ESC [201~`) as one `.paste`, and any extra sequences
/// the terminal's terminfo entry names.
public struct KeyDecoder: Sendable {
    private var pending: [UInt8] = []
    private var pasting = false
    private var pasted: [UInt8] = []
    private let extraSequences: [[UInt8]: KeyEvent]

    /// `extraSequences`: byte sequences from terminfo (`kf1`, `khome`, …) that take precedence
    /// over the built-in xterm table, for terminals that send something else.
    public init(extraSequences: [[UInt8]: KeyEvent] = [:]) {
        self.extraSequences = extraSequences.filter { !$0.key.isEmpty && $0.key.first == 0x1B }
    }

    /// True while bytes are held back waiting for the rest of a sequence: the caller should
    /// wait at most its ESC delay for more, then call `flush()`.
    public var isWaiting: Bool { !pending.isEmpty || pasting }

    /// True while inside a bracketed paste.
    public var isInPaste: Bool { pasting }

    /// Decodes `bytes` together with anything held back from earlier calls.
    public mutating func feed<S: Sequence<UInt8>>(_ bytes: S) -> [InputEvent] {
        pending.append(contentsOf: bytes)
        return decode(final: false)
    }

    /// The caller's ESC delay ran out: a held-back ESC is the Esc key, a partial sequence is
    /// read as far as it goes, a broken UTF-8 sequence becomes U+FFFD, an unterminated paste
    /// is delivered as it is.
    public mutating func flush() -> [InputEvent] {
        var events = decode(final: true)
        if pasting {
            pasting = false
            events.append(.paste(Self.pasteText(pasted + pending)))
            pasted = []
            pending = []
        }
        return events
    }

    // MARK: - Decoding

    private enum Step {
        case events([InputEvent], consumed: Int)
        case needMore
    }

    private mutating func decode(final: Bool) -> [InputEvent] {
        var events: [InputEvent] = []
        var text: [UInt8] = []  // a run of UTF-8 text, turned into characters at once
        func flushText() {
            guard !text.isEmpty else { return }
            for character in String(decoding: text, as: UTF8.self) {
                events.append(.key(KeyEvent(.character(character))))
            }
            text = []
        }
        var index = 0
        let bytes = pending
        while index < bytes.count {
            if pasting {
                if let end = Self.find(Self.pasteEnd, in: bytes, from: index) {
                    pasted.append(contentsOf: bytes[index..<end])
                    events.append(.paste(Self.pasteText(pasted)))
                    pasted = []
                    pasting = false
                    index = end + Self.pasteEnd.count
                    continue
                }
                // Keep a tail that could be the start of the end marker.
                let keep = Self.partialSuffix(of: bytes[index...], matching: Self.pasteEnd)
                pasted.append(contentsOf: bytes[index..<(bytes.count - keep)])
                index = bytes.count - keep
                break
            }
            let byte = bytes[index]
            if byte >= 0x20 && byte != 0x7F {
                // Printable ASCII or UTF-8.
                let length = Self.utf8Length(byte)
                if length == 0 {  // a stray continuation or invalid lead byte
                    flushText()
                    events.append(.key(KeyEvent(.character("\u{FFFD}"))))
                    index += 1
                    continue
                }
                let available = bytes[(index + 1)..<min(bytes.count, index + length)]
                if !available.allSatisfy({ $0 & 0xC0 == 0x80 }) {
                    flushText()
                    events.append(.key(KeyEvent(.character("\u{FFFD}"))))
                    index += 1
                    continue
                }
                if index + length > bytes.count {
                    if final {
                        flushText()
                        events.append(.key(KeyEvent(.character("\u{FFFD}"))))
                        index = bytes.count
                    }
                    break
                }
                let sequence = bytes[index..<(index + length)]
                if sequence.dropFirst().allSatisfy({ $0 & 0xC0 == 0x80 }) {
                    text.append(contentsOf: sequence)
                    index += length
                } else {
                    flushText()
                    events.append(.key(KeyEvent(.character("\u{FFFD}"))))
                    index += 1
                }
                continue
            }
            flushText()
            switch step(bytes, at: index, final: final) {
            case .needMore:
                pending = Array(bytes[index...])
                return events
            case .events(let decoded, let consumed):
                events.append(contentsOf: decoded)
                index += consumed
            }
        }
        flushText()
        pending = index < bytes.count ? Array(bytes[index...]) : []
        return events
    }

    /// Decodes one control byte or escape sequence starting at `index`.
    private mutating func step(_ bytes: [UInt8], at index: Int, final: Bool) -> Step {
        let byte = bytes[index]
        if byte != 0x1B {
            return .events([.key(Self.control(byte))], consumed: 1)
        }
        let rest = bytes[index...]
        // terminfo sequences first: an exact match wins, a prefix waits.
        if !extraSequences.isEmpty {
            var isPrefix = false
            for (sequence, key) in extraSequences {
                if rest.starts(with: sequence) { return .events([.key(key)], consumed: sequence.count) }
                if sequence.starts(with: rest) { isPrefix = true }
            }
            if isPrefix && !final { return .needMore }
        }
        guard index + 1 < bytes.count else {
            return final ? .events([.key(KeyEvent(.escape))], consumed: 1) : .needMore
        }
        let next = bytes[index + 1]
        switch next {
        case UInt8(ascii: "["):
            return csi(bytes, at: index, final: final)
        case UInt8(ascii: "O"):
            guard index + 2 < bytes.count else {
                return final ? .events([.key(.alt("O"))], consumed: 2) : .needMore
            }
            if let key = Self.ss3Keys[bytes[index + 2]] {
                return .events([.key(KeyEvent(key))], consumed: 3)
            }
            return .events([.key(.alt("O"))], consumed: 2)
        case 0x1B:
            // ESC ESC: the first is the Esc key.
            return .events([.key(KeyEvent(.escape))], consumed: 1)
        case 0x20..<0x7F:
            return .events([.key(.alt(Character(Unicode.Scalar(next))))], consumed: 2)
        case 0x7F:
            return .events([.key(KeyEvent(.backspace, .alt))], consumed: 2)
        case 0x0D:
            // Alt-Enter as terminals with "meta sends escape" send it (a line break in
            // multi-line fields).
            return .events([.key(KeyEvent(.enter, .alt))], consumed: 2)
        case 0x00..<0x20:
            // Esc, then a control key typed quickly after it (more likely than Alt+Ctrl).
            return .events([.key(KeyEvent(.escape))], consumed: 1)
        default:
            // ESC followed by a UTF-8 character: Alt + that character.
            let length = Self.utf8Length(next)
            guard length > 0 else { return .events([.key(KeyEvent(.escape))], consumed: 1) }
            guard index + 1 + length <= bytes.count else {
                return final ? .events([.key(KeyEvent(.escape))], consumed: 1) : .needMore
            }
            let text = String(decoding: bytes[(index + 1)..<(index + 1 + length)], as: UTF8.self)
            return .events([.key(.alt(text.first ?? "\u{FFFD}"))], consumed: 1 + length)
        }
    }

    /// `ESC [` parameters intermediates final.
    private mutating func csi(_ bytes: [UInt8], at index: Int, final: Bool) -> Step {
        var cursor = index + 2
        // Linux console: ESC [ [ A … E are F1 … F5.
        if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "[") {
            guard cursor + 1 < bytes.count else { return final ? .events([.key(.alt("["))], consumed: 2) : .needMore }
            let letter = bytes[cursor + 1]
            if (UInt8(ascii: "A")...UInt8(ascii: "E")).contains(letter) {
                return .events([.key(KeyEvent(.function(Int(letter - UInt8(ascii: "A")) + 1)))], consumed: 4)
            }
            return .events([], consumed: 4)
        }
        while cursor < bytes.count, (0x20...0x3F).contains(bytes[cursor]) { cursor += 1 }
        guard cursor < bytes.count else {
            return final ? .events([.key(.alt("["))], consumed: 2) : .needMore
        }
        let finalByte = bytes[cursor]
        let consumed = cursor - index + 1
        guard (0x40...0x7E).contains(finalByte) else {
            // Not a CSI after all: read ESC [ as Alt-[ and go on from there.
            return .events([.key(.alt("["))], consumed: 2)
        }
        let parameterText = String(decoding: bytes[(index + 2)..<cursor], as: UTF8.self)
        let parameters = parameterText.split(separator: ";", omittingEmptySubsequences: false)
            .map { Int($0) ?? 0 }
        let modifiers = Modifiers(xtermParameter: parameters.count > 1 ? parameters[1] : 1)
        switch finalByte {
        case UInt8(ascii: "~"):
            let number = parameters.first ?? 0
            if number == 200 {
                pasting = true
                pasted = []
                return .events([], consumed: consumed)
            }
            if let key = Self.tildeKeys[number] {
                return .events([.key(KeyEvent(key, modifiers))], consumed: consumed)
            }
            return .events([], consumed: consumed)
        case UInt8(ascii: "Z"):
            return .events([.key(KeyEvent(.tab, .shift))], consumed: consumed)
        default:
            if let key = Self.ss3Keys[finalByte] {
                return .events([.key(KeyEvent(key, modifiers))], consumed: consumed)
            }
            if let key = Self.rxvtShiftedArrows[finalByte], parameterText.isEmpty {
                return .events([.key(KeyEvent(key, .shift))], consumed: consumed)
            }
            // Unknown report (focus, cursor position, …): ignored.
            return .events([], consumed: consumed)
        }
    }

    // MARK: - Tables

    /// Final bytes shared by `ESC O x` and `ESC [ 1 ; m x`.
    private static let ss3Keys: [UInt8: Key] = [
        UInt8(ascii: "A"): .up, UInt8(ascii: "B"): .down, UInt8(ascii: "C"): .right,
        UInt8(ascii: "D"): .left, UInt8(ascii: "H"): .home, UInt8(ascii: "F"): .end,
        UInt8(ascii: "P"): .function(1), UInt8(ascii: "Q"): .function(2),
        UInt8(ascii: "R"): .function(3), UInt8(ascii: "S"): .function(4),
        UInt8(ascii: "M"): .enter,
    ]

    /// rxvt's Shift+arrows, `ESC [ a` … `ESC [ d` (xterm sends `ESC [ 1 ; 2 A` …).
    private static let rxvtShiftedArrows: [UInt8: Key] = [
        UInt8(ascii: "a"): .up, UInt8(ascii: "b"): .down, UInt8(ascii: "c"): .right, UInt8(ascii: "d"): .left,
    ]

    /// `ESC [ n ~`.
    private static let tildeKeys: [Int: Key] = [
        1: .home, 2: .insert, 3: .delete, 4: .end, 5: .pageUp, 6: .pageDown, 7: .home, 8: .end,
        11: .function(1), 12: .function(2), 13: .function(3), 14: .function(4), 15: .function(5),
        17: .function(6), 18: .function(7), 19: .function(8), 20: .function(9), 21: .function(10),
        23: .function(11), 24: .function(12),
    ]

    private static let pasteEnd: [UInt8] = Array("\u{1B}[201~".utf8)

    /// A C0 control byte (or DEL) as a key.
    static func control(_ byte: UInt8) -> KeyEvent {
        switch byte {
        // Enter sends CR in raw mode; LF is Ctrl-J, which multi-line fields use for a line
        // break because Alt-Enter does not reach every terminal.
        case 0x0D: return KeyEvent(.enter)
        case 0x09: return KeyEvent(.tab)
        case 0x7F, 0x08: return KeyEvent(.backspace)
        case 0x1B: return KeyEvent(.escape)
        case 0x00: return KeyEvent(.character(" "), .control)
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(byte + 0x60)))
        default: return .ctrl(Character(Unicode.Scalar(byte + 0x40)))  // \ ] ^ _
        }
    }

    /// The length of the UTF-8 sequence a lead byte starts, or 0 if it cannot start one.
    static func utf8Length(_ byte: UInt8) -> Int {
        switch byte {
        case 0x20..<0x80: return 1
        case 0xC2...0xDF: return 2
        case 0xE0...0xEF: return 3
        case 0xF0...0xF4: return 4
        default: return 0
        }
    }

    /// Pasted bytes as text: line ends normalised to `\n`, invalid UTF-8 repaired.
    static func pasteText<C: Collection<UInt8>>(_ bytes: C) -> String {
        String(decoding: bytes, as: UTF8.self)
            .replacingOccurrences(of: "\r\n", with: "\n")
            .replacingOccurrences(of: "\r", with: "\n")
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int) -> Int? {
        guard needle.count <= haystack.count - start else { return nil }
        var i = start
        while i + needle.count <= haystack.count {
            if haystack[i] == needle[0] && haystack[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// How many bytes at the end of `bytes` are a proper prefix of `marker`.
    static func partialSuffix(of bytes: ArraySlice<UInt8>, matching marker: [UInt8]) -> Int {
        let limit = min(bytes.count, marker.count - 1)
        var length = limit
        while length > 0 {
            if bytes.suffix(length).elementsEqual(marker.prefix(length)) { return length }
            length -= 1
        }
        return 0
    }
}
