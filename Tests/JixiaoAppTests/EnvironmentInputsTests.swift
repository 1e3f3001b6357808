import Foundation
import JixiaoModel
import Testing
@testable import JixiaoApp

/// Time, time zone and ids are inputs of the app core: the screens read them from the
/// environment only, so what they show depends on the test, never on the machine's clock.
@MainActor
@Suite struct EnvironmentInputsTests {
    typealias Harness = EditorFlowTests.Harness

    /// The home list's row of 441001, which zhang saved at 2026-11-23T10:02Z (18:02 in Shanghai).
    static func homeRow(now: Date, zone: TimeZone = AppEnvironment.testZone) throws -> String {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = Harness(store: store)
        h.app.environment.now = { now }
        h.app.environment.timeZone = zone
        return try #require(h.app.view().lines.first { $0.contains("441001") })
    }

    @Test(arguments: [
        ("2026-11-23T12:00:00Z", "18:02 zhang"),
        ("2026-11-24T12:00:00Z", "11-23 zhang"),
        ("2027-11-24T12:00:00Z", "2026 zhang"),
        ("2031-02-01T00:00:00Z", "2026 zhang"),
    ])
    func theSaverStaysVisibleWhateverTheDate(now: String, shown: String) throws {
        let row = try Self.homeRow(now: TimeDisplay.parse(now)!)
        #expect(row.trimmingCharacters(in: .whitespaces).hasSuffix(shown), "\(row)")
    }

    @Test func theHomeListShowsTheReadersZone() throws {
        let now = TimeDisplay.parse("2026-11-23T12:00:00Z")!
        #expect(try Self.homeRow(now: now, zone: TimeZone(identifier: "UTC")!).contains("10:02 zhang"))
        #expect(try Self.homeRow(now: now, zone: TimeZone(identifier: "America/New_York")!).contains("05:02 zhang"))
    }

    @Test func oneEventReadsTheSameInTheCommentsAndTheDocumentView() throws {
        let store = FakeStore()
        var document = EditorFlowTests.department()
        document.comments = [ReviewComment(id: "c-1", author: "li", time: "2026-11-23T02:30:00Z", text: "请补充依据")]
        store.put(document)
        var h = EditorFlowTests.opened(store)
        h.press(KeyEvent(.function(9)))
        let comments = h.screenText
        #expect(comments.contains("li  2026-11-23 10:30"), "the comment's detail line in Shanghai time")
        #expect(!comments.contains("02:30"), "no UTC time on screen")
        h.app.environment.timeZone = TimeZone(identifier: "UTC")!
        #expect(h.screenText.contains("li  2026-11-23 02:30"))
    }

    @Test func newItemsTakeTheirIdsFromTheEnvironment() {
        let store = FakeStore()
        store.put(EditorFlowTests.department())
        var h = EditorFlowTests.opened(store)
        h.press(KeyEvent(.tab), KeyEvent(.end))
        h.press(.char("a"))
        h.type("第三条")
        h.press(KeyEvent(.enter), KeyEvent(.escape))  // Esc ends the list Enter continued
        h.press(.ctrl("d"))
        #expect(h.document?.overallGoals.suffix(2).map(\.id) == ["t-0000000001", "t-0000000002"])
    }

    /// The same keys on the same environment give the same document and the same frames.
    @Test func theSameKeysTwiceGiveTheSameFrames() {
        func run() -> ([String], DepartmentDocument?) {
            let store = FakeStore()
            store.put(EditorFlowTests.department())
            var h = EditorFlowTests.opened(store)
            var frames: [String] = []
            for key in [KeyEvent(.tab), KeyEvent(.end), .char("a")] { h.press(key); frames.append(h.screenText) }
            h.type("新增目标")
            h.press(KeyEvent(.enter), KeyEvent(.escape))  // Esc ends the list Enter continued
            frames.append(h.screenText)
            h.press(.ctrl("d"))
            frames.append(h.screenText)
            return (frames, h.document)
        }
        let (first, firstDocument) = run()
        let (second, secondDocument) = run()
        #expect(first == second)
        #expect(firstDocument == secondDocument)
    }
}
