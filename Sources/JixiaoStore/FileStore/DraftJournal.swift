import Foundation
import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// A user's unsaved edits of one document: `drafts/<user>/<id>.jsonl`, outside the shared
/// documents. The first line holds the base revision and the base document itself; every
/// following line is one committed `CellEdit`, appended and `fdatasync`ed the moment the user
/// commits it. After a crash or a dropped SSH connection, `recover` replays the edits on the
/// base and gives back exactly the edited document. A successful save starts a fresh journal.
public final class DraftJournal: DraftJournaling {
    public struct Header: Codable, Sendable, Hashable {
        public var format: String
        public var documentID: String
        public var baseRevision: Int
        public var user: String
        public var created: String
        /// The base document's canonical JSON, so replay needs nothing from the store.
        public var base: String
    }

    /// A recovered draft.
    public struct Draft: Sendable {
        public var baseRevision: Int
        public var base: DepartmentDocument
        public var edits: [CellEdit]
        /// `base` with every edit applied.
        public var document: DepartmentDocument
    }

    static let format = "jixiao-draft/1"
    public let path: String
    private let user: String
    private let group: gid_t?
    private let files: StoreFiles
    private var fd: Int32 = -1

    init(path: String, user: String, group: gid_t?, files: StoreFiles) {
        self.path = path
        self.user = user
        self.group = group
        self.files = files
    }

    deinit { if fd >= 0 { Glibc.close(fd) } }

    /// Starts a fresh journal on `base`, replacing any previous one atomically.
    public func begin(on base: StoredDocument) throws(StoreError) {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
        let header = Header(format: DraftJournal.format, documentID: base.document.id, baseRevision: base.revision,
                            user: user, created: Timestamp.now(),
                            base: String(decoding: DocumentCodec.encode(base.document), as: UTF8.self))
        do {
            try AtomicFile.replace(path, with: DocumentFile.encodeLine(header), group: group, in: files)
            fd = try files.open(path, O_WRONLY | O_APPEND)
        } catch let error as AtomicFile.Failure {
            switch error {
            case .beforeReplace(let cause), .afterReplace(let cause): throw .io(cause)
            }
        } catch let error as SystemError {
            throw .io(error)
        } catch {
            throw .draft(path: path, reason: "\(error)")
        }
    }

    /// Journals committed edits durably; returns once they would survive a crash.
    public func append(_ edits: [CellEdit]) throws(StoreError) {
        guard fd >= 0 else { throw .draft(path: path, reason: "journal not begun") }
        var bytes: [UInt8] = []
        for edit in edits { bytes += DocumentFile.encodeLine(edit) }
        do {
            try FileIO.writeAll(fd, bytes, path)
            try FileIO.fdatasync(fd, path)
        } catch {
            throw .io(error)
        }
    }

    /// Removes the journal (after a successful save, or when the user discards the edits).
    public func discard() throws(StoreError) {
        if fd >= 0 { Glibc.close(fd); fd = -1 }
        do {
            try files.unlink(path)
        } catch {
            throw .io(error)
        }
    }

    /// The draft left at `path`, or nil when there is none. A torn last line (the process died
    /// mid-append) is dropped: that edit had not been acknowledged.
    static func recover(at path: String, in files: StoreFiles) throws(StoreError) -> Draft? {
        let bytes: [UInt8]
        do {
            guard let found = try files.readFile(path) else { return nil }
            bytes = found
        } catch {
            throw .io(error)
        }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0
        while let newline = bytes[start...].firstIndex(of: 0x0A) {
            lines.append(bytes[start..<newline])
            start = newline + 1
        }
        guard let first = lines.first else { throw .draft(path: path, reason: "line 1: no header") }
        let decoder = JSONDecoder()
        let header: Header
        let base: DepartmentDocument
        do {
            header = try decoder.decode(Header.self, from: Data(first))
            guard header.format == format else { throw StoreError.draft(path: path, reason: "line 1: unknown format \(header.format)") }
            base = try DocumentCodec.decode(Data(header.base.utf8))
        } catch let error as StoreError {
            throw error
        } catch {
            throw .draft(path: path, reason: "line 1: \(error)")
        }
        var edits: [CellEdit] = []
        for (offset, line) in lines.dropFirst().enumerated() {
            do {
                edits.append(try decoder.decode(CellEdit.self, from: Data(line)))
            } catch {
                throw .draft(path: path, reason: "line \(offset + 2): \(error)")
            }
        }
        return try replay(edits, on: base, baseRevision: header.baseRevision, source: path, firstLine: 2)
    }

    /// `base` with `edits` applied in order; an edit that does not apply is reported with its
    /// position (`firstLine` numbers the first edit in `source`).
    static func replay(_ edits: [CellEdit], on base: DepartmentDocument, baseRevision: Int, source: String,
                       firstLine: Int) throws(StoreError) -> Draft {
        var tree = DocumentTree(base)
        for (offset, edit) in edits.enumerated() {
            do {
                try tree.apply(edit)
            } catch {
                throw .draft(path: source, reason: "line \(offset + firstLine): \(error)")
            }
        }
        do {
            let document = try tree.document(id: base.id)
            return Draft(baseRevision: baseRevision, base: base, edits: edits, document: document)
        } catch {
            throw .draft(path: source, reason: "\(error)")
        }
    }
}

extension FileDocumentStore: DraftStore {
    /// This user's journal for `id` (not yet begun).
    public func draftJournal(id: String) throws(StoreError) -> DraftJournal {
        try validate(id)
        let directory = "\(root)/drafts/\(saver.user)"
        do {
            try files.makeDirectory(directory, group: group)
        } catch {
            throw .io(error)
        }
        return DraftJournal(path: "\(directory)/\(id).jsonl", user: saver.user, group: group, files: files)
    }

    /// This user's unsaved draft of `id`, if a previous session left one.
    public func recoverDraft(id: String) throws(StoreError) -> DraftJournal.Draft? {
        try validate(id)
        return try DraftJournal.recover(at: "\(root)/drafts/\(saver.user)/\(id).jsonl", in: files)
    }
}
