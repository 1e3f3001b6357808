/// The address of one cell of a department document, by stable ids, never by position:
/// `projects[p-1].indicators[r-7].value`, `projects[p-1].spendingPlan.march`, `unitName`,
/// `overallGoals[t-3].text`.
///
/// History records, merge conflicts, validation findings and comments all point at cells
/// with this one type, so the editor can jump from any of them to the cell itself.
public struct CellPath: Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Component: Sendable, Hashable {
        /// A named field of an object.
        case field(String)
        /// The element of a list with this stable id.
        case item(String)
    }

    public var components: [Component]

    public init(_ components: [Component] = []) {
        self.components = components
    }

    public func field(_ name: String) -> CellPath { CellPath(components + [.field(name)]) }
    public func item(_ id: String) -> CellPath { CellPath(components + [.item(id)]) }

    public static let root = CellPath()
    public static func field(_ name: String) -> CellPath { CellPath([.field(name)]) }

    /// A project's field: `projects[id].name`.
    public static func project(_ id: String, _ field: String? = nil) -> CellPath {
        let base = CellPath.field("projects").item(id)
        return field.map { base.field($0) } ?? base
    }

    /// An indicator cell: `projects[p].indicators[r].column`.
    public static func indicator(project: String, row: String, column: IndicatorRow.Column? = nil) -> CellPath {
        let base = CellPath.project(project).field("indicators").item(row)
        return column.map { base.field($0.rawValue) } ?? base
    }

    public var description: String {
        var text = ""
        for component in components {
            switch component {
            case .field(let name): text += text.isEmpty ? name : "." + name
            case .item(let id): text += "[" + id + "]"
            }
        }
        return text
    }

    /// Parses the form `description` writes; `nil` for anything else.
    public init?(parsing text: String) {
        var components: [Component] = []
        var rest = Substring(text)
        while !rest.isEmpty {
            if rest.first == "[" {
                guard let close = rest.firstIndex(of: "]") else { return nil }
                let id = rest[rest.index(after: rest.startIndex)..<close]
                guard !id.isEmpty else { return nil }
                components.append(.item(String(id)))
                rest = rest[rest.index(after: close)...]
            } else {
                if rest.first == "." {
                    guard !components.isEmpty else { return nil }
                    rest = rest.dropFirst()
                }
                let end = rest.firstIndex(where: { $0 == "." || $0 == "[" }) ?? rest.endIndex
                let name = rest[..<end]
                guard !name.isEmpty else { return nil }
                components.append(.field(String(name)))
                rest = rest[end...]
            }
        }
        self.components = components
    }

    /// The project id this path lies in, if any.
    public var projectID: String? {
        guard components.count >= 2, components[0] == .field("projects"), case .item(let id) = components[1] else {
            return nil
        }
        return id
    }

    /// The indicator row id this path lies in, if any.
    public var indicatorRowID: String? {
        guard components.count >= 4, components[2] == .field("indicators"), case .item(let id) = components[3] else {
            return nil
        }
        return id
    }

    /// The last field name, e.g. `value` for an indicator cell.
    public var lastField: String? {
        for component in components.reversed() {
            if case .field(let name) = component { return name }
        }
        return nil
    }

    public static func < (lhs: CellPath, rhs: CellPath) -> Bool { lhs.description < rhs.description }
}
