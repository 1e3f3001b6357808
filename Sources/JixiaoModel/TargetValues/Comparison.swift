/// The operator of a quantitative target value (指标值运算符): ≥ ＞ ＝ ＜ ≤.
///
/// The raw values are stable English names, fit for storage; `symbol` is what people see.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    /// ≥, 大于等于 / 不低于 / 不少于 / 以上.
    case atLeast
    /// ＞, 大于 / 高于 / 超过.
    case greaterThan
    /// ＝, also a value written without operator (`766元/人`).
    case equal
    /// ＜, 小于 / 低于 / 少于.
    case lessThan
    /// ≤, 小于等于 / 不高于 / 不超过 / 以内 / 以下.
    case atMost

    /// The symbol used in summaries: `≥`, `>`, `=`, `<`, `≤`.
    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .greaterThan: ">"
        case .equal: "="
        case .lessThan: "<"
        case .atMost: "≤"
        }
    }

    /// Whether the value is a floor the result must reach (≥ or ＞).
    public var isLowerBound: Bool { self == .atLeast || self == .greaterThan }

    /// Whether the value is a ceiling the result must stay under (≤ or ＜).
    public var isUpperBound: Bool { self == .atMost || self == .lessThan }
}
