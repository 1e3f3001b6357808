/// A document with everything the store knows about it, for moving it to another store
/// unchanged: the same revision, last saver and time, and the same history records.
public struct TransferredDocument: Sendable, Hashable {
    public var stored: StoredDocument
    public var history: [HistoryRecord]
    public var deleted: Bool

    public init(stored: StoredDocument, history: [HistoryRecord], deleted: Bool) {
        self.stored = stored
        self.history = history
        self.deleted = deleted
    }
}

/// Reading and writing whole documents with their history (`jixiao store copy`). Importing
/// bypasses the save protocol on purpose: it writes recorded history as it was, so it only
/// creates ids that do not exist yet.
public protocol StoreTransfer: DocumentStore {
    /// Every document id, live and deleted, sorted.
    func allDocumentIDs() throws(StoreError) -> [String]
    func exportDocument(id: String) throws(StoreError) -> TransferredDocument
    /// Writes `document` exactly as given; `alreadyExists` when its id is taken.
    func importDocument(_ document: TransferredDocument) throws(StoreError)
}

/// A consistency check of the whole store (`jixiao fsck`).
public protocol StoreChecking {
    func check() throws(StoreError) -> StoreCheckReport
}

/// What changed in the store since the last look, for live refresh of the home screen and
/// the presence warning. A hint only: `.everything` (after a reconnect) means re-read all.
public enum StoreChanges: Sendable, Hashable {
    case none
    /// Document ids whose content or presence changed.
    case documents(Set<String>)
    case everything
}

/// Implemented by `PostgresStore` (LISTEN/NOTIFY, changes made by this store's own connection
/// left out) and `FileChangeFeed` (stat on a timer). docs/store.md, "Live refresh".
public protocol ChangeFeed: AnyObject {
    /// Waits up to `timeout` seconds (0: just look) for changes made by others.
    func changes(waitingUpTo timeout: Double) throws(StoreError) -> StoreChanges
    /// A descriptor that turns readable when changes may be waiting (the PostgreSQL socket), so
    /// a caller can wait on it with poll(2) beside other input; nil when there is none right
    /// now (a file store, or a lost connection): look on a timer instead.
    var wakeDescriptor: Int32? { get }
}
