import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A document's append-only audit trail: one JSON `HistoryRecord` per line in
/// `history/<id>.jsonl`.
///
/// A record is appended and `fdatasync`ed before the document is replaced, so every saved
/// revision has its record. A crash in between leaves a record newer than the document; such
/// records (and a torn last line) are trimmed under the document's lock before the next save
/// and by `fsck`, and ignored by readers meanwhile.
struct HistoryLog {
    let path: String
    let files: StoreFiles

    struct Contents {
        var records: [HistoryRecord]
        /// Byte offset just past each record's line, to trim back to.
        var ends: [Int]
        /// Bytes after the last complete line (a torn append).
        var tornTail: Bool
    }

    /// The document id the file is named for.
    var id: String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        return name.hasSuffix(".jsonl") ? String(name.dropLast(".jsonl".count)) : name
    }

    /// The file's bytes (none when it does not exist). A link or odd file in its place is
    /// damage, reported as such and never followed.
    func bytes() throws(StoreError) -> [UInt8] {
        do {
            return try files.readFile(path) ?? []
        } catch {
            if error.isOddEntry { throw .damaged(DocumentProblem(id: id, path: path, reason: error.detail ?? "\(error)")) }
            throw .io(error)
        }
    }

    /// The good records and the first bad line, for a reader that shows what it can.
    func readTolerating() throws(StoreError) -> (records: [HistoryRecord], bad: StoreError?) {
        let bytes = try bytes()
        var records: [HistoryRecord] = []
        var start = 0
        var line = 0
        var bad: StoreError?
        let decoder = JSONDecoder()
        while start < bytes.count, let newline = bytes[start...].firstIndex(of: 0x0A) {
            line += 1
            do {
                records.append(try decodeLine(bytes[start..<newline], number: line, decoder))
            } catch {
                if bad == nil { bad = error }
            }
            start = newline + 1
        }
        return (records, bad)
    }

    func read() throws(StoreError) -> Contents {
        let bytes = try bytes()
        var contents = Contents(records: [], ends: [], tornTail: false)
        var start = 0
        var line = 0
        let decoder = JSONDecoder()
        while start < bytes.count {
            line += 1
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                contents.tornTail = true
                break
            }
            contents.records.append(try decodeLine(bytes[start..<newline], number: line, decoder))
            contents.ends.append(newline + 1)
            start = newline + 1
        }
        return contents
    }

    func decodeLine(_ line: ArraySlice<UInt8>, number: Int, _ decoder: JSONDecoder = JSONDecoder()) throws(StoreError) -> HistoryRecord {
        do {
            return try decoder.decode(HistoryRecord.self, from: Data(line))
        } catch {
            throw .damagedHistory(path: path, line: number, reason: HistoryLog.describe(error))
        }
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \(key.stringValue)"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context),
             DecodingError.dataCorrupted(let context):
            "\(context.codingPath.map(\.stringValue).joined(separator: ".")): \(context.debugDescription)"
        default: "\(error)"
        }
    }

    /// Appends one record durably, as the first step of a save, delete or restore (so a failure
    /// is `saveFailed`: nothing changed). Returns the file's size before, to trim back to.
    func append(_ record: HistoryRecord, group: gid_t?) throws(StoreError) -> Int {
        do {
            return try appendLine(record, group: group)
        } catch {
            throw .saveFailed(error)
        }
    }

    private func appendLine(_ record: HistoryRecord, group: gid_t?) throws(SystemError) -> Int {
        let fd = try files.open(path, O_WRONLY | O_CREAT | O_APPEND)
        defer { Glibc.close(fd) }
        if let group { _ = fchown(fd, uid_t.max, group) }
        let size = Int(lseek(fd, 0, SEEK_END))
        do {
            try FileIO.writeAll(fd, DocumentFile.encodeLine(record), path)
            try FileIO.fdatasync(fd, path)
        } catch {
            _ = ftruncate(fd, off_t(size))
            throw error
        }
        return size
    }

    /// Cuts the file back to `size` bytes, durably.
    func truncate(to size: Int) throws(SystemError) {
        let fd = try files.open(path, O_WRONLY)
        defer { Glibc.close(fd) }
        if ftruncate(fd, off_t(size)) != 0 { throw SystemError("ftruncate", path) }
        try FileIO.fsync(fd, path)
    }
}
