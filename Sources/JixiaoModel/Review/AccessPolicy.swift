import Foundation

/// Who may do what in a store (权限配置): the reviewers (审核人), and per department its editors.
/// Read from the store's configuration file (docs/store.md); a store without one is single-user
/// and everything is allowed.
///
/// Editors are listed per department id (`441001-2024`) or per unit code (`441001`, every
/// year). Users and groups are OS account and group names.
public struct AccessPolicy: Sendable, Hashable {
    /// A set of OS users and groups.
    public struct Principals: Sendable, Hashable {
        public var users: Set<String>
        public var groups: Set<String>

        public init(users: Set<String> = [], groups: Set<String> = []) {
            self.users = users
            self.groups = groups
        }

        public func contains(_ identity: Identity) -> Bool {
            users.contains(identity.user) || !groups.isDisjoint(with: identity.groups)
        }

        public var isEmpty: Bool { users.isEmpty && groups.isEmpty }
    }

    /// `false` for a store without a configuration file: no permission checks at all.
    public var isConfigured: Bool
    public var reviewers: Principals
    /// Keyed by department id or unit code.
    public var editors: [String: Principals]

    public init(reviewers: Principals, editors: [String: Principals]) {
        self.isConfigured = true
        self.reviewers = reviewers
        self.editors = editors
    }

    private init() {
        isConfigured = false
        reviewers = Principals()
        editors = [:]
    }

    /// No configuration: one user (or a trusted team), everything allowed.
    public static let singleUser = AccessPolicy()

    // MARK: Decisions

    public func isReviewer(_ identity: Identity) -> Bool {
        !isConfigured || reviewers.contains(identity)
    }

    /// Whether `identity` is one of the editors of the department with this id and unit code.
    public func isEditor(departmentID: String, unitCode: String, _ identity: Identity) -> Bool {
        guard isConfigured else { return true }
        return editors[departmentID]?.contains(identity) == true || editors[unitCode]?.contains(identity) == true
    }

    public func isEditor(of document: DepartmentDocument, _ identity: Identity) -> Bool {
        isEditor(departmentID: document.id, unitCode: document.unitCode, identity)
    }

    /// Reviewers and the department's editors may comment and resolve comments.
    public func mayComment(on document: DepartmentDocument, _ identity: Identity) -> Bool {
        isReviewer(identity) || isEditor(of: document, identity)
    }

    /// Why `identity` may not take `action` on `document` in `status`, or `nil` when allowed.
    public func refusal(of action: ReviewAction, from status: ReviewStatus, department document: DepartmentDocument,
                        by identity: Identity) -> ReviewRefusal? {
        guard isConfigured else { return nil }
        let allowed = action.isReviewerAction(from: status) ? isReviewer(identity) : isEditor(of: document, identity)
        return allowed ? nil : ReviewRefusal(.notPermitted(action, user: identity.user))
    }

    /// Why `identity` may not change `document`'s content now, or `nil` when allowed.
    public func refusalToEdit(_ document: DepartmentDocument, by identity: Identity) -> ReviewRefusal? {
        guard isConfigured else { return nil }
        guard isEditor(of: document, identity) else {
            return ReviewRefusal(.notAnEditor(user: identity.user, department: document.id))
        }
        if document.status == .submitted || document.status == .approved { return ReviewRefusal(.locked(document.status)) }
        return nil
    }

    // MARK: Configuration file

    /// Reads the configuration file's JSON:
    /// `{"version": 1, "reviewers": {"users": [...], "groups": [...]},
    ///   "editors": {"441001": {"users": [...], "groups": [...]}, ...}}`.
    /// Errors name the JSON path and, for syntax errors, line and column.
    public static func parse(_ data: Data) throws(DocumentDecodingError) -> AccessPolicy {
        let root = try JSONObjectReader(try DocumentCodec.parse(data), path: "$")
        try root.rejectUnknown(["version", "reviewers", "editors"])
        let version = try root.integer("version")
        guard version == 1 else {
            throw DocumentDecodingError(path: root.childPath("version"), message: "unknown configuration version \(version); this jixiao reads version 1")
        }
        let reviewers = try principals(try root.value("reviewers"), root.childPath("reviewers"))
        var editors: [String: Principals] = [:]
        if root.has("editors") {
            let editorsPath = root.childPath("editors")
            guard case .object(let members) = try root.value("editors") else {
                throw DocumentDecodingError(path: editorsPath, message: "expected an object mapping department ids or unit codes to editors")
            }
            for (key, member) in members {
                let path = editorsPath + "." + key
                guard StableID.isValid(key) else {
                    throw DocumentDecodingError(path: path, message: "\"\(key)\" is not a department id or unit code")
                }
                guard editors[key] == nil else {
                    throw DocumentDecodingError(path: path, message: "department \"\(key)\" is listed twice")
                }
                editors[key] = try principals(member, path)
            }
        }
        return AccessPolicy(reviewers: reviewers, editors: editors)
    }

    private static func principals(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> Principals {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["users", "groups"])
        return Principals(users: try names(o, "users"), groups: try names(o, "groups"))
    }

    private static func names(_ o: JSONObjectReader, _ key: String) throws(DocumentDecodingError) -> Set<String> {
        guard o.has(key) else { return [] }
        guard case .array(let elements) = try o.value(key) else {
            throw DocumentDecodingError(path: o.childPath(key), message: "expected an array of names")
        }
        var result: Set<String> = []
        for (index, element) in elements.enumerated() {
            guard case .string(let name) = element, !name.isEmpty, !name.contains(where: { $0.isWhitespace || $0 == ":" }) else {
                throw DocumentDecodingError(path: o.childPath(key) + "[\(index)]", message: "expected an OS \(key == "users" ? "user" : "group") name")
            }
            result.insert(name)
        }
        return result
    }
}
