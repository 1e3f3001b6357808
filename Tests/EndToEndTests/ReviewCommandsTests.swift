import Foundation
import Testing

/// `jixiao submit / approve / return / withdraw / comment / list --status / store access` run as
/// a user would, on the sample departments: exit statuses 0 done, 1 refused, 2 usage, and the
/// messages in both languages. (Permissions across OS accounts: OSUserPermissionTests.)
@Suite(.serialized) struct ReviewCommandsTests {
    static func jixiao(_ arguments: [String], in store: String, environment: [String: String] = [:]) throws -> CLIProcess.Result {
        try CLIProcess.run(arguments + ["--store", store], environment: environment)
    }

    /// A store holding the three samples (approved 900101, returned 900102 with errors, submitted 900201).
    static func sampleStore() throws -> String? {
        guard CLIProcess.isBuilt("jixiao") else {
            print("skipped: jixiao not built beside the tests")
            return nil
        }
        let store = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-review-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path
        let demo = try CLIProcess.run(["demo", "--store", store])
        #expect(demo.status == 0, "\(demo.stderr)")
        return store
    }

    /// The document as stored (the header line, then the canonical JSON).
    static func storedDocument(_ id: String, in store: String) throws -> [String: Any] {
        let text = try String(contentsOfFile: "\(store)/documents/\(id).json", encoding: .utf8)
        let body = text[text.index(after: text.firstIndex(of: "\n")!)...]
        return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
    }

    static func reviewLog(_ id: String, in store: String) throws -> [[String: Any]] {
        try storedDocument(id, in: store)["reviewLog"] as? [[String: Any]] ?? []
    }

    @Test func listByStatusAndTheWholeReviewRound() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)

        let submitted = try Self.jixiao(["list", "--status", "submitted"], in: store)
        #expect(submitted.status == 0)
        #expect(submitted.stdout.split(separator: "\n").map { $0.prefix(11) } == ["900201-2024"])
        #expect(try Self.jixiao(["list", "--status", "sent"], in: store).status == 2)

        let approve = try Self.jixiao(["approve", "900201-2024", "--grade", "优", "--comment", "同意"], in: store)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout.contains("900201-2024：已审核通过，现为“已审核”（第 2 版）"))
        let log = try Self.reviewLog("900201-2024", in: store)
        #expect(log.last?["action"] as? String == "approve")
        #expect(log.last?["user"] as? String == me)
        #expect(log.last?["grade"] as? String == "excellent")
        #expect(log.last?["comment"] as? String == "同意")
        #expect(log.last?["revision"] as? Int == 1)
        #expect(try Self.jixiao(["list", "--status", "approved"], in: store).stdout.contains("900201-2024"))

        // Approved: no second approval, no submit; withdrawing needs a reason.
        let again = try Self.jixiao(["approve", "900201-2024", "--lang", "en"], in: store)
        #expect(again.status == 1)
        #expect(again.stderr.contains("cannot approve a document that is approved"))
        let noReason = try Self.jixiao(["withdraw", "900201-2024", "--reason", "  "], in: store)
        #expect(noReason.status == 2)
        #expect(noReason.stderr.contains("withdraw requires a reason"))
        #expect(try Self.jixiao(["withdraw", "900201-2024"], in: store).status == 2)

        let withdraw = try Self.jixiao(["withdraw", "900201-2024", "--reason", "数据有误"], in: store, environment: ["LANG": "en_US.UTF-8"])
        #expect(withdraw.status == 0)
        #expect(withdraw.stdout.contains("900201-2024: withdraw done, now submitted (revision 3)"))
        let returned = try Self.jixiao(["return", "900201-2024", "--reason", "补充指标依据"], in: store)
        #expect(returned.status == 0)
        #expect(try Self.reviewLog("900201-2024", in: store).map { $0["action"] as? String } == ["submit", "approve", "withdraw", "return"])
        let resubmit = try Self.jixiao(["submit", "900201-2024"], in: store)
        #expect(resubmit.status == 0, "\(resubmit.stderr)")
        #expect(resubmit.stdout.contains("已送审"))
    }

    @Test func submitListsTheRemainingErrorsWithLocations() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let zh = try Self.jixiao(["submit", "900102-2024"], in: store)
        #expect(zh.status == 1)
        #expect(zh.stderr.contains("还有 2 个错误，改正后才能送审"))
        #expect(zh.stderr.contains("错误 budget.sum"))
        let en = try Self.jixiao(["submit", "900102-2024", "--lang", "en"], in: store)
        #expect(en.stderr.contains("2 errors must be fixed before submitting"))
        #expect(en.stderr.contains("error plan.end  Project 5「统计专项业务经费」"))
        #expect(try Self.storedDocument("900102-2024", in: store)["status"] as? String == "returned")
    }

    @Test func usageErrorsExitWithTwo() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let missing = try Self.jixiao(["approve", "999999-2024"], in: store)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("文档库中没有部门 999999-2024"))
        let grade = try Self.jixiao(["approve", "900201-2024", "--grade", "甲"], in: store)
        #expect(grade.status == 2)
        #expect(grade.stderr.contains("--grade must be 优, 良, 中 or 差"))
        #expect(try Self.jixiao(["return", "900201-2024"], in: store).status == 2)
        #expect(try Self.jixiao(["comment", "900201-2024", "--cell", "projects[", "看看"], in: store).status == 2)
        let noCell = try Self.jixiao(["comment", "900201-2024", "--cell", "projects[p-none].name", "看看", "--lang", "en"], in: store)
        #expect(noCell.status == 2)
        #expect(noCell.stderr.contains("department 900201-2024 has no cell projects[p-none].name"))
    }

    @Test func commentsOnTheSubmissionAndOnACell() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let whole = try Self.jixiao(["comment", "900201-2024", "整体不错"], in: store)
        #expect(whole.status == 0, "\(whole.stderr)")
        let cell = try Self.jixiao(["comment", "900201-2024", "--cell", "unitName", "单位名称核对"], in: store)
        #expect(cell.status == 0, "\(cell.stderr)")
        let comments = try Self.storedDocument("900201-2024", in: store)["comments"] as? [[String: Any]] ?? []
        #expect(comments.map { $0["text"] as? String } == ["整体不错", "单位名称核对"])
        #expect(comments.last?["cell"] as? String == "unitName")
    }

    @Test func storeAccessShowsSetsAndRefusesABrokenConfiguration() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        let shown = try Self.jixiao(["store", "access"], in: store)
        #expect(shown.stdout.contains("you are \(me)"))
        #expect(shown.stdout.contains("single-user"))

        let file = store + ".access.json"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try Data(#"{"version": 1, "reviewers": {"users": ["someone-else"]}, "editors": {"900201": {"users": ["\#(me)"]}}}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        #expect(try Self.jixiao(["store", "access", "--check", file], in: store).status == 0)
        #expect(try Self.jixiao(["store", "access", "--set", file], in: store).status == 0)
        #expect(FileManager.default.fileExists(atPath: store + "/access.json"))

        // Not a reviewer now: approving is refused, and saying otherwise in the environment changes nothing.
        let refused = try Self.jixiao(["approve", "900201-2024", "--lang", "en"], in: store,
                                      environment: ["USER": "someone-else", "LOGNAME": "someone-else"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("user \(me) may not approve this department"))
        // The office may still recall its submission.
        #expect(try Self.jixiao(["withdraw", "900201-2024", "--reason", "再改改"], in: store).status == 0)

        // A broken file: nothing is saved, and the message says where.
        try Data("{\"version\": 1,\n \"reviewers\": [".utf8).write(to: URL(fileURLWithPath: store + "/access.json"))
        let broken = try Self.jixiao(["submit", "900201-2024", "--lang", "en"], in: store)
        #expect(broken.status == 1)
        #expect(broken.stderr.contains("\(store)/access.json:2:"))
        #expect(broken.stderr.contains("nothing can be saved until it is fixed"))
        #expect(try Self.jixiao(["store", "access", "--check", store + "/access.json"], in: store).status == 1)
        #expect(try Self.jixiao(["list"], in: store).status == 0)
        // The editor does not start on it (before anything could be typed and not saved).
        let editor = try Self.jixiao(["edit"], in: store)
        #expect(editor.status == 2)
        #expect(editor.stderr.contains("the access configuration cannot be used"))

        #expect(try Self.jixiao(["store", "access", "--clear"], in: store).status == 0)
        #expect(try Self.jixiao(["store", "access"], in: store).stdout.contains("single-user"))
    }

    @Test func reimportKeepsTheReviewLogAndRespectsTheLock() throws {
        guard let store = try Self.sampleStore() else { return }
        defer { try? FileManager.default.removeItem(atPath: store) }
        let text = CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/budget-disclosure.txt").path
        #expect(try Self.jixiao(["import", text], in: store).status == 0)
        let id = "610302-2024"
        #expect(try Self.jixiao(["comment", id, "请核对"], in: store).status == 0)
        #expect(try Self.jixiao(["submit", id], in: store).status == 0)
        let me = String(cString: getpwuid(geteuid())!.pointee.pw_name)
        try Data(#"{"version": 1, "reviewers": {"users": ["someone-else"]}, "editors": {"610302": {"users": ["\#(me)"]}}}"#.utf8)
            .write(to: URL(fileURLWithPath: store + "/access.json"))
        // Submitted: the office cannot overwrite it by importing again.
        let locked = try Self.jixiao(["import", text, "--lang", "en"], in: store)
        #expect(locked.status == 1)
        #expect(locked.stderr.contains("not imported"))
        #expect(locked.stderr.contains("wait for the review or withdraw the submission"))
        // Recalled, it can; the log and the comment stay.
        #expect(try Self.jixiao(["withdraw", id, "--reason", "重新导入"], in: store).status == 0)
        let imported = try Self.jixiao(["import", text], in: store)
        #expect(imported.status == 0, "\(imported.stderr)")
        let stored = try Self.storedDocument(id, in: store)
        #expect((stored["reviewLog"] as? [[String: Any]])?.map { $0["action"] as? String } == ["submit", "withdraw"])
        #expect((stored["comments"] as? [[String: Any]])?.count == 1)
        #expect(stored["status"] as? String == "draft")
    }
}
