import Foundation
import Testing
@testable import JixiaoModel

/// The JSON Schema is the contract other tools trust: it must accept exactly the documents
/// jixiao's reader accepts. Thousands of candidates — drawn from the schema itself, and
/// mutations of real documents — go through both `DocumentCodec.decode` and Python's
/// `jsonschema` (Debian's python3-jsonschema), and every verdict must agree. The one rule JSON
/// Schema cannot state, ids unique within a list, is the only disagreement allowed, and it is
/// counted.
@Suite(.enabled(if: SchemaValidator.unavailableReason == nil, Comment(rawValue: SchemaValidator.unavailableReason ?? "")))
struct JSONSchemaAgreementTests {
    static let seed: UInt64 = ProcessInfo.processInfo.environment["JIXIAO_TEST_SEED"].flatMap { UInt64($0) } ?? 20_261_204

    @Test func readerAndSchemaAgreeOnGeneratedAndMutatedDocuments() throws {
        print("JSONSchemaAgreementTests: seed \(Self.seed) (set JIXIAO_TEST_SEED to repeat another)")
        var rng = SplitMix(seed: Self.seed)
        let schema = try JSONParser.parse(try Data(contentsOf: SchemaValidator.schemaURL))
        var candidates: [JSONValue] = []
        var fromSchema = SchemaInstances(schema: schema)
        for _ in 0..<1_200 { candidates.append(fromSchema.instance(using: &rng)) }
        let originals = try [JSONParser.parse(try Data(contentsOf: TestPaths.exampleDocument))]
            + (0..<40).map { _ in DocumentCodec.jsonValue(of: SampleDocuments.random(using: &rng)) }
        for _ in 0..<1_200 {
            var value = originals.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...3, using: &rng) { value = Mutation.apply(to: value, using: &rng) }
            candidates.append(value)
        }
        candidates += originals

        let texts = candidates.map { Data(JSONWriter.write($0)) }
        let reader: [String?] = texts.map { text -> String? in
            do { _ = try DocumentCodec.decode(text); return nil } catch { return "\(error)" }
        }
        let schemaSays = try SchemaValidator.validate(texts)
        #expect(schemaSays.count == texts.count)

        var disagreements: [String] = []
        var duplicateIDs = 0
        for (index, verdict) in schemaSays.enumerated() {
            let readerError = reader[index]
            if verdict == (readerError == nil) { continue }
            if verdict, let readerError, readerError.contains("duplicate id") { duplicateIDs += 1; continue }
            let text = String(decoding: texts[index], as: UTF8.self)
            disagreements.append("#\(index): schema \(verdict ? "accepts" : "refuses"), reader \(readerError.map { "refuses: \($0)" } ?? "accepts")\n" + String(text.prefix(600)))
        }
        let accepted = reader.filter { $0 == nil }.count
        print("JSONSchemaAgreementTests: \(texts.count) documents, \(accepted) accepted and \(texts.count - accepted) refused by the reader; \(duplicateIDs) refused only for duplicate ids")
        #expect(texts.count >= 2_000)
        #expect(accepted >= texts.count / 5, "the candidates must exercise acceptance, not only refusal")
        #expect(texts.count - accepted >= texts.count / 5, "and refusal")
        #expect(disagreements.isEmpty, Comment(rawValue: "\(disagreements.count) disagreements, the first:\n" + disagreements.prefix(5).joined(separator: "\n\n")))
    }

    @Test func amountsAtTheLimits() throws {
        func document(_ budget: String) -> Data {
            var text = String(decoding: (try? Data(contentsOf: TestPaths.exampleDocument)) ?? Data(), as: UTF8.self)
            text = text.replacingOccurrences(of: #""budget": "12.5""#, with: #""budget": "# + budget)
            return Data(text.utf8)
        }
        let cases: [(String, Bool)] = [
            (#""12.5""#, true), (#""0012.50""#, true), (#""-0""#, true), (#""999999999999999""#, true),
            (#""1000000000000000""#, false), (#""123456789.123456""#, true), (#""1234567890.123456""#, false),
            (#""0.0000001""#, false), (#""0.000001""#, true), (#""1.""#, false), (#"".5""#, false),
            (#""1e3""#, false), (#""１２""#, false), ("12.5", false), ("1.3097e2", false), ("null", true),
        ]
        let texts = cases.map { document($0.0) }
        let schemaSays = try SchemaValidator.validate(texts)
        for ((written, expected), (text, verdict)) in zip(cases, zip(texts, schemaSays)) {
            let readerAccepts = (try? DocumentCodec.decode(text)) != nil
            #expect(readerAccepts == expected, "reader on budget \(written)")
            #expect(verdict == expected, "schema on budget \(written)")
        }
    }

    @Test func wholeNumbersInAnyJSONForm() throws {
        #expect(JSONObjectReader.integralValue(of: "2024") == 2024)
        #expect(JSONObjectReader.integralValue(of: "2024.0") == 2024)
        #expect(JSONObjectReader.integralValue(of: "2.024e3") == 2024)
        #expect(JSONObjectReader.integralValue(of: "20240E-1") == 2024)
        #expect(JSONObjectReader.integralValue(of: "-0.0") == 0)
        #expect(JSONObjectReader.integralValue(of: "9223372036854775807") == Int.max)
        #expect(JSONObjectReader.integralValue(of: "-9223372036854775808") == Int.min)
        for fractional in ["2024.5", "2.0245e3", "1e-1", "9223372036854775808", "1e19", "1e400"] {
            #expect(JSONObjectReader.integralValue(of: fractional) == nil, "\(fractional)")
        }
    }
}

/// Python's `jsonschema` over many documents in one process.
enum SchemaValidator {
    static let python = "/usr/bin/python3"
    static var schemaURL: URL { TestPaths.packageRoot.appendingPathComponent("docs/schema/department.schema.json") }

    static let unavailableReason: String? = {
        guard FileManager.default.isExecutableFile(atPath: python) else { return "\(python) is missing" }
        let probe = Process()
        probe.executableURL = URL(fileURLWithPath: python)
        probe.arguments = ["-c", "import jsonschema"]
        probe.standardError = FileHandle.nullDevice
        guard (try? probe.run()) != nil else { return "\(python) does not start" }
        probe.waitUntilExit()
        return probe.terminationStatus == 0 ? nil : "Python's jsonschema is missing (.ci/run installs python3-jsonschema)"
    }()

    /// JSON Schema's patterns are ECMA-262 regular expressions, where `$` is the end of the text;
    /// in Python's `re` it also matches before a final newline. Anchored patterns are therefore
    /// matched whole (`re.fullmatch`), which is what ECMA-262 means by them.
    static let script = #"""
import json, re, sys
from jsonschema import Draft202012Validator, validators
from jsonschema.exceptions import ValidationError

def ecma_pattern(validator, pattern, instance, schema):
    if not validator.is_type(instance, "string"):
        return
    if pattern.startswith("^") and pattern.endswith("$") and not pattern.endswith("\\$"):
        ok = re.fullmatch(pattern[1:-1], instance, re.DOTALL) is not None
    else:
        ok = re.search(pattern, instance) is not None
    if not ok:
        yield ValidationError(f"{instance!r} does not match {pattern!r}")

Validator = validators.extend(Draft202012Validator, {"pattern": ecma_pattern})
schema = json.load(open(sys.argv[1], encoding="utf-8"))
Draft202012Validator.check_schema(schema)
validator = Validator(schema)
for path in sys.argv[2:]:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    print("ok" if validator.is_valid(document) else "bad")
"""#

    /// One verdict per text: true when the schema accepts it.
    static func validate(_ texts: [Data]) throws -> [Bool] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-schema-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, text) in texts.enumerated() {
            let file = folder.appendingPathComponent("\(index).json")
            try text.write(to: file)
            paths.append(file.path)
        }
        let scriptFile = folder.appendingPathComponent("validate.py")
        try Data(script.utf8).write(to: scriptFile)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = [scriptFile.path, schemaURL.path] + paths
        let output = Pipe(), errors = Pipe()
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let bytes = output.fileHandleForReading.readDataToEndOfFile()
        let problems = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw ValidatorFailure(message: problems) }
        return String(decoding: bytes, as: UTF8.self).split(separator: "\n").map { $0 == "ok" }
    }

    struct ValidatorFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { "jsonschema failed: \(message)" }
    }
}

/// Values drawn from the schema: its objects, required and optional members, enums, consts,
/// ranges and patterns; mostly what the schema allows, now and then just outside it.
struct SchemaInstances {
    let schema: JSONValue
    let defs: [(key: String, value: JSONValue)]

    init(schema: JSONValue) {
        self.schema = schema
        if case .object(let members)? = Self.member(schema, "$defs") { defs = members } else { defs = [] }
    }

    static func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    mutating func instance<G: RandomNumberGenerator>(using rng: inout G) -> JSONValue {
        instance(of: schema, role: nil, depth: 0, using: &rng)
    }

    private func instance<G: RandomNumberGenerator>(of node: JSONValue, role: String?, depth: Int, using rng: inout G) -> JSONValue {
        if case .string(let reference)? = Self.member(node, "$ref") {
            let name = String(reference.split(separator: "/").last ?? "")
            guard let target = defs.first(where: { $0.key == name })?.value else { return .null }
            return instance(of: target, role: name, depth: depth, using: &rng)
        }
        if let constant = Self.member(node, "const") {
            return chance(0.99, &rng) ? constant : Pools.scalar(using: &rng)
        }
        if case .array(let choices)? = Self.member(node, "enum") {
            return chance(0.99, &rng) ? choices.randomElement(using: &rng)! : Pools.scalar(using: &rng)
        }
        if case .array(let branches)? = Self.member(node, "oneOf") {
            return instance(of: branches.randomElement(using: &rng)!, role: role, depth: depth, using: &rng)
        }
        var types: [String] = []
        switch Self.member(node, "type") {
        case .string(let type)?: types = [type]
        case .array(let list)?: types = list.compactMap { if case .string(let t) = $0 { t } else { nil } }
        default: break
        }
        guard let type = types.randomElement(using: &rng) else { return Pools.scalar(using: &rng) }
        if chance(0.003, &rng) { return Pools.scalar(using: &rng) }
        switch type {
        case "null": return .null
        case "object": return object(node, depth: depth, using: &rng)
        case "array":
            guard depth < 6, let items = Self.member(node, "items") else { return .array([]) }
            return .array((0..<Int.random(in: 0...3, using: &rng)).map { _ in instance(of: items, role: nil, depth: depth + 1, using: &rng) })
        case "integer": return Pools.integer(node, using: &rng)
        case "string":
            let pattern: String? = if case .string(let p)? = Self.member(node, "pattern") { p } else { nil }
            return .string(Pools.string(role: role, pattern: pattern, minLength: Self.member(node, "minLength") != nil, using: &rng))
        default: return Pools.scalar(using: &rng)
        }
    }

    private func object<G: RandomNumberGenerator>(_ node: JSONValue, depth: Int, using rng: inout G) -> JSONValue {
        var required: Set<String> = []
        if case .array(let names)? = Self.member(node, "required") {
            for case .string(let name) in names { required.insert(name) }
        }
        var members: [(key: String, value: JSONValue)] = []
        var chosenVersion: JSONValue?
        if case .object(let properties)? = Self.member(node, "properties") {
            for (key, property) in properties {
                let keep = required.contains(key) ? chance(0.998, &rng) : chance(0.5, &rng)
                guard keep else { continue }
                var value = instance(of: property, role: key, depth: depth + 1, using: &rng)
                if key == "schemaVersion" { chosenVersion = value }
                // Version 1 has no review log or comments; draw them to match the version mostly.
                if (key == "reviewLog" || key == "comments"), chosenVersion == .number("1"), chance(0.9, &rng) { continue }
                if key == "schemaVersion", chance(0.03, &rng) { value = .number(["2.0", "1e0", "3", "0"].randomElement(using: &rng)!) }
                members.append((key, value))
            }
        }
        // The root's version-2 members when a version-2 document lost them by chance above.
        if chosenVersion == .number("2") || chosenVersion == .number("2.0") {
            for key in ["reviewLog", "comments"] where !members.contains(where: { $0.key == key }) && chance(0.9, &rng) {
                members.append((key, .array([])))
            }
        }
        if chance(0.02, &rng) { members.append(("unexpected", .string("x"))) }
        members.shuffle(using: &rng)
        return .object(members)
    }

    private func chance<G: RandomNumberGenerator>(_ p: Double, _ rng: inout G) -> Bool { Double.random(in: 0..<1, using: &rng) < p }
}

/// Small edits of a real document, one at a time: the shapes a hand-written or foreign file has.
enum Mutation {
    static func apply<G: RandomNumberGenerator>(to value: JSONValue, using rng: inout G) -> JSONValue {
        var paths: [[PathStep]] = []
        collect(value, [], into: &paths)
        guard let path = paths.randomElement(using: &rng) else { return value }
        return edit(value, at: path[...], using: &rng)
    }

    enum PathStep { case key(String), index(Int) }

    private static func collect(_ value: JSONValue, _ path: [PathStep], into paths: inout [[PathStep]]) {
        paths.append(path)
        switch value {
        case .object(let members): for member in members { collect(member.value, path + [.key(member.key)], into: &paths) }
        case .array(let elements): for (i, element) in elements.enumerated() { collect(element, path + [.index(i)], into: &paths) }
        default: break
        }
    }

    private static func edit<G: RandomNumberGenerator>(_ value: JSONValue, at path: ArraySlice<PathStep>, using rng: inout G) -> JSONValue {
        guard let step = path.first else { return mutate(value, using: &rng) }
        switch (value, step) {
        case (.object(var members), .key(let key)):
            guard let i = members.firstIndex(where: { $0.key == key }) else { return value }
            if path.count == 1, Int.random(in: 0..<8, using: &rng) == 0 {
                members.remove(at: i)  // a missing member
            } else {
                members[i].value = edit(members[i].value, at: path.dropFirst(), using: &rng)
            }
            return .object(members)
        case (.array(var elements), .index(let i)):
            if path.count == 1, Int.random(in: 0..<8, using: &rng) == 0 {
                elements.insert(elements[i], at: i)  // a copied item: a duplicate id
            } else {
                elements[i] = edit(elements[i], at: path.dropFirst(), using: &rng)
            }
            return .array(elements)
        default:
            return value
        }
    }

    private static func mutate<G: RandomNumberGenerator>(_ value: JSONValue, using rng: inout G) -> JSONValue {
        switch value {
        case .object(var members):
            if Bool.random(using: &rng) { members.append(("extra", .string("?"))) } else if !members.isEmpty { members.removeLast() }
            return .object(members)
        case .array(let elements):
            return Bool.random(using: &rng) ? .array([]) : .array(elements + [Pools.scalar(using: &rng)])
        case .string:
            return Int.random(in: 0..<4, using: &rng) == 0 ? Pools.scalar(using: &rng) : .string(Pools.string(role: nil, pattern: "any", minLength: false, using: &rng))
        default:
            return Pools.scalar(using: &rng)
        }
    }
}

/// The values candidates are made of: valid forms and the near misses beside them.
enum Pools {
    static let amounts = ["12.5", "130.97", "0", "0.00", "-3", "-0", "007.50", "999999999999999", "123456789.123456",
                          "0.000001", "1000000000000000", "1234567890.123456", "0.0000001", "1.", ".5", "1e3", "1,000",
                          "１２", "12.5 ", "", "+1", "--1", "1.2.3"]
    static let ids = ["p-1", "r-7k2m9q4x1d", "t_2", "A", String(repeating: "x", count: 64), String(repeating: "x", count: 65),
                      "", "p 1", "p-一", "p.1", "p/1", "p-1\n"]
    static let timestamps = ["2026-11-23T21:53:32Z", "2000-01-01T00:00:00Z", "2026-11-23 21:53:32Z", "2026-11-23T21:53:32",
                             "2026-1-23T21:53:32Z", "２026-11-23T21:53:32Z", "2026-11-23T21:53:32Z\n", "2026-11-23T21:53:32.000Z"]
    static let cells = ["projects[p-1].indicators[r-2].value", "unitName", "overallGoals[t-3].text", "projects[p-1]",
                        "[x]", "[x]a", "[x].a", "a[x]b.c", "a]b", "a.[x]", "a..b", ".a", "a.", "[]", "[x", "a[", "", "项目[一].名称"]
    static let texts = ["", "社区", "≥90%", "换行\n第二行", "tab\there", "😀", "\"引号\"", "\\", " ", "é", "x"]

    static func string<G: RandomNumberGenerator>(role: String?, pattern: String?, minLength: Bool, using rng: inout G) -> String {
        let valid = Double.random(in: 0..<1, using: &rng) < 0.97
        let pool: [String]
        switch role {
        case "amount"?: pool = amounts
        case "id"?: pool = ids
        case "timestamp"?: pool = timestamps
        case "cell"?: pool = cells
        default: pool = pattern == "any" ? amounts + ids + timestamps + cells + texts : texts
        }
        // The first few of each pool are valid; mostly draw from those.
        let cut = role == nil && pattern != "any" ? pool.count : max(1, pool.count / 3)
        var text = valid ? pool[..<cut].randomElement(using: &rng)! : pool.randomElement(using: &rng)!
        if minLength, valid, text.isEmpty { text = "li" }
        // Ids must also be unique within their list: mostly fresh ones, so that duplicates
        // stay the exception they are.
        if role == "id", valid, Double.random(in: 0..<1, using: &rng) < 0.9 { text = "i-\(UInt32.random(in: 0...UInt32.max, using: &rng))" }
        return text
    }

    static func integer<G: RandomNumberGenerator>(_ node: JSONValue, using rng: inout G) -> JSONValue {
        func bound(_ key: String) -> Int? {
            if case .number(let text)? = SchemaInstances.member(node, key) { return Int(text) } else { return nil }
        }
        let low = bound("minimum") ?? 0, high = bound("maximum") ?? 100_000
        if Double.random(in: 0..<1, using: &rng) < 0.93 {
            // A whole number in range, in one of the forms JSON has for it.
            let n = Int.random(in: low...min(high, low + 3_000), using: &rng)
            return .number([String(n), "\(n).0", n == 0 ? "0e5" : "\(n)0e-1"].randomElement(using: &rng)!)
        }
        var choices = ["2024.5", "1e300", "-1", String(low &- 1), String(low), String(high)]
        choices.append(high == Int.max ? "9223372036854775808" : String(high + 1))
        return .number(choices.randomElement(using: &rng)!)
    }

    static func scalar<G: RandomNumberGenerator>(using rng: inout G) -> JSONValue {
        [JSONValue.null, .bool(true), .bool(false), .number("0"), .number("12.5"), .number("-1"), .string(""),
         .string("12.5"), .array([]), .object([])].randomElement(using: &rng)!
    }
}
