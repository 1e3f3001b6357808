import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// `jixiao store access [--set FILE | --clear | --check FILE]`: shows or sets who may review and
/// who edits each department (docs/store.md).
struct StoreAccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Show or set the store's access configuration (审核人与编辑人员).",
        discussion: """
            Without options prints the configuration in force (or says the store is single-user) and who \
            this process is. --set FILE checks the file and installs it: in a directory store as \
            access.json at its root (written atomically; who may change it is whoever may write the store \
            directory), in PostgreSQL into jixiao.meta (as the schema owner). --clear removes it. \
            --check FILE only checks a file. Exit 0 done, 1 when the configuration cannot be used, 2 usage.
            """)

    @OptionGroup var store: StoreOptions

    @Option(help: ArgumentHelp("Install this configuration file.", valueName: "file"))
    var set: String?

    @Flag(help: "Remove the configuration: the store becomes single-user.")
    var clear = false

    @Option(help: ArgumentHelp("Check a configuration file without installing it.", valueName: "file"))
    var check: String?

    func validate() throws {
        if [set != nil, clear, check != nil].filter({ $0 }).count > 1 {
            throw ValidationError("give only one of --set, --clear and --check")
        }
    }

    func run() throws {
        do {
            if let file = check ?? set {
                // Checked before anything is installed; the message places the error in the file.
                let bytes = try read(file)
                do throws(StoreError) {
                    let policy = try AccessConfiguration.parse(bytes, source: file)
                    if check != nil {
                        print("\(file): ok, \(Self.describe(policy))")
                        return
                    }
                } catch {
                    let placed = if case .accessConfiguration(let path, let reason) = error { "\(path): \(reason)" } else { "\(error)" }
                    FileHandle.standardError.write(Data("jixiao: \(placed)\n".utf8))
                    throw ExitCode(1)
                }
            }
            if set != nil || clear {
                let data = try set.map(read)
                switch try store.address() {
                case .directory:
                    guard let opened = try store.open(create: true) as? FileDocumentStore else { throw ExitCode(1) }
                    try opened.setAccessConfiguration(data)
                    print(data == nil ? "removed \(opened.accessPath): the store is single-user" : "installed \(opened.accessPath)")
                case .postgres(let url):
                    try PostgresStore.setAccessPolicy(url: url, json: data, source: set ?? "")
                    print(data == nil ? "removed the access configuration: the store is single-user" : "installed the access configuration")
                }
                return
            }
            let opened = try store.open()
            let identity = opened.identity
            print("you are \(identity.user) (groups: \(identity.groups.sorted().joined(separator: ", ")))")
            let policy = try opened.accessPolicy()
            guard policy.isConfigured else {
                print("no access configuration: single-user store, everything allowed")
                return
            }
            print(Self.describe(policy) + (policy.isReviewer(identity) ? "; you are a reviewer" : ""))
            print(AccessConfiguration.json(policy), terminator: "")
        } catch let error as StoreError {
            FileHandle.standardError.write(Data("jixiao: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }

    func read(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ValidationError("cannot read \(path)")
        }
        return data
    }

    static func describe(_ policy: AccessPolicy) -> String {
        "\(policy.reviewers.users.count) reviewer user(s), \(policy.reviewers.groups.count) reviewer group(s), "
            + "editors for \(policy.editors.count) department(s) or unit(s)"
    }
}
