import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// Issue #7's whole round under tmux with the real binary, each person in their own editor
/// process: an office editor submits from the editor; a reviewer pages from one submission to
/// the next with Ctrl-N, jumps to the finding, comments on its cell and returns the department;
/// the editor sees the comment marked on the cell, fixes the value and resubmits; the reviewer
/// sees the change since the return and approves. Run as root, the editor and the reviewer are
/// temporary OS accounts sharing a setgid store under an access configuration; otherwise the
/// same round runs in a single-user store as the current account.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct ReviewFlowEndToEndTests {
    /// Where the round runs: who the editor and the reviewer are, and how to run jixiao as them.
    struct Stage {
        var editor: String
        var reviewer: String
        var store: String
        /// A jixiao binary both users may run.
        var binary: String
        /// A directory both users may read.
        var shared: String
        var launcher: (_ user: String) throws -> [String]
        var cli: (_ user: String, _ arguments: [String]) throws -> CLIProcess.Result
    }

    /// The department the office edits, imported from the interchange test's disclosure text.
    static let id = "610302-2024"

    @Test func anEditorAndAReviewerTakeASubmissionToApproval() throws {
        if let reason = OSUsers.skipReason(needing: ["jixiao"]) {
            print("ReviewFlowEndToEndTests: multi-user round \(reason); running it in a single-user store instead")
            try singleUserRound()
        } else {
            try multiUserRound()
        }
    }

    func multiUserRound() throws {
        let accounts = OSUsers.Accounts()
        defer { accounts.remove() }
        let shared = try accounts.group("st")
        let editor = try accounts.user("e", primary: shared, others: [])
        let reviewer = try accounts.user("r", primary: shared, others: [])
        let site = try OSUsers.Site(group: shared, tools: ["jixiao"])
        defer { site.remove() }
        let stage = Stage(editor: editor, reviewer: reviewer, store: site.store, binary: site.bin + "/jixiao",
                          shared: site.directory, launcher: OSUsers.launcher(for:),
                          cli: { user, arguments in try site.run(as: user, "jixiao", arguments + ["--store", site.store]) })
        // The reviewer reviews; the office edits its own department only (docs/store.md).
        let configuration = site.directory + "/access.json"
        try Data("""
            {"version": 1, "reviewers": {"users": ["\(reviewer)"]}, "editors": {"610302": {"users": ["\(editor)"]}}}
            """.utf8).write(to: URL(fileURLWithPath: configuration))
        chmod(configuration, 0o644)
        let set = try stage.cli(reviewer, ["store", "access", "--set", configuration])
        try #require(set.status == 0, "\(set.stderr)")
        try round(stage)
    }

    func singleUserRound() throws {
        let store = try EditorEndToEndTests.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let files = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: files) }
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let binary = try #require(TmuxSession.jixiaoBinary)
        let stage = Stage(editor: me, reviewer: me, store: store.path, binary: binary, shared: files.path,
                          launcher: { _ in [] },
                          cli: { _, arguments in try CLIProcess.run(arguments + ["--store", store.path]) })
        try round(stage)
    }

    /// jixiao started as `user` in a fresh 80×24 tmux session, showing the department list.
    static func open(_ stage: Stage, as user: String) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 80, height: 24, launcher: stage.launcher(user))
        // umask 007: files in a shared store stay writable by its group.
        try tmux.type("umask 007; '\(stage.binary)' --store '\(stage.store)'; echo EXIT=$?")
        try tmux.press("Enter")
        try tmux.waitFor(text: "610302")
        return tmux
    }

    static func quit(_ tmux: TmuxSession) throws {
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
        tmux.close()
    }

    static func text(_ screen: [String]) -> String { screen.joined(separator: "\n") }

    func round(_ stage: Stage) throws {
        let started = Date()
        // Two submissions for the queue: the sample 民政局 (submitted in 2024, so first in the
        // queue) installed by the reviewer, and the office's own department, a draft imported
        // from a disclosure text, which the office submits from the editor.
        let demo = try stage.cli(stage.reviewer, ["demo"])
        try #require(demo.status == 0, "\(demo.stderr)")
        let fixture = stage.shared + "/budget-disclosure.txt"
        try FileManager.default.copyItem(
            atPath: CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/budget-disclosure.txt").path,
            toPath: fixture)
        chmod(fixture, 0o644)
        let imported = try stage.cli(stage.editor, ["import", fixture])
        try #require(imported.status == 0, "\(imported.stderr)")

        try officeSubmits(stage)
        try reviewerReturns(stage)
        try officeFixesAndResubmits(stage)
        try reviewerApproves(stage)

        // The record: five steps signed by the right accounts, the return's reason, the grade,
        // the reviewer's comment on the value cell.
        let stored = try FileDocumentStore(root: stage.store).load(id: Self.id).document
        #expect(stored.status == .approved)
        #expect(stored.reviewLog.map(\.action) == [.submit, .return, .reopen, .submit, .approve])
        #expect(stored.reviewLog.map(\.user) == [stage.editor, stage.reviewer, stage.editor, stage.editor, stage.reviewer])
        #expect(stored.reviewLog[1].comment == "保障人数请填写确数")
        #expect(stored.reviewLog[4].grade == .good)
        #expect(stored.reviewLog[4].comment == "修改到位")
        let row = stored.projects[0].indicators[0]
        #expect(row.value == "≥1200人")
        #expect(stored.comments.map(\.text) == ["请写明保障人数的确数"])
        #expect(stored.comments.first?.author == stage.reviewer)
        #expect(stored.comments.first?.cell?.indicatorRowID == row.id)
        #expect(stored.comments.first?.cell?.lastField == "value")
        print("ReviewFlowEndToEndTests: round took \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    }

    /// The office makes a warning-level slip in a value and submits from the F6 menu.
    func officeSubmits(_ stage: Stage) throws {
        let tmux = try Self.open(stage, as: stage.editor)
        defer { tmux.close() }
        try openProjectGrid(tmux)
        // To the 指标值 of the first row: "1200人左右" is a warning (not a unit), not an error.
        try tmux.press("Right", "Right", "Right", "Right")
        let submitted = try typeValueAndSubmit(tmux, "1200人左右", warnings: 1, revision: 2)
        #expect(submitted.contains("已送审  错误 0 · 警告 1"), "\(submitted)")
        #expect(submitted.contains("送审：\(stage.editor) "))
        try Self.quit(tmux)
    }

    /// The reviewer: queue, Enter, Ctrl-N to the office's submission, `f` to its finding; a
    /// comment on the finding's cell; a return with a reason.
    func reviewerReturns(_ stage: Stage) throws {
        let tmux = try Self.open(stage, as: stage.reviewer)
        defer { tmux.close() }
        try tmux.press("v")
        let queue = try tmux.waitFor(text: "已送审 2 份")
        let sample = try #require(queue.firstIndex { $0.contains("900201") && $0.contains("2024-01-16") })
        let office = try #require(queue.firstIndex { $0.contains("610302") && $0.contains("西江区民政局") })
        #expect(sample < office, "oldest submission first:\n\(Self.text(queue))")
        #expect(queue[office].hasSuffix("0/1"))

        try tmux.press("Enter")
        let first = Self.text(try tmux.waitFor(text: "队列 1/2"))
        #expect(first.contains("900201 示例市青湖区民政局（本级）"))
        // One key to the next submission.
        try tmux.press("C-n")
        let next = Self.text(try tmux.waitFor(text: "队列 2/2"))
        #expect(next.contains("610302 西江区民政局（本级）"))
        #expect(next.contains("2024年度部门预算绩效文本"))
        // The next finding: the table line with the value, marked `?`, and the message.
        try tmux.press("f")
        let finding = try tmux.waitFor(text: "问题 1/1")
        #expect(Self.text(finding).contains("问题 1/1：指标值“1200人左右”未能识别：“人左右”不是单位。"))
        #expect(finding.contains { $0.hasPrefix("?") && $0.contains("│产出指标") && $0.contains("1200人左右") },
                "\(Self.text(finding))")

        // To the cell itself: the department screen, the project, its findings list, Enter.
        try tmux.press("Escape")
        try tmux.waitFor(text: "F7 文档视图")
        try openProjectGrid(tmux, fromDepartment: true)
        try tmux.press("F7")
        try tmux.waitFor(text: "检查结果（1）")
        // F6 twice: the focus goes grid → header → findings (keys arrive in order, and the
        // status bar's key hint may not fit beside a long user name to be waited for).
        try tmux.press("F6", "F6", "Enter")
        try tmux.waitFor(text: "指标值：未能识别：“人左右”不是单位")
        // Alt-M: a comment on that cell.
        try tmux.press("M-m")
        try tmux.waitFor(text: "添加批注")
        #expect(Self.text(try tmux.capture()).contains("批注位置：项目 1「城乡低保救助资金」 · 指标 第 1 行 · 指"))
        try tmux.type("请写明保障人数的确数")
        try tmux.press("Enter")
        let commented = try tmux.waitFor(text: "已添加批注")
        #expect(commented.contains { $0.contains("1200人左右") && $0.hasSuffix("*") }, "\(Self.text(commented))")

        // Return it from the department screen's F6 menu; the comment is saved with the step.
        try tmux.press("Escape")
        try tmux.waitFor(text: "Enter 打开  a 新增")
        try tmux.press("F6")
        try tmux.waitFor(text: "退回(R)")
        try tmux.press("r")
        try tmux.waitFor(text: "退回：理由")
        try tmux.type("保障人数请填写确数")
        try tmux.press("Enter")
        let returned = Self.text(try tmux.waitFor(text: "已保存（第 3 版）"))
        #expect(returned.contains("已退回  错误 0 · 警告 1"))
        #expect(returned.contains("退回：\(stage.reviewer) "))
        #expect(returned.contains("保障人数请填写确数"))
        try Self.quit(tmux)
    }

    /// The office finds the comment on the cell, fixes the value and submits again.
    func officeFixesAndResubmits(_ stage: Stage) throws {
        let tmux = try Self.open(stage, as: stage.editor)
        defer { tmux.close() }
        #expect(try tmux.capture().contains { $0.contains("610302") && $0.contains("已退回") })
        let projects = try openProjectGrid(tmux)
        // The project with the comment is marked, beside its whole code.
        #expect(projects.contains { $0.contains("610302240000000011*城乡低保救助资金") }, "\(Self.text(projects))")
        // The commented cell is marked wherever the cursor is.
        let grid = try tmux.capture()
        #expect(grid.contains { $0.contains("1200人左右") && $0.hasSuffix("*") }, "\(Self.text(grid))")
        try tmux.press("Right", "Right", "Right", "Right")
        let onCell = try tmux.waitFor(text: "请写明保障人数的确数")
        #expect(onCell.contains { $0.contains("* 批注 \(stage.reviewer) ") && $0.contains("：请写明保障人数的确数") },
                "\(Self.text(onCell))")
        // The fix: the first edit of a returned department reopens it; saved with the submit.
        let resubmitted = try typeValueAndSubmit(tmux, "≥1200人", warnings: 0, revision: 4)
        #expect(resubmitted.contains("已送审  错误 0 · 警告 0"), "\(resubmitted)")
        try Self.quit(tmux)
    }

    /// The reviewer pages to the resubmission, sees what changed since the return, approves.
    func reviewerApproves(_ stage: Stage) throws {
        let tmux = try Self.open(stage, as: stage.reviewer)
        defer { tmux.close() }
        try tmux.press("v")
        try tmux.waitFor(text: "已送审 2 份")
        try tmux.press("Enter")
        try tmux.waitFor(text: "队列 1/2")
        try tmux.press("C-n")
        // The document view's top line counts the changes once the history is read; Alt-R.
        let view = try tmux.waitFor { Self.text($0).contains("队列 2/2") && Self.text($0).contains("自退回以来已修改") }
        #expect(view[1].hasPrefix(" 已送审 · 自退回以来已修改 1 处（Alt-R 查看） · 送审：\(stage.editor) "), "\(Self.text(view))")
        #expect(Self.text(view).contains("610302 西江区民政局（本级）"))
        try tmux.press("M-r")
        let diff = try tmux.waitFor(text: "自退回以来（第 2 版 → 第 4 版）")
        #expect(diff.contains(" 1 处变化（不含审核记录和批注，见修订历史）"), "\(Self.text(diff))")
        #expect(diff.contains(" 项目 1「城乡低保救助资金」 · 指标 第 1 行 · 指标值"))
        #expect(diff.contains("   - 1200人左右"))
        #expect(diff.contains("   + ≥1200人"))
        try tmux.press("Escape")
        try tmux.waitFor(text: "2024年度部门预算绩效文本")
        // Approved from the document view, with a grade and a comment.
        try tmux.press("F6")
        try tmux.waitFor(text: "审核通过(A)")
        try tmux.press("a")
        try tmux.waitFor(text: "审核通过：评级")
        try tmux.press("Down", "Enter")      // 良
        try tmux.waitFor(text: "审核通过：意见")
        try tmux.type("修改到位")
        try tmux.press("Enter")
        let approved = try tmux.waitFor(text: "已保存（第 5 版）")
        #expect(approved[1].hasPrefix(" 已审核 · 审核通过：\(stage.reviewer) "), "\(Self.text(approved))")
        #expect(approved[1].contains("修改到位"))
        #expect(Self.text(approved).contains("状态：已审核"))
        // Back in the queue: only the sample is left to review.
        try tmux.press("Escape")
        try tmux.waitFor(text: "F7 文档视图")
        try tmux.press("Escape")
        try tmux.waitFor(text: "已送审 1 份")
        try Self.quit(tmux)
    }

    /// Types `value` into the grid's current cell, waits for the warning count, and submits from
    /// the department screen's F6 menu; returns the screen once saved as `revision`.
    func typeValueAndSubmit(_ tmux: TmuxSession, _ value: String, warnings: Int, revision: Int) throws -> String {
        try tmux.type(value)
        try tmux.press("Enter")
        try tmux.waitFor { Self.text($0).contains(value) && Self.text($0).contains("警告 \(warnings)") }
        try tmux.press("Escape")
        try tmux.waitFor(text: "Enter 打开  a 新增")
        try tmux.press("F6")
        try tmux.waitFor(text: "送审(S)")
        try tmux.press("s")
        return Self.text(try tmux.waitFor(text: "已保存（第 \(revision) 版）"))
    }

    /// From the department list (or the department screen), the first project's grid; returns
    /// the projects tab as it was seen on the way.
    @discardableResult
    func openProjectGrid(_ tmux: TmuxSession, fromDepartment: Bool = false) throws -> [String] {
        if !fromDepartment {
            try tmux.press("Enter")
            try tmux.waitFor(text: "基本信息")
        }
        try tmux.press("BTab")
        let projects = try tmux.waitFor { Self.text($0).contains("项目编码") && Self.text($0).contains("城乡低保救助资金") }
        try tmux.press("Enter")
        try tmux.waitFor { Self.text($0).contains("项目绩效目标表") && Self.text($0).contains("保障人数") }
        return projects
    }
}
