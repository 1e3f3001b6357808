import ArgumentParser
import JixiaoStore

/// `jixiao store init|grant|copy`: setting up and moving stores.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store",
        abstract: "Set up a PostgreSQL store, grant offices, copy between stores (文档库管理).",
        subcommands: [StoreInitCommand.self, StoreGrantCommand.self, StoreCopyCommand.self, StoreAccessCommand.self])
}

/// `jixiao store init --store postgresql://…`: creates or upgrades the schema and its roles.
struct StoreInitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create or upgrade the jixiao schema in a PostgreSQL database (run as its owner).",
        discussion: "Says what it did: created, upgraded from one version to another, or nothing to do. "
            + "A schema newer than this jixiao is refused and left alone. For a directory: makes a missing or empty "
            + "directory a file store; a non-empty directory that is not a store is refused.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        switch try store.address() {
        case .directory(let root):
            _ = try store.open(create: true)
            print("file store at \(root) is ready (no schema to create)")
        case .postgres(let url):
            do {
                print(try PostgresStore.initialize(url: url))
            } catch .badAddress(let reason) {
                throw ValidationError("unusable store address: \(reason)")
            }
        }
    }
}

/// `jixiao store grant ROLE UNIT…`: lets an office role edit (and read) those units' documents.
struct StoreGrantCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "Let a PostgreSQL role edit the departments of the given unit codes (单位代码).",
        discussion: "Creates the role (NOLOGIN) when missing and makes it a member of jixiao_user. Staff log-in "
            + "roles then join it: GRANT office_441001 TO zhangsan; (docs/deploy.md).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The office role, e.g. office_441001.")
    var role: String

    @Argument(help: "Unit codes whose documents the role may edit.")
    var units: [String]

    func validate() throws {
        if units.isEmpty { throw ValidationError("name at least one unit code") }
    }

    func run() throws {
        guard case .postgres(let url) = try store.address() else {
            throw ValidationError("grant needs a postgresql:// store; a directory store uses file permissions (docs/store.md)")
        }
        do {
            try PostgresStore.grant(url: url, role: role, unitCodes: units)
        } catch .badAddress(let reason) {
            throw ValidationError("unusable store address: \(reason)")
        }
        print("\(role) may now edit units \(units.joined(separator: ", "))")
    }
}

/// `jixiao store copy --from A --to B`: every department with its history, verified.
struct StoreCopyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy every department with its history from one store to another, and verify it.",
        discussion: "Either side is a directory or a postgresql:// URL. An administrator's transfer: documents, review logs "
            + "and comments arrive verbatim, not checked against the access configuration (which is not copied). "
            + "Departments already present at the destination "
            + "are not overwritten (reported as failures). Prints each department's revision, history count and "
            + "checksum, then totals; exit 1 if anything did not arrive identical.")

    @Option(help: ArgumentHelp("The source store.", valueName: "dir|url"))
    var from: String

    @Option(help: ArgumentHelp("The destination store (created if a directory; run `store init` first for PostgreSQL).",
                               valueName: "dir|url"))
    var to: String

    @Flag(name: .customLong("unsafe-network-fs"), help: "Open directory stores on NFS/SMB anyway.")
    var unsafeNetworkFileSystem = false

    func run() throws {
        let source = try StoreOptions.open(StoreAddress(from), allowNetworkFileSystem: unsafeNetworkFileSystem)
        let destination = try StoreOptions.open(StoreAddress(to), allowNetworkFileSystem: unsafeNetworkFileSystem, create: true)
        let report = try StoreCopy.copy(from: source, to: destination)
        for line in report.lines {
            let status = line.failure.map { "MISMATCH: \($0)" } ?? "ok"
            print("\(line.id)\trevision \(line.revision)\thistory \(line.historyRecords)\tsha256 \(line.sha256.prefix(16))\t\(status)")
        }
        print("\(report.copied) of \(report.lines.count) department(s) copied and verified, \(report.historyRecords) history record(s); "
            + "\(report.failed) failed")
        if report.failed > 0 { throw ExitCode(1) }
    }
}
