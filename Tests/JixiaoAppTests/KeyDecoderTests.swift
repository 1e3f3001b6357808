import Testing
@testable import JixiaoApp

@Suite struct KeyDecoderTests {
    func decode(_ bytes: [UInt8]) -> [InputEvent] {
        var decoder = KeyDecoder()
        return decoder.feed(bytes) + decoder.flush()
    }

    func decode(_ text: String) -> [InputEvent] { decode(Array(text.utf8)) }

    func keys(_ events: [InputEvent]) -> [KeyEvent] {
        events.compactMap { if case .key(let k) = $0 { k } else { nil } }
    }

    @Test(arguments: [
        ("\u{1B}[A", KeyEvent(.up)), ("\u{1B}[B", KeyEvent(.down)), ("\u{1B}[C", KeyEvent(.right)),
        ("\u{1B}[D", KeyEvent(.left)), ("\u{1B}OA", KeyEvent(.up)), ("\u{1B}OD", KeyEvent(.left)),
        ("\u{1B}[H", KeyEvent(.home)), ("\u{1B}[F", KeyEvent(.end)), ("\u{1B}OH", KeyEvent(.home)),
        ("\u{1B}OF", KeyEvent(.end)), ("\u{1B}[1~", KeyEvent(.home)), ("\u{1B}[4~", KeyEvent(.end)),
        ("\u{1B}[7~", KeyEvent(.home)), ("\u{1B}[8~", KeyEvent(.end)),
        ("\u{1B}[5~", KeyEvent(.pageUp)), ("\u{1B}[6~", KeyEvent(.pageDown)),
        ("\u{1B}[2~", KeyEvent(.insert)), ("\u{1B}[3~", KeyEvent(.delete)),
        ("\u{1B}OP", KeyEvent(.function(1))), ("\u{1B}OQ", KeyEvent(.function(2))),
        ("\u{1B}OR", KeyEvent(.function(3))), ("\u{1B}OS", KeyEvent(.function(4))),
        ("\u{1B}[11~", KeyEvent(.function(1))), ("\u{1B}[15~", KeyEvent(.function(5))),
        ("\u{1B}[17~", KeyEvent(.function(6))), ("\u{1B}[18~", KeyEvent(.function(7))),
        ("\u{1B}[19~", KeyEvent(.function(8))), ("\u{1B}[20~", KeyEvent(.function(9))),
        ("\u{1B}[21~", KeyEvent(.function(10))), ("\u{1B}[23~", KeyEvent(.function(11))),
        ("\u{1B}[24~", KeyEvent(.function(12))), ("\u{1B}[[A", KeyEvent(.function(1))),
        ("\u{1B}[[E", KeyEvent(.function(5))),
        ("\u{1B}[Z", KeyEvent(.tab, .shift)),
        ("\u{1B}[1;5D", KeyEvent(.left, .control)), ("\u{1B}[1;5C", KeyEvent(.right, .control)),
        ("\u{1B}[1;2A", KeyEvent(.up, .shift)), ("\u{1B}[1;3B", KeyEvent(.down, .alt)),
        // Shift+arrows select a range in the grid (xterm, then rxvt), Ctrl-Shift to the edge.
        ("\u{1B}[1;2B", KeyEvent(.down, .shift)), ("\u{1B}[1;2C", KeyEvent(.right, .shift)),
        ("\u{1B}[1;2D", KeyEvent(.left, .shift)), ("\u{1B}[1;6B", KeyEvent(.down, [.control, .shift])),
        ("\u{1B}[1;2H", KeyEvent(.home, .shift)), ("\u{1B}[1;2F", KeyEvent(.end, .shift)),
        ("\u{1B}[a", KeyEvent(.up, .shift)), ("\u{1B}[b", KeyEvent(.down, .shift)),
        ("\u{1B}[c", KeyEvent(.right, .shift)), ("\u{1B}[d", KeyEvent(.left, .shift)),
        ("\u{1B}[3;5~", KeyEvent(.delete, .control)), ("\u{1B}[1;2P", KeyEvent(.function(1), .shift)),
        ("\r", KeyEvent(.enter)), ("\n", .ctrl("j")), ("\t", KeyEvent(.tab)),
        ("\u{7F}", KeyEvent(.backspace)), ("\u{08}", KeyEvent(.backspace)),
        ("\u{11}", KeyEvent.ctrl("q")), ("\u{01}", KeyEvent.ctrl("a")), ("\u{1A}", KeyEvent.ctrl("z")),
        ("\u{13}", KeyEvent.ctrl("s")), ("\u{03}", KeyEvent.ctrl("c")),
        ("\u{1B}b", KeyEvent.alt("b")), ("\u{1B}F", KeyEvent.alt("F")), ("\u{1B}\u{7F}", KeyEvent(.backspace, .alt)),
        ("\u{1B}中", KeyEvent.alt("中")),
        ("\u{1B}", KeyEvent(.escape)),
        ("?", KeyEvent.char("?")),
    ])
    func singleKey(_ input: String, _ expected: KeyEvent) {
        #expect(decode(input) == [.key(expected)], "\(input.debugDescription)")
    }

    @Test func imeBurstBecomesOneKeyPerCharacter() {
        #expect(keys(decode("绩效目标")) == "绩效目标".map { KeyEvent.char($0) })
        // A combining sequence stays one character.
        #expect(keys(decode("e\u{301}x")) == [.char("e\u{301}"), .char("x")])
    }

    @Test func splitUTF8SequenceWaitsForTheRest() {
        var decoder = KeyDecoder()
        let bytes = Array("中文".utf8)  // E4 B8 AD E6 96 87
        let result57 = decoder.feed(bytes[0..<2])
        #expect(result57.isEmpty)
        #expect(decoder.isWaiting)
        let result60 = decoder.feed(bytes[2..<4])
        #expect(result60 == [.key(.char("中"))])
        let result62 = decoder.feed(bytes[4...])
        #expect(result62 == [.key(.char("文"))])
        #expect(!decoder.isWaiting)
    }

    @Test func brokenUTF8BecomesReplacementCharacter() {
        #expect(keys(decode([0xE4, 0x41])) == [.char("\u{FFFD}"), .char("A")])
        #expect(keys(decode([0xFF])) == [.char("\u{FFFD}")])
        // Truncated at the end: replaced when the delay runs out.
        var decoder = KeyDecoder()
        let result72 = decoder.feed([0xE4, 0xB8])
        #expect(result72.isEmpty)
        let result74 = decoder.flush()
        #expect(result74 == [.key(.char("\u{FFFD}"))])
    }

    @Test func loneEscapeWaitsForTheDelay() {
        var decoder = KeyDecoder()
        let result80 = decoder.feed([0x1B])
        #expect(result80.isEmpty)
        #expect(decoder.isWaiting)
        let result83 = decoder.flush()
        #expect(result83 == [.key(KeyEvent(.escape))])
        // A sequence split across reads is still one key.
        let result86 = decoder.feed([0x1B, UInt8(ascii: "[")])
        #expect(result86.isEmpty)
        let result88 = decoder.feed([UInt8(ascii: "1"), UInt8(ascii: ";")])
        #expect(result88.isEmpty)
        let result90 = decoder.feed(Array("5C".utf8))
        #expect(result90 == [.key(KeyEvent(.right, .control))])
    }

    @Test func escapeThenControlKeyIsTwoKeys() {
        #expect(keys(decode("\u{1B}\u{11}")) == [KeyEvent(.escape), .ctrl("q")])
        #expect(keys(decode("\u{1B}\u{1B}[A")) == [KeyEvent(.escape), KeyEvent(.up)])
    }

    @Test func bracketedPasteIsOneEvent() {
        let events = decode("a\u{1B}[200~第一行\r\n第二行 \u{1B}[A q\u{1B}[201~b")
        #expect(events == [.key(.char("a")), .paste("第一行\n第二行 \u{1B}[A q"), .key(.char("b"))])
    }

    @Test func pasteSplitAcrossReadsIncludingTheEndMarker() {
        var decoder = KeyDecoder()
        var events = decoder.feed(Array("\u{1B}[200~绩".utf8))
        #expect(events.isEmpty)
        #expect(decoder.isInPaste)
        events += decoder.feed(Array("效\u{1B}[20".utf8))
        #expect(events.isEmpty)
        events += decoder.feed(Array("1~".utf8))
        #expect(events == [.paste("绩效")])
        #expect(!decoder.isWaiting)
    }

    @Test func unterminatedPasteIsDeliveredOnFlush() {
        var decoder = KeyDecoder()
        _ = decoder.feed(Array("\u{1B}[200~半截".utf8))
        let result119 = decoder.flush()
        #expect(result119 == [.paste("半截")])
    }

    @Test func unknownSequencesAreIgnored() {
        #expect(decode("\u{1B}[I\u{1B}[O\u{1B}[99~x") == [.key(.char("x"))])
    }

    @Test func terminfoSequencesTakePrecedence() {
        var decoder = KeyDecoder(extraSequences: [Array("\u{1B}[[Z".utf8): KeyEvent(.function(12))])
        let result129 = decoder.feed(Array("\u{1B}[[".utf8))
        #expect(result129.isEmpty)
        let result131 = decoder.feed([UInt8(ascii: "Z")])
        #expect(result131 == [.key(KeyEvent(.function(12)))])
    }

    @Test func shiftedArrowsFromTerminfoSelect() {
        // A terminal whose terminfo names its own kLFT / kUP sequences.
        var decoder = KeyDecoder(extraSequences: [Array("\u{1B}O2D".utf8): KeyEvent(.left, .shift),
                                                  Array("\u{1B}O2A".utf8): KeyEvent(.up, .shift)])
        #expect(decoder.feed(Array("\u{1B}O2D\u{1B}O2A\u{1B}OA".utf8))
                == [.key(KeyEvent(.left, .shift)), .key(KeyEvent(.up, .shift)), .key(KeyEvent(.up))])
    }

    @Test func keyNames() {
        #expect(KeyEvent.ctrl("q").description == "Ctrl-Q")
        #expect(KeyEvent(.tab, .shift).description == "Shift-Tab")
        #expect(KeyEvent.alt("b").description == "Alt-B")
        #expect(KeyEvent(.function(1)).description == "F1")
        #expect(KeyEvent(.left, .control).description == "Ctrl-Left")
        #expect(KeyEvent.char("?").description == "?")
    }
}
