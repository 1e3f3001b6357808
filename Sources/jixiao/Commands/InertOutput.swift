import Foundation
import JixiaoModel

/// The one way the commands write text: standard output for results, standard error for
/// errors, and every control character shown as a visible escape (`InertText`), so text from a
/// department (a unit name, a comment, a history value, a file name) can never drive the
/// reader's terminal. JSON goes out with those characters as `\u` escapes instead, which keeps
/// it the same JSON.
enum InertOutput {
    /// A line (or lines) of results on standard output.
    static func line(_ text: String, terminator: String = "\n") {
        write(InertText.visible(text) + terminator, to: .standardOutput)
    }

    /// JSON on standard output.
    static func json(_ text: String, terminator: String = "\n") {
        write(InertText.jsonEscaped(text) + terminator, to: .standardOutput)
    }

    /// An error or warning on standard error, one line per call unless `terminator` says otherwise.
    static func error(_ text: String, terminator: String = "\n") {
        write(InertText.visible(text) + terminator, to: .standardError)
    }

    private static func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
