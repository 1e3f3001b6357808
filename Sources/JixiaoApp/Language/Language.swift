/// The interface language. Chinese is the default; English is chosen with `--lang en` or an
/// English locale.
public enum Language: String, Sendable, Hashable, CaseIterable {
    case chinese = "zh"
    case english = "en"

    /// From the locale variables in their POSIX precedence (`LC_ALL`, `LC_MESSAGES`, `LANG`):
    /// English when the first one set names English, else Chinese.
    public static func detect(environment: [String: String]) -> Language {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .english : .chinese
            }
        }
        return .chinese
    }
}

/// Every visible string, looked up by `MessageID` in the table of one language. Each table
/// is an exhaustive `switch`, so a message missing from a language does not compile.
public struct Strings: Sendable, Hashable {
    public let language: Language

    public init(_ language: Language) {
        self.language = language
    }

    public subscript(id: MessageID) -> String {
        switch language {
        case .chinese: ChineseTable.text(id)
        case .english: EnglishTable.text(id)
        }
    }
}
