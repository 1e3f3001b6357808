import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// The validator, run over imported seeds, reports the defects that really are in them. The
/// counts are read off the documents by hand: in seed 000 every one of the 189 values is
/// `≥90` followed by a noun (`≥90使用率`); in seed 003 every one of the 116 rows leaves
/// 指标值确定依据 blank, and project codes 13030421516VGXXZYNQI3 and 130304219067FR8MPUIIH
/// each appear on two tables.
@Suite struct ImportValidationTests {
    func findings(_ file: String) throws -> (DepartmentDocument, [Finding])? {
        guard let data = TestPaths.seed(file) else { return nil }
        let document = try TextImporter.importDocument(data, fileName: file, options: ImportOptions(fiscalYear: 2023)).document
        return (document, Validator.validate(department: document))
    }

    @Test func nounsWhereUnitsBelong() throws {
        guard let (document, findings) = try findings("000_8629c2e7eda8849f.txt") else { return }
        let values = findings.filter { $0.ruleID == "value.notUnderstood" }
        #expect(values.count == 189)
        let first = document.projects[0].indicators[0]
        #expect(values.contains { $0.path == CellPath.indicator(project: document.projects[0].id, row: first.id, column: .value) })
        #expect(values.first?.message.en.contains("使用率") == true)
        // The budgets add up and every plan ends at 100%: no money findings.
        #expect(!findings.contains { $0.ruleID.hasPrefix("budget.") || $0.ruleID.hasPrefix("plan.") })
    }

    @Test func blankBasesAndDuplicateCodes() throws {
        guard let (_, findings) = try findings("003_05fc0a897a5abc98.txt") else { return }
        #expect(findings.filter { $0.ruleID == "row.recommended" && $0.path.lastField == "basis" }.count == 116)
        #expect(findings.filter { $0.ruleID == "project.duplicateCode" }.count == 2)
        #expect(findings.contains { $0.ruleID == "value.notUnderstood" && $0.message.en.contains("≥100按规定时间发放") })
    }
}
