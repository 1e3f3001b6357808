import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who has a department open: one file per editing process under `presence/<id>/`, holding
/// user, host, pid and since. The owning process keeps an exclusive `flock` on its file for as
/// long as it has the document open, so a file nobody holds belongs to a process that is gone
/// (killed, disconnected) and is removed by the next reader; no pid guessing.
/// This process's mark on an open document; `close()` (or deinit, or death) clears it.
public final class PresenceMark: PresenceMarking {
    public let entry: PresenceEntry
    let path: String
    private let files: StoreFiles
    private var lock: FileLock?

    init(entry: PresenceEntry, path: String, lock: FileLock, files: StoreFiles) {
        self.entry = entry
        self.path = path
        self.lock = lock
        self.files = files
    }

    public func close() {
        guard let lock else { return }
        try? files.unlink(path)
        lock.unlock()
        self.lock = nil
    }

    deinit { close() }
}

extension FileDocumentStore: PresenceTracking {
    func presenceDirectory(_ id: String) -> String { "\(root)/presence/\(id)" }

    /// Marks `id` as open by this process.
    public func markOpen(id: String) throws(StoreError) -> PresenceMark {
        try validate(id)
        let directory = presenceDirectory(id)
        let entry = PresenceEntry(user: saver.user, host: saver.host, pid: saver.pid, since: Timestamp.now())
        // The random part keeps two marks of one process (two windows) apart.
        let name = "\(entry.user)@\(entry.host).\(entry.pid).\(UInt32.random(in: 0...UInt32.max))"
        let temp = "\(directory)/.\(name)"
        let path = "\(directory)/\(name).json"
        do {
            try files.makeDirectory(directory, group: group)
            // Lock before the file becomes visible, so no reader ever sees it unheld.
            let lock = try FileLock.acquire(temp, in: files)
            let fd = try files.open(temp, O_WRONLY)
            defer { Glibc.close(fd) }
            try FileIO.writeAll(fd, DocumentFile.encodeLine(entry), temp)
            try files.rename(temp, path)
            return PresenceMark(entry: entry, path: path, lock: lock, files: files)
        } catch {
            try? files.unlink(temp)
            throw .io(error)
        }
    }

    /// Everyone who has `id` open now (this process included), oldest first. Entries of
    /// processes that are gone are removed on the way.
    public func presence(id: String) throws(StoreError) -> [PresenceEntry] {
        try validate(id)
        let directory = presenceDirectory(id)
        let names: [String]
        do {
            names = try files.list(directory)
        } catch {
            // Presence is advice: an odd entry where the directory should be shows nobody
            // rather than stopping the editor.
            if error.isOddEntry { return [] }
            throw .io(error)
        }
        var entries: [PresenceEntry] = []
        for name in names where name.hasPrefix(".") {
            // A mark being created holds its lock already; an unheld one was left by a crash.
            let path = "\(directory)/\(name)"
            if let stale = try? FileLock.attempt(path, in: files) {
                try? files.unlink(path)
                stale.unlock()
            }
        }
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let path = "\(directory)/\(name)"
            if let stale = try? FileLock.attempt(path, in: files) {
                // Nobody holds it: its process is gone.
                try? files.unlink(path)
                stale.unlock()
                continue
            }
            guard let bytes = (try? files.readFile(path)).flatMap({ $0 }),
                  let entry = try? JSONDecoder().decode(PresenceEntry.self, from: Data(bytes)) else { continue }
            entries.append(entry)
        }
        return entries.sorted { ($0.since, $0.pid) < ($1.since, $1.pid) }
    }
}
