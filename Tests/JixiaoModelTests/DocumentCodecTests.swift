import Foundation
import Testing
@testable import JixiaoModel

@Suite struct DocumentCodecTests {
    func exampleBytes() throws -> Data { try Data(contentsOf: TestPaths.exampleDocument) }

    @Test func exampleRoundTripsByteForByte() throws {
        let bytes = try exampleBytes()
        let document = try DocumentCodec.decode(bytes)
        let encoded = DocumentCodec.encode(document)
        #expect(encoded == bytes, "the hand-written example must already be canonical")
        #expect(try DocumentCodec.decode(encoded) == document)
        #expect(DocumentCodec.encode(try DocumentCodec.decode(encoded)) == encoded)
    }

    @Test func decodesTheExampleExactly() throws {
        let d = try DocumentCodec.decode(try exampleBytes())
        #expect(d.id == "900901-2024")
        #expect(d.moneyUnit == .tenThousandYuan)
        #expect(d.subGoals[1].standard == "全年零事故的为优。")
        #expect(d.subGoals[0].duty == nil)
        let wages = d.projects[0]
        #expect(wages.budget?.description == "130.97")
        #expect(wages.fundsTotal == wages.budget)
        #expect(wages.spendingPlan.march?.description == "25.00")
        #expect(wages.indicators[0].value == "≥30人")
        let office = d.projects[1]
        #expect(office.spendingPlan.mode == .amount)
        #expect(office.spendingPlan.october?.description == "9.5")
        #expect(office.fundsTotal == Amount(canonical: "12.5"))
        #expect(d.totalBudget.description == "143.47")
    }

    @Test func encodesCJKUnescapedAndEscapesControls() throws {
        var d = DepartmentDocument(fiscalYear: 2023, unitCode: "441001", unitName: "西山街道\"办\"\n\t\u{1}")
        d.projects = [Project(id: "p-1", name: "直选人员", budget: Amount(canonical: "1052.87"))]
        let text = String(decoding: DocumentCodec.encode(d), as: UTF8.self)
        #expect(text.contains(#""unitName": "西山街道\"办\"\n\t\u0001""#))
        #expect(text.contains(#""budget": "1052.87""#))
        #expect(text.hasSuffix("}\n"))
        #expect(try DocumentCodec.decode(Data(text.utf8)) == d)
    }

    @Test func randomDocumentsRoundTrip() throws {
        var rng = SplitMix(seed: 42)
        for _ in 0..<50 {
            let d = SampleDocuments.random(using: &rng)
            let bytes = DocumentCodec.encode(d)
            let back = try DocumentCodec.decode(bytes)
            #expect(back == d)
            #expect(DocumentCodec.encode(back) == bytes)
        }
    }

    /// A bare number would not say which digits were written (`130.97` and `1.3097e2` are one
    /// number to other JSON tools), so it is refused with the quoted form to write instead.
    @Test func refusesAmountsWrittenAsNumbers() throws {
        var text = String(decoding: try exampleBytes(), as: UTF8.self)
        text = text.replacingOccurrences(of: #""budget": "130.97""#, with: #""budget": 130.97"#)
        #expect(throws: DocumentDecodingError.self) { try DocumentCodec.decode(Data(text.utf8)) }
        do {
            _ = try DocumentCodec.decode(Data(text.utf8))
        } catch {
            #expect(error.path == "$.projects[0].budget")
            #expect(error.message.contains(#""130.97" instead of 130.97"#))
        }
    }

    // MARK: Errors name the path

    func decodeError(_ mutate: (inout String) -> Void) throws -> DocumentDecodingError {
        var text = String(decoding: try exampleBytes(), as: UTF8.self)
        mutate(&text)
        do {
            _ = try DocumentCodec.decode(Data(text.utf8))
        } catch {
            return error
        }
        Issue.record("decoding should have failed")
        return DocumentDecodingError(path: "", message: "")
    }

    @Test func truncatedDocumentNamesLineAndColumn() throws {
        let bytes = try exampleBytes()
        let error = try #require(throws: DocumentDecodingError.self) {
            try DocumentCodec.decode(bytes.prefix(bytes.count / 2))
        }
        #expect(error.line != nil && error.line! > 10)
        #expect(error.message.contains("truncated"))
    }

    @Test func wrongTypeNamesThePath() throws {
        let error = try decodeError { $0 = $0.replacingOccurrences(of: #""name": "人均工资标准""#, with: #""name": 7"#) }
        #expect(error.path == "$.projects[0].indicators[2].name")
        #expect(error.message.contains("expected a string"))
    }

    @Test func badAmountNamesThePath() throws {
        let error = try decodeError { $0 = $0.replacingOccurrences(of: #""fiscalFunds": "10""#, with: #""fiscalFunds": "十万""#) }
        #expect(error.path == "$.projects[1].fiscalFunds")
        let doubleError = try decodeError { $0 = $0.replacingOccurrences(of: #""fiscalFunds": "10""#, with: #""fiscalFunds": 1e1"#) }
        #expect(doubleError.path == "$.projects[1].fiscalFunds")
    }

    @Test func newerSchemaVersionIsRefused() throws {
        let error = try decodeError { $0 = $0.replacingOccurrences(of: #""schemaVersion": 2"#, with: #""schemaVersion": 3"#) }
        #expect(error.path == "$.schemaVersion")
        #expect(error.message.contains("newer"))
        let unknown = try decodeError { $0 = $0.replacingOccurrences(of: #""schemaVersion": 2"#, with: #""schemaVersion": 0"#) }
        #expect(unknown.message.contains("unknown schema version"))
        let missing = try decodeError { $0 = $0.replacingOccurrences(of: #""schemaVersion": 2,"#, with: "") }
        #expect(missing.path == "$.schemaVersion")
    }

    @Test func unknownFieldAndEnumAreRefused() throws {
        let field = try decodeError { $0 = $0.replacingOccurrences(of: #""purpose": "保障街道"#, with: #""purpse": "x", "purpose": "保障街道"#) }
        #expect(field.path == "$.projects[1].purpse")
        let unit = try decodeError { $0 = $0.replacingOccurrences(of: #""moneyUnit": "万元""#, with: #""moneyUnit": "千元""#) }
        #expect(unit.path == "$.moneyUnit")
        #expect(unit.message.contains("万元"))
    }

    @Test func duplicateIdsAndKeysAreRefused() throws {
        let ids = try decodeError { $0 = $0.replacingOccurrences(of: #""id": "r-timely""#, with: #""id": "r-count""#) }
        #expect(ids.path == "$.projects[0].indicators[1].id")
        let keys = try decodeError { $0 = $0.replacingOccurrences(of: #""unitCode": "900901","#, with: #""unitCode": "900901", "unitCode": "1","#) }
        #expect(keys.line == 5)
        #expect(keys.message.contains("duplicate key"))
    }

    @Test func syntaxErrorsAreDescribed() {
        let cases: [(String, String)] = [
            ("", "empty"),
            ("{\"a\": 1,}", "expected a quoted key"),
            ("{\"a\": \"x\u{0}\"}", "NUL"),
            ("\u{FEFF}{}", "byte order mark"),
            ("{\"a\": 01}", "leading zeros"),
            ("{\"a\": \"\\ud800\"}", "surrogate"),
            ("[1] 2", "after the end"),
            (String(repeating: "[", count: 100) + String(repeating: "]", count: 100), "nesting"),
        ]
        for (text, expected) in cases {
            do {
                _ = try JSONParser.parse(Array(text.utf8))
                Issue.record("\(text.debugDescription) should fail")
            } catch {
                #expect(error.message.contains(expected), "\(text.debugDescription): \(error.message)")
            }
        }
    }

    @Test func syntaxErrorColumnCountsCharacters() {
        do {
            _ = try JSONParser.parse(Array("{\n  \"名称\": 值}".utf8))
            Issue.record("should fail")
        } catch {
            #expect(error.line == 2)
            #expect(error.column == 9)
        }
    }
}
