/// A validation rule: a stable id, a severity and what it checks. The catalogue
/// (`Rule.catalogue`) lists every rule the validator runs; docs/validation.md is checked against it.
///
/// Ids are `area.check` in English (`budget.sum`, `value.unit`); an id never changes meaning,
/// and a retired id is never reused, so settings and review comments may refer to them.
public struct Rule: Sendable, Hashable, Identifiable {
    /// Where a rule comes from.
    public enum Source: Sendable, Hashable, CustomStringConvertible {
        /// A numbered group of "Checks a tool can make" in the domain reference (domain.md).
        case domain(group: Int)
        /// A structural check of the tables themselves (blank codes, duplicate codes …).
        case structure

        public var description: String {
            switch self {
            case .domain(let group): "domain \(group)"
            case .structure: "structure"
            }
        }
    }

    public let id: String
    public let severity: Severity
    public let title: LocalizedText
    /// What the rule checks, one or two sentences.
    public let explanation: LocalizedText
    public let source: Source

    public init(id: String, severity: Severity, title: LocalizedText, explanation: LocalizedText, source: Source) {
        self.id = id
        self.severity = severity
        self.title = title
        self.explanation = explanation
        self.source = source
    }

    /// A finding of this rule.
    public func finding(_ path: CellPath, zh: String, en: String) -> Finding {
        Finding(ruleID: id, severity: severity, path: path, message: LocalizedText(zh: zh, en: en))
    }

    /// The rule with this id, if any.
    public static func rule(id: String) -> Rule? { catalogue.first { $0.id == id } }

    /// The rules table of docs/validation.md, generated from the catalogue.
    public static func markdownTable() -> String {
        var lines = ["| id | severity | source | checks |", "|---|---|---|---|"]
        for rule in catalogue {
            lines.append("| `\(rule.id)` | \(rule.severity.rawValue) | \(rule.source) | "
                + "\(rule.title.zh): \(rule.explanation.en) |")
        }
        return lines.joined(separator: "\n")
    }
}
