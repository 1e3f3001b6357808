import Foundation

/// The exact bytes and decoded content of the few documents this store object read or wrote
/// last, so that a save whose current file is byte for byte one it knows does not parse and
/// decode 500 KB again (docs/store.md, "Saving").
///
/// Never trusted over the disk: a save still reads the whole current file under the lock and
/// uses an entry only when every byte is equal, so a change by another process, a hand edit or
/// damage (even one that keeps the header) takes the full path of checks as before.
final class RecentDocuments: @unchecked Sendable {
    private struct Entry {
        var id: String
        var bytes: [UInt8]
        var file: DocumentFile
    }

    /// An editor holds one department at a time; a few more cover a reviewer going back and forth.
    static let capacity = 4

    private let lock = NSLock()
    /// Most recently used last.
    private var entries: [Entry] = []

    /// Remembers `file` as what `bytes` decode to.
    func remember(id: String, bytes: [UInt8], file: DocumentFile) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.id == id }
        entries.append(Entry(id: id, bytes: bytes, file: file))
        if entries.count > Self.capacity { entries.removeFirst(entries.count - Self.capacity) }
    }

    /// The decoded file for `id` if `bytes` are exactly the bytes remembered for it.
    func file(id: String, matching bytes: [UInt8]) -> DocumentFile? {
        lock.lock()
        defer { lock.unlock() }
        guard let entry = entries.last(where: { $0.id == id }), entry.bytes.count == bytes.count else { return nil }
        let equal = entry.bytes.withUnsafeBytes { known in
            bytes.withUnsafeBytes { read in
                known.count == 0 || memcmp(known.baseAddress!, read.baseAddress!, known.count) == 0
            }
        }
        return equal ? entry.file : nil
    }

    /// Forgets `id` (its file was moved away or is being replaced by other means).
    func forget(id: String) {
        lock.lock()
        defer { lock.unlock() }
        entries.removeAll { $0.id == id }
    }
}
