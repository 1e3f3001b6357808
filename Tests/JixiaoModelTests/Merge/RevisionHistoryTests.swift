import JixiaoModel
import Testing

/// Random edit sequences, saved revision by revision with their history records: every
/// revision must rebuild exactly from the newest one (`RevisionHistory`).
@Suite struct RevisionHistoryTests {
    /// A small deterministic generator (the model tests do not link the samples' one).
    struct Rand {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(max(1, bound)))
        }
        mutating func pick<T>(_ values: [T]) -> T? { values.isEmpty ? nil : values[next(values.count)] }
    }

    static func start() -> DepartmentDocument {
        DepartmentDocument(id: "441001-2024", fiscalYear: 2024, unitCode: "441001", unitName: "西山街道",
                           overallGoals: [TextItem(id: "t-1", text: "第一条"), TextItem(id: "t-2", text: "第二条")],
                           subGoals: [SubGoal(id: "g-1", title: "党建", goal: "加强党建")],
                           projects: [
                               Project(id: "p-1", code: "P001", name: "办公经费", budget: Amount(canonical: "10"),
                                       goals: [TextItem(id: "t-3", text: "保障运转")],
                                       indicators: (1...3).map { IndicatorRow(id: "r-\($0)", level1: "产出指标", name: "指标\($0)", value: "\($0)") }),
                               Project(id: "p-2", code: "P002", name: "环境整治"),
                           ])
    }

    /// One random edit that fits `document`, or nil.
    static func randomEdit(_ document: DepartmentDocument, _ rand: inout Rand, counter: inout Int) -> CellEdit? {
        counter += 1
        let n = counter
        switch rand.next(10) {
        case 0, 1, 2:
            guard let project = rand.pick(document.projects), let row = rand.pick(project.indicators) else { return nil }
            let column = IndicatorRow.Column.allCases[rand.next(IndicatorRow.Column.allCases.count)]
            return .set(CellPath.indicator(project: project.id, row: row.id, column: column), .text("值\(n)"))
        case 3:
            guard let project = rand.pick(document.projects) else { return nil }
            let row = IndicatorRow(id: "r-n\(n)", level1: "效益指标", name: "新指标\(n)")
            return .insert(list: CellPath.project(project.id, "indicators"), item: DocumentTree.item(row),
                           after: rand.pick(project.indicators)?.id)
        case 4:
            guard let project = rand.pick(document.projects), let row = rand.pick(project.indicators) else { return nil }
            return .delete(CellPath.indicator(project: project.id, row: row.id))
        case 5:
            guard let project = rand.pick(document.projects), project.indicators.count > 1,
                  let row = rand.pick(project.indicators) else { return nil }
            return .move(CellPath.indicator(project: project.id, row: row.id), after: nil)
        case 6:
            guard document.projects.count > 1, let project = rand.pick(document.projects) else { return nil }
            return .delete(CellPath.project(project.id))
        case 7:
            var project = Project(id: "p-n\(n)", code: "P\(n)", name: "项目\(n)")
            project.indicators = [IndicatorRow(id: "r-a\(n)", name: "甲"), IndicatorRow(id: "r-b\(n)", name: "乙")]
            project.goals = [TextItem(id: "t-a\(n)", text: "目标一"), TextItem(id: "t-b\(n)", text: "目标二")]
            return .insert(list: .field("projects"), item: DocumentTree.item(project), after: rand.pick(document.projects)?.id)
        case 8:
            guard let item = rand.pick(document.overallGoals) else {
                return .insert(list: .field("overallGoals"), item: DocumentTree.item(TextItem(id: "t-o\(n)", text: "新")), after: nil)
            }
            return rand.next(2) == 0 ? .delete(CellPath.field("overallGoals").item(item.id))
                : .set(CellPath.field("overallGoals").item(item.id).field("text"), .text("改\(n)"))
        default:
            let comment = ReviewComment(id: "c-\(n)", author: "li", time: "2026-11-23T21:00:00Z", text: "批注\(n)",
                                        cell: CellPath.field("unitName"))
            return .insert(list: .field("comments"), item: DocumentTree.item(comment), after: document.comments.last?.id)
        }
    }

    /// Saves `count` revisions of random edits; returns each revision's document and records.
    static func history(seed: UInt64, count: Int, recordingOrder: Bool) throws -> ([DepartmentDocument], [RevisionChanges]) {
        var rand = Rand(state: seed)
        var counter = 0
        var documents = [start()]
        var records = [RevisionChanges(revision: 1, changes: DocumentDiff.recordingOrder(from: nil, to: DocumentTree(start())).changes)]
        while documents.count < count {
            var next = documents.last!
            for _ in 0..<(1 + rand.next(4)) {
                if let edit = randomEdit(next, &rand, counter: &counter), let applied = try? next.applying([edit]) { next = applied }
            }
            let changes = recordingOrder
                ? DocumentDiff.recordingOrder(from: DocumentTree(documents.last!), to: DocumentTree(next)).changes
                : DocumentDiff(from: documents.last!, to: next).changes
            documents.append(next)
            records.append(RevisionChanges(revision: documents.count, changes: changes))
        }
        return (documents, records)
    }

    @Test(arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func everyRevisionRebuildsExactly(seed: UInt64) throws {
        let (documents, records) = try Self.history(seed: seed, count: 25, recordingOrder: true)
        let latest = documents.last!
        for revision in 1...documents.count {
            let rebuilt = try RevisionHistory.document(at: revision, latest: latest, latestRevision: documents.count,
                                                       records: records)
            #expect(rebuilt.document == documents[revision - 1], "seed \(seed) revision \(revision)")
            #expect(rebuilt.exact)
        }
    }

    @Test func recordsWithoutListOrderRebuildEveryCellAndSayWhenPositionsAreGuessed() throws {
        let base = Self.start()
        let edited = try base.applying([.delete(CellPath.indicator(project: "p-1", row: "r-2"))])
        let changes = DocumentDiff(from: base, to: edited).changes
        // An old-style record: the deleted row's cells, nothing about where it stood.
        #expect(!changes.contains { $0.path == CellPath.project("p-1", "indicators") })
        let rebuilt = try RevisionHistory.document(at: 1, latest: edited, latestRevision: 2,
                                                   records: [RevisionChanges(revision: 2, changes: changes)])
        #expect(rebuilt.exact == false)
        #expect(rebuilt.document.projects[0].indicators.map(\.id) == ["r-1", "r-3", "r-2"])
        #expect(DocumentTree(rebuilt.document).cells() == DocumentTree(base).cells())
        // The new records keep the order, so the row goes back in its place.
        let ordered = DocumentDiff.recordingOrder(from: DocumentTree(base), to: DocumentTree(edited)).changes
        #expect(ordered.contains { $0.path == CellPath.project("p-1", "indicators") && $0.old == .text("r-1 r-2 r-3") })
        let exact = try RevisionHistory.document(at: 1, latest: edited, latestRevision: 2,
                                                 records: [RevisionChanges(revision: 2, changes: ordered)])
        #expect(exact.exact && exact.document == base)
    }

    @Test func aRemovedProjectComesBackWithItsEmptyLists() throws {
        var base = Self.start()
        base.projects[1].goals = []
        let edited = try base.applying([.delete(CellPath.project("p-2"))])
        let changes = DocumentDiff.recordingOrder(from: DocumentTree(base), to: DocumentTree(edited)).changes
        let rebuilt = try RevisionHistory.document(at: 1, latest: edited, latestRevision: 2,
                                                   records: [RevisionChanges(revision: 2, changes: changes)])
        #expect(rebuilt.document == base)
    }

    @Test func missingRecordsAndRevisionsOutOfRangeAreErrors() {
        let document = Self.start()
        #expect(throws: RevisionHistory.Failure.self) {
            try RevisionHistory.document(at: 1, latest: document, latestRevision: 3, records: [])
        }
        #expect(throws: RevisionHistory.Failure.self) {
            try RevisionHistory.document(at: 4, latest: document, latestRevision: 3, records: [])
        }
        #expect(throws: RevisionHistory.Failure.self) {
            try RevisionHistory.document(at: 0, latest: document, latestRevision: 3, records: [])
        }
    }
}
