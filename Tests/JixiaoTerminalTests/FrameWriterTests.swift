import JixiaoApp
import Testing
@testable import JixiaoTerminal

@Suite struct FrameWriterTests {
    func frame(_ rows: [String], width: Int, metrics: TextMetrics = TextMetrics()) -> Buffer {
        var buffer = Buffer(size: Size(width: width, height: rows.count), metrics: metrics)
        for (y, row) in rows.enumerated() { buffer.write(row, x: 0, y: y, style: .plain) }
        return buffer
    }

    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test func firstFrameClearsAndDrawsEverything() {
        var writer = FrameWriter(capabilities: .ansi(colors: 256))
        let out = text(writer.update(from: nil, to: frame(["绩效", "ab"], width: 4)))
        #expect(out.hasPrefix("\u{1B}[m\u{1B}[H\u{1B}[2J"))
        // Blank cells are already blank after the clear: not sent.
        #expect(out.hasSuffix("\u{1B}[1;1H绩效\u{1B}[2;1Hab"))
    }

    @Test func unchangedFrameSendsNothing() {
        var writer = FrameWriter(capabilities: .ansi(colors: 256))
        let a = frame(["绩效目标", "第二行"], width: 10)
        _ = writer.update(from: nil, to: a)
        #expect(writer.update(from: a, to: a).isEmpty)
    }

    @Test func onlyChangedCellsAreSent() {
        var writer = FrameWriter(capabilities: .ansi(colors: 256))
        let a = frame(["一级指标 产出", "二级指标 数量"], width: 20)
        let b = frame(["一级指标 效益", "二级指标 数量"], width: 20)
        _ = writer.update(from: nil, to: a)
        let out = text(writer.update(from: a, to: b))
        // Hide cursor, move to the changed cell (column 10), write the two ideographs.
        // The cursor is already hidden since the first frame.
        #expect(out == "\u{1B}[1;10H效益")
    }

    @Test func changedWideCharacterIsRewrittenWholeFromItsFirstCell() {
        var writer = FrameWriter(capabilities: .ansi(colors: 0))
        let a = frame(["中文"], width: 6)
        var b = a
        b.write("x", x: 3, y: 0, style: .plain)  // second half of 文
        _ = writer.update(from: nil, to: a)
        let out = text(writer.update(from: a, to: b))
        #expect(b.line(0) == "中 x  ")
        #expect(out.contains("\u{1B}[1;3H x"))
    }

    @Test func cursorIsRepositionedAfterCharactersOfUncertainWidth() {
        var writer = FrameWriter(capabilities: .ansi(colors: 0))
        let a = frame(["", ""], width: 8)
        let b = frame(["≥90%", "中文"], width: 8)
        _ = writer.update(from: nil, to: a)
        let out = text(writer.update(from: a, to: b))
        // After ≥ the terminal may have moved 1 or 2 columns: move explicitly to column 2.
        #expect(out.contains("\u{1B}[1;1H≥\u{1B}[1;2H90%"))
        // CJK ideographs are reliably two columns: no moves between them.
        #expect(out.contains("\u{1B}[2;1H中文"))
    }

    @Test func stylesAreSentOnlyOnChangeAndColoursFollowThePalette() {
        let caps = TerminalCapabilities.ansi(colors: 8)
        var writer = FrameWriter(capabilities: caps)
        var b = Buffer(size: Size(width: 4, height: 1))
        b.write("ab", x: 0, y: 0, style: Style(foreground: .indexed(196), background: .indexed(4), attributes: [.bold]))
        b.write("cd", x: 2, y: 0, style: .plain)
        let out = text(writer.update(from: nil, to: b))
        // 196 is reduced to red (1) on an 8-colour terminal.
        #expect(out.contains("\u{1B}[m\u{1B}[1m\u{1B}[31m\u{1B}[44mab\u{1B}[mcd"))
    }

    @Test func noColourMeansAttributesOnly() {
        var writer = FrameWriter(capabilities: .ansi(colors: 0))
        var b = Buffer(size: Size(width: 2, height: 1))
        b.write("ab", x: 0, y: 0, style: Style(foreground: .indexed(1), background: .indexed(4), attributes: [.reverse]))
        let out = text(writer.update(from: nil, to: b))
        #expect(out.contains("\u{1B}[m\u{1B}[7mab"))
        #expect(!out.contains("\u{1B}[3"))
        #expect(!out.contains("\u{1B}[4"))
    }

    @Test func textCursorIsShownWhereTheFrameAsks() {
        var writer = FrameWriter(capabilities: .ansi(colors: 0))
        var b = frame(["输入"], width: 6)
        b.cursor = Buffer.Position(x: 4, y: 0)
        let first = text(writer.update(from: nil, to: b))
        #expect(first.hasSuffix("\u{1B}[1;5H\u{1B}[?25h"))
        // Same frame, same cursor: nothing to send.
        #expect(writer.update(from: b, to: b).isEmpty)
        var c = b
        c.cursor = nil
        #expect(text(writer.update(from: b, to: c)) == "\u{1B}[?25l")
    }

    @Test func resizeRepaintsEverything() {
        var writer = FrameWriter(capabilities: .ansi(colors: 0))
        let a = frame(["abc"], width: 3)
        _ = writer.update(from: nil, to: a)
        let b = frame(["abc", "def"], width: 4)
        let out = text(writer.update(from: a, to: b))
        #expect(out.contains("\u{1B}[H\u{1B}[2J"))
        #expect(out.contains("abc"))
    }

    @Test func movingTheSelectionInATableStaysSmall() {
        // The budget is ≤ 120 bytes per cursor move in a grid; here one highlighted cell moves.
        var writer = FrameWriter(capabilities: .ansi(colors: 256))
        let selected = Style(foreground: .indexed(0), background: .indexed(6))
        var a = frame(["指标值  ≥90%  100%", "依据    计划  历史"], width: 30)
        a.restyle(Rect(x: 8, y: 0, width: 6, height: 1), style: selected)
        var b = frame(["指标值  ≥90%  100%", "依据    计划  历史"], width: 30)
        b.restyle(Rect(x: 14, y: 0, width: 6, height: 1), style: selected)
        _ = writer.update(from: nil, to: a)
        let bytes = writer.update(from: a, to: b)
        #expect(bytes.count <= 120, "\(bytes.count) bytes")
    }

    @Test func paddingIsStrippedFromTerminfoStrings() {
        #expect(Terminal.stripPadding(Array("\u{1B}[H$<5>\u{1B}[2J$<50/*>".utf8)) == Array("\u{1B}[H\u{1B}[2J".utf8))
    }
}
