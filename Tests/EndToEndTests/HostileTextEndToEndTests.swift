import Foundation
import JixiaoModel
import JixiaoStore
import Testing

/// Text that would drive a terminal (ESC sequences, OSC 52, C1 CSI, bidi overrides) in every
/// text field of a department reaches no command's output raw; text files in other encodings
/// and line ends import as their UTF-8 original does. All through the built binary.
@Suite struct HostileTextEndToEndTests {
    /// A window title, a clipboard write, a screen clear, C1 CSI and DCS, a right-to-left
    /// override and isolate, DEL, backspace and CR.
    static let payload = "\u{1B}]0;pwned\u{07}\u{1B}]52;c;cm0gLXJmIH4=\u{07}\u{1B}[2J\u{9B}31m\u{90}x\u{9C}\u{202E}\u{2066}\u{7F}\u{08}\r!"

    /// What in `data` a terminal would act on, or nil. Written independently of `InertText`:
    /// ESC; bytes that are not UTF-8 (a lone 0x9B); C2 80–C2 9F; and, decoded, C0 other than
    /// tab and line feed, DEL, C1 and the bidi controls.
    /// `crlf`: CSV, whose records end in CR LF (RFC 4180); a CR anywhere else still counts.
    static func unsafe(_ data: Data, crlf: Bool = false) -> String? {
        var bytes = [UInt8](data)
        if crlf {
            var kept: [UInt8] = []
            for (index, byte) in bytes.enumerated() where !(byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A) {
                kept.append(byte)
            }
            bytes = kept
        }
        let data = Data(bytes)
        if let at = bytes.firstIndex(of: 0x1B) { return "ESC at byte \(at)" }
        for index in bytes.indices.dropLast() where bytes[index] == 0xC2 && (0x80...0x9F).contains(bytes[index + 1]) {
            return "C1 (C2 \(String(bytes[index + 1], radix: 16))) at byte \(index)"
        }
        guard let text = String(data: data, encoding: .utf8) else { return "not UTF-8 (a raw C1 byte?)" }
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x09, 0x0A: continue
            case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069:
                return "U+\(String(scalar.value, radix: 16)) in the text"
            default: continue
            }
        }
        return nil
    }

    static func expectInert(_ result: CLIProcess.Result, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let crlf = what.hasSuffix("csv")
        #expect(unsafe(result.stdoutBytes, crlf: crlf) == nil, "stdout of \(what): \(unsafe(result.stdoutBytes, crlf: crlf) ?? "")",
                sourceLocation: sourceLocation)
        #expect(unsafe(result.stderrBytes) == nil, "stderr of \(what): \(unsafe(result.stderrBytes) ?? "")", sourceLocation: sourceLocation)
    }

    static let example = CLIProcess.packageRoot.appendingPathComponent("docs/examples/department.json")

    /// The example department with the payload in every text the user can write.
    static func hostileDocument() throws -> DepartmentDocument {
        var document = try DocumentCodec.decode(try Data(contentsOf: example))
        let p = payload
        document.unitCode += p
        document.unitName += p
        for index in document.overallGoals.indices { document.overallGoals[index].text += p }
        for index in document.safeguards.indices { document.safeguards[index].text += p }
        for index in document.subGoals.indices {
            document.subGoals[index].title += p
            document.subGoals[index].goal += p
            document.subGoals[index].indicatorText += p
            document.subGoals[index].duty = (document.subGoals[index].duty ?? "") + p
            document.subGoals[index].standard = (document.subGoals[index].standard ?? "") + p
        }
        for index in document.projects.indices {
            document.projects[index].code = p + document.projects[index].code
            document.projects[index].name += p
            document.projects[index].purpose += p
            for goal in document.projects[index].goals.indices { document.projects[index].goals[goal].text += p }
            for row in document.projects[index].indicators.indices {
                for column in IndicatorRow.Column.allCases { document.projects[index].indicators[row][column] += p }
            }
        }
        return document
    }

    @Test func noCommandPrintsAControlCharacterRaw() throws {
        guard CLIProcess.isBuilt("jixiao") else { print("skipped: jixiao not built beside the tests"); return }
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let store = dir.appendingPathComponent("store").path
        let document = try Self.hostileDocument()
        let id = document.id
        let file = dir.appendingPathComponent("hostile.json")
        try DocumentCodec.encode(document).write(to: file)
        let opened = try FileDocumentStore(root: store)
        #expect(try opened.save(document, base: 0) == .saved(revision: 1))
        // A second revision, so `history` shows old and new values holding the payload.
        var second = document
        second.projects[0].indicators[0].value = Self.payload + "≥95%"
        #expect(try opened.save(second, base: 1) == .saved(revision: 2))

        // An import with control characters in its lines (no CR there: it would end the line)
        // and the payload in its file name.
        let text = try String(contentsOf: CLIProcess.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Fixtures/pdf-layout.txt"),
                              encoding: .utf8)
        var lines = text.components(separatedBy: "\n")
        for index in lines.indices where lines[index].contains("社区养老服务补贴") || lines[index].contains("东湖街道") {
            lines[index] += "\u{1B}\u{07}\u{9B}\u{90}\u{202E}\u{2066}\u{7F}\u{08}"
        }
        let importFile = dir.appendingPathComponent("evil\u{1B}]0;x\u{07}\u{9B}.txt")
        try Data(lines.joined(separator: "\n").utf8).write(to: importFile)

        let runs: [(String, [String])] = [
            ("list", ["list"]), ("list --json", ["list", "--json"]),
            ("validate id", ["validate", id]), ("validate store", ["validate"]), ("validate --json", ["validate", "--json", id]),
            ("validate file", ["validate", file.path]), ("validate --lang en", ["validate", "--lang", "en", id]),
            ("history", ["history", id, "--all"]), ("history short", ["history", id]),
            ("export json", ["export", id, "--format", "json"]), ("export csv", ["export", id, "--format", "csv"]),
            ("export md", ["export", id, "--format", "md"]), ("export html", ["export", id, "--format", "html"]),
            ("comment", ["comment", id, Self.payload]), ("submit", ["submit", id]),
            ("approve", ["approve", id, "--comment", Self.payload]), ("return", ["return", id, "--reason", Self.payload]),
            ("history after review", ["history", id, "--all"]),
            ("fsck", ["fsck"]), ("restore --list", ["restore", "--list"]),
            ("unknown id", ["export", "x" + Self.payload, "--format", "md"]),
            ("unknown history", ["history", "x" + Self.payload]),
            ("unknown validate", ["validate", Self.payload + ".json"]),
            ("bad option", ["list", "--" + Self.payload]),
            ("import", ["import", importFile.path]), ("import dry run", ["import", "--dry-run", "--lang", "en", importFile.path]),
            ("list after import", ["list"]),
        ]
        for (what, arguments) in runs {
            let result = try CLIProcess.run(arguments + ["--store", store])
            Self.expectInert(result, what)
        }
        // The payload did reach the outputs, as visible escapes.
        let shown = try CLIProcess.run(["list", "--store", store])
        #expect(shown.stdout.contains("\\x1b]0;pwned\\x07"), "\(shown.stdout)")
        let json = try CLIProcess.run(["list", "--json", "--store", store])
        #expect((try? JSONSerialization.jsonObject(with: json.stdoutBytes)) != nil, "list --json is still JSON")

        // The import removed the characters from the stored text and said so, line by line.
        let imported = try CLIProcess.run(["import", "--dry-run", importFile.path, "--store", store])
        #expect(imported.stdout.contains("删除了"), "\(imported.stdout)")
        #expect(imported.stdout.contains("U+001B"))
        let stored = try FileDocumentStore(root: store).load(id: "520101-2024").document
        let encoded = try #require(String(data: DocumentCodec.encode(stored), encoding: .utf8))
        #expect(!encoded.contains("\\u001b") && Self.unsafe(Data(encoded.utf8)) == nil)
        #expect(stored.projects.contains { $0.name == "社区养老服务补贴" }, "\(stored.projects.map(\.name))")

        // Exports written to files hold no raw control character either.
        for format in ["csv", "md", "html", "json"] {
            let output = dir.appendingPathComponent("out.\(format)").path
            let run = try CLIProcess.run(["export", id, "--format", format, "-o", output, "--store", store])
            #expect(run.status == 0, "\(run.stderr)")
            #expect(Self.unsafe(try Data(contentsOf: URL(fileURLWithPath: output)), crlf: format == "csv") == nil, "export \(format)")
        }
    }

    @Test func validateOfADirectorySaysWhatItNeeds() throws {
        guard CLIProcess.isBuilt("jixiao") else { print("skipped: jixiao not built beside the tests"); return }
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let result = try CLIProcess.run(["validate", dir.path, "--store", dir.appendingPathComponent("store").path])
        #expect(result.status == 2)
        #expect(result.stderr.contains("is a directory"), "\(result.stderr)")
        #expect(result.stderr.contains("department id"))
        #expect(!result.stderr.contains("error 0") && !result.stderr.contains("Foundation"))
        #expect(result.stdout.isEmpty || !result.stdout.contains("is a directory"))
    }

    // MARK: Encodings and line ends

    static var seedFiles: [URL]? {
        let folder = CLIProcess.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return nil }
        let files = names.filter { $0.hasSuffix(".txt") }.sorted().map { folder.appendingPathComponent($0) }
        return files.isEmpty ? nil : files
    }

    /// `iconv` the program (glibc's, as the importer's is): GB18030 bytes of `text`.
    static func gb18030(_ text: Data) throws -> Data? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/iconv") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        process.arguments = ["-f", "UTF-8", "-t", "GB18030"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(text)
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? data : nil
    }

    /// The seed in each other form, by name.
    static func variants(of utf8: Data) throws -> [(String, Data)] {
        let text = String(decoding: utf8, as: UTF8.self)
        let lf = text.replacingOccurrences(of: "\r\n", with: "\n")
        var result: [(String, Data)] = [
            ("crlf", Data(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)),
            ("cr", Data(lf.replacingOccurrences(of: "\n", with: "\r").utf8)),
            ("utf16le-bom", Data([0xFF, 0xFE]) + lf.replacingOccurrences(of: "\n", with: "\r\n").data(using: .utf16LittleEndian)!),
            ("utf16be-bom", Data([0xFE, 0xFF]) + lf.data(using: .utf16BigEndian)!),
            ("utf16le", lf.data(using: .utf16LittleEndian)!),
            ("utf8-bom", Data([0xEF, 0xBB, 0xBF]) + Data(lf.utf8)),
        ]
        if let gb = try gb18030(Data(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)) {
            result.append(("gb18030-crlf", gb))
        } else {
            print("skipped: the GB18030 copy (no /usr/bin/iconv to make it)")
        }
        return result
    }

    @Test func otherEncodingsAndLineEndsImportAsTheUTF8Original() throws {
        guard CLIProcess.isBuilt("jixiao") else { print("skipped: jixiao not built beside the tests"); return }
        guard let seeds = Self.seedFiles else {
            print("skipped: ../shared/seeds is absent (it exists beside developer checkouts and in CI only)")
            return
        }
        let dir = try CLIProcess.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for seed in seeds {
            let original = try Data(contentsOf: seed)
            /// Imports `file` into a store of its own; its Markdown export and the import summary
            /// without the first line (which names the file and the encoding).
            func imported(_ name: String, _ data: Data) throws -> (markdown: String, summary: String, firstLine: String) {
                let file = dir.appendingPathComponent("\(seed.deletingPathExtension().lastPathComponent)-\(name).txt")
                try data.write(to: file)
                let store = dir.appendingPathComponent("store-\(name)-\(seed.lastPathComponent)").path
                let initialized = try CLIProcess.run(["store", "init", "--store", store])
                #expect(initialized.status == 0, "\(initialized.stderr)")
                let run = try CLIProcess.run(["import", "--year", "2023", file.path, "--store", store])
                #expect(run.status == 0, "\(seed.lastPathComponent) \(name): \(run.stderr)\(run.stdout)")
                let lines = run.stdout.components(separatedBy: "\n")
                let id = try #require(FileDocumentStore(root: store).list().documents.first?.id, "\(name): nothing imported")
                let export = try CLIProcess.run(["export", id, "--format", "md", "--store", store])
                return (export.stdout, lines.dropFirst().joined(separator: "\n"), lines.first ?? "")
            }
            let reference = try imported("utf8", original)
            #expect(reference.markdown.contains("绩效目标表"))
            for (name, data) in try Self.variants(of: original) {
                let other = try imported(name, data)
                #expect(other.markdown == reference.markdown, "\(seed.lastPathComponent) as \(name) imports differently")
                #expect(other.summary == reference.summary, "\(seed.lastPathComponent) as \(name): \(other.summary)")
                if name.hasPrefix("gb18030") { #expect(other.firstLine.contains("编码：GB18030"), "\(other.firstLine)") }
                if name.hasPrefix("utf16") { #expect(other.firstLine.contains("编码：UTF-16"), "\(other.firstLine)") }
            }
        }
    }
}
