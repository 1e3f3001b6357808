import Foundation
import JixiaoModel

/// The bytes of a stored document: one header line, then the canonical JSON of the document
/// exactly as `DocumentCodec.encode` writes it.
///
///     {"format":"jixiao-document/1","headerCheck":"…","host":"srv","length":18231,"pid":4711,"revision":7,"savedAt":"…","sha256":"…","user":"zhang"}
///     { …the document… }
///
/// The header makes every file self-checking (length and checksum of the body), carries the
/// revision that saves compare against, and names the last saver for the list, all without a
/// second file that could disagree after a crash. `tail -n +2 FILE` is plain document JSON.
struct DocumentFile {
    static let format = "jixiao-document/1"

    struct Header: Codable, Hashable {
        var format: String
        var revision: Int
        var length: Int
        var sha256: String
        var user: String
        var host: String
        var pid: Int32
        var savedAt: String
        /// SHA-256 (first 16 hex digits) of this header's line written without this field, so a
        /// damaged revision number is caught like a damaged body.
        var headerCheck: String?

        var computedCheck: String {
            var fields = self
            fields.headerCheck = nil
            return String(SHA256.hex(DocumentFile.encodeLine(fields)).prefix(16))
        }
    }

    var header: Header
    var document: DepartmentDocument

    var stored: StoredDocument {
        StoredDocument(document: document, revision: header.revision,
                       savedBy: SaverIdentity(user: header.user, host: header.host, pid: header.pid),
                       savedAt: header.savedAt)
    }

    /// The file bytes for `document` saved as `revision`, and the body's checksum.
    static func encode(_ document: DepartmentDocument, revision: Int, saver: SaverIdentity, time: String) -> (bytes: [UInt8], sha256: String) {
        let (bytes, file) = encodeFile(document, revision: revision, saver: saver, time: time)
        return (bytes, file.header.sha256)
    }

    /// The file bytes for `document` saved as `revision`, and what they decode to.
    static func encodeFile(_ document: DepartmentDocument, revision: Int, saver: SaverIdentity, time: String) -> (bytes: [UInt8], file: DocumentFile) {
        let body = [UInt8](DocumentCodec.encode(document))
        var header = Header(format: format, revision: revision, length: body.count, sha256: SHA256.hex(body),
                            user: saver.user, host: saver.host, pid: saver.pid, savedAt: time)
        header.headerCheck = header.computedCheck
        var bytes = encodeLine(header)
        bytes.append(contentsOf: body)
        return (bytes, DocumentFile(header: header, document: document))
    }

    static func encodeLine<T: Encodable>(_ value: T) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain structs of strings and numbers cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return [UInt8](data) + [0x0A]
    }

    /// Why bytes are not a usable document: the reason text names the position where it can.
    struct Unreadable: Error {
        var reason: String
        /// Written by a newer jixiao: left in place, never moved aside.
        var isNewerFormat: Bool = false
    }

    static func decode(_ bytes: [UInt8], expectedID: String) throws(Unreadable) -> DocumentFile {
        guard !bytes.isEmpty else { throw Unreadable(reason: "empty file (0 bytes)") }
        if bytes.allSatisfy({ $0 == 0 }) { throw Unreadable(reason: "file holds only NUL bytes (\(bytes.count))") }
        guard let newline = bytes.firstIndex(of: 0x0A) else {
            throw Unreadable(reason: "no header line: file ends after \(bytes.count) bytes without a newline")
        }
        let header: Header
        do {
            header = try JSONDecoder().decode(Header.self, from: Data(bytes[..<newline]))
        } catch {
            throw Unreadable(reason: "line 1: not a jixiao document header (\(bytes.count) bytes in file)")
        }
        guard header.headerCheck == header.computedCheck else {
            throw Unreadable(reason: "line 1: header check \(header.headerCheck ?? "missing") does not match its fields (damaged header)")
        }
        guard header.format == format else {
            throw Unreadable(reason: "line 1: format \"\(header.format)\" is not \(format); upgrade jixiao", isNewerFormat: true)
        }
        let body = bytes[(newline + 1)...]
        guard body.count == header.length else {
            throw Unreadable(reason: "body is \(body.count) bytes, header says \(header.length) (truncated or appended)")
        }
        let sha = SHA256.hex(body)
        guard sha == header.sha256 else {
            throw Unreadable(reason: "checksum mismatch: body sha256 \(sha), header says \(header.sha256)")
        }
        let document: DepartmentDocument
        do {
            document = try DocumentCodec.decode(bytes: body)
        } catch {
            // Line numbers in the error count from the body; the file has the header before it.
            var message = error.description
            if let line = error.line, let column = error.column {
                message = "line \(line + 1), column \(column): \(error.message)"
            }
            throw Unreadable(reason: message, isNewerFormat: isNewerSchema(body))
        }
        guard document.id == expectedID else {
            throw Unreadable(reason: "$.id is \"\(document.id)\" but the file is named for \"\(expectedID)\"")
        }
        return DocumentFile(header: header, document: document)
    }

    private static func isNewerSchema(_ body: ArraySlice<UInt8>) -> Bool {
        guard let value = try? JSONParser.parse(body), case .object(let members) = value,
              let version = members.first(where: { $0.key == "schemaVersion" })?.value,
              case .number(let text) = version, let number = Int(text) else { return false }
        return number > DepartmentDocument.currentSchemaVersion
    }
}
