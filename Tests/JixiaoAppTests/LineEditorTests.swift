import Testing
@testable import JixiaoApp

@Suite struct LineEditorTests {
    @Test func cursorColumnCountsDisplayColumns() {
        var editor = LineEditor("绩效ab目标")
        #expect(editor.cursor == 6)
        #expect(editor.cursorColumn == 10)
        editor.moveLeft()
        editor.moveLeft()
        #expect(editor.cursor == 4)
        #expect(editor.cursorColumn == 6)
        editor.moveToStart()
        #expect(editor.cursorColumn == 0)
        editor.moveRight()
        #expect(editor.cursorColumn == 2)
    }

    @Test func insertInTheMiddleOfCJK() {
        var editor = LineEditor("部门文本")
        editor.moveLeft()
        editor.moveLeft()
        editor.insert("绩效")
        #expect(editor.text == "部门绩效文本")
        #expect(editor.cursor == 4)
    }

    @Test func backspaceAndDeleteRemoveWholeGraphemes() {
        var editor = LineEditor("e\u{301}中👨‍👩‍👧x")
        #expect(editor.characters.count == 4)
        editor.deleteBackward()  // x
        editor.deleteBackward()  // the whole family emoji
        #expect(editor.text == "e\u{301}中")
        editor.moveToStart()
        editor.deleteForward()   // e + accent together
        #expect(editor.text == "中")
        editor.deleteBackward()  // at start: nothing
        #expect(editor.text == "中")
    }

    @Test func wordMovesOverCJKAndLatin() {
        var editor = LineEditor("完成率 90% 达到目标，good job")
        editor.moveToStart()
        editor.moveWordRight()
        #expect(editor.cursor == 3)   // after 完成率
        editor.moveWordRight()
        #expect(editor.cursor == 6)   // after 90
        editor.moveWordRight()
        #expect(editor.cursor == 12)  // after 达到目标
        editor.moveWordRight()
        #expect(editor.cursor == 17)  // after good
        editor.moveToEnd()
        editor.moveWordLeft()
        #expect(editor.cursor == 18)  // before job
        editor.moveWordLeft()
        #expect(editor.cursor == 13)  // before good
        editor.moveWordLeft()
        #expect(editor.cursor == 8)   // before 达到目标
    }

    @Test func emacsKeys() {
        var editor = LineEditor("预算绩效目标")
        editor.handle(.ctrl("a"))
        #expect(editor.cursor == 0)
        editor.handle(.ctrl("e"))
        #expect(editor.cursor == 6)
        editor.handle(KeyEvent(.left))
        editor.handle(KeyEvent(.left))
        editor.handle(.ctrl("k"))
        #expect(editor.text == "预算绩效")
        editor.handle(.ctrl("u"))
        #expect(editor.text == "")
        editor.insert("绩效 目标")
        editor.handle(.ctrl("w"))
        #expect(editor.text == "绩效 ")
        editor.handle(.ctrl("w"))
        #expect(editor.text == "")
        editor.insert("ab")
        editor.handle(KeyEvent(.home))
        editor.handle(KeyEvent(.delete))
        #expect(editor.text == "b")
        editor.handle(KeyEvent(.end))
        editor.handle(KeyEvent(.backspace))
        #expect(editor.text == "")
        let result84 = editor.handle(KeyEvent(.enter))
        #expect(result84 == false)
        let result86 = editor.handle(.char("中"))
        #expect(result86)
        #expect(editor.text == "中")
    }

    @Test func horizontalScrollNeverSplitsAWideCharacter() {
        var editor = LineEditor("一二三四五六七八九十")  // 20 columns
        editor.keepCursorVisible(width: 7)
        var view = editor.visible(width: 7)
        // Cursor at the end (column 20) must be visible: the last 6 columns + cursor cell.
        #expect(view.cursorX == 6)
        #expect(view.text == "八九十 ")
        // 14 columns scrolled: "八九十" start at column 14.
        for _ in 0..<5 { editor.moveLeft() }
        editor.keepCursorVisible(width: 7)
        view = editor.visible(width: 7)
        #expect(view.cursorX == 0)
        #expect(view.text == "六七八 ")  // 九 would straddle the right edge: padded
        editor.moveToStart()
        editor.keepCursorVisible(width: 7)
        view = editor.visible(width: 7)
        #expect(view.text == "一二三 ")
        #expect(view.cursorX == 0)
        let metrics = TextMetrics()
        #expect(metrics.width(of: view.text) == 7)
    }

    @Test func scrollOffsetOnOddColumnPadsTheCutCharacter() {
        var editor = LineEditor("a一二三四五")  // a(1) then ideographs at 1,3,5,7,9
        editor.moveToEnd()
        editor.keepCursorVisible(width: 6)  // cursor column 11 → scroll 6
        let view = editor.visible(width: 6)
        // Column 6 is the second half of 三 (5–6): shown as a space.
        #expect(view.text == " 四五 ")
        #expect(view.cursorX == 5)
    }

    @Test func pastedNewlinesAreDropped() {
        var editor = LineEditor()
        editor.insert("第一\n第二\t!")
        #expect(editor.text == "第一第二!")
    }
}
