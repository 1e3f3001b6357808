import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel
import JixiaoSamples

/// Export .xlsx, import it: the same document, every cell equal. Compared as canonical JSON
/// with the ids (which a new import makes afresh) and the review record (not part of the
/// printed document) set aside, so amounts are compared digit for digit (`25.00` ≠ `25`).
@Suite struct WorkbookRoundTripTests {
    static func comparable(_ document: DepartmentDocument) -> String {
        var copy = document
        copy.status = .draft
        copy.reviewLog = []
        copy.comments = []
        copy.overallGoals = copy.overallGoals.map { TextItem(id: "t", text: $0.text) }
        copy.safeguards = copy.safeguards.map { TextItem(id: "t", text: $0.text) }
        copy.subGoals = copy.subGoals.map { var goal = $0; goal.id = "g"; return goal }
        copy.projects = copy.projects.map { project in
            var project = project
            project.id = "p"
            project.goals = project.goals.map { TextItem(id: "t", text: $0.text) }
            project.indicators = project.indicators.map { var row = $0; row.id = "r"; return row }
            return project
        }
        return String(decoding: DocumentCodec.encode(copy), as: UTF8.self)
    }

    static func roundTrip(_ document: DepartmentDocument) throws -> DepartmentDocument {
        let data = DocumentExporter.export(document, as: .xlsx)
        return try WorkbookImporter.importDocument(data, fileName: "round-trip.xlsx").document
    }

    @Test(arguments: SampleDepartments.fileNames)
    func samplesComeBackCellForCell(file: String) throws {
        let document = try SampleDepartments.document(named: file)
        let back = try Self.roundTrip(document)
        #expect(Self.comparable(back) == Self.comparable(document))
        #expect(back.id == document.id)
    }

    @Test(arguments: SeedExpectations.all.map(\.file))
    func seedsComeBackCellForCell(file: String) throws {
        guard let data = TestPaths.seed(file) else { return }
        let imported = try TextImporter.importDocument(data, fileName: file, options: ImportOptions(fiscalYear: 2023)).document
        let back = try Self.roundTrip(imported)
        #expect(Self.comparable(back) == Self.comparable(imported))
    }

    @Test func theLargeSyntheticDepartmentComesBack() throws {
        let document = SyntheticDepartments.make(index: 3, projects: 71, rowsPerProject: 10)
        #expect(Self.comparable(try Self.roundTrip(document)) == Self.comparable(document))
    }

    /// The values spreadsheets and XML damage most easily.
    static func awkward() -> DepartmentDocument {
        let rows = [
            IndicatorRow(level1: "产出指标", level2: "数量指标", name: "人数", description: "  前后有空格  ", value: "=32人", basis: "计划标准"),
            IndicatorRow(level1: "产出指标", level2: "数量指标", name: "+1 与 -1", description: "@SUM(A1)", value: "0.50", basis: ""),
            IndicatorRow(level1: "产出指标", level2: "", name: "二级空白", description: "a_x000D_b", value: "≥90%", basis: "_x005F_"),
            IndicatorRow(level1: "", level2: "", name: "一级空白", description: "回车\r换行\n控制\u{1}字符\t制表", value: "", basis: "<&>\"'"),
            IndicatorRow(level1: "效益指标", level2: "数量指标", name: "同名二级", description: "", value: "不适用", basis: ""),
        ]
        let projects = [
            Project(code: "001234567890123456789", name: "名称/带:非法?字符*[很长很长很长很长很长很长很长很长很长很长很长很长]",
                    budget: Amount(canonical: "25.00"), fiscalFunds: Amount(canonical: "0.125"), otherFunds: nil,
                    purpose: "第一段\n第二段", spendingPlan: SpendingPlan(mode: .percent, march: Amount(canonical: "12.345"),
                                                                   june: Amount(canonical: "0.5"), october: nil, december: Amount(100)),
                    goals: [TextItem(text: "目标一\n续行"), TextItem(text: ""), TextItem(text: "3.不是编号的开头")], indicators: rows),
            Project(code: "0001", name: "'引号'", budget: Amount(canonical: "-3.10"),
                    spendingPlan: SpendingPlan(mode: .amount, march: Amount(canonical: "1.00"), june: nil,
                                               october: Amount(canonical: "2.5"), december: Amount(canonical: "3.10"))),
        ]
        return DepartmentDocument(fiscalYear: 2025, unitCode: "030101", unitName: "测试单位（本级）", moneyUnit: .yuan,
                                  framework: .guidance2021, overallGoals: [TextItem(text: "总体一"), TextItem(text: "")],
                                  subGoals: [SubGoal(title: "分项一", goal: "目标", indicatorText: "指标", duty: "", standard: nil),
                                             SubGoal(title: "分项二", goal: "", indicatorText: "", duty: nil, standard: "优良")],
                                  safeguards: [], projects: projects)
    }

    @Test func awkwardValuesComeBackExactly() throws {
        let document = Self.awkward()
        let back = try Self.roundTrip(document)
        #expect(Self.comparable(back) == Self.comparable(document))
        #expect(back.projects[0].code == "001234567890123456789")
        #expect(back.projects[0].indicators[3].description == "回车\r换行\n控制\u{1}字符\t制表")
        #expect(back.projects[0].spendingPlan.march?.description == "12.345")
    }

    @Test func anEmptyDepartmentComesBack() throws {
        let document = DepartmentDocument(fiscalYear: 2024, unitCode: "1", unitName: "")
        #expect(Self.comparable(try Self.roundTrip(document)) == Self.comparable(document))
    }

    @Test func sheetNamesAreValidAndUnique() {
        let workbook = WorkbookExporter.workbook(Self.awkward())
        let names = workbook.sheets.map(\.name)
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
        for name in names {
            #expect(name.utf16.count <= 31)
            #expect(!name.contains { ":\\/?*[]".contains($0) })
            #expect(!name.hasPrefix("'") && !name.hasSuffix("'"))
        }
        #expect(names.first == "部门" && names.last == "指标")
    }
}
