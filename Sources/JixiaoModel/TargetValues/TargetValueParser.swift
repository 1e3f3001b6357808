import Foundation

/// Reads the meaning out of a 指标值 text. Lenient by design: white space anywhere, full-width
/// digits and symbols, operator words (不低于, 以内 …) are all accepted, and whatever does not fit
/// becomes `.notUnderstood` with the reason, never an error.
enum TargetValueParser {
    static func parse(_ text: String) -> TargetValue.Meaning {
        // Most values have nothing to trim; Foundation's trimming (scalars in
        // whitespacesAndNewlines, a subset of White_Space) would then change nothing.
        let trimmed: String
        if PlainText.hasNoEdgeWhitespace(text) {
            trimmed = text
        } else if let first = text.unicodeScalars.first, let last = text.unicodeScalars.last,
           !first.properties.isWhitespace, !last.properties.isWhitespace {
            trimmed = text
        } else {
            trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        if trimmed.isEmpty { return .empty }
        if trimmed.allSatisfy({ placeholderCharacters.contains($0) }) { return .placeholder }
        // Inner white space and closing punctuation carry no meaning (`766 元/人`, `≥ 95 %`, `优。`).
        // Plain text (PlainText) has no white space at all.
        let hasInnerSpace = !PlainText.isPlain(trimmed) && trimmed.contains(where: \.isWhitespace)
        var compact = hasInnerSpace ? String(trimmed.filter { !$0.isWhitespace }) : trimmed
        while let last = compact.last, isClosingPunctuation(last), compact.dropLast().isEmpty == false {
            compact.removeLast()
        }

        if compact == "不适用" { return .notApplicable }
        for prefix in ["定量（其他）", "定量(其他)", "定量（其它）", "定量(其它)"] where compact.startsFast(with: prefix) {
            return .otherQuantitative(detail: droppingSeparators(compact.dropFirst(prefix.count)))
        }
        if compact.startsFast(with: "定性") {
            let words = droppingSeparators(compact.dropFirst(2))
            return .qualitative(.init(text: words, kind: qualitativeKind(of: words) ?? .declared))
        }
        // `定量` alone is the national operator for a plain quantity: read what follows.
        if compact.startsFast(with: "定量"), compact.count > 2 {
            compact = droppingSeparators(compact.dropFirst(2))
        }

        if let frequency = frequency(in: compact) { return .frequency(frequency) }
        if let deadline = deadline(in: compact) { return .deadline(deadline) }
        if !containsDigit(compact) {
            if let kind = qualitativeKind(of: compact) { return .qualitative(.init(text: compact, kind: kind)) }
            if comparison(atStartOf: Substring(compact)) != nil { return .notUnderstood(.missingNumber) }
            return .notUnderstood(.unrecognised)
        }
        return quantity(in: compact)
    }

    // MARK: Pieces

    /// One of 。；;，, — what `"。；;，,".contains(ch)` answers, by the character's scalars:
    /// a character equals one of these only as that single scalar, or as U+037E, which is
    /// canonically the semicolon.
    static func isClosingPunctuation(_ ch: Character) -> Bool {
        let scalars = ch.unicodeScalars
        guard let first = scalars.first, scalars.index(after: scalars.startIndex) == scalars.endIndex else { return false }
        switch first.value {
        case 0x3002, 0xFF1B, 0x3B, 0x37E, 0xFF0C, 0x2C: return true
        default: return false
        }
    }

    /// Characters that, alone, only pretend to fill a cell.
    static let placeholderCharacters: Set<Character> = [
        "*", "＊", "_", "＿", "-", "－", "—", "–", "―", "/", "／", "\\", ".", "。", "…", "?", "？", "~", "～",
    ]

    static func droppingSeparators(_ text: Substring) -> String {
        String(text.drop(while: { "：:，,、".contains($0) }))
    }

    static func isDigit(_ ch: Character) -> Bool {
        guard let scalar = ch.unicodeScalars.first, ch.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    private static func digitValue(_ ch: Character) -> Int? {
        guard isDigit(ch), let scalar = ch.unicodeScalars.first else { return nil }
        return scalar.value >= 0xFF10 ? Int(scalar.value - 0xFF10) : Int(scalar.value - 0x30)
    }

    /// Operator spellings, longest first so that `大于等于` wins over `大于` and `>=` over `>`.
    static let comparisonSpellings: [(text: String, comparison: Comparison)] = {
        let table: [(String, Comparison)] = [
            ("≥", .atLeast), ("≧", .atLeast), ("⩾", .atLeast), (">=", .atLeast), ("＞＝", .atLeast),
            ("＞=", .atLeast), (">＝", .atLeast), ("大于等于", .atLeast), ("大于或等于", .atLeast),
            ("不低于", .atLeast), ("不少于", .atLeast), ("不小于", .atLeast), ("至少", .atLeast),
            ("最少", .atLeast), ("达到", .atLeast),
            ("≤", .atMost), ("≦", .atMost), ("⩽", .atMost), ("<=", .atMost), ("＜＝", .atMost),
            ("＜=", .atMost), ("<＝", .atMost), ("小于等于", .atMost), ("小于或等于", .atMost),
            ("不高于", .atMost), ("不超过", .atMost), ("不大于", .atMost), ("不多于", .atMost),
            ("至多", .atMost), ("最多", .atMost), ("控制在", .atMost),
            (">", .greaterThan), ("＞", .greaterThan), ("大于", .greaterThan), ("高于", .greaterThan),
            ("多于", .greaterThan), ("超过", .greaterThan),
            ("<", .lessThan), ("＜", .lessThan), ("小于", .lessThan), ("低于", .lessThan), ("少于", .lessThan),
            ("==", .equal), ("＝＝", .equal), ("=", .equal), ("＝", .equal), ("等于", .equal),
        ]
        return table.sorted { $0.0.count > $1.0.count }
    }()

    /// Operator words written after the number and unit: `95%以上`, `5天以内`.
    static let comparisonSuffixes: [(text: String, comparison: Comparison)] = [
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ]

    /// `comparisonSpellings` by first scalar, longest first within each: a value is compared
    /// only with the spellings that can match it.
    static let comparisonSpellingsByFirstScalar: [Unicode.Scalar: [(text: String, comparison: Comparison)]] =
        Dictionary(grouping: comparisonSpellings, by: { $0.text.unicodeScalars.first! })

    /// The operator at the start of `text` and the UTF-8 length of its spelling there.
    static func comparison(atStartOf text: Substring) -> (comparison: Comparison, byteLength: Int)? {
        guard let first = text.unicodeScalars.first, let candidates = comparisonSpellingsByFirstScalar[first] else {
            return nil
        }
        for spelling in candidates where text.startsFast(with: spelling.text) {
            return (spelling.comparison, spelling.text.utf8.count)
        }
        return nil
    }

    private enum NumberScan {
        case none
        case tooLarge
        case number(Amount, rest: Substring)
    }

    /// A decimal number at the start of `text`: ASCII or full-width digits, `.` or `．`,
    /// thousands separators `,` between digit groups, an optional minus sign.
    private static func number(atStartOf text: Substring) -> NumberScan {
        if PlainText.isPlain(text) { return plainNumber(atStartOf: text) }
        var rest = text
        var typed = ""
        if let first = rest.first, first == "-" || first == "－", rest.dropFirst().first.map(isDigit) == true {
            typed.append("-")
            rest = rest.dropFirst()
        }
        var seenPoint = false
        while let ch = rest.first {
            if let digit = digitValue(ch) {
                typed.append(Character(String(digit)))
            } else if (ch == "." || ch == "．"), !seenPoint, rest.dropFirst().first.map(isDigit) == true {
                seenPoint = true
                typed.append(".")
            } else if ch == ",", !seenPoint, !typed.isEmpty,
                      rest.dropFirst().prefix(3).count == 3, rest.dropFirst().prefix(3).allSatisfy(isDigit),
                      rest.dropFirst(4).first.map(isDigit) != true {
                // A thousands separator only: the three digits after it end a group.
            } else {
                break
            }
            rest = rest.dropFirst()
        }
        guard typed.contains(where: \.isNumber) else { return .none }
        guard let amount = Amount(typed: typed) else { return .tooLarge }
        return .number(amount, rest: rest)
    }

    /// `number(atStartOf:)` for plain text (`PlainText`), where every character is one scalar:
    /// the same scan over scalars, without grapheme breaking or a string per digit.
    private static func plainNumber(atStartOf text: Substring) -> NumberScan {
        let scalars = text.unicodeScalars
        let end = scalars.endIndex
        func digit(at index: String.Index) -> UInt8? {
            guard index < end else { return nil }
            return digitScalarValue(scalars[index])
        }
        var typed: [UInt8] = []
        var index = scalars.startIndex
        if index < end, scalars[index] == "-" || scalars[index] == "－", digit(at: scalars.index(after: index)) != nil {
            typed.append(UInt8(ascii: "-"))
            index = scalars.index(after: index)
        }
        var seenPoint = false
        while index < end {
            let scalar = scalars[index]
            let next = scalars.index(after: index)
            if let value = digit(at: index) {
                typed.append(UInt8(ascii: "0") + value)
            } else if scalar == "." || scalar == "．", !seenPoint, digit(at: next) != nil {
                seenPoint = true
                typed.append(UInt8(ascii: "."))
            } else if scalar == ",", !seenPoint, !typed.isEmpty, digit(at: next) != nil,
                      case let second = scalars.index(after: next), digit(at: second) != nil,
                      case let third = scalars.index(after: second), digit(at: third) != nil,
                      digit(at: scalars.index(after: third)) == nil {
                // A thousands separator only: the three digits after it end a group.
            } else {
                break
            }
            index = next
        }
        guard typed.contains(where: { $0 != UInt8(ascii: "-") && $0 != UInt8(ascii: ".") }) else { return .none }
        guard let amount = Amount(typed: String(decoding: typed, as: UTF8.self)) else { return .tooLarge }
        return .number(amount, rest: text[index...])
    }

    /// The value of an ASCII or full-width digit scalar.
    @inline(__always)
    static func digitScalarValue(_ scalar: Unicode.Scalar) -> UInt8? {
        switch scalar.value {
        case 0x30...0x39: UInt8(scalar.value - 0x30)
        case 0xFF10...0xFF19: UInt8(scalar.value - 0xFF10)
        default: nil
        }
    }

    /// Whether `text` holds a digit (`isDigit`), by scalars when it is plain.
    static func containsDigit(_ text: String) -> Bool {
        if PlainText.isPlain(text) { return text.unicodeScalars.contains { digitScalarValue($0) != nil } }
        return text.contains(where: isDigit)
    }

    // MARK: Quantity

    private static func quantity(in text: String) -> TargetValue.Meaning {
        var rest = Substring(text)
        var comparison: Comparison?
        if let found = self.comparison(atStartOf: rest) {
            comparison = found.comparison
            rest = rest.droppingMatchedPrefix(bytes: found.byteLength)
        }
        let amount: Amount
        switch number(atStartOf: rest) {
        case .none: return .notUnderstood(comparison == nil ? .unrecognised : .missingNumber)
        case .tooLarge: return .notUnderstood(.numberOutOfRange)
        case .number(let value, let after):
            amount = value
            rest = after
        }
        if let suffix = comparisonSuffixes.first(where: { rest.endsFast(with: $0.text) }) {
            rest = rest.droppingMatchedSuffix(bytes: suffix.text.utf8.count)
            if let written = comparison {
                let agrees = (written.isLowerBound && suffix.comparison.isLowerBound)
                    || (written.isUpperBound && suffix.comparison.isUpperBound)
                guard agrees else { return .notUnderstood(.conflictingOperators) }
            } else {
                comparison = suffix.comparison
            }
        }
        var unit: TargetUnit?
        if let known = TargetUnit.knownBase(atStartOf: rest) {
            rest = rest.droppingMatchedPrefix(bytes: known.written.utf8.count)
            // A classifier may name what it counts: `≥14个社区`, `≥500名居民`. Only classifiers that
            // seldom start other words (支 starts 支出率), and never before a property word such as
            // 使用率 / 及时性 / 满意度, which is the `notAUnit` defect.
            var counted: String?
            if classifiersBeforeNouns.contains(known.written) {
                let noun = rest.prefix(while: { $0.isLetter && $0 != "/" && $0 != "／" })
                if !noun.isEmpty, noun.count <= 8, let last = noun.last, !"率性度力值比量".contains(last) {
                    counted = String(noun)
                    rest = rest.dropFirst(noun.count)
                }
            }
            var per: [String] = []
            while let slash = rest.first, slash == "/" || slash == "／" {
                let word = rest.dropFirst().prefix(while: { $0.isLetter && $0 != "/" && $0 != "／" })
                guard !word.isEmpty, word.count <= 6 else { break }
                per.append(String(word))
                rest = rest.dropFirst(1 + word.count)
            }
            unit = TargetUnit(base: known.base, counted: counted, per: per, kind: known.kind)
            // A unit word running on into more letters was a longer word all along: `支出率`, `分数`.
            if counted == nil, per.isEmpty, rest.first?.isLetter == true, known.written.allSatisfy(\.isLetter) {
                return .notUnderstood(.notAUnit(known.written + rest))
            }
        } else if let magnitude = ["百万", "万", "千", "亿"].first(where: { rest.startsFast(with: $0) }) {
            return .notUnderstood(.magnitudeWithoutUnit(magnitude))
        } else if let first = rest.first, first.isLetter {
            return .notUnderstood(.notAUnit(String(rest)))
        }
        guard rest.isEmpty else { return .notUnderstood(.unexpectedText(String(rest))) }
        return .quantity(.init(comparison: comparison ?? .equal, comparisonImplied: comparison == nil,
                               number: amount, unit: unit))
    }

    static let classifiersBeforeNouns: Set<String> = [
        "个", "名", "位", "户", "家", "所", "项", "台", "辆", "件", "次", "场", "期", "批", "套", "处", "条", "篇",
        "份", "本", "张", "间", "座", "栋", "幢", "株", "棵", "盏",
    ]

    // MARK: Frequency

    private static let periods: [(text: String, period: TargetValue.Frequency.Period)] = [
        ("半年", .halfYear), ("年度", .year), ("季度", .quarter), ("星期", .week), ("年", .year), ("季", .quarter),
        ("月", .month), ("周", .week), ("天", .day), ("日", .day),
    ]

    private static func frequency(in text: String) -> TargetValue.Frequency? {
        guard text.startsFast(with: "每") else { return nil }
        var rest = Substring(text).dropFirst()
        guard let period = periods.first(where: { rest.startsFast(with: $0.text) }) else { return nil }
        rest = rest.dropFirst(period.text.count)
        var comparison = Comparison.equal
        if let found = self.comparison(atStartOf: rest) {
            comparison = found.comparison
            rest = rest.droppingMatchedPrefix(bytes: found.byteLength)
        }
        let count: Amount
        if case .number(let value, let after) = number(atStartOf: rest) {
            count = value
            rest = after
        } else if let (value, length) = chineseNumber(atStartOf: rest) {
            count = Amount(value)
            rest = rest.dropFirst(length)
        } else {
            return nil
        }
        guard let unit = TargetUnit.knownBase(atStartOf: rest), unit.kind == .count
                || ["回", "遍"].contains(unit.written) else {
            guard let extra = ["回", "遍"].first(where: { rest.startsFast(with: $0) }) else { return nil }
            return finishFrequency(rest.dropFirst(extra.count), period.period, comparison, count, extra)
        }
        return finishFrequency(rest.dropFirst(unit.written.count), period.period, comparison, count, unit.written)
    }

    private static func finishFrequency(_ rest: Substring, _ period: TargetValue.Frequency.Period,
                                        _ comparison: Comparison, _ count: Amount,
                                        _ unit: String) -> TargetValue.Frequency? {
        var comparison = comparison
        var rest = rest
        if comparison == .equal, let suffix = comparisonSuffixes.first(where: { rest.startsFast(with: $0.text) }) {
            comparison = suffix.comparison
            rest = rest.dropFirst(suffix.text.count)
        }
        guard rest.isEmpty else { return nil }
        return .init(period: period, comparison: comparison, count: count, unit: unit)
    }

    /// 一 … 九十九 at the start of `text`, with its length in characters.
    private static let chineseDigits: [Character: Int] = ["零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
                                                          "六": 6, "七": 7, "八": 8, "九": 9]

    static func chineseNumber(atStartOf text: Substring) -> (Int, Int)? {
        let digits = chineseDigits
        let run = text.prefix(while: { digits[$0] != nil || $0 == "十" })
        guard !run.isEmpty, run.count <= 3 else { return nil }
        let chars = Array(run)
        if let ten = chars.firstIndex(of: "十") {
            guard chars.lastIndex(of: "十") == ten, ten <= 1 else { return nil }
            let tens = ten == 0 ? 1 : digits[chars[0]]!
            let onesPart = chars[(ten + 1)...]
            guard onesPart.count <= 1 else { return nil }
            let ones = onesPart.first.map { digits[$0]! } ?? 0
            return (tens * 10 + ones, chars.count)
        }
        guard chars.count == 1 else { return nil }
        return (digits[chars[0]]!, 1)
    }

    // MARK: Deadline

    private static let deadlineVerbs = [
        "全部完成", "发放完毕", "完成", "完工", "办结", "结束", "发放", "拨付", "支付", "到位", "验收", "实施",
        "上报", "完毕",
    ]

    /// Every deadline has a year, a month or a year word (checked below), so it holds one of
    /// these, or the separator of `2023-12-31`: most values are rejected without parsing.
    @inline(__always)
    private static func isDeadlineScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "年", "月", "季", "-", ".", "/": true
        default: false
        }
    }

    private static func deadline(in text: String) -> TargetValue.Deadline? {
        guard text.unicodeScalars.contains(where: isDeadlineScalar) else { return nil }
        var rest = Substring(text)
        var result = TargetValue.Deadline()
        var yearWord = false
        var marked = false
        if let (year, length) = leadingInteger(rest, maxDigits: 4), length == 4,
           let separator = rest.dropFirst(4).first, "-./".contains(separator),
           let (month, monthLength) = leadingInteger(rest.dropFirst(5), maxDigits: 2),
           rest.dropFirst(5 + monthLength).first == separator,
           let (day, dayLength) = leadingInteger(rest.dropFirst(6 + monthLength), maxDigits: 2) {
            // 2023-12-31, 2023.12.31, 2023/12/31
            result = .init(year: year, month: month, day: day)
            rest = rest.dropFirst(6 + monthLength + dayLength)
        } else {
            if let (year, length) = leadingInteger(rest, maxDigits: 4), length == 4,
               rest.dropFirst(4).startsFast(with: "年") {
                result.year = year
                rest = rest.dropFirst(rest.dropFirst(4).startsFast(with: "年度") ? 6 : 5)
            } else if let word = ["本年度", "本年", "当年", "年度", "全年", "年"].first(where: { rest.startsFast(with: $0) }) {
                yearWord = true
                rest = rest.dropFirst(word.count)
            }
            if let (month, length) = leadingInteger(rest, maxDigits: 2), rest.dropFirst(length).startsFast(with: "月") {
                result.month = month
                rest = rest.dropFirst(length + 1)
                if rest.startsFast(with: "份") { rest = rest.dropFirst() }
                if let (day, dayLength) = leadingInteger(rest, maxDigits: 2),
                   let mark = rest.dropFirst(dayLength).first, mark == "日" || mark == "号" {
                    result.day = day
                    rest = rest.dropFirst(dayLength + 1)
                }
            } else if let (month, length) = halfOrQuarterEnd(atStartOf: rest) {
                // 第四季度 / 四季度 / 上半年 end with their last month.
                result.month = month
                rest = rest.dropFirst(length)
                marked = true
            }
        }
        if let end = ["底", "末"].first(where: { rest.startsFast(with: $0) }) {
            rest = rest.dropFirst(end.count)
            marked = true
        }
        if let before = ["之前", "以前", "以内", "前", "内"].first(where: { rest.startsFast(with: $0) }) {
            rest = rest.dropFirst(before.count)
            marked = true
        }
        if let verb = deadlineVerbs.first(where: { rest.startsFast(with: $0) }) { rest = rest.dropFirst(verb.count) }
        guard rest.isEmpty else { return nil }
        if let year = result.year, !(1900...2199).contains(year) { return nil }
        // `6月` alone is six months, `年` alone nothing: a deadline needs a year, a day or a marker.
        guard result.year != nil || result.day != nil || marked else { return nil }
        guard result.year != nil || result.month != nil || yearWord else { return nil }
        return result
    }

    private static let quarters: [Character: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "1": 1, "2": 2, "3": 3, "4": 4,
                                                     "１": 1, "２": 2, "３": 3, "４": 4]

    /// `第N季度`, `N季度` (N in digits or 一…四), `上半年`, `下半年`: the last month of the period.
    private static func halfOrQuarterEnd(atStartOf text: Substring) -> (month: Int, length: Int)? {
        if text.startsFast(with: "上半年") { return (6, 3) }
        if text.startsFast(with: "下半年") { return (12, 3) }
        let hasOrdinal = text.startsFast(with: "第")
        let rest = hasOrdinal ? text.dropFirst() : text
        guard let first = rest.first, let quarter = quarters[first], rest.dropFirst().startsFast(with: "季度") else {
            return nil
        }
        return (quarter * 3, (hasOrdinal ? 1 : 0) + 3)
    }

    private static func leadingInteger(_ text: Substring, maxDigits: Int) -> (Int, Int)? {
        let run = text.prefix(while: isDigit)
        guard !run.isEmpty, run.count <= maxDigits else { return nil }
        return (run.reduce(0) { $0 * 10 + digitValue($1)! }, run.count)
    }

    // MARK: Qualitative

    /// Whole values that are grades or yes/no answers.
    static let grades: Set<String> = [
        "优", "优秀", "优良", "良", "良好", "中", "中等", "一般", "差", "较差", "合格", "不合格", "好", "较好",
        "很好", "高", "较高", "低", "较低", "满意", "基本满意", "比较满意", "非常满意", "显著", "明显",
    ]
    static let yesNo: Set<String> = ["是", "否", "有", "无"]

    /// Word stems that mark a qualitative value, by kind, tried in this order.
    static let qualitativeStems: [(kind: TargetValue.Qualitative.Kind, stems: [String])] = [
        (.actualCost, ["实际支出", "据实", "按实", "实际发生", "按实际"]),
        (.timeliness, ["及时", "按时", "按期", "如期", "准时", "按规定时间", "按时限", "限期"]),
        (.trend, ["提升", "提高", "改善", "增强", "增加", "增长", "促进", "加强", "降低", "减少", "下降", "优化",
                  "稳定", "保持", "好转", "进一步", "逐步", "不断", "持续"]),
        (.compliance, ["达标", "合格", "符合", "规范", "准确", "合规", "到位", "完成", "落实", "按规定", "按标准",
                       "按要求", "按计划", "保障", "满足", "覆盖", "正常", "无事故", "零事故", "达到要求"]),
    ]

    static func qualitativeKind(of words: String) -> TargetValue.Qualitative.Kind? {
        if grades.contains(words) { return .grade }
        if yesNo.contains(words) { return .yesNo }
        let plain = PlainText.isPlain(words)
        for group in qualitativeStems
        where group.stems.contains(where: { plain ? PlainText.contains(plain: words, $0) : words.contains($0) }) {
            return group.kind
        }
        return nil
    }
}

extension StringProtocol {
    /// `hasPrefix`, with a byte comparison first: the parser tries dozens of spellings per value
    /// and most fail on the first byte, where `hasPrefix` would walk grapheme clusters. The
    /// spellings have no canonical decompositions, so a byte mismatch is a mismatch; a byte
    /// match is confirmed by `hasPrefix` (a combining mark may follow).
    ///
    /// When the prefix ends with a plain scalar and the text goes on with one (or ends), the
    /// byte match is already a match of whole characters (`PlainText`): no confirmation needed.
    func startsFast(with prefix: String) -> Bool {
        guard utf8.starts(with: prefix.utf8) else { return false }
        if let last = prefix.unicodeScalars.last, PlainText.isPlain(last.value) {
            let after = utf8.index(utf8.startIndex, offsetBy: prefix.utf8.count)
            if after == utf8.endIndex { return true }
            if PlainText.isPlain(unicodeScalars[after].value) { return true }
        }
        return hasPrefix(prefix)
    }
}

extension Substring {
    /// The rest after a prefix that `startsFast` matched, whose spelling is `bytes` long in
    /// UTF-8: the same as `dropFirst(prefix.count)`, because `startsFast` matched those very
    /// bytes and a character boundary after them, without walking grapheme clusters.
    func droppingMatchedPrefix(bytes: Int) -> Substring {
        self[utf8.index(startIndex, offsetBy: bytes)...]
    }

    /// The text before a suffix that `endsFast` matched (bytes and character boundary), as
    /// `dropLast(suffix.count)`.
    func droppingMatchedSuffix(bytes: Int) -> Substring {
        self[..<utf8.index(endIndex, offsetBy: -bytes)]
    }

    /// `hasSuffix` with the same byte pre-check (comparing the last bytes in place).
    func endsFast(with suffix: String) -> Bool {
        var mine = utf8.endIndex
        var theirs = suffix.utf8.endIndex
        while theirs > suffix.utf8.startIndex {
            guard mine > utf8.startIndex else { return false }
            utf8.formIndex(before: &mine)
            suffix.utf8.formIndex(before: &theirs)
            guard utf8[mine] == suffix.utf8[theirs] else { return false }
        }
        return hasSuffix(suffix)
    }
}
