/// The characters that must never reach a terminal raw, and the one way jixiao shows them.
///
/// A terminal acts on control characters instead of showing them: ESC and C1 CSI (U+009B)
/// start sequences that set the window title, write the clipboard (OSC 52) or clear the
/// screen; the bidi overrides make text read in another order than it is stored. Text from a
/// department (typed, pasted, imported, or written into a JSON file by hand) may hold any of
/// them, so everything printed goes through `visible(_:)`, exports through it or
/// `jsonEscaped(_:)`, and the importer drops them with `removingUnsafe(_:)`. The editor's cell
/// buffer asks `isUnsafe` too and draws a space.
///
/// Unsafe: C0 except tab and line feed (U+0000–0008, 000B–001F, so CR too), DEL (U+007F), C1
/// (U+0080–009F), and the bidi embeddings, overrides and isolates U+202A–202E, U+2066–2069.
public enum InertText {
    /// Whether `scalar` is one of the characters a terminal would act on (see the type).
    @inline(__always)
    public static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        isUnsafe(scalar.value)
    }

    @inline(__always)
    static func isUnsafe(_ value: UInt32) -> Bool {
        switch value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// Whether `text` holds any unsafe character. Reads UTF-8 bytes: an unsafe character is a
    /// byte below 0x20 or 0x7F, a C2 lead (C1 is C2 80–C2 9F) or an E2 80/E2 81 sequence.
    public static func containsUnsafe<S: StringProtocol>(_ text: S) -> Bool {
        var found = false
        for byte in text.utf8 where byte < 0x20 || byte == 0x7F || byte == 0xC2 || byte == 0xE2 {
            found = true
            break
        }
        guard found else { return false }
        return text.unicodeScalars.contains(where: isUnsafe)
    }

    /// The visible escape of one unsafe scalar: `\x1b`, `\x9b`, `\u202e` (the spelling most
    /// programming languages read back).
    public static func escape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return scalar.value < 0x100
            ? "\\x" + String(repeating: "0", count: 2 - hex.count) + hex
            : "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// `text` with every unsafe character replaced by its visible escape; tab and line feed
    /// stay. Text without one is returned as it is.
    public static func visible<S: StringProtocol>(_ text: S) -> String {
        guard containsUnsafe(text) else { return String(text) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) {
                out.append(contentsOf: escape(scalar).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `text` without its unsafe characters, and the ones removed, in order.
    public static func removingUnsafe(_ text: String) -> (text: String, removed: [Unicode.Scalar]) {
        guard containsUnsafe(text) else { return (text, []) }
        var kept = String.UnicodeScalarView()
        var removed: [Unicode.Scalar] = []
        for scalar in text.unicodeScalars {
            if isUnsafe(scalar) { removed.append(scalar) } else { kept.append(scalar) }
        }
        return (String(kept), removed)
    }

    /// JSON text with every unsafe character that JSON allows raw (DEL, C1, the bidi controls)
    /// written as a `\uXXXX` escape instead: the same JSON values, safe to show. Outside
    /// strings JSON is ASCII punctuation, so only string contents change. (The canonical
    /// document encoding is left alone: stored checksums are over its bytes.)
    public static func jsonEscaped(_ json: String) -> String {
        guard containsUnsafe(json) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar) {
                let hex = String(scalar.value, radix: 16)
                out.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A short name of an unsafe scalar for reports: `U+001B`.
    public static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
