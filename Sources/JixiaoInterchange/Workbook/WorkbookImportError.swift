/// Why a workbook could not be imported. Nothing of it is written. Names the sheet and the
/// cell where the problem shows, when there is one, in Chinese and in English.
public struct WorkbookImportError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The sheet's name as the workbook shows it, or `nil` for the package as a whole.
    public var sheet: String?
    /// An A1 reference such as `C4`, or `nil` for the sheet as a whole.
    public var cell: String?
    public var chinese: String
    public var english: String

    public init(sheet: String? = nil, cell: String? = nil, chinese: String, english: String) {
        self.sheet = sheet
        self.cell = cell
        self.chinese = chinese
        self.english = english
    }

    /// `工作表“1.慰问金” 单元格 C4：…`, the place first.
    public var chinesePlace: String {
        switch (sheet, cell) {
        case (let sheet?, let cell?): "工作表“\(sheet)”单元格 \(cell)"
        case (let sheet?, nil): "工作表“\(sheet)”"
        default: "工作簿"
        }
    }

    public var englishPlace: String {
        switch (sheet, cell) {
        case (let sheet?, let cell?): "sheet “\(sheet)” cell \(cell)"
        case (let sheet?, nil): "sheet “\(sheet)”"
        default: "workbook"
        }
    }

    /// The place, when there is one, then what is wrong.
    public var chineseMessage: String { sheet == nil ? chinese : "\(chinesePlace)：\(chinese)" }
    public var englishMessage: String { sheet == nil ? english : "\(englishPlace): \(english)" }

    public var description: String { englishMessage }
}
