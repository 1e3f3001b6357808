import JixiaoModel

/// A visible string of the interface. The text lives in `ChineseTable` and `EnglishTable`.
public enum MessageID: Hashable, Sendable {
    // Frame
    case appTitle
    case helpTitle
    case statusUser(String)
    case statusUnsaved
    case terminalTooSmall(minimum: Size, current: Size)
    case themeProblem(String)
    case listingProblems(count: Int, first: String)
    /// Printed (in both languages) when the locale is not UTF-8.
    case localeNotUTF8(codeset: String)

    // Screens
    case screenDepartments
    case columnUnitCode, columnUnitName, columnYear, columnStatus, columnProjects, columnBudget
    case reviewStatus(ReviewStatus)
    case noDepartments
    case noDepartmentsIn(String)
    case findDepartmentTitle
    /// The project screen's texts (`ProjectText`).
    case project(ProjectText)

    // Dialogs
    case answerYes, answerNo
    case quitTitle, quitUnsavedQuestion
    case filterLabel, noMatches

    // Keymap section titles
    case keymapGlobal, keymapHelp, keymapConfirm, keymapTextInput, keymapPickList, keymapTextField

    // Key descriptions
    case helpShowHelp, helpQuit, helpRedraw
    case helpCloseHelp, helpScrollUp, helpScrollDown, helpPageUp, helpPageDown
    case helpRowUp, helpRowDown, helpFirstRow, helpLastRow, helpFindDepartment
    case helpConfirmYes, helpConfirmNo, helpConfirmToggle, helpConfirmAccept
    case helpInputAccept, helpInputCancel
    case helpPickUp, helpPickDown, helpPickAccept
    case helpCharLeft, helpCharRight, helpWordLeft, helpWordRight, helpLineStart, helpLineEnd
    case helpDeleteBackward, helpDeleteForward, helpDeleteToEnd, helpDeleteToStart, helpDeleteWord
}
