import Foundation
import Testing

/// The editor and the store's access rules: a save the store refuses reaches the user as the
/// refusal's own message, and the typed text stays in the session and its draft journal.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct AccessEditorEndToEndTests {
    @Test func aRefusedSaveShowsWhyAndKeepsTheTypedText() throws {
        let store = try EditorEndToEndTests.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        // A draft department, imported (the store is single-user so far).
        let text = CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/budget-disclosure.txt").path
        #expect(try CLIProcess.run(["store", "init", "--store", store.path]).status == 0)
        #expect(try CLIProcess.run(["import", text, "--store", store.path]).status == 0)
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, store, waitingFor: "610302")
        try tmux.press("Enter")
        try tmux.waitFor(text: "基本信息")
        try tmux.press("Tab")
        try tmux.press("a")
        try tmux.waitFor(text: "Ctrl-J 或 Alt-Enter 换行")
        try tmux.type("完成背街小巷环境整治。")
        try tmux.press("Enter")
        try tmux.waitFor(text: "完成背街小巷环境整治。")

        // Meanwhile the store gets a configuration in which this account edits nothing.
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        try Data(#"{"version": 1, "reviewers": {"users": ["someone-else"]}, "editors": {}}"#.utf8)
            .write(to: store.appendingPathComponent("access.json"))

        try tmux.press("C-s")
        let refused = try tmux.waitFor(text: "不是部门 610302-2024 的编辑人员").joined(separator: "\n")
        #expect(refused.contains("操作失败：用户 \(me) 不是部门 610302-2024 的编辑人员"))
        #expect(refused.contains("*未保存"))
        #expect(refused.contains("完成背街小巷环境整治。"))
        let journal = store.appendingPathComponent("drafts/\(me)/610302-2024.jsonl").path
        let draft = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
        #expect(draft.contains("完成背街小巷环境整治。"))
    }
}
