import Foundation
import JixiaoModel
import Testing
@testable import JixiaoStore

/// Damaged files are reported with file and reason, set aside, never read as empty and never
/// overwritten; every other document stays usable.
@Suite struct MalformedDocumentTests {
    /// A file with a correct header around `body`, so the JSON decoder itself is exercised.
    static func framed(_ body: [UInt8], id: String) -> [UInt8] {
        var header = DocumentFile.Header(format: DocumentFile.format, revision: 1, length: body.count,
                                         sha256: SHA256.hex(body), user: "u", host: "h", pid: 1, savedAt: "t")
        header.headerCheck = header.computedCheck
        return DocumentFile.encodeLine(header) + body
    }

    static func good(_ id: String) -> [UInt8] {
        Array(DocumentCodec.encode(Samples.department(id: id)))
    }

    static func replacing(_ old: String, with new: String, in id: String) -> [UInt8] {
        Array(String(decoding: good(id), as: UTF8.self).replacingOccurrences(of: old, with: new).utf8)
    }

    static let cases: [(id: String, bytes: [UInt8], reason: String)] = [
        ("truncated", Array(framed(good("truncated"), id: "truncated").dropLast(40)), "truncated"),
        ("nul-filled", [UInt8](repeating: 0, count: 4096), "NUL"),
        ("empty", [], "empty"),
        ("bad-checksum", Array(String(decoding: framed(good("bad-checksum"), id: ""), as: UTF8.self)
            .replacingOccurrences(of: "加强党建", with: "加强黨建").utf8), "checksum"),
        ("wrong-type", framed(replacing("\"fiscalYear\": 2023", with: "\"fiscalYear\": \"2023\"", in: "wrong-type"), id: ""), "fiscalYear"),
        ("deep", framed(Array(("{\"schemaVersion\": 1, \"x\": " + String(repeating: "[", count: 5000) + String(repeating: "]", count: 5000) + "}").utf8), id: ""), "line"),
        ("duplicate", framed(replacing("\"unitCode\": \"441001\",", with: "\"unitCode\": \"441001\", \"unitCode\": \"441002\",", in: "duplicate"), id: ""), "unitCode"),
        ("no-header", good("no-header"), "line 1"),
    ]

    @Test func damagedFilesAreReportedAndSetAsideTheRestStaysListable() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(Samples.department(id: "441001-2023"), base: 0)
        for (id, bytes, _) in Self.cases {
            try Data(bytes).write(to: URL(fileURLWithPath: store.documentPath(id)))
        }
        let newer = Self.framed(Self.replacing("\"schemaVersion\": \(DepartmentDocument.currentSchemaVersion)", with: "\"schemaVersion\": 99", in: "future"), id: "")
        try Data(newer).write(to: URL(fileURLWithPath: store.documentPath("future")))

        let listing = try store.list()
        #expect(listing.documents.map(\.id) == ["441001-2023"])
        for (id, bytes, reason) in Self.cases {
            let problem = listing.problems.first { $0.id == id }
            #expect(problem?.reason.contains(reason) == true, "\(id): \(problem?.reason ?? "not reported")")
            #expect(problem?.path.contains("/damaged/\(id).") == true, "\(id) moved aside: \(problem?.path ?? "")")
            // Moved aside byte for byte; nothing left in documents/ to be overwritten.
            #expect(problem.flatMap { FileManager.default.contents(atPath: $0.path) } == Data(bytes))
            #expect(!store.files.exists(store.documentPath(id)))
            #expect(throws: StoreError.self) { try store.load(id: id) }
            // A save cannot quietly start the id afresh over the damage.
            #expect(throws: StoreError.self) { try store.save(Samples.department(id: id), base: 0) }
        }
        // Written by a newer jixiao: reported, left in place, not overwritten.
        let future = try #require(listing.problems.first { $0.id == "future" })
        #expect(future.path == store.documentPath("future"))
        #expect(future.reason.contains("newer"))
        #expect(throws: StoreError.self) { try store.save(Samples.department(id: "future"), base: 1) }
        #expect(FileManager.default.contents(atPath: store.documentPath("future")) == Data(newer))

        let report = try store.check()
        #expect(!report.isClean)
        #expect(Set(report.problems.map(\.id)) == Set(Self.cases.map(\.id) + ["future"]))
        // The good document is untouched and still saves.
        #expect(try store.save(Samples.department(id: "441001-2023", name: "新"), base: 1) == .saved(revision: 2))
    }

    @Test func damagedHistoryLineIsReportedWithLineNumber() throws {
        let temp = TemporaryStore()
        defer { temp.remove() }
        let store = try temp.open()
        _ = try store.save(Samples.department(), base: 0)
        let path = store.historyPath("441001-2023")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"kind\":\"save\"}\n".utf8))
        try handle.close()
        let report = try store.check()
        #expect(report.problems.map(\.path) == [path])
        #expect(report.problems.first?.reason.hasPrefix("line 2") == true)
    }
}

/// Random damage to a stored file (bit flips, cuts, inserted bytes) is always caught by the
/// header's length and checksum: a damaged file is never read as a (different) document.
@Suite struct RandomDamageTests {
    @Test func everyMutationIsRejected() throws {
        let id = "441001-2023"
        let (bytes, _) = DocumentFile.encode(Samples.department(id: id), revision: 3,
                                             saver: SaverIdentity(user: "u", host: "h", pid: 1), time: "t")
        #expect(throws: Never.self) { try DocumentFile.decode(bytes, expectedID: id) }
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            var damaged = bytes
            switch Int.random(in: 0..<3, using: &rng) {
            case 0:
                let index = Int.random(in: 0..<damaged.count, using: &rng)
                damaged[index] ^= UInt8(1 << Int.random(in: 0..<8, using: &rng))
            case 1:
                damaged.removeLast(Int.random(in: 1...damaged.count, using: &rng))
            default:
                damaged.insert(UInt8.random(in: 0...255, using: &rng), at: Int.random(in: 0...damaged.count, using: &rng))
            }
            do {
                let file = try DocumentFile.decode(damaged, expectedID: id)
                // Only a change JSON does not see (a space after the header line's end…) can
                // leave a readable file, and then nothing in it changed.
                #expect(file.document == Samples.department(id: id))
                #expect(file.header.revision == 3 && file.header.user == "u" && file.header.host == "h")
            } catch {
                #expect(!error.reason.isEmpty)
            }
        }
    }
}
