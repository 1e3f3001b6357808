import Foundation
import Testing

/// The editor and the store's access rules: a save the store refuses reaches the user as the
/// refusal's own message, and the typed text stays in the session and its draft journal.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct AccessEditorEndToEndTests {
    @Test func aRefusedSaveShowsWhyAndKeepsTheTypedText() throws {
        let store = try EditorEndToEndTests.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, store, waitingFor: "欢迎使用")

        // A new department (saved as revision 1 while the store is single-user), then an edit.
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
        try tmux.press("Tab")
        try tmux.waitFor(text: "还没有条目")
        try tmux.press("a")
        try tmux.waitFor(text: "Ctrl-J 或 Alt-Enter 换行")
        try tmux.type("完成背街小巷环境整治。")
        try tmux.press("Enter")
        try tmux.waitFor(text: "1. 完成背街小巷环境整治。")

        // Meanwhile the store gets a configuration in which this account edits nothing.
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        try Data(#"{"version": 1, "reviewers": {"users": ["someone-else"]}, "editors": {}}"#.utf8)
            .write(to: store.appendingPathComponent("access.json"))

        try tmux.press("C-s")
        let refused = try tmux.waitFor(text: "不是部门 441088-2025 的编辑人员").joined(separator: "\n")
        #expect(refused.contains("操作失败：用户 \(me) 不是部门 441088-2025 的编辑人员"))
        #expect(refused.contains("*未保存"))
        #expect(refused.contains("1. 完成背街小巷环境整治。"))
        let journal = store.appendingPathComponent("drafts/\(me)/441088-2025.jsonl").path
        let draft = (try? String(contentsOfFile: journal, encoding: .utf8)) ?? ""
        #expect(draft.contains("完成背街小巷环境整治。"))
    }
}
