/// The unit of a quantitative target value: a base unit (`%`, `人`, `元`, `万元` …) and any
/// number of "per" parts (`元/月/社区` is 元 per 月 per 社区).
public struct TargetUnit: Sendable, Hashable, CustomStringConvertible {
    /// What a base unit measures.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// `%`, `％`, `百分比`.
        case percent
        /// 元, 万元, 千元, 亿元, 百万元.
        case money
        /// People, things and occurrences: 人, 个, 次, 台, 辆, 万人次 …
        case count
        /// Physical measures: 米, 平方米, 亩, 吨 …
        case measure
        /// Durations: 天, 小时, 月, 年, 季度 …
        case time
    }

    /// The base unit in normal form: percent forms become `%`, everything else stays as written.
    public var base: String
    /// What a count classifier counts, as written: `社区` in `≥14个社区`.
    public var counted: String?
    /// The denominators after `/`, as written (`["月", "社区"]` for `元/月/社区`).
    public var per: [String]
    public var kind: Kind

    public init(base: String, counted: String? = nil, per: [String] = [], kind: Kind) {
        self.base = base
        self.counted = counted
        self.per = per
        self.kind = kind
    }

    /// The unit in normal form: `%`, `元/月/社区`, `个社区`.
    public var description: String { ([base + (counted ?? "")] + per).joined(separator: "/") }

    public var isPercent: Bool { kind == .percent }
    public var isMoney: Bool { kind == .money }

    /// A money amount per something (`元/月`, `元/人`) rather than a total.
    public var isRate: Bool { !per.isEmpty }

    /// How many 元 one base unit is, for money units; `nil` otherwise.
    public var yuanPerUnit: Int64? {
        guard kind == .money else { return nil }
        return TargetUnit.moneyUnits[base]
    }

    /// 元 and its multiples, with their size in 元.
    static let moneyUnits: [String: Int64] = [
        "元": 1, "千元": 1_000, "万元": 10_000, "百万元": 1_000_000, "亿元": 100_000_000,
    ]

    /// Written forms of percent.
    static let percentForms: [String] = ["%", "％", "百分比"]

    static let countUnits: [String] = [
        "人", "人次", "名", "位", "户", "户次", "家", "个", "个次", "次", "台", "台次", "辆", "辆次", "车次",
        "件", "件次", "所", "项", "项次", "场", "场次", "期", "批", "批次", "座", "套", "处", "条", "篇",
        "份", "份次", "册", "本", "张", "间", "株", "棵", "只", "头", "宗", "起", "类", "种", "组", "支",
        "队", "块", "部", "床", "栋", "幢", "盏", "根", "把", "箱", "袋", "顶", "班", "节", "轮", "届",
        "门", "课", "分", "倍", "岁", "百分点", "人天", "人月", "万人", "万人次", "万册", "万户",
    ]

    static let measureUnits: [String] = [
        "米", "延米", "千米", "公里", "平方米", "平米", "㎡", "平方公里", "万平方米", "立方米", "亩", "万亩",
        "公顷", "吨", "万吨", "千克", "公斤", "克", "升", "毫升", "千瓦", "千瓦时", "度", "兆瓦",
    ]

    static let timeUnits: [String] = [
        "天", "日", "工作日", "个工作日", "小时", "分钟", "秒", "周", "个月", "月", "季度", "年", "年度", "半年",
    ]

    /// Every known base unit, longest first so that `人次` wins over `人` and `分钟` over `分`.
    static let catalogue: [(text: String, kind: Kind)] = {
        var entries: [(String, Kind)] = []
        entries += percentForms.map { ($0, .percent) }
        entries += moneyUnits.keys.map { ($0, .money) }
        entries += countUnits.map { ($0, .count) }
        entries += measureUnits.map { ($0, .measure) }
        entries += timeUnits.map { ($0, .time) }
        return entries.sorted { $0.0.count != $1.0.count ? $0.0.count > $1.0.count : $0.0 < $1.0 }
    }()

    /// The known base unit at the start of `text`, longest match, with its normal form.
    /// `catalogue` by first scalar, in catalogue order (longest first) within each.
    static let catalogueByFirstScalar: [Unicode.Scalar: [(text: String, kind: Kind)]] =
        Dictionary(grouping: catalogue, by: { $0.text.unicodeScalars.first! })

    static func knownBase(atStartOf text: Substring) -> (written: String, base: String, kind: Kind)? {
        guard let first = text.unicodeScalars.first, let candidates = catalogueByFirstScalar[first] else { return nil }
        for entry in candidates where text.startsFast(with: entry.text) {
            let base = entry.kind == .percent ? "%" : entry.text
            return (entry.text, base, entry.kind)
        }
        return nil
    }
}
