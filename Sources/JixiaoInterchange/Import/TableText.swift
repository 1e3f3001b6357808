/// A project table as a layout reader hands it on: the cells above the indicator grid and the
/// grid's rows, with what could not be placed.
struct TableText: Sendable {
    var headerCells: [TableCell] = []
    var rows: [RawIndicatorRow] = []
    /// Line of the indicator grid's header row; `nil` when the table has none.
    var gridLine: Int?
    /// The grid ended in the middle of a row: that row's first line and how many cells it had.
    var unfinishedRow: (line: Int, cells: Int)?
    var repeatedHeaderLines: [Int] = []
    var notices: [ImportReport.Notice] = []
}
