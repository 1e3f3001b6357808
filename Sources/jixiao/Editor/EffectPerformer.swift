import Foundation
import JixiaoApp
import JixiaoModel
import JixiaoSamples
import JixiaoStore

/// Performs the app core's store effects on the store (files or PostgreSQL) and answers with
/// result events.
/// The only place where the editor touches the store after start-up; the app core itself
/// never does I/O, which is what lets every screen run in tests.
///
/// It holds what lives as long as a department is open: the presence mark (held while open)
/// and the draft journal.
final class EffectPerformer {
    let store: any EditorStore
    /// The interface language, for store messages that come in both (review refusals).
    let language: Language
    private var marks: [String: any PresenceMarking] = [:]
    private var journals: [String: any DraftJournaling] = [:]

    init(store: any EditorStore, language: Language = .chinese) {
        self.store = store
        self.language = language
    }

    func perform(_ effect: AppEffect) -> [InputEvent] {
        do throws(FailureResult) {
            return try run(effect).map { .result($0) }
        } catch {
            return [.result(.failed(error.failure))]
        }
    }

    private struct FailureResult: Error { var failure: EffectFailure }

    /// Runs a store call, turning its error into an `EffectFailure` of `operation`.
    private func attempt<T>(_ operation: EffectFailure.Operation, id: String?,
                            _ body: () throws(StoreError) -> T) throws(FailureResult) -> T {
        do {
            return try body()
        } catch {
            let reason: EffectFailure.Reason = switch error {
            case .alreadyExists, .deleted: .alreadyExists
            case .notFound: .notFound
            default: .other
            }
            // A refusal of the review rules (or a broken access configuration) says why in the
            // user's language; the session keeps its edits and the draft journal, so nothing typed is lost.
            let message = language == .chinese ? error.localized.zh : error.localized.en
            throw FailureResult(failure: EffectFailure(operation, id: id, reason: reason, message: message))
        }
    }

    private func run(_ effect: AppEffect) throws(FailureResult) -> [EffectResult] {
        switch effect {
        case .quit, .redraw, .copyToClipboard:
            return []
        case .listDepartments:
            let loaded = try attempt(.list, id: nil) { () throws(StoreError) in try DepartmentListingLoader.load(from: store) }
            return [.departments(DepartmentIndex(listings: loaded.listings, problems: loaded.problems))]
        case .listDeleted:
            let deleted = try attempt(.listDeleted, id: nil) { () throws(StoreError) in try store.listDeleted() }
            return [.deletedDepartments(deleted.map(DepartmentListingLoader.listing(of:))
                .sorted { ($0.unitCode, $0.fiscalYear) < ($1.unitCode, $1.fiscalYear) })]
        case .openDepartment(let id):
            return [.opened(try open(id))]
        case .saveDepartment(let document, let base):
            let outcome = try attempt(.save, id: document.id) { () throws(StoreError) in try store.save(document, base: base) }
            switch outcome {
            case .saved(let revision):
                finishJournal(document.id)
                return [.saved(document, revision: revision, savedBy: store.saver, savedAt: nil)]
            case .conflict(let current):
                return [.saveConflict(current: current)]
            }
        case .createDepartment(let document):
            let outcome = try attempt(.create, id: document.id) { () throws(StoreError) in try store.save(document, base: 0) }
            guard case .saved = outcome else {
                throw FailureResult(failure: EffectFailure(.create, id: document.id, reason: .alreadyExists,
                                                           message: StoreError.alreadyExists(id: document.id).description))
            }
            return [.created(document)]
        case .deleteDepartment(let id):
            try attempt(.delete, id: id) { () throws(StoreError) in try store.delete(id: id) }
            return [.deleted(id: id)]
        case .restoreDepartment(let id):
            try attempt(.restore, id: id) { () throws(StoreError) in try store.restore(id: id) }
            return [.restored(id: id)]
        case .loadSamples:
            let samples: [DepartmentDocument]
            do {
                samples = try SampleDepartments.all()
            } catch {
                throw FailureResult(failure: EffectFailure(.samples, message: "\(error)"))
            }
            var added = 0
            for document in samples {
                let outcome = try attempt(.samples, id: document.id) { () throws(StoreError) in try store.install(document) }
                if case .saved = outcome { added += 1 }
            }
            return [.samplesLoaded(added: added, skipped: samples.count - added)]
        case .loadIndicatorLibrary:
            return [.indicatorLibrary(indicatorLibrary())]
        case .journalEdits(let draft):
            let id = draft.base.document.id
            try attempt(.journal, id: id) { () throws(StoreError) in
                if draft.beginsJournal || journals[id] == nil {
                    let journal: any DraftJournaling
                    if let open = journals[id] { journal = open } else { journal = try store.draftJournal(id: id) }
                    try journal.begin(on: draft.base)
                    journals[id] = journal
                }
                try journals[id]?.append(draft.edits)
            }
            return draft.repairs ? [.journalRepaired(id: id)] : []
        case .discardDraft(let id):
            finishJournal(id)
            return []
        case .loadHistory(let id):
            let (latest, records) = try attempt(.history, id: id) { () throws(StoreError) in
                let latest = try store.load(id: id)
                // A save between the two reads adds records past `latest`; they are left out.
                return (latest, try store.history(id: id).filter { $0.revision <= latest.revision })
            }
            return [.history(DepartmentHistory(latest: latest, records: records))]
        case .closeDepartment(let id):
            marks.removeValue(forKey: id)?.close()
            journals[id] = nil
            return []
        case .checkPresence(let id):
            return [.presence(id: id, others: try attempt(.presence, id: id) { () throws(StoreError) in try others(id) })]
        }
    }

    /// Loads `id`, notes who else has it open, marks it open here and looks for a draft.
    private func open(_ id: String) throws(FailureResult) -> OpenedDepartment {
        let stored = try attempt(.open, id: id) { () throws(StoreError) in try store.load(id: id) }
        let others = (try? self.others(id)) ?? []
        if marks[id] == nil { marks[id] = try? store.markOpen(id: id) }
        var recoverable: RecoverableDraft?
        let draft = try attempt(.open, id: id) { () throws(StoreError) in try store.recoverDraft(id: id) }
        if let draft, !draft.edits.isEmpty {
            let modified = store.draftFile(id: id).flatMap {
                (try? FileManager.default.attributesOfItem(atPath: $0)[.modificationDate]) as? Date
            }
            recoverable = RecoverableDraft(baseRevision: draft.baseRevision, base: draft.base, edits: draft.edits,
                                           lastEdited: modified.map { ISO8601DateFormatter().string(from: $0) })
        }
        return OpenedDepartment(stored: stored, others: others, draft: recoverable)
    }

    /// Who else has `id` open: every process but this one.
    private func others(_ id: String) throws(StoreError) -> [PresenceEntry] {
        let me = store.saver
        return try store.presence(id: id).filter { !($0.pid == me.pid && $0.host == me.host) }
    }

    /// Removes the draft journal of `id` (after a save, or when the user discards).
    private func finishJournal(_ id: String) {
        if let journal = journals.removeValue(forKey: id) {
            try? journal.discard()
        } else if let journal = try? store.draftJournal(id: id) {
            try? journal.discard()
        }
    }

    /// The departments read for the indicator library: the most recently saved ones, so a large
    /// store costs a bounded read (at 20 projects × 10 rows each this is about 100,000 rows).
    static let libraryDepartmentLimit = 500

    /// Indicators written across the store plus the bundled samples. A department that cannot
    /// be read is left out: the library is a convenience, never a reason to stop editing.
    private func indicatorLibrary() -> IndicatorLibrary {
        var documents = (try? SampleDepartments.all()) ?? []
        let summaries = ((try? store.list())?.documents ?? [])
            .sorted { ($0.savedAt ?? "") > ($1.savedAt ?? "") }
            .prefix(Self.libraryDepartmentLimit)
        for summary in summaries {
            if let stored = try? store.load(id: summary.id) { documents.append(stored.document) }
        }
        return IndicatorLibrary(documents: documents)
    }
}
