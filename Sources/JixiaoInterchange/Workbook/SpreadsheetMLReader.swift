import Foundation

/// Reads the parts of a SpreadsheetML package into a `Workbook`, as the producers write them:
/// shared strings (rich text runs joined, phonetic runs left out) or inline strings, cells with
/// or without `r`, formulas by their cached value, strict OOXML's namespace as well as the
/// transitional one. Number formats are read only to tell percentages apart.
enum SpreadsheetMLReader {
    static let main: Set<String> = [SpreadsheetMLWriter.mainNamespace, "http://purl.oclc.org/ooxml/spreadsheetml/main"]
    static let relationships: Set<String> = [SpreadsheetMLWriter.relationshipNamespace,
                                             "http://purl.oclc.org/ooxml/officeDocument/relationships"]
    static let packageRelationships: Set<String> = [SpreadsheetMLWriter.packageRelationshipNamespace]

    static func read(_ parts: [String: Data]) throws(WorkbookImportError) -> Workbook {
        let workbookPath = try mainPart(parts)
        let workbook = try tree(parts, workbookPath)
        let relations = try relationshipTargets(parts, of: workbookPath)
        let strings = try relations.first { $0.type.hasSuffix("/sharedStrings") }
            .map { target throws(WorkbookImportError) in try sharedStrings(tree(parts, target.path)) } ?? []
        let percentStyles = try relations.first { $0.type.hasSuffix("/styles") }
            .map { target throws(WorkbookImportError) in try percentFormats(tree(parts, target.path)) } ?? []
        guard let sheetList = workbook.child("sheets", in: main) else {
            throw WorkbookImportError(chinese: "工作簿没有工作表", english: "the workbook has no sheets")
        }
        var sheets: [Sheet] = []
        for entry in sheetList.children("sheet", in: main) {
            let name = entry.attribute("name") ?? ""
            let id = relationships.lazy.compactMap { entry.attribute("id", namespace: $0) }.first ?? ""
            guard let target = relations.first(where: { $0.id == id }) else {
                throw WorkbookImportError(sheet: name, chinese: "工作簿中找不到这张工作表的内容", english: "the workbook does not hold this sheet's part")
            }
            // Chart sheets and dialog sheets hold no cells.
            guard target.type.hasSuffix("/worksheet") else { continue }
            sheets.append(try worksheet(tree(parts, target.path), name: name, strings: strings, percentStyles: percentStyles))
        }
        return Workbook(sheets: sheets)
    }

    /// The workbook part named by the package relationships (`xl/workbook.xml` by convention).
    static func mainPart(_ parts: [String: Data]) throws(WorkbookImportError) -> String {
        let relations = try relationshipTargets(parts, of: "")
        if let office = relations.first(where: { $0.type.hasSuffix("/officeDocument") }), parts[office.path] != nil {
            return office.path
        }
        guard parts["xl/workbook.xml"] != nil else {
            throw WorkbookImportError(chinese: "不是 Excel 工作簿（包中没有 xl/workbook.xml）",
                                      english: "not an Excel workbook (the package has no xl/workbook.xml)")
        }
        return "xl/workbook.xml"
    }

    struct Relation {
        var id: String
        var type: String
        /// The target's path inside the package.
        var path: String
    }

    /// The relationships of a part (`""` for the package), their targets resolved to package paths.
    static func relationshipTargets(_ parts: [String: Data], of part: String) throws(WorkbookImportError) -> [Relation] {
        let folder = part.contains("/") ? String(part[..<part.lastIndex(of: "/")!]) : ""
        let file = part.split(separator: "/").last.map(String.init) ?? ""
        let relsPath = (folder.isEmpty ? "" : folder + "/") + "_rels/" + file + ".rels"
        guard parts[relsPath] != nil else { return [] }
        let root = try tree(parts, relsPath)
        return root.children("Relationship", in: packageRelationships).compactMap { element in
            guard let id = element.attribute("Id"), let type = element.attribute("Type"),
                  let target = element.attribute("Target"), element.attribute("TargetMode") != "External" else { return nil }
            return Relation(id: id, type: type, path: resolve(target, from: folder))
        }
    }

    /// `worksheets/sheet1.xml` from `xl` → `xl/worksheets/sheet1.xml`; `/xl/…` is from the root.
    static func resolve(_ target: String, from folder: String) -> String {
        var components: [Substring] = target.hasPrefix("/") || folder.isEmpty ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { if !components.isEmpty { components.removeLast() } } else if piece != "." { components.append(piece) }
        }
        return components.joined(separator: "/")
    }

    static func tree(_ parts: [String: Data], _ path: String) throws(WorkbookImportError) -> XMLTree {
        guard let data = parts[path] else {
            throw WorkbookImportError(chinese: "包中缺少 \(path)", english: "the package lacks \(path)")
        }
        do {
            return try XMLTree.parse(data)
        } catch {
            throw WorkbookImportError(chinese: "\(path) 第 \(error.line) 行不是合格的 XML：\(error.reason)",
                                      english: "\(path) is not well-formed XML at line \(error.line): \(error.reason)")
        }
    }

    static func sharedStrings(_ root: XMLTree) -> [String] {
        root.children("si", in: main).map(stringItem)
    }

    /// The text of a string item (`si` or `is`): its `t`, or its runs' `t` joined.
    static func stringItem(_ item: XMLTree) -> String {
        if let plain = item.child("t", in: main) { return OOXMLEscape.decode(plain.text) }
        return item.children("r", in: main).compactMap { $0.child("t", in: main)?.text }.map(OOXMLEscape.decode).joined()
    }

    /// The indexes into `cellXfs` whose number format shows a percentage.
    static func percentFormats(_ root: XMLTree) -> Set<Int> {
        var percentFormatIDs: Set<Int> = [9, 10]
        for format in root.child("numFmts", in: main)?.children("numFmt", in: main) ?? [] {
            guard let id = format.attribute("numFmtId").flatMap(Int.init), let code = format.attribute("formatCode") else { continue }
            // A `%` outside quotes and escapes makes the format multiply by 100.
            var quoted = false
            var escaped = false
            var percent = false
            for ch in code {
                if escaped { escaped = false; continue }
                if ch == "\\" { escaped = true } else if ch == "\"" { quoted.toggle() } else if ch == "%" && !quoted { percent = true }
            }
            if percent { percentFormatIDs.insert(id) } else { percentFormatIDs.remove(id) }
        }
        let xfs = root.child("cellXfs", in: main)?.children("xf", in: main) ?? []
        return Set(xfs.indices.filter { xfs[$0].attribute("numFmtId").flatMap(Int.init).map(percentFormatIDs.contains) ?? false })
    }

    static func worksheet(_ root: XMLTree, name: String, strings: [String], percentStyles: Set<Int>) throws(WorkbookImportError) -> Sheet {
        var sheet = Sheet(name: name)
        var rowNumber = 0
        for row in root.child("sheetData", in: main)?.children("row", in: main) ?? [] {
            rowNumber = row.attribute("r").flatMap(Int.init) ?? rowNumber + 1
            var column = 0
            for cell in row.children("c", in: main) {
                if let reference = cell.attribute("r") {
                    guard let parsed = CellReference(reference) else {
                        throw WorkbookImportError(sheet: name, cell: reference, chinese: "单元格地址“\(reference)”无法识别",
                                                  english: "the cell reference “\(reference)” is not understood")
                    }
                    column = parsed.column
                    rowNumber = parsed.row
                } else {
                    column += 1
                }
                let place = CellReference.name(row: rowNumber, column: column)
                let style: CellStyle = cell.attribute("s").flatMap(Int.init).map(percentStyles.contains) == true ? .percent : .general
                let raw = cell.child("v", in: main)?.text
                let value: CellValue
                switch cell.attribute("t") ?? "n" {
                case "s":
                    guard let index = raw.flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }), strings.indices.contains(index) else {
                        throw WorkbookImportError(sheet: name, cell: place, chinese: "共享字符串的编号无效", english: "invalid shared-string index")
                    }
                    value = .text(strings[index])
                case "inlineStr":
                    value = cell.child("is", in: main).map { .text(stringItem($0)) } ?? .empty
                case "str", "e":
                    value = raw.map { .text(OOXMLEscape.decode($0)) } ?? .empty
                case "b":
                    value = .text(raw == "1" ? "TRUE" : "FALSE")
                default:
                    guard let raw, !raw.isEmpty else { value = .empty; break }
                    guard let digits = DecimalText.plain(raw) else {
                        throw WorkbookImportError(sheet: name, cell: place, chinese: "数字“\(raw)”无法识别",
                                                  english: "the number “\(raw)” is not understood")
                    }
                    value = .number(digits)
                }
                sheet[rowNumber, column] = Cell(value, style)
            }
        }
        for merge in root.child("mergeCells", in: main)?.children("mergeCell", in: main) ?? [] {
            guard let reference = merge.attribute("ref"), let range = CellRange(reference: reference) else {
                throw WorkbookImportError(sheet: name, chinese: "合并单元格的范围无法识别", english: "a merged range is not understood")
            }
            sheet.merges.append(range)
        }
        return sheet
    }
}

/// Decimal numbers as text, so that a figure goes from the document to the file and back
/// without binary floating point: `1.5E-2` → `0.015`, `30` ÷ 100 → `0.30`.
enum DecimalText {
    /// A spreadsheet number (`130.97`, `-5`, `1.2E+3`) in plain digits, or `nil`.
    static func plain(_ raw: String) -> String? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "E" || $0 == "e" }) {
            guard let value = Int(text[text.index(after: e)...].replacingOccurrences(of: "+", with: "")) else { return nil }
            exponent = value
            mantissa = text[..<e]
        }
        var negative = false
        if mantissa.first == "-" { negative = true; mantissa = mantissa.dropFirst() } else if mantissa.first == "+" { mantissa = mantissa.dropFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(pieces.count), !(pieces[0].isEmpty && (pieces.count == 1 || pieces[1].isEmpty)),
              pieces.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return nil }
        let digits = String(pieces[0]) + (pieces.count == 2 ? String(pieces[1]) : "")
        let decimals = (pieces.count == 2 ? pieces[1].count : 0) - exponent
        return shifted(digits: digits, decimals: decimals, negative: negative)
    }

    /// `value` × 10^`power` (power may be negative), keeping every digit: `30`, -2 → `0.30`.
    static func scaled(_ value: String, by power: Int) -> String {
        var text = Substring(value)
        let negative = text.first == "-"
        if negative { text = text.dropFirst() }
        let pieces = text.split(separator: ".", omittingEmptySubsequences: false)
        let digits = String(pieces[0]) + (pieces.count == 2 ? String(pieces[1]) : "")
        let decimals = (pieces.count == 2 ? pieces[1].count : 0) - power
        return shifted(digits: digits, decimals: decimals, negative: negative)
    }

    /// The digits with `decimals` of them after the point (negative: zeros appended).
    static func shifted(digits: String, decimals: Int, negative: Bool) -> String {
        var digits = digits
        var decimals = decimals
        if decimals < 0 { digits += String(repeating: "0", count: -decimals); decimals = 0 }
        if digits.count <= decimals { digits = String(repeating: "0", count: decimals - digits.count + 1) + digits }
        var integer = String(digits.dropLast(decimals))
        while integer.count > 1, integer.first == "0" { integer.removeFirst() }
        let fraction = String(digits.suffix(decimals))
        let body = fraction.isEmpty ? integer : integer + "." + fraction
        let isZero = !body.contains { $0 != "0" && $0 != "." }
        return (negative && !isZero ? "-" : "") + body
    }
}
