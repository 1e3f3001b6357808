import Foundation
import Testing
@testable import JixiaoApp

/// `docs/keys.md` is generated from the keymaps; this fails when they differ.
@Suite struct KeysDocumentTests {
    @Test func keysDocumentMatchesTheKeymaps() throws {
        let file = ThemeTests.root.appendingPathComponent("docs/keys.md")
        let expected = KeyReference.markdown()
        if ProcessInfo.processInfo.environment["JIXIAO_WRITE_KEYS_DOC"] == "1" {
            try expected.write(to: file, atomically: true, encoding: .utf8)
        }
        let actual = try? String(contentsOf: file, encoding: .utf8)
        #expect(actual == expected,
                "docs/keys.md differs from the keymaps: run JIXIAO_WRITE_KEYS_DOC=1 swift test --filter KeysDocumentTests")
    }

    @Test func noKeyIsBoundTwiceInOneKeymap() {
        for section in KeyReference.sections {
            let keys = section.entries.flatMap(\.keys)
            #expect(Set(keys).count == keys.count, "duplicate key in \(section.title)")
        }
    }

    @Test func globalKeysDoNotShadowScreenKeys() {
        let global = Set(App.keymap.help.entries.flatMap(\.keys))
        for section in [DepartmentListScreen.keymap.help, LineEditor.keymap.help] {
            for key in section.entries.flatMap(\.keys) { #expect(!global.contains(key), "\(key) is global") }
        }
    }
}
