import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// `jixiao validate [FILE.json | ID]…`: runs every validation rule over department documents,
/// given as files or as department ids in the store (every stored department when none is named).
///
/// Exit status: 0 when no error-level finding, 1 when any, 2 when an input cannot be used
/// (missing, unreadable, not a department document, no such department).
struct Validate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check department documents against the validation rules (docs/validation.md).",
        discussion: """
            Each argument is a department document file (a path, or a name ending in .json) or the id \
            of a department in the store; with no argument every department in the store is checked. \
            Prints each finding with its severity, rule id and location, and a summary per department. \
            Exit status: 0 when no error-level finding, 1 when there is one, 2 when an input cannot be \
            read as a department document.
            """
    )

    @Argument(help: ArgumentHelp("Department document files or department ids (default: the whole store).",
                                 valueName: "FILE.json|ID"))
    var targets: [String] = []

    @Flag(name: .long, help: "Print the findings as JSON.")
    var json = false

    @OptionGroup var storeOptions: StoreOptions

    @OptionGroup var language: LanguageOption

    func run() throws {
        var outcomes: [ValidationOutcome] = []
        var store: (any DocumentStore)?
        func openStore() throws -> any DocumentStore {
            if let store { return store }
            let opened = try storeOptions.open()
            store = opened
            return opened
        }
        if targets.isEmpty {
            let listing = try openStore().list()
            // Both cores: loading and checking each department is independent CPU work.
            outcomes += try openStore().validateDocuments(listing.documents.map(\.id)) { id, result in
                ValidationOutcome(id: id, result)
            }
            for problem in listing.problems {
                outcomes.append(ValidationOutcome(source: problem.id, failure: "\(problem.path): \(problem.reason)"))
            }
        }
        for target in targets {
            if target.hasSuffix(".json") || FileManager.default.fileExists(atPath: target) {
                outcomes.append(ValidationOutcome.check(file: target))
            } else {
                outcomes.append(ValidationOutcome.check(id: target, in: try openStore()))
            }
        }
        let report = ValidationReport(outcomes: outcomes, language: language.resolved)
        if json {
            InertOutput.json(report.json(), terminator: "")
        } else {
            // What could not be checked is an error: standard error, the findings standard output.
            let failures = report.failuresText()
            if !failures.isEmpty { InertOutput.error(failures, terminator: "") }
            InertOutput.line(report.text(failures: false), terminator: "")
        }
        throw ExitCode(report.exitStatus)
    }
}

/// The result of validating one input: its findings, or why it could not be read.
struct ValidationOutcome: Sendable {
    var source: String
    var document: DepartmentDocument?
    var findings: [Finding] = []
    var failure: String?

    init(source: String, document: DepartmentDocument? = nil, findings: [Finding] = [], failure: String? = nil) {
        self.source = source
        self.document = document
        self.findings = findings
        self.failure = failure
    }

    /// A department of the store, loaded and validated by `DocumentStore.validateDocuments`.
    init(id: String, _ result: Result<ValidatedDocument, StoreError>) {
        switch result {
        case .success(let validated):
            self.init(source: id, document: validated.stored.document, findings: validated.findings)
        case .failure(let error):
            self.init(source: id, failure: error.description)
        }
    }

    static func check(file: String) -> ValidationOutcome {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: file, isDirectory: &isDirectory), isDirectory.boolValue {
            return ValidationOutcome(source: file, failure: "is a directory; validate takes a department document file "
                                     + "(FILE.json) or a department id (是目录：请给出部门文档文件或部门 ID)")
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: file))
        } catch {
            return ValidationOutcome(source: file, failure: "cannot read the file: \(Self.reason(error))")
        }
        return check(data: data, source: file)
    }

    static func check(id: String, in store: any DocumentStore) -> ValidationOutcome {
        store.validateDocuments([id], workers: 1) { id, result in ValidationOutcome(id: id, result) }[0]
    }

    static func check(data: Data, source: String) -> ValidationOutcome {
        do {
            let document = try DocumentCodec.decode(data)
            let findings = Validator.validate(department: document, workers: ProcessInfo.processInfo.activeProcessorCount)
            return ValidationOutcome(source: source, document: document, findings: findings)
        } catch {
            return ValidationOutcome(source: source, failure: error.description)
        }
    }

    static func reason(_ error: Error) -> String {
        let ns = error as NSError
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
           let code = POSIXErrorCode(rawValue: Int32(underlying.code)) {
            return String(cString: strerror(code.rawValue))
        }
        if ns.domain == NSCocoaErrorDomain && ns.code == NSFileReadNoSuchFileError { return "no such file" }
        return ns.localizedDescription
    }
}

/// Renders validation outcomes as text or JSON and decides the exit status.
struct ValidationReport {
    var outcomes: [ValidationOutcome]
    var language: OutputLanguage

    var exitStatus: Int32 {
        if outcomes.contains(where: { $0.failure != nil }) { return 2 }
        if outcomes.contains(where: { $0.findings.contains { $0.severity == .error } }) { return 1 }
        return 0
    }

    /// One line per input that could not be checked.
    func failuresText() -> String {
        outcomes.compactMap { outcome in
            outcome.failure.map { "\(outcome.source): \(language.pick(zh: "无法读取", en: "unusable")): \($0)\n" }
        }.joined()
    }

    /// The findings of each document and the totals; with `failures`, the inputs that could
    /// not be checked too, in their place.
    func text(failures: Bool = true) -> String {
        var out = ""
        var total = FindingCounts()
        for outcome in outcomes {
            if let failure = outcome.failure {
                if failures { out += "\(outcome.source): \(language.pick(zh: "无法读取", en: "unusable")): \(failure)\n" }
                continue
            }
            guard let document = outcome.document else { continue }
            let name = outcome.source == document.id ? document.id : "\(outcome.source): \(document.id)"
            out += "\(name) \(document.unitName) \(document.fiscalYear)\n"
            var locator = CellLocator(document)
            for finding in outcome.findings {
                let location = locator.describe(finding.path)
                out += "  \(language.pick(zh: finding.severity.chineseName, en: finding.severity.rawValue)) \(finding.ruleID)  "
                out += "\(language.pick(location)): \(language.pick(finding.message))\n"
            }
            let counts = FindingCounts(outcome.findings)
            total = total + counts
            out += "  " + language.pick(zh: "错误 \(counts.errors)，警告 \(counts.warnings)，提示 \(counts.notices)",
                                        en: "\(counts.errors) errors, \(counts.warnings) warnings, \(counts.notices) notices") + "\n"
        }
        if outcomes.isEmpty {
            out += language.pick(zh: "文档库中没有部门。", en: "The store holds no departments.") + "\n"
        } else if outcomes.count > 1 {
            out += language.pick(zh: "合计：错误 \(total.errors)，警告 \(total.warnings)，提示 \(total.notices)",
                                 en: "Total: \(total.errors) errors, \(total.warnings) warnings, \(total.notices) notices") + "\n"
        }
        return out
    }

    func json() -> String {
        let results: [JSONValue] = outcomes.map { outcome in
            var members: [(key: String, value: JSONValue)] = [("source", .string(outcome.source))]
            if let failure = outcome.failure {
                members.append(("error", .string(failure)))
                return .object(members)
            }
            guard let document = outcome.document else { return .object(members) }
            members.append(("id", .string(document.id)))
            var locator = CellLocator(document)
            members.append(("findings", .array(outcome.findings.map { finding in
                let location = locator.describe(finding.path)
                return .object([
                    ("rule", .string(finding.ruleID)),
                    ("severity", .string(finding.severity.rawValue)),
                    ("path", .string(finding.path.description)),
                    ("location", .object([("zh", .string(location.zh)), ("en", .string(location.en))])),
                    ("message", .object([("zh", .string(finding.message.zh)), ("en", .string(finding.message.en))])),
                ])
            })))
            let counts = FindingCounts(outcome.findings)
            members.append(("counts", .object([
                ("errors", .number(String(counts.errors))),
                ("warnings", .number(String(counts.warnings))),
                ("notices", .number(String(counts.notices))),
            ])))
            return .object(members)
        }
        return String(decoding: JSONWriter.write(.object([
            ("results", .array(results)),
            ("exitStatus", .number(String(exitStatus))),
        ])), as: UTF8.self)
    }
}

extension FindingCounts {
    static func + (lhs: FindingCounts, rhs: FindingCounts) -> FindingCounts {
        FindingCounts(errors: lhs.errors + rhs.errors, warnings: lhs.warnings + rhs.warnings, notices: lhs.notices + rhs.notices)
    }
}
