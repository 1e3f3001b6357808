import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Live refresh for the file store: which departments changed since the last look, found by
/// comparing `stat` results rather than by a notification service, so it works the same on
/// every file system the store accepts (inotify would need a watch per presence directory and
/// says nothing across NFS clients).
///
/// A look costs two `stat`s of `documents/` and `deleted/` (their entries are stat'ed again
/// only when the directory changed), one listing of `presence/` and a `stat` per department
/// that has ever been open. Every save replaces its file by rename, so a changed document has a
/// new inode; presence marks are created and removed in `presence/<id>/`, which changes that
/// directory. A directory whose modification time is within `settleSeconds` of the look is
/// read again next time too, because file systems with coarse timestamps can give two changes
/// in a row the same time.
///
/// Not reported: a presence mark left by a process that died (nothing on disk changes until the
/// next reader removes it; the presence warning then catches up at the next change).
public final class FileChangeFeed: ChangeFeed {
    public let root: String
    /// Seconds after which a directory's modification time is trusted to cover every change.
    static let settleSeconds = 2

    /// What identifies one version of a file or directory.
    struct Stamp: Hashable {
        var inode: UInt
        var size: Int
        var seconds: Int
        var nanoseconds: Int
    }

    /// A watched directory: its stamp at the last look, whether that stamp was too recent to
    /// trust, and the stamps of its entries (by name).
    struct Directory {
        var stamp: Stamp?
        var unsettled = true
        var entries: [String: Stamp] = [:]
    }

    private var documents = Directory()
    private var deleted = Directory()
    private var presence: [String: Directory] = [:]
    private var looked = false

    /// Nil while the store's root cannot be opened; every look then finds nothing.
    private let files: StoreFiles?

    public init(root: String) {
        self.root = root
        files = try? StoreFiles(root: root)
    }

    /// Files are looked at on a timer; there is nothing to wait on.
    public var wakeDescriptor: Int32? { nil }

    /// The first look returns `.everything` (the baseline is taken then). `timeout` > 0 looks
    /// again every half second until something changed or the time is up.
    public func changes(waitingUpTo timeout: Double) throws(StoreError) -> StoreChanges {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let found = look()
            if found != .none || Date() >= deadline { return found }
            usleep(UInt32(min(0.5, max(0.01, deadline.timeIntervalSinceNow)) * 1_000_000))
        }
    }

    private func look() -> StoreChanges {
        let now = Int(Date().timeIntervalSince1970)
        var ids = Set<String>()
        ids.formUnion(refresh(&documents, path: root + "/documents", now: now, entriesMatter: true))
        ids.formUnion(refresh(&deleted, path: root + "/deleted", now: now, entriesMatter: true))
        let names = ((try? files?.list(root + "/presence")) ?? []).filter { !$0.hasPrefix(".") }
        for name in names {
            var directory = presence[name] ?? Directory()
            if !refresh(&directory, path: "\(root)/presence/\(name)", now: now, entriesMatter: false).isEmpty || presence[name] == nil {
                ids.insert(name)
            }
            presence[name] = directory
        }
        for name in presence.keys where !names.contains(name) {
            presence[name] = nil
            ids.insert(name)
        }
        guard looked else {
            looked = true
            return .everything
        }
        return ids.isEmpty ? .none : .documents(ids)
    }

    /// Brings `directory` up to date; returns the department ids whose entries changed.
    /// `entriesMatter`: entries are `<id>.json` documents (each one's change counts); otherwise
    /// any change of the entry names counts for the directory as a whole (returned as `[""]`).
    private func refresh(_ directory: inout Directory, path: String, now: Int, entriesMatter: Bool) -> Set<String> {
        let stamp = self.stamp(path)
        defer {
            directory.stamp = stamp
            directory.unsettled = stamp.map { now - $0.seconds < Self.settleSeconds } ?? false
        }
        guard stamp != directory.stamp || directory.unsettled else { return [] }
        let names = ((try? files?.list(path)) ?? []).filter { !$0.hasPrefix(".") && $0.hasSuffix(".json") }
        var entries: [String: Stamp] = [:]
        for name in names {
            // Presence marks are compared by name only: their content never changes.
            entries[name] = entriesMatter ? self.stamp("\(path)/\(name)") : Stamp(inode: 0, size: 0, seconds: 0, nanoseconds: 0)
        }
        defer { directory.entries = entries }
        guard entriesMatter else { return entries == directory.entries ? [] : [""] }
        var changed = Set<String>()
        for name in Set(entries.keys).union(directory.entries.keys) where entries[name] != directory.entries[name] {
            changed.insert(String(name.dropLast(".json".count)))
        }
        return changed
    }

    /// The entry's own stamp (a link is not followed).
    func stamp(_ path: String) -> Stamp? {
        guard let info = (try? files?.status(path)) ?? nil else { return nil }
        return Stamp(inode: UInt(info.st_ino), size: Int(info.st_size), seconds: Int(info.st_mtim.tv_sec),
                     nanoseconds: Int(info.st_mtim.tv_nsec))
    }
}

extension FileDocumentStore {
    /// A change feed for this store (one per editor: it remembers what it saw).
    public func changeFeed() -> FileChangeFeed { FileChangeFeed(root: root) }
}
