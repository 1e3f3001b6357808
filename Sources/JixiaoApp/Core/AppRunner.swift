/// Where the app's frames go and its events come from: the ncurses terminal, or
/// `MemoryBackend` in tests.
@MainActor
public protocol TerminalBackend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `frame`, sending only what differs from the last frame shown.
    func draw(_ frame: Buffer)
    /// Makes the next `draw` repaint everything.
    func invalidate()
    /// Waits for input and returns everything that arrived together (an IME commit or a
    /// paste is one batch, drawn once).
    func readEvents() -> [InputEvent]
}

/// Input besides the keyboard that a backend waits for too: the store's change feed (live
/// refresh). The backend polls `descriptor` beside the terminal and calls `collect()` when it
/// turns readable or when `millisecondsUntilDue()` has passed, and only then; keys never wait
/// for it.
@MainActor
public protocol EventSource: AnyObject {
    /// A descriptor to wait on (the PostgreSQL socket), or nil.
    var descriptor: Int32? { get }
    /// Milliseconds until `collect()` must run even if the descriptor stays quiet (a timer);
    /// nil: no timer.
    func millisecondsUntilDue() -> Int?
    /// Reads what arrived without blocking; the events for the app (often none).
    func collect() -> [InputEvent]
}

/// The main loop: draw, read a batch of events, update, until an effect says quit.
@MainActor
public enum AppRunner {
    /// Runs `app` on `backend`; `perform` gets every effect the loop does not handle itself
    /// and returns events to feed back. Returns the exit status.
    public static func run(_ app: inout App, on backend: some TerminalBackend,
                           perform: (AppEffect) -> [InputEvent] = { _ in [] }) -> Int32 {
        _ = app.handle(.resize(backend.size))
        while true {
            backend.draw(app.view())
            var queue = backend.readEvents()
            while !queue.isEmpty {
                let event = queue.removeFirst()
                for effect in app.handle(event) {
                    switch effect {
                    case .quit(let status):
                        return status
                    case .redraw:
                        backend.invalidate()
                    default:
                        break
                    }
                    queue += perform(effect)
                }
            }
        }
    }
}

/// An in-memory terminal: events are scripted, frames are kept. Runs any screen in tests.
@MainActor
public final class MemoryBackend: TerminalBackend {
    public var size: Size
    /// Every frame drawn, in order.
    public private(set) var frames: [Buffer] = []
    public private(set) var invalidations = 0
    private var batches: [[InputEvent]]

    /// `batches`: what each `readEvents` call returns; when they run out, end of input.
    public init(size: Size, batches: [[InputEvent]]) {
        self.size = size
        self.batches = batches
    }

    public func draw(_ frame: Buffer) { frames.append(frame) }
    public func invalidate() { invalidations += 1 }

    public func readEvents() -> [InputEvent] {
        guard !batches.isEmpty else { return [.terminate(signal: 0)] }
        let batch = batches.removeFirst()
        for case .resize(let newSize) in batch { size = newSize }
        return batch
    }
}
