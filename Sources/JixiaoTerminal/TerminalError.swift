/// Why the terminal could not be started. Each says what to do about it.
public enum TerminalError: Error, Hashable, Sendable {
    /// The locale is not UTF-8 (`LANG=C` over SSH): CJK would arrive as raw bytes.
    case localeNotUTF8(codeset: String)
    /// Standard input or output is not a terminal.
    case notATerminal
    /// terminfo has no entry for `$TERM`.
    case unknownTerminal(String)
}
