import JixiaoModel

/// Where department documents live: `FileDocumentStore` (the embedded default) or
/// `PostgresStore` (one database for many machines). Nothing here mentions files or SQL;
/// `StoreConformanceTests` runs the same tests against both.
///
/// Every save names the revision it was based on; a save based on a stale revision changes
/// nothing and returns the current document so the editor can merge (`DocumentMerge`).
public protocol DocumentStore: Sendable {
    /// Summaries of the live documents, plus the documents that could not be read.
    func list() throws(StoreError) -> StoreListing
    /// The current document and its revision.
    func load(id: String) throws(StoreError) -> StoredDocument
    /// Saves `document` (its `id` names it) if the stored revision is still `base`; `base` 0
    /// creates a new document.
    func save(_ document: DepartmentDocument, base: Int) throws(StoreError) -> SaveOutcome
    /// The audit trail, oldest first.
    func history(id: String) throws(StoreError) -> [HistoryRecord]
    /// Moves a document out of the listing; `restore` brings it back. History is kept.
    func delete(id: String) throws(StoreError)
    func restore(id: String) throws(StoreError)
    /// Soft-deleted documents, restorable.
    func listDeleted() throws(StoreError) -> [DocumentSummary]

    /// Who this store acts as: the process's OS account and groups (file store) or the
    /// authenticated database role and its roles (PostgreSQL). Saves are checked against it.
    var identity: Identity { get }
    /// The store's access configuration, read afresh (docs/store.md); `.singleUser` when there
    /// is none, `accessConfiguration` when it cannot be read (every write is then refused).
    func accessPolicy() throws(StoreError) -> AccessPolicy
    /// Creates a document that arrives with its own review log and comments (the bundled
    /// samples): like `save(_:base: 0)`, but the log's signatures are not checked against this
    /// user; with a configuration the installer must be a reviewer or an editor of the
    /// department. `conflict` when the id exists.
    func install(_ document: DepartmentDocument) throws(StoreError) -> SaveOutcome
}

/// A document as stored: content plus the revision a later save must name as its base.
public struct StoredDocument: Sendable, Hashable {
    public var document: DepartmentDocument
    public var revision: Int
    /// Who saved this revision, and when.
    public var savedBy: SaverIdentity?
    public var savedAt: String?

    public init(document: DepartmentDocument, revision: Int, savedBy: SaverIdentity? = nil, savedAt: String? = nil) {
        self.document = document
        self.revision = revision
        self.savedBy = savedBy
        self.savedAt = savedAt
    }
}

public enum SaveOutcome: Sendable, Hashable {
    /// Saved as this new revision.
    case saved(revision: Int)
    /// Someone saved first; nothing was written. Merge with `current` and save again on its
    /// revision.
    case conflict(current: StoredDocument)
}

/// What the department list shows, without parsing every document.
public struct DocumentSummary: Sendable, Hashable, Codable {
    public var id: String
    public var unitCode: String
    public var unitName: String
    public var fiscalYear: Int
    public var status: String
    public var projectCount: Int
    public var indicatorCount: Int
    /// 预算数 total over projects, canonical decimal text in the document's money unit.
    public var totalBudget: String
    public var moneyUnit: String
    /// Validation finding counts; `nil` when no validator was connected.
    public var errorCount: Int?
    public var warningCount: Int?
    public var noticeCount: Int?
    public var revision: Int
    public var savedBy: String?
    public var savedAt: String?
    /// Who submitted it last and when (`ReviewTimestamp` form), from the review log: the
    /// review queue's order. Absent in summaries written before the review workflow.
    public var lastSubmittedBy: String?
    public var lastSubmittedAt: String?

    public init(document: DepartmentDocument, revision: Int, findings: FindingCounts?, savedBy: String?, savedAt: String?) {
        id = document.id
        unitCode = document.unitCode
        unitName = document.unitName
        fiscalYear = document.fiscalYear
        status = document.status.rawValue
        projectCount = document.projects.count
        indicatorCount = document.indicatorCount
        totalBudget = document.totalBudget.description
        moneyUnit = document.moneyUnit.rawValue
        errorCount = findings?.errors
        warningCount = findings?.warnings
        noticeCount = findings?.notices
        self.revision = revision
        self.savedBy = savedBy
        self.savedAt = savedAt
        let submit = document.lastReviewEvent(.submit)
        lastSubmittedBy = submit?.user
        lastSubmittedAt = submit?.time
    }
}

/// The validation hook of the summary index: counts a document's findings (`FindingCounts` of
/// JixiaoModel). `version` names the rules: when it changes, every cached count is recomputed.
public struct FindingCounter: Sendable {
    public var version: String
    public var count: @Sendable (DepartmentDocument) -> FindingCounts
    public init(version: String, count: @escaping @Sendable (DepartmentDocument) -> FindingCounts) {
        self.version = version
        self.count = count
    }
}

public struct StoreListing: Sendable, Hashable {
    public var documents: [DocumentSummary]
    /// Documents that could not be read (moved aside, or written by a newer jixiao).
    public var problems: [DocumentProblem]
    /// Departments whose document is missing but whose history can rebuild it (可从历史恢复).
    public var restorable: [DocumentProblem] = []
}

/// A document the store could not use, and why.
public struct DocumentProblem: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    /// Where the bytes are now (moved aside into `damaged/`, or in place when left alone).
    public var path: String
    public var reason: String

    public init(id: String, path: String, reason: String) {
        self.id = id
        self.path = path
        self.reason = reason
    }

    public var description: String { "\(path): \(reason)" }
}

/// One entry of a document's audit trail.
public struct HistoryRecord: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case save, delete, restore
    }

    public var kind: Kind
    /// The revision after this event (delete and restore keep the revision).
    public var revision: Int
    public var baseRevision: Int
    public var user: String
    public var host: String
    public var pid: Int32
    /// UTC, ISO 8601 with milliseconds.
    public var time: String
    /// SHA-256 of the document bytes of `revision`.
    public var sha256: String
    public var changes: [DocumentDiff.Change]

    public init(kind: Kind, revision: Int, baseRevision: Int, saver: SaverIdentity, time: String,
                sha256: String, changes: [DocumentDiff.Change]) {
        self.kind = kind
        self.revision = revision
        self.baseRevision = baseRevision
        user = saver.user
        host = saver.host
        pid = saver.pid
        self.time = time
        self.sha256 = sha256
        self.changes = changes
    }
}

public enum StoreError: Error, Sendable, Hashable, CustomStringConvertible {
    case notFound(id: String)
    case invalidID(String)
    /// The document exists but cannot be used; it was moved aside or left for a newer jixiao.
    case damaged(DocumentProblem)
    /// A history file with a bad line.
    case damagedHistory(path: String, line: Int, reason: String)
    case deleted(id: String)
    case alreadyExists(id: String)
    /// A system call failed while reading or maintaining the store.
    case io(SystemError)
    /// A save, delete or restore failed before the document was replaced or moved: nothing
    /// changed.
    case saveFailed(SystemError)
    /// A system call failed after the new version was renamed into place: it may or may not
    /// survive a crash. Load again to see what is there.
    case outcomeUnknown(id: String, SystemError)
    case networkFileSystem(path: String, kind: String)
    /// The directory is not a store (missing, empty, or holding other files) and this command
    /// does not create one.
    case notAStore(path: String, reason: String)
    case draft(path: String, reason: String)
    /// A store address that cannot be used (a malformed URL, a password in it).
    case badAddress(reason: String)
    /// The database server could not be reached or refused the login.
    case unreachable(address: String, reason: String)
    /// The database refused or failed a statement; nothing changed.
    case database(String)
    /// The database's permissions (roles, row-level security) do not allow this.
    case permissionDenied(id: String, reason: String)
    /// The connection broke while the server was committing a save: it may or may not have
    /// happened. Never retried blindly; load again (which reconnects) to see.
    case commitUnknown(id: String, reason: String)
    /// The database has no jixiao schema, an older one, or one newer than this jixiao knows.
    case schema(String)
    /// The review rules or the access configuration do not allow this save, delete or restore
    /// (`ReviewGuard`); nothing changed.
    case refused(id: String, ReviewRefusal)
    /// The access configuration exists but cannot be read or parsed: writes are refused until
    /// it is fixed (never taken as "no configuration").
    case accessConfiguration(path: String, reason: String)

    public var description: String {
        switch self {
        case .notFound(let id): "no document \(id)"
        case .invalidID(let id): "invalid document id \"\(id)\" (letters, digits, - and _ only)"
        case .damaged(let problem): "damaged document \(problem.id): \(problem)"
        case .damagedHistory(let path, let line, let reason): "\(path):\(line): damaged history: \(reason)"
        case .deleted(let id): "document \(id) is deleted; `jixiao restore \(id)` brings it back"
        case .alreadyExists(let id): "document \(id) already exists"
        case .io(let error): "\(error)"
        case .saveFailed(let error): "save failed, nothing changed: \(error)"
        case .outcomeUnknown(let id, let error): "save of \(id) may not be durable: \(error); reload to check"
        case .networkFileSystem(let path, let kind):
            "\(path) is on a network file system (\(kind)); renames and locks are not safe there. "
                + "Use a local directory, or pass --unsafe-network-fs to accept the risk of lost edits."
        case .draft(let path, let reason): "\(path): draft journal: \(reason)"
        case .notAStore(let path, let reason): "\(path) is not a jixiao store: \(reason)"
        case .badAddress(let reason): "unusable store address: \(reason)"
        case .unreachable(let address, let reason): "cannot connect to \(address): \(reason)"
        case .database(let message): "database error, nothing changed: \(message)"
        case .permissionDenied(let id, let reason): "not allowed to change or read \(id): \(reason)"
        case .commitUnknown(let id, let reason):
            "the connection was lost while saving \(id) (\(reason)); the save may or may not have been committed: reload to check"
        case .schema(let message): message
        case .refused(let id, let refusal): "\(id): refused: \(refusal.message.en) (\(refusal.message.zh))"
        case .accessConfiguration(let path, let reason):
            "\(path): the access configuration cannot be used (\(reason)); nothing can be saved until it is fixed (docs/store.md)"
        }
    }

    /// The message in Chinese and English, for front ends that show the user's language.
    public var localized: LocalizedText {
        switch self {
        case .refused(_, let refusal):
            // The front end knows which department it saved; the status line is 80 columns.
            refusal.message
        case .accessConfiguration(let path, let reason):
            LocalizedText(zh: "\(path)：权限配置无法使用（\(reason)），修正之前不能保存（见 docs/store.md）",
                          en: description)
        default:
            LocalizedText(zh: description, en: description)
        }
    }
}
