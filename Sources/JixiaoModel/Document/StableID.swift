/// Stable identifiers for projects, indicator rows and list items.
///
/// Merges, history and comments match things by these ids, never by position, so an id is
/// created once, when the thing is created, and then travels with it (copy and duplicate make
/// new ones).
public enum StableID {
    private static let alphabet = Array("0123456789abcdefghjkmnpqrstvwxyz")

    /// A new random id such as `r-7k2m9q4x1d`.
    public static func make(prefix: String) -> String {
        var generator = SystemRandomNumberGenerator()
        return make(prefix: prefix, using: &generator)
    }

    public static func make<G: RandomNumberGenerator>(prefix: String, using generator: inout G) -> String {
        var text = prefix + "-"
        for _ in 0..<10 { text.append(alphabet[Int(generator.next(upperBound: UInt32(alphabet.count)))]) }
        return text
    }

    /// Whether `text` may serve as an id: non-empty, at most 64 ASCII letters, digits, `-` or `_`.
    public static func isValid(_ text: String) -> Bool {
        !text.isEmpty && text.utf8.count <= 64 && text.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2D || byte == 0x5F
        }
    }
}
