import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

@Suite struct ImportSummaryTests {
    static let text = """
    2023年部门预算
    目录
    1.测试项目绩效目标表……3
    1.测试项目绩效目标表
    \(TabbedFixture.unitAndProject)
    \t预算数
    \t10.00
    \t资金支出计划（%）
    \t3月底
    \t25%
    \t50%
    \t75%
    \t100%
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
    """

    @Test func chineseSummary() throws {
        let report = try TextImporter.importDocument(text: Self.text, fileName: "t.txt").report
        let lines = ImportSummary.text(report).split(separator: "\n").map(String.init)
        #expect(lines[0] == "t.txt: 100001 测试单位 · 2023年（第 1 行） · 单位：万元")
        #expect(lines[1] == "  1 个项目，1 个指标 · 版式：制表符分隔")
        #expect(lines[2] == "    第 4 行：T001 测试项目，1 个指标")
        #expect(lines.contains("  跳过："))
        #expect(lines.contains("    第 2–3 行：目录 — 目录"))
        #expect(lines.contains("  未识别："))
        #expect(lines.contains("    第 19 行：支出计划中的内容无法识别：看不懂"))
    }

    @Test func englishSummary() throws {
        let report = try TextImporter.importDocument(text: Self.text, fileName: "t.txt").report
        let lines = ImportSummary.text(report, language: .english).split(separator: "\n").map(String.init)
        #expect(lines[0] == "t.txt: 100001 测试单位 · 2023 (line 1) · money unit 万元")
        #expect(lines[1] == "  1 project, 1 indicator · layout: tabbed cells")
        #expect(lines[2] == "    line 4: T001 测试项目, 1 indicator")
        #expect(lines.contains("    lines 2–3: table of contents — 目录"))
        #expect(lines.contains("    line 19: not understood in the spending plan: 看不懂"))
    }

    @Test func errorSummaryNamesFileAndLine() {
        let error = ImportError(.tableCutOff, line: 12, chinese: "表格中断", english: "table cut off")
        #expect(ImportSummary.text(error, fileName: "a.txt") == "a.txt: 第 12 行：表格中断，未导入")
        #expect(ImportSummary.text(error, fileName: "a.txt", language: .english) == "a.txt: line 12: table cut off; not imported")
    }
}
