import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Re-importing a department keeps the ids of what the new revision shares with the stored one.
@Suite struct ImportRevisionTests {
    static let stored: DepartmentDocument = {
        var document = unreviewed
        document.reviewLog = [ReviewEvent(action: .submit, user: "office", time: "2024-01-01T00:00:00Z", revision: 1),
                              ReviewEvent(action: .approve, user: "reviewer", time: "2024-01-02T00:00:00Z", revision: 1)]
        document.comments = [ReviewComment(author: "reviewer", time: "2024-01-02T00:00:00Z", text: "好", cell: nil)]
        return document
    }()

    static let unreviewed = DepartmentDocument(
        id: "100001-2024", fiscalYear: 2024, unitCode: "100001", unitName: "测试单位", status: .approved,
        overallGoals: [TextItem(id: "t-a", text: "甲"), TextItem(id: "t-b", text: "乙")],
        subGoals: [SubGoal(id: "g-a", title: "1、社区服务")],
        safeguards: [TextItem(id: "t-c", text: "加强领导。")],
        projects: [
            Project(id: "p-a", code: "A", name: "项目甲", goals: [TextItem(id: "t-d", text: "目标")],
                    indicators: [
                        IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "人数", value: "≥10人"),
                        IndicatorRow(id: "r-2", level1: "产出指标", level2: "质量指标", name: "合格率", value: "=100%"),
                    ]),
            Project(id: "p-b", code: "B", name: "项目乙"),
        ])

    @Test func sharedThingsKeepTheirIDs() {
        let imported = DepartmentDocument(
            fiscalYear: 2024, unitCode: "100001", unitName: "测试单位",
            overallGoals: [TextItem(text: "乙"), TextItem(text: "丙")],
            subGoals: [SubGoal(title: "1、社区服务")],
            safeguards: [TextItem(text: "加强领导，落实责任。")],
            projects: [
                Project(code: "B", name: "项目乙（改名）"),
                Project(code: "A", name: "项目甲", goals: [TextItem(text: "目标")],
                        indicators: [
                            IndicatorRow(level1: "产出指标", level2: "质量指标", name: "合格率", value: "≥98%"),
                            IndicatorRow(level1: "产出指标", level2: "时效指标", name: "及时率", value: "=100%"),
                            IndicatorRow(level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度", value: "≥90%"),
                        ]),
                Project(code: "C", name: "新项目"),
            ])
        let merged = ImportRevision.carryingIDs(from: Self.stored, into: imported)
        #expect(merged.id == "100001-2024")
        // The review state is the stored one's (the caller prepares it for the edit first).
        #expect(merged.status == .approved)
        #expect(merged.reviewLog == Self.stored.reviewLog)
        // By text, then the rest in order.
        #expect(merged.overallGoals.map(\.id) == ["t-b", "t-a"])
        #expect(merged.subGoals.map(\.id) == ["g-a"])
        #expect(merged.safeguards.map(\.id) == ["t-c"])
        #expect(merged.safeguards[0].text == "加强领导，落实责任。")
        // Projects by code, whatever their order or name.
        #expect(merged.projects.map(\.id).prefix(2) == ["p-b", "p-a"])
        #expect(merged.projects[2].id == imported.projects[2].id)
        #expect(merged.projects[0].name == "项目乙（改名）")
        // Rows by their levels and name (r-2), then the rest in order (r-1 to the first new row).
        let rows = merged.projects[1].indicators
        #expect(rows[0].id == "r-2")
        #expect(rows[0].value == "≥98%")
        #expect(rows[1].id == "r-1")
        #expect(rows[2].id == imported.projects[1].indicators[2].id)
        #expect(merged.projects[1].goals.map(\.id) == ["t-d"])
        #expect(merged.comments == Self.stored.comments)
        #expect(Set(rows.map(\.id)).count == 3)
    }

    @Test func reimportingTheSameTextChangesOnlyNothing() throws {
        let text = try String(decoding: TestPaths.fixture("budget-disclosure.txt"), as: UTF8.self)
        let first = try TextImporter.importDocument(text: text, fileName: "a").document
        let second = try TextImporter.importDocument(text: text, fileName: "a").document
        #expect(first != second)
        #expect(ImportRevision.carryingIDs(from: first, into: second) == first)
    }
}

/// `ImportRevision.save` against an in-memory store: a second import of the same unit and year
/// is a new revision of the same department, never a second department.
@Suite struct ImportSaveTests {
    final class MemoryStore {
        var documents: [String: (document: DepartmentDocument, revision: Int)] = [:]
        /// Saves by someone else, applied just before our next save (to force conflicts).
        var interferences = 0

        func current(_ id: String) -> (document: DepartmentDocument, revision: Int)? { documents[id] }

        func save(_ document: DepartmentDocument, base: Int) -> Int? {
            if interferences > 0, let stored = documents[document.id] {
                interferences -= 1
                documents[document.id] = (stored.document, stored.revision + 1)
            }
            let revision = documents[document.id]?.revision ?? 0
            guard revision == base else { return nil }
            documents[document.id] = (document, revision + 1)
            return revision + 1
        }
    }

    func importFixture() throws -> DepartmentDocument {
        try TextImporter.importDocument(try TestPaths.fixture("budget-disclosure.txt"), fileName: "d").document
    }

    @Test func secondImportIsANewRevisionOfTheSameDepartment() throws {
        let store = MemoryStore()
        let first = ImportRevision.save(try importFixture(), current: store.current, save: store.save)
        #expect(first?.created == true)
        #expect(first?.revision == 1)
        let second = ImportRevision.save(try importFixture(), current: store.current, save: store.save)
        #expect(second?.created == false)
        #expect(second?.revision == 2)
        #expect(store.documents.count == 1)
        // Nothing changed in the text, so nothing changed in the document, ids included.
        #expect(second?.document == first?.document)
    }

    @Test func conflictsAreRetriedOnTheNewerRevision() throws {
        let store = MemoryStore()
        _ = ImportRevision.save(try importFixture(), current: store.current, save: store.save)
        store.interferences = 2
        let saved = ImportRevision.save(try importFixture(), current: store.current, save: store.save)
        #expect(saved?.revision == 4)
        store.interferences = 10
        let document = try importFixture()
        #expect(ImportRevision.save(document, attempts: 3, current: store.current, save: store.save) == nil)
    }
}
