/// Why a file could not be imported at all. Nothing of such a file is written.
///
/// Every error names the line of the file where the problem shows, and says what is wrong in
/// Chinese (the default language) and in English.
public struct ImportError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// The file has no bytes, or only white space.
        case empty
        /// NUL bytes or control characters: not a text file.
        case binary
        /// Bytes that are not UTF-8 (for example GBK text).
        case notUTF8
        /// Text, but no project performance table (项目绩效目标表) in it.
        case noPerformanceTables
        /// A project table that stops before its indicator grid is complete.
        case tableCutOff
        /// Neither the text nor the options give the budget year.
        case noFiscalYear
    }

    public var kind: Kind
    /// 1-based line number in the file.
    public var line: Int
    public var chinese: String
    public var english: String

    public init(_ kind: Kind, line: Int, chinese: String, english: String) {
        self.kind = kind
        self.line = line
        self.chinese = chinese
        self.english = english
    }

    public var description: String { "line \(line): \(chinese) (\(english))" }
}
