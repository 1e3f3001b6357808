/// Splits a file's lines into the parts of a department performance text: the three sections
/// of part 1, one region per project table, and everything else (cover, table of contents,
/// disclosure chapters around the performance part), which is skipped and reported.
struct DocumentScanner {
    enum Section: Sendable, Equatable {
        case overallGoals, subGoals, safeguards
        case table(title: Int)
    }

    /// A run of lines (indices into `lines`) that belongs to one section.
    struct Region: Sendable {
        var section: Section
        var lines: [Int]
    }

    let lines: [SourceLine]
    private(set) var regions: [Region] = []
    private(set) var skipped: [(index: Int, reason: ImportReport.SkipReason)] = []

    init(lines: [SourceLine]) {
        self.lines = lines
        scan()
    }

    private mutating func scan() {
        var current: Region?
        func close(_ current: inout Region?, into regions: inout [Region]) {
            if let region = current { regions.append(region) }
            current = nil
        }
        for index in lines.indices {
            let line = lines[index]
            if line.isLeftover { skipped.append((index, .extractionLeftover)); continue }
            if line.isBlank {
                current?.lines.append(index)
                continue
            }
            let inTable: Bool = if case .table = current?.section { true } else { false }
            if line.isTabbed && inTable {
                current?.lines.append(index)
                continue
            }
            let text = line.trimmed
            if !line.isTabbed {
                if text.labelKey == "目录" {
                    close(&current, into: &regions)
                    skipped.append((index, .tableOfContents))
                    continue
                }
                if !inTable && Self.isContentsEntry(line.text) {
                    skipped.append((index, .tableOfContents))
                    continue
                }
                if let section = Self.partOneSection(text) {
                    close(&current, into: &regions)
                    current = Region(section: section, lines: [])
                    skipped.append((index, .heading))
                    continue
                }
                if isTableTitle(at: index) {
                    close(&current, into: &regions)
                    current = Region(section: .table(title: index), lines: [])
                    continue
                }
                if Self.isPartHeading(text) || Self.isStopHeading(text, inSection: current != nil) {
                    close(&current, into: &regions)
                    skipped.append((index, .heading))
                    continue
                }
            }
            if current != nil {
                current?.lines.append(index)
            } else {
                skipped.append((index, .outsidePerformancePart))
            }
        }
        close(&current, into: &regions)
    }

    /// `一、总体绩效目标`, `（二）分项绩效目标`, `三、工作保障措施`, with or without numbering.
    static func partOneSection(_ text: String) -> Section? {
        guard text.count <= 24 else { return nil }
        var rest = text
        if let (_, after) = Numbering.split(text) { rest = after }
        var key = rest.labelKey
        while key.hasSuffix("：") { key.removeLast() }
        switch key {
        case "总体绩效目标", "部门总体绩效目标", "整体绩效目标", "年度总体绩效目标": return .overallGoals
        case "分项绩效目标", "部门分项绩效目标": return .subGoals
        case "工作保障措施", "保障措施", "主要保障措施": return .safeguards
        default: return nil
        }
    }

    /// The headings of the two parts, which carry no content of their own.
    static func isPartHeading(_ text: String) -> Bool {
        let key = text.labelKey
        if key.hasPrefix("第"), let (number, _) = Numbering.split(key), number.hasSuffix("部分") { return true }
        return ["部门整体绩效目标", "预算项目绩效目标", "项目绩效目标", "部门预算项目绩效目标"].contains(key)
    }

    /// Headings of a wider budget disclosure that end the performance part's current section.
    static func isStopHeading(_ text: String, inSection: Bool) -> Bool {
        let key = text.labelKey
        if key.hasPrefix("附件") || key.hasPrefix("附表") || key.contains("名词解释") { return true }
        guard let (number, rest) = Numbering.split(text), number.hasSuffix("、"),
              number.first?.isChineseNumeral == true, rest.count <= 30,
              !rest.contains(where: { "。；，".contains($0) }) else { return false }
        if !inSection { return true }
        let disclosureWords = ["职责", "机构", "收支", "收入", "支出", "三公", "运行经费", "采购", "资产", "名词", "重要事项",
                               "预算情况", "决算", "概况", "公开"]
        return disclosureWords.contains { rest.contains($0) }
    }

    /// `一、总体绩效目标\t1`, `1.春节慰问金绩效目标表……6`: a contents entry with its page.
    static func isContentsEntry(_ text: String) -> Bool {
        let body = text.trimmedLayout
        guard let last = body.last, last.isASCIIDigit else { return false }
        var index = body.endIndex
        while index > body.startIndex, body[body.index(before: index)].isASCIIDigit { index = body.index(before: index) }
        let head = body[..<index]
        guard let separator = head.last, separator == "\t" || separator == " " || ".…·．".contains(separator) else {
            return false
        }
        let title = head.trimmingSeparators
        guard !title.isEmpty else { return false }
        // A single space before the page number counts only after a dot leader.
        let beforeSpaces = head.reversed().drop { $0 == " " }.first
        if separator == " " && !head.hasSuffix("  ") && !(beforeSpaces.map { ".…·．".contains($0) } ?? false) {
            return false
        }
        return title.contains("绩效目标") || title.contains("部分") || title.contains("措施") || title.hasSuffix("目标表")
    }

    /// A line ending in `绩效目标表` that is followed by a table.
    func isTableTitle(at index: Int) -> Bool {
        let text = lines[index].trimmed
        guard text.count <= 120, text.labelKey.hasSuffix("绩效目标表") else { return false }
        var next = index + 1
        while next < lines.count, lines[next].isBlank || lines[next].isLeftover { next += 1 }
        guard next < lines.count else { return false }
        let following = lines[next]
        if following.isTabbed { return true }
        let key = following.trimmed.labelKey
        if key.contains("单位：") || key.hasPrefix("项目编码") { return true }
        return ProjectTableParser.unit(following.trimmed) != nil
    }
}

private extension Substring {
    var trimmingSeparators: String {
        var s = self
        while let last = s.last, last == "\t" || last == " " || ".…·．".contains(last) { s = s.dropLast() }
        return String(s).trimmedLayout
    }
}
