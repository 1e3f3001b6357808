/// A short text in Chinese and English: finding messages, rule titles, value summaries.
///
/// Chinese is the default UI language and English the second, so every sentence the model
/// produces for people exists in both; the view picks one.
public struct LocalizedText: Sendable, Hashable, CustomStringConvertible {
    /// 中文.
    public var zh: String
    /// English.
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The same text in both languages (numbers, symbols, units).
    public init(both: String) {
        self.init(zh: both, en: both)
    }

    /// Chinese, then English in brackets: for logs and test failure messages.
    public var description: String { "\(zh) [\(en)]" }
}
