import Foundation
import JixiaoModel

/// Synthetic departments for benchmarks and stress tests (`jixiao demo --departments N`, the
/// store and editor benchmarks): plausible Chinese text from `SyntheticVocabulary`, exact
/// amounts that add up, spending plans that end where they should, and indicator rows of
/// both frameworks and money units.
///
/// Everything is a pure function of its arguments: the same seed gives the same documents,
/// byte for byte, on every machine. Department `index` draws from its own random stream, so
/// department 1,999 can be made without making the others.
public enum SyntheticDepartments {
    public static let defaultSeed: UInt64 = 20_240_101

    /// Department `index` (0-based) of a synthetic family: unit code `95` + six digits of the
    /// index (unique for indexes below 1,000,000), `projects` projects of `rowsPerProject` rows.
    /// Every third department follows the 2021 framework and every second one writes in 元.
    public static func make(index: Int, projects: Int = 20, rowsPerProject: Int = 10,
                            seed: UInt64 = defaultSeed, fiscalYear: Int = 2024) -> DepartmentDocument {
        precondition(index >= 0 && index < 1_000_000, "index must lie in 0..<1,000,000")
        precondition(projects >= 0 && rowsPerProject >= 0, "counts must not be negative")
        var rng = SeededGenerator.derived(seed: seed, index: index)
        let unitCode = "95" + zeroPadded(index, width: 6)
        let moneyUnit: MoneyUnit = index % 2 == 0 ? .tenThousandYuan : .yuan
        let framework: FrameworkEdition = index % 3 == 2 ? .guidance2021 : .legacy
        var document = DepartmentDocument(
            fiscalYear: fiscalYear, unitCode: unitCode, unitName: unitName(using: &rng),
            moneyUnit: moneyUnit, framework: framework,
            status: ReviewStatus.allCases[rng.int(below: ReviewStatus.allCases.count)])
        document.overallGoals = textItems(from: SyntheticVocabulary.overallGoals, count: rng.int(in: 3...5),
                                          numbered: true, using: &rng)
        document.subGoals = subGoals(count: rng.int(in: 2...4), using: &rng)
        document.safeguards = textItems(from: SyntheticVocabulary.safeguards, count: rng.int(in: 3...5),
                                        numbered: false, using: &rng)
        document.projects.reserveCapacity(projects)
        for number in stride(from: 1, through: projects, by: 1) {
            let code = unitCode + String(fiscalYear % 100) + zeroPadded(number, width: 8)
            document.projects.append(project(code: code, rows: rowsPerProject, moneyUnit: moneyUnit,
                                             framework: framework, fiscalYear: fiscalYear, using: &rng))
        }
        return document
    }

    /// Departments `0..<count` of a family, made one at a time as the sequence is walked, so a
    /// store of 2,000 departments never has to be held in memory at once.
    public static func departments(count: Int, projects: Int = 20, rowsPerProject: Int = 10,
                                   seed: UInt64 = defaultSeed) -> LazyMapSequence<Range<Int>, DepartmentDocument> {
        (0..<count).lazy.map { make(index: $0, projects: projects, rowsPerProject: rowsPerProject, seed: seed) }
    }

    /// One project of `rows` indicator rows (e.g. 500 for the grid benchmark), in a department
    /// of the given money unit and framework.
    public static func project(rows: Int, moneyUnit: MoneyUnit = .tenThousandYuan,
                               framework: FrameworkEdition = .legacy, seed: UInt64 = defaultSeed,
                               fiscalYear: Int = 2024) -> Project {
        var rng = SeededGenerator.derived(seed: seed, index: rows)
        return project(code: "950000" + String(fiscalYear % 100) + zeroPadded(rows, width: 8), rows: rows,
                       moneyUnit: moneyUnit, framework: framework, fiscalYear: fiscalYear, using: &rng)
    }

    /// A department whose canonical encoding (`DocumentCodec.encode`) is at least `bytes` long
    /// and not much longer (within about one project of 20 rows): e.g. the 500 KB document of
    /// the load and save benchmarks.
    public static func department(encodedSizeAtLeast bytes: Int, index: Int = 0,
                                  seed: UInt64 = defaultSeed) -> DepartmentDocument {
        let rowsPerProject = 20
        var document = make(index: index, projects: 1, rowsPerProject: rowsPerProject, seed: seed)
        let oneProject = DocumentCodec.encode(document).count
        document.projects.removeAll()
        let base = DocumentCodec.encode(document).count
        let perProject = max(oneProject - base, 1)
        let estimate = max((bytes - base + perProject - 1) / perProject, 0)
        var full = make(index: index, projects: estimate, rowsPerProject: rowsPerProject, seed: seed)
        var size = DocumentCodec.encode(full).count
        var more = estimate
        while size < bytes {
            // The estimate came from one project; real ones vary a little in length.
            more += max((bytes - size + perProject - 1) / perProject, 1)
            full = make(index: index, projects: more, rowsPerProject: rowsPerProject, seed: seed)
            size = DocumentCodec.encode(full).count
        }
        return full
    }

    // MARK: Department part

    private static func unitName(using rng: inout SeededGenerator) -> String {
        let district = rng.pick(SyntheticVocabulary.districts)
        if rng.chance(70) {
            return SyntheticVocabulary.city + district + rng.pick(SyntheticVocabulary.streets) + "街道办事处（本级）"
        }
        return SyntheticVocabulary.city + district + rng.pick(SyntheticVocabulary.bureaus) + "（本级）"
    }

    /// `count` distinct entries of `list`, in list order, with fresh ids.
    private static func textItems(from list: [String], count: Int, numbered: Bool,
                                  using rng: inout SeededGenerator) -> [TextItem] {
        let chosen = distinctIndexes(count: count, of: list.count, using: &rng)
        return chosen.enumerated().map { position, index in
            TextItem(id: rng.stableID(prefix: UInt8(ascii: "t")),
                     text: numbered ? "\(position + 1)、" + list[index] : list[index])
        }
    }

    private static func subGoals(count: Int, using rng: inout SeededGenerator) -> [SubGoal] {
        distinctIndexes(count: count, of: SyntheticVocabulary.subGoals.count, using: &rng).map { index in
            let entry = SyntheticVocabulary.subGoals[index]
            return SubGoal(id: rng.stableID(prefix: UInt8(ascii: "g")), title: entry.title, goal: entry.goal,
                           indicatorText: entry.indicator, duty: entry.duty, standard: entry.standard)
        }
    }

    /// `count` (at most `total`) distinct indexes below `total`, ascending.
    private static func distinctIndexes(count: Int, of total: Int, using rng: inout SeededGenerator) -> [Int] {
        var remaining = Array(0..<total)
        var chosen: [Int] = []
        for _ in 0..<min(count, total) { chosen.append(remaining.remove(at: rng.int(below: remaining.count))) }
        return chosen.sorted()
    }

    // MARK: Projects

    private static func project(code: String, rows: Int, moneyUnit: MoneyUnit, framework: FrameworkEdition,
                                fiscalYear: Int, using rng: inout SeededGenerator) -> Project {
        let topic = rng.pick(SyntheticVocabulary.topics)
        // 0.50 to 3,000.00 万元; the same figure times 10,000 in 元.
        let cents = Int64(rng.int(in: 50...300_000))
        let budget = Amount(significand: moneyUnit == .yuan ? cents * 10_000 : cents, scale: 2)
        var fiscal = budget
        var other: Amount? = Amount(significand: 0, scale: 2)
        switch rng.int(below: 10) {
        case 0, 1:
            other = nil  // blank 其他资金, as many tables leave it
        case 2:
            let part = Amount(significand: budget.significand / 5, scale: 2)
            other = part
            fiscal = budget - part
        default:
            break
        }
        return Project(
            id: rng.stableID(prefix: UInt8(ascii: "p")), code: code, name: topic.name,
            budget: budget, fiscalFunds: fiscal, otherFunds: other, purpose: topic.purpose,
            spendingPlan: spendingPlan(budget: budget, using: &rng),
            goals: topic.goals.map { TextItem(id: rng.stableID(prefix: UInt8(ascii: "t")), text: $0) },
            indicators: indicatorRows(count: rows, topic: topic, moneyUnit: moneyUnit, framework: framework,
                                      fiscalYear: fiscalYear, using: &rng))
    }

    private static let planShapes: [[Int64]] = [[25, 50, 75], [30, 60, 85], [10, 40, 70], [20, 45, 75], [0, 30, 70]]

    /// A cumulative plan ending at 100 % or at the budget; one project in four plans amounts.
    private static func spendingPlan(budget: Amount, using rng: inout SeededGenerator) -> SpendingPlan {
        let shape = rng.pick(planShapes)
        if rng.chance(25) {
            let part = shape.map { Amount(significand: budget.significand * $0 / 100, scale: budget.scale) }
            return SpendingPlan(mode: .amount, march: part[0], june: part[1], october: part[2], december: budget)
        }
        let percent = shape.map { Amount(significand: $0 * 100, scale: 2) }
        return SpendingPlan(mode: .percent, march: percent[0], june: percent[1], october: percent[2],
                            december: Amount(significand: 10_000, scale: 2))
    }

    // MARK: Indicator rows

    /// Where a row sits in the grid; the cases are in table order under both frameworks.
    private enum Slot: Int, CaseIterable {
        case quantity, quality, timeliness, cost, economic, social, ecological, sustainable, satisfaction

        func levels(in framework: FrameworkEdition) -> (String, String) {
            switch self {
            case .quantity: (IndicatorFramework.output, "数量指标")
            case .quality: (IndicatorFramework.output, "质量指标")
            case .timeliness: (IndicatorFramework.output, IndicatorFramework.timeliness)
            case .cost: framework == .legacy ? (IndicatorFramework.output, IndicatorFramework.cost)
                                             : (IndicatorFramework.cost, "经济成本指标")
            case .economic: (IndicatorFramework.effect, "经济效益指标")
            case .social: (IndicatorFramework.effect, "社会效益指标")
            case .ecological: (IndicatorFramework.effect, "生态效益指标")
            case .sustainable: (IndicatorFramework.effect, "可持续影响指标")
            case .satisfaction: (IndicatorFramework.satisfaction, IndicatorFramework.serviceSatisfaction)
            }
        }
    }

    /// The rows every project gets first, so coverage checks pass: output, cost, effect, satisfaction.
    private static let requiredSlots: [Slot] = [.quantity, .cost, .social, .satisfaction]
    /// Further rows are drawn from this list, output indicators most often, as in real tables.
    private static let extraSlots: [Slot] = [.quantity, .quantity, .quantity, .quality, .quality, .quality,
                                             .timeliness, .timeliness, .cost, .economic, .social, .social,
                                             .ecological, .sustainable]

    private static func indicatorRows(count: Int, topic: SyntheticVocabulary.Topic, moneyUnit: MoneyUnit,
                                      framework: FrameworkEdition, fiscalYear: Int,
                                      using rng: inout SeededGenerator) -> [IndicatorRow] {
        var perSlot = [Int](repeating: 0, count: Slot.allCases.count)
        for number in 0..<count {
            let slot = number < requiredSlots.count ? requiredSlots[number] : rng.pick(extraSlots)
            perSlot[slot.rawValue] += 1
        }
        var rows: [IndicatorRow] = []
        rows.reserveCapacity(count)
        var names = NameSet(expected: count)
        for slot in Slot.allCases {
            let (level1, level2) = slot.levels(in: framework)
            for _ in 0..<perSlot[slot.rawValue] {
                var cell = content(for: slot, topic: topic, fiscalYear: fiscalYear, using: &rng)
                cell.name = uniqueName(cell.name, in: &names, using: &rng)
                rows.append(IndicatorRow(id: rng.stableID(prefix: UInt8(ascii: "r")), level1: level1,
                                         level2: level2, name: cell.name, description: cell.description,
                                         value: cell.value, basis: cell.basis))
            }
        }
        return rows
    }

    /// A copied name gets a community in brackets, then a number, as people disambiguate rows.
    private static func uniqueName(_ name: String, in names: inout NameSet,
                                   using rng: inout SeededGenerator) -> String {
        if names.insert(name).inserted { return name }
        let qualified = name + "（" + rng.pick(SyntheticVocabulary.communities) + "）"
        if names.insert(qualified).inserted { return qualified }
        var number = 2
        while !names.insert(name + "（\(number)）").inserted { number += 1 }
        return name + "（\(number)）"
    }

    /// The names used so far in one project: a list while short (hashing or comparing CJK
    /// strings as `String` normalizes them; a byte scan of a dozen names does not), a set when long.
    private struct NameSet {
        private var list: [String] = []
        private var set: Set<String>?

        init(expected: Int) {
            if expected > 32 { set = Set(minimumCapacity: expected) } else { list.reserveCapacity(expected) }
        }

        mutating func insert(_ name: String) -> (inserted: Bool, memberAfterInsert: String) {
            if set != nil { return set!.insert(name) }
            // Bytes, not `==`: the vocabulary is plain NFC text, and String equality would
            // normalize every CJK comparison.
            if list.contains(where: { $0.utf8.elementsEqual(name.utf8) }) { return (false, name) }
            list.append(name)
            return (true, name)
        }
    }

    private struct Cell {
        var name: String
        var description: String
        var value: String
        var basis: String
    }

    /// Last day of each month; deadlines are drawn from March on, so February's length never matters.
    private static let monthEnds = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

    private static func content(for slot: Slot, topic: SyntheticVocabulary.Topic, fiscalYear: Int,
                                using rng: inout SeededGenerator) -> Cell {
        let s = topic.subject
        let u = topic.unit
        switch slot {
        case .quantity:
            let n = rng.int(in: 5...2000)
            let value = (rng.chance(70) ? "≥" : "=") + String(n) + u
            let basis = rng.pick(SyntheticVocabulary.plannedBases)
            switch rng.int(below: 3) {
            case 0: return Cell(name: s + "数量", description: "纳入本项目保障的" + s + "数量", value: value, basis: basis)
            case 1: return Cell(name: s + "覆盖数量", description: "本年度覆盖的" + s + "数量", value: value, basis: basis)
            default: return Cell(name: "新增" + s + "数量", description: "较上年新增的" + s + "数量", value: value, basis: basis)
            }
        case .quality:
            let value = rng.chance(30) ? "=100%" : "≥" + String(rng.int(in: 90...99)) + "%"
            let basis = rng.pick(SyntheticVocabulary.recordBases)
            switch rng.int(below: 3) {
            case 0: return Cell(name: s + "审核准确率", description: "经审核认定准确的" + s + "比率", value: value, basis: basis)
            case 1: return Cell(name: s + "工作达标率", description: "考核达标的" + s + "相关工作比率", value: value, basis: basis)
            default: return Cell(name: s + "资料完整率", description: s + "台账资料完整规范的比率", value: value, basis: basis)
            }
        case .timeliness:
            let basis = rng.pick(SyntheticVocabulary.plannedBases)
            switch rng.int(below: 3) {
            case 0:
                let month = rng.int(in: 3...12)
                return Cell(name: s + "工作完成时间", description: "年度" + s + "相关工作全部完成的时限",
                            value: "\(fiscalYear)年\(month)月\(monthEnds[month - 1])日前完成", basis: basis)
            case 1:
                return Cell(name: s + "资金拨付及时性", description: "资金按计划拨付到位", value: "按时完成", basis: basis)
            default:
                return Cell(name: s + "督导检查频次", description: "对" + s + "相关工作开展督导检查的频次",
                            value: rng.chance(50) ? "每季度1次" : "每月不少于2次", basis: basis)
            }
        case .cost:
            let basis = rng.pick(SyntheticVocabulary.costBases)
            if rng.chance(50) {
                return Cell(name: s + "单位成本", description: "每" + u + s + "平均支出",
                            value: "≤" + String(rng.int(in: 20...5000)) + "元/" + u, basis: basis)
            }
            return Cell(name: s + "月均支出", description: "本项目月均支出",
                        value: "≤" + String(rng.int(in: 500...90000)) + "元/月", basis: basis)
        case .economic:
            if rng.chance(15) {
                return Cell(name: s + "管理效益", description: "项目实施后" + s + "管理水平", value: "有所提升", basis: "历史标准")
            }
            return Cell(name: "带动节约资金", description: "通过规范" + s + "管理节约的资金",
                        value: "≥" + String(rng.int(in: 1...50)) + "万元", basis: "历史标准")
        case .social:
            switch rng.int(below: 3) {
            case 0:
                return Cell(name: s + "惠及比例", description: "受益" + s + "占应受益总数的比率",
                            value: "≥" + String(rng.int(in: 85...99)) + "%", basis: rng.pick(SyntheticVocabulary.recordBases))
            case 1:
                return Cell(name: "政策知晓率", description: "抽样居民对相关政策的知晓比率",
                            value: "≥" + String(rng.int(in: 80...95)) + "%", basis: rng.pick(SyntheticVocabulary.surveyBases))
            default:
                return Cell(name: "群众基本权益保障", description: "相关群众基本权益得到保障", value: "有效保障", basis: "工作记录")
            }
        case .ecological:
            if rng.chance(50) {
                return Cell(name: "环境污染事件", description: "项目实施中发生的环境污染事件", value: "=0起", basis: "历史标准")
            }
            return Cell(name: s + "绿色节能率", description: "采用节能设备或方式的比率",
                        value: "≥" + String(rng.int(in: 60...95)) + "%", basis: "行业标准")
        case .sustainable:
            if rng.chance(50) {
                return Cell(name: s + "长效机制运行", description: "长效管理机制持续运行", value: "持续有效运行", basis: "工作记录")
            }
            return Cell(name: s + "服务持续覆盖率", description: "年末仍纳入服务的" + s + "比率",
                        value: "≥" + String(rng.int(in: 85...99)) + "%", basis: "历史标准")
        case .satisfaction:
            let value = "≥" + String(rng.int(in: 85...98)) + "%"
            let basis = rng.pick(SyntheticVocabulary.surveyBases)
            if rng.chance(50) {
                return Cell(name: s + "满意度", description: s + "对项目实施的满意程度", value: value, basis: basis)
            }
            return Cell(name: "居民满意度", description: "辖区居民对项目实施的满意程度", value: value, basis: basis)
        }
    }
}

private func zeroPadded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}
