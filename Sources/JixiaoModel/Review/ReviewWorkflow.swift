/// The review state machine as pure functions: given a document, a step and who takes it, the
/// document after the step (status changed, log entry appended) or why it is refused.
///
/// Permissions are checked here too when an `AccessPolicy` is given; the store checks the same
/// rules again on save (`ReviewGuard`), so a front end that forgot to ask cannot slip past.
public enum ReviewWorkflow {
    /// Applies `action` to `document`. `revision` is the stored revision the document was
    /// loaded at; `time` the current UTC time as `ReviewTimestamp` writes it.
    public static func apply(_ action: ReviewAction, to document: DepartmentDocument, by identity: Identity,
                             policy: AccessPolicy = .singleUser, at time: String, revision: Int,
                             comment: String = "", grade: ReviewGrade? = nil,
                             settings: ValidationSettings = .standard,
                             ids: IDGenerator = .random) throws(ReviewRefusal) -> DepartmentDocument {
        guard let target = action.target(from: document.status) else {
            throw ReviewRefusal(.wrongStatus(action, document.status))
        }
        if let refusal = policy.refusal(of: action, from: document.status, department: document, by: identity) {
            throw refusal
        }
        let reason = comment.trimmingCharacters(in: .whitespacesAndNewlines)
        if action.requiresReason && reason.isEmpty { throw ReviewRefusal(.reasonRequired(action)) }
        if grade != nil && action != .approve { throw ReviewRefusal(.gradeOnlyOnApproval) }
        if action == .submit {
            let errors = Validator.validate(department: document, settings: settings).filter { $0.severity == .error }
            if !errors.isEmpty { throw ReviewRefusal(.errorsRemain(errors)) }
        }
        var next = document
        next.status = target
        next.reviewLog.append(ReviewEvent(id: ids.make(prefix: "e"), action: action, user: identity.user, time: time, comment: reason,
                                          grade: grade, revision: revision))
        return next
    }

    /// The document as it must be before a content edit: a returned document goes back to draft
    /// (logged as `reopen`); drafts are unchanged. Submitted and approved documents are refused
    /// when a policy is configured (single-user stores allow everything, as documented).
    public static func prepareForEdit(_ document: DepartmentDocument, by identity: Identity,
                                      policy: AccessPolicy = .singleUser, at time: String,
                                      revision: Int, ids: IDGenerator = .random) throws(ReviewRefusal) -> DepartmentDocument {
        if let refusal = policy.refusalToEdit(document, by: identity) { throw refusal }
        guard document.status == .returned else { return document }
        var next = document
        next.status = .draft
        next.reviewLog.append(ReviewEvent(id: ids.make(prefix: "e"), action: .reopen, user: identity.user, time: time, revision: revision))
        return next
    }

    /// Adds a comment on the submission (`cell == nil`) or on one cell.
    public static func addComment(_ text: String, on cell: CellPath?, to document: DepartmentDocument,
                                  by identity: Identity, policy: AccessPolicy = .singleUser,
                                  at time: String, ids: IDGenerator = .random) throws(ReviewRefusal) -> (DepartmentDocument, ReviewComment) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw ReviewRefusal(.emptyComment) }
        guard policy.mayComment(on: document, identity) else { throw ReviewRefusal(.mayNotComment(user: identity.user)) }
        let comment = ReviewComment(id: ids.make(prefix: "c"), author: identity.user, time: time, text: trimmed, cell: cell)
        var next = document
        next.comments.append(comment)
        return (next, comment)
    }

    /// Marks comment `id` resolved (or open again with `resolved: false`).
    public static func setResolved(_ resolved: Bool, comment id: String, in document: DepartmentDocument,
                                   by identity: Identity, policy: AccessPolicy = .singleUser,
                                   at time: String) throws(ReviewRefusal) -> DepartmentDocument {
        guard policy.mayComment(on: document, identity) else { throw ReviewRefusal(.mayNotComment(user: identity.user)) }
        var next = document
        guard let index = next.comments.firstIndex(where: { $0.id == id }) else { return document }
        next.comments[index].resolution = resolved ? ReviewComment.Resolution(user: identity.user, time: time) : nil
        return next
    }
}
