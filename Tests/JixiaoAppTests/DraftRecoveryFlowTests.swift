import Foundation
import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// Honest drafts, through the whole app on the in-memory store: the journal stands for what
/// differs from the stored revision, a restore offer says which cells, a restore lands on the
/// last edited cell, and a failed journal write is shown until the journal is whole again.
@MainActor
@Suite struct DraftRecoveryFlowTests {
    typealias Harness = EditorFlowTests.Harness
    static let id = "441001-2024"
    static let enter = KeyEvent(.enter), tab = KeyEvent(.tab)

    static func store() -> FakeStore {
        let store = FakeStore()
        store.put(DocumentSessionTests.document())
        return store
    }

    static func opened(_ store: FakeStore) -> Harness { EditorFlowTests.opened(store) }

    /// The bottom line of the screen.
    static func statusBar(_ h: Harness) -> String { String(h.screenText.split(separator: "\n").last ?? "") }

    static func offer(_ h: Harness) -> String? {
        guard case .choice(let choice)? = h.app.dialogs.last?.content else { return nil }
        return choice.message
    }

    /// Overall goal 1 retyped on the department screen.
    static func retypeFirstGoal(_ h: inout Harness, _ text: String) {
        h.press(Self.tab, Self.enter, .ctrl("u"))
        h.type(text)
        h.press(Self.enter)
    }

    @Test func undoBackToTheSavedStateLeavesNoDraftAndReopeningOffersNothing() {
        let store = Self.store()
        var h = Self.opened(store)
        Self.retypeFirstGoal(&h, "改过的第一条")
        #expect(store.drafts[Self.id]?.edits.count == 1)
        h.press(.ctrl("z"))
        #expect(store.drafts[Self.id] == nil)
        h.press(.ctrl("q"))
        #expect(h.quit && h.app.dialogs.isEmpty)
        let again = Self.opened(store)
        #expect(again.app.dialogs.isEmpty)
        #expect(!again.screenText.contains("恢复未保存的修改"))
        #expect(again.document == DocumentSessionTests.document())
    }

    @Test func aDraftThatAddsUpToNothingIsDroppedWithoutAsking() {
        let store = Self.store()
        let path = CellPath.field("overallGoals").item("t-1").field("text")
        // An older journal: typed over, then typed back, 46 lines that change nothing.
        var edits: [CellEdit] = []
        for n in 0..<23 { edits += [.set(path, .text("临时\(n)")), .set(path, .text("第一条"))] }
        store.drafts[Self.id] = (store.documents[Self.id]!, edits)
        let h = Self.opened(store)
        #expect(h.app.dialogs.isEmpty)
        #expect(store.drafts[Self.id] == nil)
        #expect(h.department != nil)
    }

    @Test func theOfferCountsChangedCellsAndNamesTheFirstInWords() throws {
        let store = Self.store()
        let name = CellPath.indicator(project: "p-1", row: "r-1", column: .name)
        store.drafts[Self.id] = (store.documents[Self.id]!, [
            .set(CellPath.field("unitName"), .text("东山街道")),
            .set(name, .text("培训人数")),
            .set(name, .text("培训场次")),
            .set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("≥95%")),
            .set(CellPath.project("p-1", "purpose"), .text("会议与培训")),
            .set(CellPath.field("overallGoals").item("t-2").field("text"), .text("改过的第二条")),
        ])
        let h = Self.opened(store)
        let offer = try #require(Self.offer(h))
        // Six journal lines, five cells: the name was typed twice.
        #expect(offer.hasPrefix("上次有 5 个单元格的修改未保存"))
        #expect(offer.contains("总体绩效目标 第 2 条；项目 1「办公经费」 · 指标 第 1 行 · 三级指标；项目 1「办公经费」 · 指标 第 2 行 · 指标值；另有 2 处"))
        #expect(h.screenText.contains("上次有 5 个单元格的修改未保存"))

        let english = EditorFlowTests.Harness(store: store, language: .english)
        var e = english
        e.press(Self.enter)
        let englishOffer = try #require(Self.offer(e))
        #expect(englishOffer.hasPrefix("5 changed cell(s) were not saved last time"))
        #expect(englishOffer.contains("Overall goals item 2; Project 1「办公经费」 · indicator row 1 · "))
        #expect(englishOffer.contains("; 2 more."))
    }

    @Test func aRestoreLandsOnTheLastEditedCell() throws {
        let store = Self.store()
        store.drafts[Self.id] = (store.documents[Self.id]!, [
            .set(CellPath.field("unitName"), .text("东山街道")),
            .set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("≥95%")),
        ])
        var h = Self.opened(store)
        h.press(.char("r"))
        #expect(h.document?.projects[0].indicators[1].value == "≥95%")
        let grid = try #require(h.app.currentScreen as? ProjectScreen)
        #expect(grid.focus == .grid)
        #expect(grid.grid.row == 1 && grid.grid.column == .value)
        #expect(h.app.message?.id == .draftRestored(2))
        // Esc leaves the project for the department screen, on the project's row.
        h.press(KeyEvent(.escape))
        #expect(h.department?.section == .projects)

        // A draft ending on a department-level cell opens on that field.
        let other = Self.store()
        other.drafts[Self.id] = (other.documents[Self.id]!, [
            .set(CellPath.project("p-1", "purpose"), .text("会议与培训")),
            .set(CellPath.field("safeguards").item("s-1").field("text"), .text("压实责任")),
        ])
        var d = Self.opened(other)
        d.press(.char("r"))
        #expect(d.department?.section == .safeguards && d.department?.selectedRow == 0)
    }

    @Test func aFailedJournalWriteIsShownUntilTheWholeJournalIsWrittenAgain() throws {
        let store = Self.store()
        var h = Self.opened(store)
        store.refuseJournal = "设备上没有空间"
        Self.retypeFirstGoal(&h, "第一条（已修订）")
        #expect(h.app.message?.id == .draftNotWritten("设备上没有空间"))
        #expect(h.screenText.contains("草稿未写入，修改仍在编辑器中，请尽快保存。原因：设备上没有空间"))
        #expect(Self.statusBar(h).contains("!草稿未写入"))
        #expect(store.drafts[Self.id] == nil)
        // Moving on clears the message line but not the warning.
        h.press(KeyEvent(.down))
        #expect(h.app.message == nil)
        #expect(Self.statusBar(h).contains("!草稿未写入"))

        // Space again: the next commit writes the whole session, both edits.
        store.refuseJournal = nil
        h.press(Self.enter, .ctrl("u"))
        h.type("第二条（已修订）")
        h.press(Self.enter)
        #expect(!Self.statusBar(h).contains("草稿未写入"))
        #expect(h.app.message?.id == .draftRewritten)
        let draft = try #require(store.drafts[Self.id])
        #expect(draft.edits.count == 2)
        #expect(try draft.base.document.applying(draft.edits) == h.document)

        // As after kill -9: a new editor offers both cells and restores them.
        var again = Self.opened(store)
        #expect(Self.offer(again)?.hasPrefix("上次有 2 个单元格的修改未保存") == true)
        again.press(.char("r"))
        #expect(again.document?.overallGoals.map(\.text) == ["第一条（已修订）", "第二条（已修订）"])
    }

    @Test func theWarningFitsTheProjectScreensStatusBarAt80Columns() throws {
        let store = Self.store()
        var h = Self.opened(store)
        h.press(Self.tab, Self.tab, Self.tab, Self.tab, Self.enter)
        let grid = try #require(h.app.currentScreen as? ProjectScreen)
        #expect(grid.focus == .grid)
        store.refuseJournal = "权限不够"
        h.type("培训人数")
        h.press(Self.enter)
        let bar = Self.statusBar(h)
        #expect(bar.contains("*未保存") && bar.contains("!草稿未写入"), "\(bar)")
        store.refuseJournal = nil
        h.press(KeyEvent(.down))
        h.type("满意度调查")
        h.press(Self.enter)
        #expect(!Self.statusBar(h).contains("草稿未写入"))
        let draft = try #require(store.drafts[Self.id])
        #expect(try draft.base.document.applying(draft.edits) == h.document)
        let cells = try #require(h.document?.projects[0].indicators).flatMap { row in IndicatorRow.Column.allCases.map { row[$0] } }
        #expect(cells.contains("培训人数") && cells.contains("满意度调查"))
    }

    /// A clock the test moves.
    final class Clock: @unchecked Sendable {
        var now = AppEnvironment.testNow
    }

    /// An open department on a moving clock whose first goal was retyped as `text` while the
    /// journal refused writes with `refusal`.
    static func behind(_ refusal: String, after text: String) -> (FakeStore, Harness, Clock) {
        let store = Self.store()
        var h = Self.opened(store)
        let clock = Clock()
        h.app.environment.now = { clock.now }
        store.refuseJournal = refusal
        Self.retypeFirstGoal(&h, text)
        return (store, h, clock)
    }

    @Test func oncePressedKeysRetryTheRewriteEveryFewSecondsWithoutANewCommit() throws {
        var (store, h, clock) = Self.behind("设备上没有空间", after: "断网时改的第一条")
        #expect(h.app.session?.journalBehind == true)
        store.refuseJournal = nil
        // Within the interval a key does not touch the journal.
        clock.now += 4
        h.press(KeyEvent(.down))
        #expect(store.drafts[Self.id] == nil)
        #expect(Self.statusBar(h).contains("!草稿未写入"))
        // Past it, the next key writes the whole journal: nothing had to be committed again.
        clock.now += 2
        h.press(KeyEvent(.up))
        let draft = try #require(store.drafts[Self.id])
        #expect(try draft.base.document.applying(draft.edits).overallGoals.first?.text == "断网时改的第一条")
        #expect(!Self.statusBar(h).contains("草稿未写入"))
        #expect(h.app.message?.id == .draftRewritten)
    }

    @Test func aRetryThatFailsAgainKeepsTheWarningWithoutRepeatingTheMessage() {
        var (store, h, clock) = Self.behind("权限不够", after: "改过")
        #expect(h.app.message?.id == .draftNotWritten("权限不够"))
        clock.now += 6
        h.press(KeyEvent(.down))
        #expect(h.app.message == nil)
        #expect(Self.statusBar(h).contains("!草稿未写入"))
        // Undo back to the stored document: nothing left to journal, so the warning goes.
        clock.now += 6
        store.refuseJournal = nil
        h.press(.ctrl("z"))
        #expect(h.document == DocumentSessionTests.document())
        #expect(h.app.session?.journalBehind == false)
        #expect(store.drafts[Self.id] == nil)
    }

    @Test func aSaveEndsTheWarningEvenIfTheJournalNeverCaughtUp() {
        let store = Self.store()
        var h = Self.opened(store)
        store.refuseJournal = "权限不够"
        Self.retypeFirstGoal(&h, "改过")
        #expect(h.app.session?.journalBehind == true)
        h.press(.ctrl("s"))
        #expect(store.documents[Self.id]?.revision == 2)
        #expect(h.app.session?.journalBehind == false)
        #expect(!Self.statusBar(h).contains("草稿未写入"))
    }
}
