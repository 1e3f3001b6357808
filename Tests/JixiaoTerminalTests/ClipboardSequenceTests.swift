import Testing
@testable import JixiaoTerminal

@Suite struct ClipboardSequenceTests {
    @Test func base64FollowsRFC4648() {
        // RFC 4648 section 10 test vectors.
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=",
                       "foobar": "Zm9vYmFy"]
        for (plain, encoded) in vectors {
            #expect(String(decoding: ClipboardSequence.base64(Array(plain.utf8)), as: UTF8.self) == encoded)
        }
    }

    @Test func osc52CarriesUTF8() {
        let bytes = ClipboardSequence.osc52("≥95%")
        // ≥ is E2 89 A5 in UTF-8.
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;4omlOTUl\u{07}")
    }

    @Test func aCopiedRangeTravelsAsTabSeparatedTextInsideTheSequence() {
        // Tabs and line ends are inside the base64, so the sequence stays one inert string.
        let bytes = ClipboardSequence.osc52("工作记录\t≥90%\n")
        #expect(String(decoding: bytes, as: UTF8.self) == "\u{1B}]52;c;5bel5L2c6K6w5b2VCeKJpTkwJQo=\u{07}")
        #expect(!bytes.dropFirst().dropLast().contains { $0 < 0x20 })
    }
}
