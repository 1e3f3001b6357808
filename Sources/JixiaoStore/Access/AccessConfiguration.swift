import Foundation
import JixiaoModel
#if canImport(Glibc)
import Glibc
#endif

/// The access configuration of a store (权限配置, docs/store.md): which OS users and groups
/// review, and who edits each department. In a directory store it is the file `access.json`
/// at the store's root; in PostgreSQL the same JSON in `jixiao.meta` (key `access_policy`).
///
/// Missing means single-user (everything allowed). A configuration that cannot be read or
/// parsed is never taken as "missing": every write is refused until it is fixed, because
/// falling back to "everything allowed" would hand the store to anyone who can break the file.
public enum AccessConfiguration {
    /// The file's name in a directory store.
    public static let fileName = "access.json"

    /// Parses configuration bytes read from `source` (a path, or a database location for messages).
    public static func parse(_ data: Data, source: String) throws(StoreError) -> AccessPolicy {
        do {
            return try AccessPolicy.parse(data)
        } catch {
            var location = source
            if let line = error.line { location += ":\(line)" + (error.column.map { ":\($0)" } ?? "") }
            // Syntax errors are placed by line and column; the rest by their JSON path.
            throw .accessConfiguration(path: location, reason: error.line == nil ? "\(error.path): \(error.message)" : error.message)
        }
    }

    /// The policy as the configuration JSON (`jixiao store access` prints it), keys sorted.
    public static func json(_ policy: AccessPolicy) -> String {
        guard policy.isConfigured else { return "" }
        func principals(_ p: AccessPolicy.Principals) -> JSONValue {
            var members: [(key: String, value: JSONValue)] = []
            if !p.users.isEmpty { members.append(("users", .array(p.users.sorted().map { .string($0) }))) }
            if !p.groups.isEmpty { members.append(("groups", .array(p.groups.sorted().map { .string($0) }))) }
            return .object(members)
        }
        let editors: [(key: String, value: JSONValue)] = policy.editors.keys.sorted().map { ($0, principals(policy.editors[$0]!)) }
        let root: JSONValue = .object([("version", .number("1")), ("reviewers", principals(policy.reviewers)),
                                       ("editors", .object(editors))])
        return String(decoding: JSONWriter.write(root), as: UTF8.self)
    }
}

extension AccessPolicy {
    /// Who may soft-delete or restore a department: reviewers, and the department's editors
    /// while it is a draft or returned (a submission or an approval is the reviewers' to remove).
    public func refusalToDelete(_ document: DepartmentDocument, by identity: Identity) -> ReviewRefusal? {
        guard isConfigured, !isReviewer(identity) else { return nil }
        return refusalToEdit(document, by: identity)
    }

    /// Who may install a document that arrives with its own review log (the bundled samples):
    /// a reviewer or an editor of the department. The log's signatures are those of its
    /// authors, so they are not checked against the installer.
    public func refusalToInstall(_ document: DepartmentDocument, by identity: Identity) -> ReviewRefusal? {
        guard isConfigured, !isReviewer(identity), !isEditor(of: document, identity) else { return nil }
        return ReviewRefusal(.notAnEditor(user: identity.user, department: document.id))
    }
}

extension FileDocumentStore {
    /// Installs (or with `nil` removes) `access.json`, atomically and durably, with the store's
    /// group. The caller checked the bytes; whoever may write the store directory may do this.
    ///
    /// Through jixiao only a reviewer of the configuration in force, the file's owner or root may
    /// change it; a file that cannot be parsed, only its owner or root. (Anyone who may write the
    /// store directory can still replace the file by hand: docs/store.md says what that means.)
    public func setAccessConfiguration(_ data: Data?) throws(StoreError) {
        try checkMayChangeAccessConfiguration()
        guard let data else {
            do {
                if files.exists(accessPath) { try files.unlink(accessPath) }
                try files.fsyncDirectory(root)
            } catch {
                throw .saveFailed(error)
            }
            return
        }
        do {
            try AtomicFile.replace(accessPath, with: [UInt8](data), group: group, in: files)
        } catch {
            switch error {
            case .beforeReplace(let cause): throw .saveFailed(cause)
            case .afterReplace(let cause): throw .outcomeUnknown(id: AccessConfiguration.fileName, cause)
            }
        }
    }

    func checkMayChangeAccessConfiguration() throws(StoreError) {
        let uid = geteuid()
        let owner: uid_t?
        do {
            owner = try files.status(accessPath).map { $0.st_uid }
        } catch {
            throw .io(error)
        }
        guard let owner, uid != 0, owner != uid else { return }
        let reviewer: Bool
        do {
            reviewer = try accessPolicy().isReviewer(identity)
        } catch {
            reviewer = false
        }
        if !reviewer {
            throw .permissionDenied(id: AccessConfiguration.fileName,
                                    reason: "only a reviewer, the file's owner or root may change the access configuration")
        }
    }
}
