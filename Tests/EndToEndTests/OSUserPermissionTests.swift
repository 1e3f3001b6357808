import Foundation
import Testing

/// The permission rules across real OS accounts: temporary users and groups (root only), one
/// store directory shared through a setgid group, and the built `jixiao` and
/// `jixiao-store-probe` run as each user with `setpriv`. Whoever a process claims to be in its
/// environment, the store goes by its credentials.
@Suite(.serialized) struct OSUserPermissionTests {
    @Test func reviewersOfficesAndLocksAcrossOSAccounts() throws {
        if let reason = OSUsers.skipReason(needing: ["jixiao", "jixiao-store-probe"]) {
            print(reason)
            return
        }
        let accounts = OSUsers.Accounts()
        defer { accounts.remove() }
        let shared = try accounts.group("st")
        let finance = try accounts.group("fin")
        let officeAGroup = try accounts.group("oa")
        let reviewer = try accounts.user("rev", primary: shared, others: [finance])
        let officeA = try accounts.user("ua", primary: shared, others: [officeAGroup])
        let officeB = try accounts.user("ub", primary: shared, others: [])
        let site = try OSUsers.Site(group: shared, tools: ["jixiao", "jixiao-store-probe"])
        defer { site.remove() }

        // The samples, installed by a reviewer before any configuration: 900101 approved,
        // 900102 returned (office A's unit), 900201 submitted (office B's).
        let demo = try site.jixiao(as: reviewer, ["demo"])
        #expect(demo.status == 0, "\(demo.stderr)")
        let configuration = site.directory + "/access.json"
        try Data("""
            {"version": 1,
             "reviewers": {"groups": ["\(finance)"]},
             "editors": {"900101": {"groups": ["\(officeAGroup)"]}, "900102": {"groups": ["\(officeAGroup)"]},
                         "900201": {"users": ["\(officeB)"]}}}
            """.utf8).write(to: URL(fileURLWithPath: configuration))
        chmod(configuration, 0o644)
        let set = try site.run(as: reviewer, "jixiao", ["store", "access", "--set", configuration, "--store", site.store])
        #expect(set.status == 0, "\(set.stderr)")
        let whoami = try site.run(as: reviewer, "jixiao", ["store", "access", "--store", site.store])
        #expect(whoami.stdout.contains("you are \(reviewer)"))
        #expect(whoami.stdout.contains("you are a reviewer"))

        // A non-reviewer cannot approve, whatever USER and LOGNAME say.
        let notReviewer = try site.jixiao(as: officeA, ["approve", "900201-2024"],
                                          environment: ["USER": reviewer, "LOGNAME": reviewer])
        #expect(notReviewer.status == 1)
        #expect(notReviewer.stderr.contains("user \(officeA) may not approve this department"))
        let byEditor = try site.jixiao(as: officeB, ["return", "900201-2024", "--reason", "自己退回"])
        #expect(byEditor.status == 1)
        #expect(byEditor.stderr.contains("user \(officeB) may not return this department"))

        // Office B cannot edit office A's department (a content save through the store).
        let foreign = try site.run(as: officeB, "jixiao-store-probe", ["rename", site.store, "900102-2024", "乙改甲"])
        #expect(foreign.status == 2)
        #expect(foreign.stderr.contains("user \(officeB) is not an editor of department 900102-2024"))
        // Nobody edits an approved document without withdrawing the approval: not its office ...
        let locked = try site.run(as: officeA, "jixiao-store-probe", ["rename", site.store, "900101-2024", "审核后改"])
        #expect(locked.status == 2)
        #expect(locked.stderr.contains("withdraw the approval first"))
        // ... nor a reviewer, who is not an editor.
        let reviewerEdit = try site.run(as: reviewer, "jixiao-store-probe", ["rename", site.store, "900101-2024", "审核后改"])
        #expect(reviewerEdit.status == 2)
        // The office cannot withdraw an approval; the reviewer can, then the office recalls and edits.
        #expect(try site.jixiao(as: officeA, ["withdraw", "900101-2024", "--reason", "要改"]).status == 1)
        let cancel = try site.jixiao(as: reviewer, ["withdraw", "900101-2024", "--reason", "数据有误，取消审核"])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(try site.jixiao(as: officeA, ["withdraw", "900101-2024", "--reason", "修改数据"]).status == 0)
        let edit = try site.run(as: officeA, "jixiao-store-probe", ["rename", site.store, "900101-2024", "撤回后改"])
        #expect(edit.status == 0, "\(edit.stderr)")
        #expect(try site.document("900101-2024")["unitName"] as? String == "撤回后改")
        #expect(try site.log("900101-2024").suffix(2).map(\.user) == [reviewer, officeA])

        // The reviewer's approve and return work and are logged under the reviewer's account.
        let approve = try site.jixiao(as: reviewer, ["approve", "900201-2024", "--grade", "良"], environment: ["USER": "nobody"])
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(try site.log("900201-2024").last.map { [$0.action, $0.user] } == ["approve", reviewer])
        #expect(try site.jixiao(as: reviewer, ["withdraw", "900201-2024", "--reason", "再看看"]).status == 0)
        let returned = try site.jixiao(as: reviewer, ["return", "900201-2024", "--reason", "补充依据"])
        #expect(returned.status == 0, "\(returned.stderr)")
        #expect(try site.log("900201-2024").last.map { [$0.action, $0.user] } == ["return", reviewer])
        #expect(try site.document("900201-2024")["status"] as? String == "returned")

        // Through jixiao an office cannot change who reviews (by hand it could: docs/store.md).
        let takeOver = try site.run(as: officeA, "jixiao", ["store", "access", "--clear", "--store", site.store])
        #expect(takeOver.status == 1)
        #expect(takeOver.stderr.contains("only a reviewer, the file's owner or root may change the access configuration"))
        #expect(FileManager.default.fileExists(atPath: site.store + "/access.json"))
    }
}
