import Foundation
import Testing
@testable import JixiaoModel

/// Schema version 2: the review log and comments in JSON, in the tree, and through a merge.
@Suite struct ReviewCodingTests {
    typealias F = ReviewFixtures

    func reviewed() throws -> DepartmentDocument {
        var document = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, at: F.time, revision: 3)
        document = try ReviewWorkflow.apply(.approve, to: document, by: F.reviewer, at: "2026-11-23T09:10:11Z",
                                            revision: 4, comment: "同意\n\"好\"", grade: .excellent)
        let cell = CellPath.project(document.projects[0].id, "purpose")
        document = try ReviewWorkflow.addComment("用途写得再具体些", on: cell, to: document, by: F.reviewer, at: F.time).0
        document = try ReviewWorkflow.addComment("整体可以", on: nil, to: document, by: F.reviewer, at: F.time).0
        document = try ReviewWorkflow.setResolved(true, comment: document.comments[0].id, in: document, by: F.office,
                                                  at: "2026-11-23T10:00:00Z")
        return document
    }

    @Test func roundTripsByteForByte() throws {
        let document = try reviewed()
        let bytes = DocumentCodec.encode(document)
        let decoded = try DocumentCodec.decode(bytes)
        #expect(decoded == document)
        #expect(DocumentCodec.encode(decoded) == bytes)
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.contains(#""grade": "excellent""#) && text.contains(#""schemaVersion": 2"#))
        #expect(text.contains(#""cell": null"#) && text.contains(#""resolved": {"#))
    }

    @Test func versionOneIsReadAndUpgraded() throws {
        var text = String(decoding: DocumentCodec.encode(try F.clean()), as: UTF8.self)
        text = text.replacingOccurrences(of: #""schemaVersion": 2"#, with: #""schemaVersion": 1"#)
        text = text.replacingOccurrences(of: ",\n  \"reviewLog\": [],\n  \"comments\": []", with: "")
        let document = try DocumentCodec.decode(Data(text.utf8))
        #expect(document.schemaVersion == 2 && document.reviewLog.isEmpty && document.comments.isEmpty)
        #expect(DocumentCodec.encode(document) == DocumentCodec.encode(try F.clean()))
        // Version 1 never had these fields: they are unknown there.
        let withLog = text.replacingOccurrences(of: "\n}", with: ",\n  \"reviewLog\": []\n}")
        #expect(throws: DocumentDecodingError.self) { try DocumentCodec.decode(Data(withLog.utf8)) }
    }

    @Test func versionTwoRequiresBothLists() throws {
        let text = String(decoding: DocumentCodec.encode(try F.clean()), as: UTF8.self)
            .replacingOccurrences(of: ",\n  \"comments\": []", with: "")
        do {
            _ = try DocumentCodec.decode(Data(text.utf8))
            Issue.record("accepted a version 2 document without comments")
        } catch {
            #expect(error.path == "$.comments")
        }
    }

    @Test func badEntriesNameTheirPath() throws {
        let good = String(decoding: DocumentCodec.encode(try reviewed()), as: UTF8.self)
        let cases: [(String, String, String)] = [
            (#""action": "approve""#, #""action": "accept""#, "$.reviewLog[1].action"),
            (#""grade": "excellent""#, #""grade": "A""#, "$.reviewLog[1].grade"),
            (#""revision": 4"#, #""revision": -4"#, "$.reviewLog[1].revision"),
            (#""time": "2026-11-23T09:10:11Z""#, #""time": "2026-11-23 09:10""#, "$.reviewLog[1].time"),
            (#""user": "zhao""#, #""user": """#, "$.reviewLog[1].user"),
            (#""cell": null"#, #""cell": "..""#, "$.comments[1].cell"),
        ]
        for (from, to, path) in cases {
            #expect(good.contains(from), "fixture lacks \(from)")
            guard let range = good.range(of: from) else { continue }
            let bad = good.replacingCharacters(in: range, with: to)
            do {
                _ = try DocumentCodec.decode(Data(bad.utf8))
                Issue.record("accepted \(to)")
            } catch {
                #expect(error.path == path, "\(to): \(error)")
            }
        }
    }

    @Test func treeRoundTripKeepsLogAndComments() throws {
        let document = try reviewed()
        #expect(try DocumentTree(document).document(id: document.id) == document)
    }

    @Test func aResolutionIsOneCellInTheTree() throws {
        var document = try reviewed()
        // A database role may contain a space: the fixed-width time still splits it off.
        document.comments[0].resolution = .init(user: "office one", time: "2026-11-23T10:00:00Z")
        let tree = DocumentTree(document)
        let path = CellPath.field("comments").item(document.comments[0].id).field("resolved")
        #expect(tree.node(at: path) == .value(.text("office one 2026-11-23T10:00:00Z")))
        #expect(try tree.document(id: document.id) == document)
        #expect(throws: (any Error).self) { try document.applying([.set(path, .text("office-one yesterday"))]) }
        let reopened = try document.applying([.set(path, .blank)])
        #expect(reopened.comments[0].resolution == nil)
    }

    @Test func concurrentCommentsAndStepsMerge() throws {
        let base = try ReviewWorkflow.apply(.submit, to: try F.clean(), by: F.office, at: F.time, revision: 1)
        // The reviewer returns it while the office comments on it.
        let theirs = try ReviewWorkflow.apply(.return, to: base, by: F.reviewer, at: F.time, revision: 2, comment: "补充")
        let mine = try ReviewWorkflow.addComment("第2项已更正", on: nil, to: base, by: F.office, at: F.time).0
        let merge = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(!merge.hasConflicts)
        #expect(merge.merged.status == .returned)
        #expect(merge.merged.reviewLog.map(\.action) == [.submit, .return])
        #expect(merge.merged.comments.map(\.text) == ["第2项已更正"])
        // The merged document passes the guard for the office saving on top of the reviewer's.
        try ReviewGuard.check(stored: theirs, new: merge.merged, by: F.office, policy: F.policy)
    }
}
