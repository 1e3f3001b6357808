import JixiaoModel

extension ProjectHeaderForm {
    /// Rows the summary takes when the grid has the focus.
    static let summaryHeight = 2
    static let labelWidth = 10

    /// The budget check in words: blank, matching, or the two sides when they differ.
    static func budgetCheck(_ project: Project) -> (text: ProjectText, ok: Bool) {
        guard let budget = project.budget else { return (.budgetBlank, false) }
        let total = project.fundsTotal
        if total == budget { return (.budgetMatches, true) }
        return (.budgetMismatch(total: total.description, budget: budget.description), false)
    }

    /// The cumulative share of the budget at a checkpoint, 0…1, for the bar chart.
    static func share(_ project: Project, _ checkpoint: SpendingPlan.Checkpoint) -> Double? {
        guard let value = project.spendingPlan[checkpoint] else { return nil }
        switch project.spendingPlan.mode {
        case .percent: return value.approximateDouble / 100
        case .amount:
            guard let budget = project.budget, !budget.isZero else { return nil }
            return value.approximateDouble / budget.approximateDouble
        }
    }

    static let eighths: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The four checkpoints as block characters of rising height (blank: `·`).
    static func sparkline(_ project: Project) -> String {
        String(SpendingPlan.Checkpoint.allCases.map { c -> Character in
            guard let share = share(project, c) else { return "·" }
            let level = Int((min(1, max(0, share)) * 8).rounded(.up))
            return level == 0 ? "_" : eighths[min(7, level - 1)]
        })
    }

    /// A horizontal bar `width` cells long for a share 0…1.
    static func bar(_ share: Double?, width: Int) -> String {
        guard let share, width > 0 else { return "" }
        let filled = Int((min(1, max(0, share)) * Double(width)).rounded())
        return String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    }

    /// The summary: code and name, then budget check, plan and counts.
    func renderSummary(_ project: Project, findings: FindingCounts, into buffer: inout Buffer, area: Rect,
                       context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        guard area.height >= 1 else { return }
        let first = "\(strings[.project(.fieldCode)]) \(project.code.isEmpty ? "—" : project.code)  "
            + "\(strings[.project(.fieldName)]) \(project.name.isEmpty ? "—" : project.name)"
        buffer.write(" " + first, x: area.x, y: area.y, width: area.width, style: theme[.header])
        guard area.height >= 2 else { return }
        let check = Self.budgetCheck(project)
        let short: ProjectText
        switch check.text {
        case .budgetMismatch: short = .budgetShortMismatch(total: project.fundsTotal.description)
        case .budgetMatches: short = .budgetShortMatches
        default: short = check.text
        }
        let budget = project.budget?.description ?? "—"
        let mode = project.spendingPlan.mode == .percent ? "%" : ""
        let plan = project.spendingPlan.values.map { $0.map { $0.description + mode } ?? "—" }.joined(separator: "/")
        var x = area.x + buffer.write(" \(strings[.project(.fieldBudget)]) \(budget) ", x: area.x, y: area.y + 1,
                                      maxWidth: area.width, style: theme[.text])
        x += buffer.write(strings[.project(short)], x: x, y: area.y + 1, maxWidth: max(0, area.maxX - x),
                          style: check.ok ? theme[.dim] : theme[.error])
        let rest = "  \(strings[.project(.findingCounts(findings))])  \(strings[.project(.fieldPlan)]) "
            + "\(Self.sparkline(project)) \(plan)  \(strings[.project(.summaryGoals(project.goals.count))])"
        // Clipped with an ellipsis, so a cut-off plan never reads as a complete one.
        let room = max(0, area.maxX - x)
        buffer.write(context.metrics.clip(rest, to: room), x: x, y: area.y + 1, maxWidth: room, style: theme[.text])
    }

    /// The form: one field per line, the selected one highlighted (or being edited). Goals, and
    /// paragraphs when there are several, carry their number, a new one too while it is typed.
    func renderForm(_ project: Project, into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let fields = fields(in: project)
        let selected = min(selection, fields.count - 1)
        let commented = context.session?.document.commentedCells ?? []
        let top = IndicatorGrid.scroll(top: scroll, cursor: selected, visible: max(1, area.height), count: fields.count)
        let valueX = area.x + Self.labelWidth + 2
        let valueWidth = max(1, min(area.maxX - valueX - 1, 60))
        let numbersParagraphs = fields.filter { if case .purpose = $0 { true } else if case .newParagraph = $0 { true } else { false } }.count > 1
        var goalNumber = 0
        var paragraphNumber = 0
        for (i, field) in fields.enumerated() {
            var number = ""
            switch field {
            case .goal:
                goalNumber += 1
                // The "new goal" line of an empty list is numbered only once it is typed into.
                if !(field == .goal(nil) && adding == nil && (editor == nil || i != selected)) { number = "\(goalNumber). " }
            case .purpose, .newParagraph:
                paragraphNumber += 1
                if numbersParagraphs { number = "\(paragraphNumber). " }
            default: break
            }
            guard i >= top, i < top + area.height else { continue }
            let y = area.y + i - top
            let label: String
            switch field {
            case .code: label = strings[.project(.fieldCode)]
            case .name: label = strings[.project(.fieldName)]
            case .budget: label = strings[.project(.fieldBudget)]
            case .fiscalFunds: label = " " + strings[.project(.fieldFiscal)]
            case .otherFunds: label = " " + strings[.project(.fieldOther)]
            case .purpose, .newParagraph: label = paragraphNumber == 1 ? strings[.project(.fieldPurpose)] : ""
            case .planMode: label = strings[.project(.fieldPlan)]
            case .checkpoint(let c): label = "  " + (strings.language == .english ? "end " + c.rawValue.prefix(3) : c.chineseName)
            case .goal: label = goalNumber == 1 ? strings[.project(.fieldGoals)] : ""
            }
            buffer.write(" " + label, x: area.x, y: y, width: Self.labelWidth + 1, style: theme[.header])
            if let path = path(of: field), commented.contains(path) {
                buffer.write(CommentText.marker, x: area.x, y: y, style: theme[.comment])
            }
            var shown: String
            switch field {
            case .planMode:
                shown = (project.spendingPlan.mode == .percent ? strings[.project(.planPercent)] : strings[.project(.planAmount)])
                    + " " + strings[.project(.planModeHint)]
            case .goal(nil):
                shown = strings[.project(.newItem)]
            default:
                shown = Self.text(of: field, in: project)
            }
            let isSelected = i == selected
            var valueWidth = valueWidth
            switch field {
            case .checkpoint: valueWidth = min(valueWidth, 10)
            case .budget, .fiscalFunds, .otherFunds: valueWidth = min(valueWidth, 16)
            default: break
            }
            var x = valueX
            if !number.isEmpty {
                x += buffer.write(number, x: x, y: y, maxWidth: valueWidth, style: isSelected ? theme[.selected] : theme[.text])
                valueWidth = max(1, valueWidth - (x - valueX))
            }
            if isSelected, let editor {
                var field = editor
                field.keepCursorVisible(width: valueWidth)
                let visible = field.visible(width: valueWidth)
                buffer.write(visible.text, x: x, y: y, maxWidth: valueWidth, style: theme[.input])
                buffer.cursor = Buffer.Position(x: x + visible.cursorX, y: y)
            } else {
                buffer.write(shown, x: x, y: y, width: valueWidth, style: isSelected ? theme[.selected] : theme[.text])
            }
            // Live notes to the right of some fields.
            let noteX = valueX + valueWidth + 1
            let noteWidth = area.maxX - noteX
            switch field {
            case .budget:
                let check = Self.budgetCheck(project)
                buffer.write(strings[.project(check.text)], x: noteX, y: y, maxWidth: max(0, noteWidth),
                             style: check.ok ? theme[.dim] : theme[.error])
            case .checkpoint(let c):
                let barX = valueX + 12
                let barWidth = max(0, min(20, area.maxX - barX - 6))
                if editor == nil || !isSelected, barWidth > 0 {
                    let share = Self.share(project, c)
                    let text = Self.bar(share, width: barWidth) + (share.map { " \(Int(($0 * 100).rounded()))%" } ?? "")
                    buffer.write(text, x: barX, y: y, maxWidth: area.maxX - barX, style: theme[.dim])
                }
            default:
                break
            }
        }
    }

    /// Keeps the scroll position near the selection for a form `height` rows high.
    mutating func scrollToSelection(height: Int, fieldCount: Int) {
        scroll = IndicatorGrid.scroll(top: scroll, cursor: min(selection, fieldCount - 1), visible: max(1, height),
                                      count: fieldCount)
    }
}
