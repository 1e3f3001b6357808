import Testing
@testable import JixiaoTerminal

@Suite struct TerminalOptionsTests {
    @Test func escapeDelayAndNoColorComeFromTheEnvironment() {
        let plain = Terminal.Options.fromEnvironment([:])
        #expect(plain.escapeDelay == Terminal.defaultEscapeDelay)
        #expect(!plain.noColor)
        let set = Terminal.Options.fromEnvironment(["ESCDELAY": "25", "NO_COLOR": "1"])
        #expect(set.escapeDelay == 25)
        #expect(set.noColor)
        // NO_COLOR counts only when non-empty; a bad ESCDELAY is ignored, a huge one capped.
        let odd = Terminal.Options.fromEnvironment(["ESCDELAY": "soon", "NO_COLOR": ""])
        #expect(odd.escapeDelay == Terminal.defaultEscapeDelay)
        #expect(!odd.noColor)
        #expect(Terminal.Options.fromEnvironment(["ESCDELAY": "999999"]).escapeDelay == 5000)
    }
}
