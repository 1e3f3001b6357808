import Testing
@testable import JixiaoModel

/// Validating a project with a row cache gives exactly the findings of a full validation,
/// whatever changed since the cache was filled: cells, names repeated elsewhere, rows inserted,
/// deleted or moved, the budget, the context.
@Suite struct RowFindingsCacheTests {
    static let values = ["≥90%", "=100%", "有所提升", "2024年12月31日前完成", "2023年底前", "每季度1次", "≤350元/人",
                         "≥1200户", "*", "", "不适用", "≥90使用率", "≤0.5公顷", "75%", "定性：良好", "≥5000万元"]
    static let level1s = ["产出指标", "效益指标", "满意度指标", "成本指标", "效果指标", "", "其他"]
    static let level2s = ["数量指标", "成本指标", "服务对象满意度指标", "社会效益指标", "经济成本指标", "时效指标", ""]
    static let names = ["服务人数", "覆盖率", "满意度", "服务人数", "", "路灯电费"]

    static func row<G: RandomNumberGenerator>(_ id: String, using rng: inout G) -> IndicatorRow {
        IndicatorRow(id: id, level1: level1s.randomElement(using: &rng)!, level2: level2s.randomElement(using: &rng)!,
                     name: names.randomElement(using: &rng)!, description: Bool.random(using: &rng) ? "说明" : "",
                     value: values.randomElement(using: &rng)!, basis: Bool.random(using: &rng) ? "计划标准" : "")
    }

    @Test func cachedValidationEqualsFullValidationAfterRandomEdits() {
        var rng = SplitMix(seed: 7)
        for _ in 0..<120 {
            var project = Project(id: "p-1", code: "P1", name: "项目", budget: Amount(100), fiscalFunds: Amount(100), purpose: "用途")
            project.indicators = (0..<Int.random(in: 0...12, using: &rng)).map { Self.row("r-\($0)", using: &rng) }
            var context = ValidationContext(fiscalYear: 2024, moneyUnit: .tenThousandYuan,
                                            framework: FrameworkEdition.allCases.randomElement(using: &rng)!)
            var cache = RowFindingsCache()
            var next = 100
            for _ in 0..<8 {
                #expect(Validator.validate(project: project, in: context, cache: &cache)
                        == Validator.validate(project: project, in: context))
                switch Int.random(in: 0..<7, using: &rng) {
                case 0 where !project.indicators.isEmpty:
                    let i = Int.random(in: 0..<project.indicators.count, using: &rng)
                    project.indicators[i].value = Self.values.randomElement(using: &rng)!
                case 1 where !project.indicators.isEmpty:
                    let i = Int.random(in: 0..<project.indicators.count, using: &rng)
                    project.indicators[i].name = Self.names.randomElement(using: &rng)!
                case 2:
                    project.indicators.insert(Self.row("r-\(next)", using: &rng),
                                              at: Int.random(in: 0...project.indicators.count, using: &rng))
                    next += 1
                case 3 where !project.indicators.isEmpty:
                    project.indicators.remove(at: Int.random(in: 0..<project.indicators.count, using: &rng))
                case 4 where project.indicators.count > 1:
                    project.indicators.swapAt(0, project.indicators.count - 1)
                case 5:
                    project.budget = Bool.random(using: &rng) ? Amount(1) : nil
                default:
                    context.fiscalYear = Bool.random(using: &rng) ? 2024 : 2023
                }
            }
        }
    }
}
