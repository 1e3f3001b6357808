/// An indicator framework (指标体系) as data: the level-1 indicators (一级指标) in order, each
/// with its level-2 indicators (二级指标) in order.
///
/// Two editions are in use: every sample document follows the
/// legacy one; the 2021 guidance (财预〔2021〕101号) moves 成本指标 to level 1.
public struct IndicatorFramework: Sendable, Hashable {
    /// One level-1 indicator and the level-2 indicators under it.
    public struct Level1: Sendable, Hashable {
        /// e.g. `产出指标`.
        public var name: String
        /// The level-2 names a new project's template lists, in order.
        public var level2: [String]
        /// Further level-2 names accepted under this level 1 but not put in templates, because
        /// the guidance is uncertain about them (可持续影响指标 under the 2021 edition).
        public var alsoAccepted: [String]

        public init(name: String, level2: [String], alsoAccepted: [String] = []) {
            self.name = name
            self.level2 = level2
            self.alsoAccepted = alsoAccepted
        }

        /// Every level-2 name accepted under this level 1.
        public var acceptedLevel2: [String] { level2 + alsoAccepted }
    }

    public var edition: FrameworkEdition
    public var levels: [Level1]

    public init(edition: FrameworkEdition, levels: [Level1]) {
        self.edition = edition
        self.levels = levels
    }

    // MARK: The two editions

    public static let output = "产出指标"
    public static let effect = "效益指标"
    public static let satisfaction = "满意度指标"
    public static let cost = "成本指标"
    public static let timeliness = "时效指标"
    public static let serviceSatisfaction = "服务对象满意度指标"

    /// 产出 (数量, 质量, 时效, 成本) / 效益 (经济, 社会, 生态, 可持续影响) / 满意度 (服务对象).
    public static let legacy = IndicatorFramework(edition: .legacy, levels: [
        Level1(name: output, level2: ["数量指标", "质量指标", timeliness, cost]),
        Level1(name: effect, level2: ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        Level1(name: satisfaction, level2: [serviceSatisfaction]),
    ])

    /// 产出 (数量, 质量, 时效) / 成本 (经济, 社会, 生态环境) / 效益 (经济, 社会, 生态; 可持续影响
    /// accepted) / 满意度 (服务对象). Marked unverified in domain.md.
    public static let guidance2021 = IndicatorFramework(edition: .guidance2021, levels: [
        Level1(name: output, level2: ["数量指标", "质量指标", timeliness]),
        Level1(name: cost, level2: ["经济成本指标", "社会成本指标", "生态环境成本指标"]),
        Level1(name: effect, level2: ["经济效益指标", "社会效益指标", "生态效益指标"],
               alsoAccepted: ["可持续影响指标"]),
        Level1(name: satisfaction, level2: [serviceSatisfaction]),
    ])

    /// The framework of an edition.
    public static func of(_ edition: FrameworkEdition) -> IndicatorFramework {
        switch edition {
        case .legacy: legacy
        case .guidance2021: guidance2021
        }
    }

    /// Level-1 names written in real documents for a standard one: `效果指标` for `效益指标`.
    public static let level1Aliases: [String: String] = ["效果指标": effect]

    /// The standard bases (指标值确定依据) of the national lists; free text is accepted too.
    public static let standardBases: [String] = ["计划标准", "行业标准", "历史标准", "预算支出标准", "其他标准"]

    // MARK: Questions

    /// The standard level-1 name for `name`: trimmed, with an alias resolved; `nil` when it is no
    /// level 1 of this framework.
    public func canonicalLevel1(_ name: String) -> String? {
        let trimmed = IndicatorFramework.trimmed(name)
        let resolved = IndicatorFramework.alias(trimmed) ?? trimmed
        return levels.contains(where: { $0.name == resolved }) ? resolved : nil
    }

    /// Whether `name` is an alias (`效果指标`) rather than the standard spelling.
    public static func isAlias(_ name: String) -> Bool {
        alias(trimmed(name)) != nil
    }

    /// The standard name `trimmed` is an alias of. The table is tiny: comparing is cheaper than
    /// hashing a CJK string (which normalises it first) for every row.
    private static func alias(_ trimmed: String) -> String? {
        level1Aliases.first(where: { $0.key == trimmed })?.value
    }

    /// The level-1 entry for `name` (aliases resolved).
    public func level1(named name: String) -> Level1? {
        guard let canonical = canonicalLevel1(name) else { return nil }
        return levels.first { $0.name == canonical }
    }

    /// Whether `level2` is accepted under `level1` (aliases resolved, white space trimmed).
    public func contains(level2: String, under level1: String) -> Bool {
        guard let entry = self.level1(named: level1) else { return false }
        return entry.acceptedLevel2.contains(IndicatorFramework.trimmed(level2))
    }

    /// The level-1 names under which `level2` is accepted, in framework order.
    public func level1Names(containing level2: String) -> [String] {
        let trimmed = IndicatorFramework.trimmed(level2)
        return levels.filter { $0.acceptedLevel2.contains(trimmed) }.map(\.name)
    }

    /// Every level-2 name of the framework, in order, without repeats.
    public var allLevel2: [String] {
        var seen = Set<String>()
        return levels.flatMap(\.acceptedLevel2).filter { seen.insert($0).inserted }
    }

    /// The rows a new project starts with: one per template level 2, in framework order, with
    /// level 1 and level 2 filled and everything else blank.
    public func templateRows(makeID: () -> String = { StableID.make(prefix: "r") }) -> [IndicatorRow] {
        levels.flatMap { level1 in
            level1.level2.map { IndicatorRow(id: makeID(), level1: level1.name, level2: $0) }
        }
    }

    // MARK: Row roles used by the checks

    /// A cost indicator: level 1 `成本指标` (2021) or level 2 `成本指标` / `…成本指标` (legacy, and
    /// rows written the other way round). Both editions are recognised so that a row filed
    /// under the wrong edition still counts for coverage; check `framework.level2` reports it.
    public static func isCost(_ row: IndicatorRow) -> Bool {
        isCost(level1: trimmed(row.level1), level2: trimmed(row.level2))
    }

    /// `isCost` for level 1 and level 2 already trimmed.
    static func isCost(level1: String, level2: String) -> Bool {
        level1 == cost || PlainText.hasSuffix(level2, cost)
    }

    /// A satisfaction indicator: level 1 `满意度指标` or level 2 `服务对象满意度指标`.
    public static func isSatisfaction(_ row: IndicatorRow) -> Bool {
        isSatisfaction(level1: trimmed(row.level1), level2: trimmed(row.level2))
    }

    /// `isSatisfaction` for level 1 and level 2 already trimmed.
    static func isSatisfaction(level1: String, level2: String) -> Bool {
        level1 == satisfaction || level2 == serviceSatisfaction
    }

    /// A timeliness indicator: level 2 `时效指标`.
    public static func isTimeliness(_ row: IndicatorRow) -> Bool {
        trimmed(row.level2) == timeliness
    }

    static func trimmed(_ text: String) -> String {
        // Called several times per row by the checks: no copy when there is nothing to trim
        // (the usual case, told by the edge scalars' bytes), and never a character-by-character
        // rebuild.
        if PlainText.hasNoEdgeWhitespace(text) { return text }
        guard let first = text.firstIndex(where: { !$0.isWhitespace }) else { return "" }
        let last = text.lastIndex(where: { !$0.isWhitespace })!
        if first == text.startIndex, text.index(after: last) == text.endIndex { return text }
        return String(text[first...last])
    }
}
