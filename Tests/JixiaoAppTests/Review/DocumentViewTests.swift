import JixiaoModel
import Testing
@testable import JixiaoApp

@MainActor
@Suite struct DocumentViewTests {
    static let f7 = KeyEvent(.function(7)), escape = KeyEvent(.escape), enter = KeyEvent(.enter)

    /// The document view's layout as the screen has it at 80×24.
    static func layout(_ h: EditorFlowTests.Harness) -> PrintedLayout {
        h.documentView!.layout(h.app.session, width: h.app.contentArea.width, environment: h.app.environment)!
    }

    @Test func f7OpensTheDocumentViewAndThePagerKeysMoveThroughIt() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(Self.f7)
        let view = try! #require(h.documentView)
        #expect(view.top == 0)
        #expect(h.screenText.contains("900201 示例市青湖区民政局（本级）"))
        #expect(h.screenText.contains("已送审"))
        // Review times are shown in local time.
        #expect(h.screenText.contains("送审：office02 \(h.app.environment.times.dateTime("2024-01-16T03:00:00Z"))"))
        let page = DocumentViewScreen.pageHeight(h.app.contentArea.height)
        let total = Self.layout(h).lines.count
        #expect(h.screenText.contains("第 1–\(page) 行，共 \(total) 行"))
        h.keys(.char(" "))
        #expect(h.documentView?.top == page)
        h.keys(KeyEvent(.pageDown))
        #expect(h.documentView?.top == 2 * page)
        h.keys(.char("b"))
        #expect(h.documentView?.top == page)
        h.keys(KeyEvent(.pageUp), KeyEvent(.pageUp))
        #expect(h.documentView?.top == 0)
        h.keys(.char("j"), .char("j"), KeyEvent(.down))
        #expect(h.documentView?.top == 3)
        h.keys(.char("k"), KeyEvent(.up))
        #expect(h.documentView?.top == 1)
        h.keys(.char("G"))
        #expect(h.documentView?.top == total - page)
        // The last page shows the end of the last project's table.
        #expect(h.screenText.contains("└"))
        h.keys(.char("j"))
        #expect(h.documentView?.top == total - page)
        h.keys(.char("g"))
        #expect(h.documentView?.top == 0)
        h.keys(Self.escape)
        #expect(h.department != nil)
    }

    @Test func searchFindsChineseTextIncrementallyAndNAndShiftNStepThroughTheMatches() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(Self.f7)
        h.keys(.char("/"))
        #expect(h.app.acceptsTextEntry)
        h.type("婚姻")
        let layout = Self.layout(h)
        let first = try! #require(h.documentView?.currentMatch)
        #expect(layout.lines[first.line].text.contains("婚姻"))
        // No earlier line has the word.
        #expect(!layout.lines[..<first.line].contains { $0.text.contains("婚姻") })
        h.send([.paste("登记")])
        let match = try! #require(h.documentView?.currentMatch)
        #expect(layout.lines[match.line].text.contains("婚姻登记"))
        h.keys(Self.enter)
        #expect(h.documentView?.searchEditor == nil)
        #expect(!h.app.acceptsTextEntry)
        let count = DocumentViewScreen.allMatches(in: layout, query: "婚姻登记", metrics: TextMetrics()).count
        #expect(count > 3)
        #expect(h.screenText.contains("“婚姻登记” 1/\(count)"))
        // The match is highlighted where it is on screen.
        let view = h.app.view()
        let y = 2 + match.line - h.documentView!.top
        #expect(view[DocumentViewScreen.gutter + match.column, y].style == h.app.environment.theme[.selected].with(underlineAndBold: true))
        h.keys(.char("n"))
        let second = try! #require(h.documentView?.currentMatch)
        #expect(second > match)
        #expect(h.screenText.contains("“婚姻登记” 2/\(count)"))
        h.keys(.char("N"))
        #expect(h.documentView?.currentMatch == match)
        h.keys(.char("N"))
        // Back past the first: wraps to the last, saying so.
        #expect(h.screenText.contains("“婚姻登记” \(count)/\(count)"))
        #expect(h.messageText == "已从头继续查找")
        h.keys(.char("/"))
        h.type("没有这个词")
        h.keys(Self.enter)
        #expect(h.messageText == "找不到“没有这个词”")
    }

    @Test func escapeWhileTypingASearchCancelsItAndReturnsToWhereItStarted() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(Self.f7, .char(" "))
        let top = h.documentView!.top
        h.keys(.char("/"))
        h.type("满意度")
        #expect(h.documentView?.top != top)
        h.keys(Self.escape)
        #expect(h.documentView?.top == top)
        #expect(h.documentView?.currentMatch == nil)
        #expect(h.documentView?.query == "")
        #expect(h.documentView != nil)  // Esc closed the search, not the view
        // A cancelled search leaves the one before it in place, for n and N.
        h.keys(.char("/"))
        h.type("婚姻")
        h.keys(Self.enter)
        let match = h.documentView?.currentMatch
        h.keys(.char("/"))
        h.type("殡葬")
        h.keys(Self.escape)
        #expect(h.documentView?.query == "婚姻")
        #expect(h.documentView?.currentMatch == match)
    }

    @Test func fJumpsToEachFindingAndSaysWhatItIs() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900102-2024")])
        ReviewFlow.open("900102-2024", in: &h)
        h.keys(Self.f7)
        let session = h.app.session!
        let layout = Self.layout(h)
        let placed = DocumentViewScreen.placedFindings(session, layout: layout)
        #expect(placed.count == session.findings.count)
        h.keys(.char("f"))
        let focus = try! #require(h.documentView?.focusLine)
        #expect(focus == placed[0].line)
        #expect(h.messageText?.hasPrefix("问题 1/\(placed.count)：") == true)
        #expect(h.messageText?.contains(placed[0].finding.message.zh) == true)
        // The line is on screen, marked in the gutter.
        let y = 2 + focus - h.documentView!.top
        #expect("!?.".contains(h.app.view().line(y).prefix(1)))
        h.keys(.char("f"))
        #expect(h.messageText?.hasPrefix("问题 2/\(placed.count)：") == true)
        h.keys(.char("F"))
        #expect(h.messageText?.hasPrefix("问题 1/\(placed.count)：") == true)
        // The errors are among them, in red on the message line.
        let errorIndex = try! #require(placed.firstIndex { $0.finding.severity == .error })
        h.keys(.char("g"))
        for _ in 0...errorIndex { h.keys(.char("f")) }
        #expect(h.app.message?.kind == .error)
    }

    @Test func cJumpsToTheCommentedCellAndShowsTheComment() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900102-2024")])
        ReviewFlow.open("900102-2024", in: &h)
        h.keys(Self.f7, .char("c"))
        let comment = h.document!.comments[0]
        let line = Self.layout(h).line(for: comment.cell!)
        #expect(h.documentView?.focusLine == line)
        #expect(h.messageText?.contains("批注 1/1：reviewer") == true)
        #expect(h.messageText?.contains("上年实际发放约1500份") == true)
        let y = 2 + line! - h.documentView!.top
        #expect(h.app.view().line(y).dropFirst().hasPrefix("*"))
    }

    @Test func aDocumentWithoutCommentsSaysSo() {
        var h = ReviewFlow.harness([EditorFlowTests.department()])
        h.keys(Self.enter, Self.f7, .char("c"))
        #expect(h.messageText == "没有批注")
        #expect(h.documentView?.focusLine == nil)
    }

    @Test func theLayoutIsBuiltOncePerDocumentAndWidth() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(Self.f7)
        let view = h.documentView!
        let document = h.document!
        let a = view.cache.layout(for: document, width: 78, metrics: TextMetrics())
        let b = view.cache.layout(for: document, width: 78, metrics: TextMetrics())
        #expect(a.lines == b.lines)
        let narrow = view.cache.layout(for: document, width: 60, metrics: TextMetrics())
        #expect(narrow.width == 60)
        #expect(narrow.lines.count > a.lines.count)
    }

    @Test func aNarrowerWindowLaysTheDocumentOutAgainAndHelpListsTheKeys() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(Self.f7, .char("G"))
        let wide = Self.layout(h).lines.count
        h.send([.resize(Size(width: 60, height: 20))])
        let narrow = Self.layout(h)
        #expect(narrow.width == 58)
        #expect(narrow.lines.count > wide)
        // The table rows on screen are the new width: their right border is the window's last column.
        let rows = h.app.view().lines.filter { $0.dropFirst(2).hasPrefix("│") }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasSuffix("│") })
        h.keys(KeyEvent(.function(1)))
        let help = h.screenText
        #expect(help.contains("下一个检查问题"))
        h.keys(KeyEvent(.pageDown))
        #expect(h.screenText.contains("下一条批注"))
        #expect(h.screenText.contains("审核操作（送审、通过、退回、撤回）"))
    }

    @Test func theProjectScreenOpensTheDocumentViewWithF5() {
        var h = ReviewFlow.harness([ReviewFlow.sample("900201-2024")])
        ReviewFlow.open("900201-2024", in: &h)
        h.keys(KeyEvent(.tab, .shift), Self.enter)  // projects, first project
        #expect(h.app.currentScreen is ProjectScreen)
        h.keys(KeyEvent(.function(5)))
        #expect(h.documentView != nil)
        h.keys(Self.escape)
        #expect(h.app.currentScreen is ProjectScreen)
    }
}

extension Style {
    func with(underlineAndBold: Bool) -> Style {
        var copy = self
        if underlineAndBold { copy.attributes.formUnion([.underline, .bold]) }
        return copy
    }
}
