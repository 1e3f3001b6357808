import Foundation
import Testing
@testable import JixiaoModel

/// A document that breaks no rule at all; every case below changes one thing in it.
enum Fixture {
    static func row(_ id: String, _ level1: String, _ level2: String, _ name: String, _ value: String,
                    basis: String = "计划标准") -> IndicatorRow {
        IndicatorRow(id: id, level1: level1, level2: level2, name: name, description: name + "的说明",
                     value: value, basis: basis)
    }

    static func project(id: String = "p-1", code: String = "130304213ZR3W5GRVM5IR") -> Project {
        Project(
            id: id, code: code, name: "直选人员及社区工作者工资及保险",
            budget: Amount(canonical: "130.97"), fiscalFunds: Amount(canonical: "130.97"), otherFunds: nil,
            purpose: "社区干部工资及保险",
            spendingPlan: SpendingPlan(mode: .percent, march: Amount(25), june: Amount(50), october: Amount(75),
                                       december: Amount(canonical: "100.00")),
            goals: [TextItem(id: "t-g1", text: "按时发放工资")],
            indicators: [
                row("r-1", "产出指标", "数量指标", "保障人数", "≥30人"),
                row("r-2", "产出指标", "质量指标", "发放准确率", "≥95%"),
                row("r-3", "产出指标", "时效指标", "发放时限", "2023年底前完成"),
                row("r-4", "产出指标", "成本指标", "人均成本", "≤46875元/月", basis: "预算支出标准"),
                row("r-5", "效益指标", "社会效益指标", "受益人数", "≥20人"),
                row("r-6", "满意度指标", "服务对象满意度指标", "居民满意度", "≥95%", basis: "调查问卷"),
            ])
    }

    static func document() -> DepartmentDocument {
        DepartmentDocument(
            fiscalYear: 2023, unitCode: "441001", unitName: "秦皇岛市北戴河区西山街道办事处（本级）",
            overallGoals: [TextItem(id: "t-1", text: "加强城市社区建设。")],
            subGoals: [SubGoal(id: "g-1", title: "坚持党建工作主线", goal: "开展党员走访慰问。",
                               indicatorText: "达优比率在75%以上。")],
            safeguards: [TextItem(id: "t-2", text: "加强组织领导。")],
            projects: [project()])
    }

    /// The same document under the 2021 framework: 成本指标 is a level 1.
    static func document2021() -> DepartmentDocument {
        var document = document()
        document.framework = .guidance2021
        document.projects[0].indicators[3] = row("r-4", "成本指标", "经济成本指标", "人均成本", "≤46875元/月")
        return document
    }
}

/// One change to the fixture and what it must (or must not) produce.
struct RuleCase: CustomTestStringConvertible, Sendable {
    let ruleID: String
    let label: String
    let path: CellPath?
    let change: @Sendable (inout DepartmentDocument) -> Void
    var start: @Sendable () -> DepartmentDocument = { Fixture.document() }

    var testDescription: String { "\(ruleID): \(label)" }
}

private func cell(_ row: String, _ column: IndicatorRow.Column) -> CellPath {
    .indicator(project: "p-1", row: row, column: column)
}

private func plan(_ checkpoint: String) -> CellPath { .project("p-1", "spendingPlan").field(checkpoint) }

/// Changes the value of row `row` (1-based).
private func value(_ row: Int, _ text: String) -> @Sendable (inout DepartmentDocument) -> Void {
    { $0.projects[0].indicators[row - 1].value = text }
}

@Suite struct ValidatorTests {
    // MARK: Cases that must trigger their rule

    static let triggers: [RuleCase] = [
        RuleCase(ruleID: "department.unitCode", label: "blank", path: .field("unitCode")) { $0.unitCode = " " },
        RuleCase(ruleID: "department.unitName", label: "blank", path: .field("unitName")) { $0.unitName = "" },
        RuleCase(ruleID: "department.overallGoals", label: "none", path: .field("overallGoals")) { $0.overallGoals = [] },
        RuleCase(ruleID: "department.overallGoals", label: "only blank", path: .field("overallGoals")) {
            $0.overallGoals = [TextItem(id: "t-1", text: "\u{3000}")]
        },
        RuleCase(ruleID: "department.subGoals", label: "none", path: .field("subGoals")) { $0.subGoals = [] },
        RuleCase(ruleID: "department.subGoal", label: "blank goal",
                 path: CellPath.field("subGoals").item("g-1").field("goal")) { $0.subGoals[0].goal = "" },
        RuleCase(ruleID: "department.subGoal", label: "blank indicator text",
                 path: CellPath.field("subGoals").item("g-1").field("indicatorText")) { $0.subGoals[0].indicatorText = " " },
        RuleCase(ruleID: "department.subGoal", label: "blank title",
                 path: CellPath.field("subGoals").item("g-1").field("title")) { $0.subGoals[0].title = "" },
        RuleCase(ruleID: "department.safeguards", label: "blank", path: .field("safeguards")) {
            $0.safeguards = [TextItem(id: "t-9", text: "  ")]
        },
        RuleCase(ruleID: "department.blankItem", label: "blank overall goal",
                 path: CellPath.field("overallGoals").item("t-5").field("text")) {
            $0.overallGoals.append(TextItem(id: "t-5", text: ""))
        },
        RuleCase(ruleID: "project.code", label: "blank", path: .project("p-1", "code")) { $0.projects[0].code = "" },
        RuleCase(ruleID: "project.duplicateCode", label: "same code twice", path: .project("p-2", "code")) {
            $0.projects.append(Fixture.project(id: "p-2"))
        },
        RuleCase(ruleID: "project.name", label: "blank", path: .project("p-1", "name")) { $0.projects[0].name = " " },
        RuleCase(ruleID: "project.purpose", label: "blank", path: .project("p-1", "purpose")) { $0.projects[0].purpose = "" },
        RuleCase(ruleID: "project.goals", label: "only blank goals", path: .project("p-1", "goals")) {
            $0.projects[0].goals = [TextItem(id: "t-g1", text: " ")]
        },
        RuleCase(ruleID: "budget.blank", label: "no budget", path: .project("p-1", "budget")) { $0.projects[0].budget = nil },
        RuleCase(ruleID: "budget.negative", label: "negative other funds", path: .project("p-1", "otherFunds")) {
            $0.projects[0].otherFunds = Amount(-1)
        },
        RuleCase(ruleID: "budget.sum", label: "fiscal short", path: .project("p-1", "budget")) {
            $0.projects[0].fiscalFunds = Amount(canonical: "130.00")
        },
        RuleCase(ruleID: "budget.sum", label: "fiscal blank", path: .project("p-1", "budget")) {
            $0.projects[0].fiscalFunds = nil
        },
        RuleCase(ruleID: "plan.blank", label: "no figures", path: .project("p-1", "spendingPlan")) {
            $0.projects[0].spendingPlan = SpendingPlan()
        },
        RuleCase(ruleID: "plan.incomplete", label: "June blank", path: plan("june")) { $0.projects[0].spendingPlan.june = nil },
        RuleCase(ruleID: "plan.negative", label: "March negative", path: plan("march")) {
            $0.projects[0].spendingPlan.march = Amount(-5)
        },
        RuleCase(ruleID: "plan.decreasing", label: "October below June", path: plan("october")) {
            $0.projects[0].spendingPlan.october = Amount(40)
        },
        RuleCase(ruleID: "plan.end", label: "percent ends at 99", path: plan("december")) {
            $0.projects[0].spendingPlan.december = Amount(99)
        },
        RuleCase(ruleID: "plan.end", label: "amounts end below budget", path: plan("december")) {
            $0.projects[0].spendingPlan = SpendingPlan(mode: .amount, march: Amount(30), june: Amount(60),
                                                       october: Amount(100), december: Amount(120))
        },
        RuleCase(ruleID: "row.required", label: "blank value", path: cell("r-1", .value), change: value(1, "")),
        RuleCase(ruleID: "row.required", label: "blank level 2", path: cell("r-2", .level2)) {
            $0.projects[0].indicators[1].level2 = ""
        },
        RuleCase(ruleID: "row.recommended", label: "blank basis", path: cell("r-2", .basis)) {
            $0.projects[0].indicators[1].basis = ""
        },
        RuleCase(ruleID: "framework.level1", label: "unknown level 1", path: cell("r-5", .level1)) {
            $0.projects[0].indicators[4].level1 = "效应指标"
        },
        RuleCase(ruleID: "framework.level1", label: "成本指标 as level 1 under legacy", path: cell("r-4", .level1)) {
            $0.projects[0].indicators[3].level1 = "成本指标"
        },
        RuleCase(ruleID: "framework.level2", label: "2021 level 2 under legacy", path: cell("r-4", .level2)) {
            $0.projects[0].indicators[3].level2 = "经济成本指标"
        },
        RuleCase(ruleID: "framework.alias", label: "效果指标", path: cell("r-5", .level1)) {
            $0.projects[0].indicators[4].level1 = "效果指标"
        },
        RuleCase(ruleID: "coverage.output", label: "no output rows", path: .project("p-1", "indicators")) {
            $0.projects[0].indicators.removeFirst(4)
        },
        RuleCase(ruleID: "coverage.effect", label: "no effect row", path: .project("p-1", "indicators")) {
            $0.projects[0].indicators.remove(at: 4)
        },
        RuleCase(ruleID: "coverage.satisfaction", label: "no satisfaction row", path: .project("p-1", "indicators")) {
            $0.projects[0].indicators.remove(at: 5)
        },
        RuleCase(ruleID: "coverage.cost", label: "no cost row", path: .project("p-1", "indicators")) {
            $0.projects[0].indicators.remove(at: 3)
        },
        RuleCase(ruleID: "coverage.cost", label: "2021 without cost level 1", path: .project("p-1", "indicators"),
                 change: { $0.projects[0].indicators.remove(at: 3) }, start: { Fixture.document2021() }),
        RuleCase(ruleID: "value.placeholder", label: "**", path: cell("r-1", .value), change: value(1, "**")),
        RuleCase(ruleID: "value.placeholder", label: "-", path: cell("r-1", .value), change: value(1, " - ")),
        RuleCase(ruleID: "value.notUnderstood", label: "≥90使用率", path: cell("r-1", .value), change: value(1, "≥90使用率")),
        RuleCase(ruleID: "value.unit", label: "≥100", path: cell("r-1", .value), change: value(1, "≥100")),
        RuleCase(ruleID: "value.otherExplanation", label: "bare 定量（其他）", path: cell("r-1", .value)) {
            $0.projects[0].indicators[0].value = "定量（其他）"
            $0.projects[0].indicators[0].description = ""
        },
        RuleCase(ruleID: "satisfaction.percent", label: "优", path: cell("r-6", .value), change: value(6, "优")),
        RuleCase(ruleID: "satisfaction.operator", label: "≤95%", path: cell("r-6", .value), change: value(6, "≤95%")),
        RuleCase(ruleID: "satisfaction.range", label: "≥120%", path: cell("r-6", .value), change: value(6, "≥120%")),
        RuleCase(ruleID: "satisfaction.low", label: "≥60%", path: cell("r-6", .value), change: value(6, "≥60%")),
        RuleCase(ruleID: "deadline.year", label: "2024 in a 2023 budget", path: cell("r-3", .value),
                 change: value(3, "2024年底前完成")),
        RuleCase(ruleID: "deadline.date", label: "2月30日", path: cell("r-3", .value), change: value(3, "2023年2月30日前完成")),
        RuleCase(ruleID: "cost.unit", label: "people", path: cell("r-4", .value), change: value(4, "≥30人")),
        RuleCase(ruleID: "cost.unit", label: "qualitative", path: cell("r-4", .value), change: value(4, "实际支出")),
        RuleCase(ruleID: "cost.overBudget", label: "200万元 over 130.97万元", path: cell("r-4", .value),
                 change: value(4, "≤200万元")),
        RuleCase(ruleID: "cost.overBudget", label: "元 department, 500元 over 130.97元", path: cell("r-4", .value)) {
            $0.moneyUnit = .yuan
            $0.projects[0].indicators[3].value = "≤500元"
        },
        RuleCase(ruleID: "cost.overBudget", label: "元 value over a 万元 budget", path: cell("r-4", .value),
                 change: value(4, "≤1309701元")),
        RuleCase(ruleID: "wording.vague", label: "有所提升", path: cell("r-5", .value), change: value(5, "有所提升")),
        RuleCase(ruleID: "wording.vague", label: "逐步改善", path: cell("r-5", .value), change: value(5, "逐步改善")),
        RuleCase(ruleID: "wording.qualitativeShare", label: "3 of 6 qualitative", path: .project("p-1", "indicators")) {
            for index in [0, 1, 4] { $0.projects[0].indicators[index].value = "优" }
        },
        RuleCase(ruleID: "name.length", label: "101 characters", path: cell("r-1", .name)) {
            $0.projects[0].indicators[0].name = String(repeating: "长", count: 101)
        },
        RuleCase(ruleID: "name.duplicate", label: "row 2 repeats row 1", path: cell("r-2", .name)) {
            $0.projects[0].indicators[1].name = "保障人数 "
        },
    ]

    @Test(arguments: triggers)
    func ruleTriggers(_ example: RuleCase) throws {
        var document = example.start()
        example.change(&document)
        let findings = Validator.validate(department: document).filter { $0.ruleID == example.ruleID }
        let rule = try #require(Rule.rule(id: example.ruleID))
        #expect(!findings.isEmpty, "no \(example.ruleID) finding")
        if let path = example.path {
            #expect(findings.contains { $0.path == path }, "paths: \(findings.map(\.path))")
        }
        for finding in findings {
            #expect(finding.severity == rule.severity)
            #expect(!finding.message.zh.isEmpty && !finding.message.en.isEmpty)
        }
    }

    // MARK: Near misses that must not trigger their rule

    static let nearMisses: [RuleCase] = [
        RuleCase(ruleID: "department.unitCode", label: "letters and digits", path: nil) { $0.unitCode = "611-1501" },
        RuleCase(ruleID: "department.unitName", label: "with brackets", path: nil) { $0.unitName = "某局(本级)" },
        RuleCase(ruleID: "department.overallGoals", label: "one blank, one filled", path: nil) {
            $0.overallGoals = [TextItem(text: ""), TextItem(text: "目标")]
        },
        RuleCase(ruleID: "department.subGoals", label: "incomplete sub-goal still counts", path: nil) {
            $0.subGoals[0].goal = ""
        },
        RuleCase(ruleID: "department.subGoal", label: "optional duty and standard blank", path: nil) {
            $0.subGoals[0].duty = ""
            $0.subGoals[0].standard = ""
        },
        RuleCase(ruleID: "department.safeguards", label: "one filled", path: nil) {
            $0.safeguards = [TextItem(text: "加强监督。")]
        },
        RuleCase(ruleID: "department.blankItem", label: "all blank is the list error instead", path: nil) {
            $0.overallGoals = [TextItem(text: ""), TextItem(text: " ")]
        },
        RuleCase(ruleID: "project.code", label: "code with dashes", path: nil) { $0.projects[0].code = "611-1501-YBN-7FFL" },
        RuleCase(ruleID: "project.duplicateCode", label: "two projects, two codes", path: nil) {
            $0.projects.append(Fixture.project(id: "p-2", code: "13020823P00018410001J"))
        },
        RuleCase(ruleID: "project.name", label: "name with spaces inside", path: nil) { $0.projects[0].name = "春节 慰问金" },
        RuleCase(ruleID: "project.purpose", label: "short purpose", path: nil) { $0.projects[0].purpose = "工资" },
        RuleCase(ruleID: "project.goals", label: "blank and filled goals", path: nil) {
            $0.projects[0].goals = [TextItem(text: ""), TextItem(text: "目标")]
        },
        RuleCase(ruleID: "budget.blank", label: "zero budget", path: nil) {
            $0.projects[0].budget = .zero
            $0.projects[0].fiscalFunds = .zero
        },
        RuleCase(ruleID: "budget.negative", label: "zero other funds", path: nil) { $0.projects[0].otherFunds = .zero },
        RuleCase(ruleID: "budget.sum", label: "fiscal + other with different scales", path: nil) {
            $0.projects[0].budget = Amount(canonical: "100.00")
            $0.projects[0].fiscalFunds = Amount(60)
            $0.projects[0].otherFunds = Amount(canonical: "40.0")
        },
        RuleCase(ruleID: "plan.blank", label: "amount plan filled", path: nil) {
            $0.projects[0].spendingPlan = SpendingPlan(mode: .amount, march: Amount(30), june: Amount(60),
                                                       october: Amount(100), december: Amount(canonical: "130.97"))
        },
        RuleCase(ruleID: "plan.incomplete", label: "zero is not blank", path: nil) {
            $0.projects[0].spendingPlan.march = .zero
        },
        RuleCase(ruleID: "plan.negative", label: "zero in March", path: nil) { $0.projects[0].spendingPlan.march = .zero },
        RuleCase(ruleID: "plan.decreasing", label: "flat from March to June", path: nil) {
            $0.projects[0].spendingPlan.june = Amount(25)
        },
        RuleCase(ruleID: "plan.end", label: "amounts end at the budget", path: nil) {
            $0.projects[0].spendingPlan = SpendingPlan(mode: .amount, march: Amount(30), june: Amount(60),
                                                       october: Amount(100), december: Amount(canonical: "130.970"))
        },
        RuleCase(ruleID: "row.required", label: "blank description is only recommended", path: nil) {
            $0.projects[0].indicators[0].description = ""
        },
        RuleCase(ruleID: "row.recommended", label: "free-text basis", path: nil) {
            $0.projects[0].indicators[0].basis = "工作记录"
        },
        RuleCase(ruleID: "framework.level1", label: "alias accepted", path: nil) {
            $0.projects[0].indicators[4].level1 = "效果指标"
        },
        RuleCase(ruleID: "framework.level2", label: "spaces around level 2", path: nil) {
            $0.projects[0].indicators[3].level2 = " 成本指标 "
        },
        RuleCase(ruleID: "framework.alias", label: "standard name", path: nil) {
            $0.projects[0].indicators[4].level1 = "效益指标"
        },
        RuleCase(ruleID: "coverage.output", label: "one output row is enough", path: nil) {
            $0.projects[0].indicators.removeSubrange(1...2)
        },
        RuleCase(ruleID: "coverage.effect", label: "效果指标 counts", path: nil) {
            $0.projects[0].indicators[4].level1 = "效果指标"
        },
        RuleCase(ruleID: "coverage.satisfaction", label: "level 2 alone counts", path: nil) {
            $0.projects[0].indicators[5].level1 = ""
        },
        RuleCase(ruleID: "coverage.cost", label: "2021 cost level 1", path: nil,
                 change: { _ in }, start: { Fixture.document2021() }),
        RuleCase(ruleID: "value.placeholder", label: "zero people", path: nil, change: value(1, "0人")),
        RuleCase(ruleID: "value.notUnderstood", label: "≥90百分比", path: nil, change: value(1, "≥90百分比")),
        RuleCase(ruleID: "value.unit", label: "qualitative needs no unit", path: nil, change: value(2, "优")),
        RuleCase(ruleID: "value.otherExplanation", label: "explained in the description", path: nil,
                 change: value(1, "定量（其他）")),
        RuleCase(ruleID: "satisfaction.percent", label: "≥95百分比", path: nil, change: value(6, "≥95百分比")),
        RuleCase(ruleID: "satisfaction.operator", label: "> is a floor too", path: nil, change: value(6, ">90%")),
        RuleCase(ruleID: "satisfaction.range", label: "≥100%", path: nil, change: value(6, "≥100%")),
        RuleCase(ruleID: "satisfaction.low", label: "at the minimum", path: nil, change: value(6, "≥80%")),
        RuleCase(ruleID: "deadline.year", label: "no year written", path: nil, change: value(3, "年底前完成")),
        RuleCase(ruleID: "deadline.date", label: "2月28日", path: nil, change: value(3, "2023年2月28日前完成")),
        RuleCase(ruleID: "cost.unit", label: "万元 per vehicle", path: nil, change: value(4, "≤1.82万元/辆")),
        RuleCase(ruleID: "cost.overBudget", label: "元 equal to the 万元 budget", path: nil, change: value(4, "≤1309700元")),
        RuleCase(ruleID: "cost.overBudget", label: "a rate is not a total", path: nil, change: value(4, "≤200万元/月")),
        RuleCase(ruleID: "wording.vague", label: "vague word with a number", path: nil, change: value(5, "有所提升≥5%")),
        RuleCase(ruleID: "wording.qualitativeShare", label: "2 of 6 qualitative", path: nil) {
            for index in [0, 1] { $0.projects[0].indicators[index].value = "优" }
        },
        RuleCase(ruleID: "name.length", label: "100 characters", path: nil) {
            $0.projects[0].indicators[0].name = String(repeating: "长", count: 100)
        },
        RuleCase(ruleID: "name.duplicate", label: "same name in another project", path: nil) {
            $0.projects.append(Fixture.project(id: "p-2", code: "X2"))
        },
    ]

    @Test(arguments: nearMisses)
    func ruleDoesNotTrigger(_ example: RuleCase) {
        var document = example.start()
        example.change(&document)
        let findings = Validator.validate(department: document).filter { $0.ruleID == example.ruleID }
        #expect(findings.isEmpty, "\(findings)")
    }

    // MARK: The catalogue and the cases cover each other

    @Test func everyRuleHasATriggerAndANearMiss() {
        let ids = Set(Rule.catalogue.map(\.id))
        #expect(Set(Self.triggers.map(\.ruleID)) == ids)
        #expect(Set(Self.nearMisses.map(\.ruleID)) == ids)
    }

    @Test func catalogueIdsAreUniqueAndWellFormed() {
        let ids = Rule.catalogue.map(\.id)
        #expect(Set(ids).count == ids.count)
        for rule in Rule.catalogue {
            let parts = rule.id.split(separator: ".")
            #expect(parts.count == 2 && parts.allSatisfy { $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) } },
                    "\(rule.id)")
            #expect(!rule.title.zh.isEmpty && !rule.title.en.isEmpty && !rule.explanation.en.isEmpty)
        }
        // Every domain group 1–12 has at least one rule.
        let groups = Set(Rule.catalogue.compactMap { rule -> Int? in
            if case .domain(let group) = rule.source { return group }
            return nil
        })
        #expect(groups == Set(1...12))
    }

    // MARK: Whole-document behaviour

    @Test func cleanDocumentsHaveNoFindings() {
        #expect(Validator.validate(department: Fixture.document()) == [])
        #expect(Validator.validate(department: Fixture.document2021()) == [])
    }

    @Test func departmentCombinesItsPartAndEachProject() {
        var document = Fixture.document()
        document.safeguards = []
        document.projects[0].budget = nil
        var second = Fixture.project(id: "p-2", code: "X2")
        second.indicators[0].value = "**"
        document.projects.append(second)
        let context = ValidationContext(document: document)
        let expected = Validator.validateDepartmentPart(document)
            + Validator.validate(project: document.projects[0], in: context)
            + Validator.validate(project: second, in: context)
        #expect(Validator.validate(department: document) == expected)
        #expect(expected.map(\.ruleID) == ["department.safeguards", "budget.blank", "value.placeholder"])
    }

    @Test func projectValidationReadsOnlyItsProject() {
        // The same project gives the same findings alone and beside a broken neighbour.
        let project = Fixture.project()
        let context = ValidationContext(fiscalYear: 2023)
        var neighbour = Fixture.project(id: "p-2", code: "X2")
        neighbour.indicators = []
        var document = Fixture.document()
        document.projects.append(neighbour)
        let inDocument = Validator.validate(department: document).filter { $0.path.projectID == "p-1" }
        #expect(Validator.validate(project: project, in: context) == inDocument)
        #expect(inDocument.isEmpty)
        #expect(Validator.validate(project: neighbour, in: context).count == 4)  // four coverage warnings
    }

    @Test func settingsChangeThresholdsAndDisableRules() {
        var document = Fixture.document()
        document.projects[0].indicators[5].value = "≥85%"
        #expect(Validator.validate(department: document).isEmpty)
        let strict = ValidationSettings(satisfactionMinimum: Amount(90))
        #expect(Validator.validate(department: document, settings: strict).map(\.ruleID) == ["satisfaction.low"])
        let quiet = ValidationSettings(satisfactionMinimum: Amount(90), disabledRules: ["satisfaction.low"])
        #expect(Validator.validate(department: document, settings: quiet).isEmpty)

        document.projects[0].indicators[0].name = String(repeating: "名", count: 21)
        #expect(Validator.validate(department: document, settings: ValidationSettings(maxIndicatorNameLength: 20))
            .map(\.ruleID) == ["name.length"])
        document.projects[0].indicators[4].value = "较好"
        #expect(Validator.validate(department: document, settings: ValidationSettings(vagueWords: []))
            .allSatisfy { $0.ruleID != "wording.vague" })
        #expect(Validator.validate(department: document, settings: ValidationSettings(qualitativeSharePercent: 10))
            .contains { $0.ruleID == "wording.qualitativeShare" })
    }

    @Test func messagesNameTheFigures() throws {
        var document = Fixture.document()
        document.projects[0].fiscalFunds = Amount(canonical: "130.00")
        document.projects[0].otherFunds = nil
        let finding = try #require(Validator.validate(department: document).first)
        #expect(finding.message.zh == "财政资金 130.00 + 其他资金 空 = 130.00，不等于预算数 130.97。")
        #expect(finding.message.en == "Fiscal funds 130.00 + other funds blank = 130.00, not the budget 130.97.")
        #expect(finding.description.hasPrefix("error budget.sum projects[p-1].budget: "))
    }

    @Test func findingCountsBySeverity() {
        var document = Fixture.document()
        document.unitCode = ""
        document.projects[0].indicators[1].basis = ""
        document.projects[0].indicators[4].level1 = "效果指标"
        let counts = FindingCounts(Validator.validate(department: document))
        #expect(counts == FindingCounts(errors: 1, warnings: 1, notices: 1))
    }

    @Test func findingCountsRoundTripAndReadOldRecords() throws {
        let counts = FindingCounts(errors: 2, warnings: 3, notices: 4)
        let data = try JSONEncoder().encode(counts)
        #expect(try JSONDecoder().decode(FindingCounts.self, from: data) == counts)
        let old = Data(#"{"errors": 1, "warnings": 5}"#.utf8)
        #expect(try JSONDecoder().decode(FindingCounts.self, from: old) == FindingCounts(errors: 1, warnings: 5))
    }

    @Test func statisticsCountValuesByMeaning() {
        let rows = ["≥90%", "优", "", "**", "≥90使用率", "2023年底前完成", "不适用", "每月1次"].map {
            IndicatorRow(value: $0)
        }
        let statistics = IndicatorStatistics(rows: rows)
        #expect(statistics.rows == 8)
        #expect(statistics.filled == 7)
        #expect(statistics.quantitative == 3)
        #expect(statistics.qualitative == 1)
        #expect(statistics.notApplicable == 1)
        #expect(statistics.notUnderstood == 2)
        #expect(statistics.understood == 5)
        #expect(statistics.qualitativePercent == 14)
        #expect(IndicatorStatistics().qualitativePercent == nil)
    }
}
