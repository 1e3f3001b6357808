import JixiaoModel

/// The review actions of the open department (F6 in the department screen and the document
/// view): the steps valid now for this user — `ReviewAction.target(from:)` for the status,
/// `AccessPolicy` for who may take them — in a choice dialog, then what each step needs:
/// 送审 lists the error findings when validation refuses; 审核通过 asks a grade (优 良 中 差 or
/// none) and an optional comment; 退回 and 撤回 ask a reason (required, several lines). The
/// step is made by `ReviewWorkflow.apply` with the environment's identity, policy and clock
/// and the loaded revision, applied to the session and saved at once through the normal save
/// (a newer revision is merged; a refusal by the store comes back as a message, and Ctrl-Z
/// then takes the step back).
///
/// Screens forward their `dialogFinished` here; a picked error finding comes back as the cell
/// to show.
enum ReviewActionMenu {
    static let menuTag = "review:menu"
    static let gradeTag = "review:grade"
    static let approveCommentTag = "review:approve:"
    static let reasonTag = "review:reason:"
    static let errorsTag = "review:errors"

    /// The steps from the document's status, in menu order, with the letter that picks each.
    static let steps: [(action: ReviewAction, key: Character)] = [
        (.submit, "s"), (.approve, "a"), (.return, "r"), (.withdraw, "w"),
    ]

    /// The steps this user may take now.
    static func available(_ document: DepartmentDocument, environment: AppEnvironment) -> [ReviewAction] {
        steps.map(\.action).filter { action in
            action.target(from: document.status) != nil
                && environment.policy.refusal(of: action, from: document.status, department: document,
                                              by: environment.identity) == nil
        }
    }

    static func present(context: inout ScreenContext) {
        guard let document = context.session?.document else { return }
        let environment = context.environment
        let strings = environment.strings
        let possible = steps.map(\.action).filter { $0.target(from: document.status) != nil }
        let allowed = available(document, environment: environment)
        guard !allowed.isEmpty else {
            // Say why: not permitted when a step exists but is someone else's.
            if let first = possible.first,
               let refusal = environment.policy.refusal(of: first, from: document.status, department: document,
                                                        by: environment.identity) {
                context.showMessage(.review(.refusal(refusal.message)), kind: .error)
            } else {
                context.showMessage(.review(.noActions(document.status)), kind: .error)
            }
            return
        }
        let options = allowed.map { action in
            ChoiceDialog.Option(key: steps.first { $0.action == action }!.key,
                                label: strings.language == .chinese ? action.name.zh : action.name.en)
        }
        context.present(.choice(ChoiceDialog(title: strings[.review(.actionsTitle)],
                                             message: strings[.review(.actionsQuestion(document.status))],
                                             options: options)), tag: menuTag)
    }

    /// Handles the answer to one of this menu's dialogs; returns a cell to show when an error
    /// finding was picked from the submit refusal. Tags of other dialogs return nil untouched.
    @discardableResult
    static func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) -> CellPath? {
        guard tag.hasPrefix("review:"), let document = context.session?.document else { return nil }
        let environment = context.environment
        let strings = environment.strings
        switch (tag, result) {
        case (menuTag, .chosen(let index?)):
            let allowed = available(document, environment: environment)
            guard allowed.indices.contains(index) else { return nil }
            switch allowed[index] {
            case .submit:
                take(.submit, context: &context)
            case .approve:
                let items = ReviewGrade.allCases.map { PickListDialog.Item(id: $0.rawValue, label: label(of: $0, strings)) }
                    + [PickListDialog.Item(id: "", label: strings[.review(.gradeNone)])]
                context.present(.pickList(PickListDialog(title: strings[.review(.gradeTitle)], items: items,
                                                         metrics: environment.metrics)), tag: gradeTag)
            case .return, .withdraw:
                presentReason(allowed[index], context: &context)
            case .reopen:
                break
            }
        case (gradeTag, .picked(let item?)):
            context.present(.textInput(TextInputDialog(title: strings[.review(.approveCommentTitle)],
                                                       prompt: strings[.review(.approveCommentPrompt)],
                                                       metrics: environment.metrics)),
                            tag: approveCommentTag + item.id)
        case (_, .text(let text?)) where tag.hasPrefix(approveCommentTag):
            let grade = ReviewGrade(rawValue: String(tag.dropFirst(approveCommentTag.count)))
            take(.approve, comment: text, grade: grade, context: &context)
        case (_, .text(let text?)) where tag.hasPrefix(reasonTag):
            guard let action = ReviewAction(rawValue: String(tag.dropFirst(reasonTag.count))) else { return nil }
            if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                // Asked again, with why: Esc leaves.
                context.showMessage(.review(.refusal(ReviewRefusal(.reasonRequired(action)).message)), kind: .error)
                presentReason(action, context: &context)
                return nil
            }
            take(action, comment: text, context: &context)
        case (errorsTag, .picked(let item?)):
            let errors = submitErrors(document, context.environment)
            guard let index = Int(item.id), errors.indices.contains(index) else { return nil }
            let finding = errors[index]
            context.showMessage(.review(.findingNote(index: index + 1, count: errors.count, text: finding.message,
                                                     place: CellLocation.describe(finding.path, in: document))),
                                kind: .error)
            return finding.path
        default:
            break
        }
        return nil
    }

    static func label(of grade: ReviewGrade, _ strings: Strings) -> String {
        strings.language == .chinese ? grade.chineseName : "\(grade.chineseName) \(grade.englishName)"
    }

    private static func presentReason(_ action: ReviewAction, context: inout ScreenContext) {
        let strings = context.environment.strings
        context.present(.textArea(TextAreaDialog(title: strings[.review(.reasonTitle(action))],
                                                 prompt: strings[.review(.reasonPrompt(action))],
                                                 metrics: context.environment.metrics)),
                        tag: reasonTag + action.rawValue)
    }

    static func submitErrors(_ document: DepartmentDocument, _ environment: AppEnvironment) -> [Finding] {
        Validator.validate(department: document).filter { $0.severity == .error }
    }

    /// Makes the step and saves; a refusal is shown instead (for errors, with the list).
    private static func take(_ action: ReviewAction, comment: String = "", grade: ReviewGrade? = nil,
                             context: inout ScreenContext) {
        guard let session = context.session else { return }
        let environment = context.environment
        let strings = environment.strings
        do {
            let stepped = try ReviewWorkflow.apply(action, to: session.document, by: environment.identity,
                                                   policy: environment.policy, at: environment.timestamp,
                                                   revision: session.base.revision, comment: comment, grade: grade,
                                                   ids: environment.ids)
            let label = strings.language == .chinese ? action.name.zh : action.name.en
            guard context.applyReviewStep(stepped, label: label) else { return }
            context.showMessage(.review(.stepDone(action: action, status: stepped.status)))
            context.saveDepartment()
        } catch {
            context.showMessage(.review(.refusal(error.message)), kind: .error)
            if case .errorsRemain(let findings) = error.reason {
                let document = session.document
                let items = findings.enumerated().map { index, finding in
                    let place = CellLocation.describe(finding.path, in: document)
                    let text = strings.language == .chinese ? "\(place.zh)：\(finding.message.zh)" : "\(place.en): \(finding.message.en)"
                    return PickListDialog.Item(id: String(index), label: text)
                }
                context.present(.pickList(PickListDialog(title: strings[.review(.errorsTitle(findings.count))], items: items,
                                                         metrics: environment.metrics)), tag: errorsTag)
            }
        }
    }
}
