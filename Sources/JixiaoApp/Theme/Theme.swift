/// The part of the interface a style applies to. Each is a key in a theme file.
public enum ThemeRole: String, CaseIterable, Hashable, Sendable {
    /// The title bar (top row).
    case title
    /// The status bar (bottom row).
    case status
    /// Key names among the status bar's hints.
    case statusKey
    /// The unsaved-changes marker in the status bar.
    case unsaved
    /// The message line above the status bar.
    case message
    /// Error messages.
    case error
    /// Ordinary content text.
    case text
    /// Column headers and section titles.
    case header
    /// The highlighted row or button.
    case selected
    /// Secondary text: empty-state notes, hints.
    case dim
    /// Dialog and help overlay body and border.
    case dialog
    /// Dialog titles.
    case dialogTitle
    /// Text fields.
    case input
    /// Cells with unresolved comments (批注) and their marker. Optional in theme files.
    case comment
    /// Old values in a revision diff. Optional in theme files.
    case removed
    /// New values in a revision diff. Optional in theme files.
    case added

    /// Roles a theme file may leave out, and the role used instead: themes written before the
    /// role existed keep working.
    public var fallback: ThemeRole? {
        switch self {
        case .comment: .header
        case .removed: .error
        case .added: .header
        default: nil
        }
    }
}

/// A set of styles by role, read from a theme file (`docs/themes.md`).
public struct Theme: Hashable, Sendable {
    public var name: String
    public var description: String
    public var styles: [ThemeRole: Style]

    public init(name: String, description: String = "", styles: [ThemeRole: Style]) {
        self.name = name
        self.description = description
        self.styles = styles
    }

    public subscript(role: ThemeRole) -> Style { styles[role] ?? role.fallback.flatMap { styles[$0] } ?? .plain }

    /// The built-in dark theme, used when nothing else is chosen or a theme cannot be read.
    public static let builtinDefault: Theme = {
        // The built-in files are checked by tests; failing here is a build defect.
        guard let theme = try? ThemeParser.parse(BuiltinThemes.source(named: "default") ?? "", file: "default.theme") else {
            preconditionFailure("the built-in default theme does not parse")
        }
        return theme
    }()

    /// The built-in monochrome theme: attributes only, for `NO_COLOR` and terminals without
    /// colour.
    public static let builtinMonochrome: Theme = {
        guard let theme = try? ThemeParser.parse(BuiltinThemes.source(named: "monochrome") ?? "",
                                                 file: "monochrome.theme", base: builtinDefault) else {
            preconditionFailure("the built-in monochrome theme does not parse")
        }
        return theme
    }()

    /// This theme for a terminal with `colors` colours (0: none or `NO_COLOR`): the palette
    /// reduced to what the terminal has; with no colours, the monochrome theme, since colour
    /// alone may be what marks the selection.
    public func adapted(toColors colors: Int) -> Theme {
        if colors < 8 { return .builtinMonochrome }
        var copy = self
        copy.styles = styles.mapValues { $0.degraded(toColors: colors) }
        return copy
    }
}
