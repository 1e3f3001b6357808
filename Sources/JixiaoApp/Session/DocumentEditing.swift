import JixiaoModel

/// Applies `CellEdit`s to a `DepartmentDocument` and computes their inverses, touching as
/// little of the document as it can: a `.set` writes the one field in place (no tree is
/// built), and a structural edit inside a project converts only that project. Editing one
/// cell of a 500-row project therefore costs the cell, not the document.
enum DocumentEditing {
    struct Failure: Error, Sendable, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// Applies `edit` and returns the edit that undoes it.
    static func apply(_ edit: CellEdit, to document: inout DepartmentDocument) throws -> CellEdit {
        if case .set(let path, let value) = edit, let old = cellValue(at: path, in: document),
           setCell(path, value, in: &document) {
            return .set(path, old)
        }
        let path = edit.listOrItemPath
        if let projectID = path.projectID, path.components.count > 2 {
            // Inside one project: convert that project alone.
            guard let index = document.projects.firstIndex(where: { $0.id == projectID }) else {
                throw Failure(message: "no project \(projectID) (\(edit))")
            }
            var scoped = emptied(document)
            scoped.projects = [document.projects[index]]
            let (result, inverse) = try applyThroughTree(edit, to: scoped)
            guard let project = result.projects.first else { throw Failure(message: "project vanished (\(edit))") }
            document.projects[index] = project
            return inverse
        }
        if path.components.first == .field("projects") {
            return try applyToProjectList(edit, document: &document)
        }
        // Department part: everything but the projects.
        var scoped = document
        scoped.projects = []
        var (result, inverse) = try applyThroughTree(edit, to: scoped)
        result.projects = document.projects
        document = result
        return inverse
    }

    /// The document's header alone: what a scoped edit is applied to.
    private static func emptied(_ document: DepartmentDocument) -> DepartmentDocument {
        var copy = document
        copy.overallGoals = []
        copy.subGoals = []
        copy.safeguards = []
        copy.projects = []
        return copy
    }

    private static func applyThroughTree(_ edit: CellEdit, to document: DepartmentDocument) throws -> (DepartmentDocument, CellEdit) {
        var tree = DocumentTree(document)
        let inverse = try inverseEdit(of: edit, in: tree)
        try tree.apply(edit)
        return (try tree.document(id: document.id), inverse)
    }

    /// Insert, delete or move of a whole project.
    private static func applyToProjectList(_ edit: CellEdit, document: inout DepartmentDocument) throws -> CellEdit {
        func index(of id: String) throws -> Int {
            guard let i = document.projects.firstIndex(where: { $0.id == id }) else {
                throw Failure(message: "no project \(id) (\(edit))")
            }
            return i
        }
        func position(after: String?) throws -> Int { try after.map { try index(of: $0) + 1 } ?? 0 }
        switch edit {
        case .insert(let list, let item, let after) where list == .field("projects"):
            guard !document.projects.contains(where: { $0.id == item.id }) else {
                throw Failure(message: "\(item.id) already exists")
            }
            var scoped = emptied(document)
            scoped = try scoped.applying([.insert(list: list, item: item, after: nil)])
            guard let project = scoped.projects.first else { throw Failure(message: "no project in \(edit)") }
            document.projects.insert(project, at: try position(after: after))
            return .delete(CellPath.project(item.id))
        case .delete(let path) where path.components.count == 2:
            guard let id = path.projectID else { break }
            let i = try index(of: id)
            let previous = i > 0 ? document.projects[i - 1].id : nil
            let removed = document.projects.remove(at: i)
            return .insert(list: .field("projects"), item: DocumentTree.item(removed), after: previous)
        case .move(let path, let after) where path.components.count == 2:
            guard let id = path.projectID, after != id else { break }
            let i = try index(of: id)
            let previous = i > 0 ? document.projects[i - 1].id : nil
            let project = document.projects.remove(at: i)
            do {
                document.projects.insert(project, at: try position(after: after))
            } catch {
                document.projects.insert(project, at: i)
                throw error
            }
            return .move(path, after: previous)
        default:
            break
        }
        throw Failure(message: "edit does not fit the project list: \(edit)")
    }

    /// The edit that undoes `edit` on `tree` (computed before applying it).
    static func inverseEdit(of edit: CellEdit, in tree: DocumentTree) throws -> CellEdit {
        switch edit {
        case .set(let path, _):
            guard case .value(let old)? = tree.node(at: path) else { throw Failure(message: "\(path) is not a cell") }
            return .set(path, old)
        case .insert(let list, let item, _):
            return .delete(list.item(item.id))
        case .delete(let path):
            let (list, id) = try split(path)
            guard let items = tree.node(at: list)?.items, let index = items.firstIndex(where: { $0.id == id }) else {
                throw Failure(message: "no item \(path)")
            }
            return .insert(list: list, item: items[index], after: index > 0 ? items[index - 1].id : nil)
        case .move(let path, _):
            let (list, id) = try split(path)
            guard let items = tree.node(at: list)?.items, let index = items.firstIndex(where: { $0.id == id }) else {
                throw Failure(message: "no item \(path)")
            }
            return .move(path, after: index > 0 ? items[index - 1].id : nil)
        }
    }

    private static func split(_ path: CellPath) throws -> (CellPath, String) {
        guard case .item(let id)? = path.components.last else { throw Failure(message: "\(path) is not a list item") }
        return (CellPath(Array(path.components.dropLast())), id)
    }

    // MARK: Direct cell access (the fast path)

    /// The value of a cell addressed by `path`, read straight from the document; nil when the
    /// path is not one this fast path knows (the caller then goes through the tree).
    static func cellValue(at path: CellPath, in document: DepartmentDocument) -> CellValue? {
        let c = path.components
        switch c.count {
        case 1:
            guard case .field(let name) = c[0] else { return nil }
            switch name {
            case "unitCode": return .text(document.unitCode)
            case "unitName": return .text(document.unitName)
            case "fiscalYear": return .text(String(document.fiscalYear))
            case "moneyUnit": return .text(document.moneyUnit.rawValue)
            case "framework": return .text(document.framework.rawValue)
            case "status": return .text(document.status.rawValue)
            default: return nil
            }
        case 3:
            guard case .field(let list) = c[0], case .item(let id) = c[1], case .field(let name) = c[2] else { return nil }
            switch list {
            case "overallGoals":
                return name == "text" ? document.overallGoals.first { $0.id == id }.map { .text($0.text) } : nil
            case "safeguards":
                return name == "text" ? document.safeguards.first { $0.id == id }.map { .text($0.text) } : nil
            case "subGoals":
                guard let goal = document.subGoals.first(where: { $0.id == id }) else { return nil }
                switch name {
                case "title": return .text(goal.title)
                case "goal": return .text(goal.goal)
                case "indicatorText": return .text(goal.indicatorText)
                case "duty": return CellValue(goal.duty)
                case "standard": return CellValue(goal.standard)
                default: return nil
                }
            case "projects":
                guard let project = document.projects.first(where: { $0.id == id }) else { return nil }
                switch name {
                case "code": return .text(project.code)
                case "name": return .text(project.name)
                case "purpose": return .text(project.purpose)
                case "budget": return CellValue(project.budget?.description)
                case "fiscalFunds": return CellValue(project.fiscalFunds?.description)
                case "otherFunds": return CellValue(project.otherFunds?.description)
                default: return nil
                }
            default: return nil
            }
        case 5:
            guard c[0] == .field("projects"), case .item(let pid) = c[1], case .field(let list) = c[2],
                  case .item(let id) = c[3], case .field(let name) = c[4],
                  let project = document.projects.first(where: { $0.id == pid }) else { return nil }
            switch list {
            case "indicators":
                guard let column = IndicatorRow.Column(rawValue: name),
                      let row = project.indicators.first(where: { $0.id == id }) else { return nil }
                return .text(row[column])
            case "goals":
                return name == "text" ? project.goals.first { $0.id == id }.map { .text($0.text) } : nil
            default: return nil
            }
        default:
            return nil
        }
    }

    /// Writes a cell in place; false when the path or value is not one the fast path handles
    /// (an unknown field, a blank where text is required, an amount that does not parse).
    static func setCell(_ path: CellPath, _ value: CellValue, in document: inout DepartmentDocument) -> Bool {
        let c = path.components
        switch c.count {
        case 1:
            guard case .field(let name) = c[0], let text = value.text else { return false }
            switch name {
            case "unitCode": document.unitCode = text
            case "unitName": document.unitName = text
            case "fiscalYear":
                guard let year = Int(text) else { return false }
                document.fiscalYear = year
            case "moneyUnit":
                guard let unit = MoneyUnit(rawValue: text) else { return false }
                document.moneyUnit = unit
            case "framework":
                guard let framework = FrameworkEdition(rawValue: text) else { return false }
                document.framework = framework
            case "status":
                guard let status = ReviewStatus(rawValue: text) else { return false }
                document.status = status
            default: return false
            }
            return true
        case 3:
            guard case .field(let list) = c[0], case .item(let id) = c[1], case .field(let name) = c[2] else { return false }
            switch list {
            case "overallGoals", "safeguards":
                guard name == "text", let text = value.text else { return false }
                if list == "overallGoals" {
                    guard let i = document.overallGoals.firstIndex(where: { $0.id == id }) else { return false }
                    document.overallGoals[i].text = text
                } else {
                    guard let i = document.safeguards.firstIndex(where: { $0.id == id }) else { return false }
                    document.safeguards[i].text = text
                }
                return true
            case "subGoals":
                guard let i = document.subGoals.firstIndex(where: { $0.id == id }) else { return false }
                switch (name, value.text) {
                case ("title", let text?): document.subGoals[i].title = text
                case ("goal", let text?): document.subGoals[i].goal = text
                case ("indicatorText", let text?): document.subGoals[i].indicatorText = text
                case ("duty", let text): document.subGoals[i].duty = text
                case ("standard", let text): document.subGoals[i].standard = text
                default: return false
                }
                return true
            case "projects":
                guard let i = document.projects.firstIndex(where: { $0.id == id }) else { return false }
                switch name {
                case "code", "name", "purpose":
                    guard let text = value.text else { return false }
                    if name == "code" { document.projects[i].code = text }
                    else if name == "name" { document.projects[i].name = text }
                    else { document.projects[i].purpose = text }
                case "budget", "fiscalFunds", "otherFunds":
                    var amount: Amount?
                    if let text = value.text {
                        guard let parsed = Amount(canonical: text) else { return false }
                        amount = parsed
                    }
                    if name == "budget" { document.projects[i].budget = amount }
                    else if name == "fiscalFunds" { document.projects[i].fiscalFunds = amount }
                    else { document.projects[i].otherFunds = amount }
                default: return false
                }
                return true
            default: return false
            }
        case 5:
            guard c[0] == .field("projects"), case .item(let pid) = c[1], case .field(let list) = c[2],
                  case .item(let id) = c[3], case .field(let name) = c[4], let text = value.text,
                  let p = document.projects.firstIndex(where: { $0.id == pid }) else { return false }
            switch list {
            case "indicators":
                guard let column = IndicatorRow.Column(rawValue: name),
                      let r = document.projects[p].indicators.firstIndex(where: { $0.id == id }) else { return false }
                document.projects[p].indicators[r][column] = text
                return true
            case "goals":
                guard name == "text", let g = document.projects[p].goals.firstIndex(where: { $0.id == id }) else { return false }
                document.projects[p].goals[g].text = text
                return true
            default: return false
            }
        default:
            return false
        }
    }
}

extension CellEdit {
    /// The path the edit addresses (the list for an insert).
    var listOrItemPath: CellPath {
        switch self {
        case .set(let path, _), .delete(let path), .move(let path, _): path
        case .insert(let list, _, _): list
        }
    }
}
