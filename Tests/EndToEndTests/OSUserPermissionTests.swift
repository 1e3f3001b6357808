import Foundation
import Testing

/// The permission rules across real OS accounts: temporary users and groups (root only), one
/// store directory shared through a setgid group, and the built `jixiao` and
/// `jixiao-store-probe` run as each user with `setpriv`. Whoever a process claims to be in its
/// environment, the store goes by its credentials.
@Suite(.serialized) struct OSUserPermissionTests {
    /// Temporary accounts with a unique suffix, removed by `remove()` (also after failures).
    final class Accounts {
        let suffix = String(UInt32(getpid()) % 10_000) + String(UInt16.random(in: 0...UInt16.max), radix: 36)
        private(set) var users: [String] = []
        private(set) var groups: [String] = []

        func name(_ base: String) -> String { "jx\(base)\(suffix)" }

        func group(_ base: String) throws -> String {
            let name = name(base)
            try Self.run("/usr/sbin/groupadd", [name])
            groups.append(name)
            return name
        }

        /// A user without home or login shell, in `primary` and `others`.
        func user(_ base: String, primary: String, others: [String]) throws -> String {
            let name = name(base)
            var arguments = ["-M", "-N", "-s", "/usr/sbin/nologin", "-g", primary]
            if !others.isEmpty { arguments += ["-G", others.joined(separator: ",")] }
            try Self.run("/usr/sbin/useradd", arguments + [name])
            users.append(name)
            return name
        }

        func remove() {
            for user in users { try? Self.run("/usr/sbin/userdel", [user]) }
            for group in groups.reversed() { try? Self.run("/usr/sbin/groupdel", [group]) }
        }

        struct CommandFailed: Error, CustomStringConvertible {
            var description: String
        }

        static func run(_ tool: String, _ arguments: [String]) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            let message = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            if process.terminationStatus != 0 {
                throw CommandFailed(description: "\(tool) \(arguments.joined(separator: " ")): \(String(decoding: message, as: UTF8.self))")
            }
        }
    }

    /// Why the test cannot run here, or nil.
    static var skipReason: String? {
        if geteuid() != 0 { return "skipped: creating OS users needs root (running as uid \(geteuid()))" }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/userdel", "/usr/sbin/groupdel", "/usr/bin/setpriv"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "skipped: \(tool) is missing (packages passwd and util-linux)"
        }
        if !CLIProcess.isBuilt("jixiao") || !CLIProcess.isBuilt("jixiao-store-probe") {
            return "skipped: jixiao or jixiao-store-probe not built beside the tests"
        }
        return nil
    }

    /// A shared setup: the binaries copied where every user may run them, the store directory.
    struct Site {
        let directory: String
        let store: String
        let bin: String

        init(group: String) throws {
            var template = Array("/tmp/jixiao-osusers-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
            precondition(made != nil, "mkdtemp failed")
            directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            chmod(directory, 0o755)
            bin = directory + "/bin"
            store = directory + "/store"
            let files = FileManager.default
            try files.createDirectory(atPath: bin, withIntermediateDirectories: false)
            for tool in ["jixiao", "jixiao-store-probe"] {
                try files.copyItem(atPath: CLIProcess.productsDirectory.appendingPathComponent(tool).path, toPath: "\(bin)/\(tool)")
                chmod("\(bin)/\(tool)", 0o755)
            }
            // Shared through the group: setgid, group-writable, closed to others.
            try files.createDirectory(atPath: store, withIntermediateDirectories: false)
            try Accounts.run("/bin/chgrp", [group, store])
            chmod(store, 0o2770)
        }

        func remove() { try? FileManager.default.removeItem(atPath: directory) }

        /// Runs `tool ARGS…` as `user` (its own groups only), umask 007 as a shared store wants,
        /// with `environment` added.
        func run(as user: String, _ tool: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIProcess.Result {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", "umask 007; exec /usr/bin/setpriv --reuid=\"$0\" --regid=\"$(id -g \"$0\")\" --init-groups -- \"$@\"",
                                 user, "\(bin)/\(tool)"] + arguments
            var env = ProcessInfo.processInfo.environment
            env["LANG"] = "C.UTF-8"
            env["HOME"] = directory
            env.removeValue(forKey: "LC_ALL")
            env.removeValue(forKey: "LC_MESSAGES")
            env.removeValue(forKey: "JIXIAO_STORE")
            for (key, value) in environment { env[key] = value }
            process.environment = env
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            nonisolated(unsafe) var errData = Data()
            let group = DispatchGroup()
            group.enter()
            DispatchQueue.global().async {
                errData = err.fileHandleForReading.readDataToEndOfFile()
                group.leave()
            }
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            group.wait()
            process.waitUntilExit()
            return CLIProcess.Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                     stderr: String(decoding: errData, as: UTF8.self))
        }

        func jixiao(as user: String, _ arguments: [String], environment: [String: String] = [:]) throws -> CLIProcess.Result {
            try run(as: user, "jixiao", arguments + ["--store", store, "--lang", "en"], environment: environment)
        }

        /// The stored document's JSON (after the header line).
        func document(_ id: String) throws -> [String: Any] {
            let text = try String(contentsOfFile: "\(store)/documents/\(id).json", encoding: .utf8)
            let body = text[text.index(after: text.firstIndex(of: "\n")!)...]
            return try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] ?? [:]
        }

        func log(_ id: String) throws -> [(action: String, user: String)] {
            let entries = try document(id)["reviewLog"] as? [[String: Any]] ?? []
            return entries.map { ($0["action"] as? String ?? "", $0["user"] as? String ?? "") }
        }
    }

    @Test func reviewersOfficesAndLocksAcrossOSAccounts() throws {
        if let reason = Self.skipReason {
            print(reason)
            return
        }
        let accounts = Accounts()
        defer { accounts.remove() }
        let shared = try accounts.group("st")
        let finance = try accounts.group("fin")
        let officeAGroup = try accounts.group("oa")
        let reviewer = try accounts.user("rev", primary: shared, others: [finance])
        let officeA = try accounts.user("ua", primary: shared, others: [officeAGroup])
        let officeB = try accounts.user("ub", primary: shared, others: [])
        let site = try Site(group: shared)
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
