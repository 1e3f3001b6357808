import ArgumentParser
import JixiaoModel
import JixiaoStore

/// `jixiao history ID`: who changed which cell when.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "Show a department's change history (修改记录).")

    @OptionGroup var store: StoreOptions

    @Argument(help: "The department id, e.g. 441001-2023.")
    var id: String

    func run() throws {
        for record in try store.open().history(id: id) {
            let what = record.kind == .save ? "revision \(record.revision) (from \(record.baseRevision))" : "\(record.kind.rawValue) at revision \(record.revision)"
            print("\(record.time)  \(record.user)@\(record.host)  \(what)  sha256 \(record.sha256.prefix(12))")
            for change in record.changes {
                print("    \(change.path): \(HistoryCommand.show(change.old)) → \(HistoryCommand.show(change.new))")
            }
        }
    }

    static func show(_ value: CellValue?) -> String {
        switch value {
        case nil: "(none)"
        case .blank?: "(blank)"
        case .text(let text)?: text.count > 60 ? String(text.prefix(60)) + "…" : text
        }
    }
}
