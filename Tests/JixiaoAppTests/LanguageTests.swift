import Testing
@testable import JixiaoApp

@Suite struct LanguageTests {
    @Test(arguments: [
        ([:], Language.chinese),
        (["LANG": "C.UTF-8"], .chinese),
        (["LANG": "zh_CN.UTF-8"], .chinese),
        (["LANG": "en_US.UTF-8"], .english),
        (["LANG": "en_GB.UTF-8", "LC_ALL": "zh_CN.UTF-8"], .chinese),
        (["LANG": "zh_CN.UTF-8", "LC_MESSAGES": "en_US.UTF-8"], .english),
        (["LANG": "", "LC_ALL": ""], .chinese),
    ] as [([String: String], Language)])
    func detectsFromLocaleVariables(_ environment: [String: String], _ expected: Language) {
        #expect(Language.detect(environment: environment) == expected)
    }

    @Test func everyKeyDescriptionExistsInBothLanguages() {
        for section in KeyReference.sections {
            for entry in section.entries {
                #expect(!Strings(.chinese)[entry.description].isEmpty)
                #expect(!Strings(.english)[entry.description].isEmpty)
            }
        }
    }

    @Test func localeMessageNamesTheFix() {
        #expect(Strings(.english)[.localeNotUTF8(codeset: "ANSI_X3.4-1968")].contains("export LANG=C.UTF-8"))
        #expect(Strings(.chinese)[.localeNotUTF8(codeset: "ANSI_X3.4-1968")].contains("export LANG=C.UTF-8"))
    }
}
