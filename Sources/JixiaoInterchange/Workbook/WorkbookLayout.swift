import JixiaoModel

/// The labels and positions the workbook's sheets share between export and import.
enum WorkbookLayout {
    static let departmentSheet = "部门"
    static let indicatorSheet = "指标"

    /// Department sheet labels (column A), value in column B.
    enum Label {
        static let unitCode = "单位编码"
        static let unitName = "单位名称"
        static let fiscalYear = "预算年度"
        static let moneyUnit = "金额单位"
        static let framework = "指标体系"
        static let overallGoal = "总体绩效目标"
        static let subGoal = "分项绩效目标"
        static let duty = "主要职责"
        static let goal = "绩效目标"
        static let indicatorText = "绩效指标"
        static let standard = "绩效标准"
        static let safeguard = "工作保障措施"
    }

    static func frameworkName(_ framework: FrameworkEdition) -> String {
        switch framework {
        case .legacy: "产出、效益、满意度指标"
        case .guidance2021: "2021年指引（成本指标为一级指标）"
        }
    }

    static func framework(named name: String) -> FrameworkEdition? {
        FrameworkEdition.allCases.first { frameworkName($0) == name || $0.rawValue == name }
    }

    /// The flat sheet's columns.
    static let indicatorColumns = ["单位编码", "项目编码", "项目名称"] + IndicatorRow.Column.allCases.map(\.chineseName)
        + ["运算符", "数值", "计量单位"]

    /// Project sheet column widths (A–G) in digit widths: a CJK character takes two.
    static let projectColumnWidths: [Double] = [12, 12, 16, 14, 14, 12, 22]

    /// A sheet name for a project: `1.春节慰问金`, made valid (≤ 31 UTF-16 units, none of `:\/?*[]`,
    /// no apostrophe at either end). The number keeps names unique and apart from 部门 and 指标.
    static func projectSheetName(_ project: Project, number: Int) -> String {
        var name = "\(number)."
        for ch in project.name {
            let replaced: Character = ":\\/?*[]：".contains(ch) || ch.isNewline ? "_" : ch
            guard name.utf16.count + String(replaced).utf16.count <= 31 else { break }
            name.append(replaced)
        }
        while name.hasSuffix("'") { name.removeLast() }
        return name
    }
}
