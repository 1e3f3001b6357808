import ArgumentParser
import Foundation
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

    @Flag(name: .long, help: "List every changed cell (by default at most \(HistoryCommand.cellsShown) per revision).")
    var all = false

    /// A first revision lists every cell of the document; a screenful per revision keeps the
    /// history readable while saying how much was left out.
    static let cellsShown = 12

    func run() throws {
        // Stored times are UTC; people read their own zone, with the offset so the line stays exact.
        let times = TimeDisplay(zone: .current, now: Date())
        for record in try store.open().history(id: id) {
            let what = record.kind == .save ? "revision \(record.revision) (from \(record.baseRevision))" : "\(record.kind.rawValue) at revision \(record.revision)"
            let count = record.changes.count == 1 ? "1 cell" : "\(record.changes.count) cells"
            print("\(times.dateTimeWithOffset(record.time))  \(record.user)@\(record.host)  \(what)  \(count)  sha256 \(record.sha256.prefix(12))")
            let shown = all ? record.changes[...] : record.changes.prefix(HistoryCommand.cellsShown)
            for change in shown {
                print("    \(change.path): \(HistoryCommand.show(change.old)) → \(HistoryCommand.show(change.new))")
            }
            if shown.count < record.changes.count {
                print("    … \(record.changes.count - shown.count) more (--all lists them)")
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
