import Foundation

/// Finds themes by name: the user's directory first (`$XDG_CONFIG_HOME/jixiao/themes/NAME.theme`),
/// then the built-in ones. A theme that cannot be read yields the default theme and a
/// message naming the file and the key at fault; it never stops the editor.
public struct ThemeCatalog: Sendable {
    public var userDirectory: URL?

    public init(userDirectory: URL?) {
        self.userDirectory = userDirectory
    }

    /// `$XDG_CONFIG_HOME/jixiao/themes`, else `~/.config/jixiao/themes`.
    public static func defaultUserDirectory(environment: [String: String]) -> URL? {
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            return URL(fileURLWithPath: config).appendingPathComponent("jixiao/themes")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return URL(fileURLWithPath: home).appendingPathComponent(".config/jixiao/themes")
        }
        return nil
    }

    /// The theme called `name` and, when it could not be used, why.
    public func load(_ name: String) -> (theme: Theme, problem: String?) {
        if let directory = userDirectory {
            let file = directory.appendingPathComponent("\(name).theme")
            if FileManager.default.fileExists(atPath: file.path) {
                let source: String
                do {
                    source = try String(contentsOf: file, encoding: .utf8)
                } catch {
                    return (.builtinDefault, "\(file.path): cannot be read as UTF-8 text")
                }
                do {
                    return (try ThemeParser.parse(source, file: file.path, base: .builtinDefault), nil)
                } catch {
                    return (.builtinDefault, error.description)
                }
            }
        }
        if let source = BuiltinThemes.source(named: name) {
            do {
                return (try ThemeParser.parse(source, file: "\(name).theme", base: .builtinDefault), nil)
            } catch {
                return (.builtinDefault, error.description)
            }
        }
        let known = availableNames().joined(separator: ", ")
        return (.builtinDefault, "theme `\(name)` not found (available: \(known))")
    }

    /// Built-in and user theme names, sorted.
    public func availableNames() -> [String] {
        var names = Set(BuiltinThemes.names)
        if let directory = userDirectory,
           let files = try? FileManager.default.contentsOfDirectory(atPath: directory.path) {
            for file in files where file.hasSuffix(".theme") { names.insert(String(file.dropLast(6))) }
        }
        return names.sorted()
    }
}
