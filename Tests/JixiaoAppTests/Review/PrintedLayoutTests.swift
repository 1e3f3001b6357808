import JixiaoModel
import JixiaoSamples
import Testing
@testable import JixiaoApp

@Suite struct PrintedLayoutTests {
    static func document() -> DepartmentDocument {
        var project = Project(id: "p-1", code: "P001", name: "办公经费", budget: Amount(canonical: "10"),
                              fiscalFunds: Amount(canonical: "10"), otherFunds: Amount(canonical: "0"),
                              purpose: "保障日常办公运转",
                              spendingPlan: SpendingPlan(mode: .percent, march: Amount(canonical: "25"),
                                                         june: Amount(canonical: "50"), october: Amount(canonical: "75"),
                                                         december: Amount(canonical: "100")),
                              goals: [TextItem(id: "t-g1", text: "保障运转")])
        project.indicators = [
            IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "办公设备数量",
                         description: "全年购置和维护的办公设备台数，包括电脑、打印机和复印机等常用设备", value: "≥20台",
                         basis: "计划标准"),
            IndicatorRow(id: "r-2", level1: "产出指标", level2: "数量指标", name: "会议次数", description: "全年会议",
                         value: "≥12次", basis: "历史标准"),
        ]
        return DepartmentDocument(fiscalYear: 2024, unitCode: "441001", unitName: "西山街道", status: .submitted,
                                  overallGoals: [TextItem(id: "t-1", text: "加强社区建设")],
                                  subGoals: [SubGoal(id: "g-1", title: "党建", goal: "加强党建", indicatorText: "覆盖率100%")],
                                  safeguards: [TextItem(id: "t-2", text: "加强组织领导。")],
                                  projects: [project])
    }

    /// The whole text at 78 columns (an 80-column window less the gutter), as a reviewer reads it.
    @Test func theDepartmentReadsAsThePrintedTextWithBoxDrawnTables() {
        let layout = PrintedLayout(document: Self.document(), width: 78, metrics: TextMetrics())
        let expected = """
                                       441001 西山街道
                                   2024年度部门预算绩效文本
                                 状态：已送审  ·  单位：万元

                                  第一部分　部门整体绩效目标

        一、总体绩效目标
         1、加强社区建设

        二、分项绩效目标
        1、党建
        绩效目标：加强党建
        绩效指标：覆盖率100%

        三、工作保障措施
          加强组织领导。

                                  第二部分　预算项目绩效目标

        1.办公经费绩效目标表
        441001西山街道                                                      单位：万元
        ┌─────────────────┬──────────────────────────────────────────────────────────┐
        │项目编码         │P001                                                      │
        ├─────────────────┼──────────────────────────────────────────────────────────┤
        │项目名称         │办公经费                                                  │
        ├─────────────────┼──────────────────────────────────────────────────────────┤
        │预算数           │                                                        10│
        ├─────────────────┼──────────────────────────────────────────────────────────┤
        │其中：财政资金   │                                                        10│
        ├─────────────────┼──────────────────────────────────────────────────────────┤
        │其他资金         │                                                         0│
        ├─────────────────┼──────────────────────────────────────────────────────────┤
        │资金用途         │保障日常办公运转                                          │
        ├─────────────────┼─────────────┬─────────────┬─────────────┬────────────────┤
        │资金支出计划（%）│    3月底    │    6月底    │   10月底    │     12月底     │
        ├─────────────────┼─────────────┼─────────────┼─────────────┼────────────────┤
        │                 │          25%│          50%│          75%│            100%│
        ├─────────────────┼─────────────┴─────────────┴─────────────┴────────────────┤
        │绩效目标         │1.保障运转                                                │
        ├────────┬────────┼────────────┬────────────────────────────┬──────┬─────────┤
        │一级指标│二级指标│  三级指标  │        绩效指标描述        │指标值│指标值确 │
        │        │        │            │                            │      │ 定依据  │
        ├────────┼────────┼────────────┼────────────────────────────┼──────┼─────────┤
        │产出指标│数量指标│办公设备数量│全年购置和维护的办公设备台  │≥20台 │计划标准 │
        │        │        │            │数，包括电脑、打印机和复印机│      │         │
        │        │        │            │等常用设备                  │      │         │
        ├────────┼────────┼────────────┼────────────────────────────┼──────┼─────────┤
        │        │        │会议次数    │全年会议                    │≥12次 │历史标准 │
        └────────┴────────┴────────────┴────────────────────────────┴──────┴─────────┘

        """
        // Compared without trailing spaces (the centred title lines are padded to the width).
        let actual = layout.lines.map { String($0.text.reversed().drop { $0 == " " }.reversed()) }
        #expect(actual == expected.components(separatedBy: "\n"))
        #expect(layout.lines.filter { $0.kind == .title }.allSatisfy { TextMetrics().width(of: $0.text) == 78 })
    }

    @Test func everyTableLineIsExactlyTheLayoutWidthInDisplayColumns() throws {
        let metrics = TextMetrics()
        for document in try SampleDepartments.all() {
            for width in [48, 78, 118] {
                let layout = PrintedLayout(document: document, width: width, metrics: metrics)
                for line in layout.lines where line.kind == .table || line.kind == .border {
                    #expect(metrics.width(of: line.text) == width, "\(document.id) at \(width): \(line.text)")
                }
                #expect(layout.lines.allSatisfy { metrics.width(of: $0.text) <= width })
            }
        }
    }

    @Test func longWordsEmptyCellsAndLineBreaksKeepTheBordersStraight() {
        var document = Self.document()
        document.projects[0].code = String(repeating: "ABCDEFGHIJ", count: 8)
        document.projects[0].purpose = "第一段\n\n第三段 with a verylongunbrokenlatinwordthatcannotfitanywhere"
        document.projects[0].indicators.append(IndicatorRow(id: "r-3"))
        document.projects[0].indicators[0].value = "≥20台/年（含“备用机”…）"
        // Ambiguous characters (≥ “ ” …) one or two columns wide: the borders line up either way.
        let cases = [TextMetrics(), TextMetrics(ambiguousWidth: .wide)].flatMap { metrics in
            [PrintedLayout.minimumWidth, 57, 80, 133].map { (metrics, $0) }
        }
        for (metrics, width) in cases {
            let layout = PrintedLayout(document: document, width: width, metrics: metrics)
            for line in layout.lines where line.kind == .table || line.kind == .border {
                #expect(metrics.width(of: line.text) == width, "\(width): \(line.text)")
            }
            // The purpose's empty paragraph is a row of its own inside the cell.
            let purpose = layout.lines.filter { $0.cells.contains(CellPath.project("p-1", "purpose")) }
            #expect(purpose.count >= 3)
        }
        let metrics = TextMetrics()
        // Narrower than the minimum is laid out at the minimum (the screen clips).
        #expect(PrintedLayout(document: document, width: 10, metrics: metrics).width
            == PrintedLayout.minimumWidth)
    }

    @Test func aTerminalDrawingAmbiguousCharactersWideGetsASCIIBorders() {
        let layout = PrintedLayout(document: Self.document(), width: 78, metrics: TextMetrics(ambiguousWidth: .wide))
        let borders = layout.lines.filter { $0.kind == .border }
        #expect(!borders.isEmpty)
        #expect(borders.allSatisfy { $0.text.allSatisfy { "+-".contains($0) } })
        #expect(layout.lines.filter { $0.kind == .table }.allSatisfy { $0.text.hasPrefix("|") && $0.text.hasSuffix("|") })
        #expect(!layout.lines.contains { $0.text.contains("─") || $0.text.contains("│") })
    }

    @Test func cellsAndItemsAreFoundOnTheirLines() {
        let layout = PrintedLayout(document: Self.document(), width: 78, metrics: TextMetrics())
        let description = CellPath.indicator(project: "p-1", row: "r-1", column: .description)
        let line = try! #require(layout.line(for: description))
        #expect(layout.lines[line].text.contains("全年购置和维护的办公设备台"))
        // A finding on the whole row lands on the row's first line; a cell of a row not shown
        // falls back to the nearest thing shown: the project's indicator grid.
        #expect(layout.line(for: CellPath.indicator(project: "p-1", row: "r-1")) == line)
        #expect(layout.line(for: CellPath.indicator(project: "p-1", row: "r-9", column: .value))
            == layout.line(for: CellPath.indicator(project: "p-1", row: "r-1", column: .level1)))
        #expect(layout.lines[layout.line(for: .field("subGoals").item("g-1").field("goal"))!].text == "绩效目标：加强党建")
        #expect(layout.lines[layout.line(for: CellPath.project("p-x"))!].text.contains("第二部分"))
        #expect(layout.line(for: .field("nothing")) == nil)
    }

    /// The text of `line` in display columns `column ..< column + width`.
    static func text(_ layout: PrintedLayout, _ span: PrintedLayout.Span, metrics: TextMetrics = TextMetrics()) -> String {
        var x = 0
        var result = ""
        for character in layout.lines[span.line].text {
            if x >= span.column && x < span.column + span.width { result.append(character) }
            x += metrics.width(of: character)
        }
        return result
    }

    @Test func searchFindsWordsWrappedAcrossTheLinesOfACellOrParagraph() {
        let layout = PrintedLayout(document: Self.document(), width: 78, metrics: TextMetrics())
        // 绩效指标描述 wraps after 办公设备台: the word goes on on the next line of the cell.
        let wrapped = layout.matches(of: "设备台数", metrics: TextMetrics())
        #expect(wrapped.count == 1)
        let match = try! #require(wrapped.first)
        #expect(match.spans.count == 2)
        #expect(match.spans.map(\.line) == [match.line, match.line + 1])
        #expect(match.spans.map { Self.text(layout, $0) } == ["设备台", "数"])
        // Centred titles, right-aligned amounts and Latin text in any case.
        #expect(layout.matches(of: "西山街道", metrics: TextMetrics()).count == 2)  // title, table heading
        let amount = try! #require(layout.matches(of: "100%", metrics: TextMetrics()).first)
        #expect(Self.text(layout, amount.spans[0]) == "100%")
        #expect(layout.matches(of: "p001", metrics: TextMetrics()).count == 1)
        #expect(layout.matches(of: "", metrics: TextMetrics()).isEmpty)
        // In reading order.
        let all = layout.matches(of: "指标", metrics: TextMetrics())
        #expect(all == all.sorted())
        #expect(all.allSatisfy { $0.spans.allSatisfy { Self.text(layout, $0).allSatisfy { "指标".contains($0) } } })
    }

    @Test func columnWidthsGiveShortColumnsTheirWidthAndShareTheRest() {
        // Short columns fit whole; the long ones share what is left by what they lack.
        let widths = PrintedTable.fit(natural: [8, 8, 20, 60, 8, 14], minimum: [8, 8, 6, 8, 6, 6], available: 73, stretch: 3)
        #expect(widths.reduce(0, +) == 73)
        #expect(widths[0] == 8 && widths[1] == 8 && widths[4] == 8)
        #expect(widths[3] > widths[2] && widths[2] > 6)
        // Everything fits: the description takes the rest.
        #expect(PrintedTable.fit(natural: [4, 4, 4, 4, 4, 4], minimum: [8, 8, 6, 8, 6, 6], available: 40, stretch: 3)
            == [4, 4, 4, 20, 4, 4])
    }
}
