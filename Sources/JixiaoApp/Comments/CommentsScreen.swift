import JixiaoModel

/// Every comment (批注) of the open department (F9): open ones first, then resolved, each with
/// where it is, who wrote it when, and its text; the selected one in full below. Enter goes to
/// the cell, Space marks it resolved or open again, `a` comments on the whole document.
public struct CommentsScreen: Screen {
    public private(set) var selection = 0

    public init() {}

    public var title: MessageID { .notes(.commentsTitle) }

    public enum Action: Hashable, Sendable {
        case move(RowMove), jump, toggle, add, save, back
    }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .notes(.keymapComments),
        RowMove.bindings(Action.move) + [
            KeyBinding([KeyEvent(.enter)], .jump, .notes(.helpJumpToComment), hint: true),
            KeyBinding([.char(" "), .char("r")], .toggle, .notes(.helpToggleResolved), hint: true),
            KeyBinding([.char("a"), KeyEvent(.function(4))], .add, .notes(.helpAddSubmissionComment), hint: true),
            KeyBinding([.ctrl("s")], .save, .helpSave),
            KeyBinding([KeyEvent(.escape), KeyEvent(.function(9))], .back, .notes(.helpBack), hint: true),
        ])

    /// The comments in list order: unresolved first, each group oldest first.
    public static func ordered(_ document: DepartmentDocument) -> [ReviewComment] {
        document.comments.filter { !$0.isResolved } + document.comments.filter(\.isResolved)
    }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        guard let document = context.session?.document else {
            if action == .back { context.pop() }
            return
        }
        let comments = Self.ordered(document)
        switch action {
        case .move(let move):
            selection = move.apply(to: selection, count: comments.count, page: max(1, context.contentSize.height - 8))
        case .back: context.pop()
        case .save: context.saveDepartment()
        case .add: context.askForComment(on: nil)
        case .jump:
            guard comments.indices.contains(selection) else { return }
            if let cell = comments[selection].cell { context.reveal(cell) } else { context.pop() }
        case .toggle:
            guard comments.indices.contains(selection) else { return }
            let comment = comments[selection]
            if context.setCommentResolved(comment.id, !comment.isResolved), let after = context.session?.document {
                // The comment moves between the groups: keep it selected.
                selection = Self.ordered(after).firstIndex { $0.id == comment.id } ?? selection
            }
        }
    }

    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        _ = context.finishComment(tag: tag, result: result)
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard let document = context.session?.document, area.height >= 4 else { return }
        let theme = context.theme
        let strings = context.strings
        let metrics = context.metrics
        let times = context.environment.times
        let comments = Self.ordered(document)
        let open = comments.filter { !$0.isResolved }.count
        buffer.write(" " + strings[.notes(.commentCounts(open: open, resolved: comments.count - open))],
                     x: area.x, y: area.y, width: area.width, style: theme[.header])
        guard !comments.isEmpty else {
            buffer.write(" " + strings[.notes(.noComments)], x: area.x, y: area.y + 1, width: area.width, style: theme[.dim])
            return
        }
        // The list above, the selected comment in full below (at least three lines of it).
        let detailHeight = min(max(4, area.height / 3), area.height - 3)
        let listHeight = area.height - 1 - detailHeight
        let selected = min(selection, comments.count - 1)
        let top = IndicatorGrid.scroll(top: 0, cursor: selected, visible: max(1, listHeight), count: comments.count)
        for (line, index) in (top..<min(comments.count, top + listHeight)).enumerated() {
            let comment = comments[index]
            let state = comment.isResolved ? "-" : CommentText.marker
            let place = comment.cell.map { CommentText.location($0, in: document, strings) } ?? strings[.notes(.submissionLocation)]
            let text = comment.text.replacingOccurrences(of: "\n", with: " ")
            // `11-23 21:33`, `21:33` today, `2025-11-23` in another year: local, in 11 columns.
            let when = metrics.pad(times.compact(comment.time, width: 11), to: 11)
            let row = " \(state) " + metrics.pad(metrics.clip(place, to: 24), to: 24) + " "
                + metrics.pad(metrics.clip(comment.author, to: 8), to: 8) + " " + when + " " + text
            var style = comment.isResolved ? theme[.dim] : theme[.comment]
            if index == selected { style = theme[.selected] }
            buffer.write(row, x: area.x, y: area.y + 1 + line, width: area.width, style: style)
        }
        // Detail of the selected comment.
        let comment = comments[selected]
        let detailTop = area.y + 1 + listHeight
        buffer.fill(Rect(x: area.x, y: detailTop, width: area.width, height: 1), style: theme[.header])
        let place = comment.cell.map { CommentText.location($0, in: document, strings) } ?? strings[.notes(.submissionLocation)]
        let state = comment.resolution.map { strings[.notes(.commentResolvedBy(user: $0.user, time: times.dateTime($0.time)))] }
            ?? strings[.notes(.commentOpen)]
        buffer.write(" \(comment.author)  \(times.dateTime(comment.time))  \(state)", x: area.x, y: detailTop,
                     width: area.width, style: theme[.header])
        // Where it is, then the text, both wrapped: neither is cut at 80 columns.
        let wrapped = metrics.wrap(place, to: max(1, area.width - 2)) + metrics.wrap(comment.text, to: max(1, area.width - 2))
        for (i, line) in wrapped.enumerated() where detailTop + 1 + i < area.maxY - 1 {
            buffer.write(line, x: area.x + 1, y: detailTop + 1 + i, width: area.width - 2, style: theme[.text])
        }
        buffer.write(" " + strings[.notes(.commentsHint)], x: area.x, y: area.maxY - 1, width: area.width, style: theme[.dim])
    }
}
