/// Every keymap of the editor, in the order `docs/keys.md` lists them. A new screen or
/// dialog adds its keymap here; `KeysDocumentTests` then fails until `docs/keys.md` is
/// regenerated, so the document cannot drift from the keys.
public enum KeyReference {
    public static var sections: [HelpSection] {
        [
            App.keymap.help,
            HelpOverlay.keymap.help,
            DepartmentListScreen.keymap.help,
            DepartmentListScreen.filterKeymap.help,
            DepartmentScreen.keymap.help,
            DepartmentScreen.editingKeymap.help,
            TextArea.keymap.help,
            LineEditor.keymap.help,
            ConfirmDialog.keymap.help,
            NoticeDialog.keymap.help,
            ChoiceDialog.keymap.help,
            ConflictDialog.keymap.help,
            FormDialog.keymap.help,
            TextInputDialog.keymap.help,
            PickListDialog.keymap.help,
            TextAreaDialog.keymap.help,
            DocumentViewScreen.keymap.help,
            DocumentViewScreen.searchKeymap.help,
            ReviewQueueScreen.keymap.help,
        ] + ProjectScreen.allHelpSections + [
            CommentsScreen.keymap.help,
            HistoryScreen.keymap.help,
            RevisionDiffScreen.keymap.help,
        ]
    }

    /// `docs/keys.md`: one table per keymap, English and Chinese descriptions side by side.
    public static func markdown() -> String {
        let english = Strings(.english), chinese = Strings(.chinese)
        var lines = [
            "# Keys",
            "",
            "Generated from the keymaps in `Sources/JixiaoApp` (`KeyReference`); `KeysDocumentTests`",
            "fails when this file and the keymaps differ. Regenerate with",
            "`JIXIAO_WRITE_KEYS_DOC=1 swift test --filter KeysDocumentTests`.",
            "",
            "Key names: `Ctrl-Q` is Control+Q, `Alt-B` is Alt (or Esc, then B), `Shift-Tab`, `PgUp`/`PgDn`.",
            "`?` opens help only where typing is not text entry; in a text field it is typed.",
            "Printable keys typed into a dialog's text field or filter are text, not commands.",
        ]
        for section in sections {
            lines += ["", "## \(english[section.title]) (\(chinese[section.title]))", "",
                      "| Keys | Action | 操作 |", "|---|---|---|"]
            for entry in section.entries {
                let keys = entry.keys.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: ", ")
                lines.append("| \(keys) | \(english[entry.description]) | \(chinese[entry.description]) |")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
