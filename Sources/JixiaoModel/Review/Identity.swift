/// Who is acting: the OS account running the process and its groups. The store builds it from
/// the process's credentials (never from arguments or the environment); the model only compares.
public struct Identity: Sendable, Hashable {
    public var user: String
    public var groups: Set<String>

    public init(user: String, groups: Set<String> = []) {
        self.user = user
        self.groups = groups
    }
}
