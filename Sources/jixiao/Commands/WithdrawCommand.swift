import ArgumentParser
import JixiaoModel

/// `jixiao withdraw ID --reason TEXT`: 撤回. A reviewer withdraws an approval (approved →
/// submitted, 取消审核); an office recalls its submission (submitted → draft, 撤回送审).
struct WithdrawCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: "Withdraw an approval (取消审核, reviewers) or a submission (撤回送审, the office).",
        discussion: "Exit status: 0 withdrawn; 1 refused (not permitted, wrong status); 2 unusable arguments.")

    @OptionGroup var target: ReviewTarget

    @Option(help: ArgumentHelp("Why (required).", valueName: "text"))
    var reason: String

    func validate() throws {
        try requireReason(reason, for: .withdraw)
    }

    func run() throws {
        try target.apply(.withdraw, comment: reason)
    }
}
