import Foundation
import Testing
@testable import JixiaoApp

@Suite struct ThemeTests {
    /// The repository root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: BuiltinThemes.names)
    func builtinThemeIsIdenticalToItsFileInThemes(_ name: String) throws {
        let file = Self.root.appendingPathComponent("Themes/\(name).theme")
        let text = try String(contentsOf: file, encoding: .utf8)
        #expect(BuiltinThemes.source(named: name).map { $0 + "\n" } == text,
                "Sources/JixiaoApp/Theme/BuiltinThemes.swift is out of date with Themes/\(name).theme")
    }

    @Test func everyFileInThemesIsBuiltIn() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.root.appendingPathComponent("Themes").path)
        #expect(Set(files.filter { $0.hasSuffix(".theme") }.map { String($0.dropLast(6)) }) == Set(BuiltinThemes.names))
    }

    @Test(arguments: BuiltinThemes.names)
    func builtinThemesDefineEveryRoleThemselves(_ name: String) throws {
        let theme = try ThemeParser.parse(BuiltinThemes.source(named: name) ?? "", file: name)
        #expect(theme.name == name)
        #expect(Set(theme.styles.keys) == Set(ThemeRole.allCases))
    }

    @Test func monochromeUsesNoColour() {
        for style in Theme.builtinMonochrome.styles.values {
            #expect(style.foreground == .default && style.background == .default)
        }
        // Selection stays visible without colour.
        #expect(Theme.builtinMonochrome[.selected].attributes.contains(.reverse))
    }

    @Test func parsesColoursAndAttributes() throws {
        let theme = try ThemeParser.parse("""
            # comment
            name = mine
            title = fg=bright-white bg=24 bold underline
            text = plain
            """, file: "mine.theme", base: .builtinDefault)
        #expect(theme[.title] == Style(foreground: .indexed(15), background: .indexed(24), attributes: [.bold, .underline]))
        #expect(theme[.text] == .plain)
        #expect(theme[.status] == Theme.builtinDefault[.status])  // left out: from the base
    }

    @Test(arguments: [
        ("name = x\ntitel = bold", 2, "titel", "unknown key"),
        ("name = x\ntitle = fg=purple", 2, "title", "unknown colour `purple`"),
        ("name = x\ntitle = fg=300", 2, "title", "unknown colour `300`"),
        ("name = x\n\ntitle = blink", 3, "title", "unknown word `blink`"),
        ("name = x\ntitle bold", 2, nil, "expected `key = value`"),
        ("name = x\ntitle = bold\ntitle = dim", 3, "title", "set twice"),
        ("title = bold", 1, "name", "missing"),
    ] as [(String, Int, String?, String)])
    func badThemeNamesFileLineAndKey(_ source: String, _ line: Int, _ key: String?, _ message: String) {
        do {
            _ = try ThemeParser.parse(source, file: "bad.theme", base: .builtinDefault)
            Issue.record("accepted a bad theme")
        } catch {
            #expect(error.file == "bad.theme")
            #expect(error.line == line)
            #expect(error.key == key)
            #expect(error.message.contains(message), "\(error.message)")
            #expect(error.description.hasPrefix("bad.theme:\(line):"))
        }
    }

    @Test func userThemeOverridesAndBrokenOneFallsBackWithAMessage() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-themes-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try "name = mine\ntitle = fg=red\n".write(to: directory.appendingPathComponent("mine.theme"),
                                                  atomically: true, encoding: .utf8)
        try "name = broken\nstatus = fg=nope\n".write(to: directory.appendingPathComponent("broken.theme"),
                                                       atomically: true, encoding: .utf8)
        let catalog = ThemeCatalog(userDirectory: directory)
        let mine = catalog.load("mine")
        #expect(mine.problem == nil)
        #expect(mine.theme[.title].foreground == .indexed(1))
        let broken = catalog.load("broken")
        #expect(broken.theme == .builtinDefault)
        #expect(broken.problem?.contains("broken.theme:2: status: unknown colour `nope`") == true)
        let missing = catalog.load("nothing")
        #expect(missing.theme == .builtinDefault)
        #expect(missing.problem?.contains("theme `nothing` not found") == true)
        #expect(catalog.availableNames().contains("mine"))
        #expect(catalog.load("light").theme.name == "light")
    }

    @Test func userDirectoryFollowsXDG() {
        #expect(ThemeCatalog.defaultUserDirectory(environment: ["XDG_CONFIG_HOME": "/c", "HOME": "/h"])?.path
                == "/c/jixiao/themes")
        #expect(ThemeCatalog.defaultUserDirectory(environment: ["HOME": "/h"])?.path == "/h/.config/jixiao/themes")
    }

    @Test func coloursAreReducedToWhatTheTerminalHas() {
        #expect(Color.indexed(196).degraded(toColors: 256) == .indexed(196))
        #expect(Color.indexed(196).degraded(toColors: 8) == .indexed(1))    // bright red cube → red
        #expect(Color.indexed(12).degraded(toColors: 8) == .indexed(4))     // bright blue → blue
        #expect(Color.indexed(12).degraded(toColors: 16) == .indexed(12))
        #expect(Color.indexed(3).degraded(toColors: 0) == .default)
        #expect(Theme.builtinDefault.adapted(toColors: 0) == .builtinMonochrome)
        let eight = Theme.builtinDefault.adapted(toColors: 8)
        for style in eight.styles.values {
            if case .indexed(let n) = style.foreground { #expect(n < 8) }
            if case .indexed(let n) = style.background { #expect(n < 8) }
        }
    }
}
