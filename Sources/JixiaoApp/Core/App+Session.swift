import Foundation
import JixiaoModel
import JixiaoStore

/// The app's part in editing a department: opening it (presence, draft recovery), saving
/// (merging when someone saved first, asking cell by cell when both changed the same cell),
/// and the save / discard / cancel guard on leaving or quitting. Store I/O stays outside:
/// this only turns effect results into state and further effects.
extension App {
    enum AfterSave: Hashable, Sendable { case quit, close }

    // MARK: Results of effects

    mutating func handleResult(_ result: EffectResult) -> [AppEffect] {
        switch result {
        case .indicatorLibrary(let library):
            environment.indicatorLibrary = library
            return []
        case .presence(let id, let others):
            presenceChecked(id: id, others: others)
            return []
        case .departments:
            listingStale = false
            return deliver(result)
        case .opened(let opened):
            var libraryRequest: [AppEffect] = []
            if !indicatorLibraryRequested {
                indicatorLibraryRequested = true
                libraryRequest = [.loadIndicatorLibrary]
            }
            return libraryRequest + openDepartment(opened)
        default:
            return handleOtherResult(result)
        }
    }

    private mutating func openDepartment(_ opened: OpenedDepartment) -> [AppEffect] {
        let strings = environment.strings
        if let draft = opened.draft, !draft.edits.isEmpty {
            // The offer counts the cells that differ, not the journal's lines: edits undone or
            // typed back to what was there make no difference and are not offered.
            let restored = try? draft.base.applying(draft.edits)
            let changes = restored.map { DocumentDiff(from: draft.base, to: $0).changes } ?? []
            if restored != nil, changes.isEmpty {
                return [.discardDraft(id: opened.stored.document.id)] + startSession(opened, restoring: nil)
            }
            pendingOpen = opened
            let when = draft.lastEdited.map(environment.times.clock) ?? "?"
            let shown = Self.draftPlacesShown
            let places = changes.prefix(shown).map { change in
                let place = CellLocation.describe(change.path, in: restored ?? draft.base)
                return strings.language == .chinese ? place.zh : place.en
            }
            let count = restored == nil ? draft.edits.count : changes.count
            dialogs.append(Dialog(owner: .app(.recoverDraft), content: .choice(ChoiceDialog(
                title: strings[.draftTitle],
                message: strings[.draftQuestion(count: count, places: places, more: max(0, changes.count - shown), time: when)],
                options: [.init(key: "r", label: strings[.draftRestore]), .init(key: "d", label: strings[.draftDiscard])]))))
            return []
        }
        return startSession(opened, restoring: nil)
    }

    /// How long a journal that is behind waits before a key press tries the rewrite again.
    static let journalRetryInterval: TimeInterval = 5

    /// While the journal is behind, a key press (at most every `journalRetryInterval`) tries
    /// the rewrite again, so room made on the disk is used without waiting for the next
    /// commit. Not when the key's own effects write or discard the journal anyway.
    mutating func retryJournal(alongside effects: [AppEffect]) -> [AppEffect] {
        guard session?.journalBehind == true else { return [] }
        let writes = effects.contains { effect in
            switch effect {
            case .journalEdits, .discardDraft: true
            default: false
            }
        }
        let now = environment.now()
        if writes || journalAttemptedAt.map({ now.timeIntervalSince($0) < Self.journalRetryInterval }) == true { return [] }
        journalAttemptedAt = now
        return session?.repairJournal().map { [$0] } ?? []
    }

    /// How many changed cells a restore offer names; the rest are counted.
    static let draftPlacesShown = 3

    /// The cell the last of `edits` leaves the user on: the cell set, the item inserted or
    /// moved; a deleted item has no cell, so the edit before it counts.
    static func lastEditedPath(_ edits: [CellEdit]) -> CellPath? {
        for edit in edits.reversed() {
            switch edit {
            case .set(let path, _), .move(let path, _): return path
            case .insert(let list, let item, _): return list.item(item.id)
            case .delete: continue
            }
        }
        return nil
    }

    private mutating func handleOtherResult(_ result: EffectResult) -> [AppEffect] {
        switch result {
        case .saved(let document, let revision, let savedBy, let savedAt):
            guard session?.id == document.id else { return deliver(result) }
            session?.didSave(document, revision: revision, savedBy: savedBy, savedAt: savedAt)
            switch message?.id {
            case .mergedChanges?, .conflictsResolved?:
                break  // Keep saying how the merge went; those messages say it was saved.
            default:
                message = StatusMessage(.savedRevision(revision))
            }
            var effects: [AppEffect] = []
            switch afterSave {
            case .quit?:
                afterSave = nil
                return [.closeDepartment(id: document.id), .quit(status: 0)]
            case .close?:
                afterSave = nil
                effects += closeSession(discardingDraft: false)
            case nil:
                effects.append(.listDepartments)
            }
            return effects + deliver(result)
        case .saveConflict(let current):
            guard session?.id == current.document.id, let previous = session?.base.document else { return deliver(result) }
            let theirChanges = DocumentDiff(from: previous, to: current.document).changes.count
            let merge = session!.merge(with: current)
            let user = current.savedBy?.user ?? "?"
            if merge.conflicts.isEmpty {
                message = StatusMessage(.mergedChanges(count: theirChanges, user: user))
                return [session!.saveEffect]
            }
            pendingConflicts = merge.conflicts
            conflictUser = user
            presentConflicts()
            return []
        case .journalRepaired(let id):
            guard session?.id == id else { return [] }
            session?.journalRepaired()
            message = StatusMessage(.draftRewritten)
            return []
        case .failed(let failure) where failure.operation == .journal:
            // The session keeps every edit; the status bar warns until the journal is whole.
            // The reason is said once: retries that fail again only keep the warning.
            let mine = session?.id == failure.id
            let wasBehind = mine && session?.journalBehind == true
            if mine {
                session?.journalWriteFailed()
                journalAttemptedAt = environment.now()
            }
            if !wasBehind { message = StatusMessage(.draftNotWritten(failure.message), kind: .error) }
            return []
        case .failed(let failure):
            message = StatusMessage(.effectFailed(failure.message), kind: .error)
            if failure.operation == .save {
                afterSave = nil
                pendingNavigation = nil
            }
            if failure.operation == .open { opensInDocumentView = false }
            return deliver(result)
        case .created(let document):
            message = StatusMessage(.departmentCreated(document.id))
            return deliver(result) + [.openDepartment(id: document.id)]
        default:
            return deliver(result)
        }
    }

    /// Hands a result to every screen on the stack, bottom first.
    mutating func deliver(_ result: EffectResult) -> [AppEffect] {
        var effects: [AppEffect] = []
        var index = 0
        while index < screens.count {
            effects += withScreen(at: index) { screen, context in screen.receive(result, context: &context) }
            index += 1
        }
        return effects
    }

    /// Opens the department screen on `opened`, with a recovered draft applied when given.
    mutating func startSession(_ opened: OpenedDepartment, restoring draft: RecoverableDraft?) -> [AppEffect] {
        let strings = environment.strings
        var effects: [AppEffect] = []
        var newSession = DocumentSession(stored: opened.stored, others: opened.others)
        pendingConflicts = []
        if let draft {
            do {
                if draft.baseRevision == opened.stored.revision {
                    effects.append(try newSession.apply(draft.edits, label: strings[.draftLabel]))
                } else {
                    // The draft was made on an older revision: replay it there, then merge.
                    var old = DocumentSession(stored: StoredDocument(document: draft.base, revision: draft.baseRevision),
                                              others: opened.others)
                    _ = try old.apply(draft.edits, label: strings[.draftLabel])
                    let merge = old.merge(with: opened.stored)
                    newSession = old
                    pendingConflicts = merge.conflicts
                    conflictUser = opened.stored.savedBy?.user ?? "?"
                }
            } catch {
                message = StatusMessage(.effectFailed(String(describing: error)), kind: .error)
            }
        }
        session = newSession
        afterSave = nil
        screens.removeSubrange(screenFloor...)
        screens.append(DepartmentScreen())
        if opensInDocumentView {
            opensInDocumentView = false
            screens.append(DocumentViewScreen())
            if let round = reviewRound, round.ids.indices.contains(round.index), round.ids[round.index] == newSession.id {
                message = StatusMessage(.review(.queuePosition(index: round.index + 1, count: round.ids.count)))
            }
        }
        if let other = opened.others.first {
            message = StatusMessage(.openedByOthers(user: other.user, time: environment.times.clock(other.since),
                                                    more: opened.others.count - 1))
        } else if let draft {
            let changed = (try? draft.base.applying(draft.edits)).map { DocumentDiff(from: draft.base, to: $0).changes.count }
            message = StatusMessage(.draftRestored(changed ?? draft.edits.count))
        }
        if draft != nil, screens.last is DepartmentScreen, let path = Self.lastEditedPath(draft!.edits) {
            // Back where the user was working: the last edited cell.
            effects += withScreen(at: screens.count - 1) { screen, context in
                guard var department = screen as? DepartmentScreen else { return }
                _ = department.reveal(path, context: &context)
                screen = department
            }
        }
        if !pendingConflicts.isEmpty { presentConflicts() }
        if ReturnedChanges.isResubmission(newSession.document) {
            // The department screen says how much changed since the return.
            effects.append(.loadHistory(id: newSession.id))
        }
        return effects
    }

    // MARK: Save, leave, quit

    /// Ctrl-S: saves the session; unresolved conflicts of an earlier merge are asked first.
    mutating func requestSave() -> [AppEffect] {
        guard let session else { return [] }
        if !pendingConflicts.isEmpty {
            presentConflicts()
            return []
        }
        guard session.isDirty else {
            message = StatusMessage(.nothingToSave)
            switch afterSave {
            case .quit?: return [.closeDepartment(id: session.id), .quit(status: 0)]
            case .close?: return closeSession(discardingDraft: false)
            case nil: return []
            }
        }
        return [session.saveEffect]
    }

    /// Leaves the department for the home screen, asking first when there are unsaved changes.
    mutating func requestClose() -> [AppEffect] {
        guard let session else {
            if screens.count > 1 { screens.removeLast() }
            return []
        }
        if session.isDirty || !pendingConflicts.isEmpty {
            presentSaveDiscardCancel(.leaveUnsavedDepartment)
            return []
        }
        return closeSession(discardingDraft: false)
    }

    /// Ends the session and returns to the home screen.
    mutating func closeSession(discardingDraft: Bool) -> [AppEffect] {
        guard let id = session?.id else { return [] }
        session = nil
        pendingConflicts = []
        afterSave = nil
        screens.removeSubrange(screenFloor...)
        var effects: [AppEffect] = discardingDraft ? [.discardDraft(id: id)] : []
        effects += [.closeDepartment(id: id), .listDepartments]
        if let next = pendingNavigation {
            pendingNavigation = nil
            opensInDocumentView = true
            effects.append(.openDepartment(id: next))
        }
        return effects
    }

    mutating func presentSaveDiscardCancel(_ question: Dialog.AppQuestion) {
        let strings = environment.strings
        let title = question == .quitWithUnsavedDepartment ? strings[.quitTitle] : strings[.leaveTitle]
        dialogs.append(Dialog(owner: .app(question), content: .choice(ChoiceDialog(
            title: title, message: strings[.unsavedDepartmentQuestion],
            options: [.init(key: "s", label: strings[.choiceSave]), .init(key: "d", label: strings[.choiceDiscard]),
                      .init(key: "c", label: strings[.choiceCancel])]))))
    }

    mutating func presentConflicts() {
        guard let session, !pendingConflicts.isEmpty else { return }
        let strings = environment.strings
        func text(_ value: CellValue?) -> String {
            guard let value else { return strings[.conflictAbsent] }
            return value.text ?? strings[.conflictBlank]
        }
        let rows = pendingConflicts.map { conflict in
            let place = CellLocation.describe(conflict.path, in: session.document)
            return ConflictDialog.Row(location: strings.language == .chinese ? place.zh : place.en,
                                      base: text(conflict.base), mine: text(conflict.mine), theirs: text(conflict.theirs))
        }
        dialogs.append(Dialog(owner: .app(.resolveConflicts), content: .conflicts(
            ConflictDialog(title: strings[.conflictTitle], otherUser: conflictUser, rows: rows))))
    }

    /// The answer to one of the app's own questions.
    mutating func answer(_ question: Dialog.AppQuestion, result: DialogResult) -> [AppEffect] {
        switch (question, result) {
        case (.quitWithUnsavedDepartment, .chosen(0?)):
            afterSave = .quit
            return requestSave()
        case (.quitWithUnsavedDepartment, .chosen(1?)):
            guard let id = session?.id else { return [.quit(status: 0)] }
            return [.discardDraft(id: id), .closeDepartment(id: id), .quit(status: 0)]
        case (.leaveUnsavedDepartment, .chosen(0?)):
            afterSave = .close
            return requestSave()
        case (.leaveUnsavedDepartment, .chosen(1?)):
            return closeSession(discardingDraft: true)
        case (.recoverDraft, .chosen(let choice)):
            guard let opened = pendingOpen else { return [] }
            pendingOpen = nil
            switch choice {
            case 0?: return startSession(opened, restoring: opened.draft)
            case 1?: return [.discardDraft(id: opened.stored.document.id)] + startSession(opened, restoring: nil)
            default:
                // Not now: the draft stays on disk, the department is not opened.
                message = StatusMessage(.draftKept)
                opensInDocumentView = false
                return [.closeDepartment(id: opened.stored.document.id)]
            }
        case (.resolveConflicts, .conflictChoices(let choices?)):
            let theirs = choices.filter { $0 }.count
            let conflicts = pendingConflicts
            pendingConflicts = []
            do {
                try session?.resolve(conflicts, takeTheirs: choices)
            } catch {
                message = StatusMessage(.effectFailed(String(describing: error)), kind: .error)
                return []
            }
            message = StatusMessage(.conflictsResolved(mine: choices.count - theirs, theirs: theirs))
            return session.map { [$0.saveEffect] } ?? []
        case (.resolveConflicts, _):
            afterSave = nil
            message = StatusMessage(.conflictsPending(pendingConflicts.count))
            return []
        default:
            afterSave = nil
            pendingNavigation = nil
            return []
        }
    }
}

extension App {
    /// Back to the department screen (above the home screen) with the cursor on `path`.
    mutating func reveal(_ path: CellPath) -> [AppEffect] {
        guard session != nil, screens.count > 1, screens[1] is DepartmentScreen else { return [] }
        screens.removeSubrange(2...)
        var found = true
        let effects = withScreen(at: 1) { screen, context in
            guard var department = screen as? DepartmentScreen else { return }
            found = department.reveal(path, context: &context)
            screen = department
        }
        if !found { message = StatusMessage(.notes(.noCommentHere)) }
        return effects
    }
}
