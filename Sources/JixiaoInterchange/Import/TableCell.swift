/// One cell of a project table as the layout readers find it: its text and the line it starts on.
struct TableCell: Sendable, Equatable {
    var text: String
    var line: Int
    /// Cells of the tabbed layout between two blank lines share a group: usually one table row.
    var group: Int

    var isEmpty: Bool { text.trimmedLayout.isEmpty }
}

/// One row of the indicator grid before blanks are filled: six cells and the line it starts on.
struct RawIndicatorRow: Sendable, Equatable {
    var cells: [String]
    var line: Int
}

/// The labels of a project table, compared by `labelKey`.
enum TableLabel: Equatable {
    case code, name, budgetBlock, budget, fiscal, other, purpose, plan, checkpoint, goals, gridHeader
    /// The second line of a label that wrapped in PDF text (`预算规模及资金` / `用途`).
    case labelRemainder

    static func of(_ text: String) -> TableLabel? {
        let key = text.labelKey
        switch key {
        case "项目编码", "项目代码": return .code
        case "项目名称": return .name
        case "资金用途", "项目资金用途": return .purpose
        case "绩效目标", "年度绩效目标", "项目绩效目标", "年度目标": return .goals
        case "其他资金", "其他资金（万元）", "其他资金（元）": return .other
        case "用途", "及资金用途": return .labelRemainder
        default: break
        }
        if gridHeaderLabels.contains(key) { return .gridHeader }
        if key.hasPrefix("预算规模") { return .budgetBlock }
        if key.hasPrefix("预算数") || key.hasPrefix("年度预算数") || key == "预算金额" { return .budget }
        if key.hasPrefix("其中：财政") || key == "财政资金" || key == "财政拨款" { return .fiscal }
        if key.hasPrefix("资金支出计划") || key.hasPrefix("支出计划") || key.hasPrefix("资金支出进度") { return .plan }
        if isCheckpoint(key) { return .checkpoint }
        return nil
    }

    /// `3月底`, `6月末`, `10月`.
    static func isCheckpoint(_ key: String) -> Bool {
        let digits = key.prefix { $0.isASCIIDigit }
        guard !digits.isEmpty, digits.count <= 2 else { return false }
        let rest = key.dropFirst(digits.count)
        return rest == "月底" || rest == "月末" || rest == "月"
    }

    static let gridHeaderLabels: Set<String> = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标描述", "指标值",
                                                "指标值确定依据", "指标值设定依据", "指标值确定方式"]

    /// Labels that may share a line with their value in PDF text (`项目编码 1303…`).
    static let splittable: [String] = ["项目编码", "项目名称", "预算规模及资金用途", "预算数", "其中：财政资金", "其他资金",
                                       "3月底", "6月底", "10月底", "12月底", "绩效目标"]
}
