import JixiaoModel

/// The review queue (审核队列, `v` on the home screen): the departments of one review status —
/// 已送审 first, then 已退回, 已审核, 草稿 (Tab / Shift-Tab) — oldest submission first (the last
/// 送审 in the review log; the last save for documents without one), with unit, name, year, who
/// submitted and when, and the finding counts. Enter opens the document view of the selected
/// one and starts a round: Ctrl-N / Ctrl-P then page through the list as shown, without coming
/// back here. The listings are the home screen's (`DepartmentListing`), refreshed with it.
public struct ReviewQueueScreen: Screen {
    /// The tabs, in order.
    public static let statuses: [ReviewStatus] = [.submitted, .returned, .approved, .draft]

    public private(set) var listings: [DepartmentListing]
    public private(set) var status: ReviewStatus = .submitted
    public private(set) var selection = 0
    private var scroll = 0

    public init(listings: [DepartmentListing]) {
        self.listings = listings
    }

    public var title: MessageID { .review(.queueTitle) }

    /// The departments of the current status, oldest submission first.
    public var visible: [DepartmentListing] {
        Self.queue(listings, status: status)
    }

    public static func queue(_ listings: [DepartmentListing], status: ReviewStatus) -> [DepartmentListing] {
        listings.filter { $0.status == status }.sorted { ($0.queueTime, $0.id) < ($1.queueTime, $1.id) }
    }

    // MARK: Keys

    public enum Action: Hashable, Sendable {
        case move(RowMove), open, nextStatus, previousStatus, refresh, back
    }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .review(.keymapQueue),
        RowMove.bindings(Action.move) + [
        KeyBinding([KeyEvent(.enter)], .open, .review(.helpOpenSubmission), hint: true),
        KeyBinding([KeyEvent(.tab), KeyEvent(.right)], .nextStatus, .review(.helpNextStatus), hint: true),
        KeyBinding([KeyEvent(.tab, .shift), KeyEvent(.left)], .previousStatus, .review(.helpPreviousStatus)),
        KeyBinding([KeyEvent(.function(5))], .refresh, .review(.helpRefresh)),
        KeyBinding([KeyEvent(.escape)], .back, .review(.helpBack), hint: true),
    ])

    static func visibleRows(height: Int) -> Int { max(1, height - 3) }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        let shown = visible
        let page = Self.visibleRows(height: context.contentSize.height)
        switch action {
        case .move(let move): selection = move.apply(to: selection, count: shown.count, page: page)
        case .nextStatus, .previousStatus:
            let index = Self.statuses.firstIndex(of: status) ?? 0
            let step = action == .nextStatus ? 1 : Self.statuses.count - 1
            status = Self.statuses[(index + step) % Self.statuses.count]
            selection = 0
            scroll = 0
        case .open:
            guard shown.indices.contains(selection) else { return }
            context.startReviewRound(ids: shown.map(\.id), index: selection)
        case .refresh: context.perform(.listDepartments)
        case .back: context.pop()
        }
        if selection < scroll { scroll = selection }
        if selection >= scroll + page { scroll = selection - page + 1 }
    }

    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        guard case .departments(let index) = result else { return }
        let shown = visible
        let id = shown.indices.contains(selection) ? shown[selection].id : nil
        listings = index.listings
        let now = visible
        selection = id.flatMap { id in now.firstIndex { $0.id == id } } ?? min(selection, max(0, now.count - 1))
    }

    // MARK: Drawing

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        guard inner.height >= 3 else { return }
        // Row 0: the statuses as tabs with their counts.
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme[.header])
        var x = inner.x
        for candidate in Self.statuses {
            let count = listings.filter { $0.status == candidate }.count
            let label = " " + strings[.review(.queueSummary(status: candidate, count: count))] + " "
            x += buffer.write(label, x: x, y: area.y, maxWidth: max(0, inner.maxX - x),
                              style: candidate == status ? theme[.selected] : theme[.header])
        }
        let shown = visible
        let showsFindings = inner.width >= 64
        // Drafts were never submitted (or were recalled): their last save instead.
        let whenTitle = status == .draft ? strings[.columnLastSaved] : strings[.review(.columnSubmitted)]
        let whoTitle = status == .draft ? strings[.review(.columnSavedBy)] : strings[.review(.columnSubmittedBy)]
        var columns: [Table.Column] = [
            .init(strings[.columnUnitCode], width: 8), .init(strings[.columnUnitName], width: nil),
            .init(strings[.columnYear], width: 4), .init(whoTitle, width: 8),
            .init(whenTitle, width: 16),
        ]
        if showsFindings { columns.append(.init(strings[.columnFindings], width: 5, alignment: .right)) }
        let table = Table(columns: columns)
        table.drawHeader(into: &buffer, area: inner, y: area.y + 1, style: theme[.header])
        guard !shown.isEmpty else {
            buffer.write(strings[.review(.queueEmpty(status))], x: inner.x, y: area.y + 2, width: inner.width, style: theme[.dim])
            return
        }
        let rows = Self.visibleRows(height: area.height)
        let first = min(scroll, max(0, shown.count - rows))
        for (row, index) in (first..<min(shown.count, first + rows)).enumerated() {
            let listing = shown[index]
            let submitted = status != .draft ? listing.lastSubmittedAt : nil
            let when = (submitted ?? listing.savedAt).map(context.environment.times.dateTime) ?? ""
            let who = (status != .draft ? listing.lastSubmittedBy : nil)
                ?? listing.savedBy.map { String($0.split(separator: "@").first ?? "") } ?? ""
            var cells = [listing.unitCode, listing.unitName, String(listing.fiscalYear), who, when]
            if showsFindings { cells.append(listing.errorCount.map { "\($0)/\(listing.warningCount ?? 0)" } ?? "—") }
            table.drawRow(cells, into: &buffer, area: inner, y: area.y + 2 + row,
                          style: index == selection ? theme[.selected] : theme[.text])
        }
    }
}
