/// The project-table checks: structural fields, budget (domain group 1) and spending plan
/// (group 2).
enum ProjectChecks {
    static func run(_ project: Project, context: ValidationContext, into collector: inout FindingCollector) {
        let id = project.id
        if project.code.isBlank {
            collector.add(.projectCode, .project(id, "code"), zh: "项目编码为空。", en: "The project code is blank.")
        }
        if project.name.isBlank {
            collector.add(.projectName, .project(id, "name"), zh: "项目名称为空。", en: "The project name is blank.")
        }
        checkBudget(project, into: &collector)
        if project.purpose.isBlank {
            collector.add(.projectPurpose, .project(id, "purpose"), zh: "资金用途为空。",
                          en: "The purpose of funds (资金用途) is blank.")
        }
        checkPlan(project, context: context, into: &collector)
        if !project.goals.contains(where: { !$0.text.isBlank }) {
            collector.add(.projectGoals, .project(id, "goals"), zh: "没有填写绩效目标。",
                          en: "The project has no goal (绩效目标).")
        }
    }

    // MARK: Group 1

    private static func checkBudget(_ project: Project, into collector: inout FindingCollector) {
        let id = project.id
        let fields: [(String, Amount?, String, String)] = [
            ("budget", project.budget, "预算数", "budget (预算数)"),
            ("fiscalFunds", project.fiscalFunds, "财政资金", "fiscal funds (财政资金)"),
            ("otherFunds", project.otherFunds, "其他资金", "other funds (其他资金)"),
        ]
        for (field, amount, zh, en) in fields {
            if let amount, amount.isNegative {
                collector.add(.budgetNegative, .project(id, field), zh: "\(zh)为负数：\(amount)。",
                              en: "The \(en) is negative: \(amount).")
            }
        }
        guard let budget = project.budget else {
            collector.add(.budgetBlank, .project(id, "budget"), zh: "预算数为空。", en: "The budget (预算数) is blank.")
            return
        }
        let total = project.fundsTotal
        if total != budget {
            collector.add(.budgetSum, .project(id, "budget"),
                          zh: "财政资金 \(project.fiscalFunds.displayZH) + 其他资金 \(project.otherFunds.displayZH)"
                              + " = \(total)，不等于预算数 \(budget)。",
                          en: "Fiscal funds \(project.fiscalFunds.displayEN) + other funds \(project.otherFunds.displayEN)"
                              + " = \(total), not the budget \(budget).")
        }
    }

    // MARK: Group 2

    private static func checkPlan(_ project: Project, context: ValidationContext,
                                  into collector: inout FindingCollector) {
        let plan = project.spendingPlan
        let base = CellPath.project(project.id, "spendingPlan")
        guard !plan.isBlank else {
            collector.add(.planBlank, base, zh: "资金支出计划未填写。", en: "The spending plan (资金支出计划) is blank.")
            return
        }
        let percent = plan.mode == .percent
        let unitZH = percent ? "%" : ""
        var previous: (SpendingPlan.Checkpoint, Amount)?
        for checkpoint in SpendingPlan.Checkpoint.allCases {
            let path = base.field(checkpoint.rawValue)
            guard let value = plan[checkpoint] else {
                collector.add(.planIncomplete, path, zh: "资金支出计划缺少\(checkpoint.chineseName)的数值。",
                              en: "The spending plan has no figure for the end of \(checkpoint.englishName).")
                continue
            }
            if value.isNegative {
                collector.add(.planNegative, path, zh: "\(checkpoint.chineseName)累计支出为负数：\(value)\(unitZH)。",
                              en: "Cumulative spending at the end of \(checkpoint.englishName) is negative: \(value).")
            }
            if let (earlier, earlierValue) = previous, value < earlierValue {
                collector.add(.planDecreasing, path,
                              zh: "\(checkpoint.chineseName)累计 \(value)\(unitZH) 小于\(earlier.chineseName)的 \(earlierValue)\(unitZH)。",
                              en: "Cumulative spending at the end of \(checkpoint.englishName) (\(value)) is less than at "
                                  + "the end of \(earlier.englishName) (\(earlierValue)).")
            }
            previous = (checkpoint, value)
        }
        guard let december = plan.december else { return }
        if percent {
            if december != Amount(100) {
                collector.add(.planEnd, base.field("december"), zh: "12月底累计应为 100%，实为 \(december)%。",
                              en: "The plan should reach 100% by the end of December, not \(december)%.")
            }
        } else if let budget = project.budget, december != budget {
            collector.add(.planEnd, base.field("december"),
                          zh: "12月底累计支出 \(december) 不等于预算数 \(budget)\(context.moneyUnit.rawValue)。",
                          en: "Cumulative spending at the end of December (\(december)) is not the budget (\(budget)).")
        }
    }
}

extension SpendingPlan.Checkpoint {
    /// March, June, October, December.
    public var englishName: String {
        switch self {
        case .march: "March"
        case .june: "June"
        case .october: "October"
        case .december: "December"
        }
    }
}
