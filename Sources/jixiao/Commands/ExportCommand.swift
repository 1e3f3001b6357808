import ArgumentParser
import Foundation
import JixiaoInterchange
import JixiaoModel

/// `jixiao export ID [--store DIR] --format json|csv|md|html [-o FILE]`: writes a department as
/// its canonical JSON, a CSV of its indicators, or Markdown/HTML in the printed layout.
/// `--file PATH.json` exports a document file instead of a stored department.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "导出部门预算绩效文本 Export a department as JSON, CSV, Markdown or HTML.")

    @Argument(help: ArgumentHelp("The department id, e.g. 441001-2023.", valueName: "id"))
    var id: String?

    @Option(name: .customLong("store"), help: ArgumentHelp("The store directory.", valueName: "dir"))
    var store: String?

    @Option(name: .customLong("file"), help: ArgumentHelp("Export this JSON document file instead of a stored department.", valueName: "path"))
    var file: String?

    @Option(name: .customLong("format"), help: ArgumentHelp("json, csv, md or html.", valueName: "format"))
    var format: String?

    @Flag(name: .customLong("bom"), help: "Start CSV with the byte-order mark Excel needs to read UTF-8.")
    var byteOrderMark = false

    @Option(name: [.customShort("o"), .customLong("output")], help: ArgumentHelp("Write here instead of standard output.", valueName: "file"))
    var output: String?

    func run() throws {
        guard let formatName = format else {
            throw CommandLine.unusable("缺少 --format（json、csv、md 或 html）", "--format is required: json, csv, md or html")
        }
        guard let exportFormat = ExportFormat(rawValue: formatName.lowercased()) else {
            throw CommandLine.unusable("不认识的格式“\(formatName)”，应为 json、csv、md 或 html", "unknown format “\(formatName)”; use json, csv, md or html")
        }
        if byteOrderMark && exportFormat != .csv {
            throw CommandLine.unusable("--bom 只用于 csv", "--bom applies to csv only")
        }
        let document: DepartmentDocument
        switch (id, file) {
        case (nil, nil):
            throw CommandLine.unusable("请给出部门 ID 或 --file", "give a department id or --file")
        case (.some, .some):
            throw CommandLine.unusable("部门 ID 和 --file 只能给一个", "give a department id or --file, not both")
        case (nil, .some(let path)):
            guard let data = FileManager.default.contents(atPath: path) else {
                CommandLine.printError("\(path): 无法读取文件 (cannot read the file)")
                throw ExitCode(1)
            }
            do {
                document = try DocumentCodec.decode(data)
            } catch {
                CommandLine.printError("\(path): \(error)")
                throw ExitCode(1)
            }
        case (.some(let id), nil):
            do {
                let store = try InterchangeStoreAdapter.open(directory: store)
                guard let current = try store.current(id: id) else {
                    CommandLine.printError("jixiao export: 文档库中没有部门 \(id) (no department \(id) in the store)")
                    throw ExitCode(1)
                }
                document = current.document
            } catch let exit as ExitCode {
                throw exit
            } catch {
                CommandLine.printError("jixiao export: \(error)")
                throw ExitCode(1)
            }
        }
        let data = DocumentExporter.export(document, as: exportFormat, options: ExportOptions(csvByteOrderMark: byteOrderMark))
        guard let output else {
            FileHandle.standardOutput.write(data)
            return
        }
        do {
            // Written to a temporary file and renamed: a reader never sees half an export.
            try data.write(to: URL(fileURLWithPath: output), options: .atomic)
        } catch {
            CommandLine.printError("\(output): 无法写入 (cannot write): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
