/// The review record of a document (status, review log, comments) changed by a workflow step,
/// as `CellEdit`s: the form the editor journals at once and replays after a crash, the same
/// as a typed cell. `ReviewWorkflow` says what the document becomes; this says how to get
/// there in edits that replay on the stored base.
public enum ReviewEdits {
    /// The edits that turn `old` into `new` where they differ in status, review log and
    /// comments. Both lists only grow (`ReviewGuard`): new entries are inserted after the last
    /// one, resolutions are set. Anything else that differs is not this function's business.
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
            let path = CellPath.field("comments").item(comment.id)
            // The time first when resolving and last when reopening: the document never holds
            // a resolver without a time, even between the two edits.
            if let resolution = comment.resolution {
                edits.append(.set(path.field("resolvedAt"), .text(resolution.time)))
                edits.append(.set(path.field("resolvedBy"), .text(resolution.user)))
            } else {
                edits.append(.set(path.field("resolvedBy"), .blank))
                edits.append(.set(path.field("resolvedAt"), .blank))
            }
        }
        if old.status != new.status {
            edits.append(.set(.field("status"), .text(new.status.rawValue)))
        }
        return edits
    }
}
