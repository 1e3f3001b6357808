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
}

extension String {
    /// Blank: empty or white space only (full-width space included).
    var isBlank: Bool { allSatisfy(\.isWhitespace) }
}

extension Optional where Wrapped == Amount {
    /// The amount, or 空 / blank.
    var displayZH: String { map(\.description) ?? "空" }
    var displayEN: String { map(\.description) ?? "blank" }
}
