import CNcursesw
import Glibc
import JixiaoApp

/// The real terminal: the one object that calls curses (terminfo) and owns the tty. It puts
/// the terminal in raw mode on the alternate screen, decodes input with `KeyDecoder`, draws
/// frames with `FrameWriter`, and restores everything on every way out: `restore()` on
/// normal exit and errors (call it from a `defer`), the signal pipe for SIGTERM, SIGHUP and
/// SIGINT, and an async-signal-safe restore for crashes.
///
/// Output goes through terminfo rather than curses' own screen optimiser so that the frame
/// diff is the only thing deciding what is sent, and so that characters whose width
/// terminals disagree on (ambiguous width, emoji) can be followed by an explicit cursor move.
@MainActor
public final class Terminal: TerminalBackend {
    public struct Options: Sendable {
        /// How long to wait after ESC for the rest of a key sequence, in milliseconds.
        public var escapeDelay: Int
        /// Draw without colours (`NO_COLOR`).
        public var noColor: Bool

        public init(escapeDelay: Int = Terminal.defaultEscapeDelay, noColor: Bool = false) {
            self.escapeDelay = escapeDelay
            self.noColor = noColor
        }

        /// From the environment: `ESCDELAY` (ms) and `NO_COLOR` (any non-empty value).
        public static func fromEnvironment(_ environment: [String: String]) -> Options {
            var options = Options()
            if let text = environment["ESCDELAY"], let ms = Int(text), ms >= 0 { options.escapeDelay = min(ms, 5000) }
            if let value = environment["NO_COLOR"], !value.isEmpty { options.noColor = true }
            return options
        }
    }

    /// 50 ms: short enough that Esc feels immediate, long enough that Alt+key over SSH
    /// usually arrives in one read.
    public nonisolated static let defaultEscapeDelay = 50

    public let capabilities: TerminalCapabilities
    private let options: Options
    private var writer: FrameWriter
    private var decoder: KeyDecoder
    private var shown: Buffer?
    private var saved: termios
    private var rawModes: termios
    private var signalPipe: Int32
    private var restored = false
    public private(set) var size: Size
    /// Waited on beside the keyboard: the store's change feed (live refresh).
    public var eventSource: (any EventSource)?

    private static let input: Int32 = 0
    private static let output: Int32 = 1

    /// Checks the locale and the terminal, then takes over the screen.
    public init(options: Options) throws(TerminalError) {
        _ = jx_setlocale_from_environment()
        let codeset = String(cString: jx_codeset())
        guard codeset.uppercased().replacingOccurrences(of: "-", with: "") == "UTF8" else {
            throw .localeNotUTF8(codeset: codeset)
        }
        guard isatty(Self.input) == 1, isatty(Self.output) == 1 else { throw .notATerminal }
        guard jx_setupterm(Self.output) == 0 else {
            throw .unknownTerminal(getenv("TERM").map { String(cString: $0) } ?? "")
        }
        let capabilities = Self.readCapabilities(noColor: options.noColor)
        self.capabilities = capabilities
        self.options = options
        self.writer = FrameWriter(capabilities: capabilities)
        self.decoder = KeyDecoder(extraSequences: capabilities.keySequences)
        self.size = Self.currentSize()

        var original = termios()
        tcgetattr(Self.input, &original)
        self.saved = original
        var raw = original
        cfmakeraw(&raw)
        // Keep output post-processing off too: every byte written is placed by us.
        withUnsafeMutableBytes(of: &raw.c_cc) { cc in
            cc[Int(VMIN)] = 1
            cc[Int(VTIME)] = 0
        }
        tcsetattr(Self.input, TCSANOW, &raw)
        self.rawModes = raw

        let restoreBytes = Self.restoreSequence(capabilities)
        self.signalPipe = TerminalSignals.install(restore: restoreBytes, termios: original,
                                                  input: Self.input, output: Self.output)
        Self.write(Self.takeOverSequence(capabilities))
    }

    private static func takeOverSequence(_ caps: TerminalCapabilities) -> [UInt8] {
        caps.enterAlternateScreen + caps.keypadTransmitOn + Array("\u{1B}[?2004h".utf8) + caps.resetAttributes
            + caps.clearScreen
    }

    /// Leaves the alternate screen, turns keypad mode and bracketed paste off, shows the
    /// cursor and puts the saved tty modes back. Safe to call more than once.
    public func restore() {
        guard !restored else { return }
        restored = true
        Self.write(Self.restoreSequence(capabilities))
        var original = saved
        tcsetattr(Self.input, TCSANOW, &original)
        TerminalSignals.uninstall()
    }

    /// Without an alternate screen (vt100) the editor's last frame would stay under the
    /// shell prompt, so the screen is cleared instead.
    private static func restoreSequence(_ caps: TerminalCapabilities) -> [UInt8] {
        caps.resetAttributes + Array("\u{1B}[?2004l".utf8) + caps.keypadTransmitOff + caps.showCursor
            + (caps.exitAlternateScreen.isEmpty ? caps.clearScreen : caps.exitAlternateScreen)
    }

    // MARK: TerminalBackend

    public func draw(_ frame: Buffer) {
        let bytes = writer.update(from: shown, to: frame)
        Self.write(bytes)
        shown = frame
    }

    public func invalidate() {
        shown = nil
        writer.reset()
    }

    /// Sends `text` to the user's clipboard through the terminal (OSC 52).
    public func copyToClipboard(_ text: String) {
        Self.write(ClipboardSequence.osc52(text))
    }

    /// Waits for keys, signals and the event source at once (poll(2)); returns as soon as any
    /// of them has something. Keys are decoded before the source is collected, and the source
    /// is only collected when its descriptor is readable or its timer has run out, so it never
    /// delays a key.
    public func readEvents() -> [InputEvent] {
        while true {
            var timeout: Int32 = decoder.isInPaste ? 1000 : decoder.isWaiting ? Int32(options.escapeDelay) : -1
            let sourceDue = eventSource?.millisecondsUntilDue().map { Int32(clamping: max(0, $0)) }
            if let sourceDue { timeout = timeout < 0 ? sourceDue : min(timeout, sourceDue) }
            // poll(2) skips entries with a negative descriptor.
            var fds = [pollfd(fd: Self.input, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: signalPipe, events: Int16(POLLIN), revents: 0),
                       pollfd(fd: eventSource?.descriptor ?? -1, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&fds, nfds_t(fds.count), timeout)
            if ready < 0 {
                if errno == EINTR { continue }
                return [.terminate(signal: 0)]
            }
            if ready == 0 {
                var events = decoder.flush()
                if let source = eventSource, (source.millisecondsUntilDue() ?? 1) <= 0 { events += source.collect() }
                if !events.isEmpty { return events }
                continue
            }
            var events: [InputEvent] = []
            if fds[1].revents & Int16(POLLIN) != 0 {
                events += drainSignals()
                if events.contains(where: { if case .terminate = $0 { true } else { false } }) { return events }
            }
            if fds[0].revents & Int16(POLLIN | POLLHUP | POLLERR) != 0 {
                var buffer = [UInt8](repeating: 0, count: 4096)
                let count = read(Self.input, &buffer, buffer.count)
                if count == 0 || (count < 0 && errno != EINTR && errno != EAGAIN) {
                    return events + [.terminate(signal: SIGHUP)]  // the terminal went away
                }
                if count > 0 { events += decoder.feed(buffer[0..<count]) }
            }
            if let source = eventSource,
               fds[2].revents & Int16(POLLIN | POLLHUP | POLLERR | POLLNVAL) != 0 || (source.millisecondsUntilDue() ?? 1) <= 0 {
                events += source.collect()
            }
            if !events.isEmpty { return events }
        }
    }

    private func drainSignals() -> [InputEvent] {
        var events: [InputEvent] = []
        var byte: UInt8 = 0
        while read(signalPipe, &byte, 1) == 1 {
            let number = Int32(byte)
            if number == SIGCONT {
                // Back from a stop (SIGTSTP restored the terminal): take it over again.
                var modes = rawModes
                tcsetattr(Self.input, TCSANOW, &modes)
                Self.write(Self.takeOverSequence(capabilities))
                let newSize = Self.currentSize()
                size = newSize
                invalidate()
                events.append(.resize(newSize))
            } else if number == SIGWINCH {
                let newSize = Self.currentSize()
                size = newSize
                invalidate()
                if !events.contains(.resize(newSize)) { events.append(.resize(newSize)) }
            } else {
                events.append(.terminate(signal: number))
            }
        }
        return events
    }

    // MARK: Helpers

    private static func currentSize() -> Size {
        var rows: Int32 = 0, cols: Int32 = 0
        if jx_window_size(output, &rows, &cols) == 0 { return Size(width: Int(cols), height: Int(rows)) }
        let lines = jx_tigetnum("lines"), columns = jx_tigetnum("cols")
        if lines > 0, columns > 0 { return Size(width: Int(columns), height: Int(lines)) }
        return Size(width: 80, height: 24)
    }

    private static func write(_ bytes: [UInt8]) {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Glibc.write(output, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return  // terminal gone (SIGHUP): nothing more to do
            }
            offset += n
        }
    }

    /// A terminfo string capability as bytes, with `$<…>` padding removed (delays are for
    /// hardware terminals; emulators ignore them, and written raw they would show).
    static func capability(_ name: String) -> [UInt8]? {
        guard let value = jx_tigetstr(name) else { return nil }
        return stripPadding(Array(String(cString: value).utf8))
    }

    nonisolated static func stripPadding(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "$"), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "<"),
               let close = bytes[(i + 2)...].firstIndex(of: UInt8(ascii: ">")) {
                i = close + 1
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

    private static func readCapabilities(noColor: Bool) -> TerminalCapabilities {
        var caps = TerminalCapabilities.ansi(colors: 0)
        if let cup = jx_tigetstr("cup") {
            let template = String(cString: cup)
            caps.moveCursor = { row, column in
                template.withCString { stripPadding(Array(String(cString: jx_tiparm2($0, Int32(row), Int32(column))).utf8)) }
            }
        }
        caps.resetAttributes = capability("sgr0") ?? []
        caps.bold = capability("bold") ?? []
        caps.reverse = capability("rev") ?? []
        caps.underline = capability("smul") ?? []
        caps.dim = capability("dim") ?? []
        caps.clearScreen = capability("clear") ?? caps.clearScreen
        caps.showCursor = capability("cnorm") ?? []
        caps.hideCursor = capability("civis") ?? []
        caps.enterAlternateScreen = capability("smcup") ?? []
        caps.exitAlternateScreen = capability("rmcup") ?? []
        caps.keypadTransmitOn = capability("smkx") ?? []
        caps.keypadTransmitOff = capability("rmkx") ?? []
        let colors = Int(jx_terminfo_colors())
        let pairs = Int(jx_terminfo_pairs())
        if !noColor, colors >= 8, pairs > 0, let setaf = jx_tigetstr("setaf"), let setab = jx_tigetstr("setab") {
            let fg = String(cString: setaf), bg = String(cString: setab)
            caps.colors = colors
            caps.setForeground = { n in fg.withCString { stripPadding(Array(String(cString: jx_tiparm1($0, Int32(n))).utf8)) } }
            caps.setBackground = { n in bg.withCString { stripPadding(Array(String(cString: jx_tiparm1($0, Int32(n))).utf8)) } }
        } else {
            caps.colors = 0
            caps.setForeground = nil
            caps.setBackground = nil
        }
        var keys: [[UInt8]: KeyEvent] = [:]
        let named: [(String, Key, Modifiers)] = [
            ("kcuu1", .up, []), ("kcud1", .down, []), ("kcub1", .left, []), ("kcuf1", .right, []),
            ("khome", .home, []), ("kend", .end, []), ("kpp", .pageUp, []), ("knp", .pageDown, []),
            ("kich1", .insert, []), ("kdch1", .delete, []), ("kcbt", .tab, [.shift]),
            // Shifted arrows select a range in the grid: kLFT/kRIT are standard, kUP/kDN are
            // ncurses extensions, and kri/kind are what some entries call Shift-Up/Down.
            ("kLFT", .left, [.shift]), ("kRIT", .right, [.shift]), ("kUP", .up, [.shift]), ("kDN", .down, [.shift]),
            ("kri", .up, [.shift]), ("kind", .down, [.shift]), ("kHOM", .home, [.shift]), ("kEND", .end, [.shift]),
        ] + (1...12).map { ("kf\($0)", Key.function($0), Modifiers()) }
        for (name, key, modifiers) in named {
            if let sequence = capability(name), sequence.first == 0x1B { keys[sequence] = KeyEvent(key, modifiers) }
        }
        caps.keySequences = keys
        return caps
    }
}
