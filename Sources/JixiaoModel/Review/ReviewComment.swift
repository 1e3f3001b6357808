/// A comment (批注) by a reviewer or an editor, on the whole submission or on one cell. Comments
/// are kept in the document for good; resolving one marks it, it never deletes it.
public struct ReviewComment: Sendable, Hashable, Identifiable {
    /// Who marked a comment resolved, and when.
    public struct Resolution: Sendable, Hashable {
        public var user: String
        public var time: String
        public init(user: String, time: String) {
            self.user = user
            self.time = time
        }
    }

    public var id: String
    public var author: String
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var time: String
    public var text: String
    /// The cell commented on; `nil` for a comment on the whole submission.
    public var cell: CellPath?
    public var resolution: Resolution?

    public init(id: String = StableID.make(prefix: "c"), author: String, time: String, text: String,
                cell: CellPath? = nil, resolution: Resolution? = nil) {
        self.id = id
        self.author = author
        self.time = time
        self.text = text
        self.cell = cell
        self.resolution = resolution
    }

    public var isResolved: Bool { resolution != nil }
}

extension DepartmentDocument {
    /// Unresolved comments on `cell`, oldest first.
    public func openComments(on cell: CellPath) -> [ReviewComment] {
        comments.filter { $0.cell == cell && !$0.isResolved }
    }

    /// The cells that have at least one unresolved comment: what the grid marks.
    public var commentedCells: Set<CellPath> {
        Set(comments.compactMap { $0.isResolved ? nil : $0.cell })
    }

    /// The latest log entry with `action`, if any.
    public func lastReviewEvent(_ action: ReviewAction) -> ReviewEvent? {
        reviewLog.last { $0.action == action }
    }
}
