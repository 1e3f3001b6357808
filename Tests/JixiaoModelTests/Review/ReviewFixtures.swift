import Foundation
@testable import JixiaoModel

/// Documents and people shared by the review tests.
enum ReviewFixtures {
    static let office = Identity(user: "li", groups: ["office900901"])
    static let otherOffice = Identity(user: "wang", groups: ["office900902"])
    static let reviewer = Identity(user: "zhao", groups: ["finance"])
    static let time = "2026-11-23T08:00:00Z"

    /// Reviewers by group, editors of unit 900901 by group, of 900902 by user.
    static let policy = AccessPolicy(
        reviewers: .init(groups: ["finance"]),
        editors: ["900901": .init(groups: ["office900901"]), "900902-2024": .init(users: ["wang"])])

    /// The documented example without its second project (whose spending plan has a gap on
    /// purpose): a department without error-level findings.
    static func clean() throws -> DepartmentDocument {
        var document = try DocumentCodec.decode(try Data(contentsOf: TestPaths.exampleDocument))
        document.projects.removeLast(document.projects.count - 1)
        precondition(Validator.validate(department: document).allSatisfy { $0.severity != .error },
                     "docs/examples/department.json must have no errors for these tests")
        return document
    }

    /// The example with an error: a project whose budget does not add up.
    static func withError() throws -> DepartmentDocument {
        var document = try clean()
        document.projects[0].budget = Amount(canonical: "999999")
        return document
    }
}
