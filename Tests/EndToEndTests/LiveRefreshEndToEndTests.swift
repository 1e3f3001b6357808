import Foundation
import JixiaoModel
import JixiaoStore
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Live refresh as a user sees it: another process saves, opens or closes a department, and
/// the editor's home screen and presence warning change with no key pressed.
@Suite(.serialized, .enabled(if: EndToEndEnvironment.skipNotice()))
struct LiveRefreshEndToEndTests {
    static func department(_ code: String, name: String) -> DepartmentDocument {
        DepartmentDocument(fiscalYear: 2024, unitCode: code, unitName: name,
                           overallGoals: [TextItem(id: "t-1", text: "第一条")])
    }

    /// The shell command that runs jixiao on `store` (a directory or a URL).
    static func command(store: String) -> String {
        "'\(TmuxSession.jixiaoBinary ?? "jixiao")' --store '\(store)'; echo EXIT=$?"
    }

    @Test func theFileStoreHomeScreenAndPresenceWarningFollowOtherProcesses() throws {
        let store = try EditorEndToEndTests.emptyStore()
        defer { try? FileManager.default.removeItem(at: store) }
        let other = try FileDocumentStore(root: store.path)
        _ = try other.save(Self.department("441001", name: "西山街道"), base: 0)
        let a = try TmuxSession(), b = try TmuxSession()
        defer { a.close(); b.close() }
        try a.type(Self.command(store: store.path))
        try a.press("Enter")
        try a.waitFor(text: "西山街道")
        try Self.othersSaveAndTheListFollows(a, other: other)

        // Presence: A opens 441001; B opens it too, then leaves. A presses nothing.
        try a.press("Enter")
        try a.waitFor(text: "总体绩效目标")
        #expect(!(try a.capture().joined().contains("也打开了此部门")))
        try b.type(Self.command(store: store.path))
        try b.press("Enter")
        try b.waitFor(text: "南山街道")
        try b.press("Down")  // 441001, below the new 441000
        try b.press("Enter")
        try b.waitFor(text: "也打开了此部门")  // B is told about A when opening
        try a.waitFor(text: "也打开了此部门")  // and A about B, live
        try b.press("C-q")
        try b.waitForLine("EXIT=0")
        try a.waitFor { !$0.joined().contains("也打开了此部门") }
        try a.press("C-q")
        try a.waitForLine("EXIT=0")
    }

    /// A second process creates 441000 and renames 441001; A's list shows both, unprompted.
    static func othersSaveAndTheListFollows(_ a: TmuxSession, other: any DocumentStore) throws {
        _ = try other.save(Self.department("441000", name: "南山街道"), base: 0)
        var renamed = try other.load(id: "441001-2024")
        renamed.document.unitName = "西山街道办事处"
        _ = try other.save(renamed.document, base: renamed.revision)
        let screen = try a.waitFor { $0.joined(separator: "\n").contains("南山街道") && $0.joined(separator: "\n").contains("西山街道办事处") }
        let rows = screen.filter { $0.contains("4410") }
        #expect(rows.first?.contains("441000") == true, "the new department sorts first: \(rows)")
        #expect(screen.contains { $0.contains("共 2 个") }, "\(screen)")
    }

    /// The same against PostgreSQL, plus a dropped connection: the server ends every session
    /// of the database; the editor connects again and keeps following saves and presence.
    @Test func thePostgresHomeScreenFollowsOthersAndSurvivesADroppedConnection() throws {
        try ScratchDatabase.with(prefix: "jixiao_live") { url, base, psql in
            try Self.followAndReconnect(url: url, base: base, psql: psql)
        }
    }

    static func followAndReconnect(url: String, base: String, psql: String) throws {
        let database = url.split(separator: "/").last.map(String.init) ?? ""
        #expect(try CLIProcess.run(["store", "init", "--store", url]).status == 0)
        let other = try PostgresStore(url: url)
        _ = try other.save(Self.department("441001", name: "西山街道"), base: 0)

        let a = try TmuxSession()
        defer { a.close() }
        try a.type(Self.command(store: url))
        try a.press("Enter")
        try a.waitFor(text: "西山街道")
        try Self.othersSaveAndTheListFollows(a, other: other)

        // Every connection to the database is cut (as by a server restart or a network drop).
        #expect(try PostgresCommandsTests.shell(psql, [base, "-X", "-q", "-c",
            "SELECT pg_terminate_backend(pid, 5000) FROM pg_stat_activity WHERE datname = '\(database)'"]) == 0)
        // The writer's own connection was cut too: its first call fails and reconnects.
        _ = try? other.list()
        _ = try other.save(Self.department("441002", name: "东山街道"), base: 0)
        try a.waitFor(text: "东山街道", timeout: 20)
        try a.waitFor(text: "共 3 个")
        let shown = try a.capture()
        #expect(!shown.joined().contains("失败"), "no error shown for the reconnect")
        // Nothing but the editor wrote to the terminal (libpq prints the server's "terminating
        // connection" notice to stderr unless told not to): a full repaint changes nothing.
        try a.press("C-l")
        usleep(300_000)
        #expect(try a.capture() == shown, "stray output on the screen:\n\(shown.joined(separator: "\n"))")

        // Presence through the reconnected editor: another process opens and closes the
        // department under the highlight (441001: it stayed on it through every reload).
        try a.press("Enter")
        try a.waitFor(text: "总体绩效目标")
        let mark = try other.markOpen(id: "441001-2024")
        try a.waitFor(text: "也打开了此部门")
        mark.close()
        try a.waitFor { !$0.joined().contains("也打开了此部门") }
        try a.press("C-q")
        try a.waitForLine("EXIT=0")
    }
}
