/// A step of the review workflow (审核流程). Each one moves a document from one `ReviewStatus` to
/// another and is recorded in the document's review log.
public enum ReviewAction: String, Sendable, Hashable, CaseIterable {
    /// 送审: draft or returned → submitted. Refused while error-level findings remain.
    case submit
    /// 审核通过: submitted → approved, optionally with a grade.
    case approve
    /// 退回: submitted → returned. A reason is required.
    case `return`
    /// 撤回: approved → submitted (a reviewer cancels the approval, 取消审核) or submitted → draft
    /// (the office recalls its submission, 撤回送审). A reason is required.
    case withdraw
    /// 重新编辑: returned → draft, recorded automatically with the first edit after a return.
    case reopen

    /// The status the action leads to from `status`, or `nil` when it does not apply there.
    public func target(from status: ReviewStatus) -> ReviewStatus? {
        switch (self, status) {
        case (.submit, .draft), (.submit, .returned): .submitted
        case (.approve, .submitted): .approved
        case (.return, .submitted): .returned
        case (.withdraw, .approved): .submitted
        case (.withdraw, .submitted): .draft
        case (.reopen, .returned): .draft
        default: nil
        }
    }

    /// Whether the action needs a reason in its comment.
    public var requiresReason: Bool { self == .return || self == .withdraw }

    /// Whether the action is a reviewer's (审核人) rather than the office's, from `status`.
    public func isReviewerAction(from status: ReviewStatus) -> Bool {
        switch self {
        case .approve, .return: true
        case .withdraw: status == .approved
        case .submit, .reopen: false
        }
    }

    public var name: LocalizedText {
        switch self {
        case .submit: LocalizedText(zh: "送审", en: "submit")
        case .approve: LocalizedText(zh: "审核通过", en: "approve")
        case .return: LocalizedText(zh: "退回", en: "return")
        case .withdraw: LocalizedText(zh: "撤回", en: "withdraw")
        case .reopen: LocalizedText(zh: "重新编辑", en: "reopen")
        }
    }
}
