import Foundation

/// The indicator-grid checks, row by row: required cells (domain group 3), framework (4),
/// values (6), satisfaction (7), deadlines (8), cost (9), vague wording (10), names (11); then
/// per project: coverage (5) and the qualitative share (10).
enum IndicatorChecks {
    static func run(_ project: Project, context: ValidationContext, into collector: inout FindingCollector) {
        var cache: RowFindingsCache?
        run(project, context: context, into: &collector, cache: &cache)
    }

    /// As `run`, reusing the row-local findings of rows that did not change since `cache` was
    /// filled (same row, budget, context and settings); only the rows' duplicate-name checks and
    /// the project-level aggregates run again for every row.
    static func run(_ project: Project, context: ValidationContext, into collector: inout FindingCollector,
                    cache: inout RowFindingsCache?) {
        let framework = IndicatorFramework.of(context.framework)
        let settings = collector.settings
        var firstRowWithName = RowNames()
        var statistics = IndicatorStatistics()
        let key = RowFindingsCache.Key(project: project.id, budget: project.budget, context: context, settings: settings)
        let reusable = cache?.key == key ? cache?.rows ?? [:] : [:]
        var filled: [String: RowFindingsCache.Row]? = cache == nil ? nil : [:]
        filled?.reserveCapacity(project.indicators.count)
        var coverage = Coverage()
        for (index, row) in project.indicators.enumerated() {
            let place = RowPlace(project: project.id, row: row.id, number: index + 1)
            let roles = RowRoles(row, framework)
            coverage.add(roles)
            let local: RowFindingsCache.Row
            if let cached = reusable[row.id], cached.row == row {
                local = cached
            } else {
                var rowCollector = FindingCollector(settings: settings)
                let value = TargetValue(row.value)
                checkCells(row, place, into: &rowCollector)
                checkFramework(roles, framework, place, into: &rowCollector)
                checkValue(row, value, place, into: &rowCollector)
                checkSatisfaction(roles, value, settings, place, into: &rowCollector)
                checkDeadline(value, context, place, into: &rowCollector)
                checkCost(roles, value, project, context, place, into: &rowCollector)
                checkVagueness(row, settings, place, into: &rowCollector)
                checkNameLength(row, settings, place, into: &rowCollector)
                local = RowFindingsCache.Row(row: row, value: value, findings: rowCollector.findings)
            }
            statistics.add(local.value)
            collector.append(local.findings)
            checkDuplicateName(row, &firstRowWithName, place, into: &collector)
            filled?[row.id] = local
        }
        if let filled { cache = RowFindingsCache(key: key, rows: filled) }
        checkCoverage(project, coverage, context, into: &collector)
        checkQualitativeShare(project, statistics, settings, into: &collector)
    }

    /// What the checks ask about a row's level 1 and level 2, worked out once per row (each of
    /// these trims and compares CJK text, and several checks and the coverage need them).
    struct RowRoles {
        /// Trimmed.
        let level1: String
        /// Trimmed.
        let level2: String
        /// The standard level-1 name, nil when not in the framework.
        let canonicalLevel1: String?
        /// `IndicatorFramework.isCost(row)`.
        let isCost: Bool
        /// `IndicatorFramework.isSatisfaction(row)`.
        let isSatisfaction: Bool

        init(_ row: IndicatorRow, _ framework: IndicatorFramework) {
            level1 = IndicatorFramework.trimmed(row.level1)
            level2 = IndicatorFramework.trimmed(row.level2)
            // Trimming is idempotent: these answer as for the row itself.
            canonicalLevel1 = framework.canonicalLevel1(level1)
            isCost = IndicatorFramework.isCost(level1: level1, level2: level2)
            isSatisfaction = IndicatorFramework.isSatisfaction(level1: level1, level2: level2)
        }
    }

    /// Which kinds of indicator a project's rows include (group 5).
    struct Coverage {
        var output = false
        var effect = false
        var satisfaction = false
        var cost = false

        mutating func add(_ roles: RowRoles) {
            if roles.canonicalLevel1 == IndicatorFramework.output { output = true }
            if roles.canonicalLevel1 == IndicatorFramework.effect { effect = true }
            if roles.isSatisfaction { satisfaction = true }
            if roles.isCost { cost = true }
        }
    }

    /// A row's place: its path, and its number for naming it from another row (`与第3行重复`).
    struct RowPlace {
        let project: String
        let row: String
        let number: Int

        func path(_ column: IndicatorRow.Column) -> CellPath {
            .indicator(project: project, row: row, column: column)
        }
    }

    // MARK: Group 3

    private static func checkCells(_ row: IndicatorRow, _ place: RowPlace, into collector: inout FindingCollector) {
        for column in [IndicatorRow.Column.level1, .level2, .name, .value] where row[column].isBlank {
            collector.add(.rowRequired, place.path(column), zh: "\(column.chineseName)为空。",
                          en: "\(column.englishName) (\(column.chineseName)) is blank.")
        }
        for column in [IndicatorRow.Column.description, .basis] where row[column].isBlank {
            collector.add(.rowRecommended, place.path(column), zh: "\(column.chineseName)为空。",
                          en: "\(column.englishName) (\(column.chineseName)) is blank.")
        }
    }

    // MARK: Group 4

    private static func checkFramework(_ roles: RowRoles, _ framework: IndicatorFramework, _ place: RowPlace,
                                       into collector: inout FindingCollector) {
        let level1 = roles.level1
        let level2 = roles.level2
        guard !level1.isEmpty else { return }
        guard let canonical = roles.canonicalLevel1, let entry = framework.levels.first(where: { $0.name == canonical }) else {
            let known = framework.levels.map(\.name).joined(separator: "、")
            var zh = "一级指标“\(level1)”不在\(framework.edition.chineseName)指标体系内（应为\(known)）。"
            var en = "Level 1 “\(level1)” is not in the \(framework.edition.englishName) "
                + "framework (\(known))."
            let homes = framework.level1Names(containing: level1)
            if !homes.isEmpty {
                zh += "“\(level1)”在该体系中是\(homes.joined(separator: "、"))下的二级指标。"
                en += " There “\(level1)” is a level 2 under \(homes.joined(separator: ", "))."
            }
            collector.add(.frameworkLevel1, place.path(.level1), zh: zh, en: en)
            return
        }
        if IndicatorFramework.isAlias(level1) {
            collector.add(.frameworkAlias, place.path(.level1),
                          zh: "“\(level1)”按“\(entry.name)”处理，建议改用标准名称。",
                          en: "“\(level1)” is read as “\(entry.name)”; the standard name is preferred.")
        }
        guard !level2.isEmpty, !entry.level2.contains(level2), !entry.alsoAccepted.contains(level2) else { return }
        var zh = "二级指标“\(level2)”不属于“\(entry.name)”（可选：\(entry.acceptedLevel2.joined(separator: "、"))）。"
        var en = "Level 2 “\(level2)” is not under “\(entry.name)” "
            + "(choose from \(entry.acceptedLevel2.joined(separator: ", ")))."
        let homes = framework.level1Names(containing: level2)
        if !homes.isEmpty {
            zh += "它属于\(homes.joined(separator: "、"))。"
            en += " It belongs under \(homes.joined(separator: ", "))."
        }
        collector.add(.frameworkLevel2, place.path(.level2), zh: zh, en: en)
    }

    // MARK: Group 6

    private static func checkValue(_ row: IndicatorRow, _ value: TargetValue, _ place: RowPlace,
                                   into collector: inout FindingCollector) {
        let text = IndicatorFramework.trimmed(row.value)
        switch value.meaning {
        case .placeholder:
            collector.add(.valuePlaceholder, place.path(.value),
                          zh: "指标值“\(text)”只是占位符，请填写实际指标值。",
                          en: "The value “\(text)” is a placeholder; write the real target.")
        case .notUnderstood(let problem):
            let summary = problem.summary
            collector.add(.valueNotUnderstood, place.path(.value),
                          zh: "指标值“\(text)”\(summary.zh)。",
                          en: "Value “\(text)”: \(summary.en).")
        case .quantity(let quantity) where quantity.unit == nil:
            collector.add(.valueUnit, place.path(.value),
                          zh: "指标值“\(text)”缺少计量单位（如 %、人、元）。",
                          en: "The value “\(text)” has no unit (%, 人, 元 …).")
        case .otherQuantitative(let detail) where detail.isBlank && row.description.isBlank:
            collector.add(.valueOtherExplanation, place.path(.value),
                          zh: "使用“定量（其他）”，但没有说明。",
                          en: "定量（其他） needs an explanation, in the value or the description.")
        default:
            break
        }
    }

    // MARK: Group 7

    private static func checkSatisfaction(_ roles: RowRoles, _ value: TargetValue, _ settings: ValidationSettings,
                                          _ place: RowPlace, into collector: inout FindingCollector) {
        guard roles.isSatisfaction, value.isUnderstood else { return }
        if case .notApplicable = value.meaning { return }
        guard let quantity = value.quantity, let unit = quantity.unit, unit.isPercent, !unit.isRate else {
            // A quantity without unit is reported by `value.unit` alone.
            if let quantity = value.quantity, quantity.unit == nil { return }
            collector.add(.satisfactionPercent, place.path(.value),
                          zh: "这是满意度指标，指标值应为百分比（如 ≥90%），实为：\(value.summary.zh)。",
                          en: "This is a satisfaction indicator; its value should be a percentage "
                              + "(≥90%), not: \(value.summary.en).")
            return
        }
        let number = quantity.number
        if !quantity.comparison.isLowerBound {
            collector.add(.satisfactionOperator, place.path(.value),
                          zh: "满意度指标值应使用 ≥，实为 \(quantity.comparison.symbol)。",
                          en: "A satisfaction target is a floor (≥), not \(quantity.comparison.symbol).")
        }
        if number.isNegative || number > Amount(100) {
            collector.add(.satisfactionRange, place.path(.value),
                          zh: "满意度 \(number)% 不在 0–100 之间。",
                          en: "Satisfaction \(number)% is not between 0 and 100.")
        } else if !quantity.comparison.isUpperBound, number < settings.satisfactionMinimum {
            collector.add(.satisfactionLow, place.path(.value),
                          zh: "满意度目标 \(number)% 低于 \(settings.satisfactionMinimum)%。",
                          en: "Satisfaction target \(number)% is below \(settings.satisfactionMinimum)%.")
        }
    }

    // MARK: Group 8

    private static func checkDeadline(_ value: TargetValue, _ context: ValidationContext, _ place: RowPlace,
                                      into collector: inout FindingCollector) {
        guard let deadline = value.deadline else { return }
        if !deadline.isValidDate {
            collector.add(.deadlineDate, place.path(.value),
                          zh: "期限不是有效日期。",
                          en: "The deadline is not a real date.")
        } else if let year = deadline.year, year != context.fiscalYear {
            collector.add(.deadlineYear, place.path(.value),
                          zh: "期限在\(year)年，不在预算年度\(context.fiscalYear)年内。",
                          en: "The deadline falls in \(year), outside the budget year \(context.fiscalYear).")
        }
    }

    // MARK: Group 9

    private static func checkCost(_ roles: RowRoles, _ value: TargetValue, _ project: Project,
                                  _ context: ValidationContext, _ place: RowPlace,
                                  into collector: inout FindingCollector) {
        guard roles.isCost, value.isUnderstood else { return }
        if case .notApplicable = value.meaning { return }
        if let quantity = value.quantity, quantity.unit == nil { return }  // `value.unit` reports it
        guard let quantity = value.quantity, let unit = quantity.unit, let yuanPerUnit = unit.yuanPerUnit else {
            collector.add(.costUnit, place.path(.value),
                          zh: "这是成本指标，指标值应使用货币单位（元、万元、元/月等），实为：\(value.summary.zh)。",
                          en: "This is a cost indicator; its value should be money (元, 万元, 元/月 …), "
                              + "not: \(value.summary.en).")
            return
        }
        guard !unit.isRate, let budget = project.budget else { return }
        let budgetYuanPerUnit: Int64 = context.moneyUnit == .yuan ? 1 : 10_000
        let cost = quantity.number.decimalValue * Decimal(yuanPerUnit)
        let limit = budget.decimalValue * Decimal(budgetYuanPerUnit)
        if cost > limit {
            collector.add(.costOverBudget, place.path(.value),
                          zh: "成本 \(quantity.number)\(unit) 超过项目预算数 \(budget)\(context.moneyUnit.rawValue)。",
                          en: "Cost \(quantity.number) \(unit) is above the project budget "
                              + "\(budget) \(context.moneyUnit.rawValue).")
        }
    }

    // MARK: Group 10

    private static func checkVagueness(_ row: IndicatorRow, _ settings: ValidationSettings,
                                       _ place: RowPlace, into collector: inout FindingCollector) {
        guard !TargetValueParser.containsDigit(row.value) else { return }
        let plain = PlainText.isPlain(row.value)
        guard let word = settings.vagueWords.first(where: { plain ? PlainText.contains(plain: row.value, $0) : row.value.contains($0) })
        else { return }
        collector.add(.wordingVague, place.path(.value),
                      zh: "指标值含“\(word)”，没有可衡量的数值。",
                      en: "The value says “\(word)” without a measurable figure.")
    }

    private static func checkQualitativeShare(_ project: Project, _ statistics: IndicatorStatistics,
                                              _ settings: ValidationSettings, into collector: inout FindingCollector) {
        guard statistics.qualitative > 0,
              statistics.qualitative * 100 >= settings.qualitativeSharePercent * statistics.filled,
              let percent = statistics.qualitativePercent else { return }
        collector.add(.wordingQualitativeShare, .project(project.id, "indicators"),
                      zh: "定性指标值占 \(statistics.qualitative)/\(statistics.filled)（\(percent)%）。",
                      en: "\(statistics.qualitative) of \(statistics.filled) values (\(percent)%) are qualitative.")
    }

    // MARK: Group 11

    private static func checkNameLength(_ row: IndicatorRow, _ settings: ValidationSettings, _ place: RowPlace,
                                        into collector: inout FindingCollector) {
        // Plain text has one character per scalar; counting scalars skips grapheme breaking.
        let length = PlainText.isPlain(row.name) ? row.name.unicodeScalars.count : row.name.count
        if length > settings.maxIndicatorNameLength {
            collector.add(.nameLength, place.path(.name),
                          zh: "指标名称有 \(row.name.count) 个字符，超过 \(settings.maxIndicatorNameLength) 个。",
                          en: "The indicator name has \(row.name.count) characters, more than "
                              + "\(settings.maxIndicatorNameLength).")
        }
    }

    /// The first row number of each indicator name seen so far in a project. Projects have
    /// about ten rows: comparing a name with the earlier ones costs less than hashing CJK text
    /// (normalised first) into a growing dictionary, which is built only for long grids. Same
    /// answers either way (String `==`).
    struct RowNames {
        private var few: [(name: String, number: Int)] = []
        private var many: [String: Int]?

        subscript(name: String) -> Int? {
            get {
                if let many { return many[name] }
                return few.first(where: { $0.name == name })?.number
            }
            set {
                guard let newValue else { return }
                if many != nil {
                    many?[name] = newValue
                } else if few.count < 32 {
                    few.append((name, newValue))
                } else {
                    var table = Dictionary(few.map { ($0.name, $0.number) }, uniquingKeysWith: { first, _ in first })
                    table[name] = newValue
                    many = table
                }
            }
        }
    }

    /// Depends on the rows above, so it is never cached.
    private static func checkDuplicateName(_ row: IndicatorRow, _ firstRow: inout RowNames, _ place: RowPlace,
                                           into collector: inout FindingCollector) {
        let name = IndicatorFramework.trimmed(row.name)
        guard !name.isEmpty else { return }
        if let first = firstRow[name] {
            collector.add(.nameDuplicate, place.path(.name),
                          zh: "指标名称“\(name)”与第\(first)行重复。",
                          en: "The indicator name “\(name)” repeats row \(first).")
        } else {
            firstRow[name] = place.number
        }
    }

    // MARK: Group 5

    private static func checkCoverage(_ project: Project, _ coverage: Coverage, _ context: ValidationContext,
                                      into collector: inout FindingCollector) {
        let path = CellPath.project(project.id, "indicators")
        let costWhereZH = context.framework == .legacy ? "（产出指标下的二级指标“成本指标”）" : "（一级指标“成本指标”）"
        let costWhereEN = context.framework == .legacy ? " (level 2 成本指标 under 产出指标)" : " (level 1 成本指标)"
        let needs: [(Rule, Bool, String, String)] = [
            (.coverageOutput, coverage.output, "产出指标", "output (产出指标)"),
            (.coverageEffect, coverage.effect, "效益指标", "effect (效益指标)"),
            (.coverageSatisfaction, coverage.satisfaction, "满意度指标", "satisfaction (满意度指标)"),
            (.coverageCost, coverage.cost, "成本指标" + costWhereZH, "cost" + costWhereEN),
        ]
        for (rule, present, zh, en) in needs where !present {
            collector.add(rule, path, zh: "项目没有\(zh)。", en: "The project has no \(en) indicator.")
        }
    }
}

extension FrameworkEdition {
    public var chineseName: String {
        switch self {
        case .legacy: "旧版"
        case .guidance2021: "2021版"
        }
    }

    public var englishName: String {
        switch self {
        case .legacy: "legacy"
        case .guidance2021: "2021"
        }
    }
}
