/// One thing a check found, at one place of the document.
public struct Finding: Sendable, Hashable, CustomStringConvertible {
    /// The id of the rule that found it, e.g. `budget.sum`; see `Rule.catalogue`.
    public var ruleID: String
    public var severity: Severity
    /// The cell (or project, or list) the finding is about.
    public var path: CellPath
    public var message: LocalizedText

    public init(ruleID: String, severity: Severity, path: CellPath, message: LocalizedText) {
        self.ruleID = ruleID
        self.severity = severity
        self.path = path
        self.message = message
    }

    /// `error budget.sum projects[p-1].budget: 预算数 … [budget …]`, for logs and the CLI.
    public var description: String { "\(severity.rawValue) \(ruleID) \(path): \(message)" }
}

/// How many findings of each severity.
public struct FindingCounts: Sendable, Hashable, Codable {
    public var errors = 0
    public var warnings = 0
    public var notices = 0

    public init(errors: Int = 0, warnings: Int = 0, notices: Int = 0) {
        self.errors = errors
        self.warnings = warnings
        self.notices = notices
    }

    public init<S: Sequence>(_ findings: S) where S.Element == Finding {
        for finding in findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .notice: notices += 1
            }
        }
    }

    private enum CodingKeys: String, CodingKey {
        case errors, warnings, notices
    }

    /// Missing counts read as zero, so a record written before notices were counted still reads.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        errors = try container.decodeIfPresent(Int.self, forKey: .errors) ?? 0
        warnings = try container.decodeIfPresent(Int.self, forKey: .warnings) ?? 0
        notices = try container.decodeIfPresent(Int.self, forKey: .notices) ?? 0
    }
}
