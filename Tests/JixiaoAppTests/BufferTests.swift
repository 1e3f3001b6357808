import Testing
@testable import JixiaoApp

@Suite struct BufferTests {
    @Test func chineseTableLinesUpColumnByColumn() {
        var buffer = Buffer(size: Size(width: 40, height: 4))
        let table = Table(columns: [
            .init("一级指标", width: 8), .init("三级指标", width: nil), .init("指标值", width: 8, alignment: .right),
        ])
        let area = Rect(x: 0, y: 0, width: 40, height: 4)
        table.drawHeader(into: &buffer, area: area, y: 0, style: .plain)
        table.drawRow(["产出指标", "社区活动场次", "≥12次"], into: &buffer, area: area, y: 1, style: .plain)
        table.drawRow(["效益指标", "居民满意度（问卷调查结果）", "≥90%"], into: &buffer, area: area, y: 2, style: .plain)
        table.drawRow(["满意度指标", "a", "100%"], into: &buffer, area: area, y: 3, style: .plain)
        #expect(buffer.lines == [
            "一级指标 三级指标                 指标值",
            "产出指标 社区活动场次              ≥12次",
            "效益指标 居民满意度（问卷调查…      ≥90%",
            "满意度…  a                          100%",
        ])
        // Every column starts at the same display column on every row: check via cells.
        for y in 0..<4 {
            #expect(!buffer[9, y].isContinuation, "column 2 starts a glyph on row \(y)")
            #expect(!buffer[32, y].isContinuation, "column 3 starts a glyph on row \(y)")
        }
    }

    @Test func wideCharacterAtTheRightEdgeIsDroppedAndPadded() {
        var buffer = Buffer(size: Size(width: 5, height: 2))
        let written = buffer.write("绩效目标", x: 0, y: 0, style: .plain)
        #expect(written == 5)
        #expect(buffer.line(0) == "绩效 ")
        #expect(buffer[4, 0].text == " ")
        #expect(buffer.line(1) == "     ")  // nothing wrapped to the next row
    }

    @Test func writeStopsAtMaxWidthWithoutSplitting() {
        var buffer = Buffer(size: Size(width: 10, height: 1))
        buffer.write("中文中文", x: 1, y: 0, maxWidth: 5, style: .plain)
        #expect(buffer.line(0) == " 中文     ")
        #expect(buffer[5, 0].text == " ")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = Buffer(size: Size(width: 6, height: 1))
        buffer.write("中文字", x: 0, y: 0, style: .plain)
        buffer.write("x", x: 1, y: 0, style: .plain)  // second half of 中
        #expect(buffer.line(0) == " x文字")
        buffer.write("y", x: 2, y: 0, style: .plain)  // first half of 文
        #expect(buffer.line(0) == " xy 字")
        buffer.write("好", x: 3, y: 0, style: .plain)  // straddles 字's first half
        #expect(buffer.line(0) == " xy好 ")
        for x in 0..<6 where buffer[x, 0].isContinuation {
            #expect(buffer[x - 1, 0].width == 2)
        }
    }

    @Test func ambiguousSettingIsHonouredWhenDrawing() {
        var narrow = Buffer(size: Size(width: 6, height: 1), metrics: TextMetrics(ambiguousWidth: .narrow))
        narrow.write("≥90%", x: 0, y: 0, style: .plain)
        #expect(narrow.line(0) == "≥90%  ")
        var wide = Buffer(size: Size(width: 6, height: 1), metrics: TextMetrics(ambiguousWidth: .wide))
        wide.write("≥90%", x: 0, y: 0, style: .plain)
        #expect(wide[0, 0].width == 2)
        #expect(wide[1, 0].isContinuation)
        #expect(wide.line(0) == "≥90% ")
        // A box border uses ASCII when ambiguous characters are wide.
        var box = Buffer(size: Size(width: 6, height: 3), metrics: TextMetrics(ambiguousWidth: .wide))
        box.drawBox(box.area, title: "", style: .plain, titleStyle: .plain)
        #expect(box.lines == ["+----+", "|    |", "+----+"])
    }

    @Test func controlCharactersAreDrawnAsSpaces() {
        var buffer = Buffer(size: Size(width: 5, height: 1))
        buffer.write("a\tb\u{1B}c", x: 0, y: 0, style: .plain)
        #expect(buffer.line(0) == "a b c")
    }

    @Test func writeOutsideTheBufferIsClipped() {
        var buffer = Buffer(size: Size(width: 4, height: 1))
        #expect(buffer.write("abc", x: 5, y: 0, style: .plain) == 0)
        #expect(buffer.write("abc", x: 0, y: 3, style: .plain) == 0)
        buffer.write("abcdef", x: -2, y: 0, style: .plain)
        #expect(buffer.line(0) == "cdef")
    }
}
