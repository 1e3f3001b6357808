/// Why bytes could not be read as a department document, and where: the JSON path of the
/// offending value (`$.projects[2].budget`) and, for syntax errors, the line and column.
public struct DocumentDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?
    public var message: String

    public init(path: String, line: Int? = nil, column: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        if let line, let column { return "line \(line), column \(column): \(message)" }
        return "\(path): \(message)"
    }
}
