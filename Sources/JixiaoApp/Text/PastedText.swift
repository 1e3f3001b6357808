/// The lines of a bracketed paste, as the list and cell pastes read them.
enum PastedText {
    /// The lines (any line ends: CRLF from Windows and Excel, CR, LF), without the empty line a
    /// final line end leaves.
    static func lines(_ text: String) -> [String] {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.count > 1, lines.last == "" { lines.removeLast() }
        return lines
    }

    /// The lines with text in them: blank lines between pasted paragraphs make no items.
    static func nonBlank(_ lines: [String]) -> [String] {
        lines.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
