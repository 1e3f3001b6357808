import JixiaoModel
import JixiaoStore

/// The revisions of the open department (修订历史, F8), newest first, one line each: revision,
/// who, when, and what changed (a review step by name, comments, or how many cells and where).
/// Enter compares two revisions cell by cell (`RevisionDiffScreen`): the marked one (Space)
/// with the selected one, or without a mark the selected one with the current revision.
/// `r` shows what changed since the last return.
public struct HistoryScreen: Screen {
    public let departmentID: String
    public private(set) var history: DepartmentHistory?
    public private(set) var failure: String?
    public private(set) var selection = 0
    /// The revision marked with Space.
    public private(set) var marked: Int?

    public init(departmentID: String) {
        self.departmentID = departmentID
    }

    /// A history screen for `id`, asking for the history as it opens.
    public static func opening(_ id: String, context: inout ScreenContext) -> HistoryScreen {
        context.perform(.loadHistory(id: id))
        return HistoryScreen(departmentID: id)
    }

    public var title: MessageID { .notes(.historyTitle) }

    public enum Action: Hashable, Sendable {
        case move(RowMove), mark, diff, sinceReturn, refresh, back
    }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .notes(.keymapHistory),
        RowMove.bindings(Action.move) + [
            KeyBinding([KeyEvent(.enter)], .diff, .notes(.helpDiffRevision), hint: true),
            KeyBinding([.char(" ")], .mark, .notes(.helpMarkRevision), hint: true),
            KeyBinding([.char("r"), .alt("r")], .sinceReturn, .notes(.helpSinceReturn)),
            KeyBinding([KeyEvent(.function(5))], .refresh, .helpRefresh),
            KeyBinding([KeyEvent(.escape), KeyEvent(.function(8))], .back, .notes(.helpBack), hint: true),
        ])

    /// The records shown, newest first.
    public var entries: [HistoryRecord] { (history?.records ?? []).reversed() }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        let entries = entries
        switch action {
        case .move(let move):
            selection = move.apply(to: selection, count: entries.count, page: max(1, context.contentSize.height - 6))
        case .back: context.pop()
        case .refresh: context.perform(.loadHistory(id: departmentID))
        case .mark:
            guard entries.indices.contains(selection), entries[selection].kind == .save else { return }
            let revision = entries[selection].revision
            marked = marked == revision ? nil : revision
            if let marked { context.showMessage(.notes(.revisionMarked(marked))) }
        case .diff:
            guard let history, entries.indices.contains(selection) else { return }
            let selected = entries[selection].revision
            var (from, to) = (marked ?? selected, marked == nil ? history.latest.revision : selected)
            if from == to { from = to - 1 }  // The current revision: what it changed.
            guard from >= 1 else {
                context.showMessage(.notes(.noEarlierRevision))
                return
            }
            if from > to { swap(&from, &to) }
            show(history, from: from, to: to, context: &context)
        case .sinceReturn:
            guard let history else { return }
            guard let diff = history.changesSinceReturn() else {
                context.showMessage(.notes(ReturnedChanges.isResubmission(history.latest.document) ? .returnNotStored : .noReturn))
                return
            }
            context.push(RevisionDiffScreen(diff: diff))
        }
    }

    private func show(_ history: DepartmentHistory, from: Int, to: Int, context: inout ScreenContext) {
        do {
            context.push(RevisionDiffScreen(diff: try history.diff(from: from, to: to)))
        } catch {
            context.showMessage(.effectFailed(error.message), kind: .error)
        }
    }

    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        switch result {
        case .history(let loaded) where loaded.id == departmentID:
            history = loaded
            failure = nil
            selection = min(selection, max(0, loaded.records.count - 1))
        case .failed(let failed) where failed.operation == .history && failed.id == departmentID:
            failure = failed.message
        default:
            break
        }
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard area.height >= 3 else { return }
        let theme = context.theme
        let strings = context.strings
        buffer.write(" " + strings[.notes(.historyHint)], x: area.x, y: area.maxY - 1, width: area.width, style: theme[.dim])
        guard let history else {
            let text = failure.map { strings[.effectFailed($0)] } ?? strings[.notes(.historyLoading)]
            buffer.write(" " + text, x: area.x, y: area.y, width: area.width, style: failure == nil ? theme[.dim] : theme[.error])
            return
        }
        let entries = entries
        guard !entries.isEmpty else {
            buffer.write(" " + strings[.notes(.historyEmpty)], x: area.x, y: area.y, width: area.width, style: theme[.dim])
            return
        }
        let metrics = context.metrics
        // The selected revision's whole line, wrapped, above the hint: the list clips at 80 columns.
        let selected = entries[min(selection, entries.count - 1)]
        let detail = metrics.wrap(strings[.notes(.revision(selected.revision))] + "  " + selected.user + "  "
                                  + context.environment.times.dateTime(selected.time) + "  "
                                  + HistoryLines.summary(selected, in: history.latest.document, strings),
                                  to: max(1, area.width - 2))
        let detailHeight = min(3, detail.count, max(0, area.height - 3))
        for (i, line) in detail.prefix(detailHeight).enumerated() {
            buffer.write(" " + line, x: area.x, y: area.maxY - 1 - detailHeight + i, width: area.width, style: theme[.header])
        }
        let visible = max(1, area.height - 2 - detailHeight)
        let top = IndicatorGrid.scroll(top: 0, cursor: selection, visible: visible, count: entries.count)
        for (line, index) in (top..<min(entries.count, top + visible)).enumerated() {
            let record = entries[index]
            let mark = record.kind == .save && record.revision == marked ? "*" : " "
            let revision = metrics.pad(strings[.notes(.revision(record.revision))], to: 9)
            let text = mark + revision + " " + metrics.pad(metrics.clip(record.user, to: 8), to: 8) + " "
                + context.environment.times.dateTime(record.time) + "  " + HistoryLines.summary(record, in: history.latest.document, strings)
            let style = index == selection ? theme[.selected] : theme[.text]
            buffer.write(text, x: area.x, y: area.y + line, width: area.width, style: style)
        }
    }
}

/// The one-line description of a history record.
enum HistoryLines {
    static func summary(_ record: HistoryRecord, in document: DepartmentDocument, _ strings: Strings) -> String {
        switch record.kind {
        case .delete: return strings[.notes(.deletedRecord)]
        case .restore: return strings[.notes(.restoredRecord)]
        case .save: break
        }
        if record.baseRevision == 0 { return strings[.notes(.created)] }
        var parts: [String] = []
        var values: [CellPath: CellValue?] = [:]
        for change in record.changes { values[change.path] = change.new }
        // Review steps: log entries added by this save.
        for change in record.changes where change.old == nil && change.path.components.first == .field("reviewLog")
            && change.path.lastField == "action" {
            guard let raw = change.new?.text, let action = ReviewAction(rawValue: raw) else { continue }
            let item = CellPath(Array(change.path.components.dropLast()))
            var comment = values[item.field("comment")]??.text ?? ""
            if let grade = values[item.field("grade")]??.text.flatMap(ReviewGrade.init(rawValue:)) {
                comment = strings.language == .english ? grade.englishName + (comment.isEmpty ? "" : ", " + comment)
                    : grade.chineseName + (comment.isEmpty ? "" : "，" + comment)
            }
            let name = strings.language == .english ? action.name.en : action.name.zh
            parts.append(strings[.notes(.stepLine(action: name, comment: comment.replacingOccurrences(of: "\n", with: " ")))])
        }
        let commentChanges = record.changes.filter { $0.path.components.first == .field("comments") }
        let added = commentChanges.filter { $0.old == nil && $0.path.lastField == "text" }.count
        let resolved = commentChanges.filter { $0.path.lastField == "resolved" && $0.old != nil && $0.new?.text != nil }.count
        if added > 0 { parts.append(strings[.notes(.addedComments(added))]) }
        if resolved > 0 { parts.append(strings[.notes(.resolvedComments(resolved))]) }
        let content = record.changes.filter { RevisionDiff.isContent($0.path) }
        // List entries say where items stand; the cells in them already say what changed.
        let containers = RevisionHistory.listsHoldingChanges(content)
        // Items added or removed whole count once: the recorded list orders name them.
        var items = Set<CellPath>()
        for change in content where containers.contains(change.path) {
            let before = Set((change.old?.text ?? "").split(separator: " ").map(String.init))
            let after = Set((change.new?.text ?? "").split(separator: " ").map(String.init))
            for id in before.symmetricDifference(after) { items.insert(change.path.item(id)) }
        }
        var keys: [CellPath] = []
        var seen = Set<CellPath>()
        for change in content where !containers.contains(change.path) {
            let key = change.path.itemPrefixes.first(where: items.contains) ?? change.path
            if seen.insert(key).inserted { keys.append(key) }
        }
        if !keys.isEmpty {
            var places: [String] = []
            for key in keys {
                let place = CommentText.location(key, in: document, strings)
                if !places.contains(place) { places.append(place) }
                if places.count == 2 { break }
            }
            let shown = places.joined(separator: strings.language == .english ? "; " : "；") + (keys.count > places.count ? " …" : "")
            parts.append(strings[.notes(.changedCells(count: keys.count, first: shown))])
        }
        if parts.isEmpty { return strings[.notes(.noContentChange)] }
        return parts.joined(separator: strings.language == .english ? "; " : "；")
    }
}
