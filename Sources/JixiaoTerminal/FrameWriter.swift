import JixiaoApp

/// Turns "the terminal shows frame A, it should show frame B" into bytes: cursor moves,
/// attribute changes and text for the cells that differ, nothing else. Pure: it knows the
/// terminal only through `TerminalCapabilities`, so tests can read and count its output.
///
/// It never relies on the terminal's idea of a character's width where that is uncertain
/// (ambiguous-width characters, emoji): after drawing one it moves the cursor explicitly.
/// Wide characters are always drawn whole, from their first cell.
public struct FrameWriter: Sendable {
    public let capabilities: TerminalCapabilities
    private var cursorVisible: Bool?
    private var lastCursor: Buffer.Position?

    public init(capabilities: TerminalCapabilities) {
        self.capabilities = capabilities
    }

    /// Forgets what the terminal shows (after a resize or Ctrl-L).
    public mutating func reset() {
        cursorVisible = nil
        lastCursor = nil
    }

    /// The bytes that change the screen from `previous` (nil: unknown, repaint all) to `next`.
    public mutating func update(from previous: Buffer?, to next: Buffer) -> [UInt8] {
        var out: [UInt8] = []
        let caps = capabilities
        var old = previous
        if old == nil || old?.size != next.size {
            out += caps.resetAttributes + caps.clearScreen
            old = Buffer(size: next.size, metrics: next.metrics)
        }
        guard let old else { return out }
        var body: [UInt8] = []
        var cursor: (x: Int, y: Int)?  // where the terminal cursor is, when known
        // Every update ends with attributes reset (and a repaint starts with sgr0), so each
        // update starts from the plain style.
        var style: Style? = .plain
        let width = next.size.width
        for y in 0..<next.size.height {
            var x = 0
            while x < width {
                let cell = next[x, y]
                if cell.isContinuation {
                    x += 1
                    continue
                }
                let wide = cell.width == 2 && x + 1 < width
                let changed = cell != old[x, y] || (wide && next[x + 1, y] != old[x + 1, y])
                guard changed else {
                    x += Int(max(1, cell.width))
                    continue
                }
                if cursor == nil || cursor! != (x, y) {
                    body += caps.moveCursor(y, x)
                }
                let drawn = cell.style.degraded(toColors: caps.colors)
                if style != drawn {
                    body += sequence(for: drawn)
                    style = drawn
                }
                body += Array(cell.text.utf8)
                let advance = Int(max(1, cell.width))
                if let character = cell.text.first, cell.text.count == 1, !TextMetrics.hasUncertainWidth(character) {
                    cursor = (x + advance, y)
                } else {
                    cursor = nil
                }
                x += advance
            }
        }
        if !body.isEmpty {
            if cursorVisible != false {
                out += caps.hideCursor  // no cursor flying over the screen while drawing
                cursorVisible = false
            }
            out += body
            if style != .plain && style != nil { out += caps.resetAttributes }
        }
        if let position = next.cursor, position.x >= 0, position.x < width, position.y >= 0,
           position.y < next.size.height {
            if !body.isEmpty || cursorVisible != true || lastCursor != position {
                out += caps.moveCursor(position.y, position.x)
            }
            if cursorVisible != true { out += caps.showCursor }
            cursorVisible = true
            lastCursor = position
        } else if cursorVisible != false {
            out += caps.hideCursor
            cursorVisible = false
        }
        return out
    }

    /// Attributes and colours of `style`, from a reset.
    func sequence(for style: Style) -> [UInt8] {
        let caps = capabilities
        var out = caps.resetAttributes
        if style.attributes.contains(.bold) { out += caps.bold }
        if style.attributes.contains(.dim) { out += caps.dim }
        if style.attributes.contains(.underline) { out += caps.underline }
        if style.attributes.contains(.reverse) { out += caps.reverse }
        if case .indexed(let n) = style.foreground, let set = caps.setForeground { out += set(Int(n)) }
        if case .indexed(let n) = style.background, let set = caps.setBackground { out += set(Int(n)) }
        return out
    }
}
