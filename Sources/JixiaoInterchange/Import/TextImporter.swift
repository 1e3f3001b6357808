import Foundation
import JixiaoModel

/// Options of one import.
public struct ImportOptions: Sendable, Hashable {
    /// The budget year (`--year`); when set it wins over the year found in the text.
    public var fiscalYear: Int?

    public init(fiscalYear: Int? = nil) {
        self.fiscalYear = fiscalYear
    }
}

/// One imported file: the department document and the report on how it was read.
public struct ImportResult: Sendable {
    public var document: DepartmentDocument
    public var report: ImportReport
}

/// Imports the plain-text forms in which department performance texts circulate: tables with
/// one tab-indented cell per line, text extracted from PDF, and the performance part of a wider
/// budget disclosure (部门预算公开说明). Pure: bytes in, a document and a report out.
///
/// Stages: `SourceText` decodes and refuses non-text; `SourceLine` removes extraction leftovers
/// and keeps line numbers; `DocumentScanner` finds the sections; `DepartmentPartParser` reads
/// part 1; a layout reader and `ProjectTableParser` read each project table.
public enum TextImporter {
    public static func importDocument(_ data: Data, fileName: String,
                                      options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        let decoded = try SourceText.decode(data)
        var result = try importDocument(text: decoded.text, fileName: fileName, options: options)
        result.report.encoding = decoded.encoding
        return result
    }

    public static func importDocument(text: String, fileName: String,
                                      options: ImportOptions = ImportOptions()) throws(ImportError) -> ImportResult {
        let lines = SourceLine.read(text)
        guard lines.contains(where: { !$0.isBlank }) else {
            throw ImportError(.empty, line: max(1, lines.count), chinese: "文件只有空白，没有内容",
                              english: "the file holds only white space")
        }
        let scanner = DocumentScanner(lines: lines)
        var notices: [ImportReport.Notice] = []
        var partOne = DepartmentPartParser()
        var overall: [TextItem] = []
        var subGoals: [SubGoal] = []
        var safeguards: [TextItem] = []
        var projects: [Project] = []
        var summaries: [ImportReport.ProjectSummary] = []
        var layouts: Set<SourceLayout> = []
        var unit: (code: String, name: String, line: Int)?
        var money: (unit: MoneyUnit, line: Int)?
        var repeatedHeaders: [Int] = []
        let lastContentLine = lines.last(where: { !$0.isBlank && !$0.isLeftover })?.number ?? lines.count

        for region in scanner.regions {
            let regionLines = region.lines.map { lines[$0] }
            switch region.section {
            case .overallGoals: overall += partOne.paragraphs(regionLines)
            case .subGoals: subGoals += partOne.subGoals(regionLines)
            case .safeguards: safeguards += partOne.paragraphs(regionLines)
            case .table(let titleIndex):
                let table = try TableImport.read(title: lines[titleIndex], lines: regionLines, lastContentLine: lastContentLine)
                layouts.insert(table.layout)
                notices += table.notices
                repeatedHeaders += table.repeatedHeaderLines
                notices += consistency(of: table, unit: &unit, money: &money)
                summaries.append(.init(line: table.titleLine, code: table.project.code, name: table.project.name,
                                       indicatorCount: table.project.indicators.count))
                projects.append(table.project)
            }
        }
        notices += partOne.notices
        notices += lines.compactMap(\.removedControlsNotice)

        guard !projects.isEmpty else {
            throw ImportError(.noPerformanceTables, line: lastContentLine,
                              chinese: "读到第 \(lastContentLine) 行也没有找到项目绩效目标表（标题以“绩效目标表”结尾、后面跟着表格）",
                              english: "no project performance table (a title ending in 绩效目标表 followed by a table) up to line \(lastContentLine)")
        }

        let found = fiscalYear(in: lines)
        let year: Int
        var yearLine: Int?
        if let requested = options.fiscalYear {
            year = requested
            if let found, found.year != requested {
                notices.append(.init(line: found.line, kind: .warning,
                                     chinese: "正文写的是 \(found.year) 年，按 --year 使用 \(requested) 年",
                                     english: "the text says \(found.year); using \(requested) from --year"))
            }
        } else if let found {
            year = found.year
            yearLine = found.line
        } else {
            throw ImportError(.noFiscalYear, line: 1,
                              chinese: "正文中没有预算年度（如“2023年部门预算”），请用 --year 指定",
                              english: "the text names no budget year (such as 2023年部门预算); give it with --year")
        }

        let unitCode = unit?.code ?? ""
        let unitName = unit?.name ?? ""
        let levelOnes = Set(projects.flatMap { $0.indicators.map(\.level1) })
        var document = DepartmentDocument(fiscalYear: year, unitCode: unitCode, unitName: unitName,
                                          moneyUnit: money?.unit ?? .tenThousandYuan,
                                          framework: levelOnes.contains("成本指标") ? .guidance2021 : .legacy,
                                          overallGoals: overall, subGoals: subGoals, safeguards: safeguards,
                                          projects: projects)
        if money == nil {
            notices.append(.init(line: projects.isEmpty ? 1 : summaries[0].line, kind: .warning,
                                 chinese: "没有找到金额单位，按万元处理", english: "no money unit found; taken as 万元"))
            document.moneyUnit = .tenThousandYuan
        }

        var skipped = scanner.skipped
        skipped += repeatedHeaders.map { (index: $0 - 1, reason: ImportReport.SkipReason.repeatedHeader) }
        let report = ImportReport(
            fileName: fileName,
            layout: layouts.count == 1 ? layouts.first! : .mixed,
            fiscalYear: year, fiscalYearLine: yearLine,
            unitCode: unitCode, unitName: unitName, moneyUnit: document.moneyUnit.rawValue,
            projects: summaries,
            skipped: ranges(skipped, lines: lines),
            notices: notices.sorted { $0.line < $1.line })
        return ImportResult(document: document, report: report)
    }

    /// Takes the first table's unit and money unit for the document; a table that names others
    /// is imported all the same, with a warning (the model has one unit per document).
    static func consistency(of table: TableImport, unit: inout (code: String, name: String, line: Int)?,
                            money: inout (unit: MoneyUnit, line: Int)?) -> [ImportReport.Notice] {
        var notices: [ImportReport.Notice] = []
        let header = table.header
        if let code = header.unitCode, let name = header.unitName {
            if let first = unit {
                if first.code != code {
                    notices.append(.init(line: header.unitLine ?? table.titleLine, kind: .warning,
                                         chinese: "这张表属于单位 \(code) \(name)，已并入 \(first.code) \(first.name)",
                                         english: "this table belongs to unit \(code) \(name); imported into \(first.code) \(first.name)"))
                }
            } else {
                unit = (code, name, header.unitLine ?? table.titleLine)
            }
        } else {
            notices.append(.init(line: table.titleLine, kind: .warning, chinese: "这张表没有单位编码和名称",
                                 english: "this table has no unit code and name"))
        }
        if let tableMoney = header.moneyUnit {
            if let first = money, first.unit != tableMoney {
                notices.append(.init(line: header.moneyUnitLine ?? table.titleLine, kind: .warning,
                                     chinese: "这张表的金额单位是\(tableMoney.rawValue)，与第 \(first.line) 行的\(first.unit.rawValue)不同，金额未换算",
                                     english: "this table is in \(tableMoney.rawValue), unlike line \(first.line) (\(first.unit.rawValue)); amounts are not converted"))
            } else if money == nil {
                money = (tableMoney, header.moneyUnitLine ?? table.titleLine)
            }
        }
        return notices
    }

    /// The project name a title gives: `1.春节慰问金绩效目标表` → `春节慰问金`.
    static func titleName(_ title: String) -> String {
        var name = Numbering.split(title)?.rest ?? title
        if name.hasSuffix("绩效目标表") { name.removeLast("绩效目标表".count) }
        return name.trimmedLayout
    }

    /// Fills blank level-1 and level-2 cells ("same as above") and builds the rows.
    static func indicatorRows(_ raw: [RawIndicatorRow], notices: inout [ImportReport.Notice]) -> [IndicatorRow] {
        var rows: [IndicatorRow] = []
        var above1 = ""
        var above2 = ""
        for (index, row) in raw.enumerated() {
            var level1 = row.cells[0]
            var level2 = row.cells[1]
            if level2.isEmpty && (level1.isEmpty || level1 == above1) {
                level2 = above2
            }
            if level1.isEmpty {
                if let family = IndicatorLevels.family(ofLevel2: level2), !above1.isEmpty || index == 0,
                   !IndicatorLevels.sameFamily(above1, family) && !(above1 == "成本指标" && family == "成本指标") {
                    // "Same as above" would file this level 2 under another level 1: take the level 1
                    // written further down for this family, or the family's own name.
                    let below = raw[(index + 1)...].lazy.map { $0.cells[0] }.first { IndicatorLevels.sameFamily($0, family) }
                    level1 = below ?? family
                    if !above1.isEmpty {
                        notices.append(.init(line: row.line, kind: .warning,
                                             chinese: "一级指标空白，按二级指标“\(level2)”归入“\(level1)”",
                                             english: "blank level 1; filed under \(level1) by its level 2 \(level2)"))
                    }
                } else {
                    level1 = above1
                }
            }
            if !level1.isEmpty && !IndicatorLevels.knownLevel1.contains(level1) {
                notices.append(.init(line: row.line, kind: .warning,
                                     chinese: "一级指标“\(level1)”不是常见的一级指标，请核对这一行",
                                     english: "level 1 “\(level1)” is not a known level 1; check this row"))
            }
            rows.append(IndicatorRow(level1: level1, level2: level2, name: row.cells[2], description: row.cells[3],
                                     value: row.cells[4], basis: row.cells[5]))
            above1 = level1
            above2 = level2
        }
        return rows
    }

    /// `2023年部门预算`, `2024年度部门预算公开说明`: the first year named with 预算.
    static func fiscalYear(in lines: [SourceLine]) -> (year: Int, line: Int)? {
        for line in lines where !line.isTabbed {
            let chars = Array(line.text.removingWhitespace)
            var i = 4
            while i < chars.count {
                defer { i += 1 }
                guard chars[i] == "年" else { continue }
                let digits = String(chars[(i - 4)..<i])
                guard digits.allSatisfy(\.isASCIIDigit), let year = Int(digits), (1990...2100).contains(year) else { continue }
                if i >= 5, chars[i - 5].isASCIIDigit { continue }
                var j = i + 1
                if j < chars.count, chars[j] == "度" { j += 1 }
                let following = String(chars[j..<min(chars.count, j + 8)])
                if following.hasPrefix("预算") || following.hasPrefix("部门预算") || following.hasPrefix("部门整体预算")
                    || following.hasPrefix("部门预算绩效") {
                    return (year, line.number)
                }
            }
        }
        return nil
    }

    /// Consecutive skipped lines with one reason (blank lines between them included), as ranges.
    static func ranges(_ skipped: [(index: Int, reason: ImportReport.SkipReason)],
                       lines: [SourceLine]) -> [ImportReport.Skipped] {
        var result: [ImportReport.Skipped] = []
        for (index, reason) in skipped.sorted(by: { $0.index < $1.index }) {
            let number = lines[index].number
            if let last = result.last, last.reason == reason,
               lines[(last.lines.upperBound)..<(number - 1)].allSatisfy(\.isBlank) {
                // `SourceLine.number` is its index + 1, so lines[n] is the line after line n.
                result[result.count - 1].lines = last.lines.lowerBound...number
            } else {
                result.append(.init(lines: number...number, reason: reason, excerpt: String(lines[index].trimmed.prefix(40))))
            }
        }
        return result
    }
}
