import Foundation

/// Writes a `Workbook` as the parts of a SpreadsheetML package (ECMA-376): the workbook,
/// one worksheet per sheet, shared strings and a fixed style sheet. Every text is a shared
/// string (`t="s"`), so no reader takes `030101` for a number or `=32人` for a formula; numbers
/// are written in their decimal digits; no cell has a formula.
enum SpreadsheetMLWriter {
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    static let packageRelationshipNamespace = "http://schemas.openxmlformats.org/package/2006/relationships"

    /// The package's parts, by path inside the ZIP, in the order they are stored.
    static func parts(_ workbook: Workbook) -> [(path: String, data: Data)] {
        var strings = SharedStrings()
        var result: [(String, Data)] = []
        var sheets: [(String, Data)] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            sheets.append(("xl/worksheets/sheet\(index + 1).xml", Data(worksheet(sheet, strings: &strings).utf8)))
        }
        result.append(("[Content_Types].xml", Data(contentTypes(sheetCount: workbook.sheets.count).utf8)))
        result.append(("_rels/.rels", Data(rootRelationships.utf8)))
        result.append(("xl/workbook.xml", Data(workbookPart(workbook).utf8)))
        result.append(("xl/_rels/workbook.xml.rels", Data(workbookRelationships(sheetCount: workbook.sheets.count).utf8)))
        result.append(("xl/styles.xml", Data(styles.utf8)))
        result.append(("xl/sharedStrings.xml", Data(strings.part.utf8)))
        result += sheets
        return result
    }

    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"

    static func contentTypes(sheetCount: Int) -> String {
        var out = declaration
        out += "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        out += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        out += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        out += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
        out += "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
        out += "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
        for index in 0..<sheetCount {
            out += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return out + "</Types>"
    }

    static let rootRelationships = declaration
        + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
        + "</Relationships>"

    static func workbookRelationships(sheetCount: Int) -> String {
        var out = declaration + "<Relationships xmlns=\"\(packageRelationshipNamespace)\">"
        for index in 0..<sheetCount {
            out += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        out += "<Relationship Id=\"rId\(sheetCount + 1)\" Type=\"\(relationshipNamespace)/styles\" Target=\"styles.xml\"/>"
        out += "<Relationship Id=\"rId\(sheetCount + 2)\" Type=\"\(relationshipNamespace)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        return out + "</Relationships>"
    }

    static func workbookPart(_ workbook: Workbook) -> String {
        var out = declaration + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        out += "<bookViews><workbookView/></bookViews><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            out += "<sheet name=\"\(escapeAttribute(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        out += "</sheets>"
        var names: [String] = []
        for (index, sheet) in workbook.sheets.enumerated() {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            if let filter = sheet.autoFilter {
                let absolute = "$\(CellReference.columnName(filter.left))$\(filter.top):$\(CellReference.columnName(filter.right))$\(filter.bottom)"
                names.append("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(escapeText(quoted + "!" + absolute))</definedName>")
            }
            if let titles = sheet.printTitleRows {
                names.append("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(escapeText("\(quoted)!$\(titles.lowerBound):$\(titles.upperBound)"))</definedName>")
            }
        }
        if !names.isEmpty { out += "<definedNames>" + names.joined() + "</definedNames>" }
        return out + "</workbook>"
    }

    /// The worksheet, its elements in the order the schema fixes (Excel refuses another order).
    static func worksheet(_ sheet: Sheet, strings: inout SharedStrings) -> String {
        var out = declaration
        out.reserveCapacity(4096 + sheet.rows.count * 600)
        out += "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        out += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>"
        let lastRow = max(1, sheet.lastRow)
        let lastColumn = max(1, sheet.lastColumn)
        out += "<dimension ref=\"A1:\(CellReference.name(row: lastRow, column: lastColumn))\"/>"
        out += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            let topLeft = CellReference.name(row: sheet.frozenRows + 1, column: 1)
            out += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"\(topLeft)\" activePane=\"bottomLeft\" state=\"frozen\"/>"
            out += "<selection pane=\"bottomLeft\" activeCell=\"\(topLeft)\" sqref=\"\(topLeft)\"/>"
        }
        out += "</sheetView></sheetViews>"
        out += "<sheetFormatPr defaultRowHeight=\"14.25\"/>"
        if !sheet.columnWidths.isEmpty {
            out += "<cols>"
            for (column, width) in sheet.columnWidths.sorted(by: { $0.key < $1.key }) {
                out += "<col min=\"\(column)\" max=\"\(column)\" width=\"\(number(width))\" customWidth=\"1\"/>"
            }
            out += "</cols>"
        }
        out += "<sheetData>"
        for (row, cells) in sheet.rows.sorted(by: { $0.key < $1.key }) {
            out += "<row r=\"\(row)\""
            if let height = sheet.rowHeights[row] { out += " ht=\"\(number(height))\" customHeight=\"1\"" }
            out += ">"
            for (column, cell) in cells.sorted(by: { $0.key < $1.key }) {
                out += "<c r=\"\(CellReference.name(row: row, column: column))\""
                if cell.style != .general { out += " s=\"\(cell.style.rawValue)\"" }
                switch cell.value {
                case .empty: out += "/>"
                case .text(let text): out += " t=\"s\"><v>\(strings.index(of: text))</v></c>"
                case .number(let digits): out += "><v>\(digits)</v></c>"
                }
            }
            out += "</row>"
        }
        out += "</sheetData>"
        if let filter = sheet.autoFilter { out += "<autoFilter ref=\"\(filter.reference)\"/>" }
        if !sheet.merges.isEmpty {
            out += "<mergeCells count=\"\(sheet.merges.count)\">"
            for range in sheet.merges { out += "<mergeCell ref=\"\(range.reference)\"/>" }
            out += "</mergeCells>"
        }
        out += "<printOptions horizontalCentered=\"1\"/>"
        out += "<pageMargins left=\"0.5\" right=\"0.5\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>"
        out += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        out += "<headerFooter><oddFooter>&amp;C&amp;P / &amp;N</oddFooter></headerFooter>"
        return out + "</worksheet>"
    }

    /// The fixed style sheet: one `cellXfs` entry per `CellStyle`, in its order. Fonts name 宋体
    /// (with its GB2312 charset) so that Excel and WPS pick a CJK font for Chinese text.
    static let styles: String = {
        let thin = 1
        // (numFmtId, fontId, fillId, borderId, horizontal, wrap)
        let entries: [CellStyle: (Int, Int, Int, Int, String?, Bool)] = [
            .general: (0, 0, 0, 0, nil, false),
            .title: (49, 2, 0, 0, "center", true),
            .captionLeft: (49, 0, 0, 0, "left", false),
            .captionRight: (49, 0, 0, 0, "right", false),
            .label: (49, 1, 0, thin, "center", true),
            .text: (49, 0, 0, thin, "left", true),
            .centeredText: (49, 0, 0, thin, "center", true),
            .amount: (2, 0, 0, thin, "center", false),
            .percent: (10, 0, 0, thin, "center", false),
            .integer: (1, 0, 0, thin, "left", false),
            .header: (49, 1, 2, thin, "center", true),
            .plainText: (49, 0, 0, 0, nil, false),
            .plainNumber: (0, 0, 0, 0, nil, false),
        ]
        var out = declaration + "<styleSheet xmlns=\"\(mainNamespace)\">"
        out += "<fonts count=\"3\">"
        out += "<font><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        out += "<font><b/><sz val=\"11\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        out += "<font><b/><sz val=\"16\"/><name val=\"宋体\"/><family val=\"3\"/><charset val=\"134\"/></font>"
        out += "</fonts>"
        out += "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
        out += "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7E6E6\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
        out += "<borders count=\"2\"><border><left/><right/><top/><bottom/><diagonal/></border>"
        out += "<border><left style=\"thin\"><color auto=\"1\"/></left><right style=\"thin\"><color auto=\"1\"/></right>"
        out += "<top style=\"thin\"><color auto=\"1\"/></top><bottom style=\"thin\"><color auto=\"1\"/></bottom><diagonal/></border></borders>"
        out += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        out += "<cellXfs count=\"\(CellStyle.allCases.count)\">"
        for style in CellStyle.allCases {
            let (format, font, fill, border, horizontal, wrap) = entries[style]!
            out += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            if format != 0 { out += " applyNumberFormat=\"1\"" }
            if font != 0 { out += " applyFont=\"1\"" }
            if fill != 0 { out += " applyFill=\"1\"" }
            if border != 0 { out += " applyBorder=\"1\"" }
            if horizontal != nil || wrap {
                out += " applyAlignment=\"1\"><alignment"
                if let horizontal { out += " horizontal=\"\(horizontal)\"" }
                out += " vertical=\"center\"" + (wrap ? " wrapText=\"1\"" : "") + "/></xf>"
            } else {
                out += "/>"
            }
        }
        out += "</cellXfs>"
        out += "<cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return out + "</styleSheet>"
    }()

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.2f", value)
    }

    /// Text for element content: XML's own escapes, and OOXML's `_xHHHH_` for the control
    /// characters XML 1.0 cannot hold (and for a carriage return, which XML reads as a line feed).
    /// An underscore that would read as such an escape is itself escaped (`_x005F_`).
    static func escapeText(_ text: String) -> String {
        var needsWork = false
        for scalar in text.unicodeScalars where scalar == "&" || scalar == "<" || scalar == ">" || scalar == "_"
            || (scalar.value < 0x20 && scalar != "\n" && scalar != "\t") {
            needsWork = true
            break
        }
        guard needsWork else { return text }
        var out = ""
        let scalars = Array(text.unicodeScalars)
        for (index, scalar) in scalars.enumerated() {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "_" where OOXMLEscape.startsEscape(scalars, at: index): out += "_x005F_"
            default:
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                    out += "_x" + String(format: "%04X", scalar.value) + "_"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    static func escapeAttribute(_ text: String) -> String {
        escapeText(text).replacingOccurrences(of: "\"", with: "&quot;")
    }
}

/// OOXML's `_xHHHH_` escape of characters in strings (ECMA-376 Part 1, 22.9.2.19).
enum OOXMLEscape {
    /// Whether `_xHHHH_` (four hex digits) starts at `index`.
    static func startsEscape(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
        guard index + 6 < scalars.count, scalars[index] == "_", scalars[index + 1] == "x", scalars[index + 6] == "_" else {
            return false
        }
        return scalars[(index + 2)...(index + 5)].allSatisfy { $0.properties.isASCIIHexDigit }
    }

    /// Undoes the escape: `_x000D_` → carriage return, `_x005F_` → `_`.
    static func decode(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if startsEscape(scalars, at: index),
               let value = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)...(index + 5)])), radix: 16),
               let scalar = Unicode.Scalar(value) {
                out.append(scalar)
                index += 7
            } else {
                out.append(scalars[index])
                index += 1
            }
        }
        return String(out)
    }
}

/// The shared-string table: each distinct text once, cells refer to it by index.
struct SharedStrings {
    private var indexes: [String: Int] = [:]
    private var texts: [String] = []
    private var references = 0

    mutating func index(of text: String) -> Int {
        references += 1
        if let index = indexes[text] { return index }
        let index = texts.count
        indexes[text] = index
        texts.append(text)
        return index
    }

    var part: String {
        var out = SpreadsheetMLWriter.declaration
        out.reserveCapacity(texts.reduce(200) { $0 + $1.utf8.count + 40 })
        out += "<sst xmlns=\"\(SpreadsheetMLWriter.mainNamespace)\" count=\"\(references)\" uniqueCount=\"\(texts.count)\">"
        for text in texts {
            out += "<si><t xml:space=\"preserve\">\(SpreadsheetMLWriter.escapeText(text))</t></si>"
        }
        return out + "</sst>"
    }
}
