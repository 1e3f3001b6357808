import JixiaoModel
import Testing
@testable import JixiaoApp

@MainActor
@Suite struct ReviewQueueTests {
    static let enter = KeyEvent(.enter), escape = KeyEvent(.escape)

    /// Three submissions (submitted on different days, not in id order), one draft, one returned.
    static func store() -> [DepartmentDocument] {
        func department(_ code: String, _ name: String) -> DepartmentDocument {
            var document = EditorFlowTests.department(code, name: name)
            document.projects = []
            return document
        }
        var returned = department("441005", "南山街道")
        returned.status = .returned
        return [
            ReviewFlow.submitted(department("441001", "西山街道"), at: "2026-11-20T09:00:00Z"),
            ReviewFlow.submitted(department("441002", "东山街道"), at: "2026-11-18T09:00:00Z", by: "office02"),
            ReviewFlow.submitted(department("441003", "北山街道"), at: "2026-11-19T09:00:00Z"),
            department("441004", "中山街道"),
            returned,
        ]
    }

    @Test func theQueueListsSubmissionsOldestFirstAndSwitchesStatusWithTab() {
        var h = ReviewFlow.harness(Self.store())
        h.keys(.char("v"))
        let queue = try! #require(h.app.currentScreen as? ReviewQueueScreen)
        #expect(queue.status == .submitted)
        #expect(queue.visible.map(\.unitCode) == ["441002", "441003", "441001"])
        #expect(h.screenText.contains("已送审 3 份"))
        #expect(h.screenText.contains("东山街道"))
        #expect(h.screenText.contains("office02"))
        #expect(h.screenText.contains(h.app.environment.times.dateTime("2026-11-18T09:00:00Z")))
        #expect(!h.screenText.contains("中山街道"))
        h.keys(KeyEvent(.tab))
        #expect(h.queue?.status == .returned)
        #expect(h.queue?.visible.map(\.unitCode) == ["441005"])
        h.keys(KeyEvent(.tab), KeyEvent(.tab))
        #expect(h.queue?.visible.map(\.unitCode) == ["441004"])
        // Drafts show who saved last and when, under those titles.
        #expect(h.screenText.contains("保存人"))
        #expect(h.screenText.contains("zhang"))
        h.keys(KeyEvent(.tab, .shift), KeyEvent(.tab, .shift), KeyEvent(.tab, .shift))
        #expect(h.queue?.status == .submitted)
        h.keys(Self.escape)
        #expect(h.app.currentScreen is DepartmentListScreen)
    }

    @Test func listingsWithoutASubmissionFallBackToTheirSaveTime() {
        var old = DepartmentListing(EditorFlowTests.department("2", name: "乙"))
        old.status = .submitted
        old.savedAt = "2026-11-01T10:00:00.000Z"
        var new = DepartmentListing(ReviewFlow.submitted(EditorFlowTests.department("1", name: "甲"), at: "2026-11-02T10:00:00Z"))
        new.savedAt = "2026-10-01T10:00:00.000Z"
        #expect(new.lastSubmittedAt == "2026-11-02T10:00:00Z")
        #expect(ReviewQueueScreen.queue([new, old], status: .submitted).map(\.unitCode) == ["2", "1"])
    }

    @Test func enterOpensTheDocumentViewAndCtrlNCtrlPPageThroughTheSubmissions() {
        var h = ReviewFlow.harness(Self.store())
        h.keys(.char("v"), KeyEvent(.down), Self.enter)
        #expect(h.documentView != nil)
        #expect(h.document?.unitCode == "441003")
        #expect(h.app.screens.count == 4)  // home, queue, department, document view
        #expect(h.messageText == "队列 2/3")
        h.keys(.ctrl("n"))
        #expect(h.document?.unitCode == "441001")
        #expect(h.documentView != nil)
        #expect(h.app.screens.count == 4)
        #expect(h.store.closed.contains("441003-2024"))
        h.keys(.ctrl("n"))
        #expect(h.document?.unitCode == "441001")
        #expect(h.messageText == "已是队列中的最后一份")
        h.keys(.ctrl("p"), .ctrl("p"))
        #expect(h.document?.unitCode == "441002")
        h.keys(.ctrl("p"))
        #expect(h.messageText == "已是队列中的第一份")
        // From the department screen too; leaving it goes back to the queue.
        h.keys(Self.escape)
        #expect(h.department != nil)
        h.keys(.ctrl("n"))
        #expect(h.document?.unitCode == "441003")
        #expect(h.documentView != nil)
        h.keys(Self.escape, Self.escape)
        #expect(h.app.currentScreen is ReviewQueueScreen)
        #expect(h.app.session == nil)
    }

    @Test func pagingAwayFromUnsavedChangesAsksFirst() {
        var h = ReviewFlow.harness(Self.store())
        h.keys(.char("v"), Self.enter)
        h.keys(Self.escape)  // to the department screen
        h.keys(KeyEvent(.down), Self.enter)  // edit the unit name
        h.type("甲")
        h.keys(Self.enter)
        #expect(h.app.session?.isDirty == true)
        h.keys(.ctrl("n"))
        #expect(h.app.dialogs.count == 1)
        h.keys(.char("c"))  // cancel: stay
        #expect(h.document?.unitCode == "441002")
        h.keys(.ctrl("n"), .char("d"))  // discard: next
        #expect(h.document?.unitCode == "441003")
        #expect(h.documentView != nil)
        #expect(h.store.documents["441002-2024"]?.document.unitName == "东山街道")
    }

    @Test func ctrlNOutsideAReviewRoundSaysHowToStartOne() {
        var h = ReviewFlow.harness(Self.store())
        h.keys(Self.enter)
        #expect(h.department != nil)
        h.keys(.ctrl("n"))
        #expect(h.messageText == "不是从审核队列打开的；按 v 打开审核队列")
        #expect(h.document?.unitCode == "441001")
    }
}
