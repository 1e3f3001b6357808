import JixiaoModel

/// The project screen's part in comments: the cell a comment goes on, and going to a cell
/// from the comments list.
extension ProjectScreen {
    /// The grid's cell, or the header form's field when the header has the focus.
    func commentTarget(in project: Project) -> CellPath? {
        switch focus {
        case .header: header.path(of: header.selectedField(in: project))
        case .grid, .findings: grid.currentPath
        }
    }

    /// Puts the cursor on `path` (an indicator cell or a header field) and the focus with it.
    mutating func reveal(_ path: CellPath, context: ScreenContext) {
        sync(context)
        guard let project = project(in: context.session) else { return }
        if let rowID = path.indicatorRowID {
            let column = path.lastField.flatMap(IndicatorRow.Column.init(rawValue:))
            if grid.moveTo(rowID: rowID, column: column) { focus = .grid }
        } else if header.select(path: path, in: project) {
            focus = .header
        }
    }
}

extension ProjectHeaderForm {
    /// The document cell a form field edits (what comments on it point at).
    func path(of field: Field) -> CellPath? {
        switch field {
        case .code: CellPath.project(projectID, "code")
        case .name: CellPath.project(projectID, "name")
        case .budget: CellPath.project(projectID, "budget")
        case .fiscalFunds: CellPath.project(projectID, "fiscalFunds")
        case .otherFunds: CellPath.project(projectID, "otherFunds")
        case .purpose: CellPath.project(projectID, "purpose")
        case .planMode: CellPath.project(projectID, "spendingPlan").field("mode")
        case .checkpoint(let c): CellPath.project(projectID, "spendingPlan").field(c.rawValue)
        case .goal(let id?): CellPath.project(projectID, "goals").item(id).field("text")
        case .goal(nil), .newParagraph: nil
        }
    }
}

/// The keys of comments and history, the same on the department and project screens.
enum NotesKeys {
    /// F4 (department screen) / Alt-M comment, F9 comments list, F8 history, Alt-R changes
    /// since the last return. Alt keys also arrive as Esc + key, so they work over any SSH.
    static func bindings<Action: Sendable>(comment: Action, comments: Action, history: Action, sinceReturn: Action,
                                           commentKeys: [KeyEvent]) -> [KeyBinding<Action>] {
        [
            KeyBinding(commentKeys, comment, .notes(.helpAddComment)),
            KeyBinding([KeyEvent(.function(9))], comments, .notes(.helpComments)),
            KeyBinding([KeyEvent(.function(8))], history, .notes(.helpHistory)),
            KeyBinding([.alt("r")], sinceReturn, .notes(.helpSinceReturn)),
        ]
    }
}
