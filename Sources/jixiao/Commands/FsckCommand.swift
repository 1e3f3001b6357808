import ArgumentParser
import JixiaoStore

/// `jixiao fsck`: checks every document, its checksum and its history.
struct FsckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fsck",
        abstract: "Check every document in the store (files or PostgreSQL); exit 1 if any is damaged.")

    @OptionGroup var store: StoreOptions

    func run() throws {
        guard let checking = try store.open() as? any StoreChecking else {
            throw ValidationError("this store cannot be checked")
        }
        let report = try checking.check()
        if report.readOnly { print("read-only store: checked without taking locks; nothing was moved or repaired") }
        for repair in report.repairs { print("repaired: \(repair)") }
        for problem in report.problems { print("damaged: \(problem.path): \(problem.reason)") }
        print("\(report.documentsChecked) document(s) checked, \(report.problems.count) damaged")
        if !report.isClean { throw ExitCode(1) }
    }
}
