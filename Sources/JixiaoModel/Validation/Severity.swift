/// How serious a finding is. Errors make a submission wrong, warnings make it doubtful,
/// notices point at weak wording a reviewer may ask about.
public enum Severity: String, Sendable, Hashable, CaseIterable, Comparable {
    case error
    case warning
    case notice

    public var chineseName: String {
        switch self {
        case .error: "错误"
        case .warning: "警告"
        case .notice: "提示"
        }
    }

    /// Errors first.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
