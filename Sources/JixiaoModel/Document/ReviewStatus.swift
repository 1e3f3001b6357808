/// Where a department's text stands in review.
public enum ReviewStatus: String, Sendable, Hashable, CaseIterable {
    /// 草稿
    case draft
    /// 已送审
    case submitted
    /// 已审核
    case approved
    /// 已退回
    case returned

    public var chineseName: String {
        switch self {
        case .draft: "草稿"
        case .submitted: "已送审"
        case .approved: "已审核"
        case .returned: "已退回"
        }
    }

    public var englishName: String {
        switch self {
        case .draft: "draft"
        case .submitted: "submitted"
        case .approved: "approved"
        case .returned: "returned"
        }
    }
}
