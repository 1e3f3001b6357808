/// The review record of a document (status, review log, comments) changed by a workflow step,
/// as `CellEdit`s: the form the editor journals at once and replays after a crash, the same
/// as a typed cell. `ReviewWorkflow` says what the document becomes; this says how to get
/// there in edits that replay on the stored base.
public enum ReviewEdits {
    /// The edits that turn `old` into `new` where they differ in status, review log and
    /// comments. Both lists only grow (`ReviewGuard`): new entries are inserted after the last
    /// one; a comment whose resolution changed has its `resolved` cell set. Anything else that differs is not this function's business.
    public static func edits(from old: DepartmentDocument, to new: DepartmentDocument) -> [CellEdit] {
        var edits: [CellEdit] = []
        var lastEvent = old.reviewLog.last?.id
        let oldEvents = Set(old.reviewLog.map(\.id))
        for event in new.reviewLog where !oldEvents.contains(event.id) {
            edits.append(.insert(list: .field("reviewLog"), item: DocumentTree.item(event), after: lastEvent))
            lastEvent = event.id
        }
        var oldComments: [String: ReviewComment] = [:]
        for comment in old.comments { oldComments[comment.id] = comment }
        var lastComment = old.comments.last?.id
        for comment in new.comments {
            guard let before = oldComments[comment.id] else {
                edits.append(.insert(list: .field("comments"), item: DocumentTree.item(comment), after: lastComment))
                lastComment = comment.id
                continue
            }
            guard before.resolution != comment.resolution else { continue }
            edits.append(.set(CellPath.field("comments").item(comment.id).field("resolved"),
                              DocumentTree.resolvedCell(comment.resolution)))
        }
        if old.status != new.status {
            edits.append(.set(.field("status"), .text(new.status.rawValue)))
        }
        return edits
    }
}
