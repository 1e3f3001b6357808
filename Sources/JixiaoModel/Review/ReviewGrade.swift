/// The grade a reviewer may record with an approval (评级).
public enum ReviewGrade: String, Sendable, Hashable, CaseIterable {
    /// 优
    case excellent
    /// 良
    case good
    /// 中
    case fair
    /// 差
    case poor

    public var chineseName: String {
        switch self {
        case .excellent: "优"
        case .good: "良"
        case .fair: "中"
        case .poor: "差"
        }
    }

    public var englishName: String { rawValue }

    /// Reads `优`/`良`/`中`/`差` or the English names, as typed on the command line.
    public init?(typed text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespaces).lowercased()
        guard let grade = ReviewGrade.allCases.first(where: { $0.chineseName == trimmed || $0.rawValue == trimmed }) else {
            return nil
        }
        self = grade
    }
}
