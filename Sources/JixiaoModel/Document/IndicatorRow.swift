/// One row of a project's indicator grid (绩效指标).
///
/// Every row stores its own level 1 and level 2 even where the printed table leaves them blank
/// on continuation rows; the grid draws repeats as a group.
public struct IndicatorRow: Sendable, Hashable, Identifiable {
    public var id: String
    /// 一级指标, e.g. `产出指标`.
    public var level1: String
    /// 二级指标, e.g. `数量指标`.
    public var level2: String
    /// 三级指标: the indicator's name.
    public var name: String
    /// 绩效指标描述.
    public var description: String
    /// 指标值, exactly as the user wrote it; `TargetValue` reads meaning out of it.
    public var value: String
    /// 指标值确定依据, e.g. `计划标准` or free text such as `工作记录`.
    public var basis: String

    public init(id: String = StableID.make(prefix: "r"), level1: String = "", level2: String = "",
                name: String = "", description: String = "", value: String = "", basis: String = "") {
        self.id = id
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.description = description
        self.value = value
        self.basis = basis
    }

    /// The six columns, in table order.
    public enum Column: String, Sendable, Hashable, CaseIterable {
        case level1, level2, name, description, value, basis

        public var chineseName: String {
            switch self {
            case .level1: "一级指标"
            case .level2: "二级指标"
            case .name: "三级指标"
            case .description: "绩效指标描述"
            case .value: "指标值"
            case .basis: "指标值确定依据"
            }
        }

        public var englishName: String {
            switch self {
            case .level1: "Level 1"
            case .level2: "Level 2"
            case .name: "Indicator"
            case .description: "Description"
            case .value: "Target value"
            case .basis: "Basis"
            }
        }
    }

    public subscript(column: Column) -> String {
        get {
            switch column {
            case .level1: level1
            case .level2: level2
            case .name: name
            case .description: description
            case .value: value
            case .basis: basis
            }
        }
        set {
            switch column {
            case .level1: level1 = newValue
            case .level2: level2 = newValue
            case .name: name = newValue
            case .description: description = newValue
            case .value: value = newValue
            case .basis: basis = newValue
            }
        }
    }
}
