import ArgumentParser
import Foundation
import JixiaoInterchange
import JixiaoModel

/// `jixiao import FILE… [--store DIR] [--year YYYY] [--dry-run]`: reads department documents
/// from the plain-text forms they circulate in and saves each as a new revision of its
/// department. Exit 0 when every file imported, 1 when any failed (the others are still
/// imported), 2 for unusable arguments.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入部门预算绩效文本 Import department performance texts from plain text.",
        discussion: """
            Reads text with one tab-indented table cell per line, text extracted from PDF \
            (pdftotext -layout), or the performance part of a budget disclosure (部门预算公开说明). \
            Prints per file the projects and indicators found and every line skipped or not understood.
            """)

    @Argument(help: ArgumentHelp("Text files to import (UTF-8).", valueName: "file"))
    var files: [String] = []

    @Option(name: .customLong("store"), help: ArgumentHelp("The store directory.", valueName: "dir"))
    var store: String?

    @Option(name: .customLong("year"), help: ArgumentHelp("The budget year, when the text does not name it.", valueName: "yyyy"))
    var year: String?

    @Flag(name: .customLong("dry-run"), help: "Read and report; write nothing.")
    var dryRun = false

    func run() throws {
        guard !files.isEmpty else { throw CommandLine.unusable("没有给出要导入的文件", "no file to import given") }
        var fiscalYear: Int?
        if let year {
            guard let value = Int(year), (1990...2100).contains(value) else {
                throw CommandLine.unusable("--year 应为 1990–2100 之间的年份，而不是“\(year)”", "--year must be a year from 1990 to 2100, not “\(year)”")
            }
            fiscalYear = value
        }
        let destination: InterchangeStore?
        if dryRun {
            destination = nil
        } else {
            do {
                destination = try InterchangeStoreAdapter.open(directory: store)
            } catch {
                CommandLine.printError("jixiao import: \(error)")
                throw ExitCode(1)
            }
        }
        var failed = 0
        for (index, path) in files.enumerated() {
            if index > 0 { print("") }
            let name = (path as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else {
                CommandLine.printError("\(path): 无法读取文件 (cannot read the file) — 未导入 not imported")
                failed += 1
                continue
            }
            let result: ImportResult
            do {
                result = try TextImporter.importDocument(data, fileName: name, options: ImportOptions(fiscalYear: fiscalYear))
            } catch {
                CommandLine.printError(ImportSummary.text(error, fileName: path))
                failed += 1
                continue
            }
            print(ImportSummary.text(result.report))
            guard let destination else {
                print("  试运行，未写入 dry run: nothing written (\(result.document.id))")
                continue
            }
            do {
                let saved = try InterchangeStoreAdapter.saveImported(result.document, in: destination)
                print(saved.created
                      ? "  已新建 \(result.document.id)，第 \(saved.revision) 版 created \(result.document.id), revision \(saved.revision)"
                      : "  已保存为 \(result.document.id) 第 \(saved.revision) 版 saved as revision \(saved.revision) of \(result.document.id)")
            } catch {
                CommandLine.printError("\(path): 保存失败 save failed: \(error)")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

extension CommandLine {
    /// Prints a line on standard error.
    static func printError(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Reports unusable arguments and gives the error that exits with status 2.
    static func unusable(_ chinese: String, _ english: String) -> ExitCode {
        printError("jixiao: \(chinese) (\(english))")
        return ExitCode(2)
    }
}
