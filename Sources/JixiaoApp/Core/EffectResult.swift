import JixiaoModel
import JixiaoStore

/// What came of an `AppEffect`, fed back to the app core as `InputEvent.result(_:)`.
public enum EffectResult: Hashable, Sendable {
    case departments(DepartmentIndex)
    case deletedDepartments([DepartmentListing])
    case opened(OpenedDepartment)
    /// `document` was saved as `revision`.
    case saved(DepartmentDocument, revision: Int, savedBy: SaverIdentity?, savedAt: String?)
    /// Someone saved a newer revision first; nothing was written.
    case saveConflict(current: StoredDocument)
    case created(DepartmentDocument)
    case deleted(id: String)
    case restored(id: String)
    case samplesLoaded(added: Int, skipped: Int)
    /// The indicators written across the store (see `AppEffect.loadIndicatorLibrary`).
    case indicatorLibrary(IndicatorLibrary)
    /// Who else (other processes) has department `id` open, oldest first.
    case presence(id: String, others: [PresenceEntry])
    /// The revisions of a department (see `AppEffect.loadHistory`).
    case history(DepartmentHistory)
    /// A journal rewrite after a failed write (`DraftEdits.repairs`) succeeded: the draft of
    /// `id` holds every committed edit again.
    case journalRepaired(id: String)
    case failed(EffectFailure)
}

/// The home screen's departments and the files the store could not read.
public struct DepartmentIndex: Hashable, Sendable {
    public var listings: [DepartmentListing]
    /// One line per unreadable document: `path: reason`.
    public var problems: [String]

    public init(listings: [DepartmentListing], problems: [String] = []) {
        self.listings = listings
        self.problems = problems
    }
}

/// A department loaded for editing, with who else has it open and this user's unsaved draft.
public struct OpenedDepartment: Hashable, Sendable {
    public var stored: StoredDocument
    /// Other editors (other processes) with the department open, oldest first.
    public var others: [PresenceEntry]
    public var draft: RecoverableDraft?

    public init(stored: StoredDocument, others: [PresenceEntry] = [], draft: RecoverableDraft? = nil) {
        self.stored = stored
        self.others = others
        self.draft = draft
    }
}

/// Edits a previous session journaled but never saved (crash, dropped connection).
public struct RecoverableDraft: Hashable, Sendable {
    public var baseRevision: Int
    public var base: DepartmentDocument
    public var edits: [CellEdit]
    /// When the journal was last written (ISO 8601), if known.
    public var lastEdited: String?

    public init(baseRevision: Int, base: DepartmentDocument, edits: [CellEdit], lastEdited: String?) {
        self.baseRevision = baseRevision
        self.base = base
        self.edits = edits
        self.lastEdited = lastEdited
    }
}

/// A store operation that did not happen, and why, in the store's words.
public struct EffectFailure: Hashable, Sendable {
    public enum Operation: String, Hashable, Sendable {
        case list, listDeleted, open, save, create, delete, restore, samples, journal, discard, presence, history
    }

    public enum Reason: Hashable, Sendable {
        /// A department with this id exists already (create, restore).
        case alreadyExists
        case notFound
        case other
    }

    public var operation: Operation
    public var id: String?
    public var reason: Reason
    public var message: String

    public init(_ operation: Operation, id: String? = nil, reason: Reason = .other, message: String) {
        self.operation = operation
        self.id = id
        self.reason = reason
        self.message = message
    }
}
