import ArgumentParser
import JixiaoModel

/// `jixiao comment ID [--cell PATH] TEXT`: 批注 on the submission or on one cell, by a
/// reviewer or one of the department's editors.
struct CommentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "comment",
        abstract: "Comment on a department or one of its cells (批注); reviewers and the department's editors.",
        discussion: "PATH is a cell path as `jixiao validate --json` prints it, e.g. projects[p-1].indicators[r-2].value. "
            + "Exit status: 0 added; 1 refused; 2 unusable arguments.")

    @OptionGroup var target: ReviewTarget

    @Option(help: ArgumentHelp("The cell commented on (default: the whole submission).", valueName: "path"))
    var cell: String?

    @Argument(help: "The comment.")
    var text: String

    func validate() throws {
        if let cell, CellPath(parsing: cell) == nil { throw ValidationError("--cell: \"\(cell)\" is not a cell path") }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw ValidationError("the comment is empty") }
    }

    func run() throws {
        let path = cell.flatMap(CellPath.init(parsing:))
        let done = { (document: DepartmentDocument, revision: Int) in
            LocalizedText(zh: "\(document.id)：已添加批注（第 \(revision) 版）", en: "\(document.id): comment added (revision \(revision))")
        }
        let unusable = { (document: DepartmentDocument) -> LocalizedText? in
            guard let path, DocumentTree(document).node(at: path) == nil else { return nil }
            return LocalizedText(zh: "部门 \(document.id) 中没有单元格 \(path)", en: "department \(document.id) has no cell \(path)")
        }
        try target.step.run(id: target.id, done: done, unusable: unusable) { (document, _, identity, policy) throws(ReviewRefusal) in
            try ReviewWorkflow.addComment(text, on: path, to: document, by: identity, policy: policy, at: ReviewStep.now()).0
        }
    }
}
