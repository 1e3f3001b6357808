import JixiaoModel

/// Importing a department that is already stored makes a new revision of it. So that history,
/// comments and merges keep pointing at the same things, the new revision takes over the
/// stable ids of what it shares with the current one: projects matched by code (then by name),
/// indicator rows by their three levels and name, list items by text; what is left over on
/// both sides is paired in order.
///
/// The review log, the comments and the status are the current document's: an import is an
/// edit like any other, so the caller first prepares the current document for an edit
/// (`ReviewWorkflow.prepareForEdit`: a returned document goes back to draft with a `reopen`
/// entry; a submitted or approved one is refused under an access configuration), and the
/// store's `ReviewGuard` checks the save.
public enum ImportRevision {
    public static func carryingIDs(from current: DepartmentDocument, into imported: DepartmentDocument) -> DepartmentDocument {
        var result = imported
        result.id = current.id
        result.status = current.status
        result.reviewLog = current.reviewLog
        result.comments = current.comments
        result.overallGoals = carry(current.overallGoals, into: imported.overallGoals, same: { $0.text == $1.text })
        result.safeguards = carry(current.safeguards, into: imported.safeguards, same: { $0.text == $1.text })
        result.subGoals = carry(current.subGoals, into: imported.subGoals, same: { $0.title == $1.title })
        var usedProjects = Set<String>()
        for index in result.projects.indices {
            let project = result.projects[index]
            let match = current.projects.first { !usedProjects.contains($0.id) && !project.code.isEmpty && $0.code == project.code }
                ?? current.projects.first { !usedProjects.contains($0.id) && $0.name == project.name }
            guard let match else { continue }
            usedProjects.insert(match.id)
            result.projects[index].id = match.id
            result.projects[index].goals = carry(match.goals, into: project.goals, same: { $0.text == $1.text })
            result.projects[index].indicators = carry(match.indicators, into: project.indicators, same: {
                $0.level1 == $1.level1 && $0.level2 == $1.level2 && $0.name == $1.name
            })
        }
        return result
    }

    /// Gives each new element the id of an unused old one that is `same`; the elements left
    /// over on both sides are paired in order (an edited entry keeps its id).
    static func carry<Element: StableIdentified>(_ old: [Element], into new: [Element],
                                                 same: (Element, Element) -> Bool) -> [Element] {
        var used = Set<String>()
        var result = new
        var unmatched: [Int] = []
        for index in new.indices {
            if let match = old.first(where: { !used.contains($0.id) && same($0, new[index]) }) {
                used.insert(match.id)
                result[index].id = match.id
            } else {
                unmatched.append(index)
            }
        }
        // What is left was edited: pair the rest in order.
        let unused = old.filter { !used.contains($0.id) }
        for (index, element) in zip(unmatched, unused) {
            result[index].id = element.id
        }
        return result
    }
}

/// The list elements whose stable id an import carries over.
protocol StableIdentified {
    var id: String { get set }
}

extension TextItem: StableIdentified {}
extension SubGoal: StableIdentified {}
extension IndicatorRow: StableIdentified {}

extension ImportRevision {
    /// How saving an import ended.
    public struct Saved: Sendable, Hashable {
        public var revision: Int
        /// Whether the department was new to the store.
        public var created: Bool
        /// The document as saved (with the ids it kept).
        public var document: DepartmentDocument
    }

    /// Saves an imported document as the next revision of its department, or creates the
    /// department (base revision 0). The store is reached only through the two closures, so this
    /// stays free of I/O: `current` gives the stored document and revision (`nil` when none),
    /// `save` writes against a base revision and returns the new one, or `nil` when someone saved
    /// first, in which case the import is laid over the newer revision and saved again.
    public static func save<Failure: Error>(
        _ imported: DepartmentDocument, attempts: Int = 5,
        current: (String) throws(Failure) -> (document: DepartmentDocument, revision: Int)?,
        save: (DepartmentDocument, Int) throws(Failure) -> Int?
    ) throws(Failure) -> Saved? {
        for _ in 0..<max(1, attempts) {
            let stored = try current(imported.id)
            let document = stored.map { carryingIDs(from: $0.document, into: imported) } ?? imported
            if let revision = try save(document, stored?.revision ?? 0) {
                return Saved(revision: revision, created: stored == nil, document: document)
            }
        }
        return nil
    }
}
