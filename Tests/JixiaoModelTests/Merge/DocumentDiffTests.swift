import JixiaoModel
import Testing

/// `DocumentDiff(from:to:)` on documents leaves equal projects out before building the trees;
/// its changes must be exactly those of diffing the whole trees.
@Suite struct DocumentDiffTests {
    @Test(arguments: 0..<40)
    func documentDiffEqualsWholeTreeDiff(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &* 104_729 &+ 3)
        let base = MergeFixtures.department()
        let (edited, _) = try MergeFixtures.randomBranch(from: base, edits: 1 + seed % 5, using: &rng)
        #expect(DocumentDiff(from: base, to: edited).changes
            == DocumentDiff(from: DocumentTree(base), to: DocumentTree(edited)).changes)
        #expect(DocumentDiff(from: edited, to: base).changes
            == DocumentDiff(from: DocumentTree(edited), to: DocumentTree(base)).changes)
        #expect(DocumentDiff.recordingOrder(from: base, to: edited).changes
            == DocumentDiff.recordingOrder(from: DocumentTree(base), to: DocumentTree(edited)).changes)
        #expect(DocumentDiff.recordingOrder(from: edited, to: base).changes
            == DocumentDiff.recordingOrder(from: DocumentTree(edited), to: DocumentTree(base)).changes)
    }

    @Test func unchangedProjectsGiveNoChangesAndReordersAreKept() {
        let base = MergeFixtures.department()
        #expect(DocumentDiff(from: base, to: base).isEmpty)
        var reordered = base
        reordered.projects.reverse()
        let changes = DocumentDiff(from: base, to: reordered).changes
        #expect(changes == DocumentDiff(from: DocumentTree(base), to: DocumentTree(reordered)).changes)
        #expect(changes.map(\.path) == [CellPath.root.field("projects")])
    }

    @Test func newDocumentListsEveryCell() {
        let document = MergeFixtures.department()
        #expect(DocumentDiff(from: nil, to: document).changes
            == DocumentDiff(from: nil, to: DocumentTree(document)).changes)
        #expect(DocumentDiff.recordingOrder(from: nil, to: document).changes
            == DocumentDiff.recordingOrder(from: nil, to: DocumentTree(document)).changes)
    }

    /// Duplicate project ids (never decoded, but possible in memory) take the whole-tree path.
    @Test func duplicateProjectIDsDiffAsWholeTrees() {
        let base = MergeFixtures.department()
        var duplicated = base
        var copy = base.projects[0]
        copy.name = "复制"
        duplicated.projects.append(copy)
        #expect(DocumentDiff(from: base, to: duplicated).changes
            == DocumentDiff(from: DocumentTree(base), to: DocumentTree(duplicated)).changes)
        #expect(DocumentDiff(from: duplicated, to: base).changes
            == DocumentDiff(from: DocumentTree(duplicated), to: DocumentTree(base)).changes)
        #expect(DocumentDiff.recordingOrder(from: duplicated, to: base).changes
            == DocumentDiff.recordingOrder(from: DocumentTree(duplicated), to: DocumentTree(base)).changes)
    }
}
