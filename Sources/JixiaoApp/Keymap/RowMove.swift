/// A move of the selection in a list screen (the keys of `KeyBinding.rowNavigation`), so list
/// screens share one meaning of Up, PgDn, Home … instead of each clamping its own.
public enum RowMove: Hashable, Sendable {
    case up, down, pageUp, pageDown, first, last

    /// The bindings for these moves, wrapped in a screen's action.
    static func bindings<Action: Sendable>(_ action: (RowMove) -> Action) -> [KeyBinding<Action>] {
        KeyBinding.rowNavigation(up: action(.up), down: action(.down), pageUp: action(.pageUp),
                                 pageDown: action(.pageDown), first: action(.first), last: action(.last))
    }

    /// The row selected after this move from `selection` in a list of `count` rows, `page` rows
    /// to a page.
    func apply(to selection: Int, count: Int, page: Int) -> Int {
        let target = switch self {
        case .up: selection - 1
        case .down: selection + 1
        case .pageUp: selection - page
        case .pageDown: selection + page
        case .first: 0
        case .last: count - 1
        }
        return min(max(0, target), max(0, count - 1))
    }
}
