import Foundation
import Testing

/// The `jixiao` binary started without a terminal: what it says and how it exits.
@Suite(.enabled(if: EndToEndEnvironment.binaryNotice()))
struct CommandLineTests {
    func jixiao(_ arguments: [String]) throws -> (status: Int32, output: String) {
        try TmuxSession.spawn(TmuxSession.jixiaoBinary ?? "jixiao", arguments)
    }

    @Test func withoutATerminalItSaysSoAndExits2() throws {
        // stdin is /dev/null and stdout a file: not a terminal.
        let result = try jixiao(["--store", NSTemporaryDirectory()])
        #expect(result.status == 2)
        #expect(result.output.contains("standard input and output must be a terminal"))
    }

    @Test func editIsTheDefaultSubcommandAndListsItsOptions() throws {
        let top = try jixiao(["--help"])
        #expect(top.status == 0)
        #expect(top.output.contains("edit (default)"))
        let edit = try jixiao(["edit", "--help"])
        for option in ["--store", "--theme", "--lang", "--ambiguous-width", "--esc-delay"] {
            #expect(edit.output.contains(option), "\(option) in edit --help")
        }
    }

    @Test(arguments: [["--lang", "fr"], ["--ambiguous-width", "3"], ["--esc-delay", "-5"], ["--esc-delay", "9000"]])
    func badOptionsAreRefusedWithAMessage(_ arguments: [String]) throws {
        let result = try jixiao(arguments)
        #expect(result.status == 2)  // jixiao's convention for usage errors
        #expect(result.output.contains("Error:"))
        #expect(result.output.contains(arguments[0]))
    }
}
