import Foundation
import Testing
@testable import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// `StoreFiles` below the root: links and odd files are errors that say what they are, never
/// followed, never opened.
@Suite struct StoreFilesTests {
    @Test func linksAndOddFilesAreRefusedByKind() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        let files = store.files
        let outside = temp.root + "-outside"
        try Data("outside".utf8).write(to: URL(fileURLWithPath: outside))
        defer { unlink(outside) }
        #expect(symlink(outside, "\(temp.root)/history/a.jsonl") == 0)
        #expect(mkfifo("\(temp.root)/history/b.jsonl", 0o666) == 0)
        #expect(symlink(temp.root + "/documents", "\(temp.root)/drafts/someone") == 0)

        for (path, flags) in [("history/a.jsonl", O_WRONLY | O_APPEND | O_CREAT), ("history/a.jsonl", O_RDONLY),
                              ("history/b.jsonl", O_RDONLY), ("history/b.jsonl", O_WRONLY), ("drafts/someone/x.jsonl", O_RDONLY)] {
            #expect(throws: SystemError.self, "\(path)") { _ = try files.open("\(temp.root)/\(path)", flags) }
            do {
                _ = try files.open("\(temp.root)/\(path)", flags)
            } catch {
                #expect(error.isOddEntry, "\(path): \(error)")
            }
        }
        #expect(throws: SystemError.self) { try files.list("\(temp.root)/drafts/someone") }
        #expect(throws: SystemError.self) { try files.rename("\(temp.root)/drafts/someone/x", "\(temp.root)/documents/x") }
        #expect(throws: SystemError.self) { _ = try files.open("\(temp.root)/../escape", O_RDONLY) }
        #expect(try files.status("\(temp.root)/history/a.jsonl").map { $0.st_mode & S_IFMT } == S_IFLNK)
        #expect(FileManager.default.contents(atPath: outside) == Data("outside".utf8))
    }
}
