import ArgumentParser
import Foundation

/// The `jixiao` command: the editor and its batch subcommands.
@main
struct Jixiao: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "Edit department budget performance targets (部门预算绩效目标).",
        version: version,
        subcommands: [Edit.self, Validate.self, ListCommand.self, HistoryCommand.self, FsckCommand.self,
                      RestoreCommand.self, ImportCommand.self, ExportCommand.self, DemoCommand.self, StoreCommand.self,
                      SubmitCommand.self, ApproveCommand.self, ReturnCommand.self, WithdrawCommand.self, CommentCommand.self],
        defaultSubcommand: Edit.self
    )

    /// Usage errors exit with status 2, the convention every jixiao command documents
    /// (argument-parser's own default would be 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            // argument-parser's `exit(withError:)` would print the message raw; it may quote an
            // argument or a stored name, so it goes through `InertOutput` like everything else.
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                if code == .success { InertOutput.line(message) } else { InertOutput.error(message) }
            }
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue)
        }
    }
}
