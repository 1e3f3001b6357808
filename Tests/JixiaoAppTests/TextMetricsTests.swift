import Testing
@testable import JixiaoApp

@Suite struct TextMetricsTests {
    let narrow = TextMetrics(ambiguousWidth: .narrow)
    let wide = TextMetrics(ambiguousWidth: .wide)

    @Test(arguments: [
        // (text, narrow width, wide width)
        ("abc", 3, 3),
        ("绩效", 4, 4),                        // CJK ideographs
        ("，。、：；（）", 14, 14),              // full-width punctuation
        ("ＡＢ１", 6, 6),                       // full-width Latin and digits
        ("「」『』【】", 12, 12),
        ("e\u{301}", 1, 1),                    // e + combining acute: one column
        ("\u{5E7}\u{5B8}", 1, 1),              // Hebrew with point
        ("≥90%", 4, 5),                        // ambiguous ≥
        ("“年度”", 6, 8),                       // ambiguous quotes around CJK
        ("……", 2, 4),                          // ambiguous ellipsis
        ("①②", 2, 4),
        ("→√×·—", 5, 10),
        ("😀", 2, 2),                          // emoji presentation
        ("👍🏽", 2, 2),                          // emoji + skin tone modifier
        ("👨‍👩‍👧", 2, 2),                          // ZWJ family sequence
        ("🇨🇳", 2, 2),                          // flag: regional indicator pair
        ("❤️", 2, 2),                           // text-default symbol + VS16
        ("한국", 4, 4),                         // Hangul syllables
        ("ｶﾀｶﾅ", 4, 4),                        // half-width katakana
        ("\u{200B}", 0, 0),                    // zero width space
        ("a\tb", 2, 2),                        // controls take no column
    ])
    func width(_ text: String, _ narrowWidth: Int, _ wideWidth: Int) {
        #expect(narrow.width(of: text) == narrowWidth, "\(text) narrow")
        #expect(wide.width(of: text) == wideWidth, "\(text) wide")
    }

    @Test(arguments: [
        // (text, columns, narrow result)
        ("秦皇岛市北戴河区", 8, "秦皇岛…"),     // 3 ideographs (6) + … (1), 1 column spare
        ("秦皇岛市北戴河区", 9, "秦皇岛市…"),
        ("秦皇岛市北戴河区", 16, "秦皇岛市北戴河区"),
        ("abc", 3, "abc"),
        ("abcd", 3, "ab…"),
        ("中", 1, "…"),
        ("中文", 0, ""),
        ("e\u{301}e\u{301}e\u{301}", 2, "e\u{301}…"),
        ("≥90%达标", 6, "≥90%…"),
    ])
    func clip(_ text: String, _ columns: Int, _ expected: String) {
        let clipped = narrow.clip(text, to: columns)
        #expect(clipped == expected)
        #expect(narrow.width(of: clipped) <= columns)
    }

    @Test func clipWithWideAmbiguousCountsEllipsisAsTwo() {
        #expect(wide.clip("秦皇岛市北戴河区", to: 8) == "秦皇岛…")
        #expect(wide.clip("秦皇岛市北戴河区", to: 9) == "秦皇岛…")
        #expect(wide.clip("“年度”目标", to: 6) == "“年…")
        #expect(wide.clip("abc", to: 1, ellipsis: true) == "a")
    }

    @Test func padAlwaysGivesExactWidth() {
        for text in ["", "a", "中文", "秦皇岛市北戴河区西山街道", "≥90%", "e\u{301}", "😀x"] {
            for columns in 1...12 {
                let padded = narrow.pad(text, to: columns)
                #expect(narrow.width(of: padded) == columns, "\(text) in \(columns)")
                #expect(wide.width(of: wide.pad(text, to: columns)) == columns)
            }
        }
        #expect(narrow.pad("12", to: 5, alignment: .right) == "   12")
        #expect(narrow.pad("中", to: 5, alignment: .center) == " 中  ")
    }

    @Test(arguments: [
        ("加强社区建设，做好指导、协调、组织、管理社区建设工作。", 10,
         ["加强社区建", "设，做好指", "导、协调、", "组织、管理", "社区建设工", "作。"]),
        // "，" may not start a line: "区" moves down with it.
        ("加强社区，做好", 8, ["加强社", "区，做好"]),
        ("hello world again", 11, ["hello world", "again"]),
        ("完成率≥90% of target", 10, ["完成率≥90%", "of target"]),
        ("第一行\n第二行", 20, ["第一行", "第二行"]),
        ("", 5, [""]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
    ])
    func wrap(_ text: String, _ columns: Int, _ expected: [String]) {
        let lines = narrow.wrap(text, to: columns)
        #expect(lines == expected)
        for line in lines { #expect(narrow.width(of: line) <= columns) }
    }

    @Test func wrapWithWideAmbiguous() {
        // With ≥ two columns wide, "完成率≥90%" is 11 columns and no longer fits in 10;
        // "%" may not start a line, so "0" goes down with it.
        let lines = wide.wrap("完成率≥90%", to: 10)
        #expect(lines == ["完成率≥9", "0%"])
        for line in lines { #expect(wide.width(of: line) <= 10) }
    }

    @Test func uncertainWidthCharacters() {
        #expect(TextMetrics.hasUncertainWidth("≥"))
        #expect(TextMetrics.hasUncertainWidth("😀"))
        #expect(TextMetrics.hasUncertainWidth("e\u{301}"))
        #expect(!TextMetrics.hasUncertainWidth("中"))
        #expect(!TextMetrics.hasUncertainWidth("a"))
        #expect(!TextMetrics.hasUncertainWidth("，"))
    }
}
