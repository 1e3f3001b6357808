/// One entry of a document's review log (审核记录): who did what, when, and why. The log is
/// append-only; entries are never changed or removed.
public struct ReviewEvent: Sendable, Hashable, Identifiable {
    public var id: String
    public var action: ReviewAction
    /// The OS account that acted.
    public var user: String
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ` (see `ReviewTimestamp`).
    public var time: String
    /// The comment or reason; empty when none was given.
    public var comment: String
    /// Only for `approve`.
    public var grade: ReviewGrade?
    /// The stored revision whose content the action applied to (0 when not yet stored), so
    /// "what changed since it was returned" is a diff from this revision.
    public var revision: Int

    public init(id: String = StableID.make(prefix: "e"), action: ReviewAction, user: String, time: String,
                comment: String = "", grade: ReviewGrade? = nil, revision: Int) {
        self.id = id
        self.action = action
        self.user = user
        self.time = time
        self.comment = comment
        self.grade = grade
        self.revision = revision
    }
}
