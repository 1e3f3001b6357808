import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// The history replayed forwards from nothing: every honest chain rebuilds every revision, and
/// a record that hides or invents a change breaks the chain at its revision.
@Suite struct HistoryChainTests {
    /// Saves the sample and every step of `RevisionHistoryStoreTests`; returns each revision.
    static func savedRevisions(_ store: any DocumentStore) throws -> [DepartmentDocument] {
        var saved = [Samples.department()]
        _ = try store.save(saved[0], base: 0)
        for edits in RevisionHistoryStoreTests.steps(author: store.identity.user) {
            let next = try saved.last!.applying(edits)
            _ = try store.save(next, base: saved.count)
            saved.append(next)
        }
        return saved
    }

    @Test(arguments: Backend.allCases) func anHonestChainReplaysToEveryRevision(backend: Backend) throws {
        try StoreFixture.with(backend) { fixture in
            let saved = try Self.savedRevisions(fixture.store)
            let records = try fixture.store.history(id: saved[0].id)
            for count in 1...records.count {
                let replayed = HistoryChain.replay(Array(records.prefix(count)), id: saved[0].id)
                #expect(replayed.broken == nil, "\(replayed.broken?.description ?? "")")
                #expect(replayed.document == saved[count - 1], "revision \(count)")
            }
        }
    }

    @Test func aHiddenOrInventedChangeBreaksTheChainAtItsRevision() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        let saved = try Self.savedRevisions(store)
        let records = try store.history(id: saved[0].id)

        var hidden = records
        // The comment added in revision 5 is left out of its record.
        hidden[4].changes.removeAll { "\($0.path)".hasPrefix("comments") }
        let hiding = HistoryChain.replay(hidden, id: saved[0].id)
        #expect(hiding.broken?.revision == 5)
        #expect(hiding.broken?.user == store.saver.user)
        #expect(hiding.broken?.reason.contains("hides a change") == true)
        #expect(hiding.document == saved[3])

        var invented = records
        let cell = CellPath.field("unitName")
        invented[5].changes.append(DocumentDiff.Change(path: cell, old: .text("别的名字"), new: .text(saved[5].unitName)))
        #expect(HistoryChain.replay(invented, id: saved[0].id).broken?.reason.contains("did not happen") == true)

        var noChange = records
        noChange[6].changes = [DocumentDiff.Change(path: cell, old: .text(saved[6].unitName), new: .text(saved[6].unitName))]
        #expect(HistoryChain.replay(noChange, id: saved[0].id).broken?.revision == 7)
    }
}
