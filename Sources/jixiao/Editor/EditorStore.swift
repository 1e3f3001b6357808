import JixiaoStore

/// What the editor needs of a store: documents, presence and drafts, who saves, and where the
/// store is (for the status line). Both backends provide it.
protocol EditorStore: DocumentStore, PresenceTracking, DraftStore {
    var saver: SaverIdentity { get }
    /// The directory, or the URL without secrets.
    var location: String { get }
    /// The draft journal's file of `id`, when drafts are files (its modification time is
    /// shown as "last edited").
    func draftFile(id: String) -> String?
    /// Live refresh: a feed of other editors' changes, and how often to look at it while
    /// there is no socket to wait on (seconds).
    func makeChangeFeed() -> (feed: any ChangeFeed, lookInterval: Double)
}

extension FileDocumentStore: EditorStore {
    var location: String { root }
    func draftFile(id: String) -> String? { "\(root)/drafts/\(saver.user)/\(id).jsonl" }
    /// `stat` every 2 seconds while idle: cheap (docs/store.md), and a colleague's save shows
    /// within about as long as it takes to look up from the keyboard.
    func makeChangeFeed() -> (feed: any ChangeFeed, lookInterval: Double) { (changeFeed(), 2) }
}

extension PostgresStore: EditorStore {
    var location: String { address.description }
    func draftFile(id: String) -> String? { nil }
    /// LISTEN/NOTIFY on the socket; after the connection was lost, a reconnect is tried every
    /// 5 seconds.
    func makeChangeFeed() -> (feed: any ChangeFeed, lookInterval: Double) { (self, 5) }
}
