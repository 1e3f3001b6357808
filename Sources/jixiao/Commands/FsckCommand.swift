import ArgumentParser
import JixiaoStore

/// `jixiao fsck`: checks every document, its checksum and its history.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Check every document in the store; exit 1 if any is damaged.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        let report = try store.open().check()
        for repair in report.repairs { print("repaired: \(repair)") }
        for problem in report.problems { print("damaged: \(problem.path): \(problem.reason)") }
        print("\(report.documentsChecked) document(s) checked, \(report.problems.count) damaged")
        if !report.isClean { throw ExitCode(1) }
    }
}
