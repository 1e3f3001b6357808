import JixiaoModel

/// Reads the top of a project table (unit, codes, budget, spending plan, goals) from its cells,
/// driven by the printed labels, so the same reader serves the tabbed and the PDF layouts.
struct ProjectTableParser {
    /// What the top of one table holds.
    struct Header: Sendable {
        var unitCode: String?
        var unitName: String?
        var unitLine: Int?
        var moneyUnit: MoneyUnit?
        var moneyUnitLine: Int?
        var code: String?
        var nameParts: [String] = []
        var budget: Amount?
        var fiscal: Amount?
        var other: Amount?
        var purposeParts: [String] = []
        var planHint: SpendingPlan.Mode?
        var planValues: [(text: String, line: Int)] = []
        var goalParts: [String] = []
        var sawBudget = false
        var sawPlan = false
        var sawGoals = false
    }

    private enum Mode { case start, code, name, budget, fiscal, other, purpose, plan, goals, none }

    let layout: SourceLayout
    var notices: [ImportReport.Notice] = []

    init(layout: SourceLayout) { self.layout = layout }

    mutating func readHeader(_ cells: [TableCell]) -> Header {
        var header = Header()
        var mode = Mode.start
        for cell in cells {
            let text = cell.text.trimmedLayout
            if let label = TableLabel.of(text) {
                switch label {
                case .code: mode = .code
                case .name: mode = .name
                case .budgetBlock: mode = .none; header.sawBudget = true
                case .budget: mode = .budget; header.sawBudget = true
                case .fiscal: mode = .fiscal
                case .other: mode = .other
                case .purpose: mode = .purpose
                case .plan:
                    mode = .plan
                    header.sawPlan = true
                    header.planHint = Self.planHint(text) ?? header.planHint
                case .checkpoint where mode == .plan: break
                case .checkpoint: notUnderstood(cell, "支出计划时点出现在支出计划之外", "a spending-plan checkpoint outside the plan")
                case .goals: mode = .goals; header.sawGoals = true
                case .gridHeader, .labelRemainder: break
                }
                continue
            }
            if text.isEmpty {
                // An empty value cell: a blank amount, or the merged label cell before the purpose.
                switch mode {
                case .budget: mode = .none
                case .fiscal: mode = .none
                case .other: mode = .purpose
                default: break
                }
                continue
            }
            if header.unitCode == nil, mode == .start || mode == .none, let unit = Self.unit(text) {
                header.unitCode = unit.code
                header.unitName = unit.name
                header.unitLine = cell.line
                if let money = Self.moneyUnit(text) { header.moneyUnit = money; header.moneyUnitLine = cell.line }
                continue
            }
            if let money = Self.moneyUnit(text), mode == .start || mode == .none {
                header.moneyUnit = money
                header.moneyUnitLine = cell.line
                continue
            }
            switch mode {
            case .code:
                header.code = text
                mode = .none
            case .name:
                header.nameParts.append(text)
            case .budget, .fiscal, .other:
                guard let amount = Self.amount(text) else {
                    if mode == .other {
                        // The other-funds cell was left out; this is already the purpose.
                        header.purposeParts.append(text)
                        mode = .purpose
                    } else {
                        notUnderstood(cell, "金额无法识别：\(text)", "amount not understood: \(text)")
                        mode = .none
                    }
                    continue
                }
                switch mode {
                case .budget: header.budget = amount; mode = .none
                case .fiscal: header.fiscal = amount; mode = .none
                default: header.other = amount; mode = .purpose
                }
            case .purpose:
                header.purposeParts.append(text)
            case .plan:
                if Self.planFigure(text) != nil {
                    if header.planValues.count < 4 {
                        header.planValues.append((text, cell.line))
                    } else {
                        notUnderstood(cell, "支出计划多出一个数：\(text)", "a fifth spending-plan figure: \(text)")
                    }
                } else if let hint = Self.planHint(text) {
                    header.planHint = hint
                } else {
                    notUnderstood(cell, "支出计划中的内容无法识别：\(text)", "not understood in the spending plan: \(text)")
                }
            case .goals:
                header.goalParts.append(contentsOf: text.split(separator: "\n").map { String($0).trimmedLayout })
            case .start, .none:
                if header.sawBudget && header.purposeParts.isEmpty && !header.sawPlan {
                    // Purpose text after a blank other-funds cell that the layout dropped.
                    header.purposeParts.append(text)
                    mode = .purpose
                } else {
                    notUnderstood(cell, "表格中的内容无法归入任何栏目：\(text)", "table text that fits no field: \(text)")
                }
            }
        }
        return header
    }

    private mutating func notUnderstood(_ cell: TableCell, _ chinese: String, _ english: String) {
        notices.append(.init(line: cell.line, kind: .notUnderstood, chinese: chinese, english: english))
    }

    /// `441001秦皇岛市北戴河区西山街道办事处（本级）`: a code of letters and digits, then the name.
    static func unit(_ text: String) -> (code: String, name: String)? {
        var firstPart = text
        if let range = text.range(of: "单位：") ?? text.range(of: "单位:") {
            firstPart = String(text[..<range.lowerBound])
        }
        let code = firstPart.prefix { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
        guard code.count >= 5, code.contains(where: \.isASCIIDigit) else { return nil }
        let name = firstPart.dropFirst(code.count).trimmedLayout
        // `2024年…` is a date, not a unit.
        guard let first = name.first, !first.isASCII, !"年月日号".contains(first) else { return nil }
        return (String(code), name)
    }

    /// `单位：万元` / `单位：元` / `金额单位：万元`.
    static func moneyUnit(_ text: String) -> MoneyUnit? {
        let key = text.labelKey
        guard let range = key.range(of: "单位：") else { return nil }
        let rest = key[range.upperBound...]
        if rest.hasPrefix("万元") { return .tenThousandYuan }
        if rest.hasPrefix("元") { return .yuan }
        return nil
    }

    /// An amount cell: digits as typed, possibly with a trailing money unit.
    static func amount(_ text: String) -> Amount? {
        var t = text.removingWhitespace
        for suffix in ["万元", "元"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
        return Amount(typed: t)
    }

    /// A spending-plan figure: `25.00%`, `25％`, `32.74`.
    static func planFigure(_ text: String) -> (amount: Amount, isPercent: Bool)? {
        var t = text.removingWhitespace
        var percent = false
        if t.hasSuffix("%") || t.hasSuffix("％") { t.removeLast(); percent = true }
        for suffix in ["万元", "元"] where t.hasSuffix(suffix) { t.removeLast(suffix.count) }
        guard let amount = Amount(typed: t) else { return nil }
        return (amount, percent)
    }

    /// What a plan label says about its figures: `资金支出计划（%）`, `累计支出资金`.
    static func planHint(_ text: String) -> SpendingPlan.Mode? {
        let key = text.labelKey
        if key.contains("%") || key.contains("百分比") || key.contains("比例") { return .percent }
        if key.contains("累计支出资金") || key.contains("金额") || key.contains("万元") || key.contains("（元）") { return .amount }
        return nil
    }

    /// The four cumulative figures and whether they are percentages or amounts.
    mutating func spendingPlan(_ header: Header, tableLine: Int) -> SpendingPlan {
        let figures = header.planValues.compactMap { Self.planFigure($0.text) }
        let anyPercent = figures.contains { $0.isPercent }
        let mode: SpendingPlan.Mode
        if header.planHint == .amount && !anyPercent {
            mode = .amount
        } else if header.planHint == .percent || anyPercent {
            mode = .percent
        } else {
            mode = figures.isEmpty ? .percent : .amount
        }
        if header.planHint == .amount && anyPercent || header.planHint == .percent && !figures.isEmpty && !anyPercent {
            notices.append(.init(line: header.planValues.first?.line ?? tableLine, kind: .warning,
                                 chinese: "支出计划的表头与数值的口径不一致，按\(mode == .percent ? "百分比" : "金额")读取",
                                 english: "the spending plan's header and figures disagree; read as \(mode == .percent ? "percentages" : "amounts")"))
        }
        if header.sawPlan && figures.count < 4 {
            notices.append(.init(line: header.planValues.last?.line ?? tableLine, kind: .warning,
                                 chinese: "支出计划只有 \(figures.count) 个数，缺少的按空白处理",
                                 english: "the spending plan has \(figures.count) of 4 figures; the rest are left blank"))
        }
        var plan = SpendingPlan(mode: mode)
        for (checkpoint, figure) in zip(SpendingPlan.Checkpoint.allCases, figures) { plan[checkpoint] = figure.amount }
        return plan
    }

    /// The numbered goals: a piece starting with the next number begins a new goal, other pieces
    /// continue the goal before (a line break inside a cell, or a wrapped line of PDF text).
    func goals(_ parts: [String]) -> [TextItem] {
        var items: [String] = []
        for part in parts where !part.isEmpty {
            if let number = Numbering.arabic(part), number == items.count + 1, let (_, rest) = Numbering.split(part) {
                items.append(rest)
            } else if items.isEmpty {
                items.append(part)
            } else if layout == .pdfText {
                items[items.count - 1] = TextJoin.wrapped([items[items.count - 1], part])
            } else {
                items[items.count - 1] += "\n" + part
            }
        }
        return items.map { TextItem(text: $0) }
    }

    func joined(_ parts: [String]) -> String {
        layout == .pdfText ? TextJoin.wrapped(parts) : parts.joined(separator: "\n")
    }
}
