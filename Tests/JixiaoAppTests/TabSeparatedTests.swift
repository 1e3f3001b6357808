import Testing
@testable import JixiaoApp

/// Cells as spreadsheets put them on the clipboard: tabs, line ends, quoted cells.
@Suite struct TabSeparatedTests {
    @Test func excelsClipboardWithCRLFAndAFinalLineEnd() {
        let text = "产出指标\t数量指标\t服务人次\r\n\t质量指标\t合格率\r\n"
        #expect(TabSeparated.parse(text) == [["产出指标", "数量指标", "服务人次"], ["", "质量指标", "合格率"]])
    }

    @Test func aCRLFThatReachedUsAsTwoLineEndsIsNotAnEmptyRow() {
        // Excel's CR LF through a terminal that sends every line end as CR: the decoder reads two.
        #expect(TabSeparated.parse("甲\t乙\n\n丙\t丁\n\n") == [["甲", "乙"], ["丙", "丁"]])
        // A blank row of a block copied from a spreadsheet has its tabs, and stays.
        #expect(TabSeparated.parse("甲\t乙\n\t\n丙\t丁") == [["甲", "乙"], ["", ""], ["丙", "丁"]])
        // One column: an empty line is an empty cell.
        #expect(TabSeparated.parse("甲\n\n丙") == [["甲"], [""], ["丙"]])
    }

    @Test func emptyCellsAtTheEndOfARowAreKept() {
        #expect(TabSeparated.parse("甲\t\t\n乙") == [["甲", "", ""], ["乙"]])
        #expect(TabSeparated.parse("") == [])
        #expect(TabSeparated.parse("\n") == [[""]])
        #expect(TabSeparated.parse("甲\t\t\n乙") == [["甲", "", ""], ["乙"]])
    }

    @Test func quotedCellsHoldTabsLineEndsAndQuotes() {
        let text = "\"第一行\n第二行\"\t\"含\t制表\"\t\"说\"\"明\"\"\"\n"
        #expect(TabSeparated.parse(text) == [["第一行\n第二行", "含\t制表", "说\"明\""]])
        // A quote inside a cell that is not quoted as a whole is text.
        #expect(TabSeparated.parse("≥90\"分\"\t\"未闭合") == [["≥90\"分\"", "\"未闭合"]])
    }

    @Test func formatRoundTrips() {
        let rows = [["资金使用率", "≥90%", ""], ["多\t格", "\"引号", "两\n行"]]
        let text = TabSeparated.format(rows)
        #expect(text.hasPrefix("资金使用率\t≥90%\t\n"))
        #expect(TabSeparated.parse(text) == rows)
    }

    @Test func whatCountsAsABlock() {
        #expect(TabSeparated.isBlock("甲\t乙"))
        #expect(TabSeparated.isBlock("甲\n乙"))
        #expect(!TabSeparated.isBlock("甲乙\n"))
        #expect(!TabSeparated.isBlock("服务人次"))
    }
}
