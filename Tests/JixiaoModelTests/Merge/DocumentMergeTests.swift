import Testing
@testable import JixiaoModel

@Suite struct DocumentMergeTests {
    let base = MergeFixtures.department()

    @Test func differentCellsBothSurvive() throws {
        var mine = base, theirs = base
        mine.projects[0].indicators[0].value = "≥2000人次"
        theirs.projects[1].name = "环境综合整治"
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.merged.projects[0].indicators[0].value == "≥2000人次")
        #expect(result.merged.projects[1].name == "环境综合整治")
    }

    @Test func sameChangeOnBothSidesIsNoConflict() {
        var mine = base, theirs = base
        mine.unitName = "新名称"
        theirs.unitName = "新名称"
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.merged.unitName == "新名称")
    }

    @Test func sameCellChangedDifferentlyIsAConflictKeepingMine() {
        var mine = base, theirs = base
        mine.projects[0].budget = Amount(canonical: "140.00")
        theirs.projects[0].budget = nil
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflicts == [DocumentMerge.Conflict(path: CellPath.project("p-1", "budget"),
                                                             base: .text("130.97"), mine: .text("140.00"), theirs: .blank)])
        #expect(result.merged.projects[0].budget == Amount(canonical: "140.00"))
    }

    @Test func rowsAddedOnBothSidesAndDeletionsSurviveMatchedByID() {
        var mine = base, theirs = base
        mine.projects[0].indicators.insert(IndicatorRow(id: "r-m", name: "我的"), at: 1)
        theirs.projects[0].indicators.append(IndicatorRow(id: "r-t", name: "他的"))
        theirs.projects[0].indicators.remove(at: 0)
        // Mine edits a row by id after theirs shifted positions.
        mine.projects[0].indicators[2].value = "99%"
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        #expect(result.merged.projects[0].indicators.map(\.id) == ["r-m", "r-2", "r-3", "r-t"])
        #expect(result.merged.projects[0].indicators[1].value == "99%")
    }

    @Test func deletedOnOneSideChangedOnTheOtherKeepsTheChangeAsConflict() {
        var mine = base, theirs = base
        mine.projects.remove(at: 1)
        theirs.projects[1].indicators[0].value = "显著"
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.merged.projects.map(\.id) == ["p-1", "p-2"])
        #expect(result.merged.projects[1].indicators[0].value == "显著")
        #expect(result.conflicts == [DocumentMerge.Conflict(path: CellPath.indicator(project: "p-2", row: "r-4", column: .value),
                                                             base: .text("明显"), mine: nil, theirs: .text("显著"))])
    }

    @Test func theirReorderIsKeptWithMyAdditions() {
        var mine = base, theirs = base
        theirs.overallGoals.reverse()
        mine.overallGoals.append(TextItem(id: "t-9", text: "新增"))
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)
        #expect(result.conflicts.isEmpty)
        // t-9 follows its predecessor in my list (t-2), wherever their reorder put t-2.
        #expect(result.merged.overallGoals.map(\.id) == ["t-2", "t-9", "t-1"])
    }

    /// Random edits on two branches from one base, checked cell by cell against the three-way
    /// rule: one side changed → that side; same change → no conflict; different changes →
    /// conflict; an item deleted on one side and changed on the other is kept with the changes.
    @Test(arguments: 0..<300) func randomizedBranchesMergeCellByCell(seed: Int) throws {
        var rng = SplitMix(seed: UInt64(seed) &* 7919 &+ 17)
        let (mine, _) = try MergeFixtures.randomBranch(from: base, edits: Int.random(in: 0...8, using: &rng), using: &rng)
        let (theirs, _) = try MergeFixtures.randomBranch(from: base, edits: Int.random(in: 0...8, using: &rng), using: &rng)
        let result = DocumentMerge(base: base, mine: mine, theirs: theirs)

        let b = DocumentTree(base), m = DocumentTree(mine), t = DocumentTree(theirs)
        let bc = b.cells(), mc = m.cells(), tc = t.cells(), merged = DocumentTree(result.merged).cells()

        // Items one side deleted while the other changed something inside: kept, from the changer.
        var kept: [(path: CellPath, fromMine: Bool)] = []
        for path in itemPaths(b) where !kept.contains(where: { isPrefix($0.path, of: path) }) {
            let inMine = m.node(at: path), inTheirs = t.node(at: path), inBase = b.node(at: path)
            if inMine == nil, let inTheirs, inTheirs != inBase { kept.append((path, false)) }
            if inTheirs == nil, let inMine, inMine != inBase { kept.append((path, true)) }
        }
        func keptItem(_ path: CellPath) -> (path: CellPath, fromMine: Bool)? { kept.first { isPrefix($0.path, of: path) } }

        var expectedConflicts = Set<CellPath>()
        for path in Set(bc.keys).union(mc.keys).union(tc.keys).union(merged.keys) {
            let (bv, mv, tv) = (bc[path], mc[path], tc[path])
            if let item = keptItem(path) {
                let present = item.fromMine ? mv : tv
                #expect(merged[path] == present, "seed \(seed) kept \(path)")
                if present != bv { expectedConflicts.insert(path) }
            } else if mv == tv {
                #expect(merged[path] == mv, "seed \(seed) \(path)")
            } else if mv == bv {
                #expect(merged[path] == tv, "seed \(seed) \(path)")
            } else if tv == bv {
                #expect(merged[path] == mv, "seed \(seed) \(path)")
            } else {
                #expect(merged[path] == mv, "seed \(seed) \(path)")
                expectedConflicts.insert(path)
            }
        }
        let cellConflicts = Set(result.conflicts.map(\.path).filter { bc[$0] != nil || mc[$0] != nil || tc[$0] != nil })
        #expect(cellConflicts == expectedConflicts, "seed \(seed)")
        // Order conflicts only where both sides reordered the list, or inside a kept item.
        for conflict in result.conflicts where !cellConflicts.contains(conflict.path) {
            let reorderedByMine = DocumentDiff(from: b, to: m).changes.contains { $0.path == conflict.path }
            let reorderedByTheirs = DocumentDiff(from: b, to: t).changes.contains { $0.path == conflict.path }
            #expect((reorderedByMine && reorderedByTheirs) || keptItem(conflict.path) != nil, "seed \(seed) \(conflict)")
        }
    }

    private func isPrefix(_ prefix: CellPath, of path: CellPath) -> Bool {
        path.components.starts(with: prefix.components)
    }

    private func itemPaths(_ tree: DocumentTree, _ path: CellPath = .root) -> [CellPath] {
        switch tree {
        case .value: return []
        case .object(let fields): return fields.keys.sorted().flatMap { itemPaths(fields[$0]!, path.field($0)) }
        case .list(let items): return items.flatMap { [path.item($0.id)] + itemPaths($0.node, path.item($0.id)) }
        }
    }
}
