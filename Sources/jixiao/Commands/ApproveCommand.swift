import ArgumentParser
import JixiaoModel

/// `jixiao approve ID [--grade 优|良|中|差] [--comment TEXT]`: 审核通过, by a reviewer.
struct ApproveCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "approve",
        abstract: "Approve a submitted department (审核通过); reviewers only.",
        discussion: "Exit status: 0 approved; 1 refused (not a reviewer, not submitted); 2 unusable arguments.")

    @OptionGroup var target: ReviewTarget

    @Option(help: ArgumentHelp("The grade (评级): 优, 良, 中, 差 (or excellent, good, fair, poor).", valueName: "grade"))
    var grade: String?

    @Option(help: ArgumentHelp("A comment recorded in the review log.", valueName: "text"))
    var comment: String = ""

    func validate() throws {
        if let grade, ReviewGrade(typed: grade) == nil {
            throw ValidationError("--grade must be 优, 良, 中 or 差 (excellent, good, fair, poor), not \"\(grade)\"")
        }
    }

    func run() throws {
        try target.apply(.approve, comment: comment, grade: grade.flatMap(ReviewGrade.init(typed:)))
    }
}
