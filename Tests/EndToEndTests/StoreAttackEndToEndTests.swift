import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The store attacked as a hostile user, or bad luck, would: links planted where files should
/// be, odd files named like documents, a lost document, a forged history record, output paths
/// that are devices or lie inside the store. Every attack runs the real `jixiao` binary.
@Suite(.serialized) struct StoreAttackEndToEndTests {
    static let fixture = CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/pdf-layout.txt").path
    static let id = "520101-2024"

    /// A store holding the fixture department at revision 1 (or more with `revisions`).
    static func store(in folder: URL, revisions: Int = 1) throws -> String {
        let store = folder.appendingPathComponent("store").path
        #expect(try CLIProcess.run(["store", "init", "--store", store]).status == 0)
        for _ in 0..<revisions {
            let imported = try CLIProcess.run(["import", "--store", store, fixture])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        return store
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    static func kind(_ path: String) -> mode_t? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return info.st_mode & S_IFMT
    }

    @Test func plantedLinksAreNeverFollowed() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        let outside = folder.appendingPathComponent("victim.sh").path
        let original = Data("#!/bin/sh\necho untouched\n".utf8)
        try original.write(to: URL(fileURLWithPath: outside))
        let outsideDirectory = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: outsideDirectory, withIntermediateDirectories: true)

        // history/: a save must not append through it, fsck must not truncate through it.
        let history = "\(store)/history/\(Self.id).jsonl"
        let kept = try #require(Self.bytes(history))
        try FileManager.default.removeItem(atPath: history)
        #expect(symlink(outside, history) == 0)
        let save = try CLIProcess.run(["import", "--store", store, Self.fixture])
        #expect(save.status != 0)
        #expect(save.stdout.contains("symbolic link") || save.stderr.contains("symbolic link"), "\(save.stdout)\(save.stderr)")
        let fsck = try CLIProcess.run(["fsck", "--store", store])
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("\(history): is a symbolic link"), "\(fsck.stdout)")
        #expect(Self.bytes(outside) == original)
        try FileManager.default.removeItem(atPath: history)
        try kept.write(to: URL(fileURLWithPath: history))

        // locks/ and index.json: a lock is never created through a link, the index replaces its link.
        let lock = "\(store)/locks/\(Self.id).lock"
        try? FileManager.default.removeItem(atPath: lock)
        #expect(symlink(outside, lock) == 0)
        #expect(try CLIProcess.run(["import", "--store", store, Self.fixture]).status != 0)
        try FileManager.default.removeItem(atPath: lock)
        try? FileManager.default.removeItem(atPath: "\(store)/index.json")
        #expect(symlink(outside, "\(store)/index.json") == 0)
        let list = try CLIProcess.run(["list", "--store", store])
        #expect(list.status == 0 && list.stdout.hasPrefix(Self.id), "\(list.stderr)")
        #expect(Self.kind("\(store)/index.json") == S_IFREG)

        // documents/: a link named like a document is damage, moved aside as the link it is.
        #expect(symlink(outside, "\(store)/documents/zz-link-1.json") == 0)
        let listed = try CLIProcess.run(["list", "--store", store])
        #expect(listed.stdout.hasPrefix(Self.id))
        #expect(listed.stderr.contains("zz-link-1") && listed.stderr.contains("symbolic link"), "\(listed.stderr)")
        let aside = try FileManager.default.contentsOfDirectory(atPath: "\(store)/damaged").filter { $0.hasPrefix("zz-link-1.") && $0.hasSuffix(".json") }
        #expect(aside.count == 1)
        #expect(aside.first.map { Self.kind("\(store)/damaged/\($0)") } == S_IFLNK)

        // damaged/ itself a link: a damaged document stays where it is rather than leave the store.
        try FileManager.default.moveItem(atPath: "\(store)/damaged", toPath: folder.appendingPathComponent("damaged-was").path)
        #expect(symlink(outsideDirectory.path, "\(store)/damaged") == 0)
        try Data("not a document".utf8).write(to: URL(fileURLWithPath: "\(store)/documents/zz-bad-1.json"))
        let checked = try CLIProcess.run(["fsck", "--store", store])
        #expect(checked.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: outsideDirectory.path).isEmpty)
        #expect(Self.bytes(outside) == original)
    }

    @Test func anOddEntryNamedLikeADocumentNeverStopsTheStore() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        #expect(mkfifo("\(store)/documents/aa-fifo-1.json", 0o666) == 0)
        try FileManager.default.createDirectory(atPath: "\(store)/documents/bb-dir-1.json", withIntermediateDirectories: false)
        #expect(symlink("cc-loop-1.json", "\(store)/documents/cc-loop-1.json") == 0)

        let start = Date()
        let list = try CLIProcess.run(["list", "--store", store])
        let took = Date().timeIntervalSince(start)
        #expect(took < 2, "list took \(took) s")
        #expect(list.status == 0)
        #expect(list.stdout.split(separator: "\n").map { $0.split(separator: "\t")[0] } == [Substring(Self.id)])
        for (name, what) in [("aa-fifo-1", "a FIFO"), ("bb-dir-1", "a directory"), ("cc-loop-1", "a symbolic link")] {
            #expect(list.stderr.contains(name) && list.stderr.contains(what), "\(name): \(list.stderr)")
            // Counted once, not once as found and again as moved aside.
            #expect(list.stderr.components(separatedBy: "damaged/\(name).").count == 2, "\(list.stderr)")
        }
        let fsck = try CLIProcess.run(["fsck", "--store", store])
        #expect(fsck.stdout.contains("3 damaged"), "\(fsck.stdout)")
        #expect(try CLIProcess.run(["history", Self.id, "--store", store]).status == 0)
    }

    @Test func theEditorGoesOnPastFIFOsInTheStore() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        #expect(mkfifo("\(store)/documents/aa-fifo-1.json", 0o666) == 0)
        try FileManager.default.createDirectory(atPath: "\(store)/presence/\(Self.id)", withIntermediateDirectories: true)
        #expect(mkfifo("\(store)/presence/\(Self.id)/someone@host.1.2.json", 0o666) == 0)
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try EditorEndToEndTests.start(tmux, URL(fileURLWithPath: store), waitingFor: "东湖街道")
        try tmux.press("Enter")
        try tmux.waitFor(text: "单位名称")
        try tmux.press("C-q")
        try tmux.waitForLine("EXIT=0")
    }

    @Test func aMissingDocumentKeepsEveryByteOfItsHistoryAndIsRestored() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        let exported = try CLIProcess.run(["export", Self.id, "--format", "json", "--store", store])
        let history = "\(store)/history/\(Self.id).jsonl"
        let kept = try #require(Self.bytes(history))
        try FileManager.default.removeItem(atPath: "\(store)/documents/\(Self.id).json")

        let fsck = try CLIProcess.run(["fsck", "--store", store])
        #expect(fsck.status == 1)
        #expect(fsck.stdout.contains("--from-history"), "\(fsck.stdout)")
        #expect(Self.bytes(history) == kept)
        #expect(try CLIProcess.run(["fsck", "--store", store]).status == 1)
        #expect(Self.bytes(history) == kept)
        let list = try CLIProcess.run(["list", "--store", store])
        #expect(list.stdout.contains("\(Self.id)\t可从历史恢复"))
        // Importing the id afresh would bury the history: refused, history unchanged.
        #expect(try CLIProcess.run(["import", "--store", store, Self.fixture]).status != 0)
        #expect(Self.bytes(history) == kept)

        let restored = try CLIProcess.run(["restore", Self.id, "--from-history", "--store", store])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try CLIProcess.run(["export", Self.id, "--format", "json", "--store", store]).stdout == exported.stdout)
        #expect(try CLIProcess.run(["fsck", "--store", store]).status == 0)
        #expect(Self.bytes(history)?.prefix(kept.count) == kept)
    }

    @Test func aForgedHistoryRecordIsFoundByFsck() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        // A real change, saved by the editor's path: the document gets a new comment.
        let commented = try CLIProcess.run(["comment", Self.id, "请核实金额", "--store", store])
        #expect(commented.status == 0, "\(commented.stderr)")
        #expect(try CLIProcess.run(["fsck", "--store", store]).status == 0)

        // The record of that save rewritten to claim nothing changed (checksum left right).
        let history = "\(store)/history/\(Self.id).jsonl"
        var lines = String(decoding: try #require(Self.bytes(history)), as: UTF8.self).split(separator: "\n").map(String.init)
        var last = try #require(try JSONSerialization.jsonObject(with: Data(lines[lines.count - 1].utf8)) as? [String: Any])
        last["changes"] = [Any]()
        lines[lines.count - 1] = String(decoding: try JSONSerialization.data(withJSONObject: last), as: UTF8.self)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history))

        let fsck = try CLIProcess.run(["fsck", "--store", store])
        #expect(fsck.status == 1)
        let user = String(cString: getpwuid(geteuid()).pointee.pw_name)
        #expect(fsck.stdout.contains("history chain broken at revision 2 by \(user)@"), "\(fsck.stdout)")
        #expect(fsck.stdout.contains("hides a change"))

        // A record that invents a change that did not happen is found the same way.
        last["changes"] = [["path": "unitName", "old": "别的名字", "new": "别的名字"]]
        lines[lines.count - 1] = String(decoding: try JSONSerialization.data(withJSONObject: last), as: UTF8.self)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history))
        #expect(try CLIProcess.run(["fsck", "--store", store]).stdout.contains("did not happen"))
    }

    @Test func historyShowsTheGoodLinesAndNamesTheBadOne() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder, revisions: 2)
        let history = "\(store)/history/\(Self.id).jsonl"
        var lines = String(decoding: try #require(Self.bytes(history)), as: UTF8.self).split(separator: "\n").map(String.init)
        lines.insert("{not a record", at: 1)
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: URL(fileURLWithPath: history))
        let shown = try CLIProcess.run(["history", Self.id, "--store", store])
        #expect(shown.status == 1)
        #expect(shown.stdout.contains("revision 1 (from 0)") && shown.stdout.contains("revision 2 (from 1)"), "\(shown.stdout)")
        #expect(shown.stderr.contains("\(history):2: damaged history"), "\(shown.stderr)")
    }

    @Test func onlySetupCommandsCreateAStoreAndNeverInAForeignDirectory() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let typo = folder.appendingPathComponent("stroe").path
        let list = try CLIProcess.run(["list", "--store", typo])
        #expect(list.status != 0 && list.stderr.contains("store init"), "\(list.stderr)")
        #expect(!FileManager.default.fileExists(atPath: typo))

        let foreign = folder.appendingPathComponent("etc")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: foreign.appendingPathComponent("passwd"))
        for arguments in [["list"], ["fsck"], ["store", "init"]] {
            let run = try CLIProcess.run(arguments + ["--store", foreign.path])
            #expect(run.status != 0 && run.stderr.contains("not a jixiao store"), "\(arguments): \(run.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: foreign.path) == ["passwd"])
    }

    @Test func aPermissionProblemNamesThePathAndTheUser() throws {
        guard geteuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") else {
            print("skipped: needs root and setpriv to run jixiao as another user")
            return
        }
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        #expect(chmod(folder.path, 0o755) == 0 && chmod(store, 0o755) == 0 && chmod("\(store)/documents", 0o700) == 0)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
        process.arguments = ["--reuid", "nobody", "--regid", "nogroup", "--clear-groups", "--", CLIProcess.binary.path,
                             "list", "--store", store]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr.contains("\(store)/documents: permission denied for user nobody"), "\(stderr)")
        #expect(!stderr.contains("No such file"))
    }

    @Test func outputPathsAreWrittenByWhatTheyAre() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        let expected = try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store]).stdout

        // A character device (the /dev/null a root export used to replace) stays a device.
        let device = folder.appendingPathComponent("null").path
        #expect(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) == 0)
        let toDevice = try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store, "-o", device])
        #expect(toDevice.status == 0, "\(toDevice.stderr)")
        #expect(Self.kind(device) == S_IFCHR)

        // /dev/stdout: written in place, into the pipe.
        let toStdout = try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store, "-o", "/dev/stdout"])
        #expect(toStdout.status == 0 && toStdout.stdout == expected)

        // A link: its target is replaced, the link stays a link.
        let target = folder.appendingPathComponent("target.md").path
        try Data("old".utf8).write(to: URL(fileURLWithPath: target))
        let link = folder.appendingPathComponent("link.md").path
        #expect(symlink("target.md", link) == 0)
        #expect(try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store, "-o", link]).status == 0)
        #expect(Self.kind(link) == S_IFLNK)
        #expect(Self.bytes(target) == Data(expected.utf8))

        // Inside the store, directly or through a link: refused, the document untouched.
        let document = "\(store)/documents/\(Self.id).json"
        let before = try #require(Self.bytes(document))
        let intoStore = try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store, "-o", document])
        #expect(intoStore.status == 1 && intoStore.stderr.contains("inside the store"), "\(intoStore.stderr)")
        let sneaky = folder.appendingPathComponent("sneaky.md").path
        #expect(symlink(document, sneaky) == 0)
        #expect(try CLIProcess.run(["export", Self.id, "--format", "md", "--store", store, "-o", sneaky]).status == 1)
        #expect(Self.bytes(document) == before)
    }

    @Test func fsckChecksAReadOnlyStoreWithoutLocks() throws {
        let folder = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try Self.store(in: folder)
        try Data("damaged".utf8).write(to: URL(fileURLWithPath: "\(store)/documents/zz-bad-1.json"))
        let mountPoint = folder.appendingPathComponent("ro").path
        try FileManager.default.createDirectory(atPath: mountPoint, withIntermediateDirectories: true)
        let bind = Process()
        bind.executableURL = URL(fileURLWithPath: "/bin/sh")
        bind.arguments = ["-c", "mount --bind '\(store)' '\(mountPoint)' && mount -o remount,bind,ro '\(mountPoint)'"]
        try bind.run()
        bind.waitUntilExit()
        guard bind.terminationStatus == 0 else {
            print("skipped: cannot make a read-only bind mount here (needs root and mount)")
            return
        }
        defer {
            let unmount = Process()
            unmount.executableURL = URL(fileURLWithPath: "/bin/umount")
            unmount.arguments = [mountPoint]
            try? unmount.run()
            unmount.waitUntilExit()
        }
        let fsck = try CLIProcess.run(["fsck", "--store", mountPoint])
        #expect(fsck.status == 1, "\(fsck.stderr)")
        #expect(fsck.stdout.contains("read-only store: checked without taking locks"))
        #expect(fsck.stdout.contains("\(mountPoint)/documents/zz-bad-1.json"), "\(fsck.stdout)")
        #expect(fsck.stdout.contains("2 document(s) checked, 1 damaged"))
    }
}
