import Foundation
import Testing
@testable import JixiaoInterchange
import JixiaoModel
import JixiaoSamples

/// The exported workbook as other programs read it: openpyxl (Debian's python3-openpyxl) for
/// cell types, formats and merged ranges; LibreOffice Calc printing it to PDF, with poppler's
/// pdftotext reading the PDF back. Skipped, with the reason, where the program is missing;
/// `.ci/run` installs them.
@Suite(.serialized) struct WorkbookPeerTests {
    static let python = "/usr/bin/python3"

    static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> (status: Int32, output: Data) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        var env = ProcessInfo.processInfo.environment
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }

    static var hasOpenpyxl: Bool {
        FileManager.default.isExecutableFile(atPath: python) && ((try? run([python, "-c", "import openpyxl"]).status) == 0)
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-xlsx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    struct Dump: Decodable {
        struct SheetDump: Decodable {
            struct CellDump: Decodable { var ref: String; var type: String; var value: String; var format: String }
            var name: String
            var cells: [CellDump]
            var merged: [String]
            var printTitleRows: String
            var paperSize: String

            subscript(reference: String) -> CellDump? { cells.first { $0.ref == reference } }
        }
        var sheets: [SheetDump]
    }

    static func dump(_ document: DepartmentDocument, in folder: URL) throws -> Dump {
        let file = folder.appendingPathComponent("\(document.id).xlsx")
        try DocumentExporter.export(document, as: .xlsx).write(to: file)
        let script = TestPaths.packageRoot.appendingPathComponent("Tests/JixiaoInterchangeTests/Peers/dump-xlsx.py").path
        let (status, output) = try run([python, script, file.path])
        try #require(status == 0, "openpyxl could not read \(file.path)")
        return try JSONDecoder().decode(Dump.self, from: output)
    }

    static func documents() throws -> [DepartmentDocument] {
        try SampleDepartments.all() + [WorkbookRoundTripTests.awkward()]
    }

    @Test func openpyxlReadsTextAsTextAndNoFormula() throws {
        guard Self.hasOpenpyxl else {
            print("skipped: /usr/bin/python3 with openpyxl is missing (apt-get install python3-openpyxl)")
            return
        }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        for document in try Self.documents() {
            let dump = try Self.dump(document, in: folder)
            #expect(dump.sheets.count == document.projects.count + 2)
            for sheet in dump.sheets {
                #expect(!sheet.cells.contains { $0.type == "f" }, "a formula in \(sheet.name)")
                #expect(sheet.paperSize == "9", "\(sheet.name) is not A4")
            }
            let department = dump.sheets[0]
            #expect(department["B2"]?.type == "s" && department["B2"]?.value == document.unitCode)
            #expect(department["B4"]?.type == "n" && department["B4"]?.value == String(document.fiscalYear))
            for (index, project) in document.projects.enumerated() {
                let sheet = dump.sheets[index + 1]
                #expect(sheet["B3"]?.type == "s" && sheet["B3"]?.value == project.code, "\(sheet.name): code")
                #expect(sheet["E3"]?.value == project.name)
                for (reference, amount) in [("C4", project.budget), ("E4", project.fiscalFunds), ("G4", project.otherFunds)] {
                    guard let amount else { #expect(sheet[reference] == nil); continue }
                    #expect(sheet[reference]?.type == "n" && sheet[reference]?.format == "0.00", "\(sheet.name) \(reference)")
                    #expect(Double(sheet[reference]?.value ?? "") == amount.approximateDouble)
                }
                let planFormat = project.spendingPlan.mode == .percent ? "0.00%" : "0.00"
                for (reference, figure) in zip(["B7", "C7", "D7", "E7"], project.spendingPlan.values) {
                    guard let figure else { continue }
                    #expect(sheet[reference]?.type == "n" && sheet[reference]?.format == planFormat, "\(sheet.name) \(reference)")
                    let scale = project.spendingPlan.mode == .percent ? 100.0 : 1.0
                    #expect(abs((Double(sheet[reference]?.value ?? "") ?? .nan) * scale - figure.approximateDouble) < 1e-9)
                }
                #expect(sheet.merged.contains("A1:G1") && sheet.merged.contains("A4:A5") && sheet.merged.contains("D9:E9"))
                #expect(sheet.printTitleRows == "$9:$9" || sheet.printTitleRows == "9:9")
                // Level 1 merged over each run of equal level 1, every indicator's texts in its row.
                var row = 10
                for (offset, indicator) in project.indicators.enumerated() {
                    let text = [(1, indicator.level1), (3, indicator.name), (4, indicator.description), (6, indicator.value), (7, indicator.basis)]
                    // openpyxl undoes only part of OOXML's `_xHHHH_` escapes (it drops `x005F_` and keeps
                    // `_x000D_`): texts that need them are compared in the round trip instead.
                    for (column, expected) in text where !(column == 1 && PrintedLayout.printedLevel1(project.indicators, at: offset).isEmpty)
                        && SpreadsheetMLWriter.escapeText(expected) == expected.replacingOccurrences(of: "&", with: "&amp;")
                            .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;") {
                        let cell = sheet[CellReference.name(row: row, column: column)]
                        #expect(cell?.type == "s" && cell?.value == expected, "\(sheet.name) row \(row) column \(column)")
                    }
                    var end = offset
                    while end + 1 < project.indicators.count, project.indicators[end + 1].level1 == indicator.level1 { end += 1 }
                    if PrintedLayout.printedLevel1(project.indicators, at: offset) == indicator.level1, end > offset {
                        #expect(sheet.merged.contains("A\(row):A\(row + end - offset)"), "\(sheet.name) level 1 at row \(row)")
                    }
                    row += 1
                }
            }
            let flat = dump.sheets[dump.sheets.count - 1]
            #expect(flat.name == "指标")
            let indicators = document.projects.flatMap { project in project.indicators.map { (project, $0) } }
            for (index, (project, indicator)) in indicators.enumerated() {
                let row = index + 2
                #expect(flat["A\(row)"]?.value == document.unitCode && flat["A\(row)"]?.type == "s")
                #expect(flat["B\(row)"]?.value == project.code && flat["B\(row)"]?.type == "s")
                #expect((flat["F\(row)"]?.value ?? "") == indicator.name)
                if case .quantity(let quantity) = TargetValue(indicator.value).meaning {
                    #expect(flat["J\(row)"]?.value == quantity.comparison.symbol)
                    #expect(flat["K\(row)"]?.type == "n" && Double(flat["K\(row)"]?.value ?? "") == quantity.number.approximateDouble)
                }
            }
        }
    }

    @Test func libreOfficePrintsEveryIndicator() throws {
        guard let soffice = ["/usr/bin/soffice", "/usr/bin/libreoffice"].first(where: FileManager.default.isExecutableFile),
              FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else {
            print("skipped: soffice or pdftotext is missing (apt-get install libreoffice-calc-nogui poppler-utils)")
            return
        }
        let folder = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = try Self.documents()
        var files: [String] = []
        for document in documents {
            let file = folder.appendingPathComponent("\(document.id).xlsx")
            try DocumentExporter.export(document, as: .xlsx).write(to: file)
            files.append(file.path)
        }
        // A profile of its own: another LibreOffice running on the machine must not take the job.
        let profile = "-env:UserInstallation=file://" + folder.appendingPathComponent("profile").path
        let converted = try Self.run([soffice, profile, "--headless", "--convert-to", "pdf", "--outdir", folder.path] + files,
                                     environment: ["HOME": folder.path])
        try #require(converted.status == 0)
        for document in documents {
            let pdf = folder.appendingPathComponent("\(document.id).pdf").path
            try #require(FileManager.default.fileExists(atPath: pdf), "LibreOffice made no PDF of \(document.id)")
            let (status, output) = try Self.run(["/usr/bin/pdftotext", pdf, "-"])
            try #require(status == 0)
            let text = String(decoding: output, as: UTF8.self).removingWhitespace
            for project in document.projects {
                for indicator in project.indicators where !indicator.name.isEmpty {
                    #expect(text.contains(indicator.name.removingWhitespace), "\(document.id): \(indicator.name)")
                }
            }
        }
    }
}
