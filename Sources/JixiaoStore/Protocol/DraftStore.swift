import JixiaoModel

/// Each user's unsaved committed edits, kept outside the shared documents so nothing typed is
/// lost to a crash or a dropped connection, and recoverable from any host the user reconnects
/// to (PostgreSQL) or on the same machine (files).
public protocol DraftStore {
    associatedtype Journal: DraftJournaling
    /// This user's journal for `id` (not yet begun).
    func draftJournal(id: String) throws(StoreError) -> Journal
    /// This user's unsaved draft of `id`, if a previous session left one.
    func recoverDraft(id: String) throws(StoreError) -> DraftJournal.Draft?
}

public protocol DraftJournaling: AnyObject {
    /// Starts a fresh journal on `base`, replacing any previous one atomically.
    func begin(on base: StoredDocument) throws(StoreError)
    /// Journals committed edits durably; returns once they would survive a crash.
    func append(_ edits: [CellEdit]) throws(StoreError)
    /// Removes the journal (after a successful save, or when the user discards the edits).
    func discard() throws(StoreError)
}
