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
        let edits = try form.commitEdit(in: project, unit: .tenThousandYuan).get()
        project = try Self.apply(edits, to: project)
        #expect(project.otherFunds == Amount(20))
        #expect(ProjectHeaderForm.budgetCheck(project).ok)
    }

    @Test func anAmountThatDoesNotReadKeepsEditing() {
        let project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 2, in: project)
        form.beginEdit(in: project, replacingWith: "一百")
        #expect(form.commitEdit(in: project, unit: .tenThousandYuan) == .failure(.invalidAmount("一百", .notANumber)))
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
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan).get(), to: project)
        #expect(project.purpose == "第一段\n第二段（修订）")
        project = try Self.apply(form.toggleMode(in: project), to: project)
        #expect(project.spendingPlan.mode == .amount)
        form.move(by: 100, in: project)  // the goal
        var ids = 0
        let added = form.addItem(in: project)
        #expect(added)
        form.insertText("按时完成")
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan,
                                                     makeID: { ids += 1; return "t-new\(ids)" }).get(), to: project)
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
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan).get(), to: project)
        #expect(project.goals.map(\.text) == ["完成年度任务"])
    }

    // MARK: Values as people type them

    /// Commits `typed` into `field` of `project` in a document of money unit `unit`.
    static func commit(_ typed: String, into field: ProjectHeaderForm.Field, of project: Project,
                       unit: MoneyUnit = .tenThousandYuan) -> (Result<[CellEdit], ProjectHeaderForm.CommitError>, ProjectHeaderForm) {
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: ProjectHeaderForm.fields(of: project).firstIndex(of: field)!, in: project)
        form.beginEdit(in: project, replacingWith: typed)
        return (form.commitEdit(in: project, unit: unit), form)
    }

    @Test func percentModeTakesThePercentFormsOfTheSeedsAndExcel() throws {
        let project = Self.project()  // percent mode
        for (typed, stored) in [("25.00%", "25.00"), ("30%", "30"), ("２５％", "25"), ("40.0", "40.0"), ("６０．５％", "60.5")] {
            let (result, form) = Self.commit(typed, into: .checkpoint(.october), of: project)
            let updated = try Self.apply(try result.get(), to: project)
            #expect(updated.spendingPlan.october?.description == stored, "\(typed)")
            #expect(!form.isEditing)
        }
    }

    @Test func aRefusedPercentageIsCalledAPercentage() {
        let project = Self.project()
        let (result, form) = Self.commit("二十五%", into: .checkpoint(.march), of: project)
        #expect(result == .failure(.invalidPercent("二十五%", .notANumber)))
        #expect(form.isEditing)  // editing goes on: nothing typed is lost
        #expect(ProjectScreen.refusal(.invalidPercent("二十五%", .notANumber), unit: .tenThousandYuan)
            == .invalidPercent("二十五%"))
        #expect(Strings(.chinese)[.project(.invalidPercent("二十五%"))].contains("百分比"))
        #expect(!Strings(.chinese)[.project(.invalidPercent("二十五%"))].contains("金额"))
        let (money, _) = Self.commit("30万元", into: .checkpoint(.march), of: project)
        #expect(money == .failure(.invalidPercent("30万元", .unitInPercent(.tenThousandYuan))))
    }

    @Test func amountsTakeTheDocumentsUnitAndRefuseAnother() throws {
        var project = Self.project()
        let (ok, _) = Self.commit("130.97万元", into: .budget, of: project)
        project = try Self.apply(try ok.get(), to: project)
        #expect(project.budget?.description == "130.97")
        let (yuan, form) = Self.commit("130.97元", into: .fiscalFunds, of: project)
        #expect(yuan == .failure(.invalidAmount("130.97元", .unitMismatch(typed: .yuan, expected: .tenThousandYuan))))
        #expect(form.isEditing)
        let message = Strings(.chinese)[.project(ProjectScreen.refusal(
            .invalidAmount("130.97元", .unitMismatch(typed: .yuan, expected: .tenThousandYuan)), unit: .tenThousandYuan))]
        #expect(message == "“130.97元”的单位是元，本部门金额以万元为单位：请换算成万元后输入")
        // A 元 document takes 元 and refuses 万元.
        let (inYuan, _) = Self.commit("1,309,700元", into: .otherFunds, of: project, unit: .yuan)
        #expect(try Self.apply(try inYuan.get(), to: project).otherFunds?.description == "1309700")
        let (wan, _) = Self.commit("130.97万元", into: .otherFunds, of: project, unit: .yuan)
        #expect(wan == .failure(.invalidAmount("130.97万元", .unitMismatch(typed: .tenThousandYuan, expected: .yuan))))
        // In amount mode a checkpoint is an amount: a percentage is refused, the unit accepted.
        project.spendingPlan.mode = .amount
        let (percent, _) = Self.commit("25%", into: .checkpoint(.june), of: project)
        #expect(percent == .failure(.invalidAmount("25%", .percentInAmount)))
        let (amount, _) = Self.commit("６０万元", into: .checkpoint(.june), of: project)
        #expect(try Self.apply(try amount.get(), to: project).spendingPlan.june?.description == "60")
    }

    // MARK: Lists flow

    static func ids() -> () -> String {
        var n = 0
        return { n += 1; return "t-new\(n)" }
    }

    @Test func enterOnTheLastGoalContinuesWithANumberedNewOne() throws {
        var project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 100, in: project)  // the last goal
        form.beginEdit(in: project)
        let makeID = Self.ids()
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter, makeID: makeID).get(),
                                 to: project)
        // Nothing new is in the document yet, but a new goal is being typed after the last one.
        #expect(project.goals.map(\.id) == ["t-1"])
        #expect(form.isEditing)
        #expect(form.adding == .goal(after: "t-1"))
        #expect(form.selectedField(in: project) == .goal(nil))
        #expect(form.fields(in: project).suffix(2) == [.goal("t-1"), .goal(nil)])
        form.insertText("居民满意度达到９０％")
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter, makeID: makeID).get(),
                                 to: project)
        #expect(project.goals.map(\.text) == ["保障运转", "居民满意度达到９０％"])
        #expect(form.adding == .goal(after: "t-new1"))
        // Enter on the empty new goal ends the list: nothing added, back on the last goal.
        let none = try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter, makeID: makeID).get()
        #expect(none.isEmpty)
        #expect(!form.isEditing)
        #expect(form.selectedField(in: project) == .goal("t-new1"))
    }

    @Test func escapeOnANewItemTakesItAwayAndLeavesNoEdit() {
        let project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 100, in: project)
        let added = form.addGoalAfterLast(in: project)  // Down on the last goal
        #expect(added)
        #expect(form.fields(in: project).count == ProjectHeaderForm.fields(of: project).count + 1)
        // Down again on the empty new goal: nothing below it, so it stays.
        #expect(form.commitEdit(in: project, unit: .tenThousandYuan, move: .down) == .success([]))
        #expect(form.isEditing && form.adding == .goal(after: "t-1"))
        form.insertText("半截")
        form.cancelEdit()
        #expect(form.adding == nil)
        #expect(form.fields(in: project) == ProjectHeaderForm.fields(of: project))
        #expect(form.selectedField(in: project) == .goal("t-1"))
        // Down on a goal that is not the last moves as before.
        form.move(by: -100, in: project)
        let addedInTheMiddle = form.addGoalAfterLast(in: project)
        #expect(!addedInTheMiddle)
    }

    @Test func enterOnTheLastParagraphContinuesAndAnEmptyOneMovesOn() throws {
        var project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 6, in: project)  // 资金用途 paragraph 2, the last
        form.beginEdit(in: project)
        _ = try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter).get()
        #expect(form.selectedField(in: project) == .newParagraph(after: 1))
        form.insertText("第三段")
        project = try Self.apply(try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter).get(), to: project)
        #expect(project.purpose == "第一段\n第二段\n第三段")
        #expect(form.selectedField(in: project) == .newParagraph(after: 2))
        // Empty: the list ends and the form goes on to the next field.
        _ = try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter).get()
        #expect(form.selectedField(in: project) == .planMode)
        #expect(project.purpose == "第一段\n第二段\n第三段")
        // Enter on a paragraph that is not the last only moves down.
        form.move(by: -3, in: project)
        #expect(form.selectedField(in: project) == .purpose(0))
        form.beginEdit(in: project)
        _ = try form.commitEdit(in: project, unit: .tenThousandYuan, move: .enter).get()
        #expect(!form.isEditing)
        #expect(form.selectedField(in: project) == .purpose(1))
    }

    @Test func aMultiLinePasteIntoAListIsOneItemPerLine() throws {
        var project = Self.project()
        var form = ProjectHeaderForm(projectID: "p-1")
        form.move(by: 100, in: project)  // the goal 保障运转, not being edited
        let edits = form.pasteLines(["提高服务质量", "", "群众满意度≥90%"], in: project, makeID: Self.ids())
        project = try Self.apply(edits, to: project)
        #expect(project.goals.map(\.text) == ["保障运转", "提高服务质量", "群众满意度≥90%"])
        #expect(form.selectedField(in: project) == .goal("t-new2"))
        // Into a paragraph being edited: the first line at the cursor, the others after it.
        form.move(by: -100, in: project)
        form.move(by: 5, in: project)  // paragraph 1
        form.beginEdit(in: project)
        let purpose = form.pasteLines(["（一）", "第一段补充"], in: project)
        project = try Self.apply(purpose, to: project)
        #expect(project.purpose == "第一段（一）\n第一段补充\n第二段")
        #expect(purpose.count == 1)  // one edit: one undo step
        #expect(form.selectedField(in: project) == .purpose(1))
        #expect(!form.isEditing)
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
