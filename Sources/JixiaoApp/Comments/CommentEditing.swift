import JixiaoModel

/// Adding and resolving comments (批注) from any screen of the open department. A comment is
/// a record, not content: it may be added whatever the review status, it is journaled at once
/// like a committed cell (`DocumentSession.record`), saved with Ctrl-S, and not undoable
/// (a saved comment can never be taken back).
extension ScreenContext {
    /// Dialog tags of comment questions start with this; the rest is the cell path (empty for
    /// the whole document).
    static let commentTagPrefix = "notes.comment:"

    /// Asks for the text of a comment on `cell` (`nil`: the whole document). Refused at once,
    /// with the reason, when the user may not comment on this department.
    public mutating func askForComment(on cell: CellPath?) {
        guard let document = session?.document else { return }
        let strings = environment.strings
        guard environment.policy.mayComment(on: document, environment.identity) else {
            showMessage(.notes(.refused(ReviewRefusal(.mayNotComment(user: environment.identity.user)).message)), kind: .error)
            return
        }
        let location = cell.map { CommentText.location($0, in: document, strings) } ?? strings[.notes(.submissionLocation)]
        present(.textInput(TextInputDialog(title: strings[.notes(.addCommentTitle)],
                                           prompt: strings[.notes(.addCommentPrompt(location: location))],
                                           metrics: environment.metrics)),
                tag: Self.commentTagPrefix + (cell?.description ?? ""))
    }

    /// The answer to `askForComment`: true when `tag` was one (the caller need not look further).
    public mutating func finishComment(tag: String, result: DialogResult) -> Bool {
        guard tag.hasPrefix(Self.commentTagPrefix) else { return false }
        guard case .text(let text?) = result else { return true }
        let rest = String(tag.dropFirst(Self.commentTagPrefix.count))
        addComment(text, on: rest.isEmpty ? nil : CellPath(parsing: rest))
        return true
    }

    /// Adds a comment by the current user, now. False (with the reason shown) when refused.
    @discardableResult
    public mutating func addComment(_ text: String, on cell: CellPath?) -> Bool {
        guard let document = session?.document else { return false }
        do {
            let (next, _) = try ReviewWorkflow.addComment(text, on: cell, to: document, by: environment.identity,
                                                          policy: environment.policy, at: environment.timestamp,
                                                          ids: environment.ids)
            guard record(ReviewEdits.edits(from: document, to: next)) else { return false }
            showMessage(.notes(.commentAdded))
            return true
        } catch {
            showMessage(.notes(.refused(error.message)), kind: .error)
            return false
        }
    }

    /// Marks comment `id` resolved (or open again). False (with the reason shown) when refused.
    @discardableResult
    public mutating func setCommentResolved(_ id: String, _ resolved: Bool) -> Bool {
        guard let document = session?.document else { return false }
        do {
            let next = try ReviewWorkflow.setResolved(resolved, comment: id, in: document, by: environment.identity,
                                                      policy: environment.policy, at: environment.timestamp)
            guard record(ReviewEdits.edits(from: document, to: next)) else { return false }
            showMessage(.notes(resolved ? .commentResolved : .commentReopened))
            return true
        } catch {
            showMessage(.notes(.refused(error.message)), kind: .error)
            return false
        }
    }

    /// Applies record edits (not undoable) and journals them.
    private mutating func record(_ edits: [CellEdit]) -> Bool {
        guard !edits.isEmpty else { return true }
        guard session != nil else { return false }
        do {
            perform(try session!.record(edits))
            return true
        } catch {
            showMessage(.editFailed(String(describing: error)), kind: .error)
            return false
        }
    }
}

/// How comments read on screen.
enum CommentText {
    /// Where a cell is, in the interface language (`CellLocation`).
    static func location(_ path: CellPath, in document: DepartmentDocument, _ strings: Strings) -> String {
        let words = CellLocation.describe(path, in: document)
        return strings.language == .english ? words.en : words.zh
    }

    /// The status line for a cell with open comments: the newest, and how many more.
    static func statusLine(_ comments: [ReviewComment], _ strings: Strings, times: TimeDisplay) -> String? {
        guard let newest = comments.last else { return nil }
        let text = newest.text.replacingOccurrences(of: "\n", with: " ")
        return strings[.notes(.cellComment(author: newest.author, time: times.dateTime(newest.time),
                                           text: text, more: comments.count - 1))]
    }

    /// The marker drawn on a commented cell (a glyph, so it shows without colour).
    static let marker = "*"
}
