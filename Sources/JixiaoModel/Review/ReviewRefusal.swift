/// Why a review step, an edit or a save was refused: what a user sees, in both languages, and
/// what tests match on.
public struct ReviewRefusal: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// The action does not apply in the document's current status.
        case wrongStatus(ReviewAction, ReviewStatus)
        /// Submitting while error-level findings remain; the findings are listed.
        case errorsRemain([Finding])
        /// Return and withdraw need a reason.
        case reasonRequired(ReviewAction)
        /// A grade goes only with an approval.
        case gradeOnlyOnApproval
        /// The user may not take this action on this department.
        case notPermitted(ReviewAction, user: String)
        /// The user may not edit this department's content.
        case notAnEditor(user: String, department: String)
        /// Content may not change while the document is submitted or approved.
        case locked(ReviewStatus)
        /// The review log is append-only; comments are never removed.
        case historyRewritten(String)
        /// A log entry or comment claims to be someone else's.
        case impersonation(claimed: String, user: String)
        /// Commenting needs to be a reviewer or one of the department's editors.
        case mayNotComment(user: String)
        /// The comment is empty.
        case emptyComment
    }

    public var reason: Reason

    public init(_ reason: Reason) {
        self.reason = reason
    }

    public var message: LocalizedText {
        switch reason {
        case .wrongStatus(let action, let status):
            LocalizedText(zh: "状态为“\(status.chineseName)”时不能\(action.name.zh)",
                          en: "cannot \(action.name.en) a document that is \(status.englishName)")
        case .errorsRemain(let findings):
            LocalizedText(zh: "还有 \(findings.count) 个错误，改正后才能送审",
                          en: "\(findings.count) error\(findings.count == 1 ? "" : "s") must be fixed before submitting")
        case .reasonRequired(let action):
            LocalizedText(zh: "\(action.name.zh)必须填写理由", en: "\(action.name.en) requires a reason")
        case .gradeOnlyOnApproval:
            LocalizedText(zh: "只有审核通过时才能评级", en: "a grade can only be given with an approval")
        case .notPermitted(let action, let user):
            LocalizedText(zh: "用户 \(user) 无权\(action.name.zh)此部门", en: "user \(user) may not \(action.name.en) this department")
        case .notAnEditor(let user, let department):
            LocalizedText(zh: "用户 \(user) 不是部门 \(department) 的编辑人员", en: "user \(user) is not an editor of department \(department)")
        case .locked(let status):
            LocalizedText(zh: "文档\(status.chineseName)，不能修改内容\(status == .approved ? "；请先撤回审核" : "；请等待审核或撤回送审")",
                          en: "the document is \(status.englishName) and its content cannot change\(status == .approved ? "; withdraw the approval first" : "; wait for the review or withdraw the submission")")
        case .historyRewritten(let what):
            LocalizedText(zh: "审核记录和批注只能追加，不能修改或删除（\(what)）",
                          en: "the review log and comments can only grow, never change or shrink (\(what))")
        case .impersonation(let claimed, let user):
            LocalizedText(zh: "记录署名 \(claimed) 与当前用户 \(user) 不符", en: "an entry signed \(claimed) was written by user \(user)")
        case .mayNotComment(let user):
            LocalizedText(zh: "用户 \(user) 无权对此部门批注", en: "user \(user) may not comment on this department")
        case .emptyComment:
            LocalizedText(zh: "批注不能为空", en: "a comment cannot be empty")
        }
    }

    public var description: String { message.description }
}
