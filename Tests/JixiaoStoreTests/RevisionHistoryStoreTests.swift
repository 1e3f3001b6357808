import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// Old revisions rebuilt from what a store keeps (the current document and its history
/// records), on both backends: every saved revision comes back exactly.
@Suite struct RevisionHistoryStoreTests {
    /// Edits of every kind a user makes: cells, rows added in the middle, removed from the
    /// middle, reordered, a project added with rows and removed again, comments and a review step.
    /// `author` signs the comment: the store refuses entries signed by anyone but its user.
    static func steps(author: String) -> [[CellEdit]] {
        let rows = CellPath.project("p-1", "indicators")
        var project = Project(id: "p-2", code: "X2", name: "环境整治", budget: Amount(canonical: "20"))
        project.indicators = [IndicatorRow(id: "r-5", name: "清扫面积"), IndicatorRow(id: "r-6", name: "满意度")]
        project.goals = [TextItem(id: "t-5", text: "环境改善"), TextItem(id: "t-6", text: "群众满意")]
        let comment = ReviewComment(id: "c-1", author: author, time: "2026-11-23T21:00:00Z", text: "请核实",
                                    cell: CellPath.indicator(project: "p-1", row: "r-1", column: .value))
        return [
            [.set(CellPath.indicator(project: "p-1", row: "r-1", column: .value), .text("≥1200人次"))],
            [.insert(list: rows, item: DocumentTree.item(IndicatorRow(id: "r-2", name: "覆盖率")), after: "r-1"),
             .insert(list: rows, item: DocumentTree.item(IndicatorRow(id: "r-3", name: "及时率")), after: "r-2")],
            [.insert(list: .field("projects"), item: DocumentTree.item(project), after: nil)],
            [.delete(rows.item("r-2")), .insert(list: .field("comments"), item: DocumentTree.item(comment), after: nil)],
            [.move(rows.item("r-3"), after: nil), .set(CellPath.project("p-2", "name"), .text("环境综合整治"))],
            [.delete(CellPath.project("p-2")), .set(.field("status"), .text("submitted"))],
            [.set(.field("unitName"), .text("西山街道"))],
        ]
    }

    @Test(arguments: Backend.allCases) func everySavedRevisionRebuildsFromTheStore(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let store = fixture.store
            var saved = [Samples.department()]
            _ = try store.save(saved[0], base: 0)
            for edits in Self.steps(author: store.identity.user) {
                let next = try saved.last!.applying(edits)
                #expect(try store.save(next, base: saved.count) == .saved(revision: saved.count + 1))
                saved.append(next)
            }
            let latest = try store.load(id: saved[0].id)
            let records = try store.history(id: saved[0].id).filter { $0.kind == .save }
                .map { RevisionChanges(revision: $0.revision, changes: $0.changes) }
            #expect(records.map(\.revision) == Array(1...saved.count))
            for revision in 1...saved.count {
                let rebuilt = try RevisionHistory.document(at: revision, latest: latest.document,
                                                           latestRevision: latest.revision, records: records)
                #expect(rebuilt.exact, "revision \(revision)")
                #expect(rebuilt.document == saved[revision - 1], "revision \(revision)")
            }
        }
    }
}
