import JixiaoModel

/// The home screen: the departments in the store from its summary index — unit code, unit
/// name, year, status, projects, total budget with its unit, error/warning counts, last saved
/// by and when. Filter as you type (`/`), sort (`s`), open (Enter), new (`n`), delete
/// (soft, restorable from the deleted view `r` or `jixiao restore`). With an empty store it
/// is a welcome screen saying how to start, with the sample data one key away (`l`).
public struct DepartmentListScreen: Screen {
    public enum SortKey: Int, CaseIterable, Hashable, Sendable {
        case code, name, status, lastSaved

        var label: MessageID {
            switch self {
            case .code: .sortByCode
            case .name: .sortByName
            case .status: .sortByStatus
            case .lastSaved: .sortByLastSaved
            }
        }
    }

    public private(set) var listings: [DepartmentListing]
    /// The deleted departments while the deleted view is shown.
    public private(set) var deleted: [DepartmentListing]?
    public private(set) var filter = LineEditor()
    /// True while keys are typed into the filter.
    public private(set) var filtering = false
    public private(set) var sortKey: SortKey = .code
    /// Index into `visible` of the highlighted department.
    public private(set) var selection = 0
    private var scroll = 0

    public init(listings: [DepartmentListing]) {
        self.listings = listings
    }

    public var title: MessageID { deleted == nil ? .screenDepartments : .screenDeletedDepartments }
    public var acceptsTextEntry: Bool { filtering }

    /// The departments shown: the live or deleted ones, filtered and sorted.
    public var visible: [DepartmentListing] {
        let words = filter.text.lowercased().split(separator: " ")
        let source = deleted ?? listings
        let matching = words.isEmpty ? source : source.filter { listing in
            let code = listing.unitCode.lowercased(), name = listing.unitName.lowercased()
            return words.allSatisfy { code.contains($0) || name.contains($0) }
        }
        return matching.sorted(by: sortKey.areInOrder)
    }

    public var selected: DepartmentListing? {
        let shown = visible
        return shown.indices.contains(selection) ? shown[selection] : nil
    }

    // MARK: Keys

    public enum Action: Hashable, Sendable {
        case move(RowMove)
        case filter, sort, open, new, delete, deletedView, loadSamples, refresh, back, reviewQueue
        // While typing into the filter.
        case endFilter, clearFilter
    }

    public var keymap: Keymap<Action> { filtering ? Self.filterKeymap : Self.keymap }

    public static let keymap = Keymap<Action>(name: .screenDepartments,
        RowMove.bindings(Action.move) + [
        KeyBinding([KeyEvent(.enter)], .open, .helpOpenDepartment, hint: true),
        KeyBinding([.char("/"), .ctrl("f")], .filter, .helpFindDepartment, hint: true),
        KeyBinding([.char("s")], .sort, .helpSortDepartments),
        KeyBinding([.char("n"), KeyEvent(.insert)], .new, .helpNewDepartment, hint: true),
        KeyBinding([KeyEvent(.delete), .char("x")], .delete, .helpDeleteDepartment),
        KeyBinding([.char("r")], .deletedView, .helpDeletedView),
        KeyBinding([.char("l")], .loadSamples, .helpLoadSamples),
        KeyBinding([KeyEvent(.function(5))], .refresh, .helpRefresh),
        KeyBinding([.char("v")], .reviewQueue, .review(.helpReviewQueue), hint: true),
        KeyBinding([KeyEvent(.escape)], .back, .helpLeaveDeletedView),
    ])

    public static let filterKeymap = Keymap<Action>(name: .keymapFilter, [
        KeyBinding([KeyEvent(.enter)], .endFilter, .helpEndFilter, hint: true),
        KeyBinding([KeyEvent(.escape)], .clearFilter, .helpClearFilter, hint: true),
        KeyBinding([KeyEvent(.up)], .move(.up), .helpRowUp),
        KeyBinding([KeyEvent(.down)], .move(.down), .helpRowDown),
    ])

    static let newTag = "new-department"
    static let deleteTag = "delete:"

    /// Rows of the list visible in a content area `height` rows high (status line, header).
    static func visibleRows(height: Int) -> Int { max(1, height - 2) }

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        let page = Self.visibleRows(height: context.contentSize.height)
        let strings = context.environment.strings
        switch action {
        case .move(let move): selection = move.apply(to: selection, count: visible.count, page: page)
        case .filter: filtering = true
        case .endFilter: filtering = false
        case .clearFilter:
            filtering = false
            filter = LineEditor("", metrics: context.environment.metrics)
            selection = 0
        case .sort:
            let id = selected?.id
            sortKey = SortKey(rawValue: (sortKey.rawValue + 1) % SortKey.allCases.count) ?? .code
            select(id: id)
            context.showMessage(.sortedBy(strings[sortKey.label]))
        case .open:
            guard let listing = selected else { return }
            if deleted != nil {
                context.perform(.restoreDepartment(id: listing.id))
            } else {
                context.perform(.openDepartment(id: listing.id))
            }
        case .new:
            guard deleted == nil else { return }
            presentNewForm(values: nil, context: &context)
        case .delete:
            guard deleted == nil, let listing = selected else { return }
            context.present(.confirm(ConfirmDialog(
                title: strings[.deleteDepartmentTitle],
                message: strings[.deleteDepartmentQuestion(name: "\(listing.unitCode) \(listing.unitName) \(listing.fiscalYear)",
                                                           id: listing.id)])),
                tag: Self.deleteTag + listing.id)
        case .deletedView:
            if deleted == nil { context.perform(.listDeleted) } else if let listing = selected {
                context.perform(.restoreDepartment(id: listing.id))
            }
        case .back:
            if deleted != nil {
                deleted = nil
                selection = 0
            }
        case .loadSamples:
            context.perform(.loadSamples)
        case .refresh:
            context.perform(deleted == nil ? .listDepartments : .listDeleted)
        case .reviewQueue:
            context.push(ReviewQueueScreen(listings: listings))
            context.perform(.listDepartments)
        }
        keepSelectionVisible(page: page)
    }

    public mutating func handleUnboundKey(_ key: KeyEvent, context: inout ScreenContext) {
        guard filtering else { return }
        if filter.handle(key) { selection = 0 }
    }

    public mutating func handlePaste(_ text: String, context: inout ScreenContext) {
        guard filtering else { return }
        filter.insert(text)
        selection = 0
    }

    private mutating func presentNewForm(values: [String]?, context: inout ScreenContext) {
        let strings = context.environment.strings
        let metrics = context.environment.metrics
        let v = values ?? ["", "", "", MoneyUnit.tenThousandYuan.rawValue, FrameworkEdition.legacy.rawValue]
        let units = MoneyUnit.allCases.map { FormDialog.Option(value: $0.rawValue, label: $0.rawValue) }
        let frameworks = FrameworkEdition.allCases.map { FormDialog.Option(value: $0.rawValue, label: strings[.frameworkName($0)]) }
        let form = FormDialog(title: strings[.newDepartmentTitle], fields: [
            .text(label: strings[.fieldUnitCode], editor: LineEditor(v[0], metrics: metrics)),
            .text(label: strings[.fieldUnitName], editor: LineEditor(v[1], metrics: metrics)),
            .text(label: strings[.fieldFiscalYear], editor: LineEditor(v[2], metrics: metrics)),
            .choice(label: strings[.fieldMoneyUnit], options: units, index: units.firstIndex { $0.value == v[3] } ?? 0),
            .choice(label: strings[.fieldFramework], options: frameworks, index: frameworks.firstIndex { $0.value == v[4] } ?? 0),
        ])
        context.present(.form(form), tag: Self.newTag)
    }

    public mutating func dialogFinished(tag: String, result: DialogResult, context: inout ScreenContext) {
        if tag == Self.newTag, case .form(let values?) = result {
            create(values, context: &context)
        } else if tag.hasPrefix(Self.deleteTag), result == .confirmed(true) {
            context.perform(.deleteDepartment(id: String(tag.dropFirst(Self.deleteTag.count))))
        }
    }

    /// Checks the new-department form; a bad or duplicate entry is refused with a message
    /// and the form comes back with what was typed.
    private mutating func create(_ values: [String], context: inout ScreenContext) {
        let code = values[0].trimmingCharacters(in: .whitespaces)
        let name = values[1].trimmingCharacters(in: .whitespaces)
        let yearText = values[2].trimmingCharacters(in: .whitespaces)
        var problem: MessageID?
        if code.isEmpty { problem = .unitCodeRequired }
        else if name.isEmpty { problem = .unitNameRequired }
        else if Int(yearText).map({ (1900...2200).contains($0) }) != true { problem = .invalidYear(yearText) }
        if problem == nil, let year = Int(yearText) {
            let id = DepartmentDocument.makeID(unitCode: code, fiscalYear: year)
            if listings.contains(where: { $0.id == id }) { problem = .departmentExists(id) }
        }
        if let problem {
            context.showMessage(problem, kind: .error)
            presentNewForm(values: values, context: &context)
            return
        }
        let document = DepartmentDocument(fiscalYear: Int(yearText) ?? 0, unitCode: code, unitName: name,
                                          moneyUnit: MoneyUnit(rawValue: values[3]) ?? .tenThousandYuan,
                                          framework: FrameworkEdition(rawValue: values[4]) ?? .legacy)
        context.perform(.createDepartment(document))
    }

    public mutating func receive(_ result: EffectResult, context: inout ScreenContext) {
        switch result {
        case .departments(let index):
            let id = selected?.id
            listings = index.listings
            select(id: id)
        case .deletedDepartments(let list):
            if deleted == nil {
                selection = 0
                scroll = 0
                deleted = list
            } else {
                // A refresh of the deleted view: stay on the same department.
                let id = selected?.id
                deleted = list
                select(id: id)
            }
        case .deleted(let id):
            context.showMessage(.departmentDeleted(id))
            context.perform(.listDepartments)
        case .restored(let id):
            context.showMessage(.departmentRestored(id))
            context.perform(.listDepartments)
            context.perform(.listDeleted)
        case .samplesLoaded(let added, let skipped):
            context.showMessage(.samplesLoaded(added: added, skipped: skipped))
            context.perform(.listDepartments)
        case .failed(let failure) where failure.operation == .create && failure.reason == .alreadyExists:
            context.showMessage(.departmentExists(failure.id ?? ""), kind: .error)
        default:
            break
        }
    }

    /// Live refresh: the list (and the deleted view, when shown) is read again; the selection
    /// stays on the same department.
    public mutating func storeChanged(context: inout ScreenContext) {
        context.perform(.listDepartments)
        if deleted != nil { context.perform(.listDeleted) }
    }

    private mutating func select(id: String?) {
        let shown = visible
        selection = id.flatMap { id in shown.firstIndex { $0.id == id } } ?? min(selection, max(0, shown.count - 1))
    }

    private mutating func keepSelectionVisible(page: Int) {
        if selection < scroll { scroll = selection }
        if selection >= scroll + page { scroll = selection - page + 1 }
    }

    // MARK: Drawing

    /// The list's columns; on a narrow window the last-saved and findings columns go first so
    /// the unit name keeps its room.
    enum Column: CaseIterable { case code, name, year, status, projects, budget, findings, saved }

    static func columns(width: Int) -> [Column] {
        Column.allCases.filter { column in
            switch column {
            case .saved: width >= 76
            case .findings: width >= 64
            default: true
            }
        }
    }

    func table(_ columns: [Column], context: ViewContext) -> Table {
        let strings = context.strings
        let statusWidth = ReviewStatus.allCases.map { context.metrics.width(of: strings[.reviewStatus($0)]) }.max() ?? 6
        return Table(columns: columns.map { column in
            switch column {
            case .code: .init(strings[.columnUnitCode], width: 8)
            case .name: .init(strings[.columnUnitName], width: nil)
            case .year: .init(strings[.columnYear], width: 4)
            case .status: .init(strings[.columnStatus], width: statusWidth)
            case .projects: .init(strings[.columnProjectsShort], width: 4, alignment: .right)
            case .budget: .init(strings[.columnBudget], width: 12, alignment: .right)
            case .findings: .init(strings[.columnFindings], width: 5, alignment: .right)
            case .saved: .init(strings[.columnLastSaved], width: Self.savedWidth)
            }
        })
    }

    static let savedWidth = 12

    func cells(_ listing: DepartmentListing, _ columns: [Column], context: ViewContext, times: TimeDisplay) -> [String] {
        let strings = context.strings
        return columns.map { column in
            switch column {
            case .code: listing.unitCode
            case .name: listing.unitName
            case .year: String(listing.fiscalYear)
            case .status: strings[.reviewStatus(listing.status)]
            case .projects: String(listing.projectCount)
            case .budget: listing.totalBudget.map { "\($0)\(listing.moneyUnit.rawValue)" } ?? "—"
            case .findings: listing.errorCount.map { "\($0)/\(listing.warningCount ?? 0)" } ?? "—"
            case .saved:
                Self.savedCell(at: listing.savedAt, by: listing.savedBy, metrics: context.metrics, times: times)
            }
        }
    }

    /// `10:02 li`, `11-20 li`: the saver's account always shows in full (the host is in
    /// `jixiao history`); the time takes what room is left, as much of it as fits.
    static func savedCell(at time: String?, by saver: String?, metrics: TextMetrics, times: TimeDisplay) -> String {
        let user = saver.map { String($0.split(separator: "@").first ?? "") } ?? ""
        guard let time else { return user }
        let room = savedWidth - (user.isEmpty ? 0 : metrics.width(of: user) + 1)
        let when = times.compact(time, width: room)
        return [when, user].filter { !$0.isEmpty }.joined(separator: " ")
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        let inner = Rect(x: area.x + 1, y: area.y, width: area.width - 2, height: area.height)
        if deleted == nil, listings.isEmpty, filter.text.isEmpty {
            drawWelcome(into: &buffer, area: inner, context: context)
            return
        }
        let shown = visible
        // Row 0: filter, sort and count (or the deleted view's title).
        var x = inner.x
        if filtering || !filter.text.isEmpty {
            x += buffer.write(strings[.filterLabel], x: x, y: inner.y, style: theme[.header])
            let fieldWidth = min(24, max(6, inner.width / 3))
            let field = filter.visible(width: fieldWidth)
            buffer.write(field.text, x: x, y: inner.y, maxWidth: fieldWidth, style: filtering ? theme[.input] : theme[.text])
            if filtering { buffer.cursor = Buffer.Position(x: x + field.cursorX, y: inner.y) }
            x += fieldWidth + 2
        } else if deleted != nil {
            x += buffer.write(strings[.deletedViewTitle] + "  ", x: x, y: inner.y, style: theme[.header])
        }
        let status = strings[.listStatus(sort: strings[sortKey.label], shown: shown.count, total: (deleted ?? listings).count)]
        buffer.write(status, x: x, y: inner.y, maxWidth: max(0, inner.maxX - x), style: theme[.dim])
        let columns = Self.columns(width: inner.width)
        let table = table(columns, context: context)
        table.drawHeader(into: &buffer, area: inner, y: inner.y + 1, style: theme[.header])
        if shown.isEmpty {
            buffer.write(strings[deleted == nil ? .noMatches : .noDeletedDepartments], x: inner.x, y: inner.y + 2,
                         width: inner.width, style: theme[.dim])
            return
        }
        let rows = Self.visibleRows(height: area.height)
        let first = min(scroll, max(0, shown.count - rows))
        // One formatter (a calendar in the reader's zone) for all the rows of this frame.
        let times = context.environment.times
        for (row, index) in (first..<min(shown.count, first + rows)).enumerated() {
            let style = index == selection ? theme[.selected] : theme[.text]
            table.drawRow(cells(shown[index], columns, context: context, times: times), into: &buffer, area: inner, y: inner.y + 2 + row, style: style)
        }
    }

    private func drawWelcome(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        let theme = context.theme
        let strings = context.strings
        var y = area.y + 1
        func put(_ text: String, _ style: Style) {
            for line in context.metrics.wrap(text, to: area.width) where y < area.maxY {
                buffer.write(line, x: area.x, y: y, style: style)
                y += 1
            }
        }
        put(strings[.welcomeTitle], theme[.header])
        y += 1
        put(strings[.noDepartmentsIn(context.environment.storePath)], theme[.text])
        put(strings[.welcomeHowToStart], theme[.text])
        y += 1
        for (key, text) in [("n", MessageID.welcomeNew), ("l", .welcomeSamples), ("F1", .welcomeHelp), ("Ctrl-Q", .welcomeQuit)] {
            guard y < area.maxY else { break }
            let w = buffer.write("  " + context.metrics.pad(key, to: 8), x: area.x, y: y, style: theme[.statusKey])
            buffer.write(strings[text], x: area.x + w, y: y, maxWidth: area.width - w, style: theme[.text])
            y += 1
        }
    }
}

extension DepartmentListScreen.SortKey {
    /// The order of two listings under this key (ties by unit code, then year).
    func areInOrder(_ a: DepartmentListing, _ b: DepartmentListing) -> Bool {
        let tie = (a.unitCode, a.fiscalYear) < (b.unitCode, b.fiscalYear)
        switch self {
        case .code: return tie
        case .name: return a.unitName != b.unitName ? a.unitName < b.unitName : tie
        case .status:
            let order = ReviewStatus.allCases
            let ia = order.firstIndex(of: a.status) ?? 0, ib = order.firstIndex(of: b.status) ?? 0
            return ia != ib ? ia < ib : tie
        case .lastSaved:
            // Most recent first; never saved last.
            let sa = a.savedAt ?? "", sb = b.savedAt ?? ""
            return sa != sb ? sa > sb : tie
        }
    }
}
