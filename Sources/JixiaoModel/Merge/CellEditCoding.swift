/// JSON forms of edits and trees, used by draft journals and history records:
/// a cell value is a string or `null`; an object is an object; a list is an array of
/// `{"id": …, "node": …}`; an edit is `{"op": "set" | "insert" | "delete" | "move", …}`.

extension CellValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self = container.decodeNil() ? .blank : .text(try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .text(let text): try container.encode(text)
        case .blank: try container.encodeNil()
        }
    }
}

extension DocumentTree: Codable {
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        if let object = try? decoder.container(keyedBy: Key.self) {
            var fields: [String: DocumentTree] = [:]
            for key in object.allKeys { fields[key.stringValue] = try object.decode(DocumentTree.self, forKey: key) }
            self = .object(fields)
        } else if var array = try? decoder.unkeyedContainer() {
            var items: [Item] = []
            while !array.isAtEnd { items.append(try array.decode(Item.self)) }
            self = .list(items)
        } else {
            self = .value(try CellValue(from: decoder))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .value(let value): try value.encode(to: encoder)
        case .object(let fields):
            var object = encoder.container(keyedBy: Key.self)
            for (name, node) in fields { try object.encode(node, forKey: Key(stringValue: name)) }
        case .list(let items):
            var array = encoder.unkeyedContainer()
            for item in items { try array.encode(item) }
        }
    }
}

extension DocumentTree.Item: Codable {
    private enum CodingKeys: String, CodingKey { case id, node }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try container.decode(String.self, forKey: .id),
                  node: try container.decode(DocumentTree.self, forKey: .node))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(node, forKey: .node)
    }
}

extension CellPath: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let path = CellPath(parsing: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a cell path: \(text)")
        }
        self = path
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

extension CellEdit: Codable {
    private enum CodingKeys: String, CodingKey { case op, path, value, list, item, after }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let op = try container.decode(String.self, forKey: .op)
        switch op {
        case "set":
            let value: CellValue = try container.decodeNil(forKey: .value) ? .blank : .text(try container.decode(String.self, forKey: .value))
            self = .set(try container.decode(CellPath.self, forKey: .path), value)
        case "insert":
            self = .insert(list: try container.decode(CellPath.self, forKey: .list),
                           item: try container.decode(DocumentTree.Item.self, forKey: .item),
                           after: try container.decodeIfPresent(String.self, forKey: .after))
        case "delete":
            self = .delete(try container.decode(CellPath.self, forKey: .path))
        case "move":
            self = .move(try container.decode(CellPath.self, forKey: .path),
                         after: try container.decodeIfPresent(String.self, forKey: .after))
        default:
            throw DecodingError.dataCorruptedError(forKey: .op, in: container, debugDescription: "unknown edit \"\(op)\"")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .set(let path, let value):
            try container.encode("set", forKey: .op)
            try container.encode(path, forKey: .path)
            try container.encode(value, forKey: .value)
        case .insert(let list, let item, let after):
            try container.encode("insert", forKey: .op)
            try container.encode(list, forKey: .list)
            try container.encode(item, forKey: .item)
            try container.encode(after, forKey: .after)
        case .delete(let path):
            try container.encode("delete", forKey: .op)
            try container.encode(path, forKey: .path)
        case .move(let path, let after):
            try container.encode("move", forKey: .op)
            try container.encode(path, forKey: .path)
            try container.encode(after, forKey: .after)
        }
    }
}

extension DocumentDiff.Change: Codable {
    private enum CodingKeys: String, CodingKey { case path, old, new }

    /// A missing `old`/`new` key means the cell did not exist on that side; `null` means blank.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func side(_ key: CodingKeys) throws -> CellValue? {
            guard container.contains(key) else { return nil }
            return try container.decodeNil(forKey: key) ? .blank : .text(try container.decode(String.self, forKey: key))
        }
        self.init(path: try container.decode(CellPath.self, forKey: .path), old: try side(.old), new: try side(.new))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        if let old { try container.encode(old, forKey: .old) }
        if let new { try container.encode(new, forKey: .new) }
    }
}
