/// The rules every save must keep, checked by the store against the stored document before it
/// replaces it, so the editor, the CLI and anything else writing through jixiao are held to the
/// same rules:
///
/// - the review log only grows, and comments are never removed or reworded;
/// - new log entries, comments and resolutions are signed by the user saving;
/// - with a configured policy: every status change is explained by new log entries that follow
///   the workflow and that this user may take (a submit still passes validation, a return or
///   withdrawal has a reason); content changes only by the department's editors, only while the
///   document is a draft or returned (and then with a `reopen` entry).
///
/// A single-user store (no configuration) keeps only the first two rules.
public enum ReviewGuard {
    public static func check(stored: DepartmentDocument?, new: DepartmentDocument, by identity: Identity,
                             policy: AccessPolicy, settings: ValidationSettings = .standard) throws(ReviewRefusal) {
        let oldLog = stored?.reviewLog ?? []
        guard new.reviewLog.count >= oldLog.count, Array(new.reviewLog.prefix(oldLog.count)) == oldLog else {
            throw ReviewRefusal(.historyRewritten("reviewLog"))
        }
        let added = new.reviewLog.dropFirst(oldLog.count)
        for event in added where event.user != identity.user {
            throw ReviewRefusal(.impersonation(claimed: event.user, user: identity.user))
        }
        try checkComments(stored: stored?.comments ?? [], new: new, by: identity, policy: policy)

        guard policy.isConfigured else { return }
        guard let stored else {
            guard policy.isEditor(of: new, identity) else {
                throw ReviewRefusal(.notAnEditor(user: identity.user, department: new.id))
            }
            try replay(added, from: .draft, to: new.status, document: new, by: identity, policy: policy, settings: settings)
            return
        }
        if contentDiffers(stored, new) {
            if let refusal = policy.refusalToEdit(stored, by: identity) { throw refusal }
            if stored.status == .returned && !added.contains(where: { $0.action == .reopen }) {
                throw ReviewRefusal(.wrongStatus(.reopen, stored.status))
            }
        }
        try replay(added, from: stored.status, to: new.status, document: new, by: identity, policy: policy, settings: settings)
    }

    /// Walks the new log entries from `start`: each must apply in the status reached so far and be
    /// permitted, and they must end at the document's status.
    private static func replay(_ events: ArraySlice<ReviewEvent>, from start: ReviewStatus, to end: ReviewStatus,
                               document: DepartmentDocument, by identity: Identity, policy: AccessPolicy,
                               settings: ValidationSettings) throws(ReviewRefusal) {
        var status = start
        for event in events {
            guard let next = event.action.target(from: status) else {
                throw ReviewRefusal(.wrongStatus(event.action, status))
            }
            if let refusal = policy.refusal(of: event.action, from: status, department: document, by: identity) {
                throw refusal
            }
            if event.action.requiresReason && event.comment.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ReviewRefusal(.reasonRequired(event.action))
            }
            if event.grade != nil && event.action != .approve { throw ReviewRefusal(.gradeOnlyOnApproval) }
            if event.action == .submit {
                let errors = Validator.validate(department: document, settings: settings).filter { $0.severity == .error }
                if !errors.isEmpty { throw ReviewRefusal(.errorsRemain(errors)) }
            }
            status = next
        }
        guard status == end else {
            // A status change no log entry explains (or entries that end elsewhere).
            throw ReviewRefusal(.wrongStatus(events.last?.action ?? .submit, status))
        }
    }

    private static func checkComments(stored: [ReviewComment], new: DepartmentDocument, by identity: Identity,
                                      policy: AccessPolicy) throws(ReviewRefusal) {
        var current: [String: ReviewComment] = [:]
        for comment in new.comments { current[comment.id] = comment }
        for old in stored {
            guard let now = current[old.id] else { throw ReviewRefusal(.historyRewritten("comment \(old.id) removed")) }
            guard now.author == old.author, now.time == old.time, now.text == old.text, now.cell == old.cell else {
                throw ReviewRefusal(.historyRewritten("comment \(old.id) changed"))
            }
            if now.resolution != old.resolution {
                guard policy.mayComment(on: new, identity) else { throw ReviewRefusal(.mayNotComment(user: identity.user)) }
                if let resolution = now.resolution, resolution.user != identity.user {
                    throw ReviewRefusal(.impersonation(claimed: resolution.user, user: identity.user))
                }
            }
        }
        let storedIDs = Set(stored.map(\.id))
        for comment in new.comments where !storedIDs.contains(comment.id) {
            guard comment.author == identity.user else {
                throw ReviewRefusal(.impersonation(claimed: comment.author, user: identity.user))
            }
            guard policy.mayComment(on: new, identity) else { throw ReviewRefusal(.mayNotComment(user: identity.user)) }
            if comment.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ReviewRefusal(.emptyComment) }
        }
    }

    /// Whether anything but the status, the review log and the comments differs.
    public static func contentDiffers(_ a: DepartmentDocument, _ b: DepartmentDocument) -> Bool {
        var x = a, y = b
        x.status = .draft; y.status = .draft
        x.reviewLog = []; y.reviewLog = []
        x.comments = []; y.comments = []
        x.schemaVersion = 0; y.schemaVersion = 0
        return x != y
    }
}
