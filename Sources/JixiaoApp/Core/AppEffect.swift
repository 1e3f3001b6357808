import JixiaoModel

/// Work the app core asks the executable to do: the core never performs I/O itself. The
/// executable performs each effect (store calls go through `EffectPerformer` in the
/// `jixiao` target) and feeds the outcome back as `InputEvent.result(_:)`.
public enum AppEffect: Hashable, Sendable {
    /// Leave the editor with this exit status after restoring the terminal.
    case quit(status: Int32)
    /// Repaint the whole terminal (Ctrl-L), e.g. after another program wrote over it.
    case redraw
    /// Put text on the user's own clipboard through the terminal (OSC 52), which works over
    /// SSH where the remote machine's clipboard is not the user's. Answers nothing.
    case copyToClipboard(String)

    // Store I/O. Each answers with one `EffectResult` (or `.failed`).
    /// The live departments from the summary index → `.departments`.
    case listDepartments
    /// The soft-deleted departments → `.deletedDepartments`.
    case listDeleted
    /// Load a department, mark it open (presence) and look for this user's draft → `.opened`.
    case openDepartment(id: String)
    /// Save against `baseRevision` → `.saved`, or `.saveConflict` with the newer revision.
    case saveDepartment(DepartmentDocument, baseRevision: Int)
    /// Create a new department (base revision 0) → `.created`; a duplicate id fails with
    /// `EffectFailure.Reason.alreadyExists`.
    case createDepartment(DepartmentDocument)
    /// Soft delete → `.deleted`; restore → `.restored`.
    case deleteDepartment(id: String)
    case restoreDepartment(id: String)
    /// Put the bundled sample departments into the store → `.samplesLoaded`.
    case loadSamples
    /// Read the store's departments for the indicator library behind the name and basis pickers
    /// (三级指标 → typical description, value, basis) → `.indicatorLibrary`. Asked once per
    /// session, after the first department opens, so start-up never waits for it.
    case loadIndicatorLibrary
    /// Journal committed edits in this user's draft at once (durable before the next key).
    /// Answers on failure, and `.journalRepaired` when a repairing rewrite succeeded.
    case journalEdits(DraftEdits)
    /// Remove this user's draft of a department (after the user discarded the changes, or
    /// when undo brought the document back to the stored revision).
    case discardDraft(id: String)
    /// The department is no longer open here: release the presence mark.
    case closeDepartment(id: String)
    /// Who else has the open department open now (live refresh) → `.presence`.
    case checkPresence(id: String)
    /// The department's current revision and its history records → `.history`.
    case loadHistory(id: String)
}
