import ArgumentParser
import JixiaoModel

/// `jixiao return ID --reason TEXT`: 退回, a reviewer sends a submission back to the office.
struct ReturnCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "return",
        abstract: "Return a submitted department to its office with a reason (退回); reviewers only.",
        discussion: "Exit status: 0 returned; 1 refused (not a reviewer, not submitted); 2 unusable arguments.")

    @OptionGroup var target: ReviewTarget

    @Option(help: ArgumentHelp("Why it is returned (required).", valueName: "text"))
    var reason: String

    func validate() throws {
        try requireReason(reason, for: .return)
    }

    func run() throws {
        try target.apply(.return, comment: reason)
    }
}
