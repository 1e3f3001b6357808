import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// File-store specifics: bytes on disk, trimming, the index, temp files, groups, network file
/// systems. The protocol semantics both backends share are in StoreConformanceTests.
@Suite struct FileDocumentStoreTests {
    /// The history's checksum is that of the document file's body bytes (after the header line).
    @Test func historyChecksumIsTheBodyOfTheFile() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        var document = Samples.department()
        _ = try store.save(document, base: 0)
        document.projects[0].budget = nil
        _ = try store.save(document, base: 1)
        let history = try store.history(id: document.id)
        let bytes = try #require(try store.files.readFile(store.documentPath(document.id)))
        let body = bytes[(bytes.firstIndex(of: 0x0A)! + 1)...]
        #expect(history.last?.sha256 == SHA256.hex(body))
        #expect(try store.check().isClean)
    }

    @Test func recordsNewerThanTheDocumentAreIgnoredThenTrimmed() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        let document = Samples.department()
        _ = try store.save(document, base: 0)
        // A crash after appending revision 2's record, before the rename.
        let log = HistoryLog(path: store.historyPath(document.id), files: store.files)
        let orphan = HistoryRecord(kind: .save, revision: 2, baseRevision: 1, saver: store.saver, time: "t",
                                   sha256: "0", changes: [])
        _ = try log.append(orphan, group: nil)
        try FileIO.writeAll(open(store.historyPath(document.id), O_WRONLY | O_APPEND), Array("{\"torn".utf8), "")
        #expect(try store.history(id: document.id).map(\.revision) == [1])
        let report = try store.check()
        #expect(report.isClean)
        #expect(report.repairs.count == 1)
        #expect(try log.read().records.map(\.revision) == [1])
        #expect(try log.read().tornTail == false)
        #expect(try store.save(document, base: 1) == .saved(revision: 2))
        #expect(try store.check().isClean)
    }

    @Test func listUsesTheIndexAndNoticesChanges() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let counter = FindingCounter(version: "test-1") { document in
            FindingCounts(errors: document.projects.filter { $0.budget == nil }.count, warnings: 1)
        }
        var options = FileDocumentStore.Options(findingCounter: counter)
        options.saver = SaverIdentity(user: "zhangsan", host: "srv", pid: 1)
        let store = try FileDocumentStore(root: temp.root, options: options)
        var document = Samples.department()
        _ = try store.save(document, base: 0)
        _ = try store.save(Samples.department(id: "441002-2023", name: "东山"), base: 0)
        let first = try store.list()
        #expect(first.documents.map(\.id) == ["441001-2023", "441002-2023"])
        #expect(first.documents[0].totalBudget == "130.97")
        #expect(first.documents[0].errorCount == 0 && first.documents[0].warningCount == 1)
        #expect(first.documents[0].savedBy == "zhangsan@srv")
        #expect(store.files.exists(store.indexPath))

        // The cache answers without reading documents: prove it by planting a marker in it.
        var index = try #require(store.loadIndex())
        index.entries["441002-2023"]?.summary.unitName = "来自缓存"
        try AtomicFile.replace(store.indexPath, with: DocumentFile.encodeLine(index), group: nil, in: store.files)
        #expect(try store.list().documents[1].unitName == "来自缓存")

        // A save changes the file: its entry is stale and re-read.
        document.projects[0].budget = nil
        _ = try store.save(document, base: 1)
        let second = try store.list()
        #expect(second.documents[0].errorCount == 1)
        #expect(second.documents[0].revision == 2)

        // A missing or garbage index is rebuilt from the documents.
        try "garbage".write(toFile: store.indexPath, atomically: false, encoding: .utf8)
        #expect(try store.list().documents[1].unitName == "东山")

        // An index of the previous format (summaries without the last submission) is rebuilt too.
        var old = try #require(store.loadIndex())
        old.format = "jixiao-index/1"
        old.entries["441002-2023"]?.summary.unitName = "旧格式"
        try AtomicFile.replace(store.indexPath, with: DocumentFile.encodeLine(old), group: nil, in: store.files)
        #expect(try store.list().documents[1].unitName == "东山")
        #expect(store.loadIndex()?.format == "jixiao-index/2")
    }

    @Test func leftoverTempFilesAreRemovedAtOpen() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(Samples.department(), base: 0)
        let leftover = temp.root + "/documents/.441001-2023.json.tmp-999-1"
        try "partial".write(toFile: leftover, atomically: false, encoding: .utf8)
        // Held lock = a save in progress: its temp file is not touched.
        let held = try FileLock.acquire(store.lockPath("441001-2023"), in: store.files)
        _ = try temp.open()
        #expect(store.files.exists(leftover))
        held.unlock()
        _ = try temp.open()
        #expect(!store.files.exists(leftover))
        #expect(temp.files(in: "documents") == ["441001-2023.json"])
    }

    @Test func storeFilesTakeTheDirectoryGroupAndUmask() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        // A setgid store directory, as docs/store.md recommends for a team.
        #expect(chmod(temp.root, 0o2775) == 0)
        let previous = umask(0o002)
        defer { umask(previous) }
        let store = try temp.open()
        _ = try store.save(Samples.department(), base: 0)
        let info = try #require(try store.files.status(store.documentPath("441001-2023")))
        #expect(info.st_mode & 0o777 == 0o664)
        let directory = try #require(try store.files.status(temp.root + "/documents"))
        #expect(directory.st_mode & S_ISGID != 0)
    }

    @Test func filesGetTheStoreGroupWithoutSetgid() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        // Tests run as root, which may give the directory any group; a member would do the same.
        let foreign: gid_t = 54_321
        guard geteuid() == 0, chown(temp.root, uid_t.max, foreign) == 0 else {
            print("skipped: changing a directory's group needs root")
            return
        }
        let store = try temp.open()
        _ = try store.save(Samples.department(), base: 0)
        for path in [temp.root + "/documents", store.documentPath("441001-2023"), store.historyPath("441001-2023")] {
            #expect(try store.files.status(path)?.st_gid == foreign, "\(path)")
        }
    }

    @Test func networkFileSystemsAreRefusedUnlessOverridden() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        var options = FileDocumentStore.Options()
        options.fileSystemKind = { _ in .network("NFS") }
        #expect(throws: StoreError.networkFileSystem(path: temp.root, kind: "NFS")) {
            try FileDocumentStore(root: temp.root, options: options)
        }
        #expect(StoreError.networkFileSystem(path: temp.root, kind: "NFS").description.contains("--unsafe-network-fs"))
        options.allowNetworkFileSystem = true
        _ = try FileDocumentStore(root: temp.root, options: options)
    }

    @Test func aLostDocumentIsRestoredFromItsHistoryWhichNothingRemoves() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        let document = Samples.department(id: "lost-1")
        _ = try store.save(document, base: 0)
        let history = try #require(try store.files.readFile(store.historyPath("lost-1")))
        // The first revision's document disappears (or its first save died before the rename).
        try store.files.unlink(store.documentPath("lost-1"))

        let report = try store.check()
        #expect(report.problems.map(\.path) == [store.historyPath("lost-1")])
        #expect(report.problems.first?.reason.contains("--from-history") == true)
        #expect(try store.files.readFile(store.historyPath("lost-1")) == history, "fsck keeps every byte")
        #expect(try store.list().restorable.map(\.id) == ["lost-1"])
        // Starting the id afresh would bury the history: refused.
        #expect(throws: StoreError.self) { try store.save(document, base: 0) }
        #expect(try store.files.readFile(store.historyPath("lost-1")) == history)

        #expect(try store.restoreFromHistory(id: "lost-1") == 1)
        #expect(try store.load(id: "lost-1").document == document)
        #expect(try store.check().isClean)
        #expect(try store.list().restorable.isEmpty)
    }

    @Test func aRecordMatchingTheBodyIsNeverTrimmedAndTrimmedBytesAreKept() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        var document = Samples.department(id: "low-1")
        _ = try store.save(document, base: 0)
        document.unitName = "第二版"
        _ = try store.save(document, base: 1)
        let history = try #require(try store.files.readFile(store.historyPath("low-1")))
        // The header's revision lowered to 1 (its check recomputed), the body left as revision 2.
        let bytes = try #require(try store.files.readFile(store.documentPath("low-1")))
        let newline = try #require(bytes.firstIndex(of: 0x0A))
        var header = try JSONDecoder().decode(DocumentFile.Header.self, from: Data(bytes[..<newline]))
        header.revision = 1
        header.headerCheck = header.computedCheck
        try AtomicFile.replace(store.documentPath("low-1"), with: DocumentFile.encodeLine(header) + bytes[(newline + 1)...],
                               group: nil, in: store.files)
        let report = try store.check()
        #expect(try store.files.readFile(store.historyPath("low-1")) == history, "the record of the current body stays")
        #expect(report.repairs.isEmpty)
        #expect(report.problems.count == 1)

        // A record the document never reached is taken off, and its bytes land in damaged/.
        let store2 = TemporaryStore()
        defer { store2.remove() }
        let other = try store2.open()
        _ = try other.save(Samples.department(id: "cut-1"), base: 0)
        let log = HistoryLog(path: other.historyPath("cut-1"), files: other.files)
        let record = HistoryRecord(kind: .save, revision: 2, baseRevision: 1, saver: other.saver, time: "t", sha256: "0", changes: [])
        let before = try log.append(record, group: nil)
        let tail = try #require(try other.files.readFile(log.path)).suffix(from: before)
        let repaired = try other.check()
        #expect(repaired.isClean)
        let kept = try #require(repaired.repairs.first?.split(separator: " ").last.map(String.init))
        #expect(kept.hasPrefix(other.root + "/damaged/cut-1."))
        #expect(try other.files.readFile(kept).map { $0[...] } == tail)
    }
}
