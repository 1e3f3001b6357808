import Testing
@testable import JixiaoModel

/// A quantity meaning, for expectations.
private func quantity(_ comparison: Comparison, _ number: String, _ base: String?, per: [String] = [],
                      _ kind: TargetUnit.Kind = .count, implied: Bool = false) -> TargetValue.Meaning {
    .quantity(.init(comparison: comparison, comparisonImplied: implied, number: Amount(canonical: number)!,
                    unit: base.map { TargetUnit(base: $0, per: per, kind: kind) }))
}

private func qualitative(_ text: String, _ kind: TargetValue.Qualitative.Kind) -> TargetValue.Meaning {
    .qualitative(.init(text: text, kind: kind))
}

/// One expectation: the text and the meaning it must have.
struct ValueCase: CustomTestStringConvertible, Sendable {
    let text: String
    let meaning: TargetValue.Meaning
    var testDescription: String { text }
}

@Suite struct TargetValueTests {
    /// Every form listed in domain.md under "Indicator values", one by one.
    static let domainForms: [ValueCase] = [
        ValueCase(text: "≥90%", meaning: quantity(.atLeast, "90", "%", .percent)),
        ValueCase(text: "≥95％", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "≥95百分比", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "≥30人", meaning: quantity(.atLeast, "30", "人")),
        ValueCase(text: "≤46875元/月", meaning: quantity(.atMost, "46875", "元", per: ["月"], .money)),
        ValueCase(text: "≤8500元/月/社区", meaning: quantity(.atMost, "8500", "元", per: ["月", "社区"], .money)),
        ValueCase(text: "=100%", meaning: quantity(.equal, "100", "%", .percent)),
        ValueCase(text: "766 元/人", meaning: quantity(.equal, "766", "元", per: ["人"], .money, implied: true)),
        ValueCase(text: "优", meaning: qualitative("优", .grade)),
        ValueCase(text: "有所提升", meaning: qualitative("有所提升", .trend)),
        ValueCase(text: "及时", meaning: qualitative("及时", .timeliness)),
        ValueCase(text: "2023年底前完成", meaning: .deadline(.init(year: 2023))),
        ValueCase(text: "2023年12月31日前完成", meaning: .deadline(.init(year: 2023, month: 12, day: 31))),
        ValueCase(text: "每季度1次", meaning: .frequency(.init(period: .quarter, count: Amount(1), unit: "次"))),
        ValueCase(text: "实际支出", meaning: qualitative("实际支出", .actualCost)),
        ValueCase(text: "≥90使用率", meaning: .notUnderstood(.notAUnit("使用率"))),
        ValueCase(text: "≥100按规定时间发放", meaning: .notUnderstood(.notAUnit("按规定时间发放"))),
    ]

    @Test(arguments: domainForms)
    func domainFormParsesAsStated(_ example: ValueCase) {
        let value = TargetValue(example.text)
        #expect(value.meaning == example.meaning)
        #expect(value.original == example.text)
    }

    /// Operators in every spelling the parser accepts.
    static let operatorForms: [ValueCase] = [
        ValueCase(text: ">=90%", meaning: quantity(.atLeast, "90", "%", .percent)),
        ValueCase(text: "<=5天", meaning: quantity(.atMost, "5", "天", .time)),
        ValueCase(text: ">0", meaning: quantity(.greaterThan, "0", nil)),
        ValueCase(text: "<3次", meaning: quantity(.lessThan, "3", "次")),
        ValueCase(text: "＞80%", meaning: quantity(.greaterThan, "80", "%", .percent)),
        ValueCase(text: "＜10%", meaning: quantity(.lessThan, "10", "%", .percent)),
        ValueCase(text: "＝100%", meaning: quantity(.equal, "100", "%", .percent)),
        ValueCase(text: "≧95%", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "大于等于90%", meaning: quantity(.atLeast, "90", "%", .percent)),
        ValueCase(text: "不低于90%", meaning: quantity(.atLeast, "90", "%", .percent)),
        ValueCase(text: "不少于20人", meaning: quantity(.atLeast, "20", "人")),
        ValueCase(text: "小于等于5万元", meaning: quantity(.atMost, "5", "万元", .money)),
        ValueCase(text: "不高于3%", meaning: quantity(.atMost, "3", "%", .percent)),
        ValueCase(text: "不超过5000元", meaning: quantity(.atMost, "5000", "元", .money)),
        ValueCase(text: "95%以上", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "≥95%以上", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "5个工作日以内", meaning: quantity(.atMost, "5", "个工作日", .time)),
        ValueCase(text: "≤90%以上", meaning: .notUnderstood(.conflictingOperators)),
    ]

    @Test(arguments: operatorForms)
    func operatorSpellings(_ example: ValueCase) {
        #expect(TargetValue(example.text).meaning == example.meaning)
    }

    /// Numbers and units beyond the domain list: full width, decimals, separators, magnitudes.
    static let numberAndUnitForms: [ValueCase] = [
        ValueCase(text: "≥９５％", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "≤1.82万元/辆", meaning: quantity(.atMost, "1.82", "万元", per: ["辆"], .money)),
        ValueCase(text: "≤55833.34元/月", meaning: quantity(.atMost, "55833.34", "元", per: ["月"], .money)),
        ValueCase(text: "≤39050元/季度", meaning: quantity(.atMost, "39050", "元", per: ["季度"], .money)),
        ValueCase(text: "≥ 95 %", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "1,200元", meaning: quantity(.equal, "1200", "元", .money, implied: true)),
        ValueCase(text: "≥1000万人次", meaning: quantity(.atLeast, "1000", "万人次")),
        ValueCase(text: "≥2台", meaning: quantity(.atLeast, "2", "台")),
        ValueCase(text: "≥100", meaning: quantity(.atLeast, "100", nil)),
        ValueCase(text: "≤-5%", meaning: quantity(.atMost, "-5", "%", .percent)),
        ValueCase(text: "≥500平方米", meaning: quantity(.atLeast, "500", "平方米", .measure)),
        ValueCase(text: "≤30分钟", meaning: quantity(.atMost, "30", "分钟", .time)),
        ValueCase(text: "≥90分", meaning: quantity(.atLeast, "90", "分")),
        ValueCase(text: "≥14个社区", meaning: .quantity(.init(comparison: .atLeast, number: Amount(14),
                                                              unit: TargetUnit(base: "个", counted: "社区", kind: .count)))),
        ValueCase(text: "≥90支出率", meaning: .notUnderstood(.notAUnit("支出率"))),
        ValueCase(text: "≥90个人满意度", meaning: .notUnderstood(.notAUnit("个人满意度"))),
        ValueCase(text: "≥90分数", meaning: .notUnderstood(.notAUnit("分数"))),
        ValueCase(text: "≥2次/年", meaning: quantity(.atLeast, "2", "次", per: ["年"])),
        ValueCase(text: "≤25万/季度", meaning: .notUnderstood(.magnitudeWithoutUnit("万"))),
        ValueCase(text: "100%完成", meaning: .notUnderstood(.unexpectedText("完成"))),
        ValueCase(text: "90~100%", meaning: .notUnderstood(.unexpectedText("~100%"))),
        ValueCase(text: "≥1234567890123456元", meaning: .notUnderstood(.numberOutOfRange)),
        ValueCase(text: "≥", meaning: .notUnderstood(.missingNumber)),
        ValueCase(text: "≥优", meaning: .notUnderstood(.missingNumber)),
    ]

    @Test(arguments: numberAndUnitForms)
    func numbersAndUnits(_ example: ValueCase) {
        #expect(TargetValue(example.text).meaning == example.meaning)
    }

    /// Qualitative, deadline, frequency and national forms.
    static let wordForms: [ValueCase] = [
        ValueCase(text: "良", meaning: qualitative("良", .grade)),
        ValueCase(text: "合格", meaning: qualitative("合格", .grade)),
        ValueCase(text: "是", meaning: qualitative("是", .yesNo)),
        ValueCase(text: "进一步提高", meaning: qualitative("进一步提高", .trend)),
        ValueCase(text: "按时完成", meaning: qualitative("按时完成", .timeliness)),
        ValueCase(text: "按规定时间发放", meaning: qualitative("按规定时间发放", .timeliness)),
        ValueCase(text: "符合要求", meaning: qualitative("符合要求", .compliance)),
        ValueCase(text: "据实结算", meaning: qualitative("据实结算", .actualCost)),
        ValueCase(text: "定性", meaning: qualitative("", .declared)),
        ValueCase(text: "定性：好评", meaning: qualitative("好评", .declared)),
        ValueCase(text: "定性 优", meaning: qualitative("优", .grade)),
        ValueCase(text: "定量（其他）", meaning: .otherQuantitative(detail: "")),
        ValueCase(text: "定量(其他)：按实际工作量", meaning: .otherQuantitative(detail: "按实际工作量")),
        ValueCase(text: "定量≥90%", meaning: quantity(.atLeast, "90", "%", .percent)),
        ValueCase(text: "不适用", meaning: .notApplicable),
        ValueCase(text: "年底前完成", meaning: .deadline(.init())),
        ValueCase(text: "2023年12月底前", meaning: .deadline(.init(year: 2023, month: 12))),
        ValueCase(text: "2023年6月30日", meaning: .deadline(.init(year: 2023, month: 6, day: 30))),
        ValueCase(text: "12月31日前完成", meaning: .deadline(.init(month: 12, day: 31))),
        ValueCase(text: "2023-06-30前", meaning: .deadline(.init(year: 2023, month: 6, day: 30))),
        ValueCase(text: "２０２３年底前完成", meaning: .deadline(.init(year: 2023))),
        ValueCase(text: "每月不少于2次", meaning: .frequency(.init(period: .month, comparison: .atLeast,
                                                                   count: Amount(2), unit: "次"))),
        ValueCase(text: "每年一次", meaning: .frequency(.init(period: .year, count: Amount(1), unit: "次"))),
        ValueCase(text: "每周十二次", meaning: .frequency(.init(period: .week, count: Amount(12), unit: "次"))),
        ValueCase(text: "每半年1期以上", meaning: .frequency(.init(period: .halfYear, comparison: .atLeast,
                                                                  count: Amount(1), unit: "期"))),
        ValueCase(text: "2023年第四季度", meaning: .deadline(.init(year: 2023, month: 12))),
        ValueCase(text: "2023年二季度前完成", meaning: .deadline(.init(year: 2023, month: 6))),
        ValueCase(text: "2023年上半年完成", meaning: .deadline(.init(year: 2023, month: 6))),
        ValueCase(text: "2023年度内完成", meaning: .deadline(.init(year: 2023))),
        ValueCase(text: "6个月", meaning: quantity(.equal, "6", "个月", .time, implied: true)),
        ValueCase(text: "优。", meaning: qualitative("优", .grade)),
        ValueCase(text: "≥95%；", meaning: quantity(.atLeast, "95", "%", .percent)),
        ValueCase(text: "见附件", meaning: .notUnderstood(.unrecognised)),
    ]

    @Test(arguments: wordForms)
    func wordsDeadlinesFrequencies(_ example: ValueCase) {
        #expect(TargetValue(example.text).meaning == example.meaning)
    }

    @Test func blanksAndPlaceholders() {
        for blank in ["", " ", "\u{3000}", "\n\t"] {
            #expect(TargetValue(blank).meaning == .empty, "\(blank.debugDescription)")
        }
        for placeholder in ["*", "**", "_", "-", " - ", "—", "/", "＊＊"] {
            #expect(TargetValue(placeholder).meaning == .placeholder, "\(placeholder)")
        }
        #expect(TargetValue("-5%").meaning != .placeholder)
    }

    @Test func originalIsKeptByteForByte() {
        for text in ["≥100百分比 ", " 766 元/人", "≥９５％", "优\n", "≥90使用率", "**"] {
            let value = TargetValue(text)
            #expect(Array(value.original.utf8) == Array(text.utf8))
        }
    }

    @Test func quantityKeepsWrittenDecimals() {
        let value = TargetValue("≥95.0%")
        #expect(value.quantity?.number.description == "95.0")
        #expect(value.quantity?.number == Amount(95))
    }

    @Test func unitKnowsMoneyAndPercent() {
        #expect(TargetValue("≤1.82万元/辆").quantity?.unit?.yuanPerUnit == 10_000)
        #expect(TargetValue("≤1.82万元/辆").quantity?.unit?.isRate == true)
        #expect(TargetValue("≤500元").quantity?.unit?.yuanPerUnit == 1)
        #expect(TargetValue("≤5亿元").quantity?.unit?.yuanPerUnit == 100_000_000)
        #expect(TargetValue("≥30人").quantity?.unit?.isMoney == false)
        #expect(TargetValue("≥30人").quantity?.unit?.yuanPerUnit == nil)
        #expect(TargetValue("≥95百分比").quantity?.unit?.isPercent == true)
    }

    @Test func deadlineDates() {
        #expect(TargetValue.Deadline(year: 2023, month: 2, day: 29).isValidDate == false)
        #expect(TargetValue.Deadline(year: 2024, month: 2, day: 29).isValidDate == true)
        #expect(TargetValue.Deadline(month: 2, day: 29).isValidDate == true)
        #expect(TargetValue.Deadline(year: 2023, month: 13).isValidDate == false)
        #expect(TargetValue.Deadline(year: 2023, month: 4, day: 31).isValidDate == false)
        #expect(TargetValue.Deadline().resolvedYear(budgetYear: 2023) == 2023)
        #expect(TargetValue("2023年13月底前").deadline?.isValidDate == false)
    }

    @Test func summariesSayWhatWasUnderstood() {
        #expect(TargetValue("≥95%").summary == LocalizedText(both: "≥ 95 %"))
        #expect(TargetValue("≥95％").summary.en == "≥ 95 %")
        #expect(TargetValue("766 元/人").summary.en == "= 766 元/人")
        #expect(TargetValue("≥100").summary.en == "≥ 100 (no unit)")
        #expect(TargetValue("≥500名居民").summary.en == "≥ 500 名居民")
        #expect(TargetValue("优").summary == LocalizedText(zh: "定性（等级）", en: "qualitative (grade)"))
        #expect(TargetValue("≥90使用率").summary
            == LocalizedText(zh: "未能识别：“使用率”不是单位", en: "not understood: 使用率 is not a unit"))
        #expect(TargetValue("2023年底前完成").summary == LocalizedText(zh: "期限：2023年底前", en: "deadline: end of 2023"))
        #expect(TargetValue("年底前完成").summary.en == "deadline: end of the budget year")
        #expect(TargetValue("2023年12月31日前完成").summary.en == "deadline: 2023-12-31")
        #expect(TargetValue("每季度1次").summary == LocalizedText(zh: "频次：每季度1次", en: "frequency: 1 次 per quarter"))
        #expect(TargetValue("不适用").summary.en == "not applicable")
        #expect(TargetValue("**").summary.en == "placeholder, not a value")
        #expect(TargetValue("").summary.en == "empty")
    }

    @Test func understoodAndQualitativeFlags() {
        #expect(TargetValue("≥90%").isUnderstood)
        #expect(TargetValue("优").isUnderstood && TargetValue("优").isQualitative)
        #expect(!TargetValue("≥90使用率").isUnderstood)
        #expect(!TargetValue("*").isUnderstood)
        #expect(!TargetValue("").isUnderstood)
        #expect(!TargetValue("≥90%").isQualitative)
    }
}
