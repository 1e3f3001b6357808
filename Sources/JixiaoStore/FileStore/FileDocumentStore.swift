import Foundation
import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// The embedded store: one directory of files, shared by every jixiao process on the machine.
/// Layout, save protocol and guarantees: docs/store.md.
public final class FileDocumentStore: DocumentStore {
    public struct Options: Sendable {
        /// Open even on NFS/SMB, where renames and locks are not coherent between clients.
        public var allowNetworkFileSystem = false
        /// Validation hook for the finding counts of the summary index.
        public var findingCounter: FindingCounter?
        /// Who saves; the OS account by default. Tests may name someone else.
        public var saver = SaverIdentity.current()
        /// Who the review rules and the access configuration are checked against: the process's
        /// OS account and groups. Tests may name someone else; the `jixiao` executable never does.
        public var identity = Identity.current()
        /// Make a store of a missing or empty directory. The `jixiao` executable sets it only for
        /// `store init`, the editor and the destination of `store copy`.
        public var create = true
        /// How the file system is identified; tests substitute a network one.
        var fileSystemKind: @Sendable (String) throws(SystemError) -> FileSystemKind = { path throws(SystemError) in
            try FileSystemKind.of(path)
        }

        public init(allowNetworkFileSystem: Bool = false, findingCounter: FindingCounter? = nil) {
            self.allowNetworkFileSystem = allowNetworkFileSystem
            self.findingCounter = findingCounter
        }
    }

    public let root: String
    /// Every file operation below `root`, never through a link.
    public let files: StoreFiles
    public let saver: SaverIdentity
    public let identity: Identity
    let findingCounter: FindingCounter?
    /// The store directory's group, when files need it set explicitly (no setgid bit and a
    /// different primary group); nil when new files get it anyway.
    let group: gid_t?
    /// The documents this object read or wrote last, byte for byte: a save whose current file
    /// is unchanged skips decoding it again (checked against the whole file under the lock).
    let recent = RecentDocuments()

    static let directories = ["documents", "history", "locks", "deleted", "damaged", "presence", "drafts"]

    /// Opens the store at `root`, refusing network file systems unless allowed, and removes
    /// temp files left by writers that crashed. A directory that is not a store is refused;
    /// with `options.create` a missing or empty one is made a store (`store init`, the
    /// editor's first run), so a mistyped `--store` never leaves a store behind.
    public init(root: String, options: Options = Options()) throws(StoreError) {
        var root = root
        while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
        self.root = root
        saver = options.saver
        identity = options.identity
        findingCounter = options.findingCounter
        do {
            try FileDocumentStore.prepareRoot(root, create: options.create)
            files = try StoreFiles(root: root)
            guard let info = try files.status(root) else { throw SystemError("stat", root, code: ENOENT) }
            let setgid = info.st_mode & S_ISGID != 0
            group = setgid || info.st_gid == getegid() ? nil : info.st_gid
            if !options.allowNetworkFileSystem, case .network(let kind) = try options.fileSystemKind(root) {
                throw StoreError.networkFileSystem(path: root, kind: kind)
            }
            for name in FileDocumentStore.directories {
                try files.makeDirectory(root + "/" + name, group: group)
            }
        } catch let error as SystemError {
            throw error.isOddEntry ? .notAStore(path: root, reason: error.description) : .io(error)
        } catch let error as StoreError {
            throw error
        } catch {
            throw .io(SystemError("open store", root, code: EIO))
        }
        try removeLeftoverTempFiles()
    }

    /// The directories that make a directory a store: a store has them from its first open.
    static let markers = ["documents", "history"]

    /// Checks that `root` is a store, or (with `create`) creates it when it is missing or empty.
    static func prepareRoot(_ root: String, create: Bool) throws {
        var info = stat()
        guard stat(root, &info) == 0 else {
            guard errno == ENOENT else { throw SystemError("stat", root) }
            guard create else {
                throw StoreError.notAStore(path: root, reason: "there is no store here; `jixiao store init --store \(root)` creates one")
            }
            try makeDirectories(root)
            return
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.notAStore(path: root, reason: "it is \(StoreFiles.describe(info.st_mode)), not a directory")
        }
        let probe = try StoreFiles(root: root)
        if try markers.allSatisfy({ name throws(SystemError) in try probe.status(root + "/" + name) != nil }) { return }
        // Only the store's own names (an access configuration written first, say): a store begun.
        let known = Set(directories + [AccessConfiguration.fileName, "index.json"])
        let entries = try probe.list(root).filter { !known.contains($0) }
        if entries.count < (try probe.list(root)).count { return }
        guard entries.isEmpty else {
            throw StoreError.notAStore(path: root, reason: "the directory is not empty and is not a jixiao store "
                + "(no documents/ and history/; it holds \(entries.prefix(3).joined(separator: ", "))\(entries.count > 3 ? ", …" : ""))")
        }
        guard create else {
            throw StoreError.notAStore(path: root, reason: "the directory is empty; `jixiao store init --store \(root)` makes it a store")
        }
    }

    /// `mkdir -p` for the store's root (its parents are the user's, so links there are followed).
    static func makeDirectories(_ path: String) throws(SystemError) {
        if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        if errno == ENOENT, let slash = path.lastIndex(of: "/"), slash > path.startIndex {
            try makeDirectories(String(path[..<slash]))
            if mkdir(path, 0o777) == 0 || errno == EEXIST { return }
        }
        throw SystemError("mkdir", path)
    }

    // MARK: Paths

    func documentPath(_ id: String) -> String { "\(root)/documents/\(id).json" }
    func deletedPath(_ id: String) -> String { "\(root)/deleted/\(id).json" }
    func historyPath(_ id: String) -> String { "\(root)/history/\(id).jsonl" }
    func lockPath(_ id: String) -> String { "\(root)/locks/\(id).lock" }
    var damagedDirectory: String { "\(root)/damaged" }
    var indexPath: String { "\(root)/index.json" }
    public var accessPath: String { "\(root)/\(AccessConfiguration.fileName)" }

    func validate(_ id: String) throws(StoreError) {
        guard StableID.isValid(id) else { throw .invalidID(id) }
    }

    func lock(_ id: String) throws(StoreError) -> FileLock {
        do {
            return try FileLock.acquire(lockPath(id), in: files)
        } catch {
            throw .io(error)
        }
    }

    // MARK: Reading

    enum ReadResult {
        case missing
        case readable(DocumentFile)
        case unreadable(DocumentFile.Unreadable)
    }

    func read(_ path: String, id: String) throws(StoreError) -> ReadResult {
        let found: [UInt8]?
        do {
            found = try files.readFile(path)
        } catch {
            if error.isOddEntry { return .unreadable(DocumentFile.Unreadable(reason: error.detail ?? "\(error)")) }
            throw .io(error)
        }
        guard let bytes = found else { return .missing }
        do {
            return .readable(try DocumentFile.decode(bytes, expectedID: id))
        } catch {
            return .unreadable(error)
        }
    }

    /// `documents/ID.json`, remembered in `recent` when it reads. With `usingRecent`, bytes equal
    /// to the remembered ones are not decoded again.
    func readDocument(_ id: String, usingRecent: Bool) throws(StoreError) -> ReadResult {
        let found: [UInt8]?
        do {
            found = try files.readFile(documentPath(id))
        } catch {
            if error.isOddEntry { return .unreadable(DocumentFile.Unreadable(reason: error.detail ?? "\(error)")) }
            throw .io(error)
        }
        guard let bytes = found else { return .missing }
        if usingRecent, let known = recent.file(id: id, matching: bytes) { return .readable(known) }
        do {
            let file = try DocumentFile.decode(bytes, expectedID: id)
            recent.remember(id: id, bytes: bytes, file: file)
            return .readable(file)
        } catch {
            return .unreadable(error)
        }
    }

    public func load(id: String) throws(StoreError) -> StoredDocument {
        try validate(id)
        for _ in 0..<2 {
            // Always decoded: opening a department must not depend on what this object saw before.
            switch try readDocument(id, usingRecent: false) {
            case .readable(let file):
                return file.stored
            case .missing:
                if files.exists(deletedPath(id)) { throw .deleted(id: id) }
                if let problem = try quarantined(id).first { throw .damaged(problem) }
                throw .notFound(id: id)
            case .unreadable(let unreadable):
                if unreadable.isNewerFormat {
                    throw .damaged(DocumentProblem(id: id, path: documentPath(id), reason: unreadable.reason))
                }
                if let problem = try setAsideIfStillUnreadable(id) { throw .damaged(problem) }
                // Readable under the lock: read again.
            }
        }
        throw .notFound(id: id)
    }

    // MARK: Saving

    public func save(_ document: DepartmentDocument, base: Int) throws(StoreError) -> SaveOutcome {
        try write(document, base: base, installing: false)
    }

    public func install(_ document: DepartmentDocument) throws(StoreError) -> SaveOutcome {
        try write(document, base: 0, installing: true)
    }

    /// The save protocol. The review rules are checked under the document's lock against the
    /// document as stored, with the configuration read afresh, so a change of configuration
    /// takes effect at the next save of every process.
    func write(_ document: DepartmentDocument, base: Int, installing: Bool) throws(StoreError) -> SaveOutcome {
        let id = document.id
        try validate(id)
        let held = try lock(id)
        defer { held.unlock() }

        if files.exists(deletedPath(id)) { throw .deleted(id: id) }
        let current: DocumentFile?
        switch try readDocument(id, usingRecent: true) {
        case .missing:
            // A document moved aside is not "new": saving over its id would hide the damage.
            if let problem = try quarantined(id).first { throw .damaged(problem) }
            current = nil
        case .readable(let file):
            current = file
        case .unreadable(let unreadable):
            if unreadable.isNewerFormat {
                throw .damaged(DocumentProblem(id: id, path: documentPath(id), reason: unreadable.reason))
            }
            throw .damaged(try setAside(id, reason: unreadable.reason))
        }
        let currentRevision = current?.header.revision ?? 0
        guard currentRevision == base else {
            if let current { return .conflict(current: current.stored) }
            throw .notFound(id: id)
        }
        let policy = try accessPolicy()
        if installing {
            if let refusal = policy.refusalToInstall(document, by: identity) { throw .refused(id: id, refusal) }
        } else {
            do {
                try ReviewGuard.check(stored: current?.document, new: document, by: identity, policy: policy)
            } catch {
                throw .refused(id: id, error)
            }
        }

        let log = HistoryLog(path: historyPath(id), files: files)
        if current == nil, let problem = try orphanedHistory(id, log) { throw .damaged(problem) }
        try trimHistory(log, toRevision: currentRevision, sha256: current?.header.sha256, live: true)
        let time = Timestamp.now()
        let revision = currentRevision + 1
        let (bytes, written) = DocumentFile.encodeFile(document, revision: revision, saver: saver, time: time)
        let changes = DocumentDiff.recordingOrder(from: current?.document, to: document).changes
        let record = HistoryRecord(kind: .save, revision: revision, baseRevision: base, saver: saver, time: time,
                                   sha256: written.header.sha256, changes: changes)
        try write(bytes, as: id, recording: record, in: log)
        recent.remember(id: id, bytes: bytes, file: written)
        return .saved(revision: revision)
    }

    /// The record first, then the document: a crash between the two leaves a record the
    /// document never reached, which the next save or `fsck` takes off (into `damaged/`). A
    /// replace that fails before the rename takes the record back, so history matches the
    /// unchanged document; one that fails after it leaves the outcome unknown.
    /// Call with the document's lock held.
    func write(_ bytes: [UInt8], as id: String, recording record: HistoryRecord, in log: HistoryLog) throws(StoreError) {
        let sizeBefore = try log.append(record, group: group)
        do {
            try AtomicFile.replace(documentPath(id), with: bytes, group: group, in: files)
        } catch {
            switch error {
            case .beforeReplace(let cause):
                try? log.truncate(to: sizeBefore)
                throw .saveFailed(cause)
            case .afterReplace(let cause):
                recent.forget(id: id)
                throw .outcomeUnknown(id: id, cause)
            }
        }
    }

    /// Takes off history records the document never reached (a crash between appending the
    /// record and renaming the document), a torn last line, and a trailing delete or restore
    /// that did not happen. Nothing is erased: the bytes taken off are first copied into
    /// `damaged/`, and the returned line says where. A save record whose checksum is the
    /// current body's (`sha256`) is never taken off, whatever the header's revision says.
    /// Call with the document's lock held.
    @discardableResult
    func trimHistory(_ log: HistoryLog, toRevision revision: Int, sha256: String?, live: Bool) throws(StoreError) -> String? {
        // Only the tail matters, so decode backwards from the end instead of the whole file.
        let bytes = try log.bytes()
        var end = bytes.last == 0x0A ? bytes.count : (bytes.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0)
        var taken = 0
        while end > 0 {
            let start = bytes[..<(end - 1)].lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let record = try log.decodeLine(bytes[start..<(end - 1)], number: bytes[..<start].count { $0 == 0x0A } + 1)
            let undone = (record.revision > revision && (record.kind != .save || record.sha256 != sha256))
                || (record.kind == .delete && live) || (record.kind == .restore && !live)
            guard undone else { break }
            end = start
            taken += 1
        }
        guard end < bytes.count else { return nil }
        let torn = bytes.count - end > 0 && bytes.last != 0x0A
        let what = "\(taken) record(s) of an interrupted save" + (torn ? " and a torn last line" : "")
        do {
            let kept = try setAsideBytes(bytes[end...], id: log.id, suffix: "history-tail.jsonl",
                                         reason: "\(log.path) from byte \(end): \(what)")
            try log.truncate(to: end)
            return "\(log.path): moved \(what) (\(bytes.count - end) bytes) to \(kept)"
        } catch {
            throw .io(error)
        }
    }

    /// A name in `damaged/` for bytes of `id` set aside now, never one that exists already.
    func damagedName(_ id: String, suffix: String) -> String {
        let stamp = Timestamp.now().replacingOccurrences(of: ":", with: "")
        return "\(damagedDirectory)/\(id).\(stamp)-\(getpid())-\(UInt16.random(in: 0...UInt16.max)).\(suffix)"
    }

    /// Copies `bytes` durably into a new file in `damaged/`, with a `.reason` file beside it.
    func setAsideBytes(_ bytes: ArraySlice<UInt8>, id: String, suffix: String, reason: String) throws(SystemError) -> String {
        let target = damagedName(id, suffix: suffix)
        try writeNew(target, Array(bytes))
        try writeNew(target + ".reason", Array("\(reason)\n".utf8))
        try files.fsyncDirectory(damagedDirectory)
        return target
    }

    /// Creates `path` (which must not exist) with `bytes`, durably.
    func writeNew(_ path: String, _ bytes: [UInt8]) throws(SystemError) {
        let fd = try files.open(path, O_WRONLY | O_CREAT | O_EXCL)
        do {
            if let group { _ = fchown(fd, uid_t.max, group) }
            try FileIO.writeAll(fd, bytes, path)
            try FileIO.fsync(fd, path)
        } catch {
            Glibc.close(fd)
            throw error
        }
        try FileIO.close(fd, path)
    }

    /// A history for a document that does not exist (lost, removed by hand, or the first save
    /// died before the rename): a department to rebuild with `restoreFromHistory`, never to
    /// start afresh over, which would bury that history.
    func orphanedHistory(_ id: String, _ log: HistoryLog) throws(StoreError) -> DocumentProblem? {
        let records = try log.read().records
        guard let last = records.last(where: { $0.kind == .save }) else { return nil }
        return DocumentProblem(id: id, path: log.path, reason: "documents/\(id).json is missing but its history has "
            + "\(records.count) record(s) up to revision \(last.revision) (可从历史恢复): "
            + "`jixiao restore \(id) --from-history` rebuilds it")
    }

    // MARK: Access configuration

    /// `access.json` at the store's root, read now: `.singleUser` when it does not exist.
    public func accessPolicy() throws(StoreError) -> AccessPolicy {
        let bytes: [UInt8]?
        do {
            bytes = try files.readFile(accessPath)
        } catch {
            throw .accessConfiguration(path: accessPath, reason: "\(error)")
        }
        guard let bytes else { return .singleUser }
        return try AccessConfiguration.parse(Data(bytes), source: accessPath)
    }

    // MARK: History

    public func history(id: String) throws(StoreError) -> [HistoryRecord] {
        try validate(id)
        let revision: Int
        var live = true
        switch try read(documentPath(id), id: id) {
        case .readable(let file):
            revision = file.header.revision
        case .missing:
            guard case .readable(let file) = try read(deletedPath(id), id: id) else {
                if let problem = try quarantined(id).first { throw .damaged(problem) }
                throw .notFound(id: id)
            }
            revision = file.header.revision
            live = false
        case .unreadable(let unreadable):
            throw .damaged(DocumentProblem(id: id, path: documentPath(id), reason: unreadable.reason))
        }
        // Records past the document (an interrupted save) are not history; a writer trims them.
        var records = try HistoryLog(path: historyPath(id), files: files).read().records.filter { $0.revision <= revision }
        while let last = records.last, (last.kind == .delete && live) || (last.kind == .restore && !live) {
            records.removeLast()
        }
        return records
    }

    // MARK: Damaged documents

    /// Under the document's lock, moves the file into `damaged/` if it still does not read,
    /// with a `.reason` file beside it. Returns the problem, or nil if it reads now.
    func setAsideIfStillUnreadable(_ id: String) throws(StoreError) -> DocumentProblem? {
        let held = try lock(id)
        defer { held.unlock() }
        switch try read(documentPath(id), id: id) {
        case .readable: return nil
        case .missing: return try quarantined(id).first
        case .unreadable(let unreadable):
            if unreadable.isNewerFormat {
                return DocumentProblem(id: id, path: documentPath(id), reason: unreadable.reason)
            }
            return try setAside(id, reason: unreadable.reason)
        }
    }

    /// Moves an unreadable document aside. Call with its lock held.
    func setAside(_ id: String, reason: String) throws(StoreError) -> DocumentProblem {
        let target = damagedName(id, suffix: "json")
        do {
            try files.rename(documentPath(id), target)
            try writeNew(target + ".reason", Array("documents/\(id).json: \(reason)\n".utf8))
            try files.fsyncDirectory(damagedDirectory)
            try files.fsyncDirectory(root + "/documents")
        } catch {
            throw .io(error)
        }
        return DocumentProblem(id: id, path: target, reason: reason)
    }

    /// Documents moved aside for `id` (every id when nil), with their reasons.
    func quarantined(_ id: String? = nil) throws(StoreError) -> [DocumentProblem] {
        let names: [String]
        do {
            names = try files.list(damagedDirectory)
        } catch {
            throw .io(error)
        }
        var problems: [DocumentProblem] = []
        for name in names where name.hasSuffix(".json.reason") {
            guard let dot = name.firstIndex(of: ".") else { continue }
            let owner = String(name[..<dot])
            if let id, owner != id { continue }
            let path = "\(damagedDirectory)/\(name.dropLast(".reason".count))"
            let text = (try? files.readFile("\(damagedDirectory)/\(name)")).flatMap { $0 }.map { String(decoding: $0, as: UTF8.self) }
            var reason = text?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "moved aside"
            if let colon = reason.range(of: ": ") { reason = String(reason[colon.upperBound...]) }
            problems.append(DocumentProblem(id: owner, path: path, reason: reason))
        }
        return problems
    }

    // MARK: Leftovers

    /// Removes temp files of saves that never finished. A temp file belongs to a save in
    /// progress while its document's lock is held, so only unlocked ones are removed.
    func removeLeftoverTempFiles() throws(StoreError) {
        for directory in ["documents", "deleted"] {
            let path = "\(root)/\(directory)"
            let names: [String]
            do {
                names = try files.list(path)
            } catch {
                throw .io(error)
            }
            for name in names where name.hasPrefix(".") {
                guard let marker = name.range(of: ".json.tmp-") else { continue }
                let id = String(name[name.index(after: name.startIndex)..<marker.lowerBound])
                guard StableID.isValid(id), let held = try? FileLock.attempt(lockPath(id), in: files) else { continue }
                try? files.unlink("\(path)/\(name)")
                held.unlock()
            }
        }
        // This user's draft journals being begun by a process that is gone.
        let drafts = "\(root)/drafts/\(saver.user)"
        for name in (try? files.list(drafts)) ?? [] where name.hasPrefix(".") {
            guard let marker = name.range(of: ".tmp-"), let pid = Int32(name[marker.upperBound...].prefix { $0 != "-" }),
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? files.unlink("\(drafts)/\(name)")
        }
        // `store access --set` interrupted: its temp file names the writer's pid.
        for name in (try? files.list(root)) ?? [] where name.hasPrefix(AtomicFile.tempPrefix(for: AccessConfiguration.fileName)) {
            guard let pid = Int32(name.dropFirst(AtomicFile.tempPrefix(for: AccessConfiguration.fileName).count).prefix { $0 != "-" }),
                  kill(pid, 0) != 0 && errno == ESRCH else { continue }
            try? files.unlink("\(root)/\(name)")
        }
        if let held = try? FileLock.attempt("\(root)/locks/index.lock", in: files) {
            for name in (try? files.list(root)) ?? [] where name.hasPrefix(AtomicFile.tempPrefix(for: "index.json")) {
                try? files.unlink("\(root)/\(name)")
            }
            held.unlock()
        }
    }
}
