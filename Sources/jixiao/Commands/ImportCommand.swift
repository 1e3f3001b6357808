import ArgumentParser
import Foundation
import JixiaoInterchange
import JixiaoModel
import JixiaoStore

/// `jixiao import FILE… [--store DIR] [--year YYYY] [--dry-run]`: reads department documents
/// from the plain-text forms they circulate in, or from Excel workbooks (.xlsx), and saves each
/// as a new revision of its department. Exit 0 when every file imported, 1 when any failed (the others are still
/// imported), 2 for unusable arguments.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入部门预算绩效文本 Import department performance texts from plain text or .xlsx.",
        discussion: """
            Reads text with one tab-indented table cell per line, text extracted from PDF \
            (pdftotext -layout), or the performance part of a budget disclosure (部门预算公开说明); \
            or an Excel workbook (.xlsx) as `jixiao export --format xlsx` writes it, or with one \
            project table per sheet laid out as printed. \
            Prints per file the projects and indicators found and every line skipped or not understood.
            """)

    @Argument(help: ArgumentHelp("Text files (UTF-8) or .xlsx workbooks to import.", valueName: "file"))
    var files: [String] = []

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("year"), help: ArgumentHelp("The budget year, when the text does not name it.", valueName: "yyyy"))
    var year: String?

    @Flag(name: .customLong("dry-run"), help: "Read and report; write nothing.")
    var dryRun = false

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = InterchangeConsole(language: language.resolved)
        guard !files.isEmpty else { throw console.unusable(zh: "没有给出要导入的文件", en: "no file to import given") }
        var fiscalYear: Int?
        if let year {
            guard let value = Int(year), (1990...2100).contains(value) else {
                throw console.unusable(zh: "--year 应为 1990–2100 之间的年份，而不是“\(year)”",
                                       en: "--year must be a year from 1990 to 2100, not “\(year)”")
            }
            fiscalYear = value
        }
        let destination: InterchangeStore?
        if dryRun {
            destination = nil
        } else {
            do {
                destination = try InterchangeStoreAdapter.open(storeOptions)
            } catch let error as InterchangeStoreError {
                console.error("jixiao import: " + language.resolved.pick(zh: error.chinese, en: error.english))
                throw ExitCode(1)
            } catch {
                console.error("jixiao import: \(error)")
                throw ExitCode(1)
            }
        }
        var failed = 0
        for (index, path) in files.enumerated() {
            if index > 0 { InertOutput.line("") }
            let name = (path as NSString).lastPathComponent
            guard let data = FileManager.default.contents(atPath: path) else {
                console.error(zh: "\(path): 无法读取文件，未导入", en: "\(path): cannot read the file; not imported")
                failed += 1
                continue
            }
            let document: DepartmentDocument
            if Self.isWorkbook(path: path, data: data) {
                do {
                    let result = try WorkbookImporter.importDocument(data, fileName: name, options: ImportOptions(fiscalYear: fiscalYear))
                    InertOutput.line(result.report.text(chinese: language.resolved == .zh))
                    document = result.document
                } catch {
                    console.error(zh: "\(path): \(error.chineseMessage)，未导入", en: "\(path): \(error.englishMessage); not imported")
                    failed += 1
                    continue
                }
            } else {
                do {
                    let result = try TextImporter.importDocument(data, fileName: name, options: ImportOptions(fiscalYear: fiscalYear))
                    InertOutput.line(ImportSummary.text(result.report, language: console.summaryLanguage))
                    document = result.document
                } catch {
                    console.error(ImportSummary.text(error, fileName: path, language: console.summaryLanguage))
                    failed += 1
                    continue
                }
            }
            let id = document.id
            guard let destination else {
                console.say(zh: "  试运行，未写入（\(id)）", en: "  dry run: nothing written (\(id))")
                continue
            }
            do {
                let saved = try InterchangeStoreAdapter.saveImported(document, in: destination)
                if saved.created {
                    console.say(zh: "  已新建 \(id)，第 \(saved.revision) 版", en: "  created \(id), revision \(saved.revision)")
                } else {
                    console.say(zh: "  已保存为 \(id) 第 \(saved.revision) 版", en: "  saved as revision \(saved.revision) of \(id)")
                }
            } catch let error as InterchangeStoreError {
                console.error("\(path): " + language.resolved.pick(zh: error.chinese, en: error.english))
                failed += 1
            } catch let error as StoreError {
                // A refusal of the review rules says why in the user's language; nothing was saved.
                console.error(zh: "\(path): 未导入：\(error.localized.zh)", en: "\(path): not imported: \(error.localized.en)")
                failed += 1
            } catch {
                console.error(zh: "\(path): 保存失败：\(error)", en: "\(path): save failed: \(error)")
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }

    /// An .xlsx by its name, or any ZIP package (`PK\u{3}\u{4}`): text never starts so.
    static func isWorkbook(path: String, data: Data) -> Bool {
        path.lowercased().hasSuffix(".xlsx") || data.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }
}
