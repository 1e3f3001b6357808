/// What the project checks need to know about the department a project belongs to, and
/// nothing more: validating one project never reads another.
public struct ValidationContext: Sendable, Hashable {
    /// 预算年度: deadlines must fall in it.
    public var fiscalYear: Int
    /// The unit the project's budget is written in, for comparing costs in 元 or 万元.
    public var moneyUnit: MoneyUnit
    /// The framework level 1 and level 2 are checked against.
    public var framework: FrameworkEdition

    public init(fiscalYear: Int, moneyUnit: MoneyUnit = .tenThousandYuan, framework: FrameworkEdition = .legacy) {
        self.fiscalYear = fiscalYear
        self.moneyUnit = moneyUnit
        self.framework = framework
    }

    public init(document: DepartmentDocument) {
        self.init(fiscalYear: document.fiscalYear, moneyUnit: document.moneyUnit, framework: document.framework)
    }
}
