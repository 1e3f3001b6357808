/// Reads what a person types into an amount or a percentage field, in the forms the seeds and
/// Excel show: the number as `Amount(typed:)` reads it (full-width digits, thousands
/// separators), then optionally a unit: `130.97万元` or `130.97万` in a 万元 document, `25.00%`
/// or `２５％` in a percentage. A unit that says something else than the field means is refused
/// rather than converted, so a figure is never silently off by ten thousand.
public enum TypedAmount {
    /// Why a typed text is not a value for the field.
    public enum Failure: Error, Hashable, Sendable {
        /// No number can be read (with or without a unit).
        case notANumber
        /// A money unit other than the document's: `130.97元` in a 万元 document.
        case unitMismatch(typed: MoneyUnit, expected: MoneyUnit)
        /// A percent sign in an amount field.
        case percentInAmount
        /// A money unit in a percentage field.
        case unitInPercent(MoneyUnit)
    }

    /// An amount in the document's money unit `unit`; a trailing unit must be that unit.
    public static func amount(_ text: String, unit: MoneyUnit) -> Result<Amount, Failure> {
        let (number, suffix) = split(text)
        switch suffix {
        case .percent: return Amount(typed: number) == nil ? .failure(.notANumber) : .failure(.percentInAmount)
        case .money(let typed) where typed != unit:
            return Amount(typed: number) == nil ? .failure(.notANumber) : .failure(.unitMismatch(typed: typed, expected: unit))
        case .money, .none:
            return Amount(typed: number).map { .success($0) } ?? .failure(.notANumber)
        }
    }

    /// A percentage (`25` for 25%), with or without a percent sign; the decimals typed are kept
    /// (`25.00%` → `25.00`).
    public static func percent(_ text: String) -> Result<Amount, Failure> {
        let (number, suffix) = split(text)
        guard let value = Amount(typed: number) else { return .failure(.notANumber) }
        if case .money(let unit) = suffix { return .failure(.unitInPercent(unit)) }
        return .success(value)
    }

    enum Suffix: Equatable { case none, percent, money(MoneyUnit) }

    /// The text without its unit, and the unit. Longer units are tried first (万元 before 元).
    static func split(_ text: String) -> (number: String, suffix: Suffix) {
        let trimmed = trim(text)
        let suffixes: [(String, Suffix)] = [
            ("%", .percent), ("％", .percent), ("万元", .money(.tenThousandYuan)), ("万", .money(.tenThousandYuan)),
            ("元", .money(.yuan)),
        ]
        for (mark, suffix) in suffixes where trimmed.hasSuffix(mark) {
            return (trim(String(trimmed.dropLast(mark.count))), suffix)
        }
        return (trimmed, .none)
    }

    /// Spaces around the number, including the ideographic space an IME types.
    private static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\u{3000}" || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }),
              let last = text.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}
