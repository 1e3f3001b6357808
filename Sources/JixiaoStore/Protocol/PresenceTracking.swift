/// Who has a department open, so the editor can warn "张三 has had this open since 10:02"
/// (a soft lock: saves stay safe through revisions either way). Both backends implement it:
/// the file store with locked files, PostgreSQL with a table and advisory locks.
public protocol PresenceTracking {
    associatedtype Mark: PresenceMarking
    /// Marks `id` as open by this process until the mark is closed or the process dies.
    func markOpen(id: String) throws(StoreError) -> Mark
    /// Everyone who has `id` open now (this process included), oldest first. Entries of
    /// processes that are gone are removed on the way.
    func presence(id: String) throws(StoreError) -> [PresenceEntry]
}

/// This process's mark on an open document.
public protocol PresenceMarking: AnyObject {
    var entry: PresenceEntry { get }
    /// Clears the mark (also done when the mark is released or the process dies).
    func close()
}

public struct PresenceEntry: Sendable, Hashable, Codable {
    public var user: String
    public var host: String
    public var pid: Int32
    /// UTC, ISO 8601.
    public var since: String

    public init(user: String, host: String, pid: Int32, since: String) {
        self.user = user
        self.host = host
        self.pid = pid
        self.since = since
    }
}
