import Foundation
import Testing
@testable import JixiaoModel

@Suite struct AccessPolicyTests {
    @Test func parsesReviewersAndEditorsByIdOrUnitCode() throws {
        let json = """
        {
          "version": 1,
          "reviewers": {"users": ["zhao"], "groups": ["finance"]},
          "editors": {
            "900901": {"groups": ["office900901"]},
            "900902-2024": {"users": ["wang", "sun"]}
          }
        }
        """
        let policy = try AccessPolicy.parse(Data(json.utf8))
        #expect(policy.isConfigured)
        #expect(policy.isReviewer(Identity(user: "zhao")))
        #expect(policy.isReviewer(Identity(user: "qian", groups: ["finance"])))
        #expect(!policy.isReviewer(Identity(user: "li", groups: ["office900901"])))
        #expect(policy.isEditor(departmentID: "900901-2025", unitCode: "900901", Identity(user: "li", groups: ["office900901"])))
        #expect(policy.isEditor(departmentID: "900902-2024", unitCode: "900902", Identity(user: "sun")))
        #expect(!policy.isEditor(departmentID: "900902-2025", unitCode: "900902", Identity(user: "sun")))
        #expect(!policy.isEditor(departmentID: "900903-2024", unitCode: "900903", Identity(user: "zhao", groups: ["finance"])))
    }

    @Test func singleUserAllowsEverything() {
        let nobody = Identity(user: "nobody")
        #expect(AccessPolicy.singleUser.isReviewer(nobody))
        #expect(AccessPolicy.singleUser.isEditor(departmentID: "x-2024", unitCode: "x", nobody))
        #expect(!AccessPolicy.singleUser.isConfigured)
    }

    @Test func errorsSayWhereTheConfigurationIsWrong() {
        let cases: [(String, String, Int?)] = [
            (#"{"version": 1, "reviewers": {"users": ["a"]},}"#, "$", 1),
            (#"{"version": 2, "reviewers": {}}"#, "$.version", nil),
            (#"{"version": 1}"#, "$.reviewers", nil),
            (#"{"version": 1, "reviewers": {"user": ["a"]}}"#, "$.reviewers.user", nil),
            (#"{"version": 1, "reviewers": {"users": ["a b"]}}"#, "$.reviewers.users[0]", nil),
            (#"{"version": 1, "reviewers": {}, "editors": {"9 9": {}}}"#, "$.editors.9 9", nil),
            (#"{"version": 1, "reviewers": {}, "editors": []}"#, "$.editors", nil),
            (#"{"version": 1, "reviewers": {}, "extra": 1}"#, "$.extra", nil),
        ]
        for (json, path, line) in cases {
            do {
                _ = try AccessPolicy.parse(Data(json.utf8))
                Issue.record("accepted \(json)")
            } catch {
                #expect(error.path == path, "\(json): \(error)")
                if let line { #expect(error.line == line) }
            }
        }
    }
}
