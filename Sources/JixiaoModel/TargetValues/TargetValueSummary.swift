extension TargetValue {
    /// A short statement of what was understood, shown live beside the cell being typed:
    /// `≥ 95 %`, `定性（等级）` / `qualitative (grade)`, `未能识别：“使用率”不是单位` /
    /// `not understood: 使用率 is not a unit`.
    public var summary: LocalizedText { meaning.summary }
}

extension TargetValue.Meaning {
    public var summary: LocalizedText {
        switch self {
        case .empty:
            return LocalizedText(zh: "空", en: "empty")
        case .placeholder:
            return LocalizedText(zh: "占位符，不是指标值", en: "placeholder, not a value")
        case .quantity(let quantity):
            return quantity.summary
        case .qualitative(let qualitative):
            return LocalizedText(zh: "定性（\(qualitative.kind.chineseName)）",
                                 en: "qualitative (\(qualitative.kind.englishName))")
        case .deadline(let deadline):
            return deadline.summary
        case .frequency(let frequency):
            return frequency.summary
        case .notApplicable:
            return LocalizedText(zh: "不适用", en: "not applicable")
        case .otherQuantitative(let detail):
            return detail.isEmpty
                ? LocalizedText(zh: "定量（其他），需说明", en: "quantitative (other), needs an explanation")
                : LocalizedText(zh: "定量（其他）：\(detail)", en: "quantitative (other): \(detail)")
        case .notUnderstood(let problem):
            return problem.summary
        }
    }
}

extension TargetValue.Quantity {
    /// `≥ 95 %`, `= 766 元/人`, `≥ 100 (no unit)`.
    public var summary: LocalizedText {
        let core = "\(comparison.symbol) \(number)"
        guard let unit else { return LocalizedText(zh: core + "（无单位）", en: core + " (no unit)") }
        return LocalizedText(both: core + " " + unit.description)
    }
}

extension TargetValue.Qualitative.Kind {
    public var chineseName: String {
        switch self {
        case .grade: "等级"
        case .trend: "趋势"
        case .timeliness: "时效"
        case .compliance: "达标"
        case .actualCost: "据实"
        case .yesNo: "是否"
        case .declared: "定性"
        }
    }

    public var englishName: String {
        switch self {
        case .grade: "grade"
        case .trend: "trend"
        case .timeliness: "timeliness"
        case .compliance: "compliance"
        case .actualCost: "actual cost"
        case .yesNo: "yes/no"
        case .declared: "declared"
        }
    }
}

extension TargetValue.Deadline {
    /// `期限：2023年12月31日前` / `deadline: 2023-12-31`.
    public var summary: LocalizedText {
        let yearZH = year.map { "\($0)年" } ?? "预算年度"
        let yearEN = year.map { String($0) } ?? "the budget year"
        switch (month, day) {
        case (nil, _):
            return LocalizedText(zh: "期限：" + (year.map { "\($0)年底前" } ?? "预算年度年底前"),
                                 en: "deadline: end of \(yearEN)")
        case (let month?, nil):
            return LocalizedText(zh: "期限：\(yearZH)\(month)月底前",
                                 en: "deadline: end of month \(month) of \(yearEN)")
        case (let month?, let day?):
            let en = year.map { "\($0)-\(Self.twoDigits(month))-\(Self.twoDigits(day))" }
                ?? "\(Self.twoDigits(month))-\(Self.twoDigits(day)) of the budget year"
            return LocalizedText(zh: "期限：\(yearZH)\(month)月\(day)日前", en: "deadline: " + en)
        }
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
}

extension TargetValue.Frequency {
    /// `频次：每季度1次` / `frequency: 1 次 per quarter`.
    public var summary: LocalizedText {
        let op = comparison == .equal ? "" : comparison.symbol
        let opEN = comparison == .equal ? "" : comparison.symbol + " "
        return LocalizedText(zh: "频次：每\(period.chineseName)\(op)\(count)\(unit)",
                             en: "frequency: \(opEN)\(count) \(unit) per \(period.englishName)")
    }
}

extension TargetValue.Problem {
    /// The reason, prefixed with "not understood".
    public var summary: LocalizedText {
        switch self {
        case .notAUnit(let word):
            LocalizedText(zh: "未能识别：“\(word)”不是单位", en: "not understood: \(word) is not a unit")
        case .unexpectedText(let text):
            LocalizedText(zh: "未能识别：多出“\(text)”", en: "not understood: unexpected \(text)")
        case .magnitudeWithoutUnit(let magnitude):
            LocalizedText(zh: "未能识别：“\(magnitude)”后缺少单位（如\(magnitude)元）",
                          en: "not understood: \(magnitude) needs a unit, e.g. \(magnitude)元")
        case .missingNumber:
            LocalizedText(zh: "未能识别：运算符后缺少数值", en: "not understood: no number after the operator")
        case .numberOutOfRange:
            LocalizedText(zh: "未能识别：数值位数过多", en: "not understood: number has too many digits")
        case .conflictingOperators:
            LocalizedText(zh: "未能识别：运算符前后矛盾", en: "not understood: operators contradict each other")
        case .unrecognised:
            LocalizedText(zh: "未能识别：既非数值加单位，也非已知的定性、期限或频次写法",
                          en: "not understood: neither number and unit nor a known qualitative, deadline or frequency form")
        }
    }
}
