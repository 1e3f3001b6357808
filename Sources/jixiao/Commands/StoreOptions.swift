import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// `--store DIR|URL` and `--unsafe-network-fs`, shared by every command that opens the store.
/// A `postgresql://` URL opens the PostgreSQL store (docs/deploy.md); anything else is a
/// directory for the file store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store: a directory, or a postgresql:// URL without password (default: $JIXIAO_STORE, else "
            + "$XDG_DATA_HOME/jixiao, else ~/.local/share/jixiao).",
        valueName: "dir|url"))
    var directory: String?

    @Flag(name: .customLong("unsafe-network-fs"),
          help: "Open a store on NFS/SMB anyway. Unsafe: saves by different machines can be lost.")
    var unsafeNetworkFileSystem = false

    /// Validation counts for the summary index (errors/warnings per department). The version
    /// changes with the program version and the rule catalogue, so cached counts never outlive
    /// the rules that made them.
    static let findingCounter: FindingCounter? = .rules(programVersion: Jixiao.version)

    /// Where the store is, resolved from `--store` and the environment.
    func address() throws -> StoreAddress {
        StoreAddress(try StoreLocation.resolve(explicit: directory, environment: ProcessInfo.processInfo.environment))
    }

    /// Opens the store. Only the commands that set a store up pass `create` (`store init`, the
    /// editor's first run, `demo`, `store access --set`, the destination of `store copy`):
    /// every other command refuses a directory that is not a store, so a mistyped `--store`
    /// (or `--store /etc`) leaves nothing behind.
    func open(create: Bool = false) throws -> any StoreTransfer {
        try StoreOptions.open(address(), allowNetworkFileSystem: unsafeNetworkFileSystem, create: create)
    }

    /// Opens `address`; an unusable address (e.g. a password in the URL) is a usage error.
    static func open(_ address: StoreAddress, allowNetworkFileSystem: Bool, create: Bool = false) throws -> any StoreTransfer {
        do {
            return try address.open(allowNetworkFileSystem: allowNetworkFileSystem, findingCounter: findingCounter, create: create)
        } catch .badAddress(let reason) {
            throw ValidationError("unusable store address: \(reason)")
        }
    }
}
