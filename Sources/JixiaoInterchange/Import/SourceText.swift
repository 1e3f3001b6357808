import Foundation

/// The character encoding a text file was read in.
public enum SourceEncoding: String, Sendable, Hashable {
    case utf8 = "UTF-8"
    /// What Windows tools call "Unicode" text; read with its byte-order mark, or without one
    /// when every other byte is NUL.
    case utf16LittleEndian = "UTF-16LE"
    case utf16BigEndian = "UTF-16BE"
    /// GB18030 (a superset of GBK and GB2312): the default "ANSI" encoding of Chinese Windows.
    case gb18030 = "GB18030"
}

/// Turns a file's bytes into text, refusing what is not text and saying on which line.
///
/// Encodings: UTF-8 (with or without a byte-order mark), UTF-16 LE/BE, and GB18030/GBK, which
/// glibc's `iconv` decodes. Line ends: LF, CRLF or a lone CR (old Mac, some Excel exports),
/// all read as LF, so line numbers are the ones an editor shows.
enum SourceText {
    struct Decoded {
        var text: String
        var encoding: SourceEncoding
    }

    static func decode(_ data: Data) throws(ImportError) -> Decoded {
        if data.isEmpty {
            throw ImportError(.empty, line: 1, chinese: "文件是空的", english: "the file is empty")
        }
        var bytes = [UInt8](data)
        var encoding = SourceEncoding.utf8
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if let utf16 = utf16Encoding(bytes) {
            encoding = utf16
            let body = bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) ? Data(bytes.dropFirst(2)) : Data(bytes)
            guard let text = String(data: body, encoding: utf16 == .utf16LittleEndian ? .utf16LittleEndian : .utf16BigEndian) else {
                throw ImportError(.notUTF8, line: 1, chinese: "文件是 UTF-16 编码，但内容不是有效的 UTF-16 文本",
                                  english: "the file is UTF-16 but not valid UTF-16 text")
            }
            bytes = Array(text.utf8)
        }
        // Line ends first, so every later message counts lines as an editor does. (No GB18030
        // sequence holds a CR or LF byte, so this is safe before decoding it too.)
        bytes = withLineFeeds(bytes)
        try refuseBinary(bytes)
        if encoding == .utf8, let failure = firstUTF8Error(bytes) {
            if failure.damagedUTF8 {
                throw ImportError(.notUTF8, line: failure.line,
                                  chinese: "这一行不是有效的 UTF-8 文本（文件的其余部分是 UTF-8，可能已损坏）",
                                  english: "this line is not valid UTF-8 (the rest of the file is UTF-8; damaged?)")
            }
            guard let converted = fromGB18030(bytes) else {
                throw ImportError(.notUTF8, line: failure.line,
                                  chinese: "这一行既不是 UTF-8 也不是 GB18030（GBK）编码的文本",
                                  english: "this line is neither UTF-8 nor GB18030 (GBK) text")
            }
            encoding = .gb18030
            bytes = converted
        }
        let text = String(decoding: bytes, as: UTF8.self)
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            throw ImportError(.empty, line: max(1, lines), chinese: "文件只有空白，没有内容",
                              english: "the file holds only white space")
        }
        return Decoded(text: text, encoding: encoding)
    }

    /// UTF-16 by its byte-order mark, or, without one, by NUL bytes mostly on one side of the
    /// pairs (the high bytes of ASCII characters and line feeds), in a file that decodes as
    /// UTF-16. UTF-8 and GB18030 text has no NUL at all.
    static func utf16Encoding(_ bytes: [UInt8]) -> SourceEncoding? {
        if bytes.starts(with: [0xFF, 0xFE]) { return .utf16LittleEndian }
        if bytes.starts(with: [0xFE, 0xFF]) { return .utf16BigEndian }
        guard bytes.count >= 4, bytes.count % 2 == 0 else { return nil }
        var evenNULs = 0, oddNULs = 0
        for (offset, byte) in bytes.prefix(4096).enumerated() where byte == 0 {
            if offset % 2 == 0 { evenNULs += 1 } else { oddNULs += 1 }
        }
        // A CJK character can have a NUL byte too (一 is U+4E00), but far fewer than ASCII has.
        let guess: SourceEncoding
        if oddNULs >= 2 && oddNULs > 4 * evenNULs {
            guess = .utf16LittleEndian
        } else if evenNULs >= 2 && evenNULs > 4 * oddNULs {
            guess = .utf16BigEndian
        } else {
            return nil
        }
        let decoded = String(data: Data(bytes), encoding: guess == .utf16LittleEndian ? .utf16LittleEndian : .utf16BigEndian)
        return decoded == nil ? nil : guess
    }

    /// Where the bytes stop being UTF-8, if they do, unless they look like UTF-8 damaged in a
    /// few places (more well-formed non-ASCII sequences than broken ones): such a file is
    /// reported as broken UTF-8 rather than read as GB18030 mojibake.
    static func firstUTF8Error(_ bytes: [UInt8]) -> (line: Int, damagedUTF8: Bool)? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1
        var firstError: Int?
        var wellFormed = 0, broken = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 } else if scalar.value >= 0x80 { wellFormed += 1 }
            case .emptyInput:
                break loop
            case .error:
                broken += 1
                if firstError == nil { firstError = line }
            }
        }
        guard let firstError else { return nil }
        return (firstError, wellFormed > broken)
    }

    /// The bytes as UTF-8, decoded from GB18030 by glibc's `iconv`; nil when they are not
    /// GB18030 either.
    static func fromGB18030(_ bytes: [UInt8]) -> [UInt8]? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        // One GB18030 byte gives at most 1.5 UTF-8 bytes (2 → 3, 4 → 4, 1 → 1).
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let written: Int? = input.withUnsafeMutableBytes { inRaw in
            output.withUnsafeMutableBytes { outRaw in
                var inPointer = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var inLeft = inRaw.count
                var outPointer = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outLeft = outRaw.count
                // Invalid or cut-off input makes iconv stop with -1 (EILSEQ, EINVAL).
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outRaw.count - outLeft
            }
        }
        guard let written else { return nil }
        return Array(output.prefix(written))
    }

    /// CRLF and lone CR as LF. (In UTF-8 a CR byte is always the character CR.)
    static func withLineFeeds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(0x0D) else { return bytes }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x0D {
                out.append(0x0A)
                if index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
            } else {
                out.append(byte)
            }
            index += 1
        }
        return out
    }

    /// NUL bytes, or many control characters, mean the file is not text at all. A few stray
    /// ones happen in extracted text; the importer removes those and reports each line.
    static func refuseBinary(_ bytes: [UInt8]) throws(ImportError) {
        var line = 1
        var controlCount = 0
        var firstControlLine: Int?
        for byte in bytes {
            if byte == 0x0A { line += 1; continue }
            if byte == 0 {
                throw ImportError(.binary, line: line, chinese: "文件含有空字节（NUL），不是文本文件",
                                  english: "the file contains NUL bytes; it is not a text file")
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0C {
                controlCount += 1
                if firstControlLine == nil { firstControlLine = line }
            }
        }
        if controlCount > 8 && controlCount * 200 > bytes.count, let first = firstControlLine {
            throw ImportError(.binary, line: first, chinese: "文件含有大量控制字符，不是文本文件",
                              english: "the file is full of control characters; it is not a text file")
        }
    }
}
