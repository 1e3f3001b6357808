import Foundation

/// Temporary OS accounts and a store shared by them, for tests that run jixiao as different
/// users (root only): what `OSUserPermissionTests` and `ReviewFlowEndToEndTests` share.
enum OSUsers {
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
            for user in users {
                // userdel refuses while a process of the user lives on, e.g. an editor that a
                // closed tmux session has only just sent SIGHUP to: give it two seconds.
                for _ in 0..<20 {
                    if (try? Self.run("/usr/sbin/userdel", [user])) != nil { break }
                    usleep(100_000)
                }
            }
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

    /// Why a test that runs `tools` as temporary OS users cannot run here, or nil.
    static func skipReason(needing tools: [String]) -> String? {
        if geteuid() != 0 { return "skipped: creating OS users needs root (running as uid \(geteuid()))" }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/sbin/userdel", "/usr/sbin/groupdel", "/usr/bin/setpriv"]
        where !FileManager.default.isExecutableFile(atPath: tool) {
            return "skipped: \(tool) is missing (packages passwd and util-linux)"
        }
        for tool in tools where !CLIProcess.isBuilt(tool) {
            return "skipped: \(tool) is not built beside the tests"
        }
        return nil
    }

    /// A shared setup: the binaries copied where every user may run them, the store directory.
    struct Site {
        let directory: String
        let store: String
        let bin: String

        init(group: String, tools: [String]) throws {
            var template = Array("/tmp/jixiao-osusers-XXXXXX".utf8CString)
            let made = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
            precondition(made != nil, "mkdtemp failed")
            directory = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
            chmod(directory, 0o755)
            bin = directory + "/bin"
            store = directory + "/store"
            let files = FileManager.default
            try files.createDirectory(atPath: bin, withIntermediateDirectories: false)
            for tool in tools {
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

    /// What runs a command as `user` with its own groups (`setpriv`), for a tmux pane.
    static func launcher(for user: String) throws -> [String] {
        guard let entry = getpwnam(user) else { throw Accounts.CommandFailed(description: "no OS user \(user)") }
        return ["/usr/bin/setpriv", "--reuid=\(entry.pointee.pw_uid)", "--regid=\(entry.pointee.pw_gid)", "--init-groups", "--"]
    }
}
