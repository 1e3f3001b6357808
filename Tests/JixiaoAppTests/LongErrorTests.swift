import Testing
@testable import JixiaoApp

/// An error wider than the message line is shown in full in a dialog; the buffer never holds
/// a control character.
@Suite struct LongErrorTests {
    let size = Size(width: 80, height: 24)
    static let reason = "/srv/jixiao/一个很长的存储目录/第二层目录/documents/441001-2023.json.tmp-4711: write: No space left on device"

    func app() -> App {
        App(home: DepartmentListScreen(listings: []),
            environment: AppEnvironment(strings: Strings(.chinese), userName: "zhang", storePath: "/srv/jixiao"), size: size)
    }

    @Test func aLongErrorOpensADialogWithAllOfIt() {
        var app = app()
        _ = app.handle(.result(.failed(EffectFailure(.save, message: Self.reason))))
        guard case .notice(let notice)? = app.dialogs.last?.content else {
            Issue.record("no dialog: \(app.dialogs)")
            return
        }
        #expect(notice.message == "操作失败：" + Self.reason)
        let screen = app.view().lines.joined(separator: "\n")
        #expect(screen.contains("No space left on"))
        #expect(screen.replacingOccurrences(of: " ", with: "").replacingOccurrences(of: "│", with: "").contains("device"))
        // Enter closes it; the same error again opens it again, but not twice on top of itself.
        _ = app.handle(.key(KeyEvent(.enter)))
        #expect(app.dialogs.isEmpty)
        _ = app.handle(.result(.failed(EffectFailure(.save, message: Self.reason))))
        _ = app.handle(.result(.failed(EffectFailure(.save, message: Self.reason))))
        #expect(app.dialogs.count == 1)
    }

    @Test func aShortErrorStaysOnTheMessageLine() {
        var app = app()
        _ = app.handle(.result(.failed(EffectFailure(.save, message: "disk full"))))
        #expect(app.dialogs.isEmpty)
        #expect(app.view().lines[22].contains("操作失败：disk full"))
    }

    @Test func controlCharactersAreDrawnAsSpaces() {
        var buffer = Buffer(size: Size(width: 12, height: 1))
        buffer.write("a\u{1B}b\u{9B}c\u{202E}d\u{7F}e\tf", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "a b c d e f ")
        for x in 0..<12 {
            #expect(!buffer[x, 0].text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || $0 == "\u{202E}" })
        }
    }
}
