import JixiaoModel

/// Deterministic edit sequences for draft-journal tests: cell overwrites, row inserts,
/// deletes and moves, chosen by a seeded generator.
struct DraftScript {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    private mutating func next(_ bound: Int) -> Int {
        // SplitMix64.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }

    /// The next edit that applies to `document`.
    mutating func nextEdit(for document: DepartmentDocument, serial: Int) -> CellEdit {
        let project = document.projects[next(document.projects.count)]
        let rows = CellPath.project(project.id).field("indicators")
        switch next(5) {
        case 0 where project.indicators.count > 1:
            return .delete(rows.item(project.indicators[next(project.indicators.count)].id))
        case 1:
            let row = IndicatorRow(id: "r-new-\(serial)", level1: "效益指标", name: "新增\(serial)", value: "\(serial)%")
            return .insert(list: rows, item: DocumentTree.item(row), after: project.indicators.last?.id)
        case 2 where project.indicators.count > 1:
            return .move(rows.item(project.indicators[next(project.indicators.count)].id), after: nil)
        case 3:
            return .set(CellPath.project(project.id, "budget"), serial % 3 == 0 ? .blank : .text("\(serial).50"))
        default:
            guard let row = project.indicators.first else { return .set(CellPath.field("unitName"), .text("名称\(serial)")) }
            let column = IndicatorRow.Column.allCases[next(IndicatorRow.Column.allCases.count)]
            return .set(CellPath.indicator(project: project.id, row: row.id, column: column), .text("编辑\(serial)"))
        }
    }
}
