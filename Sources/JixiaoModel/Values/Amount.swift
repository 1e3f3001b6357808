import Foundation

/// An exact decimal amount (预算数, 财政资金, 其他资金, spending-plan figures).
///
/// Money is never a `Double`: `130.97` must stay `130.97` and `1052.87 + 0` must equal `1052.87`.
/// The value is `significand × 10^-scale`; the scale is kept so that `25.00` is written back
/// as `25.00`, while equality, ordering and hashing compare the number itself.
public struct Amount: Sendable, Comparable, Hashable, CustomStringConvertible {
    public let significand: Int64
    public let scale: Int

    /// Amounts carry at most this many decimals and this many digits overall, which keeps every
    /// sum of a department's figures far from `Int64` overflow.
    public static let maxScale = 6
    public static let maxDigits = 15

    public static let zero = Amount(significand: 0, scale: 0)

    public init(significand: Int64, scale: Int) {
        precondition(scale >= 0 && scale <= Amount.maxScale, "scale out of range")
        self.significand = significand
        self.scale = scale
    }

    public init(_ integer: Int) {
        self.init(significand: Int64(integer), scale: 0)
    }

    /// Parses the canonical form used in documents: `-?digits(.digits)?`.
    public init?(canonical text: String) {
        guard let parsed = Amount.parse(Substring(text), lenient: false) else { return nil }
        self = parsed
    }

    /// Parses what a person types: full-width digits and point, thousands separators, spaces.
    public init?(typed text: String) {
        // Foundation's trimming is slow and usually has nothing to do.
        let trimmed = PlainText.hasNoEdgeWhitespace(text) ? text : text.trimmingCharacters(in: .whitespaces)
        guard let parsed = Amount.parse(Substring(trimmed), lenient: true) else { return nil }
        self = parsed
    }

    /// Reads scalars rather than characters: a character of more than one scalar is never an
    /// amount character (digit, point, separator, minus), and its first scalar followed by a
    /// combining one is refused just the same, so the result is the same, several times faster.
    private static func parse(_ text: Substring, lenient: Bool) -> Amount? {
        var negative = false
        var digits: Int64 = 0
        var digitCount = 0
        var scale = 0
        var seenPoint = false
        var seenDigit = false
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        if index < scalars.endIndex, scalars[index] == "-" || (lenient && scalars[index] == "－") {
            negative = true
            index = scalars.index(after: index)
        }
        while index < scalars.endIndex {
            let scalar = scalars[index]
            index = scalars.index(after: index)
            if let digit = Amount.digitValue(scalar, lenient: lenient) {
                seenDigit = true
                if seenPoint { scale += 1 }
                if digitCount > 0 || digit != 0 { digitCount += 1 }
                guard digitCount <= maxDigits, scale <= maxScale else { return nil }
                digits = digits * 10 + Int64(digit)
            } else if scalar == "." || (lenient && scalar == "．") {
                guard !seenPoint, seenDigit else { return nil }
                seenPoint = true
            } else if lenient && (scalar == "," || scalar == "，") && seenDigit && !seenPoint {
                continue
            } else {
                return nil
            }
        }
        guard seenDigit, !(seenPoint && scale == 0) else { return nil }
        return Amount(significand: negative ? -digits : digits, scale: scale)
    }

    private static func digitValue(_ scalar: Unicode.Scalar, lenient: Bool) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19 where lenient: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }

    /// The canonical text: digits with exactly `scale` decimals.
    public var description: String {
        let magnitude = significand.magnitude
        var text = String(magnitude)
        if scale > 0 {
            if text.count <= scale { text = String(repeating: "0", count: scale - text.count + 1) + text }
            text.insert(".", at: text.index(text.endIndex, offsetBy: -scale))
        }
        return significand < 0 ? "-" + text : text
    }

    public var isZero: Bool { significand == 0 }
    public var isNegative: Bool { significand < 0 }

    /// The same number with trailing decimal zeros removed (`25.00` → `25`).
    public var normalized: Amount {
        var s = significand
        var k = scale
        while k > 0 && s % 10 == 0 { s /= 10; k -= 1 }
        return Amount(significand: s, scale: k)
    }

    /// This amount written with `target` decimals (never fewer than it has).
    public func rescaled(to target: Int) -> Amount {
        guard target > scale else { return self }
        var s = significand
        for _ in scale..<target { s *= 10 }
        return Amount(significand: s, scale: target)
    }

    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        let k = max(lhs.scale, rhs.scale)
        return Amount(significand: lhs.rescaled(to: k).significand + rhs.rescaled(to: k).significand, scale: k)
    }

    public static func - (lhs: Amount, rhs: Amount) -> Amount {
        let k = max(lhs.scale, rhs.scale)
        return Amount(significand: lhs.rescaled(to: k).significand - rhs.rescaled(to: k).significand, scale: k)
    }

    public static func == (lhs: Amount, rhs: Amount) -> Bool {
        let k = max(lhs.scale, rhs.scale)
        return lhs.rescaled(to: k).significand == rhs.rescaled(to: k).significand
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool {
        let k = max(lhs.scale, rhs.scale)
        return lhs.rescaled(to: k).significand < rhs.rescaled(to: k).significand
    }

    public func hash(into hasher: inout Hasher) {
        let n = normalized
        hasher.combine(n.significand)
        hasher.combine(n.scale)
    }

    /// An approximation for drawing charts only; never for arithmetic or storage.
    public var approximateDouble: Double {
        Double(significand) / pow(10, Double(scale))
    }
}

extension Sequence where Element == Amount {
    /// The exact sum of the amounts.
    public func sum() -> Amount { reduce(.zero, +) }
}
