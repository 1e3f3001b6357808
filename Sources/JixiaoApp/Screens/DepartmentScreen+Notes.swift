import JixiaoModel

/// The department screen's part in comments and history: which cell a comment goes on, going
/// to a commented cell from the comments list, and the "changes since returned" count.
extension DepartmentScreen {
    /// The cell under the selection: a header field, a paragraph, a sub-goal cell, or a whole
    /// project (comments on a project row are about the project).
    func selectedCell(in document: DepartmentDocument) -> CellPath? {
        let ids = ids(in: document)
        switch section {
        case .header:
            return .field(HeaderField.allCases[min(selectedRow, HeaderField.allCases.count - 1)].rawValue)
        case .overallGoals, .safeguards:
            guard ids.indices.contains(selectedRow), let list = section.textList else { return nil }
            return CellPath.field(list).item(ids[selectedRow]).field("text")
        case .subGoals:
            guard ids.indices.contains(selectedRow) else { return nil }
            return CellPath.field("subGoals").item(ids[selectedRow]).field(Self.subGoalColumns[column].field)
        case .projects:
            guard ids.indices.contains(selectedRow) else { return nil }
            return CellPath.project(ids[selectedRow])
        }
    }

    /// Selects the section, row and column of `path`; a path inside a project opens the project
    /// screen on it. False when the cell no longer exists.
    mutating func reveal(_ path: CellPath, context: inout ScreenContext) -> Bool {
        guard let document = context.session?.document, case .field(let top)? = path.components.first else { return false }
        func row(of id: String?, in list: [String]) -> Int? { id.flatMap { list.firstIndex(of: $0) } }
        let itemID: String? = if path.components.count > 1, case .item(let id) = path.components[1] { id } else { nil }
        switch top {
        case "overallGoals", "safeguards":
            let target: Section = top == "overallGoals" ? .overallGoals : .safeguards
            let list = top == "overallGoals" ? document.overallGoals.map(\.id) : document.safeguards.map(\.id)
            guard let index = row(of: itemID, in: list) else { return false }
            section = target
            rows[target] = index
        case "subGoals":
            guard let index = row(of: itemID, in: document.subGoals.map(\.id)) else { return false }
            section = .subGoals
            rows[.subGoals] = index
            if let field = path.lastField, let c = Self.subGoalColumns.firstIndex(where: { $0.field == field }) { column = c }
        case "projects":
            guard let index = row(of: itemID, in: document.projects.map(\.id)), let id = itemID else { return false }
            section = .projects
            rows[.projects] = index
            if path.components.count > 2 {
                var screen = ProjectScreen(projectID: id, project: document.projects[index], metrics: context.environment.metrics)
                screen.reveal(path, context: context)
                context.push(screen)
            }
        default:
            guard let index = HeaderField.allCases.firstIndex(where: { $0.rawValue == top }) else {
                // Fields not shown as rows (status, the document itself): the header section.
                section = .header
                return true
            }
            section = .header
            rows[.header] = index
        }
        return true
    }

    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        guard case .history(let history) = result, let document = context.session?.document,
              history.id == document.id else { return }
        changesSinceReturn = history.changesSinceReturn()?.entries.count
    }
}
