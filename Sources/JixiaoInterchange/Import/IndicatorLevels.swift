/// The level-1 family of the level-2 indicators in both frameworks, used to fill a blank
/// level-1 cell when "same as above" would put a level 2 under the wrong level 1.
enum IndicatorLevels {
    static let knownLevel1: Set<String> = ["产出指标", "效益指标", "效果指标", "满意度指标", "成本指标"]

    static func family(ofLevel2 level2: String) -> String? {
        switch level2 {
        case "数量指标", "质量指标", "时效指标": "产出指标"
        case "成本指标": "产出指标"
        case "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标": "效益指标"
        case "服务对象满意度指标": "满意度指标"
        case "经济成本指标", "社会成本指标", "生态环境成本指标": "成本指标"
        default: nil
        }
    }

    /// `效果指标` is a name some documents use for 效益指标.
    static func sameFamily(_ level1: String, _ family: String) -> Bool {
        level1 == family || (family == "效益指标" && level1 == "效果指标")
    }
}
