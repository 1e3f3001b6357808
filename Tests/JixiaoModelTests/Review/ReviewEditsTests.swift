import Foundation
import Testing
@testable import JixiaoModel

/// Review steps and comments as `CellEdit`s: replayed on the old document, one at a time (as
/// the editor applies them) or all together (as a draft journal replays), they give the new one.
@Suite struct ReviewEditsTests {
    static func replays(_ old: DepartmentDocument, _ new: DepartmentDocument) throws {
        let edits = ReviewEdits.edits(from: old, to: new)
        #expect(try old.applying(edits) == new)
        var stepwise = old
        for edit in edits { stepwise = try stepwise.applying([edit]) }
        #expect(stepwise == new)
    }

    @Test func addingResolvingAndReopeningCommentsReplay() throws {
        let document = try ReviewFixtures.clean()
        let cell = CellPath.field("unitName")
        let (first, a) = try ReviewWorkflow.addComment("名称不全", on: cell, to: document, by: ReviewFixtures.reviewer,
                                                       at: ReviewFixtures.time)
        try Self.replays(document, first)
        let (second, _) = try ReviewWorkflow.addComment("整体较好", on: nil, to: first, by: ReviewFixtures.office,
                                                        at: ReviewFixtures.time)
        try Self.replays(first, second)
        let resolved = try ReviewWorkflow.setResolved(true, comment: a.id, in: second, by: ReviewFixtures.office,
                                                      at: "2026-11-23T09:00:00Z")
        try Self.replays(second, resolved)
        #expect(resolved.comments.map(\.id) == second.comments.map(\.id))
        let reopened = try ReviewWorkflow.setResolved(false, comment: a.id, in: resolved, by: ReviewFixtures.office,
                                                      at: "2026-11-23T10:00:00Z")
        try Self.replays(resolved, reopened)
        #expect(ReviewEdits.edits(from: reopened, to: reopened).isEmpty)
    }

    @Test func reviewStepsReplayWithTheirLogEntries() throws {
        let document = try ReviewFixtures.clean()
        let submitted = try ReviewWorkflow.apply(.submit, to: document, by: ReviewFixtures.office, at: ReviewFixtures.time,
                                                 revision: 3)
        try Self.replays(document, submitted)
        let returned = try ReviewWorkflow.apply(.return, to: submitted, by: ReviewFixtures.reviewer, at: ReviewFixtures.time,
                                                revision: 4, comment: "指标值不明确")
        try Self.replays(submitted, returned)
        let reopened = try ReviewWorkflow.prepareForEdit(returned, by: ReviewFixtures.office, at: ReviewFixtures.time, revision: 5)
        try Self.replays(returned, reopened)
    }
}
