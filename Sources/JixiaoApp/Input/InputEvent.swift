import JixiaoStore

/// What the terminal (and the store's change feed) reports to the app core.
public enum InputEvent: Hashable, Sendable {
    case key(KeyEvent)
    /// Text pasted as one block (bracketed paste): inserted as is, never read as commands.
    case paste(String)
    /// The terminal changed size; the new size comes with the next frame.
    case resize(Size)
    /// The process was asked to stop (SIGTERM, SIGHUP: dropped SSH connection, SIGINT from
    /// `kill`) or the terminal went away. The signal number, or 0 for end of input.
    case terminate(signal: Int32)
    /// The outcome of an effect the executable performed (store I/O).
    case result(EffectResult)
    /// Someone else changed the store (live refresh): a hint to re-read what is shown, never
    /// data itself. `.everything` after the store's connection was made again.
    case storeChanged(StoreChanges)
}
