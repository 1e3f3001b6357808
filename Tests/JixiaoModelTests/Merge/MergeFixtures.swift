import JixiaoModel

enum MergeFixtures {
    /// A small department with every kind of list and cell, ids fixed.
    static func department() -> DepartmentDocument {
        DepartmentDocument(
            fiscalYear: 2023, unitCode: "441001", unitName: "西山街道办事处",
            overallGoals: [TextItem(id: "t-1", text: "加强党建"), TextItem(id: "t-2", text: "改善民生")],
            subGoals: [SubGoal(id: "g-1", title: "党建", goal: "目标", indicatorText: "指标", duty: "职责")],
            safeguards: [TextItem(id: "t-3", text: "制度保障")],
            projects: [
                Project(id: "p-1", code: "130304213ZR3W5GRVM5IR", name: "社区服务", budget: Amount(canonical: "130.97"),
                        fiscalFunds: Amount(canonical: "130.97"), purpose: "用于社区服务",
                        spendingPlan: SpendingPlan(mode: .percent, march: Amount(25), june: Amount(50)),
                        goals: [TextItem(id: "t-4", text: "提升服务")],
                        indicators: [
                            IndicatorRow(id: "r-1", level1: "产出指标", level2: "数量指标", name: "服务人次", value: "≥1000人次", basis: "计划标准"),
                            IndicatorRow(id: "r-2", level1: "产出指标", level2: "质量指标", name: "合格率", value: "100%"),
                            IndicatorRow(id: "r-3", level1: "满意度指标", level2: "服务对象满意度指标", name: "满意度", value: "≥90%"),
                        ]),
                Project(id: "p-2", code: "X2", name: "环境整治", budget: Amount(canonical: "25.00"),
                        indicators: [IndicatorRow(id: "r-4", level1: "效益指标", name: "环境改善", value: "明显")]),
            ])
    }

    static let valuePool = ["甲", "乙", "丙", "", "100%", "≥90%"]

    /// One random edit that applies to `tree`, or `nil` when the chosen kind does not fit.
    static func randomEdit<G: RandomNumberGenerator>(_ tree: DocumentTree, using rng: inout G) -> CellEdit? {
        let lists = listPaths(tree)
        switch Int.random(in: 0..<10, using: &rng) {
        case 0..<6:
            // Only free-text cells: enumerated fields must keep a valid value.
            let cells = tree.cells().keys.filter { ["text", "name", "value", "basis", "title", "purpose", "description", "level2"].contains($0.lastField ?? "") }
            guard let path = cells.sorted().randomElement(using: &rng) else { return nil }
            return .set(path, .text(valuePool.randomElement(using: &rng)!))
        case 6, 7:
            guard let list = lists.randomElement(using: &rng), let items = tree.node(at: list)?.items else { return nil }
            let template: DocumentTree
            if let sample = items.first?.node {
                template = sample
            } else {
                return nil
            }
            let id = StableID.make(prefix: "n", using: &rng)
            return .insert(list: list, item: .init(id: id, node: template), after: items.randomElement(using: &rng)?.id)
        case 8:
            guard let list = lists.randomElement(using: &rng), let items = tree.node(at: list)?.items,
                  let item = items.randomElement(using: &rng) else { return nil }
            return .delete(list.item(item.id))
        default:
            guard let list = lists.randomElement(using: &rng), let items = tree.node(at: list)?.items, items.count > 1,
                  let item = items.randomElement(using: &rng) else { return nil }
            let others = items.filter { $0.id != item.id }
            return .move(list.item(item.id), after: Bool.random(using: &rng) ? nil : others.randomElement(using: &rng)!.id)
        }
    }

    static func listPaths(_ tree: DocumentTree, _ path: CellPath = .root) -> [CellPath] {
        switch tree {
        case .value: return []
        case .object(let fields): return fields.keys.sorted().flatMap { listPaths(fields[$0]!, path.field($0)) }
        case .list(let items): return [path] + items.flatMap { listPaths($0.node, path.item($0.id)) }
        }
    }

    static func randomBranch<G: RandomNumberGenerator>(from base: DepartmentDocument, edits count: Int,
                                                       using rng: inout G) throws -> (DepartmentDocument, [CellEdit]) {
        var tree = DocumentTree(base)
        var edits: [CellEdit] = []
        while edits.count < count {
            guard let edit = randomEdit(tree, using: &rng) else { continue }
            try tree.apply(edit)
            edits.append(edit)
        }
        return (try tree.document(id: base.id), edits)
    }
}
