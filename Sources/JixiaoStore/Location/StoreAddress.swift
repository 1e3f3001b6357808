/// What `--store` or `$JIXIAO_STORE` names: a directory (the file store) or a PostgreSQL URL.
public enum StoreAddress: Sendable, Hashable {
    case directory(String)
    case postgres(String)

    public init(_ text: String) {
        self = PostgresAddress.isPostgresURL(text) ? .postgres(text) : .directory(text)
    }

    /// Opens the store with the given options. `create`: a missing or empty directory becomes
    /// a store (only for commands that set one up); otherwise it must be one already.
    public func open(allowNetworkFileSystem: Bool = false, findingCounter: FindingCounter? = nil,
                     create: Bool = false) throws(StoreError) -> any StoreTransfer {
        switch self {
        case .directory(let root):
            try FileDocumentStore(root: root, options: {
                var options = FileDocumentStore.Options(allowNetworkFileSystem: allowNetworkFileSystem, findingCounter: findingCounter)
                options.create = create
                return options
            }())
        case .postgres(let url):
            try PostgresStore(url: url, options: .init(findingCounter: findingCounter))
        }
    }

    /// For messages: the directory, or the URL without secrets.
    public var description: String {
        switch self {
        case .directory(let root): root
        case .postgres(let url): (try? PostgresAddress(url).description) ?? PostgresAddress.redacted(url)
        }
    }
}
