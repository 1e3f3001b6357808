import JixiaoModel

/// One department as the home screen lists it: plain values handed over by the executable,
/// so the app core does not depend on how the store finds them.
public struct DepartmentListing: Hashable, Sendable {
    public var id: String
    /// 单位编码.
    public var unitCode: String
    /// 单位名称.
    public var unitName: String
    /// 预算年度.
    public var fiscalYear: Int
    public var status: ReviewStatus
    public var projectCount: Int
    /// 预算合计, nil when unknown.
    public var totalBudget: Amount?
    public var moneyUnit: MoneyUnit
    /// Validation finding counts, nil when the store counted none.
    public var errorCount: Int?
    public var warningCount: Int?
    /// Who saved last (OS account) and when (ISO 8601 UTC).
    public var savedBy: String?
    public var savedAt: String?
    /// Who submitted it last (送审) and when (`ReviewTimestamp` form), from the review log.
    public var lastSubmittedBy: String?
    public var lastSubmittedAt: String?

    public init(id: String, unitCode: String, unitName: String, fiscalYear: Int, status: ReviewStatus,
                projectCount: Int, totalBudget: Amount?, moneyUnit: MoneyUnit, errorCount: Int? = nil,
                warningCount: Int? = nil, savedBy: String? = nil, savedAt: String? = nil) {
        self.errorCount = errorCount
        self.warningCount = warningCount
        self.savedBy = savedBy
        self.savedAt = savedAt
        self.id = id
        self.unitCode = unitCode
        self.unitName = unitName
        self.fiscalYear = fiscalYear
        self.status = status
        self.projectCount = projectCount
        self.totalBudget = totalBudget
        self.moneyUnit = moneyUnit
    }

    /// The listing of a whole document.
    public init(_ document: DepartmentDocument) {
        self.init(id: document.id, unitCode: document.unitCode, unitName: document.unitName,
                  fiscalYear: document.fiscalYear, status: document.status, projectCount: document.projects.count,
                  totalBudget: document.totalBudget, moneyUnit: document.moneyUnit)
        let submit = document.lastReviewEvent(.submit)
        lastSubmittedBy = submit?.user
        lastSubmittedAt = submit?.time
    }

    /// When it entered the review queue: the last submission, else the last save (summaries
    /// from before the review workflow), as sortable UTC text.
    public var queueTime: String { lastSubmittedAt ?? savedAt ?? "" }
}
