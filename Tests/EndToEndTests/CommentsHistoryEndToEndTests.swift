import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// Comments and history with the real binary under tmux at 80×24: a Chinese comment on a
/// grid cell, saved; after a restart the cell is marked and the comment shows; the history
/// screen lists both revisions.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct CommentsHistoryEndToEndTests {
    @Test func aCommentOnACellIsMarkedAfterReopeningAndTheHistoryListsIt() throws {
        let (store, id) = try ProjectScreenEndToEndTests.makeStore(withProject: true)
        defer { try? FileManager.default.removeItem(at: store) }

        var tmux = try ProjectScreenEndToEndTests.start(store)
        try ProjectScreenEndToEndTests.openProjects(tmux)
        try tmux.press("Enter")
        try tmux.waitFor(text: "项目绩效目标表")
        // Alt-M on the first cell (一级指标 of the first row), a comment typed in Chinese.
        try tmux.press("M-m")
        try tmux.waitFor(text: "添加批注")
        try tmux.type("请补充指标值依据")
        try tmux.press("Enter")
        try tmux.waitFor(text: "已添加批注")
        try tmux.press("C-s")
        try tmux.waitFor(text: "已保存")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
        tmux.close()

        let saved = try FileDocumentStore(root: store.path).load(id: id)
        #expect(saved.revision == 2)
        #expect(saved.document.comments.map(\.text) == ["请补充指标值依据"])
        #expect(saved.document.comments.first?.cell == CellPath.indicator(project: "p-1", row: "r-1", column: .level1))

        // A new process: the cell is marked, and with the cursor on it the comment shows.
        tmux = try ProjectScreenEndToEndTests.start(store)
        defer { tmux.close() }
        try ProjectScreenEndToEndTests.openProjects(tmux)
        try tmux.press("Enter")
        let grid = try tmux.waitFor(text: "请补充指标值依据")
        let row = grid.first { $0.hasPrefix(">") } ?? ""
        #expect(row.contains("产出指标") && row.contains("*"), "the commented cell is marked: \(row)")
        #expect(grid.contains { $0.contains("* 批注") && $0.contains("请补充指标值依据") })

        // The history: the comment's revision and the first one.
        try tmux.press("F8")
        let history = try tmux.waitFor { $0.joined().contains("第 2 版") && $0.joined().contains("第 1 版") }
        #expect(history.contains { $0.contains("第 2 版") && $0.contains("批注 1 条") })
        #expect(history.contains { $0.contains("第 1 版") && $0.contains("新建") })
        try tmux.press("Escape")
        try tmux.waitFor(text: "项目绩效目标表")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    /// A department returned and resubmitted, saved revision by revision as the workflow does.
    static func resubmittedStore() throws -> (URL, String) {
        let (directory, id) = try ProjectScreenEndToEndTests.makeStore(withProject: true)
        let store = try FileDocumentStore(root: directory.path)
        let user = SaverIdentity.current().user
        var document = try store.load(id: id).document
        func save() throws {
            let current = try store.load(id: id)
            _ = try store.save(document, base: current.revision)
        }
        func step(_ action: ReviewAction, revision: Int, comment: String = "") {
            document.status = action.target(from: document.status)!
            document.reviewLog.append(ReviewEvent(action: action, user: user, time: "2026-11-23T10:0\(revision):00Z",
                                                  comment: comment, revision: revision))
        }
        document.projects[0].indicators[0].value = "≥1000份"
        try save()                                       // 2
        step(.submit, revision: 2); try save()           // 3
        step(.return, revision: 3, comment: "指标值偏低"); try save()  // 4
        step(.reopen, revision: 4)
        document.projects[0].indicators[0].value = "≥1500份"
        try save()                                       // 5
        step(.submit, revision: 5); try save()           // 6
        return (directory, id)
    }

    @Test func aReviewerSeesWhatChangedSinceTheReturn() throws {
        let (store, _) = try Self.resubmittedStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let tmux = try ProjectScreenEndToEndTests.start(store)
        defer { tmux.close() }
        try tmux.press("Enter")
        try tmux.waitFor(text: "自退回以来已修改 1 处（Alt-R 查看）")
        try tmux.press("M-r")
        let diff = try tmux.waitFor(text: "自退回以来（第 3 版 → 第 6 版）")
        let text = diff.joined(separator: "\n")
        #expect(text.contains("指标 第 1 行 · 指标值"), "\(text)")
        #expect(text.contains("- ≥1000份"))
        #expect(text.contains("+ ≥1500份"))
        try tmux.press("Escape")
        try tmux.press("F8")
        let history = try tmux.waitFor(text: "退回：指标值偏低")
        #expect(history.contains { $0.contains("第 6 版") && $0.contains("送审") })
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }
}
