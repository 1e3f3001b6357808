import JixiaoModel
import Testing
@testable import JixiaoApp

/// A screen with unsaved changes and a text field, to exercise the app's plumbing.
struct NotesScreen: Screen {
    var editor = LineEditor()
    var dirty = false
    var answers: [String] = []

    var title: MessageID { .screenDepartments }
    var acceptsTextEntry: Bool { true }
    var hasUnsavedChanges: Bool { dirty }

    enum Action: Sendable { case ask, pick }
    var keymap: Keymap<Action> {
        Keymap(name: .screenDepartments, [
            KeyBinding([KeyEvent(.function(2))], .ask, .helpInputAccept),
            KeyBinding([KeyEvent(.function(3))], .pick, .helpPickAccept),
        ])
    }

    mutating func perform(_ action: Action, context: inout ScreenContext) {
        switch action {
        case .ask:
            context.present(.textInput(TextInputDialog(title: "名称", prompt: "输入名称",
                                                       metrics: context.environment.metrics)), tag: "name")
        case .pick:
            context.present(.pickList(PickListDialog(title: "选择", items: [
                .init(id: "1", label: "西山街道"), .init(id: "2", label: "东山街道"), .init(id: "3", label: "海滨镇"),
            ], metrics: context.environment.metrics)), tag: "pick")
        }
    }

    mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {
        if editor.handle(key) { dirty = true }
    }

    mutating func handlePaste(_ text: String, context: inout ScreenContext) {
        editor.insert(text)
        dirty = true
    }

    mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        switch result {
        case .text(let text?): answers.append("\(tag):\(text)")
        case .picked(let item?): answers.append("\(tag):\(item.id)")
        default: answers.append("\(tag):cancelled")
        }
    }

    func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let shown = editor.visible(width: 20)
        buffer.write(shown.text, x: area.x, y: area.y, maxWidth: 20, style: .plain)
        buffer.cursor = Buffer.Position(x: area.x + shown.cursorX, y: area.y)
    }
}

@MainActor
@Suite struct AppTests {
    let size = Size(width: 80, height: 24)

    func listings() -> [DepartmentListing] {
        [
            DepartmentListing(id: "441001-2023", unitCode: "441001", unitName: "秦皇岛市北戴河区西山街道办事处（本级）",
                              fiscalYear: 2023, status: .submitted, projectCount: 12,
                              totalBudget: Amount(canonical: "1520.5"), moneyUnit: .tenThousandYuan),
            DepartmentListing(id: "441002-2023", unitCode: "441002", unitName: "东山街道", fiscalYear: 2023,
                              status: .draft, projectCount: 3, totalBudget: nil, moneyUnit: .yuan),
        ]
    }

    func app(_ screen: any Screen, language: Language = .chinese, size: Size? = nil) -> App {
        App(home: screen, environment: .pinned(strings: Strings(language)),
            size: size ?? self.size)
    }

    @Test func homeScreenDrawsTheDepartmentTableAligned() {
        let frame = app(DepartmentListScreen(listings: listings())).view()
        #expect(frame.lines[0].hasPrefix(" jixiao 绩效 · 部门列表"))
        #expect(frame.lines[0].hasSuffix("/srv/jixiao "))
        #expect(frame.lines[1].hasPrefix(" 排序：单位编码  共 2 个"))
        #expect(frame.lines[2] == " 单位编码 单位名称             年度 状态   项目     预算合计 错/警 最后保存     ")
        #expect(frame.lines[3] == " 441001   秦皇岛市北戴河区西…  2023 已送审   12   1520.5万元     —              ")
        #expect(frame.lines[4] == " 441002   东山街道             2023 草稿      3            —     —              ")
        #expect(frame.lines[23].hasPrefix(" 部门列表  用户 zhang"))
        #expect(frame.lines[23].contains("F1 帮助"))
        #expect(frame.lines[23].contains("Ctrl-Q 退出"))
        for line in frame.lines { #expect(TextMetrics().width(of: line) == 80) }
    }

    @Test func englishInterface() {
        let frame = app(DepartmentListScreen(listings: listings()), language: .english).view()
        #expect(frame.lines[0].hasPrefix(" jixiao · Departments"))
        #expect(frame.lines[2].hasPrefix(" Code     Unit name"))
        #expect(frame.lines[3].contains("submitted"))
        #expect(frame.lines[23].contains("F1 help"))
    }

    @Test func emptyStoreSaysSo() {
        let frame = app(DepartmentListScreen(listings: [])).view()
        #expect(frame.text.contains("存储目录中还没有部门：/srv/jixiao"))
    }

    @Test func movingTheSelection() {
        var app = app(DepartmentListScreen(listings: listings()))
        _ = app.handle(.key(KeyEvent(.down)))
        let screen = app.currentScreen as? DepartmentListScreen
        #expect(screen?.selection == 1)
        _ = app.handle(.key(KeyEvent(.down)))
        #expect((app.currentScreen as? DepartmentListScreen)?.selection == 1)
        _ = app.handle(.key(.char("g")))
        #expect((app.currentScreen as? DepartmentListScreen)?.selection == 0)
    }

    @Test func longListScrollsToKeepTheSelectionVisible() {
        let many = (0..<50).map {
            DepartmentListing(id: "d\($0)", unitCode: String(500_000 + $0), unitName: "第\($0)街道", fiscalYear: 2024,
                              status: .draft, projectCount: $0, totalBudget: Amount($0), moneyUnit: .tenThousandYuan)
        }
        var app = app(DepartmentListScreen(listings: many))
        // 80×24: content rows 1…21: status on row 1, header on row 2, 19 department rows.
        #expect(app.view().lines[21].contains("500018"))
        _ = app.handle(.key(KeyEvent(.end)))
        var lines = app.view().lines
        #expect(lines[21].contains("500049"))
        #expect(lines[3].contains("500031"))
        _ = app.handle(.key(KeyEvent(.pageUp)))
        #expect((app.currentScreen as? DepartmentListScreen)?.selection == 30)
        lines = app.view().lines
        #expect(lines[3].contains("500030"))
        _ = app.handle(.key(KeyEvent(.pageDown)))
        _ = app.handle(.key(KeyEvent(.pageDown)))
        #expect((app.currentScreen as? DepartmentListScreen)?.selection == 49)
    }

    @Test func f1AndQuestionMarkOpenHelpGeneratedFromTheKeymaps() {
        var app = app(DepartmentListScreen(listings: listings()))
        _ = app.handle(.key(KeyEvent(.function(1))))
        // The overlay is taller than the window: read it, scroll, read the rest.
        var text = app.view().text
        for _ in 0..<12 { _ = app.handle(.key(.char("j"))) }
        text += app.view().text
        #expect(text.contains("帮助"))
        for entry in App.keymap.help.entries + DepartmentListScreen.keymap.help.entries {
            #expect(text.contains(entry.keys.joined(separator: ", ")), "help lists \(entry.keys)")
            #expect(text.contains(Strings(.chinese)[entry.description]))
        }
        _ = app.handle(.key(KeyEvent(.escape)))
        #expect(app.help == nil)
        _ = app.handle(.key(.char("?")))
        #expect(app.help != nil)
        _ = app.handle(.key(.char("q")))
        #expect(app.help == nil)
    }

    @Test func questionMarkIsTypedWhereTextIsEntered() {
        var app = app(NotesScreen())
        _ = app.handle(.key(.char("?")))
        #expect(app.help == nil)
        #expect((app.currentScreen as? NotesScreen)?.editor.text == "?")
        _ = app.handle(.key(KeyEvent(.function(1))))
        #expect(app.help != nil)
    }

    @Test func quitWithoutChangesExitsAtOnce() {
        var app = app(DepartmentListScreen(listings: listings()))
        #expect(app.handle(.key(.ctrl("q"))) == [.quit(status: 0)])
    }

    @Test func quitWithUnsavedChangesAsksFirst() {
        var app = app(NotesScreen())
        _ = app.handle(.paste("未保存的文字"))
        #expect(app.hasUnsavedChanges)
        #expect(app.view().lines[23].contains("*未保存"))
        #expect(app.handle(.key(.ctrl("q"))).isEmpty)
        #expect(app.view().text.contains("有未保存的修改。仍然退出吗？"))
        #expect(app.handle(.key(.char("n"))).isEmpty)
        #expect(app.dialogs.isEmpty)
        _ = app.handle(.key(.ctrl("q")))
        _ = app.handle(.key(KeyEvent(.right)))  // highlight "是"
        #expect(app.handle(.key(KeyEvent(.enter))) == [.quit(status: 0)])
    }

    @Test func signalsQuitWithTheConventionalStatus() {
        var app = app(NotesScreen())
        #expect(app.handle(.terminate(signal: 15)) == [.quit(status: 143)])
        #expect(app.handle(.terminate(signal: 1)) == [.quit(status: 129)])
    }

    @Test func textInputDialogTakesCJKAndReturnsItsText() {
        var app = app(NotesScreen())
        _ = app.handle(.key(KeyEvent(.function(2))))
        for c in "西山街道" { _ = app.handle(.key(.char(c))) }
        _ = app.handle(.key(KeyEvent(.backspace)))
        _ = app.handle(.paste("办"))
        let frame = app.view()
        #expect(frame.text.contains("西山街办"))
        #expect(frame.cursor != nil)
        _ = app.handle(.key(KeyEvent(.enter)))
        #expect((app.currentScreen as? NotesScreen)?.answers == ["name:西山街办"])
        _ = app.handle(.key(KeyEvent(.function(2))))
        _ = app.handle(.key(KeyEvent(.escape)))
        #expect((app.currentScreen as? NotesScreen)?.answers == ["name:西山街办", "name:cancelled"])
    }

    @Test func helpInADialogListsTheDialogsKeys() {
        var app = app(NotesScreen())
        _ = app.handle(.key(KeyEvent(.function(2))))
        _ = app.handle(.key(KeyEvent(.function(1))))
        let titles = app.help?.sections.map(\.title)
        #expect(titles == [.keymapGlobal, .keymapTextInput, .keymapTextField, .keymapHelp])
        _ = app.handle(.key(KeyEvent(.escape)))
        #expect(app.help == nil)
        #expect(app.dialogs.count == 1)  // Esc closed help, not the dialog
    }

    @Test func pickListFiltersAsYouType() {
        var app = app(NotesScreen())
        _ = app.handle(.key(KeyEvent(.function(3))))
        #expect(app.view().text.contains("海滨镇"))
        _ = app.handle(.key(.char("山")))
        let text = app.view().text
        #expect(text.contains("西山街道") && text.contains("东山街道") && !text.contains("海滨镇"))
        _ = app.handle(.key(KeyEvent(.down)))
        _ = app.handle(.key(KeyEvent(.enter)))
        #expect((app.currentScreen as? NotesScreen)?.answers == ["pick:2"])
    }

    @Test func slashFiltersTheListAsYouType() {
        var app = app(DepartmentListScreen(listings: listings()))
        _ = app.handle(.key(.char("/")))
        #expect(app.acceptsTextEntry)
        for c in "东山" { _ = app.handle(.key(.char(c))) }
        #expect(app.view().text.contains("筛选：东山"))
        _ = app.handle(.key(KeyEvent(.enter)))
        let screen = app.currentScreen as? DepartmentListScreen
        #expect(screen?.visible.map(\.id) == ["441002-2023"])
        #expect(screen?.selected?.id == "441002-2023")
        #expect(!app.acceptsTextEntry)
        // Unit codes match too; Esc while typing clears the filter.
        _ = app.handle(.key(.char("/")))
        _ = app.handle(.key(KeyEvent(.escape)))
        _ = app.handle(.key(.char("/")))
        for c in "1001" { _ = app.handle(.key(.char(c))) }
        #expect((app.currentScreen as? DepartmentListScreen)?.visible.map(\.id) == ["441001-2023"])
    }

    @Test func tooSmallTerminalShowsANoticeInsteadOfGarbage() {
        let frame = app(DepartmentListScreen(listings: listings()), size: Size(width: 30, height: 8)).view()
        #expect(frame.text.contains("终端窗口太小"))
        #expect(!frame.text.contains("单位编码"))
    }

    @Test func runsOnTheMemoryBackendAndRedrawsAfterResize() {
        let backend = MemoryBackend(size: Size(width: 80, height: 24), batches: [
            [.key(KeyEvent(.down))],
            [.resize(Size(width: 60, height: 15))],
            [.key(.ctrl("l"))],
            [.key(.ctrl("q"))],
        ])
        var app = app(DepartmentListScreen(listings: listings()))
        let status = AppRunner.run(&app, on: backend)
        #expect(status == 0)
        #expect(backend.frames.count == 4)
        #expect(backend.frames[2].size == Size(width: 60, height: 15))
        #expect(backend.frames[2].lines[3] == " 441001   秦皇岛市北戴河区西… 2023 已送审   12   1520.5万元 ")
        #expect(backend.invalidations == 1)
    }

    @Test func endOfInputQuits() {
        let backend = MemoryBackend(size: size, batches: [])
        var app = app(NotesScreen())
        #expect(AppRunner.run(&app, on: backend) == 129)
    }
}
