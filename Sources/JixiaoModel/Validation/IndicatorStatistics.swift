/// Counts of a project's target values by what they mean: the share of qualitative values
/// (domain group 10) comes from here, and the grid's status line can show it.
public struct IndicatorStatistics: Sendable, Hashable {
    public var rows = 0
    /// Values that are not blank.
    public var filled = 0
    /// Quantities, deadlines, frequencies, 定量（其他）.
    public var quantitative = 0
    /// Qualitative values (定性), including `定性` written explicitly.
    public var qualitative = 0
    /// 不适用.
    public var notApplicable = 0
    /// Placeholders and values not understood.
    public var notUnderstood = 0

    public init() {}

    public init(rows: [IndicatorRow]) {
        for row in rows { add(TargetValue(row.value)) }
    }

    public init(project: Project) {
        self.init(rows: project.indicators)
    }

    public mutating func add(_ value: TargetValue) {
        rows += 1
        switch value.meaning {
        case .empty: return
        case .quantity, .deadline, .frequency, .otherQuantitative: quantitative += 1
        case .qualitative: qualitative += 1
        case .notApplicable: notApplicable += 1
        case .placeholder, .notUnderstood: notUnderstood += 1
        }
        filled += 1
    }

    /// Values that were understood: all filled ones but placeholders and unreadable ones.
    public var understood: Int { filled - notUnderstood }

    /// The whole-number percentage of filled values that are qualitative, rounded down; `nil`
    /// when nothing is filled.
    public var qualitativePercent: Int? {
        filled == 0 ? nil : qualitative * 100 / filled
    }

    public static func + (lhs: IndicatorStatistics, rhs: IndicatorStatistics) -> IndicatorStatistics {
        var sum = lhs
        sum.rows += rhs.rows
        sum.filled += rhs.filled
        sum.quantitative += rhs.quantitative
        sum.qualitative += rhs.qualitative
        sum.notApplicable += rhs.notApplicable
        sum.notUnderstood += rhs.notUnderstood
        return sum
    }
}
