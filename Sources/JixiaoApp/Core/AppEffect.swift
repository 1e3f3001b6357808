/// Work the app core asks the executable to do: the core never performs I/O itself.
/// Later screens add cases here (journal an edit, save a department, load one) and the
/// executable's loop performs them and feeds the results back as events.
public enum AppEffect: Hashable, Sendable {
    /// Leave the editor with this exit status after restoring the terminal.
    case quit(status: Int32)
    /// Repaint the whole terminal (Ctrl-L), e.g. after another program wrote over it.
    case redraw
}
