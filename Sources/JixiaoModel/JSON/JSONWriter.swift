/// Writes `JSONValue`s in jixiao's canonical layout: two-space indentation, one member or
/// element per line, `"key": value`, members in the order given, non-ASCII text as UTF-8 (CJK is
/// never escaped), a final newline. Equal values always give identical bytes, so documents diff
/// cleanly and round-trip byte for byte.
public enum JSONWriter {
    public static func write(_ value: JSONValue) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        write(value, indent: 0, into: &out)
        out.append(0x0A)
        return out
    }

    private static func write(_ value: JSONValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .null: out.append(contentsOf: Array("null".utf8))
        case .bool(let b): out.append(contentsOf: Array((b ? "true" : "false").utf8))
        case .number(let n): out.append(contentsOf: Array(n.utf8))
        case .string(let s): writeString(s, into: &out)
        case .array(let elements):
            guard !elements.isEmpty else { out.append(contentsOf: [0x5B, 0x5D]); return }
            out.append(0x5B)
            for (i, element) in elements.enumerated() {
                out.append(0x0A)
                pad(indent + 1, into: &out)
                write(element, indent: indent + 1, into: &out)
                if i < elements.count - 1 { out.append(0x2C) }
            }
            out.append(0x0A)
            pad(indent, into: &out)
            out.append(0x5D)
        case .object(let members):
            guard !members.isEmpty else { out.append(contentsOf: [0x7B, 0x7D]); return }
            out.append(0x7B)
            for (i, member) in members.enumerated() {
                out.append(0x0A)
                pad(indent + 1, into: &out)
                writeString(member.key, into: &out)
                out.append(contentsOf: [0x3A, 0x20])
                write(member.value, indent: indent + 1, into: &out)
                if i < members.count - 1 { out.append(0x2C) }
            }
            out.append(0x0A)
            pad(indent, into: &out)
            out.append(0x7D)
        }
    }

    private static func pad(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(0x20, count: level * 2))
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Escapes only what JSON requires: the quote, the backslash and control characters.
    static func writeString(_ text: String, into out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0x00..<0x20:
                out.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }
}
