/// SplitMix64: a tiny seeded random number generator, so synthetic departments are the same
/// bytes on every machine and every run (Foundation's generators are not seedable).
///
/// Draws go through `int(below:)` rather than the standard library's `random(in:using:)`, whose
/// algorithm is not promised to stay the same between Swift releases.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), by multiply-high: the tiny bias is irrelevant here.
    public mutating func int(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// A number in `range`.
    public mutating func int(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + int(below: range.count)
    }

    /// One element of a non-empty array.
    public mutating func pick<T>(_ items: [T]) -> T {
        items[int(below: items.count)]
    }

    /// True with probability `percent` / 100.
    public mutating func chance(_ percent: Int) -> Bool {
        int(below: 100) < percent
    }

    private static let idAlphabet = Array("0123456789abcdefghjkmnpqrstvwxyz".utf8)

    /// An id shaped like `StableID.make` (`r-7k2m9q4x1d`) for a one-letter prefix. Written
    /// byte by byte: 12 ASCII bytes fit a small string, so no allocation per row.
    public mutating func stableID(prefix: UInt8) -> String {
        var bits = next()
        return String(unsafeUninitializedCapacity: 12) { buffer in
            buffer[0] = prefix
            buffer[1] = UInt8(ascii: "-")
            for position in 2..<12 {
                buffer[position] = SeededGenerator.idAlphabet[Int(bits & 31)]
                bits >>= 5
            }
            return 12
        }
    }

    /// A generator for item `index` of a family seeded by `seed`: each item's stream is
    /// independent of the others, so department 1,999 can be made without making 0–1,998.
    public static func derived(seed: UInt64, index: Int) -> SeededGenerator {
        var mixer = SeededGenerator(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return SeededGenerator(seed: mixer.next())
    }
}
