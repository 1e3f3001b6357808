import JixiaoModel

/// The cell-level diff between two revisions (版本比较): per changed cell its location, then
/// the old value (`-`, the theme's removed style) and the new (`+`, added), wrapped to the
/// width and CJK-aligned. The `-`/`+` signs keep it readable without colour.
public struct RevisionDiffScreen: Screen {
    public private(set) var diff: RevisionDiff?
    /// While waiting for the history of this department ("changes since returned").
    public private(set) var pendingSinceReturn: String?
    public private(set) var scroll = 0
    /// The lines laid out by the last key, and the width they were laid out for: a diff of a
    /// whole department has thousands, so frames reuse them instead of wrapping each time.
    private var laidOut: (width: Int, lines: [Line])?

    public init(diff: RevisionDiff) {
        self.diff = diff
    }

    init(pendingSinceReturn id: String) {
        self.pendingSinceReturn = id
    }

    /// Alt-R: the changes since the department was last returned, straight from the
    /// department or project screen (the history is read first).
    static func showSinceReturn(_ document: DepartmentDocument, context: inout ScreenContext) {
        guard ReturnedChanges.isResubmission(document) else {
            context.showMessage(.notes(.noReturn))
            return
        }
        context.perform(.loadHistory(id: document.id))
        context.push(RevisionDiffScreen(pendingSinceReturn: document.id))
    }

    public var title: MessageID {
        guard let diff else { return .notes(.historyTitle) }
        return .notes(diff.sinceReturn ? .diffSinceReturnTitle(from: diff.from, to: diff.to) : .diffTitle(from: diff.from, to: diff.to))
    }

    public enum Action: Hashable, Sendable { case up, down, pageUp, pageDown, first, last, back }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .notes(.keymapDiff), [
        KeyBinding([KeyEvent(.up), .char("k")], .up, .notes(.helpScrollUp)),
        KeyBinding([KeyEvent(.down), .char("j")], .down, .notes(.helpScrollDown)),
        KeyBinding([KeyEvent(.pageUp), .char("b")], .pageUp, .helpPageUp),
        KeyBinding([KeyEvent(.pageDown), .char(" ")], .pageDown, .helpPageDown),
        KeyBinding([KeyEvent(.home), .char("g")], .first, .helpFirstRow),
        KeyBinding([KeyEvent(.end), .char("G")], .last, .helpLastRow),
        KeyBinding([KeyEvent(.escape)], .back, .notes(.helpBack), hint: true),
    ])

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        let size = context.contentSize
        let page = max(1, size.height - 2)
        // The lines as `render` lays them out in the same area, so the end is where it stops.
        let width = size.width - 1
        if laidOut?.width != width, let diff {
            laidOut = (width, Self.lines(diff, width: width, strings: context.environment.strings,
                                         metrics: context.environment.metrics))
        }
        let bottom = max(0, (laidOut?.lines.count ?? 0) - (size.height - 1))
        switch action {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        case .first: scroll = 0
        case .last: scroll = bottom
        case .back: context.pop()
        }
        scroll = min(max(0, scroll), bottom)
    }

    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        guard let id = pendingSinceReturn, case .history(let history) = result, history.id == id else { return }
        pendingSinceReturn = nil
        if let diff = history.changesSinceReturn() {
            self.diff = diff
        } else {
            context.showMessage(.notes(.returnNotStored))
            context.pop()
        }
    }

    // MARK: Drawing

    /// One drawn line: text and the role it is drawn in.
    struct Line: Hashable {
        var text: String
        var role: ThemeRole
    }

    /// Every line of the diff at `width`.
    static func lines(_ diff: RevisionDiff, width: Int, strings: Strings, metrics: TextMetrics) -> [Line] {
        var lines: [Line] = []
        // The diff lists content only; say so when the revisions differ in their review record.
        let summary = !diff.entries.isEmpty ? strings[.notes(.diffCount(diff.entries.count))]
            : strings[.notes(diff.old == diff.new ? .diffNone : .diffOnlyReviewRecord)]
        lines.append(Line(text: summary, role: .dim))
        if !diff.exact { lines.append(Line(text: strings[.notes(.diffApproximate)], role: .dim)) }
        func value(_ value: CellValue?) -> String {
            guard let value else { return strings[.notes(.absentValue)] }
            return value.text.map { $0.isEmpty ? strings[.notes(.blankValue)] : $0 } ?? strings[.notes(.blankValue)]
        }
        func side(_ sign: String, _ label: String, _ text: String, _ role: ThemeRole) {
            let indent = "    "
            for (i, part) in metrics.wrap(label + text, to: max(1, width - indent.count)).enumerated() {
                lines.append(Line(text: "  " + (i == 0 ? sign + " " : "  ") + part, role: role))
            }
        }
        for entry in diff.entries {
            switch entry {
            case .order(let change):
                let place = CommentText.location(change.path, in: diff.new, strings)
                lines.append(Line(text: place + "  " + strings[.notes(.orderChanged)], role: .header))
            case .cell(let change):
                lines.append(Line(text: CommentText.location(change.path, in: diff.new, strings), role: .header))
                side("-", "", value(change.old), .removed)
                side("+", "", value(change.new), .added)
            case .item(let path, let added, let cells):
                // An added item is found in the new revision, a removed one in the old.
                let document = added ? diff.new : diff.old
                let place = CommentText.location(path, in: document, strings)
                lines.append(Line(text: place + " " + strings[.notes(added ? .itemAdded : .itemRemoved)], role: .header))
                // Indicator cells in the table's column order; other fields as recorded.
                let columns = IndicatorRow.Column.allCases
                let ordered = cells.enumerated().sorted { a, b in
                    let x = a.element.path.lastField.flatMap(IndicatorRow.Column.init(rawValue:)).flatMap(columns.firstIndex) ?? columns.count
                    let y = b.element.path.lastField.flatMap(IndicatorRow.Column.init(rawValue:)).flatMap(columns.firstIndex) ?? columns.count
                    return (x, a.offset) < (y, b.offset)
                }.map(\.element)
                for change in ordered {
                    guard let text = (added ? change.new : change.old)?.text, !text.isEmpty else { continue }
                    // The field's own name: the location's last part.
                    let field = CommentText.location(change.path, in: document, strings).components(separatedBy: " · ").last ?? ""
                    side(added ? "+" : "-", field + (strings.language == .english ? ": " : "："), text, added ? .added : .removed)
                }
            }
        }
        return lines
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard area.height >= 2 else { return }
        let theme = context.theme
        let strings = context.strings
        buffer.write(" " + strings[.notes(.diffHint)], x: area.x, y: area.maxY - 1, width: area.width, style: theme[.dim])
        guard let diff else {
            buffer.write(" " + strings[.notes(.historyLoading)], x: area.x, y: area.y, width: area.width, style: theme[.dim])
            return
        }
        let width = area.width - 1
        let lines = laidOut?.width == width ? laidOut!.lines : Self.lines(diff, width: width, strings: strings, metrics: context.metrics)
        let visible = area.height - 1
        let top = min(scroll, max(0, lines.count - visible))
        for (row, line) in lines.dropFirst(top).prefix(visible).enumerated() {
            buffer.write(" " + line.text, x: area.x, y: area.y + row, width: area.width, style: theme[line.role])
        }
    }
}
