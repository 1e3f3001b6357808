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

    /// The one question a multi-line paste into a one-line cell asks: J joins the lines into the
    /// cell, S splits them into the rows below (answered as `.chosen(0)` / `.chosen(1)`).
    static func joinOrSplit(lineCount: Int, strings: Strings) -> ChoiceDialog {
        ChoiceDialog(title: strings[.project(.pasteLinesTitle)], message: strings[.project(.pasteLinesQuestion(lineCount))],
                     options: [.init(key: "j", label: strings[.project(.pasteJoin)]),
                               .init(key: "s", label: strings[.project(.pasteSplit)])])
    }
}
