import Foundation
import JixiaoModel

/// The access configuration of a database store: the same JSON as a directory store's
/// `access.json`, kept in `jixiao.meta` under `access_policy`. Only the schema owner can write
/// `jixiao.meta` (offices and reviewers are only granted SELECT), so changing who may review
/// takes the owner, as changing the file takes write permission on the store directory.
///
/// The review rules are checked by jixiao inside the save transaction (for its messages), and
/// again by the server in `jixiao.save_document` (PostgresEnforcement), along with the
/// row-level security of `jixiao store grant` (docs/deploy.md).
extension PostgresStore {
    static let accessPolicyKey = "access_policy"

    public func accessPolicy() throws(StoreError) -> AccessPolicy {
        try withReadingConnection { c throws(StoreError) in try readAccessPolicy(c) }
    }

    func readAccessPolicy(_ c: PostgresConnection) throws(StoreError) -> AccessPolicy {
        let result: PostgresResult
        do {
            result = try c.execute("SELECT value FROM jixiao.meta WHERE key = $1", [PostgresStore.accessPolicyKey])
        } catch {
            throw mapped(error, id: "jixiao.meta")
        }
        guard let text = result.rows.first?.first ?? nil else { return .singleUser }
        return try AccessConfiguration.parse(Data(text.utf8), source: "\(address) jixiao.meta \(PostgresStore.accessPolicyKey)")
    }

    /// Runs the review guard (or, for an install, the installer check) with the policy read in
    /// this transaction.
    func checkAccess(_ c: PostgresConnection, stored: DepartmentDocument?, new: DepartmentDocument,
                     installing: Bool) throws(StoreError) {
        let policy = try readAccessPolicy(c)
        if installing {
            if let refusal = policy.refusalToInstall(new, by: identity) { throw .refused(id: new.id, refusal) }
            return
        }
        do {
            try ReviewGuard.check(stored: stored, new: new, by: identity, policy: policy)
        } catch {
            throw .refused(id: new.id, error)
        }
    }

    /// `jixiao store access --set FILE`: stores the configuration (checked first), or removes it
    /// with `nil` (the store becomes single-user). Needs the schema owner or a superuser.
    public static func setAccessPolicy(url: String, json: Data?, source: String) throws(StoreError) {
        if let json { _ = try AccessConfiguration.parse(json, source: source) }
        let connection = try PostgresConnection(try PostgresAddress(url))
        try PostgresSchema.checkUsable(connection)
        do {
            if let json {
                try connection.execute("""
                    INSERT INTO jixiao.meta (key, value) VALUES ($1, $2)
                    ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
                    """, [accessPolicyKey, String(decoding: json, as: UTF8.self)])
            } else {
                try connection.execute("DELETE FROM jixiao.meta WHERE key = $1", [accessPolicyKey])
            }
        } catch {
            if error.isPermissionDenied {
                throw .permissionDenied(id: "jixiao.meta", reason: "\(error.message); set the access configuration as the "
                    + "schema owner or a superuser")
            }
            throw .database(error.description)
        }
    }
}
