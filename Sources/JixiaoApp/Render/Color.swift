/// A terminal colour: the terminal's own default, or an index into its palette (0–7 the
/// basic colours, 8–15 their bright forms, 16–255 the xterm 256-colour cube and greys).
public enum Color: Hashable, Sendable {
    case `default`
    case indexed(UInt8)

    /// Names accepted in theme files for 0–15.
    public static let names: [String] = [
        "black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
        "bright-black", "bright-red", "bright-green", "bright-yellow", "bright-blue",
        "bright-magenta", "bright-cyan", "bright-white",
    ]

    /// This colour as a terminal with `colors` colours can show it: unchanged when the palette
    /// has it, else the nearest basic colour; `.default` when the terminal has fewer than 8.
    public func degraded(toColors colors: Int) -> Color {
        guard case .indexed(let index) = self else { return self }
        if colors < 8 { return .default }
        if Int(index) < colors { return self }
        if index < 16 { return .indexed(index - 8) }
        let nearest = Self.nearestBasic(to: Self.rgb(of: index), count: colors >= 16 ? 16 : 8)
        return .indexed(nearest)
    }

    /// The xterm palette's RGB value of a 256-colour index.
    static func rgb(of index: UInt8) -> (Int, Int, Int) {
        switch index {
        case 0..<16:
            return basicRGB[Int(index)]
        case 16..<232:
            let i = Int(index) - 16
            let level = { (v: Int) in v == 0 ? 0 : 55 + v * 40 }
            return (level(i / 36), level((i / 6) % 6), level(i % 6))
        default:
            let grey = 8 + (Int(index) - 232) * 10
            return (grey, grey, grey)
        }
    }

    private static let basicRGB: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205),
        (0, 205, 205), (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0),
        (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    private static func nearestBasic(to rgb: (Int, Int, Int), count: Int) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<count {
            let c = basicRGB[i]
            let d = (c.0 - rgb.0) * (c.0 - rgb.0) + (c.1 - rgb.1) * (c.1 - rgb.1) + (c.2 - rgb.2) * (c.2 - rgb.2)
            if d < bestDistance {
                bestDistance = d
                best = i
            }
        }
        return UInt8(best)
    }
}
