import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel

/// Exports that a spreadsheet or a terminal cannot be made to act on, and imports that read
/// other encodings and line ends and drop control characters with a note.
@Suite struct HostileTextTests {
    static let controls = "\u{1B}]52;c;eA==\u{07}\u{9B}2J\u{202E}\u{7F}"

    static func document(code: String, name: String, value: String, purpose: String = "用途") -> DepartmentDocument {
        var document = ExportTests.document
        document.projects[0].code = code
        document.projects[0].name = name
        document.projects[0].purpose = purpose
        document.projects[0].indicators[0].value = value
        document.projects[0].budget = Amount(canonical: "-12.50")
        return document
    }

    static func csvRecord(_ document: DepartmentDocument) -> String {
        String(decoding: DocumentExporter.export(document, as: .csv), as: UTF8.self).components(separatedBy: "\r\n")[1]
    }

    @Test func csvCellsThatStartAFormulaGetAnApostrophe() {
        for start in ["=", "+", "-", "@", "\t", "\r"] {
            let record = Self.csvRecord(Self.document(code: start + "1+1", name: start + "HYPERLINK(\"x\")", value: start + "cmd|' /C calc'!A0"))
            // (A cell with a CR is quoted, and the CR is a line break there.)
            let fields = record.components(separatedBy: ",").map { $0.hasPrefix("\"") ? String($0.dropFirst()) : $0 }
            for index in [4, 5] {
                #expect(fields[index].hasPrefix("'"), "\(start.debugDescription): \(fields[index])")
            }
            #expect(fields.contains { $0.hasPrefix("'" + start + "cmd|") || $0.hasPrefix("'\ncmd|") }, "\(record)")
        }
        // Numbers jixiao writes itself stay numbers; text that merely contains the characters is left alone.
        let record = Self.csvRecord(Self.document(code: "P-001", name: "a=b", value: "≥-5%"))
        #expect(record.contains(",P-001,a=b,-12.50,"), "\(record)")
        #expect(record.contains(",≥-5%,"))
    }

    @Test func exportsHoldNoControlCharacterRaw() throws {
        let document = Self.document(code: "P" + Self.controls, name: "名称" + Self.controls, value: Self.controls + "≥1",
                                     purpose: "第一行\r\n第二行" + Self.controls)
        for format in [ExportFormat.csv, .md, .html] {
            var text = String(decoding: DocumentExporter.export(document, as: format), as: UTF8.self)
            if format == .csv { text = text.replacingOccurrences(of: "\r\n", with: "\n") }
            #expect(!InertText.containsUnsafe(text), "\(format)")
            // Markdown escapes the backslash (and brackets) once more, so it renders as in the others.
            let shown = format == .md ? "\\\\x1b\\]52;c;eA==\\\\x07\\\\x9b2J\\\\u202e\\\\x7f" : "\\x1b]52;c;eA==\\x07\\x9b2J\\u202e\\x7f"
            #expect(text.contains(shown), "\(format) shows them")
            #expect(text.contains("第一行") && !text.contains("\\x0d"), "\(format): a CRLF inside a cell is a line break")
        }
        let json = DocumentExporter.export(document, as: .json)
        #expect(!InertText.containsUnsafe(String(decoding: json, as: UTF8.self)))
        #expect(try DocumentCodec.decode(json) == document, "the JSON export still holds the same values")
    }

    @Test func importRemovesControlCharactersAndNotesEachLine() throws {
        var lines = MalformedInputTests.table.components(separatedBy: "\n")
        lines[1] += "\u{1B}\u{1B}\u{9B}"      // the table title, line 2
        lines[7] += "\u{202E}"                // the project name, line 8
        let result = try TextImporter.importDocument(Data(lines.joined(separator: "\n").utf8), fileName: "x.txt")
        let project = try #require(result.document.projects.first)
        #expect(project.name == "测试项目")
        #expect(!InertText.containsUnsafe(String(decoding: DocumentCodec.encode(result.document), as: UTF8.self)))
        let notes = result.report.warnings.filter { $0.english.hasPrefix("removed") }
        #expect(notes.map(\.line) == [2, 8])
        #expect(notes.first?.english == "removed 3 control characters: U+001B ×2, U+009B")
        #expect(notes.first?.chinese == "删除了 3 个控制字符：U+001B ×2、U+009B")
        #expect(ImportSummary.text(result.report).contains("第 2 行：删除了 3 个控制字符"))
    }

    /// The same text in other line ends and encodings imports to the same document, with the
    /// same line numbers in its report.
    @Test func lineEndsAndEncodingsGiveTheSameDocument() throws {
        let text = MalformedInputTests.table + "\n"
        let reference = try TextImporter.importDocument(Data(text.utf8), fileName: "t")
        // 测试 in GB18030 is B2 E2 CA D4; the rest of the table is built from the UTF-8 text by
        // glibc's iconv, which the importer uses too, so the bytes here are written out by hand.
        let gbTitle: [UInt8] = [0x31, 0x2E, 0xB2, 0xE2, 0xCA, 0xD4, 0xCF, 0xEE, 0xC4, 0xBF, 0xBC, 0xA8, 0xD0, 0xA7, 0xC4, 0xBF, 0xB1, 0xEA, 0xB1, 0xED]
        #expect(SourceText.fromGB18030(gbTitle).map { String(decoding: $0, as: UTF8.self) } == "1.测试项目绩效目标表")
        let variants: [(String, Data, SourceEncoding)] = [
            ("CRLF", Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), .utf8),
            ("CR", Data(text.replacingOccurrences(of: "\n", with: "\r").utf8), .utf8),
            ("UTF-16LE", Data([0xFF, 0xFE]) + text.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16LittleEndian)!, .utf16LittleEndian),
            ("UTF-16BE", Data([0xFE, 0xFF]) + text.data(using: .utf16BigEndian)!, .utf16BigEndian),
            ("UTF-16LE without BOM", text.data(using: .utf16LittleEndian)!, .utf16LittleEndian),
        ]
        for (name, data, encoding) in variants {
            let result = try TextImporter.importDocument(data, fileName: "t")
            #expect(result.report.encoding == encoding, "\(name)")
            #expect(Self.withoutIDs(result.document) == Self.withoutIDs(reference.document), "\(name)")
            #expect(result.report.projects == reference.report.projects, "\(name)")
            #expect(result.report.notices == reference.report.notices, "\(name)")
        }
        // The whole table in GB18030, made by the iconv program, with CRLF as Windows writes it.
        guard let gb = try Self.iconvProgram(Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8), to: "GB18030") else {
            print("skipped: the GB18030 copy (no /usr/bin/iconv to make it)")
            return
        }
        let result = try TextImporter.importDocument(gb, fileName: "gb")
        #expect(result.report.encoding == .gb18030)
        #expect(Self.withoutIDs(result.document) == Self.withoutIDs(reference.document))
        #expect(ImportSummary.text(result.report).split(separator: "\n").first?.hasSuffix(" · 编码：GB18030") == true)
    }

    static func iconvProgram(_ data: Data, to encoding: String) throws -> Data? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { return nil }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-iconv-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let input = folder.appendingPathComponent("in.txt")
        try data.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", encoding, input.path]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let converted = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? converted : nil
    }

    static func withoutIDs(_ document: DepartmentDocument) -> DepartmentDocument {
        var document = document
        for i in document.overallGoals.indices { document.overallGoals[i].id = "o\(i)" }
        for i in document.safeguards.indices { document.safeguards[i].id = "s\(i)" }
        for i in document.subGoals.indices { document.subGoals[i].id = "g\(i)" }
        for i in document.projects.indices {
            document.projects[i].id = "p\(i)"
            for j in document.projects[i].goals.indices { document.projects[i].goals[j].id = "p\(i)t\(j)" }
            for j in document.projects[i].indicators.indices { document.projects[i].indicators[j].id = "p\(i)r\(j)" }
        }
        return document
    }
}
