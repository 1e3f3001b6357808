// Generated from the files in Themes/ (BuiltinThemesTests checks they are identical).
// After editing a theme file, copy it here as well.

/// The themes shipped with jixiao, embedded so an installed binary needs no data files.
public enum BuiltinThemes {
    /// Names in the order `--theme` lists them.
    public static let names = ["default", "light", "high-contrast", "monochrome"]

    /// The file text of a built-in theme.
    public static func source(named name: String) -> String? {
        switch name {
        case "default": defaultTheme
        case "light": lightTheme
        case "high-contrast": highContrastTheme
        case "monochrome": monochromeTheme
        default: nil
        }
    }

    static let defaultTheme = #"""
# jixiao theme: default (dark background). Format: docs/themes.md
# role = fg=COLOR bg=COLOR bold reverse underline dim   (or: plain)
name = default
description = 深色（默认） / dark (default)

title       = fg=bright-white bg=blue bold
status      = fg=black bg=cyan
statusKey   = fg=blue bg=cyan bold
unsaved     = fg=red bg=cyan bold
message     = plain
error       = fg=bright-red bold
text        = plain
header      = fg=bright-yellow bold
selected    = fg=black bg=cyan
dim         = fg=bright-black
dialog      = fg=bright-white bg=blue
dialogTitle = fg=bright-yellow bg=blue bold
input       = fg=black bg=white
comment     = fg=bright-magenta bold
removed     = fg=red
added       = fg=bright-green
"""#

    static let lightTheme = #"""
# jixiao theme: light background. Format: docs/themes.md
name = light
description = 浅色 / light

title       = fg=bright-white bg=blue bold
status      = fg=black bg=white
statusKey   = fg=blue bg=white bold
unsaved     = fg=red bg=white bold
message     = fg=black
error       = fg=red bold
text        = fg=black
header      = fg=blue bold
selected    = fg=bright-white bg=blue
dim         = fg=bright-black
dialog      = fg=black bg=white
dialogTitle = fg=blue bg=white bold
input       = fg=black bg=bright-white underline
comment     = fg=magenta bold
removed     = fg=red
added       = fg=green
"""#

    static let highContrastTheme = #"""
# jixiao theme: high contrast (black and bright colours, bold). Format: docs/themes.md
name = high-contrast
description = 高对比度 / high contrast

title       = fg=black bg=bright-yellow bold
status      = fg=black bg=bright-white bold
statusKey   = fg=black bg=bright-white bold underline
unsaved     = fg=bright-white bg=red bold
message     = fg=bright-white bg=black bold
error       = fg=bright-white bg=red bold
text        = fg=bright-white bg=black
header      = fg=bright-yellow bg=black bold underline
selected    = fg=black bg=bright-yellow bold
dim         = fg=white bg=black
dialog      = fg=bright-white bg=black bold
dialogTitle = fg=bright-yellow bg=black bold
input       = fg=black bg=bright-white bold
comment     = fg=bright-magenta bold underline
removed     = fg=bright-red
added       = fg=bright-green bold
"""#

    static let monochromeTheme = #"""
# jixiao theme: monochrome (attributes only). Used automatically with NO_COLOR and on
# terminals without colour. Format: docs/themes.md
name = monochrome
description = 单色 / monochrome

title       = reverse bold
status      = reverse
statusKey   = reverse bold
unsaved     = reverse bold
message     = plain
error       = bold
text        = plain
header      = bold underline
selected    = reverse
dim         = dim
dialog      = plain
dialogTitle = bold
input       = underline
comment     = bold underline
removed     = dim
added       = bold
"""#
}
