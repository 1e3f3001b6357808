import JixiaoModel

/// The document view (文档视图): the open department read-only, as its printed text reads
/// (`PrintedLayout`), paged like `less`. For reviewers paging through submissions and for
/// editors checking the whole text: Space/PgDn and b/PgUp page, g/G go to the ends, `/`
/// searches (CJK included, incremental) with n/N between matches, `f`/`F` jump between the
/// validation findings and `c`/`C` between the comments, each saying on the message line what
/// it found. The gutter marks lines with findings (`!` error, `?` warning, `.` notice) and
/// open comments (`*`). F6 opens the review actions; Ctrl-N/Ctrl-P page through the review
/// queue's submissions when it was opened from there.
public struct DocumentViewScreen: Screen {
    /// The first layout line shown.
    public private(set) var top = 0
    /// The line the last jump went to (a match, finding or comment), marked in the gutter.
    public private(set) var focusLine: Int?
    /// The last search text (kept for n/N after the search line closes).
    public private(set) var query = ""
    /// The search line while it is being typed.
    public private(set) var searchEditor: LineEditor?
    /// The match the last search or n/N went to.
    public private(set) var currentMatch: Match?
    /// Where the finding and comment jumps are (indexes into their sorted lists).
    public private(set) var findingIndex: Int?
    public private(set) var commentIndex: Int?
    /// How many cells changed since the department was returned, once its history is read
    /// (a resubmission opened from the review queue lands here, not on the department screen).
    public private(set) var changesSinceReturn: Int?
    private var searchOrigin = 0
    private var topBeforeSearch = 0
    /// The search and match before `/`, restored when the new search is cancelled.
    private var previousSearch: (query: String, match: Match?) = ("", nil)
    let cache = PrintedLayoutCache()

    /// A search hit (where it starts, and its parts on each line it covers).
    public typealias Match = PrintedLayout.Match

    /// Columns left of the text: finding mark, comment mark.
    static let gutter = 2

    public init() {}

    public var title: MessageID { .review(.documentViewTitle) }
    public var acceptsTextEntry: Bool { searchEditor != nil }

    // MARK: Keys

    public enum Action: Hashable, Sendable {
        case lineUp, lineDown, pageDown, pageUp, top, bottom
        case search, nextMatch, previousMatch, nextFinding, previousFinding, nextComment, previousComment
        case reviewActions, nextSubmission, previousSubmission, sinceReturn, back
        case acceptSearch, cancelSearch
    }

    public var keymap: Keymap<Action> { searchEditor == nil ? Self.keymap : Self.searchKeymap }

    public static let keymap = Keymap<Action>(name: .review(.keymapDocumentView), [
        KeyBinding([KeyEvent(.up), .char("k")], .lineUp, .review(.helpLineUp)),
        KeyBinding([KeyEvent(.down), .char("j"), KeyEvent(.enter)], .lineDown, .review(.helpLineDown)),
        KeyBinding([.char(" "), KeyEvent(.pageDown)], .pageDown, .review(.helpPageDown), hint: true),
        KeyBinding([.char("b"), KeyEvent(.pageUp)], .pageUp, .review(.helpPageUp)),
        KeyBinding([.char("g"), KeyEvent(.home)], .top, .review(.helpTop)),
        KeyBinding([.char("G"), KeyEvent(.end)], .bottom, .review(.helpBottom)),
        KeyBinding([.char("/"), .ctrl("f")], .search, .review(.helpSearch), hint: true),
        KeyBinding([.char("n")], .nextMatch, .review(.helpNextMatch)),
        KeyBinding([.char("N")], .previousMatch, .review(.helpPreviousMatch)),
        KeyBinding([.char("f")], .nextFinding, .review(.helpNextFinding), hint: true),
        KeyBinding([.char("F")], .previousFinding, .review(.helpPreviousFinding)),
        KeyBinding([.char("c")], .nextComment, .review(.helpNextComment), hint: true),
        KeyBinding([.char("C")], .previousComment, .review(.helpPreviousComment)),
        KeyBinding([KeyEvent(.function(6))], .reviewActions, .review(.helpReviewActions), hint: true),
        KeyBinding([.ctrl("n")], .nextSubmission, .review(.helpNextSubmission)),
        KeyBinding([.ctrl("p")], .previousSubmission, .review(.helpPreviousSubmission)),
        KeyBinding([.alt("r")], .sinceReturn, .notes(.helpSinceReturn)),
        KeyBinding([KeyEvent(.escape), .char("q"), KeyEvent(.function(7))], .back, .review(.helpBack), hint: true),
    ])

    /// While the search text is typed; the text keys are `LineEditor.keymap`.
    public static let searchKeymap = Keymap<Action>(name: .review(.keymapSearch), [
        KeyBinding([KeyEvent(.enter)], .acceptSearch, .review(.helpSearchAccept), hint: true),
        KeyBinding([KeyEvent(.escape)], .cancelSearch, .review(.helpSearchCancel), hint: true),
    ])

    public var helpSections: [HelpSection] {
        searchEditor == nil ? [Self.keymap.help] : [Self.searchKeymap.help, LineEditor.keymap.help]
    }

    // MARK: Layout

    /// The laid-out document for a content area `width` wide, or nil without a session.
    func layout(_ session: DocumentSession?, width: Int, environment: AppEnvironment) -> PrintedLayout? {
        guard let document = session?.document else { return nil }
        return cache.layout(for: document, width: max(1, width - Self.gutter), metrics: environment.metrics)
    }

    /// The number of laid-out lines for `app`'s open department and window (benchmarks).
    public func lineCount(_ app: App) -> Int {
        layout(app.session, width: app.contentArea.width, environment: app.environment)?.lines.count ?? 0
    }

    /// Text rows: the content area less the header line and the position line.
    static func pageHeight(_ contentHeight: Int) -> Int { max(1, contentHeight - 2) }

    // MARK: Update

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        guard let layout = layout(context.session, width: context.contentSize.width, environment: context.environment) else {
            if action == .back { context.pop() }
            return
        }
        let page = Self.pageHeight(context.contentSize.height)
        let lastTop = max(0, layout.lines.count - page)
        switch action {
        case .lineUp: top -= 1
        case .lineDown: top += 1
        case .pageDown: top += page
        case .pageUp: top -= page
        case .top: top = 0
        case .bottom: top = lastTop
        case .search:
            searchEditor = LineEditor("", metrics: context.environment.metrics)
            searchOrigin = top
            topBeforeSearch = top
            previousSearch = (query, currentMatch)
        case .acceptSearch:
            searchEditor = nil
            if !query.isEmpty && currentMatch == nil { context.showMessage(.review(.noMatch(query))) }
        case .cancelSearch:
            searchEditor = nil
            top = topBeforeSearch
            (query, currentMatch) = previousSearch
        case .nextMatch: stepMatch(forward: true, layout: layout, page: page, context: &context)
        case .previousMatch: stepMatch(forward: false, layout: layout, page: page, context: &context)
        case .nextFinding: jumpFinding(by: 1, layout: layout, page: page, context: &context)
        case .previousFinding: jumpFinding(by: -1, layout: layout, page: page, context: &context)
        case .nextComment: jumpComment(by: 1, layout: layout, page: page, context: &context)
        case .previousComment: jumpComment(by: -1, layout: layout, page: page, context: &context)
        case .reviewActions: ReviewActionMenu.present(context: &context)
        case .nextSubmission: context.openSubmission(step: 1)
        case .previousSubmission: context.openSubmission(step: -1)
        case .sinceReturn:
            if let document = context.session?.document { RevisionDiffScreen.showSinceReturn(document, context: &context) }
        case .back: context.pop()
        }
        top = min(max(0, top), lastTop)
    }

    public mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {
        guard searchEditor != nil else { return }
        let before = searchEditor!.text
        searchEditor!.handle(key)
        if searchEditor!.text != before { searchAsTyped(context: &context) }
    }

    public mutating func handlePaste(_ text: String, context: inout ScreenContext) {
        guard searchEditor != nil else { return }
        searchEditor!.insert(text.replacingOccurrences(of: "\n", with: " "))
        searchAsTyped(context: &context)
    }

    /// The review menu's dialogs; an error picked from a refused submission is shown here.
    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        guard let path = ReviewActionMenu.dialogFinished(tag: tag, result: result, context: &context),
              let layout = layout(context.session, width: context.contentSize.width, environment: context.environment),
              let line = layout.line(for: path) else { return }
        show(line: line, page: Self.pageHeight(context.contentSize.height), lines: layout.lines.count)
    }

    /// Incremental search: the first match at or after the line where the search began.
    private mutating func searchAsTyped(context: inout ScreenContext) {
        guard let editor = searchEditor,
              let layout = layout(context.session, width: context.contentSize.width, environment: context.environment)
        else { return }
        query = editor.text
        let page = Self.pageHeight(context.contentSize.height)
        guard !query.isEmpty else {
            currentMatch = nil
            top = topBeforeSearch
            return
        }
        currentMatch = matches(context.session, width: context.contentSize.width, environment: context.environment)
            .first { $0.line >= searchOrigin }
        if let match = currentMatch { show(line: match.line, page: page, lines: layout.lines.count) }
    }

    private mutating func stepMatch(forward: Bool, layout: PrintedLayout, page: Int, context: inout ScreenContext) {
        guard !query.isEmpty else {
            // Nothing searched yet: n and N open the search line.
            perform(.search, context: &context)
            return
        }
        let from = currentMatch ?? Match(line: forward ? top : top + page, column: forward ? -1 : 0)
        let all = matches(context.session, width: context.contentSize.width, environment: context.environment)
        guard let next = Self.nextMatch(in: all, after: from, forward: forward) else {
            context.showMessage(.review(.noMatch(query)))
            return
        }
        if (forward && next <= from) || (!forward && next >= from) { context.showMessage(.review(.searchWrapped)) }
        currentMatch = next
        show(line: next.line, page: page, lines: layout.lines.count)
    }

    /// Scrolls so `line` is in view, a few lines below the top when it was not.
    private mutating func show(line: Int, page: Int, lines: Int) {
        focusLine = line
        if line < top || line >= top + page { top = max(0, line - min(3, page / 4)) }
        top = min(top, max(0, lines - page))
    }

    // MARK: Search

    /// The matches of the current query in the document as laid out for a content area
    /// `width` wide (found once per query and layout).
    func matches(_ session: DocumentSession?, width: Int, environment: AppEnvironment) -> [Match] {
        guard !query.isEmpty, let document = session?.document else { return [] }
        return cache.matches(of: query, document: document, width: max(1, width - Self.gutter), metrics: environment.metrics)
    }

    /// The first of `matches` (in order) after `position`, or before it going back, wrapping
    /// around the document.
    static func nextMatch(in matches: [Match], after position: Match, forward: Bool) -> Match? {
        if forward { return matches.first { $0 > position } ?? matches.first }
        return matches.last { $0 < position } ?? matches.last
    }

    /// Every match in the document, in reading order.
    static func allMatches(in layout: PrintedLayout, query: String, metrics: TextMetrics) -> [Match] {
        layout.matches(of: query, metrics: metrics)
    }

    // MARK: Findings and comments

    /// The findings placed on lines, in reading order.
    static func placedFindings(_ session: DocumentSession, layout: PrintedLayout) -> [(line: Int, finding: Finding)] {
        session.findings.compactMap { finding in layout.line(for: finding.path).map { ($0, finding) } }
            .sorted { ($0.line, $0.finding.severity.rank) < ($1.line, $1.finding.severity.rank) }
    }

    /// The open comments placed on lines (a comment on the whole submission on the title).
    static func placedComments(_ document: DepartmentDocument, layout: PrintedLayout) -> [(line: Int, comment: ReviewComment)] {
        document.comments.filter { !$0.isResolved }.map { comment in
            (comment.cell.flatMap { layout.line(for: $0) } ?? 0, comment)
        }.sorted { $0.line < $1.line }
    }

    /// The next index in a list of placed items: the one after the last jump when it is still
    /// in view, else the first at or below the top of the page (the last above it going back).
    private func nextIndex(_ lines: [Int], current: Int?, by step: Int, page: Int) -> Int? {
        guard !lines.isEmpty else { return nil }
        if let current, lines.indices.contains(current), lines[current] >= top, lines[current] < top + page {
            return (current + step + lines.count) % lines.count
        }
        if step > 0 { return lines.firstIndex { $0 >= top } ?? 0 }
        return lines.lastIndex { $0 < top } ?? lines.count - 1
    }

    /// Shows the next (or previous) of items placed on `lines` after the one at `current`;
    /// returns its index, nil when there are none.
    private mutating func jump(_ lines: [Int], from current: Int?, by step: Int, layout: PrintedLayout, page: Int) -> Int? {
        guard let index = nextIndex(lines, current: current, by: step, page: page) else { return nil }
        show(line: lines[index], page: page, lines: layout.lines.count)
        return index
    }

    private mutating func jumpFinding(by step: Int, layout: PrintedLayout, page: Int, context: inout ScreenContext) {
        guard let session = context.session else { return }
        let placed = Self.placedFindings(session, layout: layout)
        guard let index = jump(placed.map(\.line), from: findingIndex, by: step, layout: layout, page: page) else {
            context.showMessage(.review(.noFindingsInDocument))
            return
        }
        findingIndex = index
        let finding = placed[index].finding
        context.showMessage(.review(.findingNote(index: index + 1, count: placed.count, text: finding.message,
                                                 place: CellLocation.describe(finding.path, in: session.document))),
                            kind: finding.severity == .error ? .error : .info)
    }

    private mutating func jumpComment(by step: Int, layout: PrintedLayout, page: Int, context: inout ScreenContext) {
        guard let document = context.session?.document else { return }
        let placed = Self.placedComments(document, layout: layout)
        guard let index = jump(placed.map(\.line), from: commentIndex, by: step, layout: layout, page: page) else {
            context.showMessage(.review(.noCommentsInDocument))
            return
        }
        commentIndex = index
        let comment = placed[index].comment
        context.showMessage(.review(.commentNote(index: index + 1, count: placed.count, author: comment.author,
                                                 time: context.environment.times.dateTime(comment.time), text: comment.text,
                                                 place: comment.cell.map { CellLocation.describe($0, in: document) })))
    }

    /// The history the session read on opening a resubmission: the count for the top line.
    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        guard case .history(let history) = result, let document = context.session?.document,
              history.id == document.id else { return }
        changesSinceReturn = history.changesSinceReturn()?.entries.count
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard let session = context.session, area.height >= 3,
              let layout = layout(session, width: area.width, environment: context.environment) else { return }
        let theme = context.theme
        let document = session.document
        drawHeader(session, into: &buffer, area: area, context: context)

        let page = Self.pageHeight(area.height)
        let first = min(top, max(0, layout.lines.count - page))
        var findingMarks: [Int: Severity] = [:]
        for (line, finding) in Self.placedFindings(session, layout: layout) where line >= first && line < first + page {
            if findingMarks[line].map({ finding.severity.rank < $0.rank }) ?? true { findingMarks[line] = finding.severity }
        }
        let commentLines = Set(Self.placedComments(document, layout: layout).map(\.line))
        let textX = area.x + Self.gutter
        for row in 0..<page {
            let index = first + row
            let y = area.y + 1 + row
            guard index < layout.lines.count else { break }
            let line = layout.lines[index]
            let style: Style = switch line.kind {
            case .title, .heading: theme[.header]
            case .border: theme[.dim]
            default: theme[.text]
            }
            if let severity = findingMarks[index] {
                buffer.write(severity.mark, x: area.x, y: y, maxWidth: 1, style: severity == .error ? theme[.error] : theme[.header])
            }
            if commentLines.contains(index) {
                buffer.write("*", x: area.x + 1, y: y, maxWidth: 1, style: theme[.header])
            }
            if index == focusLine { buffer.restyle(Rect(x: area.x, y: y, width: Self.gutter, height: 1), style: theme[.selected]) }
            buffer.write(line.text, x: textX, y: y, maxWidth: area.width - Self.gutter, style: style)
        }
        // Matches on the page, the current one underlined.
        for match in matches(session, width: area.width, environment: context.environment) {
            var highlight = theme[.selected]
            if match == currentMatch { highlight.attributes.formUnion([.underline, .bold]) }
            for span in match.spans where span.line >= first && span.line < first + page {
                buffer.restyle(Rect(x: textX + span.column, y: area.y + 1 + span.line - first, width: span.width, height: 1),
                               style: highlight)
            }
        }
        drawPosition(layout: layout, first: first, page: page, into: &buffer, area: area, context: context)
    }

    /// Line 0: unit, year, status, the last review step and the finding counts.
    private func drawHeader(_ session: DocumentSession, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let strings = context.strings
        let document = session.document
        let counts = session.findingCounts
        // Status and the last step first: what a reviewer needs; the unit is on the page below.
        var parts = [strings[.reviewStatus(document.status)]]
        if let changes = changesSinceReturn, ReturnedChanges.isResubmission(document) {
            parts.append(strings[.notes(.sinceReturn(changes))])
        }
        if let event = document.reviewLog.last {
            parts.append(strings[.review(.lastEvent(action: event.action, user: event.user,
                                                    time: context.environment.times.dateTime(event.time),
                                                    comment: event.comment.replacingOccurrences(of: "\n", with: " ")))])
        }
        parts.append(strings[.review(.findingCount(errors: counts.errors, warnings: counts.warnings))])
        parts.append("\(document.unitCode) \(document.unitName)")
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: context.theme[.header])
        buffer.write(parts.joined(separator: " · "), x: area.x + 1, y: area.y, maxWidth: area.width - 2,
                     style: context.theme[.header])
    }

    /// The last line: where the page is, the search line or the match position.
    private func drawPosition(layout: PrintedLayout, first: Int, page: Int, into buffer: inout Buffer, area: Rect,
                              context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let y = area.maxY - 1
        buffer.fill(Rect(x: area.x, y: y, width: area.width, height: 1), style: theme[.dim])
        if let editor = searchEditor {
            let prompt = strings[.review(.searchPrompt)]
            let promptWidth = buffer.write(prompt, x: area.x + 1, y: y, style: theme[.header])
            let fieldWidth = max(1, area.width - promptWidth - 2)
            let shown = editor.visible(width: fieldWidth)
            buffer.write(shown.text, x: area.x + 1 + promptWidth, y: y, width: fieldWidth, style: theme[.input])
            buffer.cursor = Buffer.Position(x: area.x + 1 + promptWidth + shown.cursorX, y: y)
            return
        }
        let total = layout.lines.count
        var text = strings[.review(.pagerPosition(first: min(total, first + 1), last: min(total, first + page), total: total))]
        if total > 0 { text += " (\(min(100, (first + page) * 100 / total))%)" }
        if !query.isEmpty {
            let all = matches(context.session, width: area.width, environment: context.environment)
            let index = currentMatch.flatMap { all.firstIndex(of: $0) }.map { $0 + 1 } ?? 0
            text += "  " + strings[.review(.matchPosition(query: query, index: index, count: all.count))]
        }
        buffer.write(text, x: area.x + 1, y: y, maxWidth: area.width - 2, style: theme[.dim])
    }
}

extension Severity {
    /// Errors first when several findings share a line.
    var rank: Int {
        switch self {
        case .error: 0
        case .warning: 1
        case .notice: 2
        }
    }

    /// The gutter mark, as the indicator grid's.
    var mark: String {
        switch self {
        case .error: "!"
        case .warning: "?"
        case .notice: "."
        }
    }
}
