/// The catalogue of every validation rule. docs/validation.md lists the same ids, severities and
/// sources; a test keeps the two equal.
extension Rule {
    public static let departmentUnitCode = Rule(
        id: "department.unitCode", severity: .error,
        title: LocalizedText(zh: "单位编码为空", en: "Unit code blank"),
        explanation: LocalizedText(zh: "单位编码不能为空。",
                                   en: "The unit code (单位编码) is not blank."),
        source: .structure)

    public static let departmentUnitName = Rule(
        id: "department.unitName", severity: .error,
        title: LocalizedText(zh: "单位名称为空", en: "Unit name blank"),
        explanation: LocalizedText(zh: "单位名称不能为空。",
                                   en: "The unit name (单位名称) is not blank."),
        source: .structure)

    public static let departmentOverallGoals = Rule(
        id: "department.overallGoals", severity: .error,
        title: LocalizedText(zh: "总体绩效目标为空", en: "Overall goals empty"),
        explanation: LocalizedText(zh: "总体绩效目标至少有一条非空内容。",
                                   en: "总体绩效目标 holds at least one non-blank item."),
        source: .domain(group: 12))

    public static let departmentSubGoals = Rule(
        id: "department.subGoals", severity: .warning,
        title: LocalizedText(zh: "没有分项绩效目标", en: "No sub-goals"),
        explanation: LocalizedText(zh: "部门整体绩效目标应列出分项绩效目标。",
                                   en: "The department part lists at least one sub-goal (分项绩效目标)."),
        source: .domain(group: 12))

    public static let departmentSubGoal = Rule(
        id: "department.subGoal", severity: .error,
        title: LocalizedText(zh: "分项绩效目标不完整", en: "Sub-goal incomplete"),
        explanation: LocalizedText(zh: "每个分项绩效目标的标题、绩效目标和绩效指标都不能为空。",
                                   en: "Every sub-goal has a title, a goal (绩效目标) and indicator text (绩效指标)."),
        source: .domain(group: 12))

    public static let departmentSafeguards = Rule(
        id: "department.safeguards", severity: .error,
        title: LocalizedText(zh: "工作保障措施为空", en: "Safeguards empty"),
        explanation: LocalizedText(zh: "工作保障措施至少有一条非空内容。",
                                   en: "工作保障措施 holds at least one non-blank item."),
        source: .domain(group: 12))

    public static let departmentBlankItem = Rule(
        id: "department.blankItem", severity: .warning,
        title: LocalizedText(zh: "空白段落", en: "Blank paragraph"),
        explanation: LocalizedText(zh: "总体绩效目标或工作保障措施中有空白条目。",
                                   en: "An item of 总体绩效目标 or 工作保障措施 is blank while others are filled."),
        source: .domain(group: 12))

    public static let projectCode = Rule(
        id: "project.code", severity: .error,
        title: LocalizedText(zh: "项目编码为空", en: "Project code blank"),
        explanation: LocalizedText(zh: "项目编码不能为空。",
                                   en: "The project code (项目编码) is not blank."),
        source: .structure)

    public static let projectDuplicateCode = Rule(
        id: "project.duplicateCode", severity: .error,
        title: LocalizedText(zh: "项目编码重复", en: "Duplicate project code"),
        explanation: LocalizedText(zh: "同一部门内项目编码不能重复。",
                                   en: "No two projects of a department share a project code; reported on the later ones."),
        source: .structure)

    public static let projectName = Rule(
        id: "project.name", severity: .error,
        title: LocalizedText(zh: "项目名称为空", en: "Project name blank"),
        explanation: LocalizedText(zh: "项目名称不能为空。",
                                   en: "The project name (项目名称) is not blank."),
        source: .structure)

    public static let projectPurpose = Rule(
        id: "project.purpose", severity: .warning,
        title: LocalizedText(zh: "资金用途为空", en: "Purpose blank"),
        explanation: LocalizedText(zh: "应填写资金用途。",
                                   en: "The purpose of funds (资金用途) is not blank."),
        source: .structure)

    public static let projectGoals = Rule(
        id: "project.goals", severity: .warning,
        title: LocalizedText(zh: "没有绩效目标", en: "No project goals"),
        explanation: LocalizedText(zh: "项目应有至少一条绩效目标。",
                                   en: "The project lists at least one non-blank goal (绩效目标)."),
        source: .structure)

    public static let budgetBlank = Rule(
        id: "budget.blank", severity: .error,
        title: LocalizedText(zh: "预算数为空", en: "Budget blank"),
        explanation: LocalizedText(zh: "预算数不能为空；为空时不检查资金合计。",
                                   en: "The budget (预算数) is filled; while it is blank `budget.sum` is skipped."),
        source: .domain(group: 1))

    public static let budgetNegative = Rule(
        id: "budget.negative", severity: .error,
        title: LocalizedText(zh: "金额为负数", en: "Negative amount"),
        explanation: LocalizedText(zh: "预算数、财政资金、其他资金不能为负数。",
                                   en: "预算数, 财政资金 and 其他资金 are not negative."),
        source: .domain(group: 1))

    public static let budgetSum = Rule(
        id: "budget.sum", severity: .error,
        title: LocalizedText(zh: "资金合计不等于预算数", en: "Funds do not add up"),
        explanation: LocalizedText(zh: "财政资金 + 其他资金 = 预算数（空白的其他资金按 0 计）。",
                                   en: "财政资金 + 其他资金 = 预算数, blank 其他资金 read as 0, exactly (no rounding)."),
        source: .domain(group: 1))

    public static let planBlank = Rule(
        id: "plan.blank", severity: .warning,
        title: LocalizedText(zh: "资金支出计划为空", en: "Spending plan blank"),
        explanation: LocalizedText(zh: "四个时点都未填写资金支出计划。",
                                   en: "No checkpoint of the spending plan (资金支出计划) is filled. A warning, not an error: drafts fill the plan last."),
        source: .domain(group: 2))

    public static let planIncomplete = Rule(
        id: "plan.incomplete", severity: .error,
        title: LocalizedText(zh: "资金支出计划不完整", en: "Spending plan incomplete"),
        explanation: LocalizedText(zh: "资金支出计划部分填写，缺少某个时点。",
                                   en: "Some checkpoints of the spending plan are filled and others blank; reported on each blank one."),
        source: .domain(group: 2))

    public static let planNegative = Rule(
        id: "plan.negative", severity: .error,
        title: LocalizedText(zh: "支出计划为负数", en: "Negative spending"),
        explanation: LocalizedText(zh: "支出计划的数值不能为负数。",
                                   en: "No checkpoint of the spending plan is negative."),
        source: .domain(group: 2))

    public static let planDecreasing = Rule(
        id: "plan.decreasing", severity: .error,
        title: LocalizedText(zh: "累计支出减少", en: "Cumulative spending decreases"),
        explanation: LocalizedText(zh: "累计支出计划应逐期不减（3月→6月→10月→12月）。",
                                   en: "The cumulative plan never decreases from March to June to October to December."),
        source: .domain(group: 2))

    public static let planEnd = Rule(
        id: "plan.end", severity: .error,
        title: LocalizedText(zh: "年末支出不等于全额", en: "Plan does not end at the total"),
        explanation: LocalizedText(zh: "12月底累计应为 100%（按百分比）或等于预算数（按金额）。",
                                   en: "December is 100 (percent plan) or equals 预算数 (amount plan; skipped while 预算数 is blank)."),
        source: .domain(group: 2))

    public static let rowRequired = Rule(
        id: "row.required", severity: .error,
        title: LocalizedText(zh: "指标必填项为空", en: "Required indicator cell blank"),
        explanation: LocalizedText(zh: "一级指标、二级指标、三级指标和指标值都不能为空。",
                                   en: "Every indicator row has level 1, level 2, indicator name and value; one finding per blank cell."),
        source: .domain(group: 3))

    public static let rowRecommended = Rule(
        id: "row.recommended", severity: .warning,
        title: LocalizedText(zh: "指标描述或依据为空", en: "Description or basis blank"),
        explanation: LocalizedText(zh: "绩效指标描述和指标值确定依据应填写。",
                                   en: "绩效指标描述 and 指标值确定依据 are not blank; one finding per blank cell."),
        source: .domain(group: 3))

    public static let frameworkLevel1 = Rule(
        id: "framework.level1", severity: .error,
        title: LocalizedText(zh: "一级指标不在指标体系内", en: "Unknown level 1"),
        explanation: LocalizedText(zh: "一级指标应属于本部门采用的指标体系。",
                                   en: "Level 1 is a level 1 of the department's framework (效果指标 accepted as alias)."),
        source: .domain(group: 4))

    public static let frameworkLevel2 = Rule(
        id: "framework.level2", severity: .error,
        title: LocalizedText(zh: "二级指标不属于该一级指标", en: "Level 2 not under its level 1"),
        explanation: LocalizedText(zh: "二级指标应属于所填一级指标。",
                                   en: "Level 2 belongs to its level 1 in the department's framework."),
        source: .domain(group: 4))

    public static let frameworkAlias = Rule(
        id: "framework.alias", severity: .notice,
        title: LocalizedText(zh: "一级指标使用别名", en: "Level 1 alias"),
        explanation: LocalizedText(zh: "“效果指标”按“效益指标”处理。",
                                   en: "效果指标 is read as 效益指标; the notice suggests the standard name."),
        source: .domain(group: 4))

    public static let coverageOutput = Rule(
        id: "coverage.output", severity: .warning,
        title: LocalizedText(zh: "缺少产出指标", en: "No output indicator"),
        explanation: LocalizedText(zh: "项目应至少有一个产出指标。",
                                   en: "The project has at least one 产出指标 row."),
        source: .domain(group: 5))

    public static let coverageEffect = Rule(
        id: "coverage.effect", severity: .warning,
        title: LocalizedText(zh: "缺少效益指标", en: "No effect indicator"),
        explanation: LocalizedText(zh: "项目应至少有一个效益指标。",
                                   en: "The project has at least one 效益指标 (or 效果指标) row."),
        source: .domain(group: 5))

    public static let coverageSatisfaction = Rule(
        id: "coverage.satisfaction", severity: .warning,
        title: LocalizedText(zh: "缺少满意度指标", en: "No satisfaction indicator"),
        explanation: LocalizedText(zh: "项目应至少有一个满意度指标。",
                                   en: "The project has at least one 满意度指标 row."),
        source: .domain(group: 5))

    public static let coverageCost = Rule(
        id: "coverage.cost", severity: .warning,
        title: LocalizedText(zh: "缺少成本指标", en: "No cost indicator"),
        explanation: LocalizedText(zh: "项目应至少有一个成本指标（2021版为一级指标，旧版为产出指标下的二级指标）。",
                                   en: "The project has a cost indicator: level 1 成本指标 (2021) or level 2 成本指标 under 产出指标 (legacy)."),
        source: .domain(group: 5))

    public static let valuePlaceholder = Rule(
        id: "value.placeholder", severity: .error,
        title: LocalizedText(zh: "指标值为占位符", en: "Placeholder value"),
        explanation: LocalizedText(zh: "指标值不能只是 *、_、- 之类的占位符。",
                                   en: "The value is not a placeholder such as `*`, `**`, `_`, `-` or `/` alone."),
        source: .domain(group: 6))

    public static let valueNotUnderstood = Rule(
        id: "value.notUnderstood", severity: .warning,
        title: LocalizedText(zh: "指标值无法识别", en: "Value not understood"),
        explanation: LocalizedText(zh: "指标值应为运算符+数值+单位，或已知的定性、期限、频次写法。",
                                   en: "The value reads as operator + number + unit or a known qualitative, deadline or frequency form (docs/target-values.md)."),
        source: .domain(group: 6))

    public static let valueUnit = Rule(
        id: "value.unit", severity: .warning,
        title: LocalizedText(zh: "指标值缺少单位", en: "Value without unit"),
        explanation: LocalizedText(zh: "定量指标值应有计量单位。",
                                   en: "A quantitative value has a unit (`≥100` has none); qualitative values need none."),
        source: .domain(group: 6))

    public static let valueOtherExplanation = Rule(
        id: "value.otherExplanation", severity: .warning,
        title: LocalizedText(zh: "定量（其他）缺少说明", en: "定量（其他） unexplained"),
        explanation: LocalizedText(zh: "使用“定量（其他）”时应在指标值或描述中说明。",
                                   en: "A `定量（其他）` value carries an explanation after it or in 绩效指标描述."),
        source: .domain(group: 6))

    public static let satisfactionPercent = Rule(
        id: "satisfaction.percent", severity: .warning,
        title: LocalizedText(zh: "满意度不是百分比", en: "Satisfaction not a percentage"),
        explanation: LocalizedText(zh: "满意度指标值应为百分比。",
                                   en: "A satisfaction value is a percentage (`≥90%`); checked only when the value was understood."),
        source: .domain(group: 7))

    public static let satisfactionOperator = Rule(
        id: "satisfaction.operator", severity: .warning,
        title: LocalizedText(zh: "满意度运算符不是≥", en: "Satisfaction operator not ≥"),
        explanation: LocalizedText(zh: "满意度指标值应使用 ≥（或 >）。",
                                   en: "A satisfaction percentage is a floor: ≥ (or >)."),
        source: .domain(group: 7))

    public static let satisfactionRange = Rule(
        id: "satisfaction.range", severity: .error,
        title: LocalizedText(zh: "满意度超出 0–100", en: "Satisfaction outside 0–100"),
        explanation: LocalizedText(zh: "满意度百分比应在 0 到 100 之间。",
                                   en: "A satisfaction percentage lies between 0 and 100."),
        source: .domain(group: 7))

    public static let satisfactionLow = Rule(
        id: "satisfaction.low", severity: .warning,
        title: LocalizedText(zh: "满意度目标偏低", en: "Satisfaction target low"),
        explanation: LocalizedText(zh: "满意度目标低于设定的下限（默认 80%）。",
                                   en: "A satisfaction percentage is not below `satisfactionMinimum` (default 80)."),
        source: .domain(group: 7))

    public static let deadlineYear = Rule(
        id: "deadline.year", severity: .warning,
        title: LocalizedText(zh: "期限不在预算年度内", en: "Deadline outside the budget year"),
        explanation: LocalizedText(zh: "时效期限应在预算年度内。",
                                   en: "A deadline with a written year (`2023年底前完成`) falls in the budget year."),
        source: .domain(group: 8))

    public static let deadlineDate = Rule(
        id: "deadline.date", severity: .error,
        title: LocalizedText(zh: "期限日期无效", en: "Invalid deadline date"),
        explanation: LocalizedText(zh: "期限中的月、日应为有效日期。",
                                   en: "A deadline's month and day name a real date (no 13月, no 2月30日)."),
        source: .domain(group: 8))

    public static let costUnit = Rule(
        id: "cost.unit", severity: .warning,
        title: LocalizedText(zh: "成本指标未用货币单位", en: "Cost not in money"),
        explanation: LocalizedText(zh: "成本指标值应使用货币单位（元、万元、元/月等）。",
                                   en: "A cost indicator's understood value is an amount of money (元, 万元, 元/月 …)."),
        source: .domain(group: 9))

    public static let costOverBudget = Rule(
        id: "cost.overBudget", severity: .warning,
        title: LocalizedText(zh: "成本超过预算数", en: "Cost above budget"),
        explanation: LocalizedText(zh: "成本总额（不含“元/月”等单价）不应超过项目预算数。",
                                   en: "A total cost (money unit without `/…`) is not above 预算数, converting 元 and 万元 through the department's money unit."),
        source: .domain(group: 9))

    public static let wordingVague = Rule(
        id: "wording.vague", severity: .notice,
        title: LocalizedText(zh: "指标值表述模糊", en: "Vague value"),
        explanation: LocalizedText(zh: "“有所提升”“逐步”等表述没有可衡量的数值。",
                                   en: "A value holding a vague phrase (有所提升, 进一步提高, 明显改善, 有效促进, 逐步, 较好 …) has no number."),
        source: .domain(group: 10))

    public static let wordingQualitativeShare = Rule(
        id: "wording.qualitativeShare", severity: .notice,
        title: LocalizedText(zh: "定性指标占比高", en: "Many qualitative values"),
        explanation: LocalizedText(zh: "项目中定性指标值占比达到设定比例（默认 50%）。",
                                   en: "At least `qualitativeSharePercent` (default 50) of the project's filled values are qualitative; the message gives the share."),
        source: .domain(group: 10))

    public static let nameLength = Rule(
        id: "name.length", severity: .error,
        title: LocalizedText(zh: "指标名称过长", en: "Indicator name too long"),
        explanation: LocalizedText(zh: "三级指标名称不超过 100 个字符。",
                                   en: "The indicator name (三级指标) has at most `maxIndicatorNameLength` (default 100) characters."),
        source: .domain(group: 11))

    public static let nameDuplicate = Rule(
        id: "name.duplicate", severity: .warning,
        title: LocalizedText(zh: "指标名称重复", en: "Duplicate indicator name"),
        explanation: LocalizedText(zh: "同一项目内三级指标名称不应重复。",
                                   en: "No two rows of a project share an indicator name; reported on the later ones."),
        source: .domain(group: 11))

    /// Every rule, in the order findings are produced.
    public static let catalogue: [Rule] = [
        departmentUnitCode, departmentUnitName, departmentOverallGoals, departmentSubGoals, departmentSubGoal,
        departmentSafeguards, departmentBlankItem, projectCode, projectDuplicateCode, projectName,
        projectPurpose, projectGoals, budgetBlank, budgetNegative, budgetSum, planBlank, planIncomplete,
        planNegative, planDecreasing, planEnd, rowRequired, rowRecommended, frameworkLevel1, frameworkLevel2,
        frameworkAlias, coverageOutput, coverageEffect, coverageSatisfaction, coverageCost, valuePlaceholder,
        valueNotUnderstood, valueUnit, valueOtherExplanation, satisfactionPercent, satisfactionOperator,
        satisfactionRange, satisfactionLow, deadlineYear, deadlineDate, costUnit, costOverBudget,
        wordingVague, wordingQualitativeShare, nameLength, nameDuplicate,
    ]
}
