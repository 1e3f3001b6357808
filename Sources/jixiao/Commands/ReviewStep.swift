import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// What `submit`, `approve`, `return`, `withdraw` and `comment` share: open the store, load the
/// department, apply the step with `ReviewWorkflow` as the process's user under the store's
/// access configuration, save on the loaded revision (reloading and trying once more when
/// someone saved first), and say what happened.
///
/// Exit status: 0 done; 1 refused (the message says why; a submit lists the errors with their
/// locations) or the store failed; 2 unusable arguments (no such department, bad grade).
struct ReviewStep {
    var storeOptions: StoreOptions
    var language: OutputLanguage

    /// Applies `change` to the department `id` and saves. `change` gets the stored document,
    /// its revision, who acts and the policy, and returns the new document.
    /// `unusable` says why an argument does not fit the loaded document (exit 2), or nil.
    func run(id: String, done: (DepartmentDocument, Int) -> LocalizedText,
             unusable: (DepartmentDocument) -> LocalizedText? = { _ in nil },
             change: (DepartmentDocument, Int, Identity, AccessPolicy) throws(ReviewRefusal) -> DepartmentDocument) throws {
        let store: any DocumentStore = try storeOptions.open()
        let policy: AccessPolicy
        do throws(StoreError) {
            policy = try store.accessPolicy()
        } catch {
            fail(error.localized)
            throw ExitCode(1)
        }
        for attempt in 0..<2 {
            let stored: StoredDocument
            do throws(StoreError) {
                stored = try store.load(id: id)
            } catch .notFound, .invalidID, .deleted {
                fail(LocalizedText(zh: "文档库中没有部门 \(id)", en: "no department \(id) in the store"))
                throw ExitCode(2)
            } catch {
                fail(error.localized)
                throw ExitCode(1)
            }
            if let problem = unusable(stored.document) {
                fail(problem)
                throw ExitCode(2)
            }
            let next: DepartmentDocument
            do {
                next = try change(stored.document, stored.revision, store.identity, policy)
            } catch {
                refuse(error, document: stored.document)
                throw ExitCode(1)
            }
            let outcome: SaveOutcome
            do throws(StoreError) {
                outcome = try store.save(next, base: stored.revision)
            } catch .refused(_, let refusal) {
                refuse(refusal, document: next)
                throw ExitCode(1)
            } catch {
                fail(error.localized)
                throw ExitCode(1)
            }
            switch outcome {
            case .saved(let revision):
                InertOutput.line(language.pick(done(next, revision)))
                return
            case .conflict:
                // Someone saved first: load their revision and apply the step to it once more.
                if attempt == 0 { continue }
                fail(LocalizedText(zh: "\(id) 刚被别人保存，请稍后再试", en: "someone else keeps saving \(id); try again later"))
                throw ExitCode(1)
            }
        }
    }

    /// The refusal's message; for remaining errors, each finding with its location, as
    /// `jixiao validate` prints them.
    func refuse(_ refusal: ReviewRefusal, document: DepartmentDocument) {
        fail(refusal.message)
        if case .errorsRemain(let findings) = refusal.reason {
            var outcome = ValidationOutcome(source: document.id, document: document)
            outcome.findings = findings
            InertOutput.error(ValidationReport(outcomes: [outcome], language: language).text(), terminator: "")
        }
    }

    func fail(_ message: LocalizedText) {
        InertOutput.error("jixiao: \(language.pick(message))")
    }

    static func now() -> String { ReviewTimestamp.string(from: Date()) }

    /// "已送审 441001-2024（第 3 版）".
    static func done(_ action: ReviewAction) -> (DepartmentDocument, Int) -> LocalizedText {
        { document, revision in
            LocalizedText(zh: "\(document.id)：已\(action.name.zh)，现为“\(document.status.chineseName)”（第 \(revision) 版）",
                          en: "\(document.id): \(action.name.en) done, now \(document.status.englishName) (revision \(revision))")
        }
    }
}

/// The arguments every review command takes.
struct ReviewTarget: ParsableArguments {
    @Argument(help: "The department id, e.g. 441001-2024.")
    var id: String

    @OptionGroup var store: StoreOptions

    @OptionGroup var language: LanguageOption

    var step: ReviewStep { ReviewStep(storeOptions: store, language: language.resolved) }

    /// Applies `action` with its comment and grade.
    func apply(_ action: ReviewAction, comment: String = "", grade: ReviewGrade? = nil) throws {
        try step.run(id: id, done: ReviewStep.done(action)) { (document, revision, identity, policy) throws(ReviewRefusal) in
            try ReviewWorkflow.apply(action, to: document, by: identity, policy: policy, at: ReviewStep.now(),
                                     revision: revision, comment: comment, grade: grade)
        }
    }
}

/// A reason that is required and may not be blank (return, withdraw).
func requireReason(_ reason: String, for action: ReviewAction) throws {
    if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
        throw ValidationError("\(action.name.en) requires a reason (\(action.name.zh)必须填写理由): --reason TEXT")
    }
}
