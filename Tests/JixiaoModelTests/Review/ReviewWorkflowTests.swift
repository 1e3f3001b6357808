import Foundation
import Testing
@testable import JixiaoModel

@Suite struct ReviewWorkflowTests {
    typealias F = ReviewFixtures

    func refusal(_ body: () throws(ReviewRefusal) -> DepartmentDocument) -> ReviewRefusal.Reason? {
        do {
            _ = try body()
            return nil
        } catch {
            return error.reason
        }
    }

    @Test func everyTransitionOfTheStateMachine() {
        let table: [(ReviewAction, ReviewStatus, ReviewStatus?)] = [
            (.submit, .draft, .submitted), (.submit, .returned, .submitted), (.submit, .submitted, nil), (.submit, .approved, nil),
            (.approve, .submitted, .approved), (.approve, .draft, nil), (.approve, .returned, nil), (.approve, .approved, nil),
            (.return, .submitted, .returned), (.return, .draft, nil), (.return, .approved, nil), (.return, .returned, nil),
            (.withdraw, .approved, .submitted), (.withdraw, .submitted, .draft), (.withdraw, .draft, nil), (.withdraw, .returned, nil),
            (.reopen, .returned, .draft), (.reopen, .draft, nil), (.reopen, .submitted, nil), (.reopen, .approved, nil),
        ]
        for (action, from, to) in table {
            #expect(action.target(from: from) == to, "\(action) from \(from)")
        }
    }

    @Test func submitApproveRecordsUserTimeGradeAndRevision() throws {
        let submitted = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, policy: F.policy,
                                                 at: F.time, revision: 4)
        #expect(submitted.status == .submitted)
        let approved = try ReviewWorkflow.apply(.approve, to: submitted, by: F.reviewer, policy: F.policy,
                                                at: "2026-11-24T01:02:03Z", revision: 5, comment: " 同意 ", grade: .good)
        #expect(approved.status == .approved)
        #expect(approved.reviewLog.count == 2)
        let event = try #require(approved.reviewLog.last)
        #expect(event.action == .approve && event.user == "zhao" && event.time == "2026-11-24T01:02:03Z")
        #expect(event.comment == "同意" && event.grade == .good && event.revision == 5)
        #expect(approved.reviewLog[0].action == .submit && approved.reviewLog[0].user == "li" && approved.reviewLog[0].revision == 4)
    }

    @Test func submitIsRefusedWhileErrorsRemainAndListsThem() throws {
        let reason = refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.submit, to: try! F.withError(), by: F.office, at: F.time, revision: 1)
        }
        guard case .errorsRemain(let findings)? = reason else {
            Issue.record("expected errorsRemain, got \(String(describing: reason))")
            return
        }
        #expect(!findings.isEmpty && findings.allSatisfy { $0.severity == .error })
        #expect(findings.contains { $0.path.projectID != nil })
    }

    @Test func returnAndWithdrawRequireAReason() throws {
        let submitted = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, at: F.time, revision: 1)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.return, to: submitted, by: F.reviewer, at: F.time, revision: 2, comment: "  \n")
        } == .reasonRequired(.return))
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.withdraw, to: submitted, by: F.office, at: F.time, revision: 2)
        } == .reasonRequired(.withdraw))
        let returned = try ReviewWorkflow.apply(.return, to: submitted, by: F.reviewer, at: F.time, revision: 2, comment: "补充依据")
        #expect(returned.status == .returned && returned.reviewLog.last?.comment == "补充依据")
    }

    @Test func gradeOnlyWithApproval() throws {
        let submitted = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, at: F.time, revision: 1)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.return, to: submitted, by: F.reviewer, at: F.time, revision: 2, comment: "x", grade: .poor)
        } == .gradeOnlyOnApproval)
    }

    @Test func wrongStatusIsRefused() throws {
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.approve, to: try! F.clean(), by: F.reviewer, at: F.time, revision: 1)
        } == .wrongStatus(.approve, .draft))
    }

    @Test func permissionsOfEachAction() throws {
        let draft = try F.clean()
        // An office of another unit cannot submit; a reviewer who is no editor cannot either.
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.submit, to: draft, by: F.otherOffice, policy: F.policy, at: F.time, revision: 1)
        } == .notPermitted(.submit, user: "wang"))
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.submit, to: draft, by: F.reviewer, policy: F.policy, at: F.time, revision: 1)
        } == .notPermitted(.submit, user: "zhao"))
        let submitted = try ReviewWorkflow.apply(.submit, to: draft, by: F.office, policy: F.policy, at: F.time, revision: 1)
        // A non-reviewer cannot approve or return, not even the department's own editor.
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.approve, to: submitted, by: F.office, policy: F.policy, at: F.time, revision: 2)
        } == .notPermitted(.approve, user: "li"))
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.return, to: submitted, by: F.otherOffice, policy: F.policy, at: F.time, revision: 2, comment: "x")
        } == .notPermitted(.return, user: "wang"))
        // Recalling a submission is the office's; cancelling an approval the reviewer's.
        let recalled = try ReviewWorkflow.apply(.withdraw, to: submitted, by: F.office, policy: F.policy, at: F.time,
                                                revision: 2, comment: "补充项目")
        #expect(recalled.status == .draft)
        let approved = try ReviewWorkflow.apply(.approve, to: submitted, by: F.reviewer, policy: F.policy, at: F.time, revision: 2)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.apply(.withdraw, to: approved, by: F.office, policy: F.policy, at: F.time, revision: 3, comment: "x")
        } == .notPermitted(.withdraw, user: "li"))
        let cancelled = try ReviewWorkflow.apply(.withdraw, to: approved, by: F.reviewer, policy: F.policy, at: F.time,
                                                 revision: 3, comment: "数据有误")
        #expect(cancelled.status == .submitted)
    }

    @Test func editingAReturnedDocumentReopensItAndLockedOnesAreRefused() throws {
        let submitted = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, policy: F.policy, at: F.time, revision: 1)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.prepareForEdit(submitted, by: F.office, policy: F.policy, at: F.time, revision: 2)
        } == .locked(.submitted))
        let approved = try ReviewWorkflow.apply(.approve, to: submitted, by: F.reviewer, policy: F.policy, at: F.time, revision: 2)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.prepareForEdit(approved, by: F.office, policy: F.policy, at: F.time, revision: 3)
        } == .locked(.approved))
        // Single-user stores allow it (documented).
        #expect(try ReviewWorkflow.prepareForEdit(approved, by: F.office, at: F.time, revision: 3).status == .approved)
        let returned = try ReviewWorkflow.apply(.return, to: submitted, by: F.reviewer, policy: F.policy, at: F.time,
                                                revision: 2, comment: "补充")
        let reopened = try ReviewWorkflow.prepareForEdit(returned, by: F.office, policy: F.policy, at: F.time, revision: 3)
        #expect(reopened.status == .draft && reopened.reviewLog.last?.action == .reopen)
        #expect(refusal { () throws(ReviewRefusal) in
            try ReviewWorkflow.prepareForEdit(returned, by: F.otherOffice, policy: F.policy, at: F.time, revision: 3)
        } == .notAnEditor(user: "wang", department: returned.id))
        // A draft is left as it is.
        #expect(try ReviewWorkflow.prepareForEdit(reopened, by: F.office, policy: F.policy, at: F.time, revision: 4) == reopened)
    }

    @Test func commentsOnCellsAndResolution() throws {
        let document = try F.clean()
        let cell = CellPath.indicator(project: document.projects[0].id, row: document.projects[0].indicators[0].id, column: .value)
        let (commented, comment) = try ReviewWorkflow.addComment(" 请复核 ", on: cell, to: document, by: F.reviewer,
                                                                policy: F.policy, at: F.time)
        #expect(comment.text == "请复核" && comment.author == "zhao" && comment.cell == cell)
        #expect(commented.commentedCells == [cell])
        #expect(commented.openComments(on: cell).count == 1)
        let resolved = try ReviewWorkflow.setResolved(true, comment: comment.id, in: commented, by: F.office,
                                                      policy: F.policy, at: "2026-11-23T09:00:00Z")
        #expect(resolved.comments[0].resolution == .init(user: "li", time: "2026-11-23T09:00:00Z"))
        #expect(resolved.commentedCells.isEmpty && resolved.comments.count == 1)
        #expect(throws: ReviewRefusal(.mayNotComment(user: "wang"))) {
            try ReviewWorkflow.addComment("x", on: nil, to: document, by: F.otherOffice, policy: F.policy, at: F.time)
        }
        #expect(throws: ReviewRefusal(.emptyComment)) {
            try ReviewWorkflow.addComment("  ", on: nil, to: document, by: F.reviewer, policy: F.policy, at: F.time)
        }
    }

    @Test func refusalsReadInBothLanguages() {
        let message = ReviewRefusal(.locked(.approved)).message
        #expect(message.zh.contains("撤回审核") && message.en.contains("withdraw the approval"))
        #expect(ReviewRefusal(.notPermitted(.approve, user: "li")).message.zh == "用户 li 无权审核通过此部门")
    }

    @Test func timestampsHaveOneForm() {
        #expect(ReviewTimestamp.string(from: Date(timeIntervalSince1970: 1_795_000_000)) == "2026-11-18T11:06:40Z")
        #expect(ReviewTimestamp.isValid("2026-11-23T21:53:32Z"))
        for bad in ["2026-11-23 21:53:32Z", "2026-11-23T21:53:32", "2026-1-23T21:53:32Z", "２026-11-23T21:53:32Z"] {
            #expect(!ReviewTimestamp.isValid(bad), "\(bad)")
        }
    }
}
