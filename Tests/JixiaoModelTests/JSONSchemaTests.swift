import Foundation
import Testing
@testable import JixiaoModel

/// Keeps docs/schema/department.schema.json in step with what the codec writes.
@Suite struct JSONSchemaTests {
    func schema() throws -> JSONValue {
        let url = TestPaths.packageRoot.appendingPathComponent("docs/schema/department.schema.json")
        return try JSONParser.parse(try Data(contentsOf: url))
    }

    func member(_ value: JSONValue, _ key: String) -> JSONValue? {
        guard case .object(let members) = value else { return nil }
        return members.first { $0.key == key }?.value
    }

    func propertyNames(_ objectSchema: JSONValue) -> [String] {
        guard case .object(let members)? = member(objectSchema, "properties") else { return [] }
        return members.map(\.key)
    }

    func keys(_ value: JSONValue) -> [String] {
        guard case .object(let members) = value else { return [] }
        return members.map(\.key)
    }

    @Test func schemaPropertiesMatchEncodedKeys() throws {
        let schema = try schema()
        let defs = try #require(member(schema, "$defs"))
        let goal = SubGoal(id: "g-1", title: "t", duty: "d", standard: "s")
        let project = Project(id: "p-1", goals: [TextItem(id: "t-1", text: "x")], indicators: [IndicatorRow(id: "r-1")])
        let document = DepartmentDocument(fiscalYear: 2024, unitCode: "1", unitName: "x", subGoals: [goal], projects: [project])
        let pairs: [(String, JSONValue)] = [
            ("textItem", DocumentCodec.jsonValue(of: TextItem(id: "t-1", text: "x"))),
            ("subGoal", DocumentCodec.jsonValue(of: goal)),
            ("project", DocumentCodec.jsonValue(of: project)),
            ("spendingPlan", DocumentCodec.jsonValue(of: project.spendingPlan)),
            ("indicatorRow", DocumentCodec.jsonValue(of: project.indicators[0])),
        ]
        #expect(propertyNames(schema) == keys(DocumentCodec.jsonValue(of: document)))
        for (name, encoded) in pairs {
            let definition = try #require(member(defs, name), "schema lacks $defs.\(name)")
            #expect(propertyNames(definition) == keys(encoded), "$defs.\(name)")
        }
    }

    @Test func schemaVersionMatches() throws {
        let version = member(try #require(member(try schema(), "properties")), "schemaVersion")
        // Every version the reader accepts, the newest (what jixiao writes) last.
        let accepted = (1...DepartmentDocument.currentSchemaVersion).map { JSONValue.number(String($0)) }
        #expect(version.flatMap { member($0, "enum") } == .array(accepted))
    }
}
