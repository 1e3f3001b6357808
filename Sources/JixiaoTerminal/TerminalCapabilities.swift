import JixiaoApp

/// The control sequences a terminal understands, read from its terminfo entry (or built for
/// ANSI terminals in tests). `FrameWriter` only uses these, so the bytes it sends are exactly
/// what the terminfo entry asks for.
public struct TerminalCapabilities: Sendable {
    /// `cup`: moves the cursor to (row, column), both from 0.
    public var moveCursor: @Sendable (_ row: Int, _ column: Int) -> [UInt8]
    /// `sgr0`: all attributes and colours off.
    public var resetAttributes: [UInt8]
    public var bold: [UInt8]
    public var reverse: [UInt8]
    public var underline: [UInt8]
    public var dim: [UInt8]
    /// `setaf` / `setab`: colour n, or nil when the terminal has no colours.
    public var setForeground: (@Sendable (Int) -> [UInt8])?
    public var setBackground: (@Sendable (Int) -> [UInt8])?
    /// How many colours `setaf` knows (0 when colour is off).
    public var colors: Int
    public var clearScreen: [UInt8]
    public var showCursor: [UInt8]
    public var hideCursor: [UInt8]
    /// `smcup`/`rmcup`: the alternate screen, so the shell's screen comes back on exit.
    public var enterAlternateScreen: [UInt8]
    public var exitAlternateScreen: [UInt8]
    /// `smkx`/`rmkx`: keypad transmit mode (keys then send what terminfo lists).
    public var keypadTransmitOn: [UInt8]
    public var keypadTransmitOff: [UInt8]
    /// Key sequences the terminfo entry names, for `KeyDecoder`.
    public var keySequences: [[UInt8]: KeyEvent]

    /// An ANSI/xterm terminal with `colors` colours (0: none), without terminfo.
    public static func ansi(colors: Int) -> TerminalCapabilities {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        let move: @Sendable (Int, Int) -> [UInt8] = { row, column in
            Array("\u{1B}[\(row + 1);\(column + 1)H".utf8)
        }
        let foreground: (@Sendable (Int) -> [UInt8])? =
            colors > 0 ? { @Sendable n in ansiColor(n, base: 30, bright: 90, extended: 38) } : nil
        let background: (@Sendable (Int) -> [UInt8])? =
            colors > 0 ? { @Sendable n in ansiColor(n, base: 40, bright: 100, extended: 48) } : nil
        return TerminalCapabilities(
            moveCursor: move, resetAttributes: bytes("\u{1B}[m"), bold: bytes("\u{1B}[1m"),
            reverse: bytes("\u{1B}[7m"), underline: bytes("\u{1B}[4m"), dim: bytes("\u{1B}[2m"),
            setForeground: foreground, setBackground: background, colors: colors,
            clearScreen: bytes("\u{1B}[H\u{1B}[2J"), showCursor: bytes("\u{1B}[?25h"),
            hideCursor: bytes("\u{1B}[?25l"), enterAlternateScreen: bytes("\u{1B}[?1049h"),
            exitAlternateScreen: bytes("\u{1B}[?1049l"), keypadTransmitOn: [], keypadTransmitOff: [],
            keySequences: [:])
    }

    /// SGR for palette colour `n`: 30–37/90–97 style for 0–15, `38;5;n` style above.
    private static func ansiColor(_ n: Int, base: Int, bright: Int, extended: Int) -> [UInt8] {
        let code: String
        if n < 8 {
            code = String(base + n)
        } else if n < 16 {
            code = String(bright + n - 8)
        } else {
            code = "\(extended);5;\(n)"
        }
        return Array("\u{1B}[\(code)m".utf8)
    }
}
