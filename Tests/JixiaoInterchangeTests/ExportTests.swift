import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// The exporters on a small hand-made document whose every output line is known.
@Suite struct ExportTests {
    static let document = DepartmentDocument(
        fiscalYear: 2024, unitCode: "100001", unitName: "示例街道<办事处>", moneyUnit: .tenThousandYuan,
        overallGoals: [TextItem(id: "t-1", text: "做好服务。")],
        subGoals: [SubGoal(id: "g-1", title: "1、社区服务", goal: "服务居民", indicatorText: "满意度≥90%", standard: "≥90%为优")],
        safeguards: [TextItem(id: "t-2", text: "加强领导。")],
        projects: [
            Project(id: "p-1", code: "P-001", name: "社区\"议事\"经费, 一期", budget: Amount(canonical: "12.50"),
                    fiscalFunds: Amount(canonical: "10.00"), otherFunds: Amount(canonical: "2.50"), purpose: "议事协商\n宣传",
                    spendingPlan: SpendingPlan(mode: .percent, march: Amount(canonical: "25.00"), june: Amount(canonical: "50.00"),
                                               october: Amount(canonical: "75.00"), december: Amount(canonical: "100.00")),
                    goals: [TextItem(id: "t-3", text: "开展议事 | 协商"), TextItem(id: "t-4", text: "做好宣传")],
                    indicators: [
                        IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "议事次数", description: "全年议事次数",
                                     value: "≥12次", basis: "计划标准"),
                        IndicatorRow(id: "r-2", level1: "产出指标", level2: "质量指标", name: "*办结率*", description: "a<b & c",
                                     value: "=100%", basis: "行业标准"),
                        IndicatorRow(id: "r-3", level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度",
                                     description: "居民满意程度", value: "≥90%", basis: "调查问卷"),
                    ]),
            Project(id: "p-2", code: "P-002", name: "空项目", spendingPlan: SpendingPlan(mode: .amount, december: Amount(canonical: "3.00"))),
        ])

    @Test func jsonIsTheCanonicalDocument() throws {
        let data = DocumentExporter.export(Self.document, as: .json)
        #expect(data == DocumentCodec.encode(Self.document))
        #expect(try DocumentCodec.decode(data) == Self.document)
    }

    @Test func csvRowsQuotingAndByteOrderMark() {
        let plain = DocumentExporter.export(Self.document, as: .csv)
        let text = String(decoding: plain, as: UTF8.self)
        #expect(!text.hasPrefix("\u{FEFF}"))
        let records = text.components(separatedBy: "\r\n")
        #expect(records.first == "单位编码,单位名称,预算年度,金额单位,项目编码,项目名称,预算数,财政资金,其他资金,资金用途,"
                + "支出计划口径,3月底,6月底,10月底,12月底,绩效目标,一级指标,二级指标,三级指标,绩效指标描述,指标值,指标值确定依据")
        #expect(records[1] == "100001,示例街道<办事处>,2024,万元,P-001,\"社区\"\"议事\"\"经费, 一期\",12.50,10.00,2.50,\"议事协商\n宣传\","
                + "%,25.00,50.00,75.00,100.00,\"1.开展议事 | 协商\n2.做好宣传\",产出指标,数量指标,议事次数,全年议事次数,≥12次,计划标准")
        // One row per indicator, one row for the project without indicators, and the final CRLF.
        #expect(records.count == 1 + 3 + 1 + 1)
        #expect(records[4] == "100001,示例街道<办事处>,2024,万元,P-002,空项目,,,,,万元,,,,3.00,,,,,,,")
        #expect(records.last == "")
        let excel = DocumentExporter.export(Self.document, as: .csv, options: ExportOptions(csvByteOrderMark: true))
        #expect(Array(excel.prefix(3)) == [0xEF, 0xBB, 0xBF])
        #expect(excel.dropFirst(3) == plain)
    }

    @Test func markdownReproducesThePrintedTable() {
        let text = String(decoding: DocumentExporter.export(Self.document, as: .md), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first == "# 示例街道&lt;办事处&gt;2024年部门预算绩效文本")
        let expectedTable = [
            "### 1.社区\"议事\"经费, 一期绩效目标表",
            "",
            "| 100001示例街道&lt;办事处&gt; | 单位：万元 |  |  |  |  |  |",
            "|---|---|---|---|---|---|---|",
            "| 项目编码 | P-001 | 项目名称 | 社区\"议事\"经费, 一期 |  |  |  |",
            "| 预算规模及资金用途 | 预算数 | 12.50 | 其中：财政资金 | 10.00 | 其他资金 | 2.50 |",
            "|  | 议事协商<br>宣传 |  |  |  |  |  |",
            "| 资金支出计划（%） | 3月底 | 6月底 | 10月底 | 12月底 |  |  |",
            "|  | 25.00% | 50.00% | 75.00% | 100.00% |  |  |",
            "| 绩效目标 | 1.开展议事 \\| 协商<br>2.做好宣传 |  |  |  |  |  |",
            "| 一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 | 指标值确定依据 |  |",
            "| 产出指标 | 数量指标 | 议事次数 | 全年议事次数 | ≥12次 | 计划标准 |  |",
            "|  | 质量指标 | \\*办结率\\* | a&lt;b &amp; c | =100% | 行业标准 |  |",
            "| 满意度指标 | 服务对象满意度指标 | 满意度 | 居民满意程度 | ≥90% | 调查问卷 |  |",
        ]
        let start = lines.firstIndex(of: expectedTable[0])
        #expect(start != nil)
        if let start {
            #expect(Array(lines[start..<min(lines.count, start + expectedTable.count)]) == expectedTable)
        }
        #expect(lines.contains("## 第一部分 部门整体绩效目标"))
        #expect(lines.contains("#### 1、社区服务"))
        #expect(lines.contains("绩效标准：≥90%为优"))
        #expect(lines.contains("| 资金支出计划（累计支出资金） | 3月底 | 6月底 | 10月底 | 12月底 |  |  |"))
        #expect(lines.contains("|  |  |  |  | 3.00 |  |  |"))
    }

    @Test func htmlIsOneSelfContainedPrintablePage() {
        let html = String(decoding: DocumentExporter.export(Self.document, as: .html), as: UTF8.self)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<meta charset=\"utf-8\">"))
        #expect(html.contains("@page { size: A4;"))
        #expect(html.contains("font-family: \"Noto Serif CJK SC\", \"Source Han Serif SC\""))
        #expect(html.contains("break-before: page"))
        // One section per project, each starting a new printed page.
        #expect(html.components(separatedBy: "<section class=\"project\">").count - 1 == 2)
        // Nothing is fetched: no links, scripts, images or web fonts.
        for outside in ["http:", "https:", "<link", "<script", "<img", "url(", "@import", "@font-face"] {
            #expect(!html.contains(outside), "\(outside)")
        }
        #expect(html.contains("<title>示例街道&lt;办事处&gt;2024年部门预算绩效文本</title>"))
        #expect(html.contains("社区&quot;议事&quot;经费, 一期"))
        #expect(html.contains("<td colspan=\"2\">a&lt;b &amp; c</td>"))
        #expect(!html.contains("<办事处>"))
        // Level 1 is merged over its group, as printed.
        #expect(html.contains("<td rowspan=\"2\">产出指标</td>"))
        #expect(html.contains("<td colspan=\"6\">议事协商<br>宣传</td>"))
        #expect(html.contains("1.开展议事 | 协商<br>2.做好宣传"))
    }
}
