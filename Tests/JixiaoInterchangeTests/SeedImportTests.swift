import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Imports each seed document and compares with the figures in `SeedExpectations`, written by
/// hand from the documents. Skipped, with the reason printed, where `../shared/seeds` is absent.
@Suite struct SeedImportTests {
    static let arguments = SeedExpectations.all.map(\.file)

    static func expectation(_ file: String) -> SeedExpectation {
        SeedExpectations.all.first { $0.file == file }!
    }

    static func imported(_ expected: SeedExpectation) throws -> ImportResult? {
        guard let data = TestPaths.seed(expected.file) else { return nil }
        let options = ImportOptions(fiscalYear: expected.yearInText == nil ? 2023 : nil)
        return try TextImporter.importDocument(data, fileName: expected.file, options: options)
    }

    @Test(arguments: arguments)
    func unitYearAndPartOne(file: String) throws {
        let expected = Self.expectation(file)
        guard let result = try Self.imported(expected) else { return }
        let document = result.document
        #expect(document.unitCode == expected.unitCode)
        #expect(document.unitName == expected.unitName)
        #expect(document.moneyUnit == expected.moneyUnit)
        #expect(document.fiscalYear == (expected.yearInText ?? 2023))
        #expect(document.id == DepartmentDocument.makeID(unitCode: expected.unitCode, fiscalYear: document.fiscalYear))
        #expect(document.framework == .legacy)
        #expect(document.status == .draft)
        #expect(document.overallGoals.count == expected.overallGoals)
        #expect(document.subGoals.count == expected.subGoals)
        #expect(document.safeguards.count == expected.safeguards)
        #expect(document.totalBudget == Amount(canonical: expected.totalBudget)!)
        #expect(result.report.projects.count == expected.projects.count)
        #expect(result.report.indicatorCount == expected.projects.reduce(0) { $0 + $1.rows })
        #expect(result.report.notUnderstood.isEmpty, "\(result.report.notUnderstood)")
    }

    @Test(arguments: arguments)
    func projectFigures(file: String) throws {
        let expected = Self.expectation(file)
        guard let result = try Self.imported(expected) else { return }
        let projects = result.document.projects
        try #require(projects.count == expected.projects.count)
        for (project, figures) in zip(projects, expected.projects) {
            #expect(project.code == figures.code)
            #expect(project.name == figures.name)
            #expect(project.budget?.description == figures.budget, "\(figures.name)")
            #expect(project.fiscalFunds?.description == figures.fiscal, "\(figures.name)")
            #expect(project.otherFunds?.description == figures.other, "\(figures.name)")
            #expect(project.indicators.count == figures.rows, "\(figures.name)")
            #expect(project.spendingPlan.mode == expected.planMode)
            #expect(project.spendingPlan.values.map { $0?.description } == expected.plan, "\(figures.name)")
            #expect(!project.purpose.isEmpty)
            #expect(project.indicators.allSatisfy { !$0.level1.isEmpty && !$0.level2.isEmpty }, "\(figures.name)")
        }
        let ids = Set(projects.map(\.id) + projects.flatMap { $0.indicators.map(\.id) })
        #expect(ids.count == projects.count + projects.reduce(0) { $0 + $1.indicators.count })
    }

    @Test(arguments: arguments)
    func sampleCellsAndGoals(file: String) throws {
        let expected = Self.expectation(file)
        guard let result = try Self.imported(expected) else { return }
        let projects = result.document.projects
        for cell in expected.cells {
            #expect(projects[cell.project].indicators[cell.row][cell.column] == cell.text,
                    "project \(cell.project + 1) row \(cell.row + 1) \(cell.column)")
        }
        for (index, texts) in expected.goals {
            #expect(projects[index].goals.map(\.text) == texts, "project \(index + 1)")
        }
    }

    @Test func westHillPartOne() throws {
        guard let result = try Self.imported(SeedExpectations.xishan) else { return }
        let document = result.document
        #expect(document.overallGoals.first?.text == "1、加强城市社区建设、做好指导、协调、组织、管理社区建设工作。")
        #expect(document.overallGoals.last?.text == "11、完成区委、区政府交办的有关事项。")
        #expect(document.subGoals.first?.title == "1、坚持党建工作主线，创新党员管理模式")
        #expect(document.subGoals[3].goal.contains("\n二是确保收集反邪教信息真实完整"))
        #expect(document.subGoals[6].indicatorText == "加强监督检查问责力度，确保安全排查全覆盖，力争全年实现零事故目标。")
        // Lines 74 and 75 are two measures although the first ends without a full stop.
        #expect(document.safeguards[1].text.hasSuffix("做到绩效信息全面、规范、完整、透明"))
        #expect(document.safeguards[2].text.hasPrefix("加强执行管理。"))
        // The page number on line 2359 is reported as a leftover.
        #expect(result.report.skipped.contains { $0.lines.contains(2359) && $0.reason == .extractionLeftover })
    }

    @Test func yanshanluContentsAndWrappedMeasure() throws {
        guard let result = try Self.imported(SeedExpectations.yanshanlu) else { return }
        let document = result.document
        #expect(result.report.fiscalYearLine == 5)
        #expect(document.subGoals.map(\.title).first == "（一）基层党建")
        #expect(document.subGoals.map(\.title).last == "（七）应急管理")
        // Lines 97–98: one measure broken at the page width.
        #expect(document.safeguards[7].text.hasPrefix("4.做好绩效自评。"))
        #expect(document.safeguards[7].text.hasSuffix("提高财政资金使用效益。"))
        // Line 101 starts with a [bookmark: _GoBack] leftover.
        #expect(document.safeguards[10].text.hasPrefix("7.加强宣传培训调研等。"))
        let skipped = result.report.skipped
        for line in [29, 32, 33, 34, 37, 47] {
            #expect(skipped.contains { $0.lines.contains(line) && $0.reason == .tableOfContents }, "line \(line)")
        }
        #expect(skipped.contains { $0.lines.contains(52) && $0.lines.contains(53) && $0.reason == .extractionLeftover })
    }

    @Test func shenpijuSecondUnitIsReported() throws {
        guard let result = try Self.imported(SeedExpectations.shenpiju) else { return }
        let lines = result.report.warnings.filter { $0.english.contains("630003") }.map(\.line)
        #expect(lines == [860, 985, 1097, 1213, 1338])
    }

    @Test func yearMissingFromTextNeedsTheOption() throws {
        guard let data = TestPaths.seed(SeedExpectations.xishan.file) else { return }
        #expect(throws: ImportError.self) { try TextImporter.importDocument(data, fileName: "000") }
        do {
            _ = try TextImporter.importDocument(data, fileName: "000")
        } catch {
            #expect(error.kind == .noFiscalYear)
        }
    }

    @Test func valuesKeepTheirDefectsForTheValidator() throws {
        // The validator must see `≥90使用率` (a noun where a unit belongs) exactly as written.
        guard let result = try Self.imported(SeedExpectations.xishan) else { return }
        let values = result.document.projects.flatMap { $0.indicators.map(\.value) }
        #expect(values.filter { $0 == "≥90使用率" }.count == 16)
        guard let other = try Self.imported(SeedExpectations.shenpiju) else { return }
        #expect(other.document.projects[0].indicators[3].value == "≥100按规定时间发放")
    }
}
