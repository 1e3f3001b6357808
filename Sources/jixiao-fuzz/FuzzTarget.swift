import Foundation
import JixiaoApp
import JixiaoInterchange
import JixiaoModel

/// One input-reading path of jixiao that hostile or damaged bytes reach. Each must end in a
/// value or a thrown error for every input: a trap, an overflow or a sanitizer report is a bug.
enum FuzzTarget: String, CaseIterable {
    /// The JSON reader: a document file as the store or `validate` reads it.
    case json
    /// The target-value parser (指标值), fed any UTF-8 (or lossily decoded) text.
    case targetValue = "target-value"
    /// The text importer: bytes of a file given to `jixiao import`.
    case textImport = "text-import"
    /// The key decoder: bytes from the terminal, fed in pieces as a slow SSH link delivers them.
    case keys

    func run(_ bytes: [UInt8]) {
        switch self {
        case .json:
            if let document = try? DocumentCodec.decode(bytes: bytes[...]) {
                // What decodes must encode and decode to the same document.
                let again = try? DocumentCodec.decode(DocumentCodec.encode(document))
                if again != document { fatalError("a decoded document does not survive encode + decode") }
            }
        case .targetValue:
            let value = TargetValue(String(decoding: bytes, as: UTF8.self))
            _ = value.meaning
        case .textImport:
            _ = try? TextImporter.importDocument(Data(bytes), fileName: "fuzz.txt")
        case .keys:
            // The first byte chooses where the input is cut, so sequences split across reads are tried.
            var decoder = KeyDecoder()
            let step = Int(bytes.first ?? 1) % 7 + 1
            var index = bytes.isEmpty ? 0 : 1
            while index < bytes.count {
                _ = decoder.feed(bytes[index..<min(index + step, bytes.count)])
                index += step
            }
            _ = decoder.flush()
        }
    }
}
