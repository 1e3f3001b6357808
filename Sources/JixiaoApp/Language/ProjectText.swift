import JixiaoModel

/// The strings of the project screen (header form, indicator grid, findings panel), kept in one
/// enum of their own so the screen's texts stay together. `MessageID.project(_:)` carries them;
/// both languages are exhaustive switches, so a missing translation does not compile.
public enum ProjectText: Hashable, Sendable {
    case screenTitle
    case noRows
    case fieldCode, fieldName, fieldBudget, fieldFiscal, fieldOther, fieldPurpose, fieldPlan, fieldGoals
    case planPercent, planAmount, planModeHint
    case newItem
    case budgetBlank
    case budgetMatches
    case budgetMismatch(total: String, budget: String)
    case budgetShortMatches
    case budgetShortMismatch(total: String)
    case summaryGoals(Int)
    case findingCounts(FindingCounts)
    case valueUnderstood(String)
    case valueNotUnderstood(String)
    case cellText(column: String, text: String)
    case findingsTitle(Int)
    case noFindings
    case pickLevel1, pickLevel2, pickBasis, pickIndicator
    case noPickList
    /// An amount that does not read, in a document whose money unit is `unit`.
    case invalidAmount(String, unit: String)
    case invalidPercent(String)
    /// `130.97元` typed in a 万元 document.
    case unitMismatch(String, typed: String, expected: String)
    case percentInAmount(String, unit: String)
    case unitInPercent(String)
    case copiedCell, copiedRow, pasted, clipboardEmpty
    // Lists and pastes.
    case listHint, listEditHint, addItemWhere
    case pastedDown(Int), pasteCancelled
    case pasteInFindings, pasteOnPlanMode
    case pasteLinesTitle, pasteLinesQuestion(Int), pasteJoin, pasteSplit
    case noFindingHere
    case projectGone
    // Undo labels.
    case labelCell, labelClear, labelInsertRow, labelDeleteRow, labelMoveRow, labelDuplicateRow, labelPaste
    case labelFillDown, labelPick, labelHeader, labelGoal
    // Keymap titles.
    case keymapGrid, keymapCellEditing, keymapHeader, keymapFindings
    // Key descriptions.
    case helpCellUp, helpCellDown, helpCellLeft, helpCellRight, helpNextCell, helpPreviousCell
    case helpRowStart, helpRowEnd, helpFirstCell, helpLastCell
    case helpEditCell, helpClearCell, helpClearAndEdit, helpPick, helpExpandRow
    case helpInsertAbove, helpInsertBelow, helpDeleteRow, helpMoveRowUp, helpMoveRowDown, helpDuplicateRow
    case helpUndo, helpRedo, helpCopyCell, helpCopyRow, helpPaste, helpFillDown, helpSave
    case helpFocusNext, helpToggleFindings, helpBack
    case helpCommitEnter, helpCommitDown, helpCommitUp, helpCommitRight, helpCommitLeft, helpCancelEdit, helpCommitSave
    case helpFieldUp, helpFieldDown, helpEditField, helpClearField, helpToggleMode, helpAddItem, helpDeleteItem
    case helpJumpToFinding

    var chinese: String {
        switch self {
        case .screenTitle: "项目绩效目标表"
        case .noRows: "没有指标行。按 Alt-N 或 Insert 新增一行。"
        case .fieldCode: "项目编码"
        case .fieldName: "项目名称"
        case .fieldBudget: "预算数"
        case .fieldFiscal: "财政资金"
        case .fieldOther: "其他资金"
        case .fieldPurpose: "资金用途"
        case .fieldPlan: "支出计划"
        case .fieldGoals: "绩效目标"
        case .planPercent: "累计百分比"
        case .planAmount: "累计金额"
        case .planModeHint: "（空格切换）"
        case .newItem: "（新增）"
        case .budgetBlank: "预算数为空"
        case .budgetMatches: "财政资金+其他资金=预算数，相符"
        case .budgetMismatch(let total, let budget): "不符：财政资金+其他资金=\(total)，预算数 \(budget)"
        case .budgetShortMatches: "资金相符"
        case .budgetShortMismatch(let total): "资金不符(合计\(total))"
        case .summaryGoals(let n): "目标 \(n) 条"
        case .findingCounts(let c): "错误 \(c.errors) 警告 \(c.warnings) 提示 \(c.notices)"
        case .valueUnderstood(let s): "指标值理解为：\(s)"
        case .valueNotUnderstood(let s): "指标值：\(s)"
        case .cellText(let column, let text): "\(column)：\(text)"
        case .findingsTitle(let n): "检查结果（\(n)）  Enter 跳到单元格"
        case .noFindings: "没有发现问题。"
        case .pickLevel1: "选择一级指标"
        case .pickLevel2: "选择二级指标"
        case .pickBasis: "选择指标值确定依据"
        case .pickIndicator: "指标库：选择三级指标"
        case .noPickList: "此列没有可选列表，请直接输入。"
        case .invalidAmount(let text, let unit): "“\(text)”不是金额：请输入数字，如 12.5 或 12.5\(unit)"
        case .invalidPercent(let text): "“\(text)”不是百分比：请输入如 25、25% 或 25.00%"
        case .unitMismatch(let text, let typed, let expected):
            "“\(text)”的单位是\(typed)，本部门金额以\(expected)为单位：请换算成\(expected)后输入"
        case .percentInAmount(let text, let unit): "“\(text)”是百分比，此处应填金额（\(unit)）；支出计划可按 Ctrl-P 改为百分比"
        case .unitInPercent(let text): "“\(text)”是金额，而支出计划为累计百分比：请输入如 25%，或按 Ctrl-P 改为金额"
        case .listHint: "Alt-N 新增一条  末条上 Enter 或 ↓ 接着写下一条  Alt-D 删除"
        case .listEditHint: "Enter 确认（末条：接着写下一条）  Esc 取消，空的新条目即删除"
        case .addItemWhere: "Alt-N 在资金用途或绩效目标上新增一段 / 一条"
        case .pastedDown(let n): "已粘贴到 \(n) 行"
        case .pasteCancelled: "已取消粘贴"
        case .pasteInFindings: "检查结果面板不能粘贴：按 F6 切换到表头或指标表"
        case .pasteOnPlanMode: "支出计划方式不能粘贴文字：按空格切换累计百分比 / 累计金额"
        case .pasteLinesTitle: "粘贴多行"
        case .pasteLinesQuestion(let n): "粘贴的内容有 \(n) 行，而单元格只有一行："
        case .pasteJoin: "合并为一行"
        case .pasteSplit: "分到下面各行"
        case .copiedCell: "已复制单元格"
        case .copiedRow: "已复制整行"
        case .pasted: "已粘贴"
        case .clipboardEmpty: "剪贴板为空"
        case .noFindingHere: "该问题所在位置已不存在"
        case .projectGone: "此项目已不存在（新增已被撤销）。Ctrl-Y 重做，Esc 返回部门。"
        case .labelCell: "修改单元格"
        case .labelClear: "清空单元格"
        case .labelInsertRow: "插入行"
        case .labelDeleteRow: "删除行"
        case .labelMoveRow: "移动行"
        case .labelDuplicateRow: "复制行"
        case .labelPaste: "粘贴"
        case .labelFillDown: "向下填充"
        case .labelPick: "选择"
        case .labelHeader: "修改表头"
        case .labelGoal: "修改绩效目标"
        case .keymapGrid: "指标表"
        case .keymapCellEditing: "单元格编辑"
        case .keymapHeader: "项目表头"
        case .keymapFindings: "检查结果面板"
        case .helpCellUp: "上移一格"
        case .helpCellDown: "下移一格"
        case .helpCellLeft: "左移一格"
        case .helpCellRight: "右移一格"
        case .helpNextCell: "下一格（行尾转到下一行）"
        case .helpPreviousCell: "上一格"
        case .helpRowStart: "本行第一格"
        case .helpRowEnd: "本行最后一格"
        case .helpFirstCell: "表格第一格"
        case .helpLastCell: "表格最后一格"
        case .helpEditCell: "编辑单元格（保留原文）"
        case .helpClearCell: "清空单元格"
        case .helpClearAndEdit: "清空并开始输入"
        case .helpPick: "从列表选择"
        case .helpExpandRow: "展开 / 收起当前行的全文"
        case .helpInsertAbove: "在上方插入行"
        case .helpInsertBelow: "在下方插入行"
        case .helpDeleteRow: "删除当前行"
        case .helpMoveRowUp: "当前行上移"
        case .helpMoveRowDown: "当前行下移"
        case .helpDuplicateRow: "复制当前行到下方"
        case .helpUndo: "撤销"
        case .helpRedo: "重做"
        case .helpCopyCell: "复制单元格（同时发送到终端剪贴板）"
        case .helpCopyRow: "复制整行"
        case .helpPaste: "粘贴单元格或行"
        case .helpFillDown: "向下填充（取上一行同列的值）"
        case .helpSave: "保存"
        case .helpFocusNext: "切换焦点：表头 / 指标表 / 检查结果"
        case .helpToggleFindings: "检查结果"
        case .helpBack: "返回部门"
        case .helpCommitEnter: "确认并下移（列表末条：接着新增一条）"
        case .helpCommitDown: "确认并下移"
        case .helpCommitUp: "确认并上移"
        case .helpCommitRight: "确认并右移"
        case .helpCommitLeft: "确认并左移"
        case .helpCancelEdit: "取消（保留原值）"
        case .helpCommitSave: "确认并保存"
        case .helpFieldUp: "上一项"
        case .helpFieldDown: "下一项（末条目标：新增一条）"
        case .helpEditField: "编辑此项"
        case .helpClearField: "清空此项"
        case .helpToggleMode: "切换百分比 / 金额"
        case .helpAddItem: "新增一段 / 一条目标"
        case .helpDeleteItem: "删除此段 / 此条目标"
        case .helpJumpToFinding: "跳到问题所在单元格"
        }
    }

    var english: String {
        switch self {
        case .screenTitle: "Project target table"
        case .noRows: "No indicator rows. Alt-N or Insert adds one."
        case .fieldCode: "Code"
        case .fieldName: "Name"
        case .fieldBudget: "Budget"
        case .fieldFiscal: "Fiscal"
        case .fieldOther: "Other"
        case .fieldPurpose: "Purpose"
        case .fieldPlan: "Plan"
        case .fieldGoals: "Goals"
        case .planPercent: "cumulative %"
        case .planAmount: "cumulative amount"
        case .planModeHint: "(Space switches)"
        case .newItem: "(new)"
        case .budgetBlank: "budget is blank"
        case .budgetMatches: "fiscal + other = budget"
        case .budgetMismatch(let total, let budget): "mismatch: fiscal + other = \(total), budget \(budget)"
        case .budgetShortMatches: "funds add up"
        case .budgetShortMismatch(let total): "funds differ (sum \(total))"
        case .summaryGoals(let n): "\(n) goal(s)"
        case .findingCounts(let c): "\(c.errors) errors \(c.warnings) warnings \(c.notices) notices"
        case .valueUnderstood(let s): "value read as: \(s)"
        case .valueNotUnderstood(let s): "value: \(s)"
        case .cellText(let column, let text): "\(column): \(text)"
        case .findingsTitle(let n): "Findings (\(n))  Enter jumps to the cell"
        case .noFindings: "No problems found."
        case .pickLevel1: "Choose level 1"
        case .pickLevel2: "Choose level 2"
        case .pickBasis: "Choose the basis"
        case .pickIndicator: "Indicator library: choose an indicator"
        case .noPickList: "No list for this column; type the text."
        case .invalidAmount(let text, let unit): "\"\(text)\" is not an amount: type a number such as 12.5 or 12.5\(unit)"
        case .invalidPercent(let text): "\"\(text)\" is not a percentage: type e.g. 25, 25% or 25.00%"
        case .unitMismatch(let text, let typed, let expected):
            "\"\(text)\" is in \(typed), but this department's amounts are in \(expected): convert it to \(expected) first"
        case .percentInAmount(let text, let unit):
            "\"\(text)\" is a percentage; this field takes an amount (\(unit)). Ctrl-P switches the plan to percent"
        case .unitInPercent(let text):
            "\"\(text)\" is an amount, but the plan is in cumulative percent: type e.g. 25%, or Ctrl-P for amounts"
        case .listHint: "Alt-N adds an item  Enter or Down on the last one continues  Alt-D deletes"
        case .listEditHint: "Enter commits (on the last item: continues)  Esc cancels; an empty new item goes away"
        case .addItemWhere: "Alt-N adds a paragraph or a goal on 资金用途 or 绩效目标"
        case .pastedDown(let n): "Pasted into \(n) row(s)"
        case .pasteCancelled: "Paste cancelled"
        case .pasteInFindings: "Nothing can be pasted into the findings panel: F6 switches to the header or the grid"
        case .pasteOnPlanMode: "The plan mode takes no text: Space switches cumulative percent / amount"
        case .pasteLinesTitle: "Paste several lines"
        case .pasteLinesQuestion(let n): "The pasted text has \(n) lines, but a cell has one:"
        case .pasteJoin: "join them"
        case .pasteSplit: "split into the rows below"
        case .copiedCell: "Cell copied"
        case .copiedRow: "Row copied"
        case .pasted: "Pasted"
        case .clipboardEmpty: "The clipboard is empty"
        case .noFindingHere: "The place of this finding no longer exists"
        case .projectGone: "This project no longer exists (its creation was undone). Ctrl-Y redoes, Esc goes back."
        case .labelCell: "edit cell"
        case .labelClear: "clear cell"
        case .labelInsertRow: "insert row"
        case .labelDeleteRow: "delete row"
        case .labelMoveRow: "move row"
        case .labelDuplicateRow: "duplicate row"
        case .labelPaste: "paste"
        case .labelFillDown: "fill down"
        case .labelPick: "pick"
        case .labelHeader: "edit header"
        case .labelGoal: "edit goals"
        case .keymapGrid: "Indicator grid"
        case .keymapCellEditing: "Cell editing"
        case .keymapHeader: "Project header"
        case .keymapFindings: "Findings panel"
        case .helpCellUp: "one cell up"
        case .helpCellDown: "one cell down"
        case .helpCellLeft: "one cell left"
        case .helpCellRight: "one cell right"
        case .helpNextCell: "next cell (wraps to the next row)"
        case .helpPreviousCell: "previous cell"
        case .helpRowStart: "first cell of the row"
        case .helpRowEnd: "last cell of the row"
        case .helpFirstCell: "first cell of the grid"
        case .helpLastCell: "last cell of the grid"
        case .helpEditCell: "edit the cell (keep its text)"
        case .helpClearCell: "clear the cell"
        case .helpClearAndEdit: "clear the cell and type"
        case .helpPick: "pick from a list"
        case .helpExpandRow: "expand / collapse the current row"
        case .helpInsertAbove: "insert a row above"
        case .helpInsertBelow: "insert a row below"
        case .helpDeleteRow: "delete the row"
        case .helpMoveRowUp: "move the row up"
        case .helpMoveRowDown: "move the row down"
        case .helpDuplicateRow: "duplicate the row below"
        case .helpUndo: "undo"
        case .helpRedo: "redo"
        case .helpCopyCell: "copy the cell (also to the terminal clipboard)"
        case .helpCopyRow: "copy the row"
        case .helpPaste: "paste a cell or a row"
        case .helpFillDown: "fill down (the value of the cell above)"
        case .helpSave: "save"
        case .helpFocusNext: "switch focus: header / grid / findings"
        case .helpToggleFindings: "findings"
        case .helpBack: "back to the department"
        case .helpCommitEnter: "commit and move down (last item of a list: add the next)"
        case .helpCommitDown: "commit and move down"
        case .helpCommitUp: "commit and move up"
        case .helpCommitRight: "commit and move right"
        case .helpCommitLeft: "commit and move left"
        case .helpCancelEdit: "cancel (keep the old value)"
        case .helpCommitSave: "commit and save"
        case .helpFieldUp: "previous field"
        case .helpFieldDown: "next field (last goal: add one)"
        case .helpEditField: "edit the field"
        case .helpClearField: "clear the field"
        case .helpToggleMode: "switch percent / amount"
        case .helpAddItem: "add a paragraph / goal"
        case .helpDeleteItem: "delete the paragraph / goal"
        case .helpJumpToFinding: "jump to the finding's cell"
        }
    }
}
