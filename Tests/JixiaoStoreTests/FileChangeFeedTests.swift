import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// The file store's change feed (live refresh): what another process did since the last look.
@Suite struct FileChangeFeedTests {
    @Test func savesDeletesRestoresAndPresenceOfAnotherStoreAreReported() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let writer = try temp.open()
        _ = try writer.save(Samples.department(), base: 0)
        let feed = try temp.open().changeFeed()
        #expect(try feed.changes(waitingUpTo: 0) == .everything, "the first look takes the baseline")
        #expect(try feed.changes(waitingUpTo: 0) == .none)
        #expect(try feed.changes(waitingUpTo: 0) == .none, "a recent directory is looked at again, and is unchanged")

        _ = try writer.save(Samples.department(id: "441002-2023", name: "东山街道"), base: 0)
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441002-2023"]))
        var document = Samples.department()
        document.unitName = "西山街道"
        _ = try writer.save(document, base: 1)
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441001-2023"]))

        let mark = try writer.markOpen(id: "441001-2023")
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441001-2023"]))
        #expect(try feed.changes(waitingUpTo: 0) == .none)
        mark.close()
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441001-2023"]))

        try writer.delete(id: "441002-2023")
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441002-2023"]))
        try writer.restore(id: "441002-2023")
        #expect(try feed.changes(waitingUpTo: 0) == .documents(["441002-2023"]))
        #expect(feed.wakeDescriptor == nil, "files are looked at on a timer")
    }

    @Test func waitingReturnsAsSoonAsAnotherProcessSaves() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let feed = try temp.open().changeFeed()
        #expect(try feed.changes(waitingUpTo: 0) == .everything)
        let root = temp.root
        let saver = Thread {
            usleep(300_000)
            _ = try? FileDocumentStore(root: root).save(Samples.department(), base: 0)
        }
        saver.start()
        let start = Date()
        #expect(try feed.changes(waitingUpTo: 10) == .documents(["441001-2023"]))
        #expect(Date().timeIntervalSince(start) < 5)
        #expect(try feed.changes(waitingUpTo: 0.2) == .none)
    }
}
