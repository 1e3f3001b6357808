/// A target value (指标值): the text the user wrote, kept byte for byte, and what jixiao
/// understood of it.
///
/// Parsing only adds meaning; it never rewrites `original`. The national systems store a value
/// as operator (≥ ＞ ＝ ＜ ≤, 定性, 定量（其他）, 不适用) + number + unit and show it merged (`≥90%`);
/// documents add deadlines, frequencies and defective forms such as `≥90使用率`. See
/// docs/target-values.md for every form.
public struct TargetValue: Sendable, Hashable {
    /// Exactly what the user typed, spaces included.
    public let original: String
    public let meaning: Meaning

    /// Reads `text`; never fails: what cannot be read becomes `.notUnderstood`.
    public init(_ text: String) {
        original = text
        meaning = TargetValueParser.parse(text)
    }

    /// What a target value says.
    public enum Meaning: Sendable, Hashable {
        /// Nothing but white space.
        case empty
        /// `*`, `**`, `_`, `-`, `/` and the like alone: a cell filled to look filled.
        case placeholder
        /// Operator, number and unit: `≥95%`, `≤46875元/月`, `766 元/人`, `≥100` (no unit).
        case quantity(Quantity)
        /// A recognised qualitative value: `优`, `有所提升`, `及时`, `实际支出`, or anything after `定性`.
        case qualitative(Qualitative)
        /// A date the work is due by: `2023年底前完成`, `2023年12月31日前完成`.
        case deadline(Deadline)
        /// How often: `每季度1次`.
        case frequency(Frequency)
        /// `不适用`, the national "not applicable" operator.
        case notApplicable
        /// `定量（其他）` with whatever follows it; the national systems ask for an explanation.
        case otherQuantitative(detail: String)
        /// Text jixiao could not read, and why.
        case notUnderstood(Problem)
    }

    /// Operator + number + unit.
    public struct Quantity: Sendable, Hashable {
        public var comparison: Comparison
        /// True when no operator was written and `＝` is assumed (`766 元/人`).
        public var comparisonImplied: Bool
        public var number: Amount
        /// `nil` when the value has no unit (`≥100`).
        public var unit: TargetUnit?

        public init(comparison: Comparison, comparisonImplied: Bool = false, number: Amount, unit: TargetUnit?) {
            self.comparison = comparison
            self.comparisonImplied = comparisonImplied
            self.number = number
            self.unit = unit
        }
    }

    /// A qualitative value (定性).
    public struct Qualitative: Sendable, Hashable {
        /// What sort of qualitative value it is.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A grade: 优, 良, 中, 差, 合格, 较好 …
            case grade
            /// A direction of change: 有所提升, 进一步提高, 明显改善, 保持稳定 …
            case trend
            /// On time: 及时, 按时, 按期, 按规定时间发放 …
            case timeliness
            /// Meets a requirement: 达标, 符合要求, 规范, 准确, 全部完成 …
            case compliance
            /// The cost as actually incurred: 实际支出, 据实结算 …
            case actualCost
            /// 是 / 否 / 有 / 无.
            case yesNo
            /// Declared qualitative with the national `定性` operator, wording not classified.
            case declared
        }

        /// The value's words, trimmed, without a `定性` prefix.
        public var text: String
        public var kind: Kind

        public init(text: String, kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// A due date. A missing year means the budget year; a missing month means the end of the
    /// year; a missing day means the end of the month.
    public struct Deadline: Sendable, Hashable {
        public var year: Int?
        public var month: Int?
        public var day: Int?

        public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
            self.year = year
            self.month = month
            self.day = day
        }

        /// Whether month and day name a real date (in the given year, or a leap year when the
        /// year is not written, so that 2月29日 is not rejected for want of a year).
        public var isValidDate: Bool {
            guard let month else { return day == nil }
            guard (1...12).contains(month) else { return false }
            guard let day else { return true }
            return day >= 1 && day <= Deadline.daysIn(month: month, year: year ?? 2024)
        }

        /// The year the deadline falls in when the document is for `budgetYear`.
        public func resolvedYear(budgetYear: Int) -> Int { year ?? budgetYear }

        static func daysIn(month: Int, year: Int) -> Int {
            switch month {
            case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
            case 4, 6, 9, 11: 30
            default: 31
            }
        }
    }

    /// A frequency: `每季度1次` is `count` 1 of `unit` 次 per `period` quarter.
    public struct Frequency: Sendable, Hashable {
        public enum Period: String, Sendable, Hashable, CaseIterable {
            case day, week, month, quarter, halfYear, year

            public var chineseName: String {
                switch self {
                case .day: "天"
                case .week: "周"
                case .month: "月"
                case .quarter: "季度"
                case .halfYear: "半年"
                case .year: "年"
                }
            }

            public var englishName: String {
                switch self {
                case .halfYear: "half year"
                default: rawValue
                }
            }
        }

        public var period: Period
        public var comparison: Comparison
        public var count: Amount
        /// 次, 期, 场 … as written.
        public var unit: String

        public init(period: Period, comparison: Comparison = .equal, count: Amount, unit: String) {
            self.period = period
            self.comparison = comparison
            self.count = count
            self.unit = unit
        }
    }

    /// Why a value was not understood.
    public enum Problem: Sendable, Hashable {
        /// A number followed by a word that is no unit: `≥90使用率`, `≥100按规定时间发放`.
        case notAUnit(String)
        /// Text left over where nothing more was expected: `100%完成`, `90~100%`.
        case unexpectedText(String)
        /// `万` (or 千, 亿) with nothing to count: `≤25万/季度`; write `万元`.
        case magnitudeWithoutUnit(String)
        /// An operator with no number after it: `≥`, `≥优`.
        case missingNumber
        /// More digits or decimals than an `Amount` holds.
        case numberOutOfRange
        /// Operators pointing two ways: `≤90%以上`.
        case conflictingOperators
        /// Text that is neither a quantity nor a known qualitative, deadline or frequency form.
        case unrecognised
    }
}

extension TargetValue {
    /// Whether the value was read as something meaningful (neither blank, placeholder nor
    /// not understood).
    public var isUnderstood: Bool {
        switch meaning {
        case .empty, .placeholder, .notUnderstood: false
        default: true
        }
    }

    /// Whether the value is qualitative (定性), including `定性` written explicitly.
    public var isQualitative: Bool {
        if case .qualitative = meaning { return true }
        return false
    }

    /// The quantity, if the value is one.
    public var quantity: Quantity? {
        if case .quantity(let quantity) = meaning { return quantity }
        return nil
    }

    /// The deadline, if the value is one.
    public var deadline: Deadline? {
        if case .deadline(let deadline) = meaning { return deadline }
        return nil
    }
}
