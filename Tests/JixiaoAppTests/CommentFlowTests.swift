import Foundation
import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// Comments (批注) in the editor: added on a cell or the whole document, marked where the cell
/// is drawn, listed, resolved, journaled at once and saved with the document.
@MainActor
@Suite struct CommentFlowTests {
    typealias Harness = EditorFlowTests.Harness
    static let enter = KeyEvent(.enter), tab = KeyEvent(.tab), escape = KeyEvent(.escape)
    static let clock = Date(timeIntervalSince1970: 1_795_469_612)  // 2026-11-23T21:33:32Z

    static func department(status: ReviewStatus = .draft, comments: [ReviewComment] = []) -> DepartmentDocument {
        var document = EditorFlowTests.department()
        document.projects[0].indicators = [
            IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "垃圾清运量", description: "全年清运",
                         value: "≥1200吨", basis: "合同约定"),
            IndicatorRow(id: "r-2", level1: "效益指标", level2: "社会效益指标", name: "群众满意度", description: "问卷",
                         value: "≥90%", basis: "往年数据"),
        ]
        document.status = status
        document.comments = comments
        return document
    }

    static func harness(_ store: FakeStore, user: String = "zhang", policy: AccessPolicy = .singleUser) -> Harness {
        var h = Harness(store: store)
        let fixed = clock
        h.app.environment.now = { fixed }
        h.app.environment.identity = Identity(user: user)
        h.app.environment.policy = policy
        return h
    }

    /// Opens the first department and its first project's grid.
    static func openGrid(_ h: inout Harness) {
        h.press(enter)
        h.press(tab, tab, tab, tab)
        h.press(enter)
    }

    static let valuePath = CellPath.indicator(project: "p-1", row: "r-1", column: .value)

    @Test func aCommentOnAGridCellIsMarkedJournaledAndSaved() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.harness(store)
        Self.openGrid(&h)
        #expect(h.app.currentScreen is ProjectScreen)
        h.press(KeyEvent(.right), KeyEvent(.right), KeyEvent(.right), KeyEvent(.right))  // 指标值
        #expect(!h.screenText.contains("*"))
        h.press(.alt("m"))
        #expect(h.screenText.contains("添加批注"))
        #expect(h.screenText.contains("指标 第 1 行 · 指标值"))
        h.send([.paste("请核实清运量的依据")])
        h.press(Self.enter)
        let comment = try #require(h.document?.comments.first)
        #expect(comment.cell == Self.valuePath)
        #expect(comment.author == "zhang")
        #expect(comment.time == "2026-11-23T21:33:32Z")
        // Journaled at once, as an insert into the comments list.
        let journal = try #require(store.drafts["441001-2024"])
        #expect(journal.edits.contains { if case .insert(let list, _, _) = $0 { list == .field("comments") } else { false } })
        // The cell is marked and the status line shows the comment while the cursor is on it.
        let frame = h.app.view()
        let row = try #require(frame.lines.first { $0.contains("≥1200") })
        #expect(row.contains("*"))
        #expect(h.screenText.contains("* 批注 zhang 2026-11-24 05:33：请核实清运量的依据"))
        h.press(KeyEvent(.down))
        #expect(!h.screenText.contains("请核实清运量的依据"))
        // Not an undoable edit.
        h.press(.ctrl("z"))
        #expect(h.document?.comments.count == 1)
        h.press(.ctrl("s"))
        #expect(store.documents["441001-2024"]?.document.comments.map(\.text) == ["请核实清运量的依据"])
        #expect(store.documents["441001-2024"]?.revision == 2)
    }

    @Test func markerSurvivesWithoutColourAndInEnglish() throws {
        let store = FakeStore()
        store.put(Self.department(comments: [ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z",
                                                           text: "核实", cell: Self.valuePath)]))
        var h = Self.harness(store)
        h.app.environment.theme = .builtinMonochrome
        h.app.environment.strings = Strings(.english)
        Self.openGrid(&h)
        let frame = h.app.view()
        let row = try #require(frame.lines.first { $0.contains("≥1200") })
        #expect(row.contains("*"))
        for line in frame.lines { #expect(TextMetrics().width(of: line) == 80) }
    }

    @Test func theCommentShowsAsSoonAsTheGridOpensOnIt() throws {
        let store = FakeStore()
        store.put(Self.department(comments: [ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z", text: "先看这里",
                                                           cell: CellPath.indicator(project: "p-1", row: "r-1", column: .level1))]))
        var h = Self.harness(store)
        Self.openGrid(&h)
        #expect(h.screenText.contains("* 批注 li 2026-11-24 04:00：先看这里"))
    }

    @Test func aCommentSurvivesACrashThroughTheDraftJournal() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.harness(store)
        Self.openGrid(&h)
        h.press(.alt("m"))
        h.type("需补充依据")
        h.press(Self.enter)
        #expect(store.drafts["441001-2024"] != nil)
        // The process dies; a new one opens the department and restores the draft.
        var again = Self.harness(store)
        again.press(Self.enter)
        #expect(again.screenText.contains("恢复未保存的修改"))
        again.press(.char("r"))
        let comment = try #require(again.document?.comments.first)
        #expect(comment.text == "需补充依据")
        #expect(comment.cell == CellPath.indicator(project: "p-1", row: "r-1", column: .level1))
        #expect(again.document?.commentedCells.count == 1)
        again.press(.ctrl("s"))
        #expect(store.documents["441001-2024"]?.document.comments.first?.text == "需补充依据")
    }

    @Test func aResolutionSurvivesACrashThroughTheDraftJournal() throws {
        let store = FakeStore()
        store.put(Self.department(comments: [ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z",
                                                           text: "核实", cell: Self.valuePath)]))
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(9)))
        h.press(.char(" "))
        #expect(h.document?.comments.first?.isResolved == true)
        var again = Self.harness(store)
        again.press(Self.enter)
        again.press(.char("r"))
        let comment = try #require(again.document?.comments.first)
        #expect(comment.resolution == ReviewComment.Resolution(user: "zhang", time: "2026-11-23T21:33:32Z"))
        #expect(comment.text == "核实" && comment.id == "c-1")
        #expect(again.document?.commentedCells.isEmpty == true)
    }

    @Test func departmentFieldsAndProjectRowsAreMarked() throws {
        let store = FakeStore()
        var department = Self.department(comments: [
            ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z", text: "单位名称不全", cell: .field("unitName")),
            ReviewComment(id: "c-2", author: "li", time: "2026-11-23T20:01:00Z", text: "第二条太笼统",
                          cell: CellPath.field("overallGoals").item("t-2").field("text")),
            ReviewComment(id: "c-3", author: "li", time: "2026-11-23T20:02:00Z", text: "核实", cell: Self.valuePath),
        ])
        // A full-length project code: the mark must not hide its last digit.
        department.projects[0].code = "441001240000000011"
        store.put(department)
        var h = Self.harness(store)
        h.press(Self.enter)
        var frame = h.app.view()
        let unitName = try #require(frame.lines.first { $0.contains("单位名称") && $0.contains("西山街道") })
        #expect(unitName.contains("*"))
        let unitCode = try #require(frame.lines.first { $0.contains("单位编码") && $0.contains("441001") })
        #expect(!unitCode.contains("*"))
        h.press(KeyEvent(.down))  // 单位名称: its comment on the line under the section
        #expect(h.screenText.contains("* 批注 li 2026-11-24 04:00：单位名称不全"))
        h.press(Self.tab)
        frame = h.app.view()
        #expect(try #require(frame.lines.first { $0.contains("第二条") }).contains("*"))
        #expect(!(try #require(frame.lines.first { $0.contains("第一条") }).contains("*")))
        h.press(Self.tab, Self.tab, Self.tab)
        frame = h.app.view()
        #expect(try #require(frame.lines.first { $0.contains("办公经费") }).contains("441001240000000011*办公经费"))
    }

    @Test func commentOnADepartmentFieldWithF4() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(Self.tab, KeyEvent(.down))  // 总体绩效目标, item 2
        h.press(KeyEvent(.function(4)))
        #expect(h.screenText.contains("总体绩效目标 第 2 条"))
        h.type("太笼统")
        h.press(Self.enter)
        #expect(h.document?.comments.first?.cell == CellPath.field("overallGoals").item("t-2").field("text"))
        #expect(h.screenText.contains("太笼统"))
    }

    @Test func theListResolvesJumpsAndCommentsOnTheWholeDocument() throws {
        let store = FakeStore()
        store.put(Self.department(status: .submitted, comments: [
            ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z", text: "旧批注", cell: .field("unitName"),
                          resolution: .init(user: "li", time: "2026-11-23T20:30:00Z")),
            ReviewComment(id: "c-2", author: "li", time: "2026-11-23T20:01:00Z", text: "请核实指标值", cell: Self.valuePath),
        ]))
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(9)))
        #expect(h.app.currentScreen is CommentsScreen)
        let text = h.screenText
        #expect(text.contains("未解决 1 条，已解决 1 条"))
        // Open first, with where it is.
        let lines = h.app.view().lines
        let open = try #require(lines.firstIndex { $0.contains("请核实指标值") })
        let resolved = try #require(lines.firstIndex { $0.contains("旧批注") })
        #expect(open < resolved)
        #expect(lines[open].contains("项目 1「办公经费」"))
        // Space resolves (allowed on a submitted document: a comment is not content).
        h.press(.char(" "))
        let comment = try #require(h.document?.comments.first { $0.id == "c-2" })
        #expect(comment.resolution == ReviewComment.Resolution(user: "zhang", time: "2026-11-23T21:33:32Z"))
        #expect(h.document?.commentedCells.isEmpty == true)
        // It stays selected in its new place; Space again reopens it.
        h.press(.char(" "))
        #expect(h.document?.comments.first { $0.id == "c-2" }?.isResolved == false)
        // A comment on the whole document.
        h.press(.char("a"))
        #expect(h.screenText.contains("整个文档"))
        h.type("整体较好")
        h.press(Self.enter)
        #expect(h.document?.comments.last?.cell == nil)
        #expect(h.document?.comments.last?.text == "整体较好")
        // Enter on the open cell comment goes to the cell in the project screen.
        h.press(KeyEvent(.home))
        h.press(Self.enter)
        let project = try #require(h.app.currentScreen as? ProjectScreen)
        #expect(project.grid.currentPath == Self.valuePath)
        #expect(h.app.screens.count == 3)
        h.press(.ctrl("s"))
        #expect(store.documents["441001-2024"]?.document.comments.count == 3)
        #expect(store.documents["441001-2024"]?.document.status == .submitted)
    }

    @Test func ctrlSSavesFromTheList() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(9)))
        h.press(.char("a"))
        h.type("ok")
        h.press(Self.enter, .ctrl("s"))
        #expect(store.documents["441001-2024"]?.document.comments.map(\.text) == ["ok"])
        #expect(h.app.currentScreen is CommentsScreen)
    }

    @Test func jumpingToADepartmentCellSelectsItsSection() throws {
        let store = FakeStore()
        store.put(Self.department(comments: [
            ReviewComment(id: "c-1", author: "li", time: "2026-11-23T20:00:00Z", text: "党建目标", 
                          cell: CellPath.field("subGoals").item("g-1").field("goal")),
        ]))
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(9)), Self.enter)
        let department = try #require(h.department)
        #expect(department.section == .subGoals)
        #expect(department.column == 1)
    }

    @Test func commentingIsRefusedToSomeoneNeitherReviewerNorEditor() throws {
        let store = FakeStore()
        store.put(Self.department())
        let policy = AccessPolicy(reviewers: .init(users: ["wang"]), editors: ["441001": .init(users: ["li"])])
        var h = Self.harness(store, user: "zhang", policy: policy)
        h.press(Self.enter)
        h.press(KeyEvent(.function(4)))
        #expect(h.app.dialogs.isEmpty)
        #expect(h.screenText.contains("用户 zhang 无权对此部门批注"))
        #expect(h.document?.comments.isEmpty == true)
    }

    @Test func aReviewerCommentsOnASubmittedDocument() throws {
        let store = FakeStore()
        store.put(Self.department(status: .submitted))
        let policy = AccessPolicy(reviewers: .init(users: ["wang"]), editors: ["441001": .init(users: ["li"])])
        var h = Self.harness(store, user: "wang", policy: policy)
        h.press(Self.enter)
        h.press(.alt("m"))
        h.type("ok")
        h.press(Self.enter)
        #expect(h.document?.comments.first?.author == "wang")
        #expect(h.screenText.contains("已添加批注"))
    }

    @Test func anEmptyCommentIsRefused() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(4)), Self.enter)
        #expect(h.screenText.contains("批注不能为空"))
        #expect(h.document?.comments.isEmpty == true)
    }
}
