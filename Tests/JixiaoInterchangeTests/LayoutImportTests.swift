import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// The layouts the seeds do not show, from fictional fixtures: text extracted from PDF with its
/// layout kept (`Fixtures/pdf-layout.txt`) and a wider budget disclosure
/// (`Fixtures/budget-disclosure.txt`). Expected figures are read off the fixtures by hand.
@Suite struct LayoutImportTests {
    func importFixture(_ name: String, options: ImportOptions = ImportOptions()) throws -> ImportResult {
        try TextImporter.importDocument(try TestPaths.fixture(name), fileName: name, options: options)
    }

    @Test func pdfTextHeaderAndPartOne() throws {
        let result = try importFixture("pdf-layout.txt")
        let document = result.document
        #expect(result.report.layout == .pdfText)
        #expect(document.fiscalYear == 2024)
        #expect(document.unitCode == "520101")
        #expect(document.unitName == "东湖街道办事处（本级）")
        #expect(document.moneyUnit == .yuan)
        #expect(document.overallGoals.map(\.text) == [
            "1.围绕辖区老年人、困难群众和退役军人的服务需求，完善社区养老服务网络，全年为辖区80岁以上老年人发放养老服务补贴，做到应发尽发。",
            "2.推进“平安东湖”建设，全年组织矛盾纠纷排查12次，调处成功率不低于95%。",
        ])
        #expect(document.subGoals.map(\.title) == ["（一）社区养老服务", "（二）平安建设"])
        #expect(document.subGoals[1].indicatorText == "矛盾纠纷调处成功率≥95%。")
        #expect(document.safeguards.map(\.text) == [
            "加强组织领导。街道主要负责人负总责，分管领导具体抓，各科室按职责分工落实绩效目标，确保各项工作按时完成。",
            "加强资金管理。严格执行资金管理办法，专款专用。",
        ])
        #expect(result.report.skipped.contains { $0.reason == .tableOfContents && $0.lines.contains(5) && $0.lines.contains(6) })
        #expect(result.report.skipped.contains { $0.reason == .extractionLeftover && $0.lines.contains(25) })
    }

    @Test func pdfTextProjectTables() throws {
        let document = try importFixture("pdf-layout.txt").document
        try #require(document.projects.count == 2)
        let care = document.projects[0]
        #expect(care.code == "520101240000000001")
        #expect(care.name == "社区养老服务补贴")
        #expect(care.budget == Amount(canonical: "480000.00"))
        #expect(care.fiscalFunds == Amount(canonical: "450000.00"))
        #expect(care.otherFunds == Amount(canonical: "30000.00"))
        #expect(care.purpose == "为辖区80岁以上老年人发放养老服务补贴，开展居家养老上门服务，改善老年人生活质量。")
        #expect(care.spendingPlan == SpendingPlan(mode: .percent, march: Amount(canonical: "25.00"), june: Amount(canonical: "50.00"),
                                                  october: Amount(canonical: "80.00"), december: Amount(canonical: "100.00")))
        #expect(care.goals.map(\.text) == ["按月发放养老服务补贴，覆盖辖区全部符合条件的老年人", "开展居家养老上门服务不少于1200人次"])
        #expect(care.indicators.count == 7)
        let first = care.indicators[0]
        #expect([first.level1, first.level2, first.name, first.description, first.value, first.basis]
                == ["产出指标", "数量指标", "补贴发放人数", "按月足额发放养老服务补贴的老年人数", "≥600人", "计划标准"])
        #expect(care.indicators[3].value == "≤66.67元/人/月")
        #expect(care.indicators[3].level1 == "产出指标")
        // After the page break: 效果指标, a level 2 one space from the next cell, wrapped cells.
        #expect(care.indicators[4].level1 == "效果指标")
        #expect(care.indicators[4].level2 == "社会效益指标")
        #expect(care.indicators[4].name == "老年人生活质量")
        #expect(care.indicators[5].level1 == "效果指标")
        #expect(care.indicators[5].description == "社区养老服务站持续运行，服务不中断")
        #expect(care.indicators[6].level2 == "服务对象满意度指标")
        #expect(care.indicators[6].description == "受助老年人对补贴发放和上门服务的满意程度")

        let safety = document.projects[1]
        #expect(safety.code == "520101240000000002")
        #expect(safety.otherFunds == nil)
        #expect(safety.purpose == "矛盾纠纷排查调处、平安宣传和网格员培训")
        #expect(safety.spendingPlan.mode == .amount)
        #expect(safety.spendingPlan.values.map { $0?.description } == ["30000.00", "60000.00", "90000.00", "120000.00"])
        #expect(safety.indicators.map(\.value) == ["≥12次", "2024年12月31日前完成", "≥95%", "≥90%"])
        #expect(safety.indicators.map(\.level1) == ["产出指标", "产出指标", "效益指标", "满意度指标"])
    }

    @Test func budgetDisclosureKeepsOnlyThePerformancePart() throws {
        let result = try importFixture("budget-disclosure.txt")
        let document = result.document
        #expect(result.report.layout == .tabbedCells)
        #expect(document.fiscalYear == 2024)
        #expect(result.report.fiscalYearLine == 1)
        #expect(document.unitCode == "610302")
        #expect(document.unitName == "西江区民政局（本级）")
        #expect(document.framework == .guidance2021)
        #expect(document.overallGoals.count == 1)
        #expect(document.subGoals.count == 2)
        #expect(document.subGoals[0].duty == "负责全区最低生活保障、特困人员供养和临时救助工作。")
        #expect(document.subGoals[0].standard == "发放准确率达到100%的为优，95%至100%的为良，低于95%的为差。")
        #expect(document.subGoals[1].duty == nil)
        #expect(document.safeguards.count == 2)
        #expect(document.projects.map(\.code) == ["610302240000000011", "610302240000000012"])
        #expect(document.projects.map { $0.indicators.count } == [5, 5])
        #expect(document.projects[0].otherFunds == Amount(canonical: "30.00"))
        #expect(document.projects[1].otherFunds == nil)
        #expect(document.projects[1].spendingPlan.values.map { $0?.description } == ["0", "40", "90", "100"])
        #expect(document.projects[0].indicators[2].level1 == "成本指标")
        #expect(document.projects[0].indicators[2].level2 == "经济成本指标")
        // Nothing of the disclosure chapters reaches the document.
        let allText = document.overallGoals.map(\.text) + document.safeguards.map(\.text)
            + document.projects.flatMap { [$0.purpose] + $0.indicators.map(\.name) }
        #expect(!allText.contains { $0.contains("三公") || $0.contains("收支") || $0.contains("机关运行经费") })
        let skipped = result.report.skipped
        for line in [10, 13, 20, 23, 33, 38, 39] {
            #expect(skipped.contains { $0.lines.contains(line) }, "line \(line)")
        }
        let lastLine = (try String(decoding: TestPaths.fixture("budget-disclosure.txt"), as: UTF8.self))
            .split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(skipped.contains { $0.lines.contains(lastLine) && $0.reason == .outsidePerformancePart })
        #expect(result.report.notUnderstood.isEmpty, "\(result.report.notUnderstood)")
    }

    @Test func yearOptionWinsAndDisagreementIsReported() throws {
        let result = try importFixture("budget-disclosure.txt", options: ImportOptions(fiscalYear: 2025))
        #expect(result.document.fiscalYear == 2025)
        #expect(result.report.fiscalYearLine == nil)
        #expect(result.report.warnings.contains { $0.line == 1 && $0.english.contains("2024") })
    }

    @Test func leftoversAreRemovedFromLines() {
        #expect(SourceLine.clean("一、总体绩效目标 TC 总体绩效目标 \\f A \\l 1 ").text == "一、总体绩效目标")
        #expect(SourceLine.clean("1.春节慰问金绩效目标表 TC 2、春节慰问金绩效目标表 \\f C \\l 1 ").text == "1.春节慰问金绩效目标表")
        #expect(SourceLine.clean("[bookmark: _Toc62830150]1.人事代理人员经费绩效目标表").text == "1.人事代理人员经费绩效目标表")
        #expect(SourceLine.clean("\t").text == "\t")
        #expect(SourceLine.clean("\t\t\t").text == "\t")
        #expect(SourceLine.clean("\t≥100百分比 ").text == "\t≥100百分比")
        #expect(SourceLine.clean("TC 不是域代码的正文").text == "TC 不是域代码的正文")
    }

    @Test func blankLevelCellsAndRepeatedLevelTwo() throws {
        let text = """
        2023年部门预算绩效文本
        1.测试项目绩效目标表
        \(TabbedFixture.unitAndProject)
        \t预算规模及资金用途
        \t预算数
        \t10.00
        \t其中：财政资金
        \t10.00
        \t其他资金
        \t0
        \t
        \t测试用途
        \t资金支出计划（累计支出资金）
        \t3月底
        \t6月底
        \t10月底
        \t12月底
        \t
        \t2.50
        \t5.00
        \t7.50
        \t10.00
        \t绩效目标
        \t1.目标一
        \(TabbedFixture.gridHeader)

        \t产出指标
        \t质量指标
        \t甲
        \t甲描述
        \t=100%
        \t计划标准

        \t
        \t质量指标
        \t乙
        \t乙描述
        \t≥95%
        \t计划标准

        \t
        \t
        \t丙
        \t丙描述
        \t≥90%
        \t计划标准

        \t满意度指标
        \t服务对象满意度指标
        \t丁
        \t丁描述
        \t≥90%
        \t调查问卷

        """
        let result = try TextImporter.importDocument(text: text, fileName: "inline")
        let project = result.document.projects[0]
        #expect(project.spendingPlan.mode == .amount)
        #expect(project.spendingPlan.december == Amount(canonical: "10.00"))
        #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "满意度指标"])
        #expect(project.indicators.map(\.level2) == ["质量指标", "质量指标", "质量指标", "服务对象满意度指标"])
        #expect(result.report.projects == [.init(line: 2, code: "T001", name: "测试项目", indicatorCount: 4)])
    }

    @Test func notUnderstoodCellsAreReportedWithTheirLine() throws {
        let text = """
        2023年部门预算
        1.测试项目绩效目标表
        \(TabbedFixture.unitAndProject)
        \t预算规模及资金用途
        \t预算数
        \t十万
        \t资金支出计划（%）
        \t3月底
        \t25%
        \t看不懂
        \t绩效目标
        \t1.目标
        \(TabbedFixture.gridHeader)

        \t产出指标
        \t数量指标
        \t甲
        \t甲描述
        \t≥1个
        \t计划标准

        \t只有
        \t两格

        \t
        \t质量指标
        \t乙
        \t乙描述
        \t≥1个
        \t计划标准
        """
        let report = try TextImporter.importDocument(text: text, fileName: "inline").report
        let lines = report.notUnderstood.map(\.line)
        #expect(lines.contains(11))
        #expect(lines.contains(15))
        #expect(lines.contains(32))
        #expect(report.warnings.contains { $0.english.contains("1 of 4 figures") })
    }
}

@Suite struct ContentsEdgeTests {
    @Test func contentsEntriesThatStartWithAYearAreNotTables() throws {
        var text = "目录\n2023年街道体制经费绩效目标表\n2024年街道体制经费绩效目标表\n"
        text += MalformedInputTests.table
        let result = try TextImporter.importDocument(text: text, fileName: "toc")
        #expect(result.document.projects.count == 1)
        #expect(result.report.skipped.contains { $0.lines.contains(2) })
    }

    @Test func aLineWithoutTabInTheGridIsReported() throws {
        let text = MalformedInputTests.table + "\n某某街道2023年部门预算\n"
        let result = try TextImporter.importDocument(text: text, fileName: "header")
        let lastLine = text.split(separator: "\n", omittingEmptySubsequences: false).count - 1
        #expect(result.report.warnings.contains { $0.line == lastLine && $0.english.contains("without a tab") })
    }
}

@Suite struct RepeatedHeaderTests {
    @Test func aTableContinuedOverAPageRepeatsItsHeader() throws {
        let lines = MalformedInputTests.table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The header row and a page number between the two indicator rows.
        let headerStart = lines.firstIndex(of: "\t一级指标")!
        let header = Array(lines[headerStart..<(headerStart + 6)])
        let split = lines.count - 6
        let text = (lines[..<split] + ["3"] + header + [""] + lines[split...]).joined(separator: "\n")
        let result = try TextImporter.importDocument(text: text, fileName: "continued")
        #expect(result.document.projects[0].indicators.map(\.name) == ["甲", "乙"])
        let repeated = result.report.skipped.filter { $0.reason == .repeatedHeader }
        #expect(repeated.map(\.lines) == [(split + 2)...(split + 7)])
        #expect(result.report.skipped.contains { $0.reason == .extractionLeftover && $0.lines == (split + 1)...(split + 1) })
    }
}

@Suite struct CentredMergedCellTests {
    /// `Fixtures/pdf-centered-merged.txt`: PDF text where each merged level-1 cell is printed
    /// at the middle of its group, on a row below the group's first or on a line of its own.
    @Test func levelOneLandsOnEveryRowOfItsGroup() throws {
        let result = try TextImporter.importDocument(try TestPaths.fixture("pdf-centered-merged.txt"), fileName: "centred")
        let rows = result.document.projects[0].indicators
        #expect(rows.map(\.level1) == ["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "满意度指标"])
        #expect(rows.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济效益指标", "社会效益指标", "服务对象满意度指标"])
        #expect(rows[2].value == "每日11:30前")
        #expect(rows[4].description == "步行15分钟内可就餐的老年人占比")
        #expect(result.document.fiscalYear == 2025)
        #expect(result.document.projects[0].spendingPlan.values.map { $0?.description } == ["25", "50", "75", "100"])
        #expect(result.report.notUnderstood.isEmpty)
    }
}
