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
    case screenDepartment
    case screenDeletedDepartments, deletedViewTitle, noDeletedDepartments
    case sortByCode, sortByName, sortByStatus, sortByLastSaved
    case sortedBy(String)
    case listStatus(sort: String, shown: Int, total: Int)
    case columnLastSaved, columnProjectsShort
    case newDepartmentTitle, unitCodeRequired, unitNameRequired, formHint
    case departmentExists(String), departmentDeleted(String), departmentRestored(String)
    case deleteDepartmentTitle
    case deleteDepartmentQuestion(name: String, id: String)
    case samplesLoaded(added: Int, skipped: Int)
    case welcomeTitle, welcomeHowToStart, welcomeNew, welcomeSamples, welcomeHelp, welcomeQuit
    case fieldLabel(String)
    case fieldUnitCode, fieldUnitName, fieldFiscalYear, fieldMoneyUnit, fieldFramework, fieldID
    case frameworkName(FrameworkEdition)
    case columnSubGoalTitle, columnSubGoalGoal, columnSubGoalIndicators
    case columnProjectCode, columnProjectName, columnProjectBudget, columnFiscalFunds, columnOtherFunds
    case columnIndicatorCount, columnFindings, totalRow
    case itemTitle(section: String, number: Int)
    case newProjectTitle, newProjectPrompt, newSubGoalTitle
    case projectScreenUnavailable, deletedUndoHint, noItems, noProjects
    case invalidYear(String)
    case opEdit(String), opAdd(String), opDelete(String), opMove(String), opDuplicate(String)
    case findingSummary(errors: Int, warnings: Int)
    case hintHeader, hintItems, hintSubGoals, hintProjects
    case editorHintMultiLine, editorHintOneLine, editorHintListItem
    case pastedItems(Int), pasteJoined(Int), pasteInProjects, pasteNoSubGoals, pasteChooseFromList
    case sectionHeader, sectionOverallGoals, sectionSubGoals, sectionSafeguards, sectionProjects
    /// The project screen's texts (`ProjectText`).
    case project(ProjectText)
    /// Comments, history and revision diffs (`NotesText`).
    case notes(NotesText)
    /// The review workflow's texts: document view, review queue, review actions (`ReviewText`).
    case review(ReviewText)

    // Dialogs
    case answerYes, answerNo
    case quitTitle, quitUnsavedQuestion
    case filterLabel, noMatches

    // Editing a department (session, save, merge, drafts)
    case editFailed(String)
    case nothingToUndo, nothingToRedo
    case undone(String), redone(String)
    case nothingToSave
    case savedRevision(Int)
    case mergedChanges(count: Int, user: String)
    case effectFailed(String)
    case departmentCreated(String)
    case openedByOthers(user: String, time: String, more: Int)
    case draftTitle, draftRestore, draftDiscard, draftLabel, draftKept
    /// `places`: the first changed cells in words; `more`: how many others.
    case draftQuestion(count: Int, places: [String], more: Int, time: String)
    case draftRestored(Int)
    /// The journal could not be written (the reason, last: it can be a long path); the edits are
    /// still in the editor.
    case draftNotWritten(String)
    /// The status bar's warning while the journal is behind the session.
    case statusDraftNotWritten
    /// The journal was written again in full after a failure.
    case draftRewritten
    case leaveTitle, unsavedDepartmentQuestion, choiceSave, choiceDiscard, choiceCancel
    case conflictTitle
    case conflictIntro(user: String, count: Int)
    case conflictBase, conflictMine, conflictTheirs, conflictMineChosen, conflictTheirsChosen
    case conflictAbsent, conflictBlank, conflictKeys
    case conflictsResolved(mine: Int, theirs: Int)
    case conflictsPending(Int)

    // Keymap section titles
    case keymapGlobal, keymapHelp, keymapConfirm, keymapTextInput, keymapPickList, keymapTextField
    case keymapChoice, keymapConflicts, keymapTextArea, keymapFieldEditing, keymapFilter, keymapForm

    // Key descriptions
    case helpShowHelp, helpQuit, helpRedraw
    case helpCloseHelp, helpScrollUp, helpScrollDown, helpPageUp, helpPageDown
    case helpRowUp, helpRowDown, helpFirstRow, helpLastRow, helpFindDepartment
    case helpConfirmYes, helpConfirmNo, helpConfirmToggle, helpConfirmAccept
    case helpInputAccept, helpInputCancel
    case helpPickUp, helpPickDown, helpPickAccept
    case helpCharLeft, helpCharRight, helpWordLeft, helpWordRight, helpLineStart, helpLineEnd
    case helpDeleteBackward, helpDeleteForward, helpDeleteToEnd, helpDeleteToStart, helpDeleteWord
    case helpChoiceNext, helpChoicePrevious
    case helpLineUp, helpLineDown, helpLineBreak
    case helpColumnLeft, helpColumnRight, helpEditOrOpen, helpAddItem, helpDeleteItem, helpMoveItemUp, helpMoveItemDown
    case helpDuplicateItem, helpCommitField, helpCancelField, helpCommitAndSave
    case helpOpenDepartment, helpSortDepartments, helpNewDepartment, helpDeleteDepartment, helpDeletedView
    case helpLoadSamples, helpRefresh, helpLeaveDeletedView, helpEndFilter, helpClearFilter
    case helpFormNext, helpFormPrevious, helpFormSubmit
    case helpNextSection, helpPreviousSection, helpSave, helpUndo, helpRedo, helpBackToList
    case helpConflictMine, helpConflictTheirs, helpConflictToggle, helpConflictAllMine, helpConflictAllTheirs
    case helpConflictAccept, helpConflictCancel
}
