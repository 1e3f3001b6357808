/// The content of one cell as history, drafts and merges see it: text, or blank.
///
/// Amounts are carried in their canonical text with their scale (`25.00` stays `25.00`), so
/// replaying edits reproduces a document byte for byte.
public enum CellValue: Sendable, Hashable, CustomStringConvertible {
    case text(String)
    /// A cell that may be empty and is (`nil` budget, absent 主要职责).
    case blank

    public init(_ text: String?) {
        self = text.map(CellValue.text) ?? .blank
    }

    public var text: String? {
        if case .text(let value) = self { return value }
        return nil
    }

    public var description: String {
        switch self {
        case .text(let value): value
        case .blank: "∅"
        }
    }
}
