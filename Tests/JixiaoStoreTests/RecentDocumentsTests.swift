import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// A save reuses the document it read or wrote last only while the file on disk is byte for
/// byte the same: changes by other processes, hand edits and damage are still seen.
@Suite struct RecentDocumentsTests {
    @Test func aSaveOverItsOwnSaveRecordsTheSameHistory() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        var document = Samples.department()
        _ = try store.save(document, base: 0)
        let written = try #require(try store.files.readFile(store.documentPath(document.id)))
        #expect(store.recent.file(id: document.id, matching: written)?.header.revision == 1)
        document.projects[0].name = "社区服务中心"
        #expect(try store.save(document, base: 1) == .saved(revision: 2))
        let change = try #require(try store.history(id: document.id).last?.changes.first)
        #expect(change.path == CellPath.root.field("projects").item("p-1").field("name"))
        #expect(change.old == .text("社区服务") && change.new == .text("社区服务中心"))
        #expect(try temp.open().load(id: document.id).document == document)
        #expect(try store.check().isClean)
    }

    /// Another process (here another store object) saved in between: the bytes differ, the
    /// current file is decoded, and the stale base conflicts instead of overwriting.
    @Test func anOutsideSaveIsDetected() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let mine = try temp.open()
        let theirs = try temp.open()
        var document = Samples.department()
        _ = try mine.save(document, base: 0)
        var their = try theirs.load(id: document.id).document
        their.unitName = "东山街道办事处"
        #expect(try theirs.save(their, base: 1) == .saved(revision: 2))
        document.projects[0].name = "我的修改"
        guard case .conflict(let current) = try mine.save(document, base: 1) else {
            Issue.record("a save over an outside change did not conflict")
            return
        }
        #expect(current.revision == 2 && current.document.unitName == "东山街道办事处")
        // With the right base it saves, and its history diffs against their version.
        #expect(try mine.save(document, base: 2) == .saved(revision: 3))
        let changes = try mine.history(id: document.id).last?.changes.map(\.path) ?? []
        #expect(changes.contains(CellPath.root.field("unitName")))
    }

    /// A body changed by hand behind an unchanged header (same length, so only the checksum
    /// tells): the save must find the damage and set the file aside, not trust what it knew.
    @Test func damageBehindAnUnchangedHeaderIsNotHidden() throws {
        let (temp, store, document, path) = try savedOnce()
        defer { temp.remove() }
        var bytes = try #require(try store.files.readFile(path))
        let at = try #require(bytes.lastIndex(of: UInt8(ascii: "1")))
        bytes[at] = UInt8(ascii: "2")
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try store.save(document, base: 1) }
        #expect(!store.files.exists(path))
        #expect(temp.files(in: "damaged").contains { $0.hasPrefix(document.id) && $0.hasSuffix(".json") })
    }

    /// The same bytes written back (a restore of the same revision) are the same document.
    @Test func identicalBytesAreReused() throws {
        let (temp, store, document, path) = try savedOnce()
        defer { temp.remove() }
        let bytes = try #require(try store.files.readFile(path))
        try FileManager.default.removeItem(atPath: path)
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        #expect(try store.save(document, base: 1) == .saved(revision: 2))
        #expect(try store.history(id: document.id).last?.changes == [])
    }

    /// A fresh store with the sample department saved once through it, and the document's path.
    private func savedOnce() throws -> (TemporaryStore, FileDocumentStore, DepartmentDocument, String) {
        let temp = TemporaryStore()
        let store = try temp.open()
        let document = Samples.department()
        _ = try store.save(document, base: 0)
        return (temp, store, document, store.documentPath(document.id))
    }

    @Test func onlyTheLastFewDocumentsAreKept() {
        let recent = RecentDocuments()
        let file = DocumentFile.encodeFile(Samples.department(), revision: 1, saver: SaverIdentity(user: "u", host: "h", pid: 1),
                                           time: "t")
        for n in 0...RecentDocuments.capacity {
            recent.remember(id: "d\(n)", bytes: [UInt8(n)], file: file.file)
        }
        #expect(recent.file(id: "d0", matching: [0]) == nil)
        #expect(recent.file(id: "d1", matching: [1]) != nil)
        #expect(recent.file(id: "d1", matching: [2]) == nil)
        recent.forget(id: "d1")
        #expect(recent.file(id: "d1", matching: [1]) == nil)
    }
}
