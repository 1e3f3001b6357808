import Testing
@testable import JixiaoModel

@Suite struct IndicatorFrameworkTests {
    @Test func legacyIsExactlyTheDomainList() {
        let framework = IndicatorFramework.of(.legacy)
        #expect(framework.edition == .legacy)
        #expect(framework.levels.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(framework.levels.map(\.level2) == [
            ["数量指标", "质量指标", "时效指标", "成本指标"],
            ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"],
            ["服务对象满意度指标"],
        ])
        #expect(framework.levels.allSatisfy { $0.alsoAccepted.isEmpty })
    }

    @Test func guidance2021IsTheDomainList() {
        let framework = IndicatorFramework.of(.guidance2021)
        #expect(framework.levels.map(\.name) == ["产出指标", "成本指标", "效益指标", "满意度指标"])
        #expect(framework.levels.map(\.level2) == [
            ["数量指标", "质量指标", "时效指标"],
            ["经济成本指标", "社会成本指标", "生态环境成本指标"],
            ["经济效益指标", "社会效益指标", "生态效益指标"],
            ["服务对象满意度指标"],
        ])
        // 可持续影响指标 is uncertain under 2021: accepted, not in templates.
        #expect(framework.contains(level2: "可持续影响指标", under: "效益指标"))
        #expect(!framework.templateRows().contains { $0.level2 == "可持续影响指标" })
    }

    @Test func aliasesResolve() {
        let framework = IndicatorFramework.legacy
        #expect(framework.canonicalLevel1("效果指标") == "效益指标")
        #expect(framework.canonicalLevel1(" 产出指标 ") == "产出指标")
        #expect(framework.canonicalLevel1("成本指标") == nil)
        #expect(IndicatorFramework.guidance2021.canonicalLevel1("成本指标") == "成本指标")
        #expect(IndicatorFramework.isAlias("效果指标"))
        #expect(!IndicatorFramework.isAlias("效益指标"))
        #expect(framework.contains(level2: "社会效益指标", under: "效果指标"))
    }

    @Test func level2Membership() {
        let legacy = IndicatorFramework.legacy
        #expect(legacy.contains(level2: "成本指标", under: "产出指标"))
        #expect(!legacy.contains(level2: "成本指标", under: "效益指标"))
        #expect(!legacy.contains(level2: "数量指标", under: "未知指标"))
        #expect(legacy.level1Names(containing: "时效指标") == ["产出指标"])
        #expect(legacy.level1Names(containing: "经济成本指标").isEmpty)
        #expect(IndicatorFramework.guidance2021.level1Names(containing: "经济成本指标") == ["成本指标"])
    }

    @Test func templateRowsOnePerLevel2() {
        var counter = 0
        let rows = IndicatorFramework.legacy.templateRows { counter += 1; return "r-\(counter)" }
        #expect(rows.map(\.level2) == IndicatorFramework.legacy.levels.flatMap(\.level2))
        #expect(rows.map(\.level1) == ["产出指标", "产出指标", "产出指标", "产出指标", "效益指标", "效益指标",
                                        "效益指标", "效益指标", "满意度指标"])
        #expect(rows.map(\.id) == (1...9).map { "r-\($0)" })
        #expect(rows.allSatisfy { $0.name.isEmpty && $0.value.isEmpty && $0.basis.isEmpty })
        #expect(IndicatorFramework.guidance2021.templateRows().count == 10)
    }

    @Test func standardBases() {
        #expect(IndicatorFramework.standardBases == ["计划标准", "行业标准", "历史标准", "预算支出标准", "其他标准"])
    }

    @Test func rowRoles() {
        #expect(IndicatorFramework.isCost(IndicatorRow(level1: "产出指标", level2: "成本指标")))
        #expect(IndicatorFramework.isCost(IndicatorRow(level1: "成本指标", level2: "经济成本指标")))
        #expect(!IndicatorFramework.isCost(IndicatorRow(level1: "产出指标", level2: "数量指标")))
        #expect(IndicatorFramework.isSatisfaction(IndicatorRow(level1: "", level2: "服务对象满意度指标")))
        #expect(IndicatorFramework.isTimeliness(IndicatorRow(level1: "产出指标", level2: "时效指标")))
    }
}
