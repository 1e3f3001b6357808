import Foundation
import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// Live refresh in the app core: a `.storeChanged` hint becomes the reloads of what is shown,
/// and nothing more.
@MainActor
@Suite struct LiveRefreshTests {
    typealias Harness = EditorFlowTests.Harness

    static func entry(_ user: String, pid: Int32) throws -> PresenceEntry {
        try JSONDecoder().decode(PresenceEntry.self, from: Data(
            #"{"user":"\#(user)","host":"srv","pid":\#(pid),"since":"2020-01-02T10:02:00.000Z"}"#.utf8))
    }

    /// The store effects of the harness since `start`, the journal left out.
    static func reloads(_ h: Harness, since start: Int) -> [AppEffect] {
        Array(h.effects[start...])
    }

    @Test func theHomeScreenShowsAnotherEditorsSaveAndKeepsTheSelection() throws {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        store.put(EditorFlowTests.department("441002", name: "东山街道"))
        var h = Harness(store: store)
        h.press(KeyEvent(.down))
        #expect(h.home?.selected?.id == "441002-2024")
        #expect(!h.screenText.contains("li"))
        // Someone else saves 441001 and creates 441000, which sorts first.
        try store.otherSaves("441001-2024", [.set(CellPath.field("unitName"), .text("西山街道办事处"))])
        store.put(EditorFlowTests.department("441000", name: "南山街道"), by: "wang")
        let start = h.effects.count
        h.send([.storeChanged(.documents(["441001-2024", "441000-2024"]))])
        #expect(Self.reloads(h, since: start) == [.listDepartments])
        #expect(h.screenText.contains("西山街道办事处"))
        #expect(h.screenText.contains("南山街道"))
        #expect(h.screenText.contains("li"))
        #expect(h.home?.selected?.id == "441002-2024", "the highlight stays on the department it was on")
    }

    @Test func theDeletedViewIsReadAgainToo() {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = Harness(store: store)
        h.press(.char("r"))
        #expect(h.home?.deleted?.isEmpty == true)
        store.deleted["441001-2024"] = store.documents.removeValue(forKey: "441001-2024")
        let start = h.effects.count
        h.send([.storeChanged(.everything)])
        #expect(Set(Self.reloads(h, since: start)) == [.listDepartments, .listDeleted])
        #expect(h.home?.deleted?.map(\.id) == ["441001-2024"])
        #expect(h.home?.listings.isEmpty == true)
    }

    @Test func thePresenceWarningFollowsOthersOpeningAndClosing() throws {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        #expect(!h.screenText.contains("也打开了此部门"))
        store.others["441001-2024"] = [try Self.entry("li", pid: 9)]
        let start = h.effects.count
        h.send([.storeChanged(.documents(["441001-2024"]))])
        #expect(Self.reloads(h, since: start) == [.checkPresence(id: "441001-2024")])
        #expect(h.app.session?.others.map(\.user) == ["li"])
        #expect(h.screenText.contains("li 自 "))
        #expect(h.app.message?.id == .openedByOthers(user: "li", time: h.app.environment.times.clock("2020-01-02T10:02:00.000Z"), more: 0))
        // A second one joins: announced, counted.
        store.others["441001-2024"] = [try Self.entry("li", pid: 9), try Self.entry("wang", pid: 12)]
        h.send([.storeChanged(.documents(["441001-2024"]))])
        #expect(h.screenText.contains("另有 1 人"))
        #expect(h.app.message?.id == .openedByOthers(user: "wang", time: h.app.environment.times.clock("2020-01-02T10:02:00.000Z"), more: 1))
        // Both leave: the warning goes from the presence line and the message line.
        store.others["441001-2024"] = []
        h.send([.storeChanged(.documents(["441001-2024"]))])
        #expect(h.app.session?.others.isEmpty == true)
        #expect(h.app.message == nil)
        #expect(!h.screenText.contains("也打开了此部门"))
    }

    /// No reload storm: changes to other departments while one is open cost nothing; the
    /// covered home screen is read once, on the way back.
    @Test func changesWhileADepartmentIsOpenReloadTheListOnceOnReturn() throws {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        store.put(EditorFlowTests.department("441002", name: "东山街道"))
        var h = EditorFlowTests.opened(store)
        let start = h.effects.count
        for _ in 0..<20 {
            try store.otherSaves("441002-2024", [.set(CellPath.field("unitName"), .text("东山街道 \(store.documents.count)"))])
            h.send([.storeChanged(.documents(["441002-2024"]))])
        }
        h.send([.storeChanged(.none)])
        #expect(Self.reloads(h, since: start).isEmpty, "nothing shown changed")
        h.send([.storeChanged(.everything)])
        #expect(Self.reloads(h, since: start) == [.checkPresence(id: "441001-2024")], "after a reconnect: re-read presence")
        h.press(EditorFlowTests.escape)
        #expect(h.app.screens.count == 1)
        let back = Self.reloads(h, since: start).filter { $0 == .listDepartments }
        #expect(back.count == 1, "one reload on return, not one per change")
        #expect(h.home?.listings.first { $0.id == "441002-2024" }?.savedBy == "li")
        // The reload's own answer asks for nothing further.
        let after = h.effects.count
        h.send([.result(.departments(DepartmentIndex(listings: [])))])
        #expect(h.effects.count == after)
    }

    @Test func anErrorOnTheMessageLineStaysWhenSomeoneJoins() throws {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        h.send([.result(.failed(EffectFailure(.save, id: "441001-2024", message: "disk full")))])
        #expect(h.app.message?.kind == .error)
        store.others["441001-2024"] = [try Self.entry("li", pid: 9)]
        h.send([.storeChanged(.documents(["441001-2024"]))])
        #expect(h.app.message?.kind == .error, "the error is not pushed off by the presence news")
        #expect(h.screenText.contains("li 自 "), "the presence line says it")
    }

    @Test func aPresenceAnswerForADepartmentNoLongerOpenIsIgnored() throws {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = Harness(store: store)
        h.send([.result(.presence(id: "441001-2024", others: [try Self.entry("li", pid: 9)]))])
        #expect(h.app.message == nil)
        #expect(h.app.session == nil)
    }
}

@Suite struct StoreChangeCoalescerTests {
    @Test func theFirstChangeGoesOutAtOnceAndABurstWaitsForTheSpacing() {
        var coalescer = StoreChangeCoalescer(spacing: 1)
        #expect(coalescer.due(now: 10) == nil)
        #expect(coalescer.take(now: 10) == nil)
        coalescer.add(.documents(["a"]))
        #expect(coalescer.due(now: 10) == 0)
        #expect(coalescer.take(now: 10) == .documents(["a"]))
        coalescer.add(.documents(["b"]))
        coalescer.add(.none)
        coalescer.add(.documents(["c", "b"]))
        #expect(coalescer.due(now: 10.25) == 0.75)
        #expect(coalescer.take(now: 10.25) == nil)
        #expect(coalescer.take(now: 11) == .documents(["b", "c"]))
        #expect(coalescer.pending == .none)
        #expect(coalescer.take(now: 30) == nil)
    }

    @Test func everythingAbsorbsDocumentChanges() {
        var coalescer = StoreChangeCoalescer(spacing: 1)
        coalescer.add(.documents(["a"]))
        coalescer.add(.everything)
        coalescer.add(.documents(["b"]))
        #expect(coalescer.take(now: 0) == .everything)
    }
}
