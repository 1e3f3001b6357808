import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A mark in `jixiao.presence`, held alive by a session-level advisory lock on its key: when
/// the process dies or its connection drops, the server releases the lock and the next reader
/// removes the row (the file store's flock design, in the database).
public final class PostgresPresenceMark: PresenceMarking {
    public let entry: PresenceEntry
    let key: Int32
    private let store: PostgresStore
    private var closed = false

    init(entry: PresenceEntry, key: Int32, store: PostgresStore) {
        self.entry = entry
        self.key = key
        self.store = store
    }

    public func close() {
        guard !closed else { return }
        closed = true
        store.clearMark(key: key)
    }

    deinit { close() }
}

extension PostgresStore: PresenceTracking {
    public func markOpen(id: String) throws(StoreError) -> PostgresPresenceMark {
        try validate(id)
        let saver = self.saver
        let entry = PresenceEntry(user: saver.user, host: saver.host, pid: saver.pid, since: Timestamp.now())
        return try withConnection { c throws(StoreError) in
            do {
                guard let key = Int32(try c.execute("SELECT nextval('jixiao.presence_key')").value(0, 0) ?? "") else {
                    throw StoreError.database("presence key sequence returned nothing")
                }
                // Locked before the row is visible, so no reader ever sees it unheld.
                try c.execute("SELECT pg_advisory_lock($1::int, $2::int)", [String(PostgresSchema.lockSpace), String(key)])
                try c.execute("INSERT INTO jixiao.presence (key, doc_id, host, pid, since) VALUES ($1, $2, $3, $4, $5)",
                              [String(key), id, entry.host, String(entry.pid), entry.since])
                try c.execute("SELECT pg_notify('jixiao', $1)", ["presence " + id])
                let mark = PostgresPresenceMark(entry: entry, key: key, store: self)
                openMarks[key] = WeakMark(mark: mark)
                markDocument[key] = id
                return mark
            } catch {
                throw mapped(error, id: id)
            }
        }
    }

    public func presence(id: String) throws(StoreError) -> [PresenceEntry] {
        try validate(id)
        return try withConnection { c throws(StoreError) in
            do {
                let rows = try c.execute("SELECT key, user_name, host, pid, since FROM jixiao.presence WHERE doc_id = $1", [id]).rows
                var entries: [PresenceEntry] = []
                for row in rows {
                    guard let key = row[0].flatMap({ Int32($0) }) else { continue }
                    if openMarks[key]?.mark == nil {
                        let free = try c.execute("SELECT pg_try_advisory_lock($1::int, $2::int)",
                                                 [String(PostgresSchema.lockSpace), String(key)])
                        if free.value(0, 0) == "t" {
                            // Nobody holds it: its process or connection is gone.
                            try c.execute("DELETE FROM jixiao.presence WHERE key = $1", [String(key)])
                            try c.execute("SELECT pg_advisory_unlock($1::int, $2::int)", [String(PostgresSchema.lockSpace), String(key)])
                            continue
                        }
                    }
                    entries.append(PresenceEntry(user: row[1] ?? "", host: row[2] ?? "", pid: row[3].flatMap { Int32($0) } ?? 0,
                                                 since: row[4] ?? ""))
                }
                return entries.sorted { ($0.since, $0.pid) < ($1.since, $1.pid) }
            } catch {
                throw mapped(error, id: id)
            }
        }
    }

    func clearMark(key: Int32) {
        _ = try? withConnection { c throws(StoreError) in
            openMarks[key] = nil
            markDocument[key] = nil
            let id = try? c.execute("DELETE FROM jixiao.presence WHERE key = $1 RETURNING doc_id", [String(key)]).value(0, 0)
            _ = try? c.execute("SELECT pg_advisory_unlock($1::int, $2::int)", [String(PostgresSchema.lockSpace), String(key)])
            if let id { _ = try? c.execute("SELECT pg_notify('jixiao', $1)", ["presence " + id]) }
        }
    }

    /// After a reconnect the server has dropped this session's advisory locks: take them again
    /// and put back rows a reader removed meanwhile. Called under the store's lock.
    func reestablishMarks() {
        for (key, weak) in openMarks {
            guard let mark = weak.mark, let id = markDocument[key] else {
                openMarks[key] = nil
                continue
            }
            _ = try? connection.execute("SELECT pg_advisory_lock($1::int, $2::int)", [String(PostgresSchema.lockSpace), String(key)])
            _ = try? connection.execute("""
                INSERT INTO jixiao.presence (key, doc_id, host, pid, since)
                VALUES ($1, $2, $3, $4, $5) ON CONFLICT (key) DO NOTHING
                """, [String(key), id, mark.entry.host, String(mark.entry.pid), mark.entry.since])
        }
    }
}

extension PostgresStore: ChangeFeed {
    /// Notifications on channel `jixiao` ("document ID", "presence ID"), sent by every save,
    /// delete, restore and presence change when its transaction commits. Those sent by this
    /// store's own connection are left out: the editor knows what it did itself. The first
    /// call (and any call after the listening connection was lost and made again) returns
    /// `.everything`: what happened in between is unknown.
    public func changes(waitingUpTo timeout: Double) throws(StoreError) -> StoreChanges {
        listenerLock.lock()
        defer { listenerLock.unlock() }
        guard let listening = listener, !listening.isBroken else { return try listenAgain() }
        do {
            var received = try listening.notifications()
            if received.isEmpty && timeout > 0 {
                var descriptor = pollfd(fd: listening.socket, events: Int16(POLLIN), revents: 0)
                _ = poll(&descriptor, 1, Int32(timeout * 1000))
                received = try listening.notifications()
            }
            let own = ownBackendPID
            var ids = Set<String>()
            for (sender, payload) in received where sender != own {
                if let space = payload.firstIndex(of: " ") { ids.insert(String(payload[payload.index(after: space)...])) }
            }
            return ids.isEmpty ? .none : .documents(ids)
        } catch {
            // Gone: the next call reconnects and says to re-read everything.
            return try listenAgain()
        }
    }

    /// The listening connection gives up a connection attempt after 3 seconds (the editor
    /// makes it while idle, and a key typed meanwhile waits for it), and TCP keepalives find a
    /// silently dropped network in about a minute (30 s idle, then 3 probes 10 s apart), after
    /// which it is made again and everything is re-read.
    static let listenerDefaults = [
        (parameter: "connect_timeout", environment: "PGCONNECT_TIMEOUT", value: "3"),
        (parameter: "keepalives_idle", environment: "", value: "30"),
        (parameter: "keepalives_interval", environment: "", value: "10"),
        (parameter: "keepalives_count", environment: "", value: "3"),
    ]

    /// The listening connection's socket while it is up.
    public var wakeDescriptor: Int32? {
        listenerLock.lock()
        defer { listenerLock.unlock() }
        guard let listening = listener, !listening.isBroken, listening.socket >= 0 else { return nil }
        return listening.socket
    }

    /// The server process of this store's own (working) connection, 0 when it is down.
    private var ownBackendPID: Int32 {
        lock.lock()
        defer { lock.unlock() }
        return connection.isBroken ? 0 : connection.backendPID
    }

    /// A new listening connection; whatever was sent meanwhile is lost, so: re-read everything.
    private func listenAgain() throws(StoreError) -> StoreChanges {
        listener = nil
        let made = try PostgresConnection(address, defaults: Self.listenerDefaults)
        do {
            try made.execute("LISTEN jixiao")
        } catch {
            throw mapped(error, id: "notifications")
        }
        listener = made
        reviveWorkingConnection()
        return .everything
    }

    /// The working connection most likely went down with the listening one (a server restart,
    /// a dropped network): check it now and connect it again, with its presence marks, so the
    /// re-read that follows `.everything` does not run into the broken connection first.
    private func reviveWorkingConnection() {
        lock.lock()
        defer { lock.unlock() }
        if (try? connection.execute("SELECT 1")) == nil { try? connection.reconnectIfNeeded() }
        if !connection.isBroken, sessionGeneration != connection.generation {
            sessionGeneration = connection.generation
            reestablishMarks()
        }
    }
}
