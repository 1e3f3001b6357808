/// Group 12 of the domain checks (department part) and the structural checks that need
/// more than one project (duplicate project codes).
enum DepartmentChecks {
    static func run(_ document: DepartmentDocument, into collector: inout FindingCollector) {
        if document.unitCode.isBlank {
            collector.add(.departmentUnitCode, .field("unitCode"), zh: "单位编码为空。", en: "The unit code is blank.")
        }
        if document.unitName.isBlank {
            collector.add(.departmentUnitName, .field("unitName"), zh: "单位名称为空。", en: "The unit name is blank.")
        }
        checkList(document.overallGoals, field: "overallGoals", rule: .departmentOverallGoals,
                  zh: "总体绩效目标", en: "the overall goals (总体绩效目标)", into: &collector)
        if document.subGoals.isEmpty {
            collector.add(.departmentSubGoals, .field("subGoals"),
                          zh: "没有分项绩效目标。", en: "The department part has no sub-goals (分项绩效目标).")
        }
        for (index, subGoal) in document.subGoals.enumerated() {
            let base = CellPath.field("subGoals").item(subGoal.id)
            let parts: [(String, String, String, String)] = [
                ("title", subGoal.title, "标题", "title"),
                ("goal", subGoal.goal, "绩效目标", "goal (绩效目标)"),
                ("indicatorText", subGoal.indicatorText, "绩效指标", "indicator text (绩效指标)"),
            ]
            for (field, text, zh, en) in parts where text.isBlank {
                collector.add(.departmentSubGoal, base.field(field),
                              zh: "第\(index + 1)个分项绩效目标的\(zh)为空。",
                              en: "Sub-goal \(index + 1) has a blank \(en).")
            }
        }
        checkList(document.safeguards, field: "safeguards", rule: .departmentSafeguards,
                  zh: "工作保障措施", en: "the safeguard measures (工作保障措施)", into: &collector)
        checkDuplicateCodes(document.projects, into: &collector)
    }

    /// An empty list is an error of `rule`; blank items of a filled list are warnings.
    private static func checkList(_ items: [TextItem], field: String, rule: Rule, zh: String, en: String,
                                  into collector: inout FindingCollector) {
        guard items.contains(where: { !$0.text.isBlank }) else {
            collector.add(rule, .field(field), zh: "\(zh)为空。", en: "\(en.prefix(1).uppercased() + en.dropFirst()) are empty.")
            return
        }
        for (index, item) in items.enumerated() where item.text.isBlank {
            collector.add(.departmentBlankItem, CellPath.field(field).item(item.id).field("text"),
                          zh: "\(zh)第\(index + 1)条为空白。", en: "Item \(index + 1) of \(en) is blank.")
        }
    }

    private static func checkDuplicateCodes(_ projects: [Project], into collector: inout FindingCollector) {
        var first: [String: Project] = [:]
        for project in projects {
            let code = IndicatorFramework.trimmed(project.code)
            guard !code.isEmpty else { continue }
            if let earlier = first[code] {
                collector.add(.projectDuplicateCode, .project(project.id, "code"),
                              zh: "项目编码 \(code) 与项目“\(earlier.name)”重复。",
                              en: "Project code \(code) is also used by project “\(earlier.name)”.")
            } else {
                first[code] = project
            }
        }
    }
}
