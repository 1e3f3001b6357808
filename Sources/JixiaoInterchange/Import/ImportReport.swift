/// What the importer made of one file: the figures a person checks after an import, and every
/// line it skipped or did not understand, with its line number.
public struct ImportReport: Sendable, Hashable {
    /// One imported project table.
    public struct ProjectSummary: Sendable, Hashable {
        /// Line of the table's title.
        public var line: Int
        public var code: String
        public var name: String
        public var indicatorCount: Int
    }

    /// Why a run of lines was left out of the document on purpose.
    public enum SkipReason: String, Sendable, Hashable, CaseIterable {
        /// Page numbers and other extraction leftovers on a line of their own.
        case extractionLeftover
        /// The table of contents (目录).
        case tableOfContents
        /// Part headings and the document's cover and title lines.
        case heading
        /// Budget disclosure text around the performance part (部门职责, 收支, 三公经费, 政府采购, 资产…).
        case outsidePerformancePart
        /// A repeated indicator header row (tables that continue over a page).
        case repeatedHeader

        public var chineseName: String {
            switch self {
            case .extractionLeftover: "页码或转换残留"
            case .tableOfContents: "目录"
            case .heading: "标题"
            case .outsidePerformancePart: "绩效部分以外的内容"
            case .repeatedHeader: "重复的表头"
            }
        }

        public var englishName: String {
            switch self {
            case .extractionLeftover: "page number or extraction leftover"
            case .tableOfContents: "table of contents"
            case .heading: "heading"
            case .outsidePerformancePart: "outside the performance part"
            case .repeatedHeader: "repeated table header"
            }
        }
    }

    /// Consecutive lines skipped for one reason.
    public struct Skipped: Sendable, Hashable {
        public var lines: ClosedRange<Int>
        public var reason: SkipReason
        /// The first skipped line's text, shortened.
        public var excerpt: String
    }

    /// A line that was read, but not fully understood or read with a guess.
    public struct Notice: Sendable, Hashable {
        public enum Kind: String, Sendable, Hashable {
            /// The line's content was left out because the importer could not place it.
            case notUnderstood
            /// The content was imported, with an assumption the user should check.
            case warning
        }

        public var line: Int
        public var kind: Kind
        public var chinese: String
        public var english: String
    }

    public var fileName: String
    /// The encoding the file was read in (UTF-8 when the text was given as a string).
    public var encoding: SourceEncoding = .utf8
    public var layout: SourceLayout
    public var fiscalYear: Int
    /// Line the year was read from; `nil` when it came from the options.
    public var fiscalYearLine: Int?
    public var unitCode: String
    public var unitName: String
    public var moneyUnit: String
    public var projects: [ProjectSummary]
    public var skipped: [Skipped]
    public var notices: [Notice]

    public var indicatorCount: Int { projects.reduce(0) { $0 + $1.indicatorCount } }
    public var notUnderstood: [Notice] { notices.filter { $0.kind == .notUnderstood } }
    public var warnings: [Notice] { notices.filter { $0.kind == .warning } }
}

/// How the tables of a file are laid out as text.
public enum SourceLayout: String, Sendable, Hashable {
    /// Table cells one per line, tab-indented (text saved from the word-processor file).
    case tabbedCells
    /// Text extracted from PDF: cells of a row share a line, separated by spaces; long cells wrap.
    case pdfText
    /// Some tables one way, some the other.
    case mixed
}
