import Foundation
import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// The history screen (F8), revision diffs and "changes since returned" (Alt-R), on a store
/// whose records are written as the real stores write them.
@MainActor
@Suite struct HistoryFlowTests {
    typealias Harness = EditorFlowTests.Harness
    static let enter = KeyEvent(.enter), escape = KeyEvent(.escape)
    static let id = "441001-2024"
    static let value = CellPath.indicator(project: "p-1", row: "r-1", column: .value)

    /// Saves `next` as the following revision, with its history record.
    static func save(_ store: FakeStore, _ next: DepartmentDocument, by user: String) {
        let current = store.documents[next.id]
        let revision = (current?.revision ?? 0) + 1
        store.record(current?.document, next, revision: revision, user: user)
        store.put(next, revision: revision, by: user)
    }

    static func time(_ minute: Int) -> String { "2026-11-23T10:\(minute < 10 ? "0" : "")\(minute):00Z" }

    /// A review step as the workflow records it (the sample is not valid enough to pass the
    /// submit check, which `ReviewWorkflowTests` covers).
    static func step(_ action: ReviewAction, _ document: DepartmentDocument, by user: String, minute: Int, revision: Int,
                     comment: String = "") -> DepartmentDocument {
        var next = document
        next.status = action.target(from: document.status)!
        next.reviewLog.append(ReviewEvent(action: action, user: user, time: time(minute), comment: comment, revision: revision))
        return next
    }

    /// Seven revisions: created, edited, commented, submitted, returned, fixed, resubmitted.
    static func resubmittedStore() throws -> FakeStore {
        let store = FakeStore()
        let reviewer = Identity(user: "wang")
        var document = CommentFlowTests.department()
        save(store, document, by: "li")
        document = try document.applying([.set(value, .text("≥1500吨"))])
        save(store, document, by: "li")
        document = try ReviewWorkflow.addComment("依据不足", on: value, to: document, by: reviewer, at: time(3)).0
        save(store, document, by: "wang")
        document = step(.submit, document, by: "li", minute: 4, revision: 3)
        save(store, document, by: "li")
        document = step(.return, document, by: "wang", minute: 5, revision: 4, comment: "指标值偏低")
        save(store, document, by: "wang")
        document = step(.reopen, document, by: "li", minute: 6, revision: 5)
        document = try document.applying([.set(value, .text("≥1800吨")),
                                          .delete(CellPath.indicator(project: "p-1", row: "r-2"))])
        save(store, document, by: "li")
        document = step(.submit, document, by: "li", minute: 7, revision: 6)
        save(store, document, by: "li")
        return store
    }

    static func harness(_ store: FakeStore) -> Harness {
        var h = Harness(store: store)
        h.app.environment.identity = Identity(user: "wang")
        return h
    }

    @Test func historyListsEachRevisionInOneLine() throws {
        let store = try Self.resubmittedStore()
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        #expect(h.effects.contains(.loadHistory(id: Self.id)))
        let screen = try #require(h.app.currentScreen as? HistoryScreen)
        #expect(screen.entries.map(\.revision) == [7, 6, 5, 4, 3, 2, 1])
        let lines = h.app.view().lines
        func line(_ revision: Int) throws -> String { try #require(lines.first { $0.contains("第 \(revision) 版") }) }
        #expect(try line(7).contains("送审"))
        #expect(try line(7).contains("li"))
        #expect(try line(7).contains("2026-11-23 18:07"), "local time (Shanghai) of the 10:07 UTC save")
        #expect(try line(6).contains("重新编辑；修改 2 处：项目 1「办公经费」 ·"))
        #expect(try line(5).contains("退回：指标值偏低"))
        #expect(try line(5).contains("wang"))
        #expect(try line(3).contains("批注 1 条"))
        #expect(try line(2).contains("修改 1 处：项目 1「办公经费」 ·"))
        // The selected revision's whole line below the list.
        h.press(KeyEvent(.down))
        #expect(h.screenText.contains("指标值；项目 1「办公经费」 · 指标（已删除的条目 r-2）"))
        #expect(try line(1).contains("新建"))
        for text in lines { #expect(TextMetrics().width(of: text) == 80) }
    }

    @Test func diffBetweenAMarkedAndASelectedRevision() throws {
        let store = try Self.resubmittedStore()
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        h.press(KeyEvent(.end), KeyEvent(.up))  // revision 2
        h.press(.char(" "))
        #expect((h.app.currentScreen as? HistoryScreen)?.marked == 2)
        h.press(KeyEvent(.home), KeyEvent(.down))  // revision 6
        h.press(Self.enter)
        let diff = try #require((h.app.currentScreen as? RevisionDiffScreen)?.diff)
        #expect((diff.from, diff.to) == (2, 6))
        #expect(diff.exact)
        #expect(diff.changes.contains(DocumentDiff.Change(path: Self.value, old: .text("≥1500吨"), new: .text("≥1800吨"))))
        #expect(diff.changes.contains { $0.path == CellPath.indicator(project: "p-1", row: "r-2", column: .name) && $0.new == nil })
        // Neither the review log nor the comments are cells of the diff.
        #expect(!diff.changes.contains { !RevisionDiff.isContent($0.path) })
        let text = h.screenText
        #expect(text.contains("第 2 版 → 第 6 版"))
        #expect(text.contains("项目 1「办公经费」 · 指标 第 1 行 · 指标值"))
        #expect(text.contains("- ≥1500吨"))
        #expect(text.contains("+ ≥1800吨"))
        // A removed row's cells are found in the old revision.
        #expect(text.contains("项目 1「办公经费」 · 指标 第 2 行 （删除）"))
        #expect(text.contains("- 三级指标：群众满意度"))
        #expect(text.contains("2 处变化"))
        h.press(Self.escape)
        #expect(h.app.currentScreen is HistoryScreen)
    }

    @Test func aDiffOfTheReviewRecordAloneSaysSoInsteadOfSame() throws {
        let document = CommentFlowTests.department()
        let submitted = Self.step(.submit, document, by: "li", minute: 4, revision: 1)
        func summary(_ old: DepartmentDocument, _ new: DepartmentDocument) -> String {
            let diff = RevisionDiff(from: 1, to: 2, old: old, new: new, exact: true, sinceReturn: false)
            return RevisionDiffScreen.lines(diff, width: 80, strings: Strings(.chinese), metrics: TextMetrics())[0].text
        }
        #expect(summary(document, submitted) == "两个版本的内容相同，只有审核记录或批注不同（见修订历史）。")
        #expect(summary(submitted, submitted) == "两个版本的内容相同。")
    }

    @Test func enterWithoutAMarkComparesWithTheCurrentRevision() throws {
        let store = try Self.resubmittedStore()
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        h.press(KeyEvent(.end))  // revision 1
        h.press(Self.enter)
        let diff = try #require((h.app.currentScreen as? RevisionDiffScreen)?.diff)
        #expect((diff.from, diff.to) == (1, 7))
        #expect(diff.old == CommentFlowTests.department())
    }

    @Test func aResubmissionSaysWhatChangedSinceItWasReturned() throws {
        let store = try Self.resubmittedStore()
        var h = Self.harness(store)
        h.press(Self.enter)
        // Opening a resubmission reads the history at once, for the count.
        #expect(h.effects.contains(.loadHistory(id: Self.id)))
        #expect(h.department?.changesSinceReturn == 2)
        #expect(h.screenText.contains("自退回以来已修改 2 处（Alt-R 查看）"))
        h.press(.alt("r"))
        let diff = try #require((h.app.currentScreen as? RevisionDiffScreen)?.diff)
        #expect(diff.sinceReturn)
        #expect((diff.from, diff.to) == (4, 7))
        #expect(h.screenText.contains("自退回以来（第 4 版 → 第 7 版）"))
        #expect(h.screenText.contains("+ ≥1800吨"))
        // The same from the history screen with `r`.
        h.press(Self.escape, KeyEvent(.function(8)))
        h.press(.char("r"))
        #expect((h.app.currentScreen as? RevisionDiffScreen)?.diff?.from == 4)
    }

    @Test func aResubmissionOpenedFromTheQueueSaysWhatChangedInTheDocumentView() throws {
        let store = try Self.resubmittedStore()
        var h = Self.harness(store)
        // The review queue opens the document view, not the department screen: the count and
        // Alt-R are there too.
        h.press(.char("v"))
        h.press(Self.enter)
        let view = try #require(h.documentView)
        #expect(view.changesSinceReturn == 2)
        #expect(h.app.view().lines[1].contains("已送审 · 自退回以来已修改 2 处（Alt-R 查看） · 送审：li"))
        h.press(.alt("r"))
        let diff = try #require((h.app.currentScreen as? RevisionDiffScreen)?.diff)
        #expect(diff.sinceReturn)
        #expect((diff.from, diff.to) == (4, 7))
        #expect(h.screenText.contains("+ ≥1800吨"))
        h.press(Self.escape)
        #expect(h.documentView != nil)
    }

    @Test func aLongDiffScrollsAndStopsAtItsEnd() throws {
        let store = FakeStore()
        var document = CommentFlowTests.department()
        Self.save(store, document, by: "li")
        var edits: [CellEdit] = []
        for row in ["r-1", "r-2"] {
            for column in IndicatorRow.Column.allCases {
                edits.append(.set(CellPath.indicator(project: "p-1", row: row, column: column), .text("新的\(row)\(column.rawValue)")))
            }
        }
        document = try document.applying(edits)
        Self.save(store, document, by: "li")
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        h.press(Self.enter)
        #expect(h.screenText.contains("12 处变化"))
        #expect(!h.screenText.contains("新的r-2basis"))
        h.press(KeyEvent(.end))
        let bottom = try #require(h.app.currentScreen as? RevisionDiffScreen).scroll
        #expect(bottom > 0)
        #expect(h.screenText.contains("+ 新的r-2basis"))
        h.press(KeyEvent(.down))
        #expect((h.app.currentScreen as? RevisionDiffScreen)?.scroll == bottom)
        h.press(KeyEvent(.up))
        #expect((h.app.currentScreen as? RevisionDiffScreen)?.scroll == bottom - 1)
        h.press(KeyEvent(.home))
        #expect((h.app.currentScreen as? RevisionDiffScreen)?.scroll == 0)
    }

    @Test func f5ReadsTheHistoryAgain() throws {
        let store = FakeStore()
        let document = CommentFlowTests.department()
        Self.save(store, document, by: "li")
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        #expect((h.app.currentScreen as? HistoryScreen)?.entries.count == 1)
        Self.save(store, try document.applying([.set(Self.value, .text("≥1300吨"))]), by: "li")
        h.press(KeyEvent(.function(5)))
        #expect((h.app.currentScreen as? HistoryScreen)?.entries.map(\.revision) == [2, 1])
    }

    @Test func theFirstRevisionHasNothingEarlierToCompare() throws {
        let store = FakeStore()
        Self.save(store, CommentFlowTests.department(), by: "li")
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(8)))
        h.press(Self.enter)
        #expect(h.app.currentScreen is HistoryScreen)
        #expect(h.screenText.contains("这是第一个版本，没有更早的版本可比较"))
    }

    @Test func aDocumentNeverReturnedSaysSo() throws {
        let store = FakeStore()
        store.put(CommentFlowTests.department())
        var h = Self.harness(store)
        h.press(Self.enter)
        #expect(!h.effects.contains(.loadHistory(id: Self.id)))
        h.press(.alt("r"))
        #expect(h.app.currentScreen is DepartmentScreen)
        #expect(h.screenText.contains("此文档没有退回记录"))
    }

    @Test func aHistoryThatCannotBeReadSaysWhy() throws {
        let store = FakeStore()
        store.put(CommentFlowTests.department())
        var h = Self.harness(store)
        h.press(Self.enter)
        store.documents[Self.id] = nil
        h.press(KeyEvent(.function(8)))
        #expect(h.screenText.contains("no document \(Self.id)"))
    }

    @Test func savesInTheEditorAddHistoryLinesWithTheirComments() throws {
        let store = FakeStore()
        store.recordSaves = true
        Self.save(store, CommentFlowTests.department(), by: "li")
        var h = Self.harness(store)
        h.press(Self.enter)
        h.press(KeyEvent(.function(4)))
        h.type("hello")
        h.press(Self.enter, .ctrl("s"))
        #expect(store.documents[Self.id]?.revision == 2, "\(h.screenText)")
        h.press(KeyEvent(.function(8)))
        let lines = h.app.view().lines
        #expect(try #require(lines.first { $0.contains("第 2 版") }).contains("批注 1 条"))
    }
}
