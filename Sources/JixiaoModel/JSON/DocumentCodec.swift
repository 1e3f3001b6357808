import Foundation

/// The one canonical JSON encoding of a department document (see docs/format.md).
///
/// Keys are written in a fixed, logical order; amounts as strings so they stay exact; text as
/// UTF-8 without escaping CJK. Decoding is strict: unknown fields, wrong types, duplicate keys
/// or ids and a newer schema version are errors naming the JSON path, never a partial load.
public enum DocumentCodec {
    // MARK: Encoding

    public static func encode(_ document: DepartmentDocument) -> Data {
        Data(JSONWriter.write(jsonValue(of: document)))
    }

    public static func jsonValue(of d: DepartmentDocument) -> JSONValue {
        .object([
            // Always the current version: a document read from an older version is upgraded.
            ("schemaVersion", .number(String(DepartmentDocument.currentSchemaVersion))),
            ("id", .string(d.id)),
            ("fiscalYear", .number(String(d.fiscalYear))),
            ("unitCode", .string(d.unitCode)),
            ("unitName", .string(d.unitName)),
            ("moneyUnit", .string(d.moneyUnit.rawValue)),
            ("framework", .string(d.framework.rawValue)),
            ("status", .string(d.status.rawValue)),
            ("overallGoals", .array(d.overallGoals.map(jsonValue(of:)))),
            ("subGoals", .array(d.subGoals.map(jsonValue(of:)))),
            ("safeguards", .array(d.safeguards.map(jsonValue(of:)))),
            ("projects", .array(d.projects.map(jsonValue(of:)))),
            ("reviewLog", .array(d.reviewLog.map(jsonValue(of:)))),
            ("comments", .array(d.comments.map(jsonValue(of:)))),
        ])
    }

    static func jsonValue(of event: ReviewEvent) -> JSONValue {
        .object([
            ("id", .string(event.id)),
            ("action", .string(event.action.rawValue)),
            ("user", .string(event.user)),
            ("time", .string(event.time)),
            ("comment", .string(event.comment)),
            ("grade", event.grade.map { .string($0.rawValue) } ?? .null),
            ("revision", .number(String(event.revision))),
        ])
    }

    static func jsonValue(of comment: ReviewComment) -> JSONValue {
        .object([
            ("id", .string(comment.id)),
            ("author", .string(comment.author)),
            ("time", .string(comment.time)),
            ("text", .string(comment.text)),
            ("cell", comment.cell.map { .string($0.description) } ?? .null),
            ("resolved", comment.resolution.map { .object([("user", .string($0.user)), ("time", .string($0.time))]) } ?? .null),
        ])
    }

    static func jsonValue(of item: TextItem) -> JSONValue {
        .object([("id", .string(item.id)), ("text", .string(item.text))])
    }

    static func jsonValue(of goal: SubGoal) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("id", .string(goal.id)),
            ("title", .string(goal.title)),
            ("goal", .string(goal.goal)),
            ("indicatorText", .string(goal.indicatorText)),
        ]
        if let duty = goal.duty { members.append(("duty", .string(duty))) }
        if let standard = goal.standard { members.append(("standard", .string(standard))) }
        return .object(members)
    }

    static func jsonValue(of p: Project) -> JSONValue {
        .object([
            ("id", .string(p.id)),
            ("code", .string(p.code)),
            ("name", .string(p.name)),
            ("budget", jsonValue(of: p.budget)),
            ("fiscalFunds", jsonValue(of: p.fiscalFunds)),
            ("otherFunds", jsonValue(of: p.otherFunds)),
            ("purpose", .string(p.purpose)),
            ("spendingPlan", jsonValue(of: p.spendingPlan)),
            ("goals", .array(p.goals.map(jsonValue(of:)))),
            ("indicators", .array(p.indicators.map(jsonValue(of:)))),
        ])
    }

    static func jsonValue(of plan: SpendingPlan) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("mode", .string(plan.mode.rawValue))]
        for checkpoint in SpendingPlan.Checkpoint.allCases {
            members.append((checkpoint.rawValue, jsonValue(of: plan[checkpoint])))
        }
        return .object(members)
    }

    static func jsonValue(of row: IndicatorRow) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [("id", .string(row.id))]
        for column in IndicatorRow.Column.allCases {
            members.append((column.rawValue, .string(row[column])))
        }
        return .object(members)
    }

    static func jsonValue(of amount: Amount?) -> JSONValue {
        amount.map { .string($0.description) } ?? .null
    }

    // MARK: Decoding

    public static func decode(_ data: Data) throws(DocumentDecodingError) -> DepartmentDocument {
        try decode(try parse(data))
    }

    /// `decode(_:)` of bytes in place (a file's body), without copying them into `Data`.
    public static func decode(bytes: ArraySlice<UInt8>) throws(DocumentDecodingError) -> DepartmentDocument {
        try decode(try parse(bytes))
    }

    /// Strict JSON syntax, a syntax error reported at the root with its line and column.
    static func parse<Bytes: Collection>(_ data: Bytes) throws(DocumentDecodingError) -> JSONValue where Bytes.Element == UInt8 {
        do {
            return try JSONParser.parse(data)
        } catch {
            throw DocumentDecodingError(path: "$", line: error.line, column: error.column, message: error.message)
        }
    }

    public static func decode(_ value: JSONValue) throws(DocumentDecodingError) -> DepartmentDocument {
        let root = try JSONObjectReader(value, path: "$")
        // The version decides how to read everything else, so it is checked first.
        let version = try root.integer("schemaVersion")
        guard version <= DepartmentDocument.currentSchemaVersion else {
            throw DocumentDecodingError(path: root.childPath("schemaVersion"),
                                        message: "schema version \(version) is newer than this jixiao understands (\(DepartmentDocument.currentSchemaVersion)); upgrade jixiao to read this document")
        }
        guard version >= 1 else {
            throw DocumentDecodingError(path: root.childPath("schemaVersion"), message: "unknown schema version \(version)")
        }
        // Version 1 had no review log and no comments; version 2 requires both.
        var known: Set<String> = ["schemaVersion", "id", "fiscalYear", "unitCode", "unitName", "moneyUnit", "framework",
                                  "status", "overallGoals", "subGoals", "safeguards", "projects"]
        if version >= 2 { known.formUnion(["reviewLog", "comments"]) }
        try root.rejectUnknown(known)
        let year = try root.integer("fiscalYear")
        guard (1900...9999).contains(year) else {
            throw DocumentDecodingError(path: root.childPath("fiscalYear"), message: "\(year) is not a plausible budget year")
        }
        return DepartmentDocument(
            id: try root.id(),
            schemaVersion: DepartmentDocument.currentSchemaVersion,
            fiscalYear: year,
            unitCode: try root.string("unitCode"),
            unitName: try root.string("unitName"),
            moneyUnit: try root.enumeration("moneyUnit", as: MoneyUnit.self),
            framework: try root.enumeration("framework", as: FrameworkEdition.self),
            status: try root.enumeration("status", as: ReviewStatus.self),
            overallGoals: try root.list("overallGoals", textItem),
            subGoals: try root.list("subGoals", subGoal),
            safeguards: try root.list("safeguards", textItem),
            projects: try root.list("projects", project),
            reviewLog: version >= 2 ? try root.list("reviewLog", reviewEvent) : [],
            comments: version >= 2 ? try root.list("comments", comment) : []
        )
    }

    static func reviewEvent(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> ReviewEvent {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["id", "action", "user", "time", "comment", "grade", "revision"])
        let grade: ReviewGrade?
        if let raw = try o.optionalString("grade") {
            guard let value = ReviewGrade(rawValue: raw) else {
                let allowed = ReviewGrade.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
                throw DocumentDecodingError(path: o.childPath("grade"), message: "\"\(raw)\" is not one of \(allowed) or null")
            }
            grade = value
        } else {
            grade = nil
        }
        let revision = try o.integer("revision")
        guard revision >= 0 else {
            throw DocumentDecodingError(path: o.childPath("revision"), message: "a revision cannot be negative")
        }
        return ReviewEvent(id: try o.id(), action: try o.enumeration("action", as: ReviewAction.self),
                           user: try o.nonEmpty("user"), time: try o.timestamp("time"),
                           comment: try o.string("comment"), grade: grade, revision: revision)
    }

    static func comment(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> ReviewComment {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["id", "author", "time", "text", "cell", "resolved"])
        var cell: CellPath?
        if let raw = try o.optionalString("cell") {
            guard let parsed = CellPath(parsing: raw), !parsed.components.isEmpty else {
                throw DocumentDecodingError(path: o.childPath("cell"), message: "\"\(raw)\" is not a cell path such as projects[p-1].indicators[r-2].value")
            }
            cell = parsed
        }
        var resolution: ReviewComment.Resolution?
        let resolvedValue = try o.value("resolved")
        if resolvedValue != .null {
            let r = try JSONObjectReader(resolvedValue, path: o.childPath("resolved"))
            try r.rejectUnknown(["user", "time"])
            resolution = ReviewComment.Resolution(user: try r.nonEmpty("user"), time: try r.timestamp("time"))
        }
        return ReviewComment(id: try o.id(), author: try o.nonEmpty("author"), time: try o.timestamp("time"),
                             text: try o.string("text"), cell: cell, resolution: resolution)
    }

    static func textItem(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> TextItem {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["id", "text"])
        return TextItem(id: try o.id(), text: try o.string("text"))
    }

    static func subGoal(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> SubGoal {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["id", "title", "goal", "indicatorText", "duty", "standard"])
        return SubGoal(id: try o.id(), title: try o.string("title"), goal: try o.string("goal"),
                       indicatorText: try o.string("indicatorText"),
                       duty: try o.optionalString("duty"), standard: try o.optionalString("standard"))
    }

    static func project(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> Project {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(["id", "code", "name", "budget", "fiscalFunds", "otherFunds", "purpose", "spendingPlan",
                             "goals", "indicators"])
        return Project(
            id: try o.id(),
            code: try o.string("code"),
            name: try o.string("name"),
            budget: try o.amount("budget"),
            fiscalFunds: try o.amount("fiscalFunds"),
            otherFunds: try o.amount("otherFunds"),
            purpose: try o.string("purpose"),
            spendingPlan: try spendingPlan(try o.value("spendingPlan"), o.childPath("spendingPlan")),
            goals: try o.list("goals", textItem),
            indicators: try o.list("indicators", indicatorRow)
        )
    }

    static let spendingPlanFields = ["mode"] + SpendingPlan.Checkpoint.allCases.map(\.rawValue)
    static let indicatorRowFields = ["id"] + IndicatorRow.Column.allCases.map(\.rawValue)

    static func spendingPlan(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> SpendingPlan {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(spendingPlanFields)
        var plan = SpendingPlan(mode: try o.enumeration("mode", as: SpendingPlan.Mode.self))
        for checkpoint in SpendingPlan.Checkpoint.allCases {
            plan[checkpoint] = try o.amount(checkpoint.rawValue)
        }
        return plan
    }

    static func indicatorRow(_ value: JSONValue, _ path: String) throws(DocumentDecodingError) -> IndicatorRow {
        let o = try JSONObjectReader(value, path: path)
        try o.rejectUnknown(indicatorRowFields)
        var row = IndicatorRow(id: try o.id())
        for column in IndicatorRow.Column.allCases {
            row[column] = try o.string(column.rawValue)
        }
        return row
    }
}
