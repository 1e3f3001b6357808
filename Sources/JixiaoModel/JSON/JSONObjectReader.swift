/// Reads the members of one JSON object while tracking the JSON path, so every decoding error
/// says where it happened, and refusing members the format does not define (a typo in a
/// hand-written document must not be dropped silently on the next save).
struct JSONObjectReader {
    let path: String
    /// In written order. Document objects have at most a dozen members, so finding one by a
    /// linear comparison of short keys is cheaper than building a dictionary per object.
    private let members: [(key: String, value: JSONValue)]

    init(_ value: JSONValue, path: String) throws(DocumentDecodingError) {
        guard case .object(let members) = value else {
            throw DocumentDecodingError(path: path, message: "expected an object, found \(value.typeName)")
        }
        self.path = path
        self.members = members
    }

    func childPath(_ key: String) -> String { path + "." + key }

    /// The first member named `key` (the parser refuses duplicates).
    private func member(_ key: String) -> JSONValue? {
        members.first(where: { $0.key == key })?.value
    }

    func has(_ key: String) -> Bool { member(key) != nil }

    /// Refuses any member not in `known`.
    func rejectUnknown(_ known: Set<String>) throws(DocumentDecodingError) {
        for (key, _) in members where !known.contains(key) {
            throw DocumentDecodingError(path: childPath(key), message: "unknown field \"\(key)\"")
        }
    }

    /// Refuses any member not in `known` (a short list: no set is built).
    func rejectUnknown(_ known: [String]) throws(DocumentDecodingError) {
        // Files jixiao wrote have the members in exactly this order.
        if members.count <= known.count, zip(members, known).allSatisfy({ $0.key == $1 }) { return }
        for (key, _) in members where !known.contains(key) {
            throw DocumentDecodingError(path: childPath(key), message: "unknown field \"\(key)\"")
        }
    }

    func value(_ key: String) throws(DocumentDecodingError) -> JSONValue {
        guard let value = member(key) else {
            throw DocumentDecodingError(path: childPath(key), message: "missing required field \"\(key)\"")
        }
        return value
    }

    func string(_ key: String) throws(DocumentDecodingError) -> String {
        let value = try value(key)
        guard case .string(let text) = value else {
            throw DocumentDecodingError(path: childPath(key), message: "expected a string, found \(value.typeName)")
        }
        return text
    }

    func optionalString(_ key: String) throws(DocumentDecodingError) -> String? {
        guard let value = member(key) else { return nil }
        switch value {
        case .null: return nil
        case .string(let text): return text
        default: throw DocumentDecodingError(path: childPath(key), message: "expected a string or null, found \(value.typeName)")
        }
    }

    func nonEmpty(_ key: String) throws(DocumentDecodingError) -> String {
        let text = try string(key)
        guard !text.isEmpty else { throw DocumentDecodingError(path: childPath(key), message: "may not be empty") }
        return text
    }

    /// A UTC time written as `2026-11-23T21:53:32Z` (`ReviewTimestamp`).
    func timestamp(_ key: String) throws(DocumentDecodingError) -> String {
        let text = try string(key)
        guard ReviewTimestamp.isValid(text) else {
            throw DocumentDecodingError(path: childPath(key), message: "\"\(text)\" is not a UTC time such as 2026-11-23T21:53:32Z")
        }
        return text
    }

    /// A whole number, however it is written: `2024`, `2024.0` and `2.024e3` are the same
    /// integer, as JSON Schema counts them, so a document the schema accepts is read.
    func integer(_ key: String) throws(DocumentDecodingError) -> Int {
        let value = try value(key)
        guard case .number(let text) = value, let number = Self.integralValue(of: text) else {
            throw DocumentDecodingError(path: childPath(key), message: "expected an integer, found \(value.typeName == "number" ? "a non-integer number" : value.typeName)")
        }
        return number
    }

    /// The exact value of a JSON number literal when it is a whole number within `Int`; nil
    /// when it has a fractional part or is too large. Exact: no detour through `Double`.
    static func integralValue(of literal: String) -> Int? {
        if let plain = Int(literal) { return plain }
        var bytes = Substring(literal).utf8[...]
        let negative = bytes.first == UInt8(ascii: "-")
        if negative { bytes = bytes.dropFirst() }
        var digits: [UInt8] = []
        var fractionDigits = 0
        var exponent = 0
        var index = bytes.startIndex
        var inFraction = false
        while index < bytes.endIndex {
            let byte = bytes[index]
            if (0x30...0x39).contains(byte) {
                digits.append(byte - 0x30)
                if inFraction { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") {
                inFraction = true
            } else if byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                guard let e = Int(String(decoding: bytes[bytes.index(after: index)...], as: UTF8.self).replacingOccurrences(of: "+", with: "")),
                      abs(e) < 10_000 else { return nil }
                exponent = e
                break
            } else {
                return nil
            }
            index = bytes.index(after: index)
        }
        // value = digits × 10^(exponent − fractionDigits)
        var shift = exponent - fractionDigits
        while shift < 0 {
            guard let last = digits.last, last == 0 else { return digits.allSatisfy { $0 == 0 } ? 0 : nil }
            digits.removeLast()
            shift += 1
        }
        while let first = digits.first, first == 0 { digits.removeFirst() }
        if digits.isEmpty { return 0 }
        guard digits.count + shift <= 19 else { return nil }
        digits += [UInt8](repeating: 0, count: shift)
        var magnitude: UInt64 = 0
        for digit in digits {
            let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit))
            guard !o1, !o2 else { return nil }
            magnitude = sum
        }
        if negative { return magnitude <= UInt64(Int.max) + 1 ? Int(truncatingIfNeeded: 0 &- magnitude) : nil }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    func id(_ key: String = "id") throws(DocumentDecodingError) -> String {
        let text = try string(key)
        guard StableID.isValid(text) else {
            throw DocumentDecodingError(path: childPath(key), message: "\"\(text)\" is not a valid id (1–64 ASCII letters, digits, '-' or '_')")
        }
        return text
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: String, as: E.Type) throws(DocumentDecodingError) -> E
    where E.RawValue == String {
        let text = try string(key)
        guard let value = E(rawValue: text) else {
            let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw DocumentDecodingError(path: childPath(key), message: "\"\(text)\" is not one of \(allowed)")
        }
        return value
    }

    /// An amount written as a string in the canonical form (`"130.97"`); null or absent is
    /// blank. A bare JSON number is refused: `130.97` and `1.3097e2` are the same number to every
    /// other JSON tool, so only the string keeps the written digits (docs/format.md).
    func amount(_ key: String) throws(DocumentDecodingError) -> Amount? {
        guard let value = member(key) else { return nil }
        switch value {
        case .null: return nil
        case .number(let text):
            throw DocumentDecodingError(path: childPath(key), message: "amounts are written as strings: \"\(text)\" instead of \(text)")
        case .string(let text):
            guard let amount = Amount(canonical: text) else {
                throw DocumentDecodingError(path: childPath(key), message: "\"\(text)\" is not a decimal amount such as \"130.97\" (at most \(Amount.maxScale) decimals, \(Amount.maxDigits) digits)")
            }
            return amount
        default:
            throw DocumentDecodingError(path: childPath(key), message: "expected an amount as a string such as \"130.97\", found \(value.typeName)")
        }
    }

    /// The elements of an array member, each read by `element` with its indexed path; ids must
    /// be unique within the list because merges and history match by them.
    func list<T: Identifiable>(_ key: String, _ element: (JSONValue, String) throws(DocumentDecodingError) -> T) throws(DocumentDecodingError) -> [T]
    where T.ID == String {
        let value = try value(key)
        guard case .array(let elements) = value else {
            throw DocumentDecodingError(path: childPath(key), message: "expected an array, found \(value.typeName)")
        }
        var result: [T] = []
        result.reserveCapacity(elements.count)
        // Lists hold tens of items: comparing a new id with the earlier ones is cheaper than
        // hashing it; long lists use a set.
        var seen: Set<String> = []
        let listPath = childPath(key)
        for (index, item) in elements.enumerated() {
            let itemPath = listPath + "[" + String(index) + "]"
            let decoded = try element(item, itemPath)
            let duplicate: Bool
            if result.count < 32 {
                duplicate = result.contains { $0.id == decoded.id }
            } else {
                if seen.isEmpty { seen = Set(result.map(\.id)) }
                duplicate = !seen.insert(decoded.id).inserted
            }
            guard !duplicate else {
                throw DocumentDecodingError(path: itemPath + ".id", message: "duplicate id \"\(decoded.id)\" in \(key)")
            }
            result.append(decoded)
        }
        return result
    }
}
