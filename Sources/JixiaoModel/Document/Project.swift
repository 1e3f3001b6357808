/// One budget project and its performance target table (项目绩效目标表).
public struct Project: Sendable, Hashable, Identifiable {
    public var id: String
    /// 项目编码, letters and digits, e.g. `130304213ZR3W5GRVM5IR`.
    public var code: String
    /// 项目名称.
    public var name: String
    /// 预算数; `nil` while blank.
    public var budget: Amount?
    /// 其中：财政资金.
    public var fiscalFunds: Amount?
    /// 其他资金; blank is read as zero by the checks.
    public var otherFunds: Amount?
    /// 资金用途, paragraphs.
    public var purpose: String
    /// 资金支出计划.
    public var spendingPlan: SpendingPlan
    /// 绩效目标, the numbered goals.
    public var goals: [TextItem]
    /// The indicator grid.
    public var indicators: [IndicatorRow]

    public init(id: String = StableID.make(prefix: "p"), code: String = "", name: String = "",
                budget: Amount? = nil, fiscalFunds: Amount? = nil, otherFunds: Amount? = nil,
                purpose: String = "", spendingPlan: SpendingPlan = SpendingPlan(),
                goals: [TextItem] = [], indicators: [IndicatorRow] = []) {
        self.id = id
        self.code = code
        self.name = name
        self.budget = budget
        self.fiscalFunds = fiscalFunds
        self.otherFunds = otherFunds
        self.purpose = purpose
        self.spendingPlan = spendingPlan
        self.goals = goals
        self.indicators = indicators
    }

    /// 财政资金 + 其他资金, with blanks read as zero.
    public var fundsTotal: Amount { (fiscalFunds ?? .zero) + (otherFunds ?? .zero) }
}
