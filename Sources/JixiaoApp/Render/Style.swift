/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = Attributes(rawValue: 1)
    public static let reverse = Attributes(rawValue: 2)
    public static let underline = Attributes(rawValue: 4)
    public static let dim = Attributes(rawValue: 8)

    /// Names used in theme files, in a fixed order.
    public static let named: [(String, Attributes)] = [
        ("bold", .bold), ("reverse", .reverse), ("underline", .underline), ("dim", .dim),
    ]
}

/// How a cell is drawn: foreground, background, attributes.
public struct Style: Hashable, Sendable {
    public var foreground: Color
    public var background: Color
    public var attributes: Attributes

    public init(foreground: Color = .default, background: Color = .default, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }

    public static let plain = Style()

    /// This style with colours a `colors`-colour terminal can show (none when `colors` is 0).
    public func degraded(toColors colors: Int) -> Style {
        Style(foreground: foreground.degraded(toColors: colors),
              background: background.degraded(toColors: colors), attributes: attributes)
    }
}
