import Testing
@testable import JixiaoApp

@Suite struct TextAreaTests {
    @Test func wrapRangesMatchWrapAndCoverEveryShownCharacter() {
        let metrics = TextMetrics()
        for text in ["完善居家社区养老服务网络，全年为经济困难老年人提供上门服务。", "Budget of 2024 items plus 满意度≥90%", "a", ""] {
            let characters = Array(text)
            for width in [1, 2, 5, 9, 20] {
                let ranges = metrics.wrapRanges(characters, columns: width)
                #expect(ranges.map { String(characters[$0]) } == metrics.wrap(text, to: width), "\(text) at \(width)")
                for range in ranges { #expect(metrics.width(of: String(characters[range])) <= max(width, 2)) }
            }
        }
    }

    @Test func cursorMovesByDisplayedLineKeepingTheColumn() {
        // 10 columns: five ideographs per line.
        var area = TextArea("一二三四五六七八九十甲乙", metrics: TextMetrics())
        #expect(area.layout(width: 10).map(\.range) == [0..<5, 5..<10, 10..<12])
        #expect(area.cursorPosition(width: 10) == (2, 4))
        area.moveVertically(-1, width: 10)
        #expect(area.cursor == 7)
        #expect(area.cursorPosition(width: 10) == (1, 4))
        area.moveVertically(-1, width: 10)
        #expect(area.cursor == 2)
        // At a wrap point the cursor is at the start of the next line.
        area.handle(KeyEvent(.end), width: 10)
        #expect(area.cursor == 5)
        #expect(area.cursorPosition(width: 10) == (1, 0))
    }

    @Test func oddColumnNeverLandsInsideAWideCharacter() {
        var area = TextArea("ab一二\n三四五", metrics: TextMetrics())
        area.handle(KeyEvent(.home), width: 20)
        area.handle(KeyEvent(.right), width: 20)  // after "三"
        area.handle(KeyEvent(.up), width: 20)
        // Column 2 on "ab一二" is after "ab".
        #expect(area.cursor == 2)
        area.handle(KeyEvent(.right), width: 20)  // after 一: column 4
        area.handle(KeyEvent(.down), width: 20)
        #expect(area.cursor == 7)  // after 三四
    }

    @Test func ctrlJAndAltEnterBreakTheLineEnterDoesNot() {
        var area = TextArea("", metrics: TextMetrics())
        area.insert("第一行")
        let lineBreak = area.handle(.ctrl("j"), width: 20)
        #expect(lineBreak)
        area.insert("第二行")
        let altEnter = area.handle(KeyEvent(.enter, .alt), width: 20)
        #expect(altEnter)
        let enter = area.handle(KeyEvent(.enter), width: 20)
        #expect(!enter)
        #expect(area.text == "第一行\n第二行\n")
        #expect(area.viewport(width: 20, height: 2) == (["第二行", ""], 1, 0))
        area.insert("a\r\nb\tc")
        #expect(area.text == "第一行\n第二行\na\nb c")
    }

    @Test func oneLineFieldsRefuseLineBreaks() {
        var area = TextArea("名称", metrics: TextMetrics(), allowsLineBreaks: false)
        let lineBreak = area.handle(.ctrl("j"), width: 20)
        #expect(!lineBreak)
        area.insert("\n后缀")
        #expect(area.text == "名称 后缀")
    }

    @Test func deletionKeysWorkOnTheLogicalLine() {
        var area = TextArea("一二\n三四五", metrics: TextMetrics())
        area.handle(.ctrl("u"), width: 20)
        #expect(area.text == "一二\n")
        area.handle(KeyEvent(.backspace), width: 20)
        area.handle(.ctrl("w"), width: 20)
        #expect(area.text == "")
    }
}
