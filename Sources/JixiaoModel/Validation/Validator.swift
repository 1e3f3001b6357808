import Foundation

/// Runs the rules of `Rule.catalogue` over a department document. Pure functions of their
/// arguments: no I/O, no clock, no other projects than the one given.
///
/// The editor re-validates the project being edited with `validate(project:in:)` and the
/// department part with `validateDepartmentPart(_:)`; `validate(department:)` is both for the
/// whole document (review, CLI).
public enum Validator {
    /// Every finding of the document: department-level findings first, then each project's
    /// findings in project order.
    public static func validate(department document: DepartmentDocument,
                                settings: ValidationSettings = .standard) -> [Finding] {
        var findings = validateDepartmentPart(document, settings: settings)
        let context = ValidationContext(document: document)
        for project in document.projects {
            findings += validate(project: project, in: context, settings: settings)
        }
        return findings
    }

    /// The same findings as `validate(department:settings:)`, in the same order, with the
    /// projects checked on up to `workers` threads: one very large document (100,000 projects)
    /// uses every core, as a whole store does (`DocumentStore.validateDocuments`). Projects are
    /// independent, so this is only a split of the work.
    public static func validate(department document: DepartmentDocument, settings: ValidationSettings = .standard,
                                workers: Int) -> [Finding] {
        let projects = document.projects
        let chunks = min(max(1, workers) * 8, projects.count / 256)
        guard workers > 1, chunks > 1 else { return validate(department: document, settings: settings) }
        let context = ValidationContext(document: document)
        let parts = ChunkFindings(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
            let range = (projects.count * chunk / chunks)..<(projects.count * (chunk + 1) / chunks)
            var found: [Finding] = []
            for project in projects[range] { found += validate(project: project, in: context, settings: settings) }
            parts.set(chunk, found)
        }
        var findings = validateDepartmentPart(document, settings: settings)
        let collected = parts.collected()
        findings.reserveCapacity(findings.count + collected.reduce(0) { $0 + $1.count })
        for part in collected { findings += part }
        return findings
    }

    /// Findings of the department-level rules: unit fields, part 1 (总体绩效目标, 分项绩效目标,
    /// 工作保障措施) and duplicate project codes across projects.
    public static func validateDepartmentPart(_ document: DepartmentDocument,
                                              settings: ValidationSettings = .standard) -> [Finding] {
        var collector = FindingCollector(settings: settings)
        DepartmentChecks.run(document, into: &collector)
        return collector.findings
    }

    /// Findings of one project, in document order: project fields, budget, spending plan,
    /// then row by row, then coverage and the qualitative share.
    public static func validate(project: Project, in context: ValidationContext,
                                settings: ValidationSettings = .standard) -> [Finding] {
        var collector = FindingCollector(settings: settings)
        ProjectChecks.run(project, context: context, into: &collector)
        IndicatorChecks.run(project, context: context, into: &collector)
        return collector.findings
    }

    /// The same findings as `validate(project:in:settings:)`, re-checking only the rows that
    /// changed since `cache` was filled by an earlier call for this project (pass an empty
    /// cache the first time). The editor keeps one cache per project, so committing a cell in
    /// a 500-row project re-reads one target value, not 500.
    public static func validate(project: Project, in context: ValidationContext,
                                settings: ValidationSettings = .standard,
                                cache: inout RowFindingsCache) -> [Finding] {
        var collector = FindingCollector(settings: settings)
        ProjectChecks.run(project, context: context, into: &collector)
        var filled: RowFindingsCache? = cache
        IndicatorChecks.run(project, context: context, into: &collector, cache: &filled)
        cache = filled ?? RowFindingsCache()
        return collector.findings
    }
}

/// The findings of each chunk of projects, filled by the threads of `validate(department:workers:)`.
private final class ChunkFindings: @unchecked Sendable {
    private let lock = NSLock()
    private var parts: [[Finding]]

    init(count: Int) { parts = Array(repeating: [], count: count) }

    func set(_ index: Int, _ findings: [Finding]) {
        lock.lock()
        defer { lock.unlock() }
        parts[index] = findings
    }

    func collected() -> [[Finding]] {
        lock.lock()
        defer { lock.unlock() }
        return parts
    }
}

/// Row-local findings of one project's indicator rows from an earlier validation, for
/// `Validator.validate(project:in:settings:cache:)`. Valid only for the same project id,
/// budget, context and settings; anything else re-checks every row.
public struct RowFindingsCache: Sendable {
    struct Key: Hashable, Sendable {
        var project: String
        var budget: Amount?
        var context: ValidationContext
        var settings: ValidationSettings
    }

    struct Row: Sendable {
        var row: IndicatorRow
        var value: TargetValue
        var findings: [Finding]
    }

    var key: Key?
    var rows: [String: Row] = [:]

    public init() {}

    init(key: Key, rows: [String: Row]) {
        self.key = key
        self.rows = rows
    }
}

/// Gathers findings, leaving out disabled rules.
struct FindingCollector {
    let settings: ValidationSettings
    private(set) var findings: [Finding] = []

    init(settings: ValidationSettings) {
        self.settings = settings
    }

    mutating func add(_ rule: Rule, _ path: CellPath, zh: String, en: String) {
        guard !settings.disabledRules.contains(rule.id) else { return }
        findings.append(rule.finding(path, zh: zh, en: en))
    }

    /// Findings already filtered by the same settings (a row's cached findings).
    mutating func append(_ more: [Finding]) {
        findings += more
    }
}

extension String {
    /// Blank: empty or white space only (full-width space included).
    var isBlank: Bool {
        // A character's white-space property is its first scalar's: a plain first scalar settles it.
        if let first = unicodeScalars.first, PlainText.isPlain(first.value) { return false }
        return allSatisfy(\.isWhitespace)
    }
}

extension Optional where Wrapped == Amount {
    /// The amount, or 空 / blank.
    var displayZH: String { map(\.description) ?? "空" }
    var displayEN: String { map(\.description) ?? "blank" }
}
