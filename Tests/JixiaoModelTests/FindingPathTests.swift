import Foundation
import Testing
@testable import JixiaoModel

/// Every finding must point at something that exists, or the editor could not jump to it.
@Suite struct FindingPathTests {
    /// Whether `path` names an existing cell, item, list or field of `document`.
    static func resolves(_ path: CellPath, in document: DepartmentDocument) -> Bool {
        let c = path.components
        switch c.first {
        case .field("unitCode"), .field("unitName"):
            return c.count == 1
        case .field("overallGoals"), .field("safeguards"):
            let items = c.first == .field("overallGoals") ? document.overallGoals : document.safeguards
            if c.count == 1 { return true }
            guard c.count == 3, case .item(let id) = c[1], c[2] == .field("text") else { return false }
            return items.contains { $0.id == id }
        case .field("subGoals"):
            if c.count == 1 { return true }
            guard c.count == 3, case .item(let id) = c[1], case .field(let name) = c[2] else { return false }
            return document.subGoals.contains { $0.id == id } && ["title", "goal", "indicatorText"].contains(name)
        case .field("projects"):
            guard let projectID = path.projectID,
                  let project = document.projects.first(where: { $0.id == projectID }), c.count >= 3,
                  case .field(let field) = c[2] else { return false }
            switch field {
            case "code", "name", "budget", "fiscalFunds", "otherFunds", "purpose", "goals":
                return c.count == 3
            case "spendingPlan":
                if c.count == 3 { return true }
                guard c.count == 4, case .field(let checkpoint) = c[3] else { return false }
                return SpendingPlan.Checkpoint(rawValue: checkpoint) != nil
            case "indicators":
                if c.count == 3 { return true }
                guard c.count == 5, let rowID = path.indicatorRowID, case .field(let column) = c[4] else { return false }
                return project.indicators.contains { $0.id == rowID } && IndicatorRow.Column(rawValue: column) != nil
            default:
                return false
            }
        default:
            return false
        }
    }

    @Test(arguments: ValidatorTests.triggers)
    func triggeredFindingsPointAtExistingCells(_ example: RuleCase) {
        var document = example.start()
        example.change(&document)
        for finding in Validator.validate(department: document) {
            #expect(Self.resolves(finding.path, in: document), "\(finding)")
            #expect(CellPath(parsing: finding.path.description) == finding.path)
        }
    }

    /// The example document of docs/format.md, decoded with the codec and validated.
    @Test func exampleDocumentFindingsPointAtExistingCells() throws {
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("docs/examples/department.json"))
        let document = try DocumentCodec.decode(data)
        let findings = Validator.validate(department: document)
        for finding in findings {
            #expect(Self.resolves(finding.path, in: document), "\(finding)")
            #expect(Rule.rule(id: finding.ruleID)?.severity == finding.severity)
        }
        let counts = FindingCounts(findings)
        print("FindingPathTests: docs/examples/department.json: \(counts.errors) errors, \(counts.warnings) warnings, "
            + "\(counts.notices) notices")
    }
}
