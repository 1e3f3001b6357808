import JixiaoModel

/// The strings of the review workflow in the editor: the document view (pager, search, finding
/// and comment jumps), the review queue and the review actions. `MessageID.review(_:)` carries
/// them; both languages are exhaustive switches, so a missing translation does not compile.
public enum ReviewText: Hashable, Sendable {
    // Screens and keymap titles.
    case documentViewTitle, queueTitle, keymapDocumentView, keymapSearch, keymapQueue
    // Document view.
    case searchPrompt
    case noMatch(String)
    case matchPosition(query: String, index: Int, count: Int)
    case searchWrapped
    case pagerPosition(first: Int, last: Int, total: Int)
    case noFindingsInDocument, noCommentsInDocument
    case findingNote(index: Int, count: Int, text: LocalizedText, place: LocalizedText)
    case commentNote(index: Int, count: Int, author: String, time: String, text: String, place: LocalizedText?)
    case lastEvent(action: ReviewAction, user: String, time: String, comment: String)
    case findingCount(errors: Int, warnings: Int)
    // Queue.
    case queueEmpty(ReviewStatus)
    case queueSummary(status: ReviewStatus, count: Int)
    case columnSubmitted, columnSubmittedBy, columnSavedBy
    case notFromQueue, firstSubmission, lastSubmission
    case queuePosition(index: Int, count: Int)
    // Review actions.
    case actionsTitle
    case noActions(ReviewStatus)
    case actionsQuestion(ReviewStatus)
    case gradeTitle, gradeNone
    case approveCommentTitle, approveCommentPrompt
    case reasonTitle(ReviewAction), reasonPrompt(ReviewAction)
    case errorsTitle(Int)
    case refusal(LocalizedText)
    case stepDone(action: ReviewAction, status: ReviewStatus)
    case labelReopen
    // Key descriptions.
    case helpLineUp, helpLineDown, helpPageDown, helpPageUp, helpTop, helpBottom
    case helpSearch, helpNextMatch, helpPreviousMatch, helpNextFinding, helpPreviousFinding
    case helpNextComment, helpPreviousComment, helpReviewActions, helpDocumentView
    case helpNextSubmission, helpPreviousSubmission, helpBack
    case helpSearchAccept, helpSearchCancel
    case helpOpenSubmission, helpNextStatus, helpPreviousStatus, helpReviewQueue, helpRefresh

    var chinese: String {
        switch self {
        case .documentViewTitle: "文档视图"
        case .queueTitle: "审核队列"
        case .keymapDocumentView: "文档视图"
        case .keymapSearch: "查找"
        case .keymapQueue: "审核队列"
        case .searchPrompt: "查找："
        case .noMatch(let query): "找不到“\(query)”"
        case .matchPosition(let query, let index, let count): "“\(query)” \(index)/\(count)"
        case .searchWrapped: "已从头继续查找"
        case .pagerPosition(let first, let last, let total): "第 \(first)–\(last) 行，共 \(total) 行"
        case .noFindingsInDocument: "没有检查问题"
        case .noCommentsInDocument: "没有批注"
        case .findingNote(let index, let count, let text, let place): "问题 \(index)/\(count)：\(text.zh)（\(place.zh)）"
        case .commentNote(let index, let count, let author, let time, let text, let place):
            "批注 \(index)/\(count)：\(author)：\(text)（\(time)，\(place?.zh ?? "整份文档")）"
        case .lastEvent(let action, let user, let time, let comment):
            "\(action.name.zh)：\(user) \(time)" + (comment.isEmpty ? "" : "，\(comment)")
        case .findingCount(let errors, let warnings): "错误 \(errors) · 警告 \(warnings)"
        case .queueEmpty(let status): "没有\(status.chineseName)的部门"
        case .queueSummary(let status, let count): "\(status.chineseName) \(count) 份"
        case .columnSubmitted: "送审时间"
        case .columnSubmittedBy: "送审人"
        case .columnSavedBy: "保存人"
        case .notFromQueue: "不是从审核队列打开的；按 v 打开审核队列"
        case .firstSubmission: "已是队列中的第一份"
        case .lastSubmission: "已是队列中的最后一份"
        case .queuePosition(let index, let count): "队列 \(index)/\(count)"
        case .actionsTitle: "审核操作"
        case .noActions(let status): "文档\(status.chineseName)，您现在没有可执行的审核步骤"
        case .actionsQuestion(let status): "当前状态：\(status.chineseName)。请选择："
        case .gradeTitle: "审核通过：评级"
        case .gradeNone: "不评级"
        case .approveCommentTitle: "审核通过：意见"
        case .approveCommentPrompt: "审核意见（可不填），Enter 确认："
        case .reasonTitle(let action): "\(action.name.zh)：理由"
        case .reasonPrompt(let action): "请填写\(action.name.zh)理由（必填）。Enter 确认，Ctrl-J 换行，Esc 取消："
        case .errorsTitle(let count): "还有 \(count) 个错误，不能送审（Enter 跳到该处）"
        case .refusal(let text): text.zh
        case .stepDone(let action, let status): "已\(action.name.zh)，状态：\(status.chineseName)，正在保存"
        case .labelReopen: "重新编辑"
        case .helpLineUp: "上一行"
        case .helpLineDown: "下一行"
        case .helpPageDown: "下一页"
        case .helpPageUp: "上一页"
        case .helpTop: "到开头"
        case .helpBottom: "到末尾"
        case .helpSearch: "查找"
        case .helpNextMatch: "下一个匹配"
        case .helpPreviousMatch: "上一个匹配"
        case .helpNextFinding: "下一个检查问题"
        case .helpPreviousFinding: "上一个检查问题"
        case .helpNextComment: "下一条批注"
        case .helpPreviousComment: "上一条批注"
        case .helpReviewActions: "审核操作（送审、通过、退回、撤回）"
        case .helpDocumentView: "文档视图（只读）"
        case .helpNextSubmission: "下一份送审（从审核队列打开时）"
        case .helpPreviousSubmission: "上一份送审（从审核队列打开时）"
        case .helpBack: "返回"
        case .helpSearchAccept: "结束输入，保留匹配"
        case .helpSearchCancel: "取消查找"
        case .helpOpenSubmission: "打开文档视图"
        case .helpNextStatus: "下一个状态"
        case .helpPreviousStatus: "上一个状态"
        case .helpReviewQueue: "审核队列"
        case .helpRefresh: "刷新"
        }
    }

    var english: String {
        switch self {
        case .documentViewTitle: "Document view"
        case .queueTitle: "Review queue"
        case .keymapDocumentView: "Document view"
        case .keymapSearch: "Search"
        case .keymapQueue: "Review queue"
        case .searchPrompt: "Find: "
        case .noMatch(let query): "\"\(query)\" not found"
        case .matchPosition(let query, let index, let count): "\"\(query)\" \(index)/\(count)"
        case .searchWrapped: "search continued from the top"
        case .pagerPosition(let first, let last, let total): "lines \(first)–\(last) of \(total)"
        case .noFindingsInDocument: "no findings"
        case .noCommentsInDocument: "no comments"
        case .findingNote(let index, let count, let text, let place): "finding \(index)/\(count): \(text.en) (\(place.en))"
        case .commentNote(let index, let count, let author, let time, let text, let place):
            "comment \(index)/\(count): \(author): \(text) (\(time), \(place?.en ?? "whole document"))"
        case .lastEvent(let action, let user, let time, let comment):
            "\(action.name.en): \(user) \(time)" + (comment.isEmpty ? "" : ", \(comment)")
        case .findingCount(let errors, let warnings): "errors \(errors) · warnings \(warnings)"
        case .queueEmpty(let status): "no \(status.englishName) departments"
        case .queueSummary(let status, let count): "\(status.englishName) \(count)"
        case .columnSubmitted: "Submitted"
        case .columnSubmittedBy: "By"
        case .columnSavedBy: "Saved by"
        case .notFromQueue: "not opened from the review queue; press v on the home screen for the queue"
        case .firstSubmission: "this is the first one in the queue"
        case .lastSubmission: "this is the last one in the queue"
        case .queuePosition(let index, let count): "queue \(index)/\(count)"
        case .actionsTitle: "Review"
        case .noActions(let status): "the document is \(status.englishName); there is no review step you can take now"
        case .actionsQuestion(let status): "Status: \(status.englishName). Choose:"
        case .gradeTitle: "Approve: grade"
        case .gradeNone: "no grade"
        case .approveCommentTitle: "Approve: comment"
        case .approveCommentPrompt: "Comment (optional), Enter to confirm:"
        case .reasonTitle(let action): "\(action.name.en.capitalized): reason"
        case .reasonPrompt(let action): "Reason to \(action.name.en) (required). Enter confirms, Ctrl-J breaks the line, Esc cancels:"
        case .errorsTitle(let count): "\(count) error\(count == 1 ? "" : "s") block submitting (Enter jumps there)"
        case .refusal(let text): text.en
        case .stepDone(let action, let status): "\(action.name.en) done, now \(status.englishName); saving"
        case .labelReopen: "reopen"
        case .helpLineUp: "line up"
        case .helpLineDown: "line down"
        case .helpPageDown: "page down"
        case .helpPageUp: "page up"
        case .helpTop: "to the top"
        case .helpBottom: "to the bottom"
        case .helpSearch: "search"
        case .helpNextMatch: "next match"
        case .helpPreviousMatch: "previous match"
        case .helpNextFinding: "next finding"
        case .helpPreviousFinding: "previous finding"
        case .helpNextComment: "next comment"
        case .helpPreviousComment: "previous comment"
        case .helpReviewActions: "review actions (submit, approve, return, withdraw)"
        case .helpDocumentView: "document view (read-only)"
        case .helpNextSubmission: "next submission (when opened from the review queue)"
        case .helpPreviousSubmission: "previous submission (when opened from the review queue)"
        case .helpBack: "back"
        case .helpSearchAccept: "end typing, keep the match"
        case .helpSearchCancel: "cancel the search"
        case .helpOpenSubmission: "open the document view"
        case .helpNextStatus: "next status"
        case .helpPreviousStatus: "previous status"
        case .helpReviewQueue: "review queue"
        case .helpRefresh: "refresh"
        }
    }
}
