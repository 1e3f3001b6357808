import JixiaoModel
import JixiaoStore
import Testing
@testable import JixiaoApp

/// The project screen inside the app, with a real `DocumentSession`: every key of the screen,
/// the edits it journals, undo and redo across row operations, pickers and the frame at 80×24
/// and 200×50.
@MainActor
@Suite struct ProjectScreenTests {
    static func document() -> DepartmentDocument {
        var project = Project(id: "p-1", code: "P001", name: "社区服务经费", budget: Amount(100), fiscalFunds: Amount(100),
                              purpose: "用于社区服务", goals: [TextItem(id: "t-1", text: "服务居民")])
        project.indicators = IndicatorFramework.legacy.templateRows(makeID: Self.ids())
        return DepartmentDocument(fiscalYear: 2024, unitCode: "900101", unitName: "测试街道", projects: [project])
    }

    static func ids() -> () -> String {
        var n = 0
        return { n += 1; return "r-\(n)" }
    }

    /// An app with the department open and the project screen on top.
    static func app(size: Size = Size(width: 80, height: 24), language: Language = .chinese,
                    document: DepartmentDocument = document()) -> App {
        var app = App(home: DepartmentListScreen(listings: []),
                      environment: .pinned(strings: Strings(language)),
                      size: size)
        _ = app.handle(.result(.opened(OpenedDepartment(stored: StoredDocument(document: document, revision: 1)))))
        app.screens.append(ProjectScreen(projectID: "p-1"))
        return app
    }

    @discardableResult
    static func press(_ app: inout App, _ keys: KeyEvent...) -> [AppEffect] {
        keys.flatMap { app.handle(.key($0)) }
    }

    /// Typed text as the decoder delivers it: one key per character.
    @discardableResult
    static func type(_ app: inout App, _ text: String) -> [AppEffect] {
        text.flatMap { app.handle(.key(.char($0))) }
    }

    static func rows(_ app: App) -> [IndicatorRow] { app.session!.document.projects[0].indicators }
    static func screen(_ app: App) -> ProjectScreen { app.currentScreen as! ProjectScreen }

    static func journaled(_ effects: [AppEffect]) -> [CellEdit] {
        effects.flatMap { effect -> [CellEdit] in
            if case .journalEdits(let draft) = effect { return draft.edits }
            return []
        }
    }

    @Test func typingReplacesACellAndEnterCommitsJournalsAndMovesDown() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))  // 三级指标 of row 1
        let typing = Self.type(&app, "服务人数?")  // `?` is text while typing
        #expect(typing.isEmpty, "nothing is journaled before the commit")
        #expect(app.help == nil)
        #expect(Self.screen(app).grid.isEditing)
        let effects = Self.press(&app, KeyEvent(.enter))
        #expect(Self.journaled(effects) == [.set(CellPath.indicator(project: "p-1", row: "r-1", column: .name),
                                                  .text("服务人数?"))])
        #expect(Self.rows(app)[0].name == "服务人数?")
        #expect(Self.screen(app).grid.row == 1)
        #expect(app.hasUnsavedChanges)
    }

    @Test func tabCommitsAndMovesRightAndEscapeCancels() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "活动场次")
        Self.press(&app, KeyEvent(.tab))
        #expect(Self.screen(app).grid.column == .description)
        Self.type(&app, "全年开展活动")
        Self.press(&app, KeyEvent(.escape))
        #expect(!Self.screen(app).grid.isEditing)
        #expect(Self.rows(app)[0].description == "")
        #expect(Self.rows(app)[0].name == "活动场次")
    }

    @Test func f2EditsInTheMiddleOfChineseText() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "群众满意度")
        Self.press(&app, KeyEvent(.enter), KeyEvent(.up), KeyEvent(.function(2)), KeyEvent(.home), KeyEvent(.right),
                   KeyEvent(.right))
        Self.type(&app, "服务对象")
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app)[0].name == "群众服务对象满意度")
    }

    @Test func deleteClearsAndUndoRedoRestore() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.delete))  // 一级指标 of row 1
        #expect(Self.rows(app)[0].level1 == "")
        Self.press(&app, .ctrl("z"))
        #expect(Self.rows(app)[0].level1 == "产出指标")
        Self.press(&app, .ctrl("y"))
        #expect(Self.rows(app)[0].level1 == "")
    }

    @Test func undoAndRedoAcrossRowOperations() {
        var app = Self.app()
        let original = Self.rows(app)
        Self.press(&app, KeyEvent(.down))  // row 2
        Self.press(&app, .alt("n"))  // insert below
        Self.type(&app, "新指标")
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app).count == original.count + 1)
        #expect(Self.rows(app)[2].name == "新指标")
        Self.press(&app, KeyEvent(.up), KeyEvent(.up, .alt))  // back to the new row, move it up
        #expect(Self.rows(app)[1].name == "新指标")
        Self.press(&app, .ctrl("t"))  // duplicate
        #expect(Self.rows(app)[2].name == "新指标")
        Self.press(&app, .alt("d"))  // delete the duplicate
        Self.press(&app, KeyEvent(.home, .control), .alt("a"))  // insert above the first row
        #expect(Self.rows(app).count == original.count + 2)
        for _ in 0..<6 { Self.press(&app, .ctrl("z")) }
        #expect(Self.rows(app) == original)
        #expect(!app.hasUnsavedChanges)
        for _ in 0..<6 { Self.press(&app, .ctrl("y")) }
        #expect(Self.rows(app).count == original.count + 2)
        #expect(Self.rows(app)[2].name == "新指标")
        Self.press(&app, .ctrl("y"))
        #expect(app.message?.id == .nothingToRedo)
    }

    @Test func fillDownTakesTheCellAbove() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.end))  // basis
        Self.type(&app, "计划标准")
        Self.press(&app, KeyEvent(.enter), .ctrl("d"))
        #expect(Self.rows(app)[1].basis == "计划标准")
    }

    @Test func pickersOfferTheFrameworkAndTheBases() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.function(4)))
        guard case .pickList(let level1)? = app.dialogs.last?.content else {
            Issue.record("no picker")
            return
        }
        #expect(level1.items.map(\.label) == ["产出指标", "效益指标", "满意度指标"])
        Self.type(&app, "满意")
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app)[0].level1 == "满意度指标")
        Self.press(&app, KeyEvent(.right), KeyEvent(.function(4)))
        guard case .pickList(let level2)? = app.dialogs.last?.content else {
            Issue.record("no level 2 picker")
            return
        }
        #expect(level2.items.map(\.label) == ["服务对象满意度指标"])
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app)[0].level2 == "服务对象满意度指标")
        Self.press(&app, KeyEvent(.end), KeyEvent(.function(4)))
        guard case .pickList(let bases)? = app.dialogs.last?.content else {
            Issue.record("no basis picker")
            return
        }
        #expect(Array(bases.items.map(\.label).prefix(5)) == IndicatorFramework.standardBases)
        Self.press(&app, KeyEvent(.escape))
        #expect(app.dialogs.isEmpty)
        #expect(Self.rows(app)[0].basis == "")
    }

    @Test func aPickerOpenedWhileTypingFiltersByTheTypedTextAndCancelKeepsIt() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.end))
        Self.type(&app, "行业")
        Self.press(&app, KeyEvent(.function(4)))
        guard case .pickList(let list)? = app.dialogs.last?.content else {
            Issue.record("no picker")
            return
        }
        #expect(list.matches.map(\.label) == ["行业标准"])
        Self.press(&app, KeyEvent(.escape))
        #expect(Self.screen(app).grid.isEditing)
        #expect(Self.screen(app).grid.currentText == "行业")
    }

    @Test func theNamePickerFillsTheRowFromTheLibrary() {
        var document = Self.document()
        document.projects.append(Project(id: "p-2", indicators: [
            IndicatorRow(id: "x-1", level1: "满意度指标", level2: "服务对象满意度指标", name: "居民满意度",
                         description: "抽样调查居民满意程度", value: "≥95%", basis: "计划标准"),
        ]))
        var app = Self.app(document: document)
        Self.press(&app, KeyEvent(.down), KeyEvent(.right), KeyEvent(.right), KeyEvent(.function(4)))
        Self.type(&app, "居民")
        Self.press(&app, KeyEvent(.enter))
        let row = Self.rows(app)[1]
        #expect(row.name == "居民满意度")
        #expect(row.description == "抽样调查居民满意程度" && row.value == "≥95%" && row.basis == "计划标准")
        #expect(row.level1 == "产出指标", "filled cells are kept")
        Self.press(&app, .ctrl("z"))
        #expect(Self.rows(app)[1].name == "" && Self.rows(app)[1].value == "", "one undo step")
    }

    @Test func theNamePickerAlsoOffersTheEnvironmentsLibrary() {
        let samples = DepartmentDocument(fiscalYear: 2024, unitCode: "9", unitName: "示例", projects: [
            Project(indicators: [IndicatorRow(level1: "产出指标", level2: "数量指标", name: "培训场次", value: "≥12场",
                                              basis: "计划标准")]),
        ])
        var environment = AppEnvironment.pinned(storePath: "")
        environment.indicatorLibrary = IndicatorLibrary(documents: [samples])
        var app = App(home: DepartmentListScreen(listings: []), environment: environment, size: Size(width: 80, height: 24))
        _ = app.handle(.result(.opened(OpenedDepartment(stored: StoredDocument(document: Self.document(), revision: 1)))))
        app.screens.append(ProjectScreen(projectID: "p-1"))
        Self.press(&app, KeyEvent(.right), KeyEvent(.right), KeyEvent(.function(4)))
        Self.type(&app, "培训")
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app)[0].name == "培训场次" && Self.rows(app)[0].value == "≥12场")
    }

    @Test func copyAndPasteACellAndARowAndSendOSC52() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "培训人次")
        Self.press(&app, KeyEvent(.enter), KeyEvent(.up))
        let copied = Self.press(&app, .ctrl("c"))
        #expect(copied.contains(.copyToClipboard("培训人次")))
        Self.press(&app, KeyEvent(.down), .ctrl("v"))
        #expect(Self.rows(app)[1].name == "培训人次")
        Self.press(&app, .alt("c"))
        let before = Self.rows(app).count
        Self.press(&app, .ctrl("v"))
        #expect(Self.rows(app).count == before + 1)
        #expect(Self.rows(app)[2].name == "培训人次" && Self.rows(app)[2].id != Self.rows(app)[1].id)
    }

    @Test func valueFeedbackSaysWhatWasUnderstood() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.end), KeyEvent(.left))
        Self.type(&app, "≥95%")
        #expect(app.view().text.contains("指标值理解为：≥ 95 %"))
        Self.press(&app, KeyEvent(.enter), KeyEvent(.up))
        Self.type(&app, "≥90使用率")
        #expect(app.view().text.contains("未能识别"))
    }

    @Test func findingsPanelListsAndJumps() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.function(7)))
        let frame = app.view().text
        #expect(frame.contains("检查结果"))
        #expect(frame.contains("第1行 三级指标"))
        Self.press(&app, KeyEvent(.function(6)), KeyEvent(.function(6)))  // header, then findings
        #expect(Self.screen(app).focus == .findings)
        let findings = app.session!.findings(forProject: "p-1")
        let target = findings.firstIndex { $0.path.indicatorRowID == "r-3" }!
        for _ in 0..<target { Self.press(&app, KeyEvent(.down)) }
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.screen(app).focus == .grid)
        #expect(Self.screen(app).grid.currentRow?.id == "r-3")
    }

    @Test func theHeaderFormEditsAmountsWithALiveCheck() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.function(6)))
        #expect(Self.screen(app).focus == .header)
        Self.press(&app, KeyEvent(.down), KeyEvent(.down))  // 预算数
        Self.type(&app, "120")
        Self.press(&app, KeyEvent(.enter))
        #expect(app.session!.document.projects[0].budget == Amount(120))
        #expect(app.view().text.contains("不符"))
        Self.press(&app, KeyEvent(.down))  // 其他资金 (Enter moved to 财政资金)
        Self.type(&app, "2O")
        Self.press(&app, KeyEvent(.enter))
        #expect(app.message?.kind == .error, "a letter O is not an amount")
        Self.press(&app, KeyEvent(.backspace))
        Self.type(&app, "0")
        Self.press(&app, KeyEvent(.enter))
        #expect(app.session!.document.projects[0].otherFunds == Amount(20))
        #expect(app.view().text.contains("相符"))
    }

    @Test func escapeCancelsAnEditFirstAndThenLeavesForTheDepartment() {
        var app = Self.app()
        Self.type(&app, "x")
        Self.press(&app, KeyEvent(.escape))
        #expect(app.currentScreen is ProjectScreen)
        Self.press(&app, KeyEvent(.escape))
        #expect(app.currentScreen is DepartmentScreen)
        #expect(Self.rows(app)[0].level1 == "产出指标")
    }

    @Test func everyMovementKeyOfTheGridKeymap() {
        var app = Self.app(size: Size(width: 80, height: 14))
        func at() -> (Int, IndicatorRow.Column) { (Self.screen(app).grid.row, Self.screen(app).grid.column) }
        Self.press(&app, KeyEvent(.end, .control))
        #expect(at() == (8, .basis))
        Self.press(&app, KeyEvent(.home))
        #expect(at() == (8, .level1))
        Self.press(&app, KeyEvent(.end))
        #expect(at() == (8, .basis))
        Self.press(&app, KeyEvent(.tab, .shift))
        #expect(at() == (8, .value))
        Self.press(&app, KeyEvent(.pageUp))
        #expect(at().0 < 8)
        Self.press(&app, KeyEvent(.home, .control))
        #expect(at() == (0, .level1))
        Self.press(&app, KeyEvent(.pageDown))
        #expect(at().0 > 0)
        Self.press(&app, KeyEvent(.up), KeyEvent(.tab), KeyEvent(.right), KeyEvent(.left))
        #expect(at().1 == .level2)
        // The cursor's row is always drawn, with the column titles above it.
        let lines = app.view().lines
        #expect(lines.contains { $0.hasPrefix(">") })
        #expect(lines.contains { $0.contains("三级指标") })
    }

    @Test func backspacePasteExpandAndSave() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "旧名称")
        Self.press(&app, KeyEvent(.enter), KeyEvent(.up), KeyEvent(.backspace))
        #expect(Self.screen(app).grid.isEditing && Self.screen(app).grid.currentText == "")
        _ = app.handle(.paste("粘贴的\n名称"))
        Self.press(&app, .char("j"))  // join the lines (the other answer splits them into rows)
        Self.press(&app, KeyEvent(.enter))
        #expect(Self.rows(app)[0].name == "粘贴的 名称", "a paste is text, line ends read as spaces")
        Self.press(&app, KeyEvent(.function(3)))
        #expect(Self.screen(app).grid.expanded)
        let effects = Self.press(&app, .ctrl("s"))
        #expect(effects.contains { if case .saveDepartment = $0 { true } else { false } })
    }

    @Test func ctrlSWhileEditingCommitsFirst() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "未确认的文字")
        let effects = Self.press(&app, .ctrl("s"))
        #expect(Self.rows(app)[0].name == "未确认的文字")
        guard case .saveDepartment(let document, _)? = effects.last else {
            Issue.record("no save: \(effects)")
            return
        }
        #expect(document.projects[0].indicators[0].name == "未确认的文字")
    }

    @Test func headerKeysToggleTheModeAndAddAndDeleteGoals() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.function(6)), .ctrl("p"))
        #expect(app.session!.document.projects[0].spendingPlan.mode == .amount)
        for _ in 0..<11 { Self.press(&app, KeyEvent(.down)) }  // the last goal
        #expect(Self.screen(app).header.selectedField(in: app.session!.document.projects[0]) == .goal("t-1"))
        Self.press(&app, .alt("n"))
        Self.type(&app, "第二个目标")
        Self.press(&app, KeyEvent(.enter))
        #expect(app.session!.document.projects[0].goals.map(\.text) == ["服务居民", "第二个目标"])
        // Enter continued the list; Esc ends it, adding nothing.
        #expect(Self.screen(app).header.adding != nil)
        Self.press(&app, KeyEvent(.escape))
        #expect(!Self.screen(app).isEditing)
        #expect(app.session!.document.projects[0].goals.map(\.text) == ["服务居民", "第二个目标"])
        Self.press(&app, .alt("d"))
        #expect(app.session!.document.projects[0].goals.map(\.text) == ["服务居民"])
        Self.press(&app, .ctrl("z"), .ctrl("z"), .ctrl("z"), .ctrl("z"))
        #expect(app.session!.document.projects[0].goals.map(\.text) == ["服务居民"])
        #expect(app.session!.document.projects[0].spendingPlan.mode == .percent)
    }

    @Test func textBeingTypedIsJournaledWhenTheConnectionDrops() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.right), KeyEvent(.right))
        Self.type(&app, "还没按回车")
        let effects = app.handle(.terminate(signal: 1))
        #expect(Self.journaled(effects) == [.set(CellPath.indicator(project: "p-1", row: "r-1", column: .name),
                                                  .text("还没按回车"))])
        #expect(effects.last == .quit(status: 129), "journal first, then quit")
    }

    @Test func undoingTheProjectsCreationLeavesAWayBack() {
        var document = Self.document()
        document.projects = []
        var app = Self.app(document: document)
        let project = ProjectTemplate.newProject(name: "新项目", framework: .legacy)
        var context = ScreenContext(environment: app.environment, contentSize: Size(width: 80, height: 21), session: app.session)
        context.apply([.insert(list: .field("projects"), item: DocumentTree.item(project), after: nil)], label: "新增")
        app.session = context.session
        app.screens[app.screens.count - 1] = ProjectScreen(projectID: project.id)
        Self.press(&app, .ctrl("z"))
        #expect(app.session!.document.projects.isEmpty)
        #expect(app.view().text.contains("此项目已不存在"))
        Self.press(&app, .ctrl("y"))
        #expect(app.view().text.contains("新项目"))
        Self.press(&app, .ctrl("z"), KeyEvent(.escape))
        #expect(app.currentScreen is DepartmentScreen)
    }

    @Test func aBlockPastedFromASpreadsheetFillsCellsAndAddsRows() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.end, .control), KeyEvent(.home), KeyEvent(.right), KeyEvent(.right))  // last row, name
        let before = Self.rows(app).count
        _ = app.handle(.paste("居民满意度\t抽样调查\t≥90%\t计划标准\t多余\r\n回访满意度\t电话回访\t≥95%\t\n"))
        let rows = Self.rows(app)
        #expect(rows.count == before + 1)
        #expect([rows[before - 1].name, rows[before - 1].description, rows[before - 1].value, rows[before - 1].basis]
                == ["居民满意度", "抽样调查", "≥90%", "计划标准"])
        #expect(rows[before].name == "回访满意度" && rows[before].value == "≥95%" && rows[before].basis == "")
        Self.press(&app, .ctrl("z"))
        #expect(Self.rows(app).count == before && Self.rows(app)[before - 1].name == "", "one undo step")
    }

    @Test func helpListsTheGridKeys() {
        var app = Self.app()
        Self.press(&app, KeyEvent(.function(1)))
        let sections = app.help?.sections.map(\.title) ?? []
        #expect(sections.contains(.project(.keymapGrid)))
    }

    @Test func at80x24NothingOverlapsAndTheCursorCellIsVisible() {
        var app = Self.app()
        for _ in 0..<12 { Self.press(&app, KeyEvent(.down)) }
        Self.press(&app, KeyEvent(.end))
        let frame = app.view()
        #expect(frame.lines.count == 24)
        let lines = frame.lines
        let current = lines.firstIndex { $0.hasPrefix(">") }
        #expect(current != nil, "the current row is on screen")
        let titles = lines[3]
        #expect(titles.contains("三级指标") && titles.contains("指标值确定"), "\(lines)")
        #expect(!titles.contains("一级指标"), "scrolled right, name kept")
    }

    @Test func at200x50TheGridUsesTheWidth() {
        let app = Self.app(size: Size(width: 200, height: 50))
        let lines = app.view().lines
        let header = lines[3]
        for column in IndicatorRow.Column.allCases { #expect(header.contains(column.chineseName)) }
        #expect(lines.filter { $0.contains("产出指标") || $0.contains("效益指标") || $0.contains("满意度指标") }.count >= 3)
    }
}
