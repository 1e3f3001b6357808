import JixiaoModel

/// The department editor (部门整体绩效目标): its sections shown as tabs and switched with Tab /
/// Shift-Tab — header fields, 总体绩效目标, 分项绩效目标, 工作保障措施 and the projects. It edits
/// the app's `DocumentSession` (`context.session`); every change is a `CellEdit` applied through
/// `context.apply(_:label:)`, so it is journaled at once and undoable.
public struct DepartmentScreen: Screen {
    public enum Section: Int, CaseIterable, Hashable, Sendable {
        case header, overallGoals, subGoals, safeguards, projects

        var title: MessageID {
            switch self {
            case .header: .sectionHeader
            case .overallGoals: .sectionOverallGoals
            case .subGoals: .sectionSubGoals
            case .safeguards: .sectionSafeguards
            case .projects: .sectionProjects
            }
        }
    }

    public private(set) var section: Section = .header
    /// The selected row of each section.
    public private(set) var rows: [Section: Int] = [:]

    public init() {}

    public var title: MessageID { .screenDepartment }

    public enum Action: Hashable, Sendable {
        case nextSection, previousSection, save, undo, redo, back
    }

    public var keymap: Keymap<Action> { Self.keymap }

    public static let keymap = Keymap<Action>(name: .screenDepartment, [
        KeyBinding([KeyEvent(.tab)], .nextSection, .helpNextSection, hint: true),
        KeyBinding([KeyEvent(.tab, .shift)], .previousSection, .helpPreviousSection),
        KeyBinding([.ctrl("s")], .save, .helpSave, hint: true),
        KeyBinding([.ctrl("z")], .undo, .helpUndo),
        KeyBinding([.ctrl("y")], .redo, .helpRedo),
        KeyBinding([KeyEvent(.escape)], .back, .helpBackToList, hint: true),
    ])

    public mutating func perform(_ action: Action, context: inout ScreenContext) {
        switch action {
        case .nextSection:
            section = Section(rawValue: (section.rawValue + 1) % Section.allCases.count) ?? .header
        case .previousSection:
            section = Section(rawValue: (section.rawValue + Section.allCases.count - 1) % Section.allCases.count) ?? .header
        case .save: context.saveDepartment()
        case .undo: context.undo()
        case .redo: context.redo()
        case .back: context.closeDepartment()
        }
    }

    public func render(into buffer: inout Buffer, area: Rect, context: ViewContext) {
        guard let session = context.session else { return }
        drawTabs(into: &buffer, area: area, document: session.document, context: context)
    }

    /// Row 0: the sections as tabs, the current one highlighted.
    func drawTabs(into buffer: inout Buffer, area: Rect, document: DepartmentDocument, context: ViewContext) {
        let theme = context.theme
        buffer.fill(Rect(x: area.x, y: area.y, width: area.width, height: 1), style: theme[.header])
        var x = area.x + 1
        for candidate in Section.allCases {
            let count: Int? = switch candidate {
            case .header: nil
            case .overallGoals: document.overallGoals.count
            case .subGoals: document.subGoals.count
            case .safeguards: document.safeguards.count
            case .projects: document.projects.count
            }
            let label = " " + context.strings[candidate.title] + (count.map { "(\($0))" } ?? "") + " "
            x += buffer.write(label, x: x, y: area.y, maxWidth: max(0, area.maxX - x),
                              style: candidate == section ? theme[.selected] : theme[.header])
        }
    }
}
