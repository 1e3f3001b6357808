import ArgumentParser
import JixiaoStore

/// `jixiao restore ID`: brings back a soft-deleted department.
struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Restore a deleted department (恢复已删除的部门).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The department id; `jixiao restore --list` shows the deleted ones.")
    var id: String?

    @Flag(help: "List the deleted departments instead.")
    var list = false

    @Flag(name: .customLong("from-history"),
          help: "Rebuild a department whose document is missing from its history (可从历史恢复).")
    var fromHistory = false

    func run() throws {
        let opened = try store.open()
        if list {
            for summary in try opened.listDeleted() {
                print([summary.id, summary.unitCode, summary.unitName, String(summary.fiscalYear)].joined(separator: "\t"))
            }
            return
        }
        guard let id else { throw ValidationError("name the department to restore, or pass --list") }
        if fromHistory {
            guard let files = opened as? FileDocumentStore else {
                throw ValidationError("--from-history is for a file store; a database keeps each document with its history")
            }
            let revision = try files.restoreFromHistory(id: id)
            print("restored \(id) at revision \(revision) from its history")
            return
        }
        try opened.restore(id: id)
        print("restored \(id)")
    }
}
