import JixiaoModel

/// The strings of comments (批注), the revision history (修订历史) and revision diffs, kept
/// together like `ProjectText`; `MessageID.notes(_:)` carries them.
public enum NotesText: Hashable, Sendable {
    // Comments.
    case addCommentTitle, addCommentPrompt(location: String), submissionLocation
    case commentAdded, commentResolved, commentReopened
    case refused(LocalizedText)
    case cellComment(author: String, time: String, text: String, more: Int)
    case commentsTitle, noComments, commentsHint
    case commentOpen, commentResolvedBy(user: String, time: String)
    case commentCounts(open: Int, resolved: Int)
    case noCommentHere
    // History.
    case historyTitle, historyLoading, historyEmpty, historyHint
    case revision(Int), revisionMarked(Int)
    case stepLine(action: String, comment: String)
    case changedCells(count: Int, first: String)
    case addedComments(Int), resolvedComments(Int)
    case created, deletedRecord, restoredRecord, noContentChange
    // Diff.
    case diffTitle(from: Int, to: Int), diffSinceReturnTitle(from: Int, to: Int)
    case diffCount(Int), diffNone, diffOnlyReviewRecord, diffApproximate, diffHint
    case itemAdded, itemRemoved, orderChanged
    case absentValue, blankValue
    case sinceReturn(Int), noReturn, returnNotStored, noEarlierRevision
    // Keymap titles.
    case keymapComments, keymapHistory, keymapDiff
    // Key descriptions.
    case helpAddComment, helpComments, helpHistory, helpSinceReturn
    case helpJumpToComment, helpToggleResolved, helpAddSubmissionComment, helpBack
    case helpMarkRevision, helpDiffRevision, helpScrollUp, helpScrollDown

    var chinese: String {
        switch self {
        case .addCommentTitle: "添加批注"
        case .addCommentPrompt(let location): "批注位置：\(location)"
        case .submissionLocation: "整个文档"
        case .commentAdded: "已添加批注（Ctrl-S 保存）"
        case .commentResolved: "批注已标为已解决"
        case .commentReopened: "批注已重新打开"
        case .refused(let text): text.zh
        case .cellComment(let author, let time, let text, let more):
            "* 批注 \(author) \(time)：\(text)" + (more > 0 ? "（另有 \(more) 条，F9 查看）" : "")
        case .commentsTitle: "批注"
        case .noComments: "没有批注。按 a 或 F4 添加对整个文档的批注。"
        case .commentsHint: "Enter 跳到单元格  Space 已解决/重新打开  a 批注整个文档  Esc 返回"
        case .commentOpen: "未解决"
        case .commentResolvedBy(let user, let time): "已解决（\(user) \(time)）"
        case .commentCounts(let open, let resolved): "未解决 \(open) 条，已解决 \(resolved) 条"
        case .noCommentHere: "此处没有批注对应的单元格"
        case .historyTitle: "修订历史"
        case .historyLoading: "正在读取修订历史…"
        case .historyEmpty: "还没有保存过的版本。"
        case .historyHint: "Enter 与当前版本比较  Space 标记  r 自退回以来  Esc 返回"
        case .revision(let n): "第 \(n) 版"
        case .revisionMarked(let n): "已标记第 \(n) 版；选择另一版后按 Enter 比较"
        case .stepLine(let action, let comment): comment.isEmpty ? action : "\(action)：\(comment)"
        case .changedCells(let count, let first): "修改 \(count) 处：\(first)"
        case .addedComments(let n): "批注 \(n) 条"
        case .resolvedComments(let n): "解决批注 \(n) 条"
        case .created: "新建"
        case .deletedRecord: "删除"
        case .restoredRecord: "恢复"
        case .noContentChange: "无内容变化"
        case .diffTitle(let from, let to): "第 \(from) 版 → 第 \(to) 版"
        case .diffSinceReturnTitle(let from, let to): "自退回以来（第 \(from) 版 → 第 \(to) 版）"
        case .diffCount(let n): "\(n) 处变化（不含审核记录和批注，见修订历史）"
        case .diffNone: "两个版本的内容相同。"
        case .diffOnlyReviewRecord: "两个版本的内容相同，只有审核记录或批注不同（见修订历史）。"
        case .diffApproximate: "注意：较早的历史记录缺少条目顺序，已删除条目的位置可能不准。"
        case .diffHint: "上下键 滚动  PgUp/PgDn 翻页  Esc 返回"
        case .itemAdded: "（新增）"
        case .itemRemoved: "（删除）"
        case .orderChanged: "顺序调整"
        case .absentValue: "（无）"
        case .blankValue: "（空）"
        case .sinceReturn(let n): "自退回以来已修改 \(n) 处（Alt-R 查看）"
        case .noReturn: "此文档没有退回记录"
        case .returnNotStored: "退回时的版本不在历史中"
        case .noEarlierRevision: "这是第一个版本，没有更早的版本可比较"
        case .keymapComments: "批注列表"
        case .keymapHistory: "修订历史"
        case .keymapDiff: "版本比较"
        case .helpAddComment: "批注当前单元格"
        case .helpComments: "批注列表"
        case .helpHistory: "修订历史"
        case .helpSinceReturn: "自退回以来的修改"
        case .helpJumpToComment: "跳到批注的单元格"
        case .helpToggleResolved: "标为已解决 / 重新打开"
        case .helpAddSubmissionComment: "批注整个文档"
        case .helpBack: "返回"
        case .helpMarkRevision: "标记此版（再选一版比较）"
        case .helpDiffRevision: "比较：标记的版本（无标记时为当前版本）与此版"
        case .helpScrollUp: "向上滚动"
        case .helpScrollDown: "向下滚动"
        }
    }

    var english: String {
        switch self {
        case .addCommentTitle: "Add a comment"
        case .addCommentPrompt(let location): "On: \(location)"
        case .submissionLocation: "whole document"
        case .commentAdded: "comment added (Ctrl-S saves)"
        case .commentResolved: "comment marked resolved"
        case .commentReopened: "comment reopened"
        case .refused(let text): text.en
        case .cellComment(let author, let time, let text, let more):
            "* comment \(author) \(time): \(text)" + (more > 0 ? " (\(more) more, F9)" : "")
        case .commentsTitle: "Comments"
        case .noComments: "No comments. a or F4 comments on the whole document."
        case .commentsHint: "Enter go to cell  Space resolve/reopen  a comment on document  Esc back"
        case .commentOpen: "open"
        case .commentResolvedBy(let user, let time): "resolved (\(user) \(time))"
        case .commentCounts(let open, let resolved): "\(open) open, \(resolved) resolved"
        case .noCommentHere: "this comment's cell no longer exists"
        case .historyTitle: "History"
        case .historyLoading: "reading the history…"
        case .historyEmpty: "No saved revisions yet."
        case .historyHint: "Enter diff with current  Space mark  r since returned  Esc back"
        case .revision(let n): "rev \(n)"
        case .revisionMarked(let n): "revision \(n) marked; select another and press Enter to compare"
        case .stepLine(let action, let comment): comment.isEmpty ? action : "\(action): \(comment)"
        case .changedCells(let count, let first): "\(count) change\(count == 1 ? "" : "s"): \(first)"
        case .addedComments(let n): "\(n) comment\(n == 1 ? "" : "s")"
        case .resolvedComments(let n): "\(n) comment\(n == 1 ? "" : "s") resolved"
        case .created: "created"
        case .deletedRecord: "deleted"
        case .restoredRecord: "restored"
        case .noContentChange: "no content change"
        case .diffTitle(let from, let to): "revision \(from) → \(to)"
        case .diffSinceReturnTitle(let from, let to): "since returned (revision \(from) → \(to))"
        case .diffCount(let n): "\(n) change\(n == 1 ? "" : "s") (review log and comments: see history)"
        case .diffNone: "The two revisions have the same content."
        case .diffOnlyReviewRecord: "The two revisions have the same content; only the review log or comments differ (see the history)."
        case .diffApproximate: "Note: older history lacks item order; removed items may be misplaced."
        case .diffHint: "Up/Down scroll  PgUp/PgDn page  Esc back"
        case .itemAdded: "(added)"
        case .itemRemoved: "(removed)"
        case .orderChanged: "order changed"
        case .absentValue: "(none)"
        case .blankValue: "(blank)"
        case .sinceReturn(let n): "\(n) change\(n == 1 ? "" : "s") since returned (Alt-R shows)"
        case .noReturn: "this document was never returned"
        case .returnNotStored: "the returned revision is not in the history"
        case .noEarlierRevision: "this is the first revision; there is nothing earlier to compare with"
        case .keymapComments: "Comments list"
        case .keymapHistory: "History"
        case .keymapDiff: "Revision diff"
        case .helpAddComment: "comment on the current cell"
        case .helpComments: "comments list"
        case .helpHistory: "history"
        case .helpSinceReturn: "changes since returned"
        case .helpJumpToComment: "go to the comment's cell"
        case .helpToggleResolved: "mark resolved / reopen"
        case .helpAddSubmissionComment: "comment on the whole document"
        case .helpBack: "back"
        case .helpMarkRevision: "mark this revision (then pick another to compare)"
        case .helpDiffRevision: "diff the marked revision (or the current one) with this one"
        case .helpScrollUp: "scroll up"
        case .helpScrollDown: "scroll down"
        }
    }
}
