import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// Starts the real `jixiao` under tmux, types like a user and reads the screen.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct TerminalEndToEndTests {
    /// A store directory with two departments, one with a long Chinese name.
    static func makeStore() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let documents = [
            DepartmentDocument(fiscalYear: 2023, unitCode: "441001", unitName: "秦皇岛市北戴河区西山街道办事处（本级）",
                               status: .submitted),
            DepartmentDocument(fiscalYear: 2024, unitCode: "441002", unitName: "东山街道", moneyUnit: .yuan),
        ]
        let store = try FileDocumentStore(root: directory.path)
        for document in documents { _ = try store.save(document, base: 0) }
        return directory
    }

    /// The shell line that starts jixiao, reports its status and whether the tty modes came back.
    static func command(_ store: URL, environment: String = "", arguments: String = "") -> String {
        let binary = TmuxSession.jixiaoBinary ?? "jixiao"
        return "S=$(stty -g); \(environment) '\(binary)' --store '\(store.path)' \(arguments); "
            + "echo EXIT=$?; [ \"$S\" = \"$(stty -g)\" ] && echo TTY=restored"
    }

    static let header = " 单位编码 单位名称             年度 状态   项目     预算合计 错/警 最后保存"

    @Test func chineseTextIsDrawnAlignedAndCtrlQLeavesACleanShell() throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        let screen = editor.firstScreen
        #expect(screen.count == 24)
        #expect(screen[0].hasPrefix(" jixiao 绩效 · 部门列表"))
        #expect(screen[1] == " 排序：单位编码  共 2 个")
        #expect(screen[2] == Self.header)
        // The last column is the time of the save and the account: it varies.
        #expect(screen[3].hasPrefix(" 441001   秦皇岛市北戴河区西…  2023 已送审    0        0万元   2/1 "), "\(screen[3])")
        #expect(screen[4].hasPrefix(" 441002   东山街道             2024 草稿      0          0元   2/1 "), "\(screen[4])")
        #expect(screen[23].hasPrefix(" 部门列表  用户 "))
        #expect(screen[23].contains("F1 帮助"))

        try tmux.press("C-q")
        let after = try tmux.waitForLine("TTY=restored")
        let shown = after.filter { !$0.isEmpty }
        // The alternate screen is gone: the command line, the status and the prompt.
        #expect(shown.suffix(3) == ["EXIT=0", "TTY=restored", "$"], "\(shown)")
        #expect(after.allSatisfy { !$0.contains("单位编码") && !$0.contains("部门列表") })
    }

    @Test func f1OpensHelpAndEscClosesIt() throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        try tmux.press("F1")
        // Wait for the last line of help this test reads: a capture can land mid-redraw.
        let help = try tmux.waitFor(text: "/, Ctrl-F")
        let text = help.joined(separator: "\n")
        #expect(text.contains("全局"))
        #expect(text.contains("Ctrl-Q"))
        try tmux.press("Escape")
        try tmux.waitFor { !$0.joined().contains("全局") && $0.joined().contains("单位编码") }
        try tmux.press("?")
        try tmux.waitFor(text: "全局")
        try tmux.press("q")
        try tmux.waitFor { !$0.joined().contains("全局") }
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    @Test func typedChineseFiltersTheFindDialog() throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        try tmux.press("/")
        try tmux.type("东山")
        let screen = try tmux.waitFor(text: "筛选：东山")
        let text = screen.joined(separator: "\n")
        #expect(text.contains("441002   东山街道"))
        #expect(!text.contains("441001"))
        #expect(text.contains("1/2 个"))
        try tmux.press("Escape")
        try tmux.waitFor { $0.joined().contains("441001") && !$0.joined().contains("筛选：") }
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    @Test func windowResizeRedrawsCleanly() throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        try tmux.resize(width: 60, height: 15)
        // The whole redraw, not just its last row: the capture may land mid-frame.
        let small = try tmux.waitFor {
            $0.count == 15 && $0[14].hasPrefix(" 部门列表") && $0[2].hasPrefix(" 单位编码") && $0[3].hasPrefix(" 441001")
        }
        #expect(small[2] == " 单位编码 单位名称            年度 状态   项目     预算合计")
        #expect(small[3] == " 441001   秦皇岛市北戴河区西… 2023 已送审    0        0万元")
        // Nothing of the 80-column frame is left over.
        #expect(small.allSatisfy { !$0.contains("办事") })
        try tmux.resize(width: 40, height: 10)
        try tmux.waitFor(text: "终端窗口太小")
        try tmux.resize(width: 100, height: 30)
        let large = try tmux.waitFor { $0.count == 30 && $0[29].hasPrefix(" 部门列表") }
        #expect(large[3].contains("秦皇岛市北戴河区西山街道办事处（本级）"))
        #expect(large.allSatisfy { !$0.contains("终端窗口太小") })
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    @Test func cLocaleExitsWithTheLocaleMessage() throws {
        let editor = try EditorSession(environment: "LANG=C LC_ALL=C", waitingFor: nil)
        defer { editor.close() }
        let tmux = editor.tmux
        let screen = try tmux.waitForLine("TTY=restored")
        let text = screen.joined()  // the message wraps at the terminal's edge
        #expect(text.contains("not UTF-8"))
        #expect(text.contains("export LANG=C.UTF-8"))
        #expect(screen.contains("EXIT=2"))
    }

    @Test func noColorDrawsWithoutColour() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let tmux = try TmuxSession()
        defer { tmux.close() }
        // First with colour, to show the check can see colours at all.
        try tmux.type(Self.command(store))
        try tmux.press("Enter")
        let coloured = try tmux.waitFor(escapes: true) { $0.joined().contains("单位编码") }.joined(separator: "\n")
        #expect(Self.hasColour(coloured))
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
        try tmux.type("clear; " + Self.command(store, environment: "NO_COLOR=1"))
        try tmux.press("Enter")
        let plain = try tmux.waitFor(escapes: true) { $0.joined().contains("单位编码") }.joined(separator: "\n")
        #expect(!Self.hasColour(plain), "colour escapes with NO_COLOR: \(plain.debugDescription.prefix(300))")
        #expect(plain.contains("\u{1B}[7m") || plain.contains(";7m"), "the selection is shown in reverse")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    /// True when capture-pane -e output sets a foreground or background colour.
    static func hasColour(_ text: String) -> Bool {
        let pattern = try! NSRegularExpression(pattern: "\u{1B}\\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;[0-9]+|48;5;[0-9]+)(;[0-9;]*)?m")
        return pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    @Test func vt100Works() throws {
        let editor = try EditorSession(environment: "TERM=vt100")
        defer { editor.close() }
        let tmux = editor.tmux
        let screen = editor.firstScreen
        #expect(screen[2] == Self.header)
        try tmux.press("F1")
        try tmux.waitFor(text: "全局")
        try tmux.press("Escape")
        try tmux.waitFor { !$0.joined().contains("全局") }
        try tmux.press("C-q")
        // vt100 has no alternate screen: the editor clears the screen on the way out.
        let after = try tmux.waitForLine("TTY=restored")
        #expect(after.filter { !$0.isEmpty } == ["EXIT=0", "TTY=restored", "$"])
    }

    /// The pid of jixiao, the one child of the pane's shell.
    static func editorPID(_ tmux: TmuxSession) throws -> Int32? {
        let shell = try tmux.shellPID()
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pids = children.split(separator: " ").compactMap { Int32($0) }
        #expect(pids.count == 1, "one child of the shell: \(children)")
        return pids.first
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT])
    func signalsRestoreTheTerminal(_ signalNumber: Int32) throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        let pid = try #require(try Self.editorPID(tmux), "the editor process was not found")
        kill(pid, signalNumber)
        let after = try tmux.waitForLine("TTY=restored")
        #expect(after.contains("EXIT=\(128 + signalNumber)"))
        #expect(after.allSatisfy { !$0.contains("单位编码") })
    }

    @Test func stopAndContinueGiveTheTerminalBackAndTakeItAgain() throws {
        let editor = try EditorSession()
        defer { editor.close() }
        let tmux = editor.tmux
        let pid = try #require(try Self.editorPID(tmux), "the editor process was not found")
        kill(pid, SIGTSTP)
        let stopped = try tmux.waitFor { $0.contains { $0.contains("Stopped") } }
        #expect(stopped.allSatisfy { !$0.contains("单位编码") })
        try tmux.type("fg")
        try tmux.press("Enter")
        let back = try tmux.waitFor { $0.count > 2 && $0[2] == Self.header }
        #expect(back[0].hasPrefix(" jixiao 绩效 · 部门列表"))
        try tmux.press("C-q")
        try tmux.waitFor { !$0.joined().contains("单位编码") && $0.last(where: { !$0.isEmpty }) == "$" }
    }

    @Test func unknownThemeIsReportedOnTheMessageLineAndTheDefaultIsUsed() throws {
        let editor = try EditorSession(arguments: "--theme nope 2>/tmp/jixiao-e2e-stderr-$$; cat /tmp/jixiao-e2e-stderr-$$")
        defer { editor.close() }
        let screen = editor.firstScreen
        #expect(screen[22].hasPrefix(" 主题无法使用，已改用默认主题：theme `nope` not found"))
        #expect(screen[2] == Self.header)
        try editor.tmux.press("C-q")
        // Said again on standard error after the terminal is restored.
        let after = try editor.tmux.waitForLine("EXIT=0")
        #expect(after.contains { $0.hasPrefix("jixiao: theme `nope` not found") })
    }

    @Test func damagedDocumentIsReportedWithItsFile() throws {
        let store = try Self.makeStore()
        defer { try? FileManager.default.removeItem(at: store) }
        try Data("{\"schemaVersion\": 1,\n  \"id\": }".utf8)
            .write(to: store.appendingPathComponent("documents/bad.json"))
        let tmux = try TmuxSession(width: 120, height: 24)
        defer { tmux.close() }
        try tmux.type(Self.command(store))
        try tmux.press("Enter")
        let screen = try tmux.waitFor(text: "单位编码")
        // The store moves a damaged document aside and reports it; the message names the file.
        #expect(screen[22].hasPrefix(" 有 "), "\(screen[22])")
        #expect(screen[22].contains("个文件无法读取，第一个：\(store.path)/damaged/bad"), "\(screen[22])")
        // The readable departments are still listed.
        #expect(screen[3].contains("441001") && screen[4].contains("441002"))
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    @Test func englishInterfaceAndAmbiguousWidthOption() throws {
        let editor = try EditorSession(width: 100, height: 30, arguments: "--lang en --ambiguous-width 2",
                                       waitingFor: "Unit name")
        defer { editor.close() }
        let tmux = editor.tmux
        let screen = editor.firstScreen
        #expect(screen.count == 30)
        // `·` is ambiguous: counted two columns wide, tmux draws it one wide, and the next
        // character is still placed where the layout says (no shift, a gap instead).
        #expect(screen[0].hasPrefix(" jixiao ·  Departments"))
        #expect(screen[29].contains("F1 help"))
        try tmux.press("F1")
        // With ambiguous characters two columns wide, borders are ASCII.
        let help = try tmux.waitFor(text: "Everywhere")
        #expect(help.contains { $0.contains("+- Help -") }, "\(help)")
        #expect(!help.joined().contains("─"))
        try tmux.press("Escape")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }
}

/// jixiao started from a shell in a tmux session on a fresh store of two departments,
/// with the first screen it showed. `close()` ends the session and removes the store.
final class EditorSession {
    let store: URL
    let tmux: TmuxSession
    private(set) var firstScreen: [String] = []

    /// `waitingFor`: text the first screen must show (nil: do not wait, e.g. when jixiao is
    /// expected to refuse to start).
    init(width: Int = 80, height: Int = 24, environment: String = "", arguments: String = "",
         waitingFor text: String? = "单位编码") throws {
        store = try TerminalEndToEndTests.makeStore()
        do {
            tmux = try TmuxSession(width: width, height: height)
            try tmux.type(TerminalEndToEndTests.command(store, environment: environment, arguments: arguments))
            try tmux.press("Enter")
            if let text { firstScreen = try tmux.waitFor(text: text) }
        } catch {
            try? FileManager.default.removeItem(at: store)
            throw error
        }
    }

    func close() {
        tmux.close()
        try? FileManager.default.removeItem(at: store)
    }
}

enum EndToEndEnvironment {
    /// True when the tests can run; otherwise prints why they are skipped.
    static func skipNotice() -> Bool {
        if let reason = TmuxSession.unavailableReason {
            print("EndToEndTests skipped: \(reason)")
            return false
        }
        return true
    }

    /// True when the built binary is there; otherwise prints why tests are skipped.
    static func binaryNotice() -> Bool {
        if TmuxSession.jixiaoBinary == nil {
            print("CommandLineTests skipped: the jixiao binary was not found next to the test bundle")
            return false
        }
        return true
    }
}
