import JixiaoModel

/// The home screen: the departments in the store, one per line (单位编码, 单位名称, 年度,
/// 状态, 项目数, 预算合计). The department browser issue replaces it with a richer one.
public struct DepartmentListScreen: Screen {
    public private(set) var listings: [DepartmentListing]
    /// Index of the highlighted department.
    public private(set) var selection = 0
    private var scroll = 0

    public init(listings: [DepartmentListing]) {
        self.listings = listings
    }

    public var title: MessageID { .screenDepartments }

    public enum Action: Hashable, Sendable { case up, down, pageUp, pageDown, first, last, find }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .screenDepartments, [
        KeyBinding([KeyEvent(.up), .char("k")], .up, .helpRowUp),
        KeyBinding([KeyEvent(.down), .char("j")], .down, .helpRowDown),
        KeyBinding([KeyEvent(.pageUp)], .pageUp, .helpPageUp),
        KeyBinding([KeyEvent(.pageDown)], .pageDown, .helpPageDown),
        KeyBinding([KeyEvent(.home), .char("g")], .first, .helpFirstRow),
        KeyBinding([KeyEvent(.end), .char("G")], .last, .helpLastRow),
        KeyBinding([.char("/"), .ctrl("f")], .find, .helpFindDepartment, hint: true),
    ])

    static let findTag = "find-department"

    /// Rows of the list visible in a content area `height` rows high (minus the header).
    static func visibleRows(height: Int) -> Int { max(1, height - 1) }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        let page = Self.visibleRows(height: context.contentSize.height)
        let last = max(0, listings.count - 1)
        switch action {
        case .up: selection = max(0, selection - 1)
        case .down: selection = min(last, selection + 1)
        case .pageUp: selection = max(0, selection - page)
        case .pageDown: selection = min(last, selection + page)
        case .first: selection = 0
        case .last: selection = last
        case .find:
            guard !listings.isEmpty else {
                context.showMessage(.noDepartments)
                return
            }
            let items = listings.map {
                PickListDialog.Item(id: $0.id, label: "\($0.unitCode)  \($0.unitName)  \($0.fiscalYear)")
            }
            let strings = context.environment.strings
            context.present(.pickList(PickListDialog(title: strings[.findDepartmentTitle], items: items,
                                                     metrics: context.environment.metrics)), tag: Self.findTag)
        }
        keepSelectionVisible(page: page)
    }

    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        guard tag == Self.findTag, case .picked(let item?) = result,
              let index = listings.firstIndex(where: { $0.id == item.id }) else { return }
        selection = index
        keepSelectionVisible(page: Self.visibleRows(height: context.contentSize.height))
    }

    private mutating func keepSelectionVisible(page: Int) {
        if selection < scroll { scroll = selection }
        if selection >= scroll + page { scroll = selection - page + 1 }
    }

    func table(strings: Strings) -> Table {
        Table(columns: [
            .init(strings[.columnUnitCode], width: 8),
            .init(strings[.columnUnitName], width: nil),
            .init(strings[.columnYear], width: 6),
            .init(strings[.columnStatus], width: 9),
            .init(strings[.columnProjects], width: 6, alignment: .right),
            .init(strings[.columnBudget], width: 14, alignment: .right),
        ])
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        let table = table(strings: strings)
        guard !listings.isEmpty else {
            let note = strings[.noDepartmentsIn(context.environment.storePath)]
            for (i, line) in context.metrics.wrap(note, to: inner.width).enumerated() where i + 1 < inner.height {
                buffer.write(line, x: inner.x, y: inner.y + 1 + i, style: theme[.dim])
            }
            return
        }
        table.drawHeader(into: &buffer, area: inner, y: inner.y, style: theme[.header])
        let rows = Self.visibleRows(height: area.height)
        let first = min(scroll, max(0, listings.count - rows))
        for (row, index) in (first..<min(listings.count, first + rows)).enumerated() {
            let listing = listings[index]
            let budget = listing.totalBudget.map { "\($0)\(listing.moneyUnit.rawValue)" } ?? "—"
            let cells = [
                listing.unitCode, listing.unitName, String(listing.fiscalYear),
                strings[.reviewStatus(listing.status)], String(listing.projectCount), budget,
            ]
            let style = index == selection ? theme[.selected] : theme[.text]
            table.drawRow(cells, into: &buffer, area: inner, y: inner.y + 1 + row, style: style)
        }
    }
}
