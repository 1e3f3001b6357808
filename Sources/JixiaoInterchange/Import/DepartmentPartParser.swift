import JixiaoModel

/// Reads part 1 (部门整体绩效目标): overall goals, sub-goals and safeguard measures.
///
/// Paragraph text is kept as written. A line is joined to the one before only when it plainly
/// continues it (text extracted from PDF breaks paragraphs at the page width): the line before
/// ends without sentence punctuation, no blank line lies between, and the line does not start
/// a new entry (a number such as `2.` or `（三）`, or a short lead phrase such as `加强执行管理。`).
struct DepartmentPartParser {
    var notices: [ImportReport.Notice] = []

    /// The paragraphs of a section, one `TextItem` each.
    func paragraphs(_ lines: [SourceLine]) -> [TextItem] {
        var items: [String] = []
        var previous: String?
        var blankSince = false
        for line in lines {
            let text = line.trimmed
            if text.isEmpty { blankSince = true; continue }
            if let last = previous, !blankSince, !(last.last?.endsSentence ?? true), !Self.startsEntry(text), !items.isEmpty {
                items[items.count - 1] = TextJoin.wrapped([items[items.count - 1], text])
            } else {
                items.append(text)
            }
            previous = text
            blankSince = false
        }
        return items.map { TextItem(text: $0) }
    }

    /// Whether a line starts a new list entry rather than continuing a wrapped one.
    static func startsEntry(_ text: String) -> Bool {
        if Numbering.split(text) != nil { return true }
        if labelPrefix(text) != nil { return true }
        // A lead phrase: up to 15 characters closed by 。 and followed by more text.
        if let stop = text.firstIndex(of: "。"), text.distance(from: text.startIndex, to: stop) <= 15,
           text.index(after: stop) < text.endIndex, !text[..<stop].contains("，") {
            return true
        }
        return false
    }

    enum SubGoalField { case goal, indicator, duty, standard }

    /// `绩效目标：…` and its kin at the start of a sub-goal's line.
    static func labelPrefix(_ text: String) -> (SubGoalField, String)? {
        let labels: [(String, SubGoalField)] = [
            ("绩效目标", .goal), ("绩效指标", .indicator), ("主要职责", .duty), ("职责目标", .duty),
            ("职责", .duty), ("绩效标准", .standard), ("评价标准", .standard),
        ]
        let compact = text.trimmedLayout
        for (label, field) in labels where compact.hasPrefix(label) {
            var rest = compact.dropFirst(label.count)
            while let first = rest.first, first == " " || first == "\u{3000}" { rest = rest.dropFirst() }
            guard let colon = rest.first, colon == "：" || colon == ":" else { continue }
            return (field, String(rest.dropFirst()).trimmedLayout)
        }
        return nil
    }

    /// Sub-goals: a numbered title line, then `绩效目标：` / `绩效指标：` (and in some
    /// documents `主要职责：`, `绩效标准：`) paragraphs; an unlabelled paragraph continues the
    /// field before it.
    mutating func subGoals(_ lines: [SourceLine]) -> [SubGoal] {
        var goals: [SubGoal] = []
        var field: SubGoalField?
        for line in lines {
            let text = line.trimmed
            if text.isEmpty { continue }
            if let (label, value) = Self.labelPrefix(text) {
                if goals.isEmpty {
                    goals.append(SubGoal(title: ""))
                    notices.append(.init(line: line.number, kind: .warning,
                                         chinese: "分项绩效目标缺少标题，已建立无标题的一项",
                                         english: "sub-goal without a title; imported with an empty title"))
                }
                Self.append(value, to: &goals[goals.count - 1], field: label)
                field = label
                continue
            }
            let hasBody = goals.last.map { !$0.goal.isEmpty || !$0.indicatorText.isEmpty } ?? true
            if Numbering.split(text) != nil && (hasBody || field == nil) {
                goals.append(SubGoal(title: text))
                field = nil
                continue
            }
            if let field, !goals.isEmpty {
                Self.append(text, to: &goals[goals.count - 1], field: field)
            } else if !goals.isEmpty, field == nil {
                // A title that runs over two lines.
                goals[goals.count - 1].title = TextJoin.wrapped([goals[goals.count - 1].title, text])
            } else {
                goals.append(SubGoal(title: text))
            }
        }
        return goals
    }

    private static func append(_ text: String, to goal: inout SubGoal, field: SubGoalField) {
        func joined(_ old: String) -> String { old.isEmpty ? text : old + "\n" + text }
        switch field {
        case .goal: goal.goal = joined(goal.goal)
        case .indicator: goal.indicatorText = joined(goal.indicatorText)
        case .duty: goal.duty = joined(goal.duty ?? "")
        case .standard: goal.standard = joined(goal.standard ?? "")
        }
    }
}
