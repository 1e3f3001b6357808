import Foundation

/// Turns a file's bytes into text, refusing what is not text and saying on which line.
enum SourceText {
    static func decode(_ data: Data) throws(ImportError) -> String {
        if data.isEmpty {
            throw ImportError(.empty, line: 1, chinese: "文件是空的", english: "the file is empty")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            // UTF-16 with a byte-order mark: what Windows tools call "Unicode" text.
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw ImportError(.notUTF8, line: 1, chinese: "文件以 UTF-16 标记开头，但内容不是有效的 UTF-16 文本",
                                  english: "the file starts with a UTF-16 mark but is not valid UTF-16 text")
            }
            return try checked(text)
        }
        var line = 1
        var controlCount = 0
        var firstControlLine: Int?
        for byte in bytes {
            if byte == 0x0A { line += 1; continue }
            if byte == 0 {
                throw ImportError(.binary, line: line, chinese: "文件含有空字节（NUL），不是文本文件",
                                  english: "the file contains NUL bytes; it is not a text file")
            }
            if byte < 0x20 && byte != 0x09 && byte != 0x0D && byte != 0x0C {
                controlCount += 1
                if firstControlLine == nil { firstControlLine = line }
            }
        }
        // A stray control character happens in extracted text; many of them mean binary data.
        if controlCount > 8 && controlCount * 200 > bytes.count, let first = firstControlLine {
            throw ImportError(.binary, line: first, chinese: "文件含有大量控制字符，不是文本文件",
                              english: "the file is full of control characters; it is not a text file")
        }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var scalars = String.UnicodeScalarView()
        line = 1
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1 }
                scalars.append(scalar)
            case .emptyInput:
                break loop
            case .error:
                throw ImportError(.notUTF8, line: line,
                                  chinese: "这一行不是 UTF-8 编码的文本（可能是 GBK），请先转换：iconv -f GB18030 -t UTF-8",
                                  english: "this line is not UTF-8 text (GBK perhaps); convert it first: iconv -f GB18030 -t UTF-8")
            }
        }
        return try checked(String(scalars))
    }

    private static func checked(_ text: String) throws(ImportError) -> String {
        if text.unicodeScalars.allSatisfy({ $0.properties.isWhitespace || $0 == "\u{FEFF}" }) {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            throw ImportError(.empty, line: max(1, lines), chinese: "文件只有空白，没有内容",
                              english: "the file holds only white space")
        }
        return text
    }
}
