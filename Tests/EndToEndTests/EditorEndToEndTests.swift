import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// The department browser and editor as a user drives them: typing Chinese, saving, quitting,
/// reopening; and two editors on one department at the same time.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct EditorEndToEndTests {
    static func emptyStore() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Starts jixiao on `store` in `tmux` (on a cleared screen, so nothing of an earlier run
    /// matches) and waits for `text`.
    static func start(_ tmux: TmuxSession, _ store: URL, waitingFor text: String) throws {
        try tmux.type("clear; " + TerminalEndToEndTests.command(store))
        try tmux.press("Enter")
        try tmux.waitFor(text: text)
    }

    /// Starts jixiao again in the shell of an editor that was killed: the tty is still raw, so
    /// Ctrl-J ends the line and stty puts the modes back.
    static func restartAfterKill(_ tmux: TmuxSession, _ store: URL, waitingFor text: String) throws {
        try tmux.type("stty sane; clear; " + TerminalEndToEndTests.command(store))
        try tmux.press("C-j")
        try tmux.waitFor(text: text)
    }

    @Test func createFillSaveQuitReopen() throws {
        let store = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try Self.start(tmux, store, waitingFor: "欢迎使用")

        // New department: code, name typed in Chinese, year; money unit and framework as offered.
        try tmux.press("n")
        try tmux.waitFor(text: "新建部门")
        try tmux.type("441088")
        try tmux.press("Enter")
        try tmux.type("海滨街道办事处")
        try tmux.press("Enter")
        try tmux.type("2025")
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.press("Enter")
        try tmux.waitFor { $0.joined().contains("基本信息") && $0.joined().contains("海滨街道办事处") }

        // 总体绩效目标: two items.
        try tmux.press("Tab")
        try tmux.waitFor(text: "还没有条目")
        try tmux.press("a")
        try tmux.waitFor(text: "Ctrl-J 或 Alt-Enter 换行")
        try tmux.type("提升为民服务水平，办事群众满意率不低于95%。")
        try tmux.press("Enter")
        // Enter on the last item goes on with the next one; Esc on the empty third ends the list.
        try tmux.waitFor(text: "总体绩效目标 第 2 条")
        try tmux.type("完成背街小巷环境整治。")
        try tmux.press("Enter")
        try tmux.waitFor(text: "总体绩效目标 第 3 条")
        try tmux.press("Escape")
        try tmux.waitFor(text: "2. 完成背街小巷环境整治。")
        // 分项绩效目标: one, with its goal.
        try tmux.press("Tab")
        try tmux.press("a")
        try tmux.waitFor(text: "新增分项绩效目标")
        try tmux.type("党建引领")
        try tmux.press("Enter")
        try tmux.press("Right")
        try tmux.press("Enter")
        try tmux.type("加强基层党组织建设")
        try tmux.press("Enter")
        let filled = try tmux.waitFor(text: "加强基层党组织建设")
        #expect(filled.joined().contains("*未保存"))
        try tmux.press("C-s")
        // Revision 1 was the empty department the form created.
        try tmux.waitFor(text: "已保存（第 2 版）")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")

        // Reopen: everything is there.
        try Self.start(tmux, store, waitingFor: "441088")
        try tmux.press("Enter")
        try tmux.waitFor(text: "总体绩效目标(2)  分项绩效目标(1)")
        try tmux.press("Tab")
        let goals = try tmux.waitFor(text: "1. 提升为民服务水平").joined(separator: "\n")
        #expect(goals.contains("2. 完成背街小巷环境整治。"))
        try tmux.press("Tab")
        let subGoals = try tmux.waitFor(text: "党建引领").joined(separator: "\n")
        #expect(subGoals.contains("加强基层党组织建设"))
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")

        // `jixiao list` shows it.
        let binary = TmuxSession.jixiaoBinary ?? "jixiao"
        try tmux.type("clear; '\(binary)' list --store '\(store.path)'")
        try tmux.press("Enter")
        let listed = try tmux.waitFor(text: "441088-2025").joined(separator: "\n")
        #expect(listed.contains("海滨街道办事处"))
    }

    @Test func twoEditorsOnOneDepartmentMergeOrAsk() throws {
        let store = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let fileStore = try FileDocumentStore(root: store.path)
        let document = DepartmentDocument(fiscalYear: 2024, unitCode: "441001", unitName: "西山街道",
                                          overallGoals: [TextItem(id: "t-1", text: "第一条"), TextItem(id: "t-2", text: "第二条")])
        _ = try fileStore.save(document, base: 0)
        let a = try TmuxSession(), b = try TmuxSession()
        defer { a.close(); b.close() }
        try Self.start(a, store, waitingFor: "441001")
        try a.press("Enter")
        try a.waitFor(text: "总体绩效目标(2)")
        try Self.start(b, store, waitingFor: "441001")
        try b.press("Enter")
        // B sees that A has it open.
        try b.waitFor(text: "也打开了此部门")

        func edit(_ tmux: TmuxSession, row: Int, to text: String) throws {
            try tmux.press("Tab")
            try tmux.press("g")
            for _ in 0..<row { try tmux.press("j") }
            try tmux.press("Enter")
            try tmux.waitFor(text: "Esc 取消")
            try tmux.press("C-u")
            try tmux.type(text)
            try tmux.press("Enter")
            try tmux.waitFor(text: text)
            // Enter on the last of the two items went on with a third: Esc ends the list.
            if row == 1 { try tmux.press("Escape") }
            try tmux.press("BTab")
        }

        // Different items: both saves succeed and the store holds both.
        try edit(a, row: 0, to: "甲改第一条")
        try a.press("C-s")
        try a.waitFor(text: "已保存（第 2 版）")
        try edit(b, row: 1, to: "乙改第二条")
        try b.press("C-s")
        try b.waitFor(text: "自动合并并保存")
        var stored = try fileStore.load(id: "441001-2024")
        #expect(stored.revision == 3)
        #expect(stored.document.overallGoals.map(\.text) == ["甲改第一条", "乙改第二条"])

        // The same item: the second save shows both values and lets B choose.
        try edit(a, row: 0, to: "甲再改")
        try a.press("C-s")
        // A's base is revision 2 and B's merge made 3: A's save merges B's change in.
        try a.waitFor(text: "自动合并并保存")
        stored = try fileStore.load(id: "441001-2024")
        #expect(stored.revision == 4)
        #expect(stored.document.overallGoals.map(\.text) == ["甲再改", "乙改第二条"])
        try edit(b, row: 0, to: "乙再改")
        try b.press("C-s")
        let conflict = try b.waitFor(text: "保存冲突").joined(separator: "\n")
        #expect(conflict.contains("我的：乙再改"))
        #expect(conflict.contains("对方：甲再改"))
        #expect(try fileStore.load(id: "441001-2024").document.overallGoals[0].text == "甲再改")
        try b.press("t")
        try b.press("Enter")
        try b.waitFor(text: "冲突已解决")
        stored = try fileStore.load(id: "441001-2024")
        #expect(stored.document.overallGoals.map(\.text) == ["甲再改", "乙改第二条"])
        try a.press("C-q")
        try a.waitForLine("EXIT=0")
        try b.press("C-q")
        try b.waitForLine("EXIT=0")
    }

    @Test func editsSurviveAKilledEditorAndAreOfferedBack() throws {
        let store = try Self.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let fileStore = try FileDocumentStore(root: store.path)
        _ = try fileStore.save(DepartmentDocument(fiscalYear: 2024, unitCode: "441001", unitName: "西山街道"), base: 0)
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try Self.start(tmux, store, waitingFor: "441001")
        try tmux.press("Enter")
        try tmux.waitFor(text: "基本信息")
        try tmux.press("Tab")
        try tmux.press("a")
        try tmux.type("断线前录入的目标")
        try tmux.press("Enter")
        try tmux.waitFor(text: "1. 断线前录入的目标")
        // The connection drops hard: no chance to save or to clean up.
        let pid = try #require(try TerminalEndToEndTests.editorPID(tmux), "the editor process was not found")
        kill(pid, SIGKILL)
        // Nobody restored the terminal: raw mode, so the shell's output has no carriage returns.
        // The shell writes from wherever the cursor was, so the line may wrap: search the joined rows.
        try tmux.waitFor { $0.joined().contains("EXIT=137") }
        #expect(try fileStore.load(id: "441001-2024").document.overallGoals.isEmpty)

        // In raw mode Enter sends CR, which the shell does not take as the end of a line: LF does.
        // The list's own line: the killed editor's last frame also shows "441001" until cleared.
        try Self.restartAfterKill(tmux, store, waitingFor: "排序：单位编码")
        try tmux.press("Enter")
        let offer = try tmux.waitFor(text: "恢复未保存的修改").joined(separator: "\n")
        #expect(offer.contains("上次有 1 个单元格的修改未保存"))
        try tmux.press("r")
        // The restore lands on the last edited cell: the goal, in its section.
        try tmux.waitFor(text: "1. 断线前录入的目标")
        try tmux.press("C-s")
        try tmux.waitFor(text: "已保存（第 2 版）")
        #expect(try fileStore.load(id: "441001-2024").document.overallGoals.map(\.text) == ["断线前录入的目标"])
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }
}
