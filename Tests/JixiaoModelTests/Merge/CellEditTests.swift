import Foundation
import Testing
@testable import JixiaoModel

@Suite struct CellEditTests {
    let base = MergeFixtures.department()

    @Test func documentTreeRoundTripsEveryField() throws {
        let tree = DocumentTree(base)
        #expect(try tree.document(id: base.id) == base)
        // Scale survives: 25.00 stays 25.00, not merely equal to 25.
        #expect(try tree.document(id: base.id).projects[1].budget?.description == "25.00")
    }

    @Test func setInsertDeleteMoveApply() throws {
        let row = DocumentTree.item(IndicatorRow(id: "r-9", level1: "产出指标", name: "新指标"))
        let edits: [CellEdit] = [
            .set(CellPath.indicator(project: "p-1", row: "r-2", column: .value), .text("98%")),
            .set(CellPath.project("p-2", "budget"), .blank),
            .insert(list: CellPath.project("p-1").field("indicators"), item: row, after: "r-1"),
            .delete(CellPath.project("p-1").field("indicators").item("r-3")),
            .move(CellPath.field("overallGoals").item("t-2"), after: nil),
        ]
        let edited = try base.applying(edits)
        #expect(edited.projects[0].indicators.map(\.id) == ["r-1", "r-9", "r-2"])
        #expect(edited.projects[0].indicators[2].value == "98%")
        #expect(edited.projects[1].budget == nil)
        #expect(edited.overallGoals.map(\.id) == ["t-2", "t-1"])
    }

    @Test func editsThatDoNotFitAreRejected() {
        #expect(throws: CellEdit.ApplyError.self) {
            try DocumentTree(base).applying(.set(CellPath.project("p-404", "name"), .text("x")))
        }
        #expect(throws: CellEdit.ApplyError.self) {
            try DocumentTree(base).applying(.delete(CellPath.field("unitName")))
        }
        #expect(throws: CellEdit.ApplyError.self) {
            try DocumentTree(base).applying(.insert(list: CellPath.field("overallGoals"),
                                                    item: DocumentTree.item(TextItem(id: "t-1", text: "dup")), after: nil))
        }
        #expect(throws: (any Error).self) {
            try base.applying([.set(CellPath.field("fiscalYear"), .text("明年"))])
        }
    }

    /// Random edit sequences survive a JSON round trip and replay to exactly the edited document.
    @Test(arguments: 0..<50) func journaledEditsReplayExactly(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) + 1000)
        let (edited, edits) = try MergeFixtures.randomBranch(from: base, edits: 12, using: &rng)
        let lines = try edits.map { try JSONEncoder().encode($0) }
        let decoded = try lines.map { try JSONDecoder().decode(CellEdit.self, from: $0) }
        #expect(decoded == edits)
        let replayed = try base.applying(decoded)
        #expect(DocumentTree(replayed) == DocumentTree(edited))
        #expect(DocumentDiff(from: edited, to: replayed).isEmpty)
    }

    @Test func diffListsChangedCellsWithOldAndNew() throws {
        var edited = base
        edited.projects[0].indicators[0].value = "≥2000人次"
        edited.safeguards.append(TextItem(id: "t-8", text: "资金保障"))
        edited.subGoals[0].duty = nil
        let diff = DocumentDiff(from: base, to: edited)
        #expect(Set(diff.changes) == [
            .init(path: CellPath.indicator(project: "p-1", row: "r-1", column: .value), old: .text("≥1000人次"), new: .text("≥2000人次")),
            .init(path: CellPath.field("safeguards").item("t-8").field("text"), old: nil, new: .text("资金保障")),
            .init(path: CellPath.field("subGoals").item("g-1").field("duty"), old: .text("职责"), new: .blank),
        ])
    }
}
