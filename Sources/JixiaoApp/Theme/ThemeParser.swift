/// A theme file that cannot be used, with where and why.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var key: String?
    public var message: String

    public var description: String {
        if let key { return "\(file):\(line): \(key): \(message)" }
        return "\(file):\(line): \(message)"
    }
}

/// Reads the theme file format described in `docs/themes.md`:
///
///     # comment
///     name = default
///     description = Dark (default)
///     title = fg=bright-white bg=blue bold
///
/// Every key other than `name` and `description` is a `ThemeRole`; its value is any of
/// `fg=COLOR`, `bg=COLOR`, `bold`, `reverse`, `underline`, `dim` separated by spaces, or
/// `plain`. COLOR is `default`, a name (`red`, `bright-blue` …) or 0–255. Roles the file leaves
/// out come from the base theme.
public enum ThemeParser {
    public static func parse(_ source: String, file: String, base: Theme? = nil) throws(ThemeError) -> Theme {
        var name: String?
        var description = ""
        var styles = base?.styles ?? [:]
        var seen: Set<String> = []
        for (offset, rawLine) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmingWhitespace()
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let equals = line.firstIndex(of: "=") else {
                throw ThemeError(file: file, line: lineNumber, key: nil,
                                 message: "expected `key = value`, found `\(line)`")
            }
            let key = line[..<equals].trimmingWhitespace()
            let value = line[line.index(after: equals)...].trimmingWhitespace()
            guard !key.isEmpty else {
                throw ThemeError(file: file, line: lineNumber, key: nil, message: "missing key before `=`")
            }
            guard seen.insert(key).inserted else {
                throw ThemeError(file: file, line: lineNumber, key: key, message: "set twice")
            }
            switch key {
            case "name":
                guard !value.isEmpty else {
                    throw ThemeError(file: file, line: lineNumber, key: key, message: "empty name")
                }
                name = value
            case "description":
                description = value
            default:
                guard let role = ThemeRole(rawValue: key) else {
                    let known = ThemeRole.allCases.map(\.rawValue).joined(separator: ", ")
                    throw ThemeError(file: file, line: lineNumber, key: key,
                                     message: "unknown key (known: name, description, \(known))")
                }
                styles[role] = try parseStyle(value, file: file, line: lineNumber, key: key)
            }
        }
        guard let name else {
            throw ThemeError(file: file, line: 1, key: "name", message: "missing `name = …` line")
        }
        if let missing = ThemeRole.allCases.first(where: { styles[$0] == nil && $0.fallback == nil }) {
            throw ThemeError(file: file, line: 1, key: missing.rawValue, message: "missing")
        }
        return Theme(name: name, description: description, styles: styles)
    }

    static func parseStyle(_ value: String, file: String, line: Int, key: String) throws(ThemeError) -> Style {
        var style = Style()
        for word in value.split(separator: " ", omittingEmptySubsequences: true) {
            if word == "plain" { continue }
            if word.hasPrefix("fg=") || word.hasPrefix("bg=") {
                let colorName = String(word.dropFirst(3))
                guard let color = parseColor(colorName) else {
                    throw ThemeError(file: file, line: line, key: key, message:
                        "unknown colour `\(colorName)` (use default, \(Color.names.joined(separator: ", ")) or 0–255)")
                }
                if word.hasPrefix("fg=") { style.foreground = color } else { style.background = color }
                continue
            }
            guard let attribute = Attributes.named.first(where: { $0.0 == word })?.1 else {
                throw ThemeError(file: file, line: line, key: key, message:
                    "unknown word `\(word)` (use fg=COLOR, bg=COLOR, bold, reverse, underline, dim or plain)")
            }
            style.attributes.insert(attribute)
        }
        return style
    }

    static func parseColor(_ text: String) -> Color? {
        if text == "default" { return .default }
        if let index = Color.names.firstIndex(of: text) { return .indexed(UInt8(index)) }
        if let number = Int(text), (0...255).contains(number) { return .indexed(UInt8(number)) }
        return nil
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> String {
        String(drop(while: { $0.isWhitespace }).reversed().drop(while: { $0.isWhitespace }).reversed())
    }
}
