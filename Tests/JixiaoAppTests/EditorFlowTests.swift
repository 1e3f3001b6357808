import Foundation
import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// An in-memory store behind the app's effects, as the executable's `EffectPerformer` is
/// behind them on disk: revisions, conflicts, soft delete, drafts, presence.
final class FakeStore {
    var documents: [String: StoredDocument] = [:]
    var deleted: [String: StoredDocument] = [:]
    var drafts: [String: (base: StoredDocument, edits: [CellEdit])] = [:]
    var others: [String: [PresenceEntry]] = [:]
    var libraryRequests = 0
    var closed: [String] = []
    /// History records per department, as a store keeps them (`recordSaves` fills them).
    var history: [String: [HistoryRecord]] = [:]
    var recordSaves = false
    /// When set, saves fail with this message (a store refusing the save).
    var refuseSaves: String?
    /// When set, journal writes fail with this message (a full disk) and change nothing.
    var refuseJournal: String?
    let me = SaverIdentity(user: "zhang", host: "srv", pid: 1)

    func put(_ document: DepartmentDocument, revision: Int = 1, by user: String = "zhang") {
        documents[document.id] = StoredDocument(document: document, revision: revision,
                                                savedBy: SaverIdentity(user: user, host: "srv", pid: 2),
                                                savedAt: "2026-11-23T10:02:00.000Z")
    }

    /// Appends the history record of a save, as the stores write it.
    func record(_ old: DepartmentDocument?, _ new: DepartmentDocument, revision: Int, user: String) {
        let changes = DocumentDiff.recordingOrder(from: old.map(DocumentTree.init), to: DocumentTree(new)).changes
        history[new.id, default: []].append(HistoryRecord(
            kind: .save, revision: revision, baseRevision: revision - 1,
            saver: SaverIdentity(user: user, host: "srv", pid: 1), time: "2026-11-23T10:0\(revision % 10):00.000Z",
            sha256: "", changes: changes))
    }

    /// Someone else saves `edits` on the stored document.
    func otherSaves(_ id: String, _ edits: [CellEdit], user: String = "li") throws {
        let current = documents[id]!
        put(try current.document.applying(edits), revision: current.revision + 1, by: user)
    }

    func listing(_ stored: StoredDocument) -> DepartmentListing {
        var listing = DepartmentListing(stored.document)
        listing.savedBy = stored.savedBy?.user
        listing.savedAt = stored.savedAt
        return listing
    }

    func perform(_ effect: AppEffect) -> [InputEvent] {
        let result: EffectResult?
        switch effect {
        case .quit, .redraw, .copyToClipboard: result = nil
        case .listDepartments:
            result = .departments(DepartmentIndex(listings: documents.values.map(listing)))
        case .listDeleted:
            result = .deletedDepartments(deleted.values.map(listing))
        case .openDepartment(let id):
            guard let stored = documents[id] else {
                result = .failed(EffectFailure(.open, id: id, reason: .notFound, message: "no document \(id)"))
                break
            }
            let draft = drafts[id].map {
                RecoverableDraft(baseRevision: $0.base.revision, base: $0.base.document, edits: $0.edits,
                                 lastEdited: "2026-11-23T09:30:00.000Z")
            }
            result = .opened(OpenedDepartment(stored: stored, others: others[id] ?? [], draft: draft))
        case .saveDepartment(let document, let base):
            let current = documents[document.id]
            if let refusal = refuseSaves {
                result = .failed(EffectFailure(.save, id: document.id, message: refusal))
            } else if let current, current.revision != base {
                result = .saveConflict(current: current)
            } else {
                let revision = (current?.revision ?? 0) + 1
                documents[document.id] = StoredDocument(document: document, revision: revision, savedBy: me)
                if recordSaves { record(current?.document, document, revision: revision, user: me.user) }
                drafts[document.id] = nil
                result = .saved(document, revision: revision, savedBy: me, savedAt: nil)
            }
        case .createDepartment(let document):
            if documents[document.id] != nil || deleted[document.id] != nil {
                result = .failed(EffectFailure(.create, id: document.id, reason: .alreadyExists, message: "exists"))
            } else {
                documents[document.id] = StoredDocument(document: document, revision: 1, savedBy: me)
                result = .created(document)
            }
        case .deleteDepartment(let id):
            deleted[id] = documents.removeValue(forKey: id)
            result = .deleted(id: id)
        case .restoreDepartment(let id):
            documents[id] = deleted.removeValue(forKey: id)
            result = .restored(id: id)
        case .loadSamples:
            result = .samplesLoaded(added: 0, skipped: 0)
        case .loadIndicatorLibrary:
            libraryRequests += 1
            result = .indicatorLibrary(IndicatorLibrary(documents: documents.values.map(\.document)))
        case .journalEdits(let draft):
            let id = draft.base.document.id
            if let refusal = refuseJournal {
                result = .failed(EffectFailure(.journal, id: id, message: refusal))
                break
            }
            if draft.beginsJournal || drafts[id] == nil { drafts[id] = (draft.base, []) }
            drafts[id]!.edits += draft.edits
            result = draft.repairs ? .journalRepaired(id: id) : nil
        case .discardDraft(let id):
            drafts[id] = nil
            result = nil
        case .closeDepartment(let id):
            closed.append(id)
            result = nil
        case .checkPresence(let id):
            result = .presence(id: id, others: others[id] ?? [])
        case .loadHistory(let id):
            guard let latest = documents[id] else {
                result = .failed(EffectFailure(.history, id: id, reason: .notFound, message: "no document \(id)"))
                break
            }
            result = .history(DepartmentHistory(latest: latest, records: history[id] ?? []))
        }
        return result.map { [.result($0)] } ?? []
    }
}

@MainActor
@Suite struct EditorFlowTests {
    static func department(_ code: String = "441001", name: String = "西山街道") -> DepartmentDocument {
        DepartmentDocument(fiscalYear: 2024, unitCode: code, unitName: name,
                           overallGoals: [TextItem(id: "t-1", text: "第一条"), TextItem(id: "t-2", text: "第二条")],
                           subGoals: [SubGoal(id: "g-1", title: "党建", goal: "加强党建", indicatorText: "覆盖率100%")],
                           projects: [Project(id: "p-1", code: "P001", name: "办公经费", budget: Amount(canonical: "10"))])
    }

    /// An app on `store`'s listing, with every effect performed and its result fed back.
    struct Harness {
        var app: App
        let store: FakeStore
        var effects: [AppEffect] = []

        init(store: FakeStore, size: Size = Size(width: 80, height: 24), language: Language = .chinese) {
            self.store = store
            let listings = store.documents.values.map(store.listing)
            app = App(home: DepartmentListScreen(listings: listings),
                      environment: .pinned(strings: Strings(language)), size: size)
        }

        mutating func send(_ events: [InputEvent]) {
            var queue = events
            while !queue.isEmpty {
                let event = queue.removeFirst()
                for effect in app.handle(event) {
                    effects.append(effect)
                    queue += store.perform(effect)
                }
            }
        }

        mutating func press(_ keys: KeyEvent...) { send(keys.map { .key($0) }) }
        mutating func type(_ text: String) { send(text.map { .key(.char($0)) }) }

        var home: DepartmentListScreen? { app.screens.first as? DepartmentListScreen }
        var department: DepartmentScreen? { app.currentScreen as? DepartmentScreen }
        var document: DepartmentDocument? { app.session?.document }
        var screenText: String { app.view().text }
        var quit: Bool { effects.contains { if case .quit = $0 { true } else { false } } }
    }

    static let enter = KeyEvent(.enter), tab = KeyEvent(.tab), escape = KeyEvent(.escape)

    @Test func theFirstOpenAsksOnceForTheStoreWideIndicatorLibrary() {
        let store = FakeStore()
        store.put(Self.department("441001", name: "西山街道"))
        var other = Self.department("441002", name: "东山街道")
        other.projects[0].indicators = [IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "垃圾清运量",
                                                     description: "全年清运生活垃圾", value: "≥1200吨", basis: "合同约定")]
        store.put(other)
        var h = Harness(store: store)
        #expect(h.app.environment.indicatorLibrary.entry(named: "垃圾清运量") == nil)
        h.press(Self.enter)
        #expect(h.document?.unitCode == "441001")
        #expect(store.libraryRequests == 1)
        // Another department's indicators are now offered by the name and basis pickers.
        #expect(h.app.environment.indicatorLibrary.entry(named: "垃圾清运量")?.value == "≥1200吨")
        #expect(h.app.environment.indicatorLibrary.basisChoices.contains("合同约定"))
        h.press(Self.escape)
        h.press(Self.enter)
        #expect(store.libraryRequests == 1)
    }

    @Test func sortCyclesThroughCodeNameStatusAndLastSaved() {
        let store = FakeStore()
        store.put(DepartmentDocument(fiscalYear: 2024, unitCode: "3", unitName: "甲", status: .approved))
        store.put(DepartmentDocument(fiscalYear: 2024, unitCode: "1", unitName: "丙", status: .draft))
        store.put(DepartmentDocument(fiscalYear: 2024, unitCode: "2", unitName: "乙", status: .submitted))
        store.documents["3-2024"]!.savedAt = "2026-11-23T12:00:00.000Z"
        var h = Harness(store: store)
        #expect(h.home?.visible.map(\.unitCode) == ["1", "2", "3"])
        h.press(.char("s"))
        #expect(h.home?.sortKey == .name)
        #expect(h.home?.visible.map(\.unitName) == ["丙", "乙", "甲"].sorted())
        h.press(.char("s"))
        #expect(h.home?.visible.map(\.status) == [.draft, .submitted, .approved])
        h.press(.char("s"))
        #expect(h.home?.visible.first?.unitCode == "3")
        #expect(h.screenText.contains("排序：最近保存"))
    }

    @Test func welcomeThenCreateADepartmentTypedInChinese() {
        let store = FakeStore()
        var h = Harness(store: store)
        #expect(h.screenText.contains("欢迎使用"))
        #expect(h.screenText.contains("载入示例数据"))
        h.press(.char("n"))
        #expect(h.app.acceptsTextEntry)
        h.type("441009")
        h.press(Self.enter)
        h.send([.paste("海滨街道办事处")])
        h.press(Self.enter)
        h.type("2025")
        h.press(Self.enter)
        h.press(KeyEvent(.right))  // 元
        h.press(Self.enter, Self.enter)
        #expect(store.documents["441009-2025"]?.document.unitName == "海滨街道办事处")
        #expect(store.documents["441009-2025"]?.document.moneyUnit == .yuan)
        #expect(h.department != nil)
        #expect(h.document?.id == "441009-2025")
    }

    @Test func duplicateDepartmentIsRefusedAndTheFormComesBack() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Harness(store: store)
        h.press(.char("n"))
        h.type("441001")
        h.press(Self.enter)
        h.type("重复")
        h.press(Self.enter)
        h.type("2024")
        h.press(Self.enter, Self.enter, Self.enter)
        #expect(!h.effects.contains { if case .createDepartment = $0 { true } else { false } })
        #expect(h.app.message?.id == .departmentExists("441001-2024"))
        #expect(h.screenText.contains("已有部门 441001-2024"))
        // The form is shown again with what was typed.
        guard case .form(let form)? = h.app.dialogs.last?.content else {
            Issue.record("the form is not back")
            return
        }
        #expect(form.values.prefix(3) == ["441001", "重复", "2024"])
    }

    @Test func deleteAsksThenRestoreFromTheDeletedView() {
        let store = FakeStore()
        store.put(Self.department())
        store.put(Self.department("441002", name: "东山街道"))
        var h = Harness(store: store)
        h.press(.char("x"))
        #expect(h.screenText.contains("删除 441001 西山街道 2024？"))
        h.press(.char("y"))
        #expect(store.documents["441001-2024"] == nil && store.deleted["441001-2024"] != nil)
        #expect(h.home?.visible.map(\.id) == ["441002-2024"])
        h.press(.char("r"))
        #expect(h.home?.deleted?.map(\.id) == ["441001-2024"])
        #expect(h.screenText.contains("已删除的部门"))
        h.press(Self.enter)
        #expect(store.documents["441001-2024"] != nil)
        #expect(h.home?.deleted?.isEmpty == true)
        h.press(Self.escape)
        #expect(h.home?.visible.map(\.id) == ["441001-2024", "441002-2024"])
    }

    /// Opens the first department.
    static func opened(_ store: FakeStore) -> Harness {
        var h = Harness(store: store)
        h.press(Self.enter)
        return h
    }

    @Test func tabAndShiftTabSwitchSections() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        #expect(h.department?.section == .header)
        #expect(h.screenText.contains("基本信息  总体绩效目标(2)  分项绩效目标(1)  工作保障措施(0)  项目(1)"))
        h.press(Self.tab)
        #expect(h.department?.section == .overallGoals)
        #expect(h.screenText.contains("1. 第一条"))
        h.press(Self.tab, Self.tab, Self.tab)
        #expect(h.department?.section == .projects)
        #expect(h.screenText.contains("办公经费"))
        h.press(Self.tab)
        #expect(h.department?.section == .header)
        h.press(KeyEvent(.tab, .shift))
        #expect(h.department?.section == .projects)
        h.press(Self.enter)
        #expect(h.app.currentScreen is ProjectScreen, "Enter on a project opens its table")
    }

    @Test func itemsAreAddedRemovedReorderedDuplicatedAndUndone() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        h.press(Self.tab, KeyEvent(.end))
        h.press(.char("a"))
        h.type("第三条")
        h.press(.ctrl("j"))
        h.type("续")
        h.press(Self.enter)
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "第二条", "第三条\n续"])
        #expect(h.app.hasUnsavedChanges)
        // Enter on the last item went on to a fourth, empty; Esc ends the list without adding it.
        #expect(h.department?.editor?.target == .newItem(list: "overallGoals", after: h.document?.overallGoals.last?.id))
        h.press(KeyEvent(.escape))
        #expect(h.department?.editor == nil)
        #expect(h.document?.overallGoals.count == 3)
        h.press(.char("K"))
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "第三条\n续", "第二条"])
        #expect(h.department?.selectedRow == 1)
        h.press(KeyEvent(.down, .alt))
        #expect(h.document?.overallGoals.map(\.text) == ["第一条", "第二条", "第三条\n续"])
        h.press(.ctrl("d"))
        #expect(h.document?.overallGoals.count == 4)
        #expect(Set(h.document!.overallGoals.map(\.id)).count == 4)
        h.press(.char("g"), .char("x"))
        #expect(h.document?.overallGoals.map(\.text) == ["第二条", "第三条\n续", "第三条\n续"])
        h.press(.ctrl("z"))
        #expect(h.document?.overallGoals.first?.text == "第一条")
        #expect(h.app.message?.id == .undone("删除总体绩效目标"))
        for _ in 0..<4 { h.press(.ctrl("z")) }
        #expect(h.document == Self.department())
        #expect(!h.app.hasUnsavedChanges)
        h.press(.ctrl("y"))
        #expect(h.document?.overallGoals.count == 3)
        // Every step was journaled: replaying the journal gives the document.
        let draft = store.drafts["441001-2024"]!
        #expect(try draft.base.document.applying(draft.edits) == h.document)
    }

    @Test func subGoalGridEditsTheSelectedColumn() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        h.press(Self.tab, Self.tab, KeyEvent(.right))
        h.press(Self.enter)
        h.press(.ctrl("u"))
        h.type("提高党员教育覆盖面")
        h.press(Self.enter)
        #expect(h.document?.subGoals.first?.goal == "提高党员教育覆盖面")
        h.press(.char("a"))
        h.type("社区治理")
        h.press(Self.enter)
        #expect(h.document?.subGoals.map(\.title) == ["党建", "社区治理"])
        #expect(h.screenText.contains("社区治理"))
    }

    @Test func quitWithUnsavedChangesAsksSaveDiscardCancel() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        h.press(Self.tab, .char("x"))
        h.press(.ctrl("q"))
        #expect(h.screenText.contains("保存(S)") && h.screenText.contains("丢弃修改(D)") && h.screenText.contains("取消(C)"))
        h.press(.char("c"))
        #expect(!h.quit && h.app.dialogs.isEmpty)
        h.press(.ctrl("q"), .char("s"))
        #expect(store.documents["441001-2024"]?.revision == 2)
        #expect(store.documents["441001-2024"]?.document.overallGoals.count == 1)
        #expect(h.quit)

        var d = Self.opened(store)
        d.press(Self.tab, .char("x"))
        #expect(store.drafts["441001-2024"] != nil)
        d.press(.ctrl("q"), .char("d"))
        #expect(d.quit)
        #expect(store.drafts["441001-2024"] == nil)
        #expect(store.documents["441001-2024"]?.revision == 2)
    }

    @Test func leavingWithUnsavedChangesAsksAndSavingThenLeaves() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        h.press(Self.tab, .char("x"), Self.escape)
        #expect(h.screenText.contains("离开部门"))
        h.press(.char("s"))
        #expect(store.documents["441001-2024"]?.revision == 2)
        #expect(h.app.session == nil && h.app.screens.count == 1)
        #expect(store.closed == ["441001-2024"])
    }

    @Test func saveMergesChangesToDifferentCellsAndSaysSo() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        try store.otherSaves("441001-2024", [.set(CellPath.field("overallGoals").item("t-2").field("text"), .text("李四改的"))])
        h.press(Self.tab, Self.enter, .ctrl("u"))
        h.type("张三改的")
        h.press(Self.enter, .ctrl("s"))
        let saved = store.documents["441001-2024"]!
        #expect(saved.revision == 3)
        #expect(saved.document.overallGoals.map(\.text) == ["张三改的", "李四改的"])
        #expect(h.app.message?.id == .mergedChanges(count: 1, user: "li"))
        #expect(!h.app.hasUnsavedChanges)
    }

    @Test func sameCellShowsBothValuesAndTheUserChoosesPerCell() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        try store.otherSaves("441001-2024", [
            .set(CellPath.field("overallGoals").item("t-1").field("text"), .text("李四的第一条")),
            .set(CellPath.field("unitName"), .text("李四的名称")),
        ])
        h.press(Self.tab, Self.enter, .ctrl("u"))
        h.type("张三的第一条")
        h.press(Self.enter, KeyEvent(.tab, .shift), .char("j"), Self.enter, .ctrl("u"))
        h.type("张三的名称")
        h.press(Self.enter, .ctrl("s"))
        // Nothing saved yet: both values are shown, cell by cell.
        #expect(store.documents["441001-2024"]?.revision == 2)
        let text = h.screenText
        #expect(text.contains("保存冲突"))
        #expect(text.contains("总体绩效目标 第 1 条"))
        #expect(text.contains("张三的第一条") && text.contains("李四的第一条") && text.contains("原值：第一条"))
        // The conflicts are sorted by path: overallGoals first, then unitName.
        h.press(.char("t"), KeyEvent(.down), .char("m"), Self.enter)
        let saved = store.documents["441001-2024"]!
        #expect(saved.revision == 3)
        #expect(saved.document.overallGoals[0].text == "李四的第一条")
        #expect(saved.document.unitName == "张三的名称")
        #expect(h.app.message?.id == .conflictsResolved(mine: 1, theirs: 1))
    }

    @Test func escapingTheConflictDialogSavesNothingAndAsksAgain() throws {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        try store.otherSaves("441001-2024", [.set(CellPath.field("unitName"), .text("李四的名称"))])
        h.press(.char("j"), Self.enter, .ctrl("u"))
        h.type("张三的名称")
        h.press(Self.enter, .ctrl("s"), Self.escape)
        #expect(store.documents["441001-2024"]?.revision == 2)
        #expect(h.app.hasUnsavedChanges)
        h.press(.ctrl("s"))
        #expect(h.screenText.contains("保存冲突"))
        h.press(.char("T"), Self.enter)
        #expect(store.documents["441001-2024"]?.document.unitName == "李四的名称")
    }

    @Test func openingShowsWhoElseHasItOpenAndOffersTheDraft() throws {
        let store = FakeStore()
        store.put(Self.department())
        let entry = try JSONDecoder().decode(PresenceEntry.self, from: Data(
            #"{"user":"li","host":"srv","pid":9,"since":"2020-01-02T10:02:00.000Z"}"#.utf8))
        store.others["441001-2024"] = [entry]
        store.drafts["441001-2024"] = (store.documents["441001-2024"]!, [.delete(CellPath.field("overallGoals").item("t-1"))])
        var h = Self.opened(store)
        #expect(h.screenText.contains("恢复未保存的修改"))
        #expect(h.screenText.contains("上次有 1 个单元格的修改未保存"))
        h.press(.char("r"))
        #expect(h.document?.overallGoals.map(\.id) == ["t-2"])
        #expect(h.app.hasUnsavedChanges)
        #expect(h.screenText.contains("li 自 "))
        #expect(h.screenText.contains("也打开了此部门"))
    }

    @Test func aDraftOnAnOlderRevisionIsMergedWithTheCurrentOne() throws {
        let store = FakeStore()
        store.put(Self.department())
        let old = store.documents["441001-2024"]!
        store.drafts["441001-2024"] = (old, [.set(CellPath.field("overallGoals").item("t-1").field("text"), .text("草稿"))])
        try store.otherSaves("441001-2024", [.set(CellPath.field("overallGoals").item("t-2").field("text"), .text("新版"))])
        var h = Self.opened(store)
        h.press(.char("r"))
        #expect(h.document?.overallGoals.map(\.text) == ["草稿", "新版"])
        #expect(h.app.session?.base.revision == 2)
        h.press(.ctrl("s"))
        #expect(store.documents["441001-2024"]?.document.overallGoals.map(\.text) == ["草稿", "新版"])
    }

    @Test func headerFieldsEditYearAndMoneyUnit() {
        let store = FakeStore()
        store.put(Self.department())
        var h = Self.opened(store)
        h.press(.char("j"), .char("j"), Self.enter, .ctrl("u"))
        h.type("二〇二五")
        h.press(Self.enter)
        #expect(h.app.message?.kind == .error)
        h.press(.ctrl("u"))
        h.type("2025")
        h.press(Self.enter)
        #expect(h.document?.fiscalYear == 2025)
        h.press(.char("j"), Self.enter, KeyEvent(.down), Self.enter)
        #expect(h.document?.moneyUnit == .yuan)
    }
}

@MainActor
@Suite struct EditorLayoutTests {
    /// Every section, with and without the field editor and dialogs, at the smallest usable
    /// size and larger ones: every row is exactly the window's width (nothing spills or splits).
    @Test(arguments: [Size(width: 50, height: 12), Size(width: 60, height: 15), Size(width: 80, height: 24),
                      Size(width: 120, height: 40)])
    func everySectionFitsTheWindow(_ size: Size) {
        let store = FakeStore()
        var long = EditorFlowTests.department()
        long.overallGoals.append(TextItem(text: String(repeating: "完善居家社区养老服务网络，", count: 12)))
        store.put(long)
        var h = EditorFlowTests.Harness(store: store, size: size)
        func check(_ what: String) {
            for line in h.app.view().lines {
                #expect(TextMetrics().width(of: line) == size.width, "\(what) at \(size): \(line)")
            }
        }
        check("home")
        h.press(EditorFlowTests.enter)
        for section in DepartmentScreen.Section.allCases {
            check("\(section)")
            if section != .projects {
                h.press(KeyEvent(.end), EditorFlowTests.enter)
                check("\(section) editing")
                h.press(EditorFlowTests.escape)
            }
            h.press(EditorFlowTests.tab)
        }
        h.press(EditorFlowTests.tab, .char("x"), .ctrl("q"))
        check("quit question")
    }
}
