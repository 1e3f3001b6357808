import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// `--store DIR` and `--unsafe-network-fs`, shared by every command that opens the store.
struct StoreOptions: ParsableArguments {
    @Option(name: .customLong("store"), help: ArgumentHelp(
        "The store directory (default: $JIXIAO_STORE, else $XDG_DATA_HOME/jixiao, else ~/.local/share/jixiao).",
        valueName: "dir"))
    var directory: String?

    @Flag(name: .customLong("unsafe-network-fs"),
          help: "Open a store on NFS/SMB anyway. Unsafe: saves by different machines can be lost.")
    var unsafeNetworkFileSystem = false

    /// Validation counts for the summary index (errors/warnings per department). The version
    /// changes with the program version and the rule catalogue, so cached counts never outlive
    /// the rules that made them.
    static let findingCounter: FindingCounter? = .rules(programVersion: Jixiao.version)

    func open() throws -> FileDocumentStore {
        let root = try StoreLocation.resolve(explicit: directory, environment: ProcessInfo.processInfo.environment)
        return try FileDocumentStore(root: root, options: .init(allowNetworkFileSystem: unsafeNetworkFileSystem,
                                                                findingCounter: StoreOptions.findingCounter))
    }
}
