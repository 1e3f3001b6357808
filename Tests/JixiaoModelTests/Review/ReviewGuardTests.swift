import Foundation
import Testing
@testable import JixiaoModel

@Suite struct ReviewGuardTests {
    typealias F = ReviewFixtures

    func check(_ stored: DepartmentDocument?, _ new: DepartmentDocument, _ identity: Identity,
               _ policy: AccessPolicy = F.policy) -> ReviewRefusal.Reason? {
        do {
            try ReviewGuard.check(stored: stored, new: new, by: identity, policy: policy)
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func theLogOnlyGrows() throws {
        let stored = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, at: F.time, revision: 1)
        var shrunk = stored
        shrunk.reviewLog = []
        shrunk.status = .draft
        #expect(check(stored, shrunk, F.office, .singleUser) == .historyRewritten("reviewLog"))
        var reworded = stored
        reworded.reviewLog[0].comment = "changed"
        #expect(check(stored, reworded, F.office, .singleUser) == .historyRewritten("reviewLog"))
    }

    @Test func entriesAndCommentsMustBeSignedByTheSaver() throws {
        let stored = try F.clean()
        var forged = stored
        forged.reviewLog.append(ReviewEvent(action: .submit, user: "zhao", time: F.time, revision: 1))
        forged.status = .submitted
        #expect(check(stored, forged, F.office, .singleUser) == .impersonation(claimed: "zhao", user: "li"))
        var comment = stored
        comment.comments.append(ReviewComment(author: "zhao", time: F.time, text: "x"))
        #expect(check(stored, comment, F.office, .singleUser) == .impersonation(claimed: "zhao", user: "li"))
    }

    @Test func commentsAreNeverRemovedOrReworded() throws {
        let (stored, comment) = try ReviewWorkflow.addComment("请复核", on: nil, to: try F.clean(), by: F.reviewer, at: F.time)
        var removed = stored
        removed.comments = []
        #expect(check(stored, removed, F.reviewer, .singleUser) == .historyRewritten("comment \(comment.id) removed"))
        var reworded = stored
        reworded.comments[0].text = "别的"
        #expect(check(stored, reworded, F.reviewer, .singleUser) == .historyRewritten("comment \(comment.id) changed"))
        let resolved = try ReviewWorkflow.setResolved(true, comment: comment.id, in: stored, by: F.office, at: F.time)
        #expect(check(stored, resolved, F.office) == nil)
        #expect(check(stored, resolved, F.otherOffice) == .mayNotComment(user: "wang"))
    }

    @Test func singleUserStoresAllowStatusAndContentFreely() throws {
        var stored = try F.clean()
        stored.status = .approved
        var edited = stored
        edited.unitName = "改名"
        edited.status = .draft
        #expect(check(stored, edited, F.otherOffice, .singleUser) == nil)
    }

    @Test func configuredStoresExplainEveryStatusChange() throws {
        let stored = try F.clean()
        var flipped = stored
        flipped.status = .approved
        #expect(check(stored, flipped, F.reviewer) != nil)
        let submitted = try ReviewWorkflow.apply(.submit, to: stored, by: F.office, policy: F.policy, at: F.time, revision: 1)
        #expect(check(stored, submitted, F.office) == nil)
        // The same entry saved by someone who may not take it.
        var byOther = stored
        byOther.status = .submitted
        byOther.reviewLog.append(ReviewEvent(action: .submit, user: "wang", time: F.time, revision: 1))
        #expect(check(stored, byOther, F.otherOffice) == .notPermitted(.submit, user: "wang"))
        // A submit entry cannot smuggle in a document with errors.
        var broken = submitted
        broken.projects[0].budget = Amount(canonical: "999999")
        if case .errorsRemain? = check(stored, broken, F.office) {} else { Issue.record("errors must block a submit on save") }
        // A return without a reason written by hand.
        var returned = submitted
        returned.status = .returned
        returned.reviewLog.append(ReviewEvent(action: .return, user: "zhao", time: F.time, revision: 2))
        #expect(check(submitted, returned, F.reviewer) == .reasonRequired(.return))
    }

    @Test func contentOnlyByEditorsAndOnlyWhileEditable() throws {
        let stored = try F.clean()
        var edited = stored
        edited.projects[0].name += "（修订）"
        #expect(check(stored, edited, F.office) == nil)
        #expect(check(stored, edited, F.otherOffice) == .notAnEditor(user: "wang", department: stored.id))
        #expect(check(stored, edited, F.reviewer) == .notAnEditor(user: "zhao", department: stored.id))

        let submitted = try ReviewWorkflow.apply(.submit, to: stored, by: F.office, policy: F.policy, at: F.time, revision: 1)
        var editedSubmitted = submitted
        editedSubmitted.projects[0].name += "（修订）"
        #expect(check(submitted, editedSubmitted, F.office) == .locked(.submitted))
        let approved = try ReviewWorkflow.apply(.approve, to: submitted, by: F.reviewer, policy: F.policy, at: F.time, revision: 2)
        var editedApproved = approved
        editedApproved.unitName = "x"
        #expect(check(approved, editedApproved, F.office) == .locked(.approved))
        #expect(check(approved, editedApproved, F.reviewer) == .notAnEditor(user: "zhao", department: stored.id))

        let returned = try ReviewWorkflow.apply(.return, to: submitted, by: F.reviewer, policy: F.policy, at: F.time,
                                                revision: 2, comment: "补充")
        var editedReturned = returned
        editedReturned.unitName = "x"
        editedReturned.status = .draft
        #expect(check(returned, editedReturned, F.office) != nil, "an edit after a return needs its reopen entry")
        var reopened = try ReviewWorkflow.prepareForEdit(returned, by: F.office, policy: F.policy, at: F.time, revision: 3)
        reopened.unitName = "x"
        #expect(check(returned, reopened, F.office) == nil)
    }

    @Test func creatingADepartmentNeedsItsEditor() throws {
        let new = try F.clean()
        #expect(check(nil, new, F.office) == nil)
        #expect(check(nil, new, F.reviewer) == .notAnEditor(user: "zhao", department: new.id))
        #expect(check(nil, new, F.reviewer, .singleUser) == nil)
    }

    @Test func commentsAndMergedLogsPassWhileLocked() throws {
        let submitted = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, policy: F.policy, at: F.time, revision: 1)
        let (commented, _) = try ReviewWorkflow.addComment("请说明依据", on: nil, to: submitted, by: F.reviewer,
                                                          policy: F.policy, at: F.time)
        #expect(check(submitted, commented, F.reviewer) == nil)
        let (reply, _) = try ReviewWorkflow.addComment("已补充", on: nil, to: commented, by: F.office, policy: F.policy, at: F.time)
        #expect(check(commented, reply, F.office) == nil)
    }
}
