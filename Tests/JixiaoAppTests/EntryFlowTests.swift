import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// Entry as people do it (issue 14, items 3–5), through the whole app: values typed the way the
/// seeds and Excel write them, lists that go on with Enter, and pastes that land where they
/// belong or say why not.
@MainActor
@Suite struct EntryFlowTests {
    typealias P = ProjectScreenTests

    static func project(_ app: App) -> Project { app.session!.document.projects[0] }
    static func header(_ app: App) -> ProjectHeaderForm { P.screen(app).header }

    /// The project screen with the header focused and `downs` fields below the first.
    static func header(at downs: Int) -> App {
        var app = P.app()
        P.press(&app, KeyEvent(.function(6)))
        for _ in 0..<downs { P.press(&app, KeyEvent(.down)) }
        return app
    }

    static let march = 7, budget = 2, name = 1, purpose = 5, planMode = 6, lastGoal = 11

    // MARK: Values

    @Test func percentModeTakesTheSeedsFormAndRefusesInTheWordsOfAPercentage() {
        var app = Self.header(at: Self.march)
        P.type(&app, "25.00%")
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).spendingPlan.march?.description == "25.00")
        #expect(app.message == nil)
        P.type(&app, "２５％")  // full width, as a Chinese IME types it
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).spendingPlan.june?.description == "25")
        P.type(&app, "二十五")
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).spendingPlan.october == nil)
        #expect(Self.header(app).isEditing, "the refused text stays, being edited")
        let message = app.message.map { app.environment.strings[$0.id] } ?? ""
        #expect(message.contains("百分比"))
        #expect(!message.contains("金额"))
    }

    @Test func anAmountWithTheDocumentsUnitIsTakenAndAnotherUnitIsRefused() {
        var app = Self.header(at: Self.budget)
        P.type(&app, "130.97万元")
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).budget?.description == "130.97")
        P.type(&app, "130.97元")  // 财政资金, in a 万元 document
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).fiscalFunds == Amount(100))
        #expect(Self.header(app).isEditing)
        #expect(app.message?.id == .project(.unitMismatch("130.97元", typed: "元", expected: "万元")))
        #expect(app.view().text.contains("单位是元，本部门金额以万元为单位"))
    }

    // MARK: Lists

    @Test func goalsGoOnWithEnterShowTheirNumberAndEscapeDropsTheEmptyOne() {
        var app = Self.header(at: Self.lastGoal)
        #expect(app.view().text.contains("Alt-N"), "the hint line names the add key")
        P.press(&app, KeyEvent(.enter))  // edit 服务居民
        P.press(&app, KeyEvent(.enter))  // commit: the last goal, so a second one follows
        #expect(Self.header(app).isEditing)
        P.type(&app, "群众满意度达到九成")
        #expect(app.view().text.contains("2. 群众满意度达到九成"), "the new goal shows its number while typed")
        P.press(&app, KeyEvent(.enter))
        #expect(Self.project(app).goals.map(\.text) == ["服务居民", "群众满意度达到九成"])
        #expect(app.view().text.contains("  3."), "and the next one its number before anything is typed")
        P.press(&app, KeyEvent(.escape))
        #expect(!Self.header(app).isEditing)
        #expect(Self.project(app).goals.count == 2)
        #expect(app.currentScreen is ProjectScreen, "Esc took the new goal away, it did not leave the screen")
        // One undo step per goal added; the abandoned one left none.
        P.press(&app, .ctrl("z"))
        #expect(Self.project(app).goals.map(\.text) == ["服务居民"])
    }

    @Test func downOnTheLastGoalStartsANewOne() {
        var app = Self.header(at: Self.lastGoal)
        P.press(&app, KeyEvent(.down))
        #expect(Self.header(app).adding == .goal(after: "t-1"))
        P.type(&app, "按期完成")
        P.press(&app, KeyEvent(.enter), KeyEvent(.escape))
        #expect(Self.project(app).goals.map(\.text) == ["服务居民", "按期完成"])
    }

    @Test func departmentParagraphListsGoOnWithEnter() {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        h.press(EditorFlowTests.tab, KeyEvent(.end), EditorFlowTests.enter)  // edit 第二条, the last
        h.press(EditorFlowTests.enter)
        #expect(h.department?.editor?.target == .newItem(list: "overallGoals", after: "t-2"))
        #expect(h.screenText.contains("总体绩效目标 第 3 条"))
        #expect(h.screenText.contains("末条：接着写下一条"))
        h.type("第三条")
        h.press(EditorFlowTests.enter)
        h.type("第四条")
        h.press(EditorFlowTests.enter, EditorFlowTests.escape)
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "第二条", "第三条", "第四条"])
        #expect(h.department?.editor == nil)
        // Enter on an item that is not the last only commits.
        h.press(KeyEvent(.home), EditorFlowTests.enter, EditorFlowTests.enter)
        #expect(h.department?.editor == nil)
        // An empty list: Enter starts its first item.
        h.press(EditorFlowTests.tab, EditorFlowTests.tab, EditorFlowTests.enter)
        #expect(h.department?.section == .safeguards)
        #expect(h.department?.editor?.target == .newItem(list: "safeguards", after: nil))
    }

    // MARK: Pastes

    @Test func aMultiLinePasteIntoPurposeIsOneParagraphPerLineAndOneUndo() {
        var app = Self.header(at: Self.purpose)
        _ = app.handle(.paste("开展社区活动\r\n\r\n购置服务设备\n"))
        #expect(Self.project(app).purpose == "用于社区服务\n开展社区活动\n购置服务设备")
        #expect(app.message?.id == .pastedItems(2))
        #expect(Self.header(app).selectedField(in: Self.project(app)) == .purpose(2))
        P.press(&app, .ctrl("z"))
        #expect(Self.project(app).purpose == "用于社区服务")
    }

    @Test func aMultiLinePasteWhileTypingAGoalAddsTheOtherLinesAfterIt() {
        var app = Self.header(at: Self.lastGoal)
        P.press(&app, KeyEvent(.enter))  // editing 服务居民, cursor at the end
        _ = app.handle(.paste("（街道）\n提高满意度\n"))
        #expect(Self.project(app).goals.map(\.text) == ["服务居民（街道）", "提高满意度"])
        #expect(!Self.header(app).isEditing)
        P.press(&app, .ctrl("z"))
        #expect(Self.project(app).goals.map(\.text) == ["服务居民"])
    }

    @Test func aMultiLinePasteIntoAOneLineFieldIsJoinedAndSaysSo() {
        var app = Self.header(at: Self.name)
        _ = app.handle(.paste("社区服务\n经费"))
        #expect(Self.header(app).editor?.text == "社区服务 经费")
        #expect(app.message?.id == .pasteJoined(2))
    }

    @Test func aMultiLinePasteIntoAGridCellAsksOnceJoinOrSplit() {
        var app = P.app()
        P.press(&app, KeyEvent(.right), KeyEvent(.right))  // row 1, 三级指标
        P.type(&app, "居民")
        _ = app.handle(.paste("满意度\n回访率\n投诉办结率"))
        #expect(app.dialogs.count == 1, "one question, not one per line")
        #expect(app.view().text.contains("3 行"))
        // Split: the first line goes on from what was typed, the others into the rows below.
        P.press(&app, .char("s"))
        #expect(app.dialogs.isEmpty)
        let rows = P.rows(app)
        #expect(rows[0].name == "居民满意度" && rows[1].name == "回访率" && rows[2].name == "投诉办结率")
        #expect(app.message?.id == .project(.pastedDown(3)))
        P.press(&app, .ctrl("z"))
        #expect(P.rows(app)[0].name == "" && P.rows(app)[2].name == "", "one undo step")
    }

    @Test func joiningOrCancellingAGridPasteKeepsWhatWasTyped() {
        var app = P.app()
        P.press(&app, KeyEvent(.right), KeyEvent(.right))
        P.type(&app, "居民")
        _ = app.handle(.paste("满意\n度"))
        P.press(&app, .char("j"))
        #expect(P.screen(app).grid.editor?.text == "居民满意 度")
        _ = app.handle(.paste("多\n行"))
        P.press(&app, KeyEvent(.escape))
        #expect(app.message?.id == .project(.pasteCancelled))
        #expect(P.screen(app).grid.editor?.text == "居民满意 度")
        P.press(&app, KeyEvent(.enter))
        #expect(P.rows(app)[0].name == "居民满意 度")
    }

    @Test func aPasteThatCannotGoWhereTheCursorIsSaysWhy() {
        var app = Self.header(at: Self.planMode)
        _ = app.handle(.paste("百分比"))
        #expect(app.message?.id == .project(.pasteOnPlanMode))
        #expect(Self.project(app).spendingPlan.mode == .percent)
        P.press(&app, KeyEvent(.function(7)), KeyEvent(.function(6)))
        #expect(P.screen(app).focus == .findings)
        _ = app.handle(.paste("文字"))
        #expect(app.message?.id == .project(.pasteInFindings))

        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        h.press(KeyEvent(.tab, .shift))  // 项目
        h.send([.paste("社区服务")])
        #expect(h.app.message?.id == .pasteInProjects)
        #expect(h.document == EditorFlowTests.department())
    }

    @Test func departmentPastesBecomeItemsOrOpenTheCell() {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        // Not editing, on a list: new items after the selected one, one undo step.
        h.press(EditorFlowTests.tab)
        h.send([.paste("加强预算管理\n提高资金效益\n")])
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "加强预算管理", "提高资金效益", "第二条"])
        #expect(h.department?.selectedRow == 2)
        h.press(.ctrl("z"))
        #expect(h.document?.overallGoals.count == 2)
        // Editing an item: the first line at the cursor, the others after it.
        h.press(KeyEvent(.end), EditorFlowTests.enter)
        h.send([.paste("（续）\n第三条")])
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "第二条（续）", "第三条"])
        #expect(h.department?.editor == nil)
        // A one-line header field: the lines joined, and said so.
        h.press(KeyEvent(.tab, .shift), KeyEvent(.down))  // 单位名称
        h.send([.paste("西山\n街道办事处")])
        #expect(h.department?.editor?.area.text == "西山 街道办事处")
        #expect(h.app.message?.id == .pasteJoined(2))
    }

    @Test func aMultiLinePasteIntoASubGoalTitleAsksJoinOrSplit() {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        h.press(EditorFlowTests.tab, EditorFlowTests.tab)  // 分项绩效目标, title column
        #expect(h.department?.section == .subGoals)
        h.send([.paste("党建引领\n社区治理\n为民服务\n")])
        #expect(h.app.dialogs.count == 1)
        h.press(.char("s"))
        #expect(h.document?.subGoals.map(\.title) == ["党建引领", "社区治理", "为民服务"])
        #expect(h.document?.subGoals.first?.goal == "加强党建", "the rest of the row stays")
        #expect(h.app.message?.id == .project(.pastedDown(3)))
        #expect(h.department?.selectedRow == 2)
        h.press(.ctrl("z"))
        #expect(h.document?.subGoals.map(\.title) == ["党建"], "one undo step")
        // Joined while editing: one title, the lines side by side.
        h.press(EditorFlowTests.enter)
        h.send([.paste("与\n基层")])
        h.press(.char("j"))
        #expect(h.department?.editor?.area.text == "党建与 基层")
        h.press(EditorFlowTests.enter)
        #expect(h.document?.subGoals.map(\.title) == ["党建与 基层"])
    }
}
