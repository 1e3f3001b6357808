/// A department document seen as a tree of named fields, lists of items with stable ids, and
/// cell values: the one shape diff, merge and edit replay work on, so none of them needs to
/// know the document's field names.
///
/// `DocumentTree(document)` and `document(from:)` are inverses: every field that can be
/// edited appears exactly once. The document id is the tree's identity, not a cell.
public indirect enum DocumentTree: Sendable, Hashable {
    case value(CellValue)
    case object([String: DocumentTree])
    case list([Item])

    public struct Item: Sendable, Hashable {
        public var id: String
        public var node: DocumentTree
        public init(id: String, node: DocumentTree) {
            self.id = id
            self.node = node
        }
    }

    /// Why a tree does not make a document (a bad edit, or a draft from an incompatible build).
    public struct ShapeError: Error, Sendable, Hashable, CustomStringConvertible {
        public var path: CellPath
        public var message: String
        public var description: String { "\(path): \(message)" }
    }

    // MARK: Navigation

    public subscript(field name: String) -> DocumentTree? {
        if case .object(let fields) = self { return fields[name] }
        return nil
    }

    public var items: [Item]? {
        if case .list(let items) = self { return items }
        return nil
    }

    /// The node at `path`, or `nil` when it does not exist.
    public func node(at path: CellPath) -> DocumentTree? {
        var node = self
        for component in path.components {
            switch (component, node) {
            case (.field(let name), .object(let fields)):
                guard let next = fields[name] else { return nil }
                node = next
            case (.item(let id), .list(let items)):
                guard let next = items.first(where: { $0.id == id }) else { return nil }
                node = next.node
            default:
                return nil
            }
        }
        return node
    }

    /// Every value cell under this node, by path relative to `prefix`.
    public func cells(under prefix: CellPath = .root) -> [CellPath: CellValue] {
        var result: [CellPath: CellValue] = [:]
        collectCells(prefix, into: &result)
        return result
    }

    private func collectCells(_ path: CellPath, into result: inout [CellPath: CellValue]) {
        switch self {
        case .value(let value): result[path] = value
        case .object(let fields): for (name, node) in fields { node.collectCells(path.field(name), into: &result) }
        case .list(let items): for item in items { item.node.collectCells(path.item(item.id), into: &result) }
        }
    }
}

// MARK: Document ↔ tree

extension DocumentTree {
    public init(_ document: DepartmentDocument) {
        self = .object([
            "schemaVersion": .text(String(document.schemaVersion)),
            "fiscalYear": .text(String(document.fiscalYear)),
            "unitCode": .text(document.unitCode),
            "unitName": .text(document.unitName),
            "moneyUnit": .text(document.moneyUnit.rawValue),
            "framework": .text(document.framework.rawValue),
            "status": .text(document.status.rawValue),
            "overallGoals": .list(document.overallGoals.map(DocumentTree.item)),
            "subGoals": .list(document.subGoals.map(DocumentTree.item)),
            "safeguards": .list(document.safeguards.map(DocumentTree.item)),
            "projects": .list(document.projects.map(DocumentTree.item)),
            "reviewLog": .list(document.reviewLog.map(DocumentTree.item)),
            "comments": .list(document.comments.map(DocumentTree.item)),
        ])
    }

    public static func item(_ event: ReviewEvent) -> Item {
        Item(id: event.id, node: .object([
            "action": .text(event.action.rawValue), "user": .text(event.user), "time": .text(event.time),
            "comment": .text(event.comment), "grade": .optional(event.grade?.rawValue),
            "revision": .text(String(event.revision)),
        ]))
    }

    /// A comment's resolution as one cell, "USER TIME": who resolved it and when are one fact,
    /// set and cleared together (blank while open).
    public static func resolvedCell(_ resolution: ReviewComment.Resolution?) -> CellValue {
        CellValue(resolution.map { $0.user + " " + $0.time })
    }

    public static func item(_ comment: ReviewComment) -> Item {
        Item(id: comment.id, node: .object([
            "author": .text(comment.author), "time": .text(comment.time), "text": .text(comment.text),
            "cell": .optional(comment.cell?.description),
            "resolved": .value(resolvedCell(comment.resolution)),
        ]))
    }

    private static func text(_ value: String) -> DocumentTree { .value(.text(value)) }
    private static func optional(_ value: String?) -> DocumentTree { .value(CellValue(value)) }
    private static func amount(_ value: Amount?) -> DocumentTree { .value(CellValue(value?.description)) }

    public static func item(_ text: TextItem) -> Item {
        Item(id: text.id, node: .object(["text": .text(text.text)]))
    }

    public static func item(_ goal: SubGoal) -> Item {
        Item(id: goal.id, node: .object([
            "title": .text(goal.title), "goal": .text(goal.goal), "indicatorText": .text(goal.indicatorText),
            "duty": .optional(goal.duty), "standard": .optional(goal.standard),
        ]))
    }

    public static func item(_ row: IndicatorRow) -> Item {
        var fields: [String: DocumentTree] = [:]
        for column in IndicatorRow.Column.allCases { fields[column.rawValue] = .text(row[column]) }
        return Item(id: row.id, node: .object(fields))
    }

    public static func item(_ project: Project) -> Item {
        var plan: [String: DocumentTree] = ["mode": .text(project.spendingPlan.mode.rawValue)]
        for checkpoint in SpendingPlan.Checkpoint.allCases {
            plan[checkpoint.rawValue] = .amount(project.spendingPlan[checkpoint])
        }
        return Item(id: project.id, node: .object([
            "code": .text(project.code), "name": .text(project.name),
            "budget": .amount(project.budget), "fiscalFunds": .amount(project.fiscalFunds),
            "otherFunds": .amount(project.otherFunds), "purpose": .text(project.purpose),
            "spendingPlan": .object(plan),
            "goals": .list(project.goals.map(DocumentTree.item)),
            "indicators": .list(project.indicators.map(DocumentTree.item)),
        ]))
    }

    /// The document this tree describes, with the given id.
    public func document(id: String) throws(ShapeError) -> DepartmentDocument {
        let reader = TreeReader(node: self, path: .root)
        return DepartmentDocument(
            id: id,
            schemaVersion: try reader.integer("schemaVersion"),
            fiscalYear: try reader.integer("fiscalYear"),
            unitCode: try reader.text("unitCode"),
            unitName: try reader.text("unitName"),
            moneyUnit: try reader.enumeration("moneyUnit"),
            framework: try reader.enumeration("framework"),
            status: try reader.enumeration("status"),
            overallGoals: try reader.list("overallGoals", TreeReader.textItem),
            subGoals: try reader.list("subGoals", TreeReader.subGoal),
            safeguards: try reader.list("safeguards", TreeReader.textItem),
            projects: try reader.list("projects", TreeReader.project),
            reviewLog: try reader.optionalList("reviewLog", TreeReader.reviewEvent),
            comments: try reader.optionalList("comments", TreeReader.comment)
        )
    }
}

/// Reads typed fields out of an object node, naming the path of whatever is wrong.
private struct TreeReader {
    let node: DocumentTree
    let path: CellPath

    func child(_ name: String) throws(DocumentTree.ShapeError) -> DocumentTree {
        guard case .object(let fields) = node else {
            throw DocumentTree.ShapeError(path: path, message: "expected an object")
        }
        guard let child = fields[name] else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "missing")
        }
        return child
    }

    func optionalText(_ name: String) throws(DocumentTree.ShapeError) -> String? {
        guard case .value(let value) = try child(name) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "expected a cell value")
        }
        return value.text
    }

    func text(_ name: String) throws(DocumentTree.ShapeError) -> String {
        guard let value = try optionalText(name) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "may not be blank")
        }
        return value
    }

    func integer(_ name: String) throws(DocumentTree.ShapeError) -> Int {
        guard let value = Int(try text(name)) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "expected a whole number")
        }
        return value
    }

    func enumeration<E: RawRepresentable>(_ name: String) throws(DocumentTree.ShapeError) -> E where E.RawValue == String {
        let raw = try text(name)
        guard let value = E(rawValue: raw) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "unknown value \"\(raw)\"")
        }
        return value
    }

    func amount(_ name: String) throws(DocumentTree.ShapeError) -> Amount? {
        guard let raw = try optionalText(name) else { return nil }
        guard let value = Amount(canonical: raw) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "not an amount: \"\(raw)\"")
        }
        return value
    }

    func object(_ name: String) throws(DocumentTree.ShapeError) -> TreeReader {
        TreeReader(node: try child(name), path: path.field(name))
    }

    func list<T>(_ name: String, _ make: (TreeReader, String) throws(DocumentTree.ShapeError) -> T) throws(DocumentTree.ShapeError) -> [T] {
        guard case .list(let items) = try child(name) else {
            throw DocumentTree.ShapeError(path: path.field(name), message: "expected a list")
        }
        var result: [T] = []
        for item in items {
            result.append(try make(TreeReader(node: item.node, path: path.field(name).item(item.id)), item.id))
        }
        return result
    }

    /// A list added in a later schema version: absent in trees from older drafts.
    func optionalList<T>(_ name: String, _ make: (TreeReader, String) throws(DocumentTree.ShapeError) -> T) throws(DocumentTree.ShapeError) -> [T] {
        guard case .object(let fields) = node, fields[name] != nil else { return [] }
        return try list(name, make)
    }

    static func reviewEvent(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> ReviewEvent {
        let grade: ReviewGrade? = try reader.optionalText("grade").map { raw throws(DocumentTree.ShapeError) in
            guard let grade = ReviewGrade(rawValue: raw) else {
                throw DocumentTree.ShapeError(path: reader.path.field("grade"), message: "unknown value \"\(raw)\"")
            }
            return grade
        }
        return ReviewEvent(id: id, action: try reader.enumeration("action"), user: try reader.text("user"),
                           time: try reader.text("time"), comment: try reader.text("comment"), grade: grade,
                           revision: try reader.integer("revision"))
    }

    static func comment(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> ReviewComment {
        var cell: CellPath?
        if let raw = try reader.optionalText("cell") {
            guard let path = CellPath(parsing: raw) else {
                throw DocumentTree.ShapeError(path: reader.path.field("cell"), message: "not a cell path: \"\(raw)\"")
            }
            cell = path
        }
        var resolution: ReviewComment.Resolution?
        if let text = try reader.optionalText("resolved") {
            // The time has a fixed width, so a user name with spaces (a database role) still splits.
            let time = String(text.suffix(20))
            let user = String(text.dropLast(21))
            guard ReviewTimestamp.isValid(time), text.dropLast(20).last == " ", !user.isEmpty else {
                throw DocumentTree.ShapeError(path: reader.path.field("resolved"), message: "expected \"USER TIME\", found \"\(text)\"")
            }
            resolution = ReviewComment.Resolution(user: user, time: time)
        }
        return ReviewComment(id: id, author: try reader.text("author"), time: try reader.text("time"),
                             text: try reader.text("text"), cell: cell, resolution: resolution)
    }

    static func textItem(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> TextItem {
        TextItem(id: id, text: try reader.text("text"))
    }

    static func subGoal(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> SubGoal {
        SubGoal(id: id, title: try reader.text("title"), goal: try reader.text("goal"),
                indicatorText: try reader.text("indicatorText"), duty: try reader.optionalText("duty"),
                standard: try reader.optionalText("standard"))
    }

    static func indicatorRow(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> IndicatorRow {
        var row = IndicatorRow(id: id)
        for column in IndicatorRow.Column.allCases { row[column] = try reader.text(column.rawValue) }
        return row
    }

    static func project(_ reader: TreeReader, _ id: String) throws(DocumentTree.ShapeError) -> Project {
        let planReader = try reader.object("spendingPlan")
        var plan = SpendingPlan(mode: try planReader.enumeration("mode"))
        for checkpoint in SpendingPlan.Checkpoint.allCases {
            plan[checkpoint] = try planReader.amount(checkpoint.rawValue)
        }
        return Project(
            id: id, code: try reader.text("code"), name: try reader.text("name"),
            budget: try reader.amount("budget"), fiscalFunds: try reader.amount("fiscalFunds"),
            otherFunds: try reader.amount("otherFunds"), purpose: try reader.text("purpose"),
            spendingPlan: plan, goals: try reader.list("goals", TreeReader.textItem),
            indicators: try reader.list("indicators", TreeReader.indicatorRow))
    }
}
