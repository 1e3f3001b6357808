import Foundation
import JixiaoModel
import JixiaoStore
#if canImport(Glibc)
import Glibc
#endif

/// A test helper, not part of the product: one process doing store operations so tests can
/// kill it mid-save, run eight at once, or inject I/O faults into it with strace.
///
///     jixiao-store-probe increment STORE ID COUNT        read-modify-write COUNT times, retrying conflicts
///     jixiao-store-probe write-loop STORE ID...          print "ready", save versions rev+1, rev+2, … until killed
///     jixiao-store-probe save-once STORE ID              save the next probe version once
///     jixiao-store-probe draft STORE ID SEED COUNT OUT   journal COUNT edits, write the expected result to OUT, wait
///     jixiao-store-probe fill STORE N                    create N departments (for measuring the list)
///     jixiao-store-probe delete STORE ID                 soft-delete ID
///     jixiao-store-probe rename STORE ID NAME            change the unit name of ID (a content edit), keeping its review log
///     jixiao-store-probe hold-presence STORE ID          mark ID open, wait
///     jixiao-store-probe increment-through-outages STORE ID COUNT
///                                                        COUNT confirmed increments, riding out server restarts
///
/// STORE is a directory or a postgresql:// URL.
///
/// Exit status 0 on success, 2 on a store error (message on stderr), 64 on bad usage.
@main
enum StoreProbe {
    static func main() {
        let arguments = Array(CommandLine.arguments.dropFirst())
        guard arguments.count >= 3 else { usage() }
        do {
            let store = try StoreAddress(arguments[1]).open(allowNetworkFileSystem: true, create: true)
            switch arguments[0] {
            case "increment":
                guard arguments.count == 4, let count = Int(arguments[3]) else { usage() }
                try increment(store, id: arguments[2], times: count)
            case "increment-through-outages":
                guard arguments.count == 4, let count = Int(arguments[3]) else { usage() }
                try incrementThroughOutages(store, id: arguments[2], times: count)
            case "write-loop":
                say("ready")
                while true {
                    for id in arguments[2...] { try saveNextVersion(store, id: id) }
                }
            case "save-once":
                let revision = try saveNextVersion(store, id: arguments[2])
                say("saved \(revision)")
            case "draft":
                guard arguments.count == 6, let seed = UInt64(arguments[3]), let count = Int(arguments[4]) else { usage() }
                try journal(store, id: arguments[2], seed: seed, count: count, expected: arguments[5])
            case "fill":
                // For measuring the list: N departments at revision 1.
                guard arguments.count == 3, let count = Int(arguments[2]) else { usage() }
                for n in 0..<count { _ = try store.save(ProbeDocuments.version(id: "fill-\(n)", 1), base: 0) }
                say("filled \(count)")
            case "rename":
                // A content edit as the editor makes it: load, change one cell, save on that revision.
                guard arguments.count == 4 else { usage() }
                let stored = try store.load(id: arguments[2])
                var document = stored.document
                document.unitName = arguments[3]
                switch try store.save(document, base: stored.revision) {
                case .saved(let revision): say("saved \(revision)")
                case .conflict(let newer): throw StoreError.alreadyExists(id: "\(arguments[2]) at revision \(newer.revision)")
                }
            case "delete":
                try store.delete(id: arguments[2])
                say("deleted \(arguments[2])")
            case "hold-presence":
                guard let tracking = store as? any PresenceTracking else { usage() }
                let mark = try tracking.markOpen(id: arguments[2])
                say("open since \(mark.entry.since)")
                withExtendedLifetime(mark) {
                    while true { sleep(60) }
                }
            default:
                usage()
            }
        } catch {
            try? FileHandle.standardError.write(contentsOf: Data("jixiao-store-probe: \(error)\n".utf8))
            exit(2)
        }
    }

    /// Unbuffered, so a test reading the pipe sees it before the probe is killed.
    static func say(_ line: String) {
        try? FileHandle.standardOutput.write(contentsOf: Data((line + "\n").utf8))
    }

    static func usage() -> Never {
        try? FileHandle.standardError.write(contentsOf: Data("usage: jixiao-store-probe increment|increment-through-outages|write-loop|save-once|draft|rename|delete|hold-presence|fill STORE ID …\n".utf8))
        exit(64)
    }

    static func current(_ store: any DocumentStore, id: String) throws -> StoredDocument? {
        do {
            return try store.load(id: id)
        } catch .notFound {
            return nil
        }
    }

    static func increment(_ store: any DocumentStore, id: String, times: Int) throws {
        var conflicts = 0
        for _ in 0..<times {
            var stored = try current(store, id: id) ?? StoredDocument(document: ProbeDocuments.counter(id: id), revision: 0)
            while true {
                var document = stored.document
                document.overallGoals[0].text = String(Int(document.overallGoals[0].text)! + 1)
                switch try store.save(document, base: stored.revision) {
                case .saved: break
                case .conflict(let newer):
                    conflicts += 1
                    stored = newer
                    continue
                }
                break
            }
        }
        say("conflicts \(conflicts)")
    }

    /// Increments a counter `times` times while the server may restart underneath. A save whose
    /// commit outcome is unknown is never blindly repeated: the probe reloads (reconnecting) and
    /// counts it as done only if the stored counter is the value it tried to write, saved by
    /// this process. Other errors (server down, connection lost before commit) changed nothing:
    /// wait and go on. Prints `confirmed N unknown U errors E`.
    static func incrementThroughOutages(_ store: any DocumentStore, id: String, times: Int) throws {
        var confirmed = 0, unknown = 0, errors = 0
        say("ready")
        while confirmed < times {
            do {
                let stored = try store.load(id: id)
                var document = stored.document
                let next = Int(document.overallGoals[0].text)! + 1
                document.overallGoals[0].text = String(next)
                do {
                    if case .saved = try store.save(document, base: stored.revision) { confirmed += 1 }
                } catch .commitUnknown {
                    unknown += 1
                    // Find out, once the server answers again.
                    while true {
                        do {
                            let now = try store.load(id: id)
                            if now.revision == stored.revision + 1, now.document.overallGoals[0].text == String(next),
                               now.savedBy?.pid == getpid() {
                                confirmed += 1
                            }
                            break
                        } catch {
                            usleep(50_000)
                        }
                    }
                }
            } catch {
                errors += 1
                usleep(50_000)
            }
        }
        say("confirmed \(confirmed) unknown \(unknown) errors \(errors)")
    }

    @discardableResult
    static func saveNextVersion(_ store: any DocumentStore, id: String) throws -> Int {
        let revision = try current(store, id: id)?.revision ?? 0
        switch try store.save(ProbeDocuments.version(id: id, revision + 1), base: revision) {
        case .saved(let new): return new
        case .conflict(let newer): throw StoreError.alreadyExists(id: "\(id) at revision \(newer.revision)")
        }
    }

    static func journal(_ store: any DocumentStore, id: String, seed: UInt64, count: Int, expected: String) throws {
        guard let drafts = store as? any DraftStore else { usage() }
        let base = try current(store, id: id) ?? {
            _ = try saveNextVersion(store, id: id)
            return try store.load(id: id)
        }()
        let journal = try drafts.draftJournal(id: id)
        try journal.begin(on: base)
        var script = DraftScript(seed: seed)
        var document = base.document
        for serial in 0..<count {
            let edit = script.nextEdit(for: document, serial: serial)
            document = try document.applying([edit])
            try journal.append([edit])
        }
        try DocumentCodec.encode(document).write(to: URL(fileURLWithPath: expected))
        say("journaled \(count)")
        while true { sleep(60) }
    }
}
