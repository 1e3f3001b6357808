/// A department's performance text for one budget year (部门预算绩效文本): the unit of storage,
/// of review and of history.
public struct DepartmentDocument: Sendable, Hashable, Identifiable {
    /// The JSON format version this build writes and the newest it reads.
    public static let currentSchemaVersion = 2

    /// Derived from unit code and year (`441001-2023`) when the department is created; never
    /// changed afterwards.
    public var id: String
    public var schemaVersion: Int
    /// 预算年度.
    public var fiscalYear: Int
    /// 单位编码, e.g. `441001`.
    public var unitCode: String
    /// 单位名称, e.g. `秦皇岛市北戴河区西山街道办事处（本级）`.
    public var unitName: String
    public var moneyUnit: MoneyUnit
    public var framework: FrameworkEdition
    public var status: ReviewStatus
    /// 总体绩效目标.
    public var overallGoals: [TextItem]
    /// 分项绩效目标.
    public var subGoals: [SubGoal]
    /// 工作保障措施.
    public var safeguards: [TextItem]
    /// 预算项目, each with its performance target table.
    public var projects: [Project]
    /// 审核记录: every review step, oldest first; append-only (schema version 2).
    public var reviewLog: [ReviewEvent]
    /// 批注 on the submission or on cells, kept for good (schema version 2).
    public var comments: [ReviewComment]

    public init(id: String? = nil, schemaVersion: Int = DepartmentDocument.currentSchemaVersion,
                fiscalYear: Int, unitCode: String, unitName: String,
                moneyUnit: MoneyUnit = .tenThousandYuan, framework: FrameworkEdition = .legacy,
                status: ReviewStatus = .draft, overallGoals: [TextItem] = [], subGoals: [SubGoal] = [],
                safeguards: [TextItem] = [], projects: [Project] = [],
                reviewLog: [ReviewEvent] = [], comments: [ReviewComment] = []) {
        self.id = id ?? DepartmentDocument.makeID(unitCode: unitCode, fiscalYear: fiscalYear)
        self.schemaVersion = schemaVersion
        self.fiscalYear = fiscalYear
        self.unitCode = unitCode
        self.unitName = unitName
        self.moneyUnit = moneyUnit
        self.framework = framework
        self.status = status
        self.overallGoals = overallGoals
        self.subGoals = subGoals
        self.safeguards = safeguards
        self.projects = projects
        self.reviewLog = reviewLog
        self.comments = comments
    }

    /// The id of the department with this unit code and year. Characters that may not appear
    /// in an id (see `StableID.isValid`) become `_`.
    public static func makeID(unitCode: String, fiscalYear: Int) -> String {
        let safe = String(unitCode.unicodeScalars.map { scalar -> Character in
            let ok = scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                || scalar == "-" || scalar == "_")
            return ok ? Character(scalar) : "_"
        })
        return "\(safe.isEmpty ? "unit" : safe)-\(fiscalYear)"
    }

    /// The sum of the projects' budgets (blanks count as zero).
    public var totalBudget: Amount { projects.compactMap(\.budget).sum() }

    /// The number of indicator rows over all projects.
    public var indicatorCount: Int { projects.reduce(0) { $0 + $1.indicators.count } }
}
