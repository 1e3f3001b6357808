import ArgumentParser
import JixiaoModel

/// `jixiao submit ID`: 送审, draft or returned → submitted. Refused while error-level findings
/// remain (they are listed) or when the user is not one of the department's editors.
struct SubmitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "submit",
        abstract: "Submit a department for review (送审).",
        discussion: "Exit status: 0 submitted; 1 refused (errors remain, not an editor, wrong status); 2 no such department.")

    @OptionGroup var target: ReviewTarget

    func run() throws {
        try target.apply(.submit)
    }
}
