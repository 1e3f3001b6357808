import Foundation
import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// `index.json`: a cache of document summaries so the department list does not parse every
/// document. An entry is trusted only while its document file has the same inode, size and
/// modification time (every save renames a new inode into place) and the same validator
/// version; anything else is re-read from the document, which stays the source of truth.
struct SummaryIndex: Codable {
    /// Version 2 added the last submission to the summaries: older indexes are rebuilt.
    static let format = "jixiao-index/2"

    struct Entry: Codable {
        var inode: UInt64
        var size: Int64
        var modified: Int64
        var modifiedNanoseconds: Int64
        var summary: DocumentSummary

        func matches(_ info: stat) -> Bool {
            inode == UInt64(info.st_ino) && size == Int64(info.st_size)
                && modified == Int64(info.st_mtim.tv_sec) && modifiedNanoseconds == Int64(info.st_mtim.tv_nsec)
        }
    }

    var format = SummaryIndex.format
    var findingsVersion: String?
    var entries: [String: Entry] = [:]
}

extension FileDocumentStore {
    public func list() throws(StoreError) -> StoreListing {
        let directory = root + "/documents"
        let names: [String]
        do {
            names = try files.list(directory)
        } catch {
            throw .io(error)
        }
        let cached = loadIndex()
        var index = SummaryIndex(findingsVersion: findingCounter?.version)
        let usable = cached.map { $0.format == SummaryIndex.format && $0.findingsVersion == findingCounter?.version } ?? false
        var changed = !usable
        var summaries: [DocumentSummary] = []
        var problems: [DocumentProblem] = []

        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let id = String(name.dropLast(".json".count))
            guard StableID.isValid(id) else { continue }
            for _ in 0..<2 {
                let info: stat
                do {
                    guard let found = try files.status(documentPath(id)) else { break }
                    // Only a regular file can match the index; anything else is read (and found odd).
                    info = found
                } catch {
                    throw .io(error)
                }
                if usable, info.st_mode & S_IFMT == S_IFREG, let entry = cached?.entries[id], entry.matches(info) {
                    index.entries[id] = entry
                    summaries.append(entry.summary)
                    break
                }
                changed = true
                switch try read(documentPath(id), id: id) {
                case .missing:
                    break
                case .readable(let file):
                    let summary = makeSummary(file)
                    summaries.append(summary)
                    // The stat taken before the read may describe an older file: keep the entry
                    // only if the file did not change meanwhile.
                    if let after = try? files.status(documentPath(id)), after.st_ino == info.st_ino {
                        index.entries[id] = SummaryIndex.Entry(
                            inode: UInt64(info.st_ino), size: Int64(info.st_size), modified: Int64(info.st_mtim.tv_sec),
                            modifiedNanoseconds: Int64(info.st_mtim.tv_nsec), summary: summary)
                    }
                case .unreadable(let unreadable):
                    if unreadable.isNewerFormat {
                        problems.append(DocumentProblem(id: id, path: documentPath(id), reason: unreadable.reason))
                    } else if let problem = try setAsideIfStillUnreadable(id) {
                        problems.append(problem)
                    } else {
                        continue // replaced meanwhile by a good save: read it again
                    }
                }
                break
            }
        }
        // A document moved aside just now is among the quarantined ones too: count it once.
        for problem in try quarantined() where !problems.contains(where: { $0.path == problem.path }) {
            problems.append(problem)
        }
        if changed { saveIndex(index) }
        return StoreListing(documents: summaries.sorted { $0.id < $1.id },
                            problems: problems.sorted { ($0.id, $0.path) < ($1.id, $1.path) },
                            restorable: try restorableHistories())
    }

    /// Departments whose document is missing but whose history is there (可从历史恢复).
    /// Every directory is listed once, so the list stays one pass over the store.
    /// A history that cannot be read goes to `unreadable` (fsck reports it; the list shows what it can).
    func restorableHistories(unreadable: ((DocumentProblem) -> Void)? = nil) throws(StoreError) -> [DocumentProblem] {
        let histories: [String], present: Set<String>, quarantinedIDs: Set<String>
        do {
            histories = try files.list(root + "/history")
            present = Set(try files.list(root + "/documents") + files.list(root + "/deleted"))
        } catch {
            throw .io(error)
        }
        quarantinedIDs = Set(try quarantined().map(\.id))
        var found: [DocumentProblem] = []
        for name in histories where name.hasSuffix(".jsonl") && !name.hasPrefix(".") {
            let id = String(name.dropLast(".jsonl".count))
            guard StableID.isValid(id), !present.contains(id + ".json"), !quarantinedIDs.contains(id) else { continue }
            do {
                if let problem = try orphanedHistory(id, HistoryLog(path: historyPath(id), files: files)) { found.append(problem) }
            } catch {
                switch error {
                case .damaged(let problem): unreadable?(problem)
                case .damagedHistory(let file, let line, let reason):
                    unreadable?(DocumentProblem(id: id, path: file, reason: "line \(line): \(reason)"))
                default: throw error
                }
            }
        }
        return found
    }

    public func listDeleted() throws(StoreError) -> [DocumentSummary] {
        let names: [String]
        do {
            names = try files.list(root + "/deleted")
        } catch {
            throw .io(error)
        }
        var summaries: [DocumentSummary] = []
        for name in names where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let id = String(name.dropLast(".json".count))
            if case .readable(let file) = try read(deletedPath(id), id: id) { summaries.append(makeSummary(file)) }
        }
        return summaries
    }

    func makeSummary(_ file: DocumentFile) -> DocumentSummary {
        DocumentSummary(document: file.document, revision: file.header.revision,
                        findings: findingCounter?.count(file.document),
                        savedBy: "\(file.header.user)@\(file.header.host)", savedAt: file.header.savedAt)
    }

    func loadIndex() -> SummaryIndex? {
        guard let bytes = (try? files.readFile(indexPath)).flatMap({ $0 }) else { return nil }
        return try? JSONDecoder().decode(SummaryIndex.self, from: Data(bytes))
    }

    /// Best effort: the index is a cache, and another lister may be writing it right now.
    func saveIndex(_ index: SummaryIndex) {
        guard let held = try? FileLock.attempt("\(root)/locks/index.lock", in: files) else { return }
        defer { held.unlock() }
        try? AtomicFile.replace(indexPath, with: DocumentFile.encodeLine(index), group: group, in: files)
    }
}
