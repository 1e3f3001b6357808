import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// Honest drafts at 80×24 as a user meets them: undo back to the saved state leaves nothing to
/// restore; a journal write that fails on a full disk is announced, and once there is room the
/// journal is written again in full, so a killed editor loses neither edit.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct DraftEndToEndTests {
    static let id = "441001-2024"

    /// A store holding one department with two overall goals.
    static func store() throws -> (URL, FileDocumentStore) {
        let directory = try EditorEndToEndTests.emptyStore()
        let store = try FileDocumentStore(root: directory.path)
        _ = try store.save(DepartmentDocument(fiscalYear: 2024, unitCode: "441001", unitName: "西山街道",
                                              overallGoals: [TextItem(id: "t-1", text: "第一条目标"),
                                                             TextItem(id: "t-2", text: "第二条目标")]), base: 0)
        return (directory, store)
    }

    /// Opens the department and moves to its overall goals.
    static func openGoals(_ tmux: TmuxSession) throws {
        try tmux.press("Enter")
        try tmux.waitFor(text: "基本信息")
        try tmux.press("Tab")
        try tmux.waitFor(text: "1. 第一条目标")
    }

    /// Retypes the selected goal as `text` and commits it.
    static func retype(_ tmux: TmuxSession, _ text: String) throws {
        try tmux.press("Enter")
        try tmux.press("C-u")
        try tmux.type(text)
        try tmux.press("Enter")
    }

    /// The journal files under `directory/drafts`.
    static func journals(_ directory: URL) -> [String] {
        let drafts = directory.appendingPathComponent("drafts").path
        let users = (try? FileManager.default.contentsOfDirectory(atPath: drafts)) ?? []
        return users.flatMap { user in
            ((try? FileManager.default.contentsOfDirectory(atPath: drafts + "/" + user)) ?? [])
                .filter { $0.hasSuffix(".jsonl") }.map { user + "/" + $0 }
        }
    }

    @Test func undoToTheSavedStateThenQuitLeavesNothingToRestore() throws {
        let (directory, store) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, directory, waitingFor: "441001")
        try Self.openGoals(tmux)
        try Self.retype(tmux, "改过又撤销的目标")
        try tmux.waitFor { $0.joined().contains("1. 改过又撤销的目标") && $0.last?.contains("*未保存") == true }
        #expect(Self.journals(directory).count == 1)
        try tmux.press("C-z")
        try tmux.waitFor { $0.joined().contains("1. 第一条目标") && $0.last?.contains("*未保存") == false }
        #expect(Self.journals(directory).isEmpty)
        // Nothing unsaved: Ctrl-Q quits without asking.
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")

        try EditorEndToEndTests.start(tmux, directory, waitingFor: "441001")
        try tmux.press("Enter")
        let screen = try tmux.waitFor(text: "基本信息").joined(separator: "\n")
        #expect(!screen.contains("恢复未保存的修改"))
        #expect(!screen.contains("未保存"))
        #expect(try store.recoverDraft(id: Self.id) == nil)
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    /// Runs `body` on an editor open on the department's goals, with the store's `drafts` on a
    /// 64 KiB tmpfs (the arguments: tmux, store directory, store, drafts directory). Returns
    /// without running it, the reason printed, when no tmpfs can be mounted here.
    static func onSmallDisk(_ body: (TmuxSession, URL, FileDocumentStore, URL) throws -> Void) throws {
        guard geteuid() == 0 else {
            print("skipped: mounting a small tmpfs for the drafts needs root (running as uid \(geteuid()))")
            return
        }
        guard FileManager.default.isExecutableFile(atPath: "/bin/mount") else {
            print("skipped: /bin/mount is missing (Debian package mount)")
            return
        }
        let (directory, store) = try Self.store()
        defer { try? FileManager.default.removeItem(at: directory) }
        let drafts = directory.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        let mount = try TmuxSession.spawn("/bin/mount", ["-t", "tmpfs", "-o", "size=64k,mode=0777", "tmpfs", drafts.path])
        guard mount.status == 0 else {
            print("skipped: mount -t tmpfs is not permitted here (\(mount.output.trimmingCharacters(in: .whitespacesAndNewlines)))")
            return
        }
        defer { _ = try? TmuxSession.spawn("/bin/umount", [drafts.path]) }
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, directory, waitingFor: "441001")
        try Self.openGoals(tmux)
        try body(tmux, directory, store, drafts)
    }

    /// Kills the editor with SIGKILL, starts it again and opens the department: the offer.
    static func killAndReopen(_ tmux: TmuxSession, _ directory: URL) throws -> String {
        let pid = try #require(try TerminalEndToEndTests.editorPID(tmux), "the editor process was not found")
        kill(pid, SIGKILL)
        try tmux.waitFor { $0.joined().contains("EXIT=137") }
        try EditorEndToEndTests.restartAfterKill(tmux, directory, waitingFor: "441001")
        try tmux.press("Enter")
        return Self.dialogText(try tmux.waitFor(text: "恢复未保存的修改"))
    }

    @Test func aCommitOnAFullDiskIsJournaledOnceThereIsRoomAndSurvivesKill9() throws {
        try Self.onSmallDisk { tmux, directory, store, drafts in
            // The disk fills up; the first commit cannot be journaled, and the screen says so.
            let filler = drafts.appendingPathComponent("filler").path
            try Self.fill(filler)
            try Self.retype(tmux, "磁盘满时录入的第一条")
            var screen = try tmux.waitFor(text: "草稿未写入，修改仍在编辑器中，请尽快保存")
            #expect(screen.last?.contains("!草稿未写入") == true)
            #expect(screen.joined().contains("1. 磁盘满时录入的第一条"))
            // Moving on clears the message line; the warning in the status bar stays.
            try tmux.press("Down")
            screen = try tmux.waitFor { !$0.joined().contains("请尽快保存") }
            #expect(screen.last?.contains("!草稿未写入") == true)

            // Room again: the next commit writes the journal in full.
            unlink(filler)
            try Self.retype(tmux, "腾出空间后录入的第二条")
            screen = try tmux.waitFor(text: "草稿已重新写入")
            #expect(screen.last?.contains("草稿未写入") == false)
            // Enter on the last goal went on with a third, empty one: Esc ends the list.
            try tmux.press("Escape")
            try tmux.waitFor { !$0.joined().contains("总体绩效目标 第 3 条") }
            let journaled = try #require(try store.recoverDraft(id: Self.id))
            #expect(journaled.document.overallGoals.map(\.text) == ["磁盘满时录入的第一条", "腾出空间后录入的第二条"])

            let offer = try Self.killAndReopen(tmux, directory)
            #expect(offer.contains("上次有2个单元格的修改未保存"))
            #expect(offer.contains("总体绩效目标第1条；总体绩效目标第2条。"))
            try tmux.press("r")
            // The cursor is back on the last edited cell: the second goal.
            screen = try tmux.waitFor(text: "已恢复 2 个单元格的未保存修改")
            #expect(screen.joined().contains("1. 磁盘满时录入的第一条") && screen.joined().contains("2. 腾出空间后录入的第二条"))
            // The selected row is the one drawn in another style: the second goal's.
            let styled = try tmux.capture(escapes: true)
            let first = try #require(styled.first { $0.contains("磁盘满时录入的第一条") })
            let second = try #require(styled.first { $0.contains("腾出空间后录入的第二条") })
            let selected = Self.style(of: "腾出空间后录入的第二条", in: second)
            #expect(selected != Self.style(of: "磁盘满时录入的第一条", in: first))
            // Up moves the selection, and its style, to the first goal.
            try tmux.press("Up")
            try tmux.waitFor(escapes: true) { lines in
                Self.style(of: "磁盘满时录入的第一条", in: lines.first { $0.contains("磁盘满时") } ?? "") == selected
            }
            try tmux.press("Down")
            try tmux.press("C-s")
            try tmux.waitFor(text: "已保存（第 2 版）")
            #expect(try store.load(id: Self.id).document.overallGoals.map(\.text) == ["磁盘满时录入的第一条", "腾出空间后录入的第二条"])
            try tmux.press("C-q")
            try tmux.waitForLine("EXIT=0")
        }
    }

    @Test func roomMadeOnTheDiskIsUsedByTheNextKeyWithoutAnotherCommit() throws {
        try Self.onSmallDisk { tmux, directory, store, drafts in
            let filler = drafts.appendingPathComponent("filler").path
            try Self.fill(filler)
            try Self.retype(tmux, "满盘时录入，之后未再确认")
            try tmux.waitFor { $0.last?.contains("!草稿未写入") == true }
            unlink(filler)
            // A key after the retry interval (5 s) writes the journal; no cell is committed.
            usleep(5_500_000)
            try tmux.press("Down")
            try tmux.waitFor(text: "草稿已重新写入")
            #expect(try store.recoverDraft(id: Self.id)?.document.overallGoals.first?.text == "满盘时录入，之后未再确认")
            let offer = try Self.killAndReopen(tmux, directory)
            #expect(offer.contains("上次有1个单元格的修改未保存"))
            try tmux.press("r")
            try tmux.waitFor(text: "1. 满盘时录入，之后未再确认")
            try tmux.press("C-q")
            try tmux.waitFor(text: "保存(S)")
            try tmux.press("d")
            try tmux.waitForLine("EXIT=0")
        }
    }

    /// The text inside a dialog's frame, its wrapped lines joined, without spaces.
    static func dialogText(_ screen: [String]) -> String {
        screen.compactMap { line -> String? in
            guard let open = line.firstIndex(of: "│"), let close = line.lastIndex(of: "│"), open < close else { return nil }
            return String(line[line.index(after: open)..<close])
        }.joined().filter { $0 != " " }
    }

    /// The last colour escape before `text` on a captured line: how that text is drawn.
    static func style(of text: String, in line: String) -> String {
        guard let range = line.range(of: text) else { return "" }
        let before = line[..<range.lowerBound]
        guard let escape = before.range(of: "\u{1B}[", options: .backwards) else { return "" }
        return String(before[escape.lowerBound...])
    }

    /// Writes zeros to `path` until the file system is full.
    static func fill(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw TmuxSession.Failure("cannot create \(path): errno \(errno)") }
        defer { close(fd) }
        let block = [UInt8](repeating: 0, count: 4096)
        while true {
            let written = block.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if written <= 0 { break }
        }
        #expect(errno == ENOSPC, "filling \(path) stopped with errno \(errno)")
    }
}
