import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// The project screen with the real binary under tmux at 80×24: a project created from the
/// template and filled in Chinese, saved and read back from the store; edits that survive
/// SIGKILL and SIGHUP through the draft journal.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct ProjectScreenEndToEndTests {
    /// A store with one empty department, or with one project made from the template.
    static func makeStore(withProject: Bool) throws -> (URL, String) {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-e2e-grid-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var document = DepartmentDocument(fiscalYear: 2023, unitCode: "441001", unitName: "西山街道办事处")
        if withProject {
            var n = 0
            document.projects = [Project(id: "p-1", code: "P001", name: "社区服务经费",
                                         indicators: IndicatorFramework.legacy.templateRows { n += 1; return "r-\(n)" })]
        }
        let store = try FileDocumentStore(root: directory.path)
        _ = try store.save(document, base: 0)
        return (directory, document.id)
    }

    static func start(_ store: URL) throws -> TmuxSession {
        let tmux = try TmuxSession(width: 80, height: 24)
        try tmux.type(TerminalEndToEndTests.command(store))
        try tmux.press("Enter")
        try tmux.waitFor(text: "单位编码")
        return tmux
    }

    /// From the home screen: open the department, go to its projects.
    static func openProjects(_ tmux: TmuxSession) throws {
        try tmux.press("Enter")
        try tmux.waitFor(text: "基本信息")
        try tmux.press("BTab")
        try tmux.waitFor { $0.joined().contains("项目编码") && $0.joined().contains("项目名称") }
    }

    /// jixiao running on a fresh store, showing the department's projects.
    final class Editor {
        let store: URL
        let id: String
        let tmux: TmuxSession

        init(withProject: Bool) throws {
            (store, id) = try ProjectScreenEndToEndTests.makeStore(withProject: withProject)
            do {
                tmux = try ProjectScreenEndToEndTests.start(store)
                try ProjectScreenEndToEndTests.openProjects(tmux)
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

    /// Types a cell's text and commits it with `key`, waiting until the editor has taken it.
    static func fill(_ tmux: TmuxSession, _ text: String, then key: String) throws {
        try tmux.type(text)
        try tmux.press(key)
    }

    /// One complete table: (三级指标, 绩效指标描述, 指标值, 指标值确定依据) per template row.
    static let table: [(String, String, String, String)] = [
        ("服务居民人次", "全年为辖区居民提供服务的人次", "≥5000人次", "计划标准"),
        ("服务质量达标率", "服务事项按标准办结的比率", "≥95%", "行业标准"),
        ("年度任务完成时间", "全年服务任务完成的时限", "2023年12月31日前完成", "计划标准"),
        ("社区工作者人均补贴", "社区工作者每人每月补贴标准", "≤2500元/月", "预算支出标准"),
        ("带动就业人数", "通过服务项目带动辖区居民就业", "≥20人", "历史标准"),
        ("居民办事便利度", "居民办事少跑腿的程度", "有所提升", "其他标准"),
        ("垃圾分类覆盖率", "社区垃圾分类覆盖的比率", "=100%", "行业标准"),
        ("服务长效机制", "建立服务工作长效机制", "长期", "其他标准"),
        ("居民满意度", "抽样调查居民对服务的满意程度", "≥90%", "计划标准"),
    ]

    @Test func createFromTheTemplateFillEveryCellSaveAndQuit() throws {
        let editor = try Editor(withProject: false)
        defer { editor.close() }
        let (store, id, tmux) = (editor.store, editor.id, editor.tmux)
        // New project: its name, then Enter opens it.
        try tmux.press("Insert")
        try tmux.waitFor(text: "新增项目")
        try tmux.type("社区服务经费")
        try tmux.press("Enter")
        try tmux.waitFor { $0.contains { $0.contains("社区服务经费") } && !$0.joined().contains("新增项目") }
        try tmux.press("Enter")
        let opened = try tmux.waitFor(text: "项目绩效目标表")
        #expect(opened.joined(separator: "\n").contains("产出指标"), "the template's rows")

        // Header: F6, then each field in order (typing replaces, Enter commits and moves down).
        try tmux.press("F6")
        try tmux.waitFor(text: "资金用途")
        try Self.fill(tmux, "P2023001", then: "Enter")
        try tmux.press("Down")  // keep the name typed when the project was created
        try Self.fill(tmux, "50万元", then: "Enter")  // the document's own unit is accepted
        try Self.fill(tmux, "45", then: "Enter")
        try Self.fill(tmux, "5", then: "Enter")
        // Enter on the last paragraph goes on with a new one; Enter on it empty ends the list.
        try Self.fill(tmux, "为辖区居民提供便民服务", then: "Enter")
        try tmux.waitFor(text: "末条：接着写下一条")
        try tmux.press("Enter")
        try tmux.press("Down")  // plan mode stays percent
        for value in ["25.00%", "50%", "７５％", "100"] { try Self.fill(tmux, value, then: "Enter") }
        // The goals go on the same way; Esc takes the empty new one away.
        try Self.fill(tmux, "全年服务居民五千人次以上", then: "Enter")
        try tmux.waitFor(text: "1. 全年服务居民五千人次以上")
        try tmux.press("Escape")
        try tmux.waitFor(text: "财政资金+其他资金=预算数，相符")
        try tmux.press("F6")  // to the grid
        try tmux.waitFor { $0.contains { $0.hasPrefix(">") } }

        try tmux.press("Right", "Right")  // 三级指标 of the first row
        for (name, description, value, basis) in Self.table {
            try Self.fill(tmux, name, then: "Tab")
            try Self.fill(tmux, description, then: "Tab")
            try Self.fill(tmux, value, then: "Tab")
            try Self.fill(tmux, basis, then: "Enter")  // commits, moves down
            try tmux.press("Left", "Left", "Left")
        }
        try tmux.waitFor(text: "居民满意度")
        try tmux.press("C-s")
        try tmux.waitFor(text: "已保存")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")

        let saved = try FileDocumentStore(root: store.path).load(id: id).document
        guard let project = saved.projects.first else {
            Issue.record("no project saved")
            return
        }
        #expect(project.code == "P2023001")
        #expect(project.name == "社区服务经费")
        #expect(project.budget == Amount(50) && project.fiscalFunds == Amount(45) && project.otherFunds == Amount(5))
        #expect(project.purpose == "为辖区居民提供便民服务")
        #expect(project.spendingPlan.values == [Amount(25), Amount(50), Amount(75), Amount(100)])
        #expect(project.spendingPlan.march?.description == "25.00", "the decimals typed are kept")
        #expect(project.goals.map(\.text) == ["全年服务居民五千人次以上"])
        #expect(project.indicators.count == Self.table.count)
        for (row, expected) in zip(project.indicators, Self.table) {
            #expect([row.name, row.description, row.value, row.basis] == [expected.0, expected.1, expected.2, expected.3])
        }
        #expect(project.indicators.map(\.level2) == IndicatorFramework.legacy.templateRows().map(\.level2))
    }

    @Test(arguments: [SIGKILL, SIGHUP])
    func committedEditsSurviveTheProcessDying(_ signalNumber: Int32) throws {
        let editor = try Editor(withProject: true)
        defer { editor.close() }
        let (store, id, tmux) = (editor.store, editor.id, editor.tmux)
        try tmux.press("Enter")
        try tmux.waitFor(text: "项目绩效目标表")
        try tmux.press("Right", "Right")
        try Self.fill(tmux, "服务居民人次", then: "Tab")
        try tmux.press("Tab")
        try Self.fill(tmux, "≥5000人次", then: "Enter")
        try Self.fill(tmux, "≥95%", then: "Enter")
        try tmux.waitFor { $0.contains { $0.contains("*未保存") } && $0.joined().contains("≥95%") }
        // Text typed but not committed: SIGHUP (a dropped connection) commits it on the way out;
        // SIGKILL cannot, and the three committed edits are what must survive.
        let hangUp = signalNumber == SIGHUP
        if hangUp {
            try tmux.type("≥3场")
            try tmux.waitFor(text: "≥ 3 场")
        }
        let pid = try #require(try TerminalEndToEndTests.editorPID(tmux), "the editor process was not found")
        kill(pid, signalNumber)
        // The shell writes from wherever the cursor was, so the line may wrap: search the joined rows.
        try tmux.waitFor { $0.joined().contains("EXIT=") }

        try EditorEndToEndTests.restartAfterKill(tmux, store, waitingFor: "单位编码")
        try tmux.press("Enter")
        let offer = try tmux.waitFor(text: "恢复未保存的修改").joined(separator: "\n")
        #expect(offer.contains(hangUp ? "上次有 4 个单元格" : "上次有 3 个单元格"), "\(offer)")
        try tmux.press("r")
        // The restore reopens the grid on the last edited cell.
        try tmux.waitFor(text: "项目绩效目标表")
        try tmux.press("C-s")
        try tmux.waitFor(text: "已保存")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")

        let rows = try FileDocumentStore(root: store.path).load(id: id).document.projects[0].indicators
        #expect(rows[0].name == "服务居民人次")
        #expect(rows[0].value == "≥5000人次")
        #expect(rows[1].value == "≥95%")
        #expect(rows[2].value == (hangUp ? "≥3场" : ""))
    }

    @Test func wideTerminalsUseTheWidthAndNarrowOnesKeepTheCursorVisible() throws {
        let editor = try Editor(withProject: true)
        defer { editor.close() }
        let tmux = editor.tmux
        try tmux.press("Enter")
        try tmux.waitFor(text: "项目绩效目标表")
        try tmux.resize(width: 200, height: 50)
        let wide = try tmux.waitFor { $0.count == 50 && $0.contains { $0.contains("一级指标") && $0.contains("指标值确定依据") } }
        let titles = wide.first { $0.contains("一级指标") } ?? ""
        #expect(titles.count > 150, "the columns spread over the width: \(titles)")
        try tmux.resize(width: 80, height: 24)
        try tmux.press("C-End")
        let narrow = try tmux.waitFor { $0.count == 24 && $0.contains { $0.hasPrefix(">") && $0.contains("服务对象满") } }
        let narrowTitles = narrow.first { $0.contains("三级指标") } ?? ""
        #expect(narrowTitles.contains("指标值确定"), "scrolled to the last column: \(narrowTitles)")
        #expect(!narrowTitles.contains("一级指标"))
        try tmux.press("C-Home")
        try tmux.waitFor { $0.contains { $0.contains("一级指标") } && $0.contains { $0.hasPrefix(">") && $0.contains("产出指标") } }
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }
}
