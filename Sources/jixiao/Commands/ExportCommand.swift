import ArgumentParser
import Foundation
import JixiaoInterchange
import JixiaoModel

/// `jixiao export ID [--store DIR] --format json|csv|md|html|xlsx [-o FILE]`: writes a department as
/// its canonical JSON, a CSV of its indicators, Markdown/HTML in the printed layout, or an Excel workbook.
/// `--file PATH.json` exports a document file instead of a stored department.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出部门预算绩效文本 Export a department as JSON, CSV, Markdown, HTML or an Excel workbook.")

    @Argument(help: ArgumentHelp("The department id, e.g. 441001-2023.", valueName: "id"))
    var id: String?

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .customLong("file"), help: ArgumentHelp("Export this JSON document file instead of a stored department.", valueName: "path"))
    var file: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("json, csv, md, html or xlsx.", valueName: "format"))
    var format: String?

    @Flag(name: .customLong("bom"), help: "Start CSV with the byte-order mark Excel needs to read UTF-8.")
    var byteOrderMark = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    @OptionGroup var language: LanguageOption

    func run() throws {
        let console = InterchangeConsole(language: language.resolved)
        guard let formatName = format else {
            throw console.unusable(zh: "缺少 --format（json、csv、md、html 或 xlsx）", en: "--format is required: json, csv, md, html or xlsx")
        }
        guard let exportFormat = ExportFormat(rawValue: formatName.lowercased()) else {
            throw console.unusable(zh: "不认识的格式“\(formatName)”，应为 json、csv、md、html 或 xlsx",
                                   en: "unknown format “\(formatName)”; use json, csv, md, html or xlsx")
        }
        if exportFormat.isBinary && output == nil && isatty(STDOUT_FILENO) == 1 {
            throw console.unusable(zh: "xlsx 是二进制文件，请用 -o 文件名 写入文件", en: "xlsx is binary: write it to a file with -o FILE")
        }
        if byteOrderMark && exportFormat != .csv {
            throw console.unusable(zh: "--bom 只用于 csv", en: "--bom applies to csv only")
        }
        let document: DepartmentDocument
        switch (id, file) {
        case (nil, nil):
            throw console.unusable(zh: "请给出部门 ID 或 --file", en: "give a department id or --file")
        case (.some, .some):
            throw console.unusable(zh: "部门 ID 和 --file 只能给一个", en: "give a department id or --file, not both")
        case (nil, .some(let path)):
            guard let data = FileManager.default.contents(atPath: path) else {
                console.error(zh: "\(path): 无法读取文件", en: "\(path): cannot read the file")
                throw ExitCode(1)
            }
            do {
                document = try DocumentCodec.decode(data)
            } catch {
                console.error("\(path): \(error)")
                throw ExitCode(1)
            }
        case (.some(let id), nil):
            do {
                let store = try InterchangeStoreAdapter.open(storeOptions)
                guard let current = try store.current(id: id) else {
                    console.error(zh: "jixiao export: 文档库中没有部门 \(id)", en: "jixiao export: no department \(id) in the store")
                    throw ExitCode(1)
                }
                document = current.document
            } catch let exit as ExitCode {
                throw exit
            } catch let error as InterchangeStoreError {
                console.error("jixiao export: " + language.resolved.pick(zh: error.chinese, en: error.english))
                throw ExitCode(1)
            } catch {
                console.error("jixiao export: \(error)")
                throw ExitCode(1)
            }
        }
        let data = DocumentExporter.export(document, as: exportFormat, options: ExportOptions(csvByteOrderMark: byteOrderMark))
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            var storeRoot: String?
            if case .directory(let root)? = try? storeOptions.address() { storeRoot = root }
            try OutputFile(path: output, storeRoot: storeRoot).write(data)
        } catch {
            console.error(zh: "无法写入：\(error)", en: "cannot write: \(error)")
            throw ExitCode(1)
        }
    }
}
