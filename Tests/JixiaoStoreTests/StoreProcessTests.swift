import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore
@testable import jixiao_store_probe
#if canImport(Glibc)
import Glibc
#endif

/// The guarantees that only show with real processes: SIGKILL mid-save, concurrent writers,
/// readers during saves, injected I/O faults, and drafts surviving a killed editor.
@Suite(.serialized) struct StoreProcessTests {
    @Test func killedWritersNeverLeaveAMixedOrEmptyDocument() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let ids = ["crash-a", "crash-b"]
        var generator = SystemRandomNumberGenerator()
        // How long one save takes here (debug build, shared machine), so kills land anywhere
        // from before the first save to after the third.
        var saveTime: TimeInterval = 0
        for id in ids {
            let start = Date()
            #expect(try Probe.run(Probe.path, ["save-once", temp.root, id]).status == 0)
            saveTime = max(saveTime, Date().timeIntervalSince(start))
        }
        let window = UInt32(min(max(saveTime, 0.002), 0.05) * 3_000_000)
        var kills = 0
        for _ in 0..<200 {
            let (process, line) = try Probe.start(["write-loop", temp.root] + ids.shuffled(using: &generator))
            #expect(line == "ready\n")
            usleep(UInt32.random(in: 0...window, using: &generator))
            Probe.kill(process)
            kills += 1
        }
        #expect(kills == 200)
        let store = try temp.open()
        let report = try store.check()
        #expect(report.isClean, "\(report.problems)")
        #expect(temp.files(in: "documents").allSatisfy { !$0.hasPrefix(".") }, "temp files left: \(temp.files(in: "documents"))")
        for id in ids {
            let stored = try store.load(id: id)
            // Exactly the version that was written as this revision: no mixture, no blank.
            #expect(DocumentCodec.encode(stored.document) == DocumentCodec.encode(ProbeDocuments.version(id: id, stored.revision)))
            let history = try store.history(id: id)
            #expect(history.map(\.revision) == Array(1...stored.revision))
        }
        print("crash test: 200 kills within \(window) µs, revisions \(try ids.map { try store.load(id: $0).revision }), repairs \(report.repairs.count)")
    }

    @Test func readersNeverSeeATornDocument() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let id = "torn"
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: id, 1), base: 0)
        let (writer, _) = try Probe.start(["write-loop", temp.root, id])
        defer { Probe.kill(writer) }
        let deadline = Date().addingTimeInterval(1.5)
        var reads = 0
        var revisions = Set<Int>()
        while Date() < deadline {
            let stored = try store.load(id: id)
            #expect(ProbeDocuments.versionNumber(of: stored.document) == stored.revision)
            #expect(stored.document == ProbeDocuments.version(id: id, stored.revision))
            revisions.insert(stored.revision)
            reads += 1
        }
        #expect(revisions.count > 3, "the writer should have saved several times during the reads")
        #expect(try store.list().problems.isEmpty)
        print("torn-read test: \(reads) reads saw \(revisions.count) revisions")
    }

    static let straceAvailable = FileManager.default.isExecutableFile(atPath: "/usr/bin/strace")

    /// Injected faults: (strace arguments, text the error must contain).
    static let faults: [(String, [String], String)] = [
        ("fsync EIO", ["-e", "trace=fsync", "-e", "inject=fsync:error=EIO:when=1"], "fsync"),
        ("history write ENOSPC", ["-e", "trace=write", "-e", "inject=write:error=ENOSPC:when=1"], "No space"),
        ("document write ENOSPC", ["-e", "trace=write", "-e", "inject=write:error=ENOSPC:when=2"], "No space"),
        ("history fdatasync EIO", ["-e", "trace=fdatasync", "-e", "inject=fdatasync:error=EIO:when=1"], "fdatasync"),
        ("rename EIO", ["-e", "trace=rename,renameat,renameat2", "-e", "inject=rename,renameat,renameat2:error=EIO"], "rename"),
    ]

    @Test(arguments: 0..<faults.count) func injectedIOFaultFailsTheSaveCleanly(index: Int) throws {
        guard Self.straceAvailable else {
            print("skipped: strace is not installed (.ci/run installs it)")
            return
        }
        let (name, injection, message) = Self.faults[index]
        let temp = TemporaryStore()
        defer { temp.remove() }
        let id = "fault"
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: id, 1), base: 0)
        let before = try #require(try FileIO.readFile(store.documentPath(id)))

        let result = try Probe.run("/usr/bin/strace", ["-f", "-o", "/dev/null"] + injection + [Probe.path, "save-once", temp.root, id])
        #expect(result.status == 2, "\(name): \(result.stdout) \(result.stderr)")
        #expect(result.stderr.contains("save failed, nothing changed"), "\(name): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(name): \(result.stderr)")
        // The previous version is intact, its history matches, and no temp file remains.
        #expect(try FileIO.readFile(store.documentPath(id)) == before, "\(name)")
        #expect(temp.files(in: "documents") == ["\(id).json"], "\(name)")
        #expect(try store.history(id: id).map(\.revision) == [1])
        #expect(try HistoryLog(path: store.historyPath(id)).read().records.count == 1, "\(name): record taken back")
        #expect(try store.check().isClean)
        // And the next save works.
        #expect(try store.save(ProbeDocuments.version(id: id, 2), base: 1) == .saved(revision: 2))
    }

    @Test func failedDirectorySyncReportsAnUnknownOutcome() throws {
        guard Self.straceAvailable else {
            print("skipped: strace is not installed (.ci/run installs it)")
            return
        }
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: "dir", 1), base: 0)
        let result = try Probe.run("/usr/bin/strace", ["-f", "-o", "/dev/null", "-e", "trace=fsync",
                                                       "-e", "inject=fsync:error=EIO:when=2", Probe.path, "save-once", temp.root, "dir"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("may not be durable"), "\(result.stderr)")
        // The rename happened: the new version is complete and consistent with its history.
        #expect(try store.load(id: "dir").revision == 2)
        #expect(try store.check().isClean)
    }

    @Test(arguments: [1, 7]) func draftSurvivesAKilledEditor(seed: Int) throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let id = "draft"
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: id, 1), base: 0)
        let expected = temp.root + "/expected.json"
        let (editor, line) = try Probe.start(["draft", temp.root, id, String(seed), "60", expected])
        #expect(line == "journaled 60\n")
        Probe.kill(editor)
        let draft = try #require(try store.recoverDraft(id: id))
        #expect(draft.baseRevision == 1)
        #expect(draft.edits.count == 60)
        #expect(DocumentCodec.encode(draft.document) == (try Data(contentsOf: URL(fileURLWithPath: expected))))
    }

    @Test func aJournalLeftTornByAFailedWriteIsRewrittenWhole() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: "d", 1), base: 0)
        let base = try store.load(id: "d")
        let first = CellEdit.set(CellPath.field("unitName"), .text("第一处修改"))
        let second = CellEdit.set(CellPath.field("unitCode"), .text("441002"))
        let journal = try store.draftJournal(id: "d")
        try journal.begin(on: base)
        try journal.append([first])
        // A write that failed part way (a full disk) leaves a torn line behind.
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"op\":\"set\",\"pa".utf8))
        try handle.close()
        // Appending after it would bury the torn line mid-journal, where replay must refuse it.
        try journal.append([second])
        #expect(throws: StoreError.self) { try store.recoverDraft(id: "d") }
        // The editor's repair: begin again on the same base and write every edit since.
        try journal.begin(on: base)
        try journal.append([first, second])
        let draft = try #require(try store.recoverDraft(id: "d"))
        #expect(draft.baseRevision == 1)
        #expect(draft.edits == [first, second])
        #expect(draft.document.unitName == "第一处修改" && draft.document.unitCode == "441002")
        // A journal handle keeps working after the rewrite.
        try journal.append([.set(CellPath.field("unitName"), .text("第三处"))])
        #expect(try store.recoverDraft(id: "d")?.edits.count == 3)
    }

    @Test func tornLastDraftLineIsDropped() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(ProbeDocuments.version(id: "d", 1), base: 0)
        let journal = try store.draftJournal(id: "d")
        try journal.begin(on: try store.load(id: "d"))
        try journal.append([.set(CellPath.field("unitName"), .text("已提交"))])
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: journal.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"op\":\"set\",\"pa".utf8))
        try handle.close()
        let draft = try #require(try store.recoverDraft(id: "d"))
        #expect(draft.edits.count == 1)
        #expect(draft.document.unitName == "已提交")
    }
}
