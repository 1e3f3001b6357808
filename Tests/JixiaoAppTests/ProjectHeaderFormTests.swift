import JixiaoModel
import Testing
@testable import JixiaoApp

@Suite struct ProjectHeaderFormTests {
    static func project() -> Project {
        Project(id: "p-1", code: "A1", name: "办公经费", budget: Amount(100), fiscalFunds: Amount(80),
                purpose: "第一段\n第二段", spendingPlan: SpendingPlan(march: Amount(25), june: Amount(50)),
                goals: [TextItem(id: "t-1", text: "保障运转")])
    }

    static func apply(_ edits: [CellEdit], to project: Project) throws -> Project {
        let document = DepartmentDocument(fiscalYear: 2024, unitCode: "1", unitName: "x", projects: [project])
        return try document.applying(edits).projects[0]
    }

    @Test func fieldsListParagraphsCheckpointsAndGoals() {
        let fields = ProjectHeaderForm.fields(of: Self.project())
        #expect(fields == [.code, .name, .budget, .fiscalFunds, .otherFunds, .purpose(0), .purpose(1), .planMode,
                           .checkpoint(.march), .checkpoint(.june), .checkpoint(.october), .checkpoint(.december),
                           .goal("t-1")])
    }

    @Test func theBudgetCheckIsLive() throws {
        var project = Self.project()
        #expect(ProjectHeaderForm.budgetCheck(project).ok == false)
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 4, in: project)  // 其他资金
        form.beginEdit(in: project, replacingWith: "２０")  // full-width digits read
        let edits = try form.commitEdit(in: project).get()
        project = try Self.apply(edits, to: project)
        #expect(project.otherFunds == Amount(20))
        #expect(ProjectHeaderForm.budgetCheck(project).ok)
    }

    @Test func anAmountThatDoesNotReadKeepsEditing() {
        let project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 2, in: project)
        form.beginEdit(in: project, replacingWith: "一百")
        #expect(form.commitEdit(in: project) == .failure(.invalidAmount("一百")))
        #expect(form.isEditing)
        form.cancelEdit()
        #expect(!form.isEditing)
    }

    @Test func paragraphsGoalsAndPlanMode() throws {
        var project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 6, in: project)  // 资金用途 paragraph 2
        form.beginEdit(in: project)
        form.insertText("（修订）")
        project = try Self.apply(try form.commitEdit(in: project).get(), to: project)
        #expect(project.purpose == "第一段\n第二段（修订）")
        project = try Self.apply(form.toggleMode(in: project), to: project)
        #expect(project.spendingPlan.mode == .amount)
        form.move(by: 100, in: project)  // the goal
        var ids = 0
        project = try Self.apply(form.addItem(in: project, makeID: { ids += 1; return "t-new\(ids)" }), to: project)
        #expect(project.goals.map(\.id) == ["t-1", "t-new1"])
        #expect(form.selectedField(in: project) == .goal("t-new1"))
        project = try Self.apply(form.deleteItem(in: project), to: project)
        #expect(project.goals.map(\.id) == ["t-1"])
    }

    @Test func theFirstGoalOfAnEmptyListIsInsertedOnCommit() throws {
        var project = Self.project()
        project.goals = []
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 100, in: project)
        #expect(form.selectedField(in: project) == .goal(nil))
        form.beginEdit(in: project, replacingWith: "完成年度任务")
        project = try Self.apply(try form.commitEdit(in: project).get(), to: project)
        #expect(project.goals.map(\.text) == ["完成年度任务"])
    }

    @Test func theSparklineRisesWithThePlan() {
        var project = Self.project()
        project.spendingPlan = SpendingPlan(march: Amount(25), june: Amount(50), october: Amount(75), december: Amount(100))
        #expect(ProjectHeaderForm.sparkline(project) == "▂▄▆█")
        project.spendingPlan.october = nil
        #expect(ProjectHeaderForm.sparkline(project) == "▂▄·█")
        #expect(ProjectHeaderForm.bar(0.5, width: 10) == "█████░░░░░")
    }

    @Test func theLibraryKeepsTheMostCommonTexts() {
        let rows = [
            IndicatorRow(level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", value: "≥90%", basis: "计划标准"),
            IndicatorRow(level1: "满意度指标", level2: "服务对象满意度指标", name: " 群众满意度", value: "≥95%", basis: "计划标准"),
            IndicatorRow(level1: "满意度指标", level2: "服务对象满意度指标", name: "群众满意度", value: "≥95%", basis: "工作记录"),
            IndicatorRow(level1: "产出指标", level2: "数量指标", name: "服务人数", value: "≥500人"),
        ]
        let document = DepartmentDocument(fiscalYear: 2024, unitCode: "1", unitName: "x",
                                          projects: [Project(indicators: rows)])
        let library = IndicatorLibrary(documents: [document])
        #expect(library.entries.first?.name == "群众满意度")
        #expect(library.entries.first?.uses == 3)
        #expect(library.entry(named: "群众满意度")?.value == "≥95%")
        #expect(library.entry(named: "服务人数")?.basis == "")
        #expect(library.basisChoices.prefix(5) == IndicatorFramework.standardBases[...])
        #expect(library.basisChoices.contains("工作记录"))
    }
}

@Suite struct ProjectTemplateTests {
    @Test func aNewProjectHasOneRowPerTemplateLevel2() {
        let project = ProjectTemplate.newProject(name: "新项目", framework: .legacy)
        #expect(project.name == "新项目")
        #expect(project.indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标",
                                                     "社会效益指标", "生态效益指标", "可持续影响指标", "服务对象满意度指标"])
        #expect(Set(project.indicators.map(\.id)).count == project.indicators.count)
        let guidance = ProjectTemplate.newProject(name: "x", framework: .guidance2021)
        #expect(guidance.indicators.contains { $0.level1 == "成本指标" && $0.level2 == "经济成本指标" })
    }
}

/// A header field being edited says where text is out of sight.
@Suite struct ProjectHeaderEditorMarkerTests {
    static func drawn(_ editor: LineEditor, width: Int) -> (line: String, cursor: Int?) {
        var buffer = Buffer(size: Size(width: width + 2, height: 1))
        ProjectHeaderForm.drawEditor(editor, into: &buffer, x: 1, y: 0, width: width, style: .plain)
        return (buffer.line(0), buffer.cursor?.x)
    }

    @Test func aLongFieldShowsLessAndMoreMarkers() {
        let text = "社区干部队伍不断壮大，干部素质有所提高，积极开展各种社区建设及社区服务活动"
        var editor = LineEditor(text)  // cursor at the end: the start is hidden
        var shown = Self.drawn(editor, width: 20)
        #expect(shown.line.hasPrefix(" <"), "\(shown.line)")
        #expect(!shown.line.contains(">"))
        #expect(shown.line.contains("服务活动"))
        _ = editor.handle(KeyEvent(.home))  // the start shown, the end hidden
        shown = Self.drawn(editor, width: 20)
        #expect(shown.line.hasPrefix("  社区干部"), "\(shown.line)")
        #expect(shown.line.hasSuffix("> "), "\(shown.line)")
        #expect(shown.cursor == 2)
        for _ in 0..<12 { _ = editor.handle(KeyEvent(.right)) }  // the middle: both sides hidden
        shown = Self.drawn(editor, width: 20)
        #expect(shown.line.hasPrefix(" <") && shown.line.hasSuffix("> "), "\(shown.line)")
    }

    @Test func aShortFieldHasNoMarkers() {
        let shown = Self.drawn(LineEditor("≥90%"), width: 20)
        #expect(shown.line.hasPrefix(" ≥90%") && !shown.line.contains("<") && !shown.line.contains(">"))
        #expect(shown.cursor == 5)
    }
}
