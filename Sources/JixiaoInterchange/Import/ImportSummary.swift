/// The per-file summary `jixiao import` prints, in Chinese or English: unit, year, money unit,
/// each project with its line, then every skipped or not-understood line with its number.
/// (File names and excerpts may hold anything: the command prints this through `InertText`.)
public enum ImportSummary {
    public enum Language: Sendable, Hashable {
        case chinese, english
    }

    public static func text(_ report: ImportReport, language: Language = .chinese) -> String {
        let zh = language == .chinese
        var lines: [String] = []
        let year: String = switch (report.fiscalYearLine, zh) {
        case (let line?, true): "\(report.fiscalYear)年（第 \(line) 行）"
        case (let line?, false): "\(report.fiscalYear) (line \(line))"
        case (nil, true): "\(report.fiscalYear)年（--year）"
        case (nil, false): "\(report.fiscalYear) (--year)"
        }
        // The encoding is named when it is not UTF-8, so a GB18030 file read as such is visible.
        let encoding = report.encoding == .utf8 ? "" : (zh ? " · 编码：" : " · encoding ") + report.encoding.rawValue
        lines.append("\(report.fileName): \(report.unitCode) \(report.unitName) · \(year) · "
                     + (zh ? "单位：\(report.moneyUnit)" : "money unit \(report.moneyUnit)") + encoding)
        lines.append(zh
            ? "  \(report.projects.count) 个项目，\(report.indicatorCount) 个指标 · 版式：\(layoutName(report.layout, zh))"
            : "  \(count(report.projects.count, "project")), \(count(report.indicatorCount, "indicator")) · layout: \(layoutName(report.layout, zh))")
        for project in report.projects {
            lines.append(zh
                ? "    第 \(project.line) 行：\(project.code) \(project.name)，\(project.indicatorCount) 个指标"
                : "    line \(project.line): \(project.code) \(project.name), \(count(project.indicatorCount, "indicator"))")
        }
        if !report.skipped.isEmpty {
            lines.append(zh ? "  跳过：" : "  skipped:")
            for skip in report.skipped {
                let reason = zh ? skip.reason.chineseName : skip.reason.englishName
                lines.append("    \(lineRange(skip.lines, zh))\(zh ? "：" : ": ")\(reason) — \(skip.excerpt)")
            }
        }
        for (title, notices) in [(zh ? "  未识别：" : "  not understood:", report.notUnderstood),
                                 (zh ? "  提醒：" : "  warnings:", report.warnings)] where !notices.isEmpty {
            lines.append(title)
            for notice in notices {
                lines.append("    \(lineRange(notice.line...notice.line, zh))\(zh ? "：" : ": ")\(zh ? notice.chinese : notice.english)")
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func text(_ error: ImportError, fileName: String, language: Language = .chinese) -> String {
        language == .chinese
            ? "\(fileName): 第 \(error.line) 行：\(error.chinese)，未导入"
            : "\(fileName): line \(error.line): \(error.english); not imported"
    }

    static func lineRange(_ range: ClosedRange<Int>, _ zh: Bool) -> String {
        switch (range.count == 1, zh) {
        case (true, true): "第 \(range.lowerBound) 行"
        case (true, false): "line \(range.lowerBound)"
        case (false, true): "第 \(range.lowerBound)–\(range.upperBound) 行"
        case (false, false): "lines \(range.lowerBound)–\(range.upperBound)"
        }
    }

    static func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }

    static func layoutName(_ layout: SourceLayout, _ zh: Bool) -> String {
        switch layout {
        case .tabbedCells: zh ? "制表符分隔" : "tabbed cells"
        case .pdfText: zh ? "PDF 文本" : "PDF text"
        case .mixed: zh ? "混合" : "mixed"
        }
    }
}
