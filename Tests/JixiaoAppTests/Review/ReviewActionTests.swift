import JixiaoModel
import Testing
@testable import JixiaoApp

@MainActor
@Suite struct ReviewActionTests {
    static let f6 = KeyEvent(.function(6)), enter = KeyEvent(.enter), escape = KeyEvent(.escape)

    /// 900201 as a draft with no review log: valid, ready to submit.
    static func draft() -> DepartmentDocument {
        var document = ReviewFlow.sample("900201-2024")
        document.status = .draft
        document.reviewLog = []
        return document
    }

    static let policy = AccessPolicy(reviewers: .init(users: ["li"]),
                                     editors: ["900201": .init(users: ["zhang"]), "900102": .init(groups: ["office"])])

    var menuLabels: (EditorFlowTests.Harness) -> [String] = { h in
        guard case .choice(let dialog)? = h.app.dialogs.last?.content else { return [] }
        return dialog.options.map(\.label)
    }

    @Test func submitFromTheMenuRecordsTheStepAndSaves() {
        var h = ReviewFlow.harness([Self.draft()])
        h.keys(Self.enter, Self.f6)
        #expect(menuLabels(h) == ["送审"])
        h.keys(.char("s"))
        #expect(h.document?.status == .submitted)
        let event = try! #require(h.document?.reviewLog.last)
        #expect(event.action == .submit && event.user == "zhang" && event.time == ReviewFlow.stamp && event.revision == 1)
        let stored = try! #require(h.store.documents["900201-2024"])
        #expect(stored.revision == 2)
        #expect(stored.document.status == .submitted)
        #expect(stored.document.reviewLog == h.document?.reviewLog)
        #expect(h.app.session?.isDirty == false)
        // The header says so.
        #expect(h.screenText.contains("已送审"))
        #expect(h.screenText.contains("送审：zhang"))
        // A saved step is not undone by Ctrl-Z.
        #expect(h.app.session?.canUndo == false)
        h.keys(.ctrl("z"))
        #expect(h.messageText == "没有可撤销的操作")
        #expect(h.document?.status == .submitted)
    }

    @Test func submitRefusedForErrorsListsThemAndJumpsToTheCell() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900102-2024")])
        ReviewFlow.open("900102-2024", in: &h)
        h.keys(Self.f6)
        #expect(menuLabels(h) == ["送审"])
        h.keys(.char("s"))
        #expect(h.messageText == "还有 2 个错误，改正后才能送审")
        #expect(h.document?.status == .returned)
        guard case .pickList(let list)? = h.app.dialogs.last?.content else {
            Issue.record("no list of errors")
            return
        }
        #expect(list.items.count == 2)
        #expect(list.title.contains("2 个错误"))
        h.keys(KeyEvent(.down), Self.enter)
        // The second error: the December spending plan of 统计专项业务经费, in its project screen.
        let project = try! #require(h.app.currentScreen as? ProjectScreen)
        #expect(project.projectID == "p-wtmgf2g8gq")
        #expect(project.focus == .header)
        #expect(h.store.documents["900102-2024"]?.revision == 1)
    }

    @Test func anErrorPickedInTheDocumentViewIsShownOnItsLine() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900102-2024")])
        ReviewFlow.open("900102-2024", in: &h)
        h.keys(KeyEvent(.function(7)), Self.f6, .char("s"), Self.enter)
        let view = try! #require(h.documentView)
        let layout = view.layout(h.app.session, width: h.app.contentArea.width, environment: h.app.environment)!
        let error = ReviewActionMenu.submitErrors(h.document!, h.app.environment)[0]
        #expect(view.focusLine == layout.line(for: error.path))
        #expect(view.focusLine.map { $0 >= view.top && $0 < view.top + DocumentViewScreen.pageHeight(h.app.contentArea.height) } == true)
        #expect(h.messageText?.hasPrefix("问题 1/2：") == true)
    }

    @Test func approveAsksAGradeAndAnOptionalComment() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "li", policy: Self.policy)
        h.keys(Self.enter, Self.f6)
        #expect(menuLabels(h) == ["审核通过", "退回"])
        h.keys(.char("a"))
        h.type("良")
        h.keys(Self.enter)
        h.type("同意")
        h.keys(Self.enter)
        let event = try! #require(h.document?.reviewLog.last)
        #expect(event.action == .approve && event.grade == .good && event.comment == "同意" && event.user == "li")
        #expect(h.store.documents["900201-2024"]?.document.status == .approved)
    }

    @Test func approveWithoutGradeOrComment() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        h.keys(Self.enter, Self.f6)
        #expect(menuLabels(h) == ["审核通过", "退回", "撤回"])
        h.keys(.char("a"))
        h.type("不评级")
        h.keys(Self.enter, Self.enter)
        let event = try! #require(h.document?.reviewLog.last)
        #expect(event.action == .approve && event.grade == nil && event.comment.isEmpty)
    }

    @Test func returnNeedsAReasonOfOneOrMoreLines() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "li", policy: Self.policy)
        h.keys(Self.enter, Self.f6, .char("r"))
        #expect(h.app.acceptsTextEntry)
        h.keys(Self.enter)
        #expect(h.messageText == "退回必须填写理由")
        #expect(h.app.dialogs.count == 1)  // asked again
        #expect(h.document?.status == .submitted)
        h.type("指标值偏低")
        h.keys(.ctrl("j"))
        h.send([.paste("请复核")])
        h.keys(Self.enter)
        let event = try! #require(h.document?.reviewLog.last)
        #expect(event.action == .return && event.comment == "指标值偏低\n请复核")
        #expect(h.store.documents["900201-2024"]?.document.status == .returned)
        #expect(h.screenText.contains("退回：li"))
    }

    @Test func escapeInTheReasonDialogTakesNoStep() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        h.keys(Self.enter, Self.f6, .char("r"))
        h.type("半句")
        h.keys(Self.escape)
        #expect(h.app.dialogs.isEmpty)
        #expect(h.document?.status == .submitted)
        #expect(h.store.documents["900201-2024"]?.revision == 1)
    }

    @Test func aStepMeetingANewerRevisionIsMergedAndSaved() throws {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "li")
        h.keys(Self.enter)
        // Meanwhile the office fixes a goal and saves revision 2.
        let goal = h.document!.overallGoals[0]
        try h.store.otherSaves("900201-2024", [.set(CellPath.field("overallGoals").item(goal.id).field("text"), .text("改过的目标"))],
                               user: "office02")
        h.keys(Self.f6, .char("r"))
        h.type("请再核对")
        h.keys(Self.enter)
        let stored = try #require(h.store.documents["900201-2024"])
        #expect(stored.revision == 3)
        #expect(stored.document.status == .returned)
        #expect(stored.document.overallGoals[0].text == "改过的目标")
        #expect(stored.document.reviewLog.last?.comment == "请再核对")
        #expect(h.messageText?.contains("office02") == true)
    }

    @Test func theMenuAndTheDocumentViewSpeakEnglishToo() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        h.app.environment.strings = Strings(.english)
        h.keys(Self.enter, KeyEvent(.function(7)))
        #expect(h.screenText.contains("submitted · submit: office02 \(h.app.environment.times.dateTime("2024-01-16T03:00:00Z"))"))
        #expect(h.screenText.contains("lines 1–19 of"))
        // The printed text itself stays Chinese: it is the official form.
        #expect(h.screenText.contains("第一部分"))
        h.keys(Self.f6)
        #expect(menuLabels(h) == ["approve", "return", "withdraw"])
        h.keys(.char("r"), Self.enter)
        #expect(h.messageText == "return requires a reason")
    }

    @Test func withdrawAnApprovalWithAReason() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900101-2024")])
        h.keys(Self.enter, Self.f6)
        #expect(menuLabels(h) == ["撤回"])
        h.keys(.char("w"))
        h.type("需补充材料")
        h.keys(Self.enter)
        #expect(h.document?.status == .submitted)
        #expect(h.document?.reviewLog.last?.action == .withdraw)
        #expect(h.store.documents["900101-2024"]?.document.reviewLog.last?.comment == "需补充材料")
    }

    @Test func aSubmissionTheStoreRefusesCanBeTakenBackThoughItLocksTheDocument() {
        var h = ReviewFlow.harness([Self.draft()], user: "zhang", policy: Self.policy)
        h.keys(Self.enter)
        h.store.refuseSaves = "存储拒绝"
        h.keys(Self.f6, .char("s"))
        #expect(h.document?.status == .submitted)
        h.keys(.ctrl("z"))
        #expect(h.document?.status == .draft)
        #expect(h.document?.reviewLog.isEmpty == true)
        h.keys(.ctrl("y"))
        #expect(h.document?.status == .submitted)
    }

    @Test func someoneWhoMayTakeNoStepIsToldWhy() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "wang", policy: Self.policy)
        h.keys(Self.enter, Self.f6)
        #expect(h.app.dialogs.isEmpty)
        #expect(h.messageText == "用户 wang 无权审核通过此部门")
        // The office's own editor sees only its own step on a submission: recall it.
        var e = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "zhang", policy: Self.policy)
        e.keys(Self.enter, Self.f6)
        #expect(menuLabels(e) == ["撤回"])
    }

    @Test func aDraftHasNoReviewerStep() {
        var h = ReviewFlow.harness([Self.draft()], user: "li", policy: Self.policy)
        h.keys(Self.enter, Self.f6)
        #expect(h.app.dialogs.isEmpty)
        #expect(h.messageText == "用户 li 无权送审此部门")
    }

    @Test func aLockedDocumentRefusesTypingWithoutLosingAnything() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")], user: "zhang", policy: Self.policy)
        h.keys(Self.enter)
        let before = h.document
        // Department screen: editing a header field is refused before the editor opens.
        h.keys(KeyEvent(.down), Self.enter)
        #expect(h.department?.editor == nil)
        #expect(h.messageText == "文档已送审，不能修改内容；请等待审核或撤回送审")
        #expect(h.app.message?.kind == .error)
        // Project screen: typing does not start an edit.
        h.keys(KeyEvent(.tab, .shift), Self.enter)
        let project = try! #require(h.app.currentScreen as? ProjectScreen)
        #expect(!project.isEditing)
        h.type("9")
        #expect((h.app.currentScreen as? ProjectScreen)?.isEditing == false)
        #expect(h.messageText == "文档已送审，不能修改内容；请等待审核或撤回送审")
        h.keys(KeyEvent(.delete))
        h.keys(.alt("d"))
        h.send([.paste("粘贴")])
        #expect(h.document == before)
        #expect(h.app.session?.isDirty == false)
        #expect(h.store.drafts.isEmpty)
        // Someone else's department: refused for that reason.
        var other = ReviewFlow.harness([Self.draft()], user: "zhao", policy: Self.policy)
        other.keys(Self.enter, KeyEvent(.down), Self.enter)
        #expect(other.messageText == "用户 zhao 不是部门 900201-2024 的编辑人员")
    }

    @Test func singleUserStoresKeepEverythingEditable() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900101-2024")])
        h.keys(Self.enter, KeyEvent(.down), Self.enter)
        h.type("甲")
        h.keys(Self.enter)
        #expect(h.document?.unitName.hasSuffix("甲") == true)
        #expect(h.document?.status == .approved)
    }

    @Test func theFirstEditOfAReturnedDocumentReopensItInTheSameUndoStep() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900102-2024")], user: "zhang", groups: ["office"], policy: Self.policy)
        ReviewFlow.open("900102-2024", in: &h)
        let name = h.document!.unitName
        h.keys(KeyEvent(.down), Self.enter)
        h.type("甲")
        h.keys(Self.enter)
        #expect(h.document?.status == .draft)
        let reopen = try! #require(h.document?.reviewLog.last)
        #expect(reopen.action == .reopen && reopen.user == "zhang" && reopen.revision == 1)
        #expect(h.document?.reviewLog.count == 3)
        // The second edit adds no entry.
        h.keys(Self.enter)
        h.type("乙")
        h.keys(Self.enter)
        #expect(h.document?.reviewLog.count == 3)
        // Undo twice: content, status and log as loaded.
        h.keys(.ctrl("z"), .ctrl("z"))
        #expect(h.document?.unitName == name)
        #expect(h.document?.status == .returned)
        #expect(h.document?.reviewLog.count == 2)
        #expect(h.app.session?.isDirty == false)
        // Redo, save, undo: the saved reopen entry stays (the log only grows).
        h.keys(.ctrl("y"))
        h.keys(.ctrl("s"))
        #expect(h.store.documents["900102-2024"]?.document.reviewLog.last?.action == .reopen)
        h.keys(.ctrl("z"))
        #expect(h.document?.unitName == name)
        #expect(h.document?.status == .draft)
        #expect(h.document?.reviewLog.count == 3)
        h.keys(.ctrl("y"))
        #expect(h.document?.unitName == name + "甲")
    }

    @Test func aStepTheStoreRefusesIsShownAndCanBeTakenBack() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        h.keys(Self.enter)
        // The store refuses the next save (as `ReviewGuard` would for a reviewer it does not know).
        h.store.refuseSaves = "用户 li 无权审核通过此部门"
        h.keys(Self.f6, .char("a"))
        h.type("优")
        h.keys(Self.enter, Self.enter)
        #expect(h.messageText == "操作失败：用户 li 无权审核通过此部门")
        #expect(h.app.message?.kind == .error)
        #expect(h.document?.status == .approved)
        #expect(h.store.documents["900201-2024"]?.document.status == .submitted)
        h.keys(.ctrl("z"))
        #expect(h.messageText == "已撤销：审核通过")
        #expect(h.document?.status == .submitted)
        #expect(h.app.session?.isDirty == false)
    }
}
