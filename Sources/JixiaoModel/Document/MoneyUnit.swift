/// The money unit a department's tables are written in (单位：万元 / 元).
public enum MoneyUnit: String, Sendable, Hashable, CaseIterable {
    /// 万元, ten thousand yuan: the unit of most documents.
    case tenThousandYuan = "万元"
    /// 元.
    case yuan = "元"
}
