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
}

extension FileDocumentStore: EditorStore {
    var location: String { root }
    func draftFile(id: String) -> String? { "\(root)/drafts/\(saver.user)/\(id).jsonl" }
}

extension PostgresStore: EditorStore {
    var location: String { address.description }
    func draftFile(id: String) -> String? { nil }
}
