/// The per-file summary `jixiao import` prints: Chinese first, English after, every skipped or
/// not-understood line with its number.
public enum ImportSummary {
    public static func text(_ report: ImportReport) -> String {
        var lines: [String] = []
        let year = report.fiscalYearLine.map { "\(report.fiscalYear)年（第 \($0) 行 line \($0)）" } ?? "\(report.fiscalYear)年（--year）"
        lines.append("\(report.fileName): \(report.unitCode) \(report.unitName) · \(year) · 单位：\(report.moneyUnit)")
        lines.append("  \(report.projects.count) 个项目 projects · \(report.indicatorCount) 个指标 indicators · "
                     + "版式 layout: \(layoutName(report.layout))")
        for project in report.projects {
            lines.append("    第 \(project.line) 行 line \(project.line): \(project.code) \(project.name) — "
                         + "\(project.indicatorCount) 个指标 indicators")
        }
        if !report.skipped.isEmpty {
            lines.append("  跳过 skipped:")
            for skip in report.skipped {
                lines.append("    \(lineRange(skip.lines)): \(skip.reason.chineseName) \(skip.reason.englishName) — \(skip.excerpt)")
            }
        }
        let notUnderstood = report.notUnderstood
        if !notUnderstood.isEmpty {
            lines.append("  未识别 not understood:")
            for notice in notUnderstood {
                lines.append("    第 \(notice.line) 行 line \(notice.line): \(notice.chinese) (\(notice.english))")
            }
        }
        let warnings = report.warnings
        if !warnings.isEmpty {
            lines.append("  提醒 warnings:")
            for notice in warnings {
                lines.append("    第 \(notice.line) 行 line \(notice.line): \(notice.chinese) (\(notice.english))")
            }
        }
        return lines.joined(separator: "\n")
    }

    public static func text(_ error: ImportError, fileName: String) -> String {
        "\(fileName): 第 \(error.line) 行 line \(error.line): \(error.chinese) (\(error.english)) — 未导入 not imported"
    }

    static func lineRange(_ range: ClosedRange<Int>) -> String {
        range.count == 1
            ? "第 \(range.lowerBound) 行 line \(range.lowerBound)"
            : "第 \(range.lowerBound)–\(range.upperBound) 行 lines \(range.lowerBound)–\(range.upperBound)"
    }

    static func layoutName(_ layout: SourceLayout) -> String {
        switch layout {
        case .tabbedCells: "制表符分隔 tabbed cells"
        case .pdfText: "PDF 文本 PDF text"
        case .mixed: "混合 mixed"
        }
    }
}
