/// One entry of a keymap: the keys that trigger an action and what it does, in words from
/// the language tables. The same value drives dispatch, the help overlay, the status bar
/// hints and `docs/keys.md`, so they cannot disagree.
public struct KeyBinding<Action: Sendable>: Sendable {
    public var keys: [KeyEvent]
    public var action: Action
    public var description: MessageID
    /// Shown as a hint in the status bar.
    public var isHint: Bool

    public init(_ keys: [KeyEvent], _ action: Action, _ description: MessageID, hint: Bool = false) {
        self.keys = keys
        self.action = action
        self.description = description
        self.isHint = hint
    }
}

extension KeyBinding {
    /// The row keys every list shares (arrows and vi keys, pages, first and last), so lists
    /// move alike: Up/k, Down/j, PgUp, PgDn, Home/g, End/G.
    public static func rowNavigation(up: Action, down: Action, pageUp: Action, pageDown: Action,
                                     first: Action, last: Action) -> [KeyBinding] {
        [
            KeyBinding([KeyEvent(.up), .char("k")], up, .helpRowUp),
            KeyBinding([KeyEvent(.down), .char("j")], down, .helpRowDown),
            KeyBinding([KeyEvent(.pageUp)], pageUp, .helpPageUp),
            KeyBinding([KeyEvent(.pageDown)], pageDown, .helpPageDown),
            KeyBinding([KeyEvent(.home), .char("g")], first, .helpFirstRow),
            KeyBinding([KeyEvent(.end), .char("G")], last, .helpLastRow),
        ]
    }
}

/// The keys of one screen, dialog or text field. The first binding that lists a key wins.
public struct Keymap<Action: Sendable>: Sendable {
    /// The section title in help and `docs/keys.md`.
    public var name: MessageID
    public var bindings: [KeyBinding<Action>]

    public init(name: MessageID, _ bindings: [KeyBinding<Action>]) {
        self.name = name
        self.bindings = bindings
    }

    public func action(for key: KeyEvent) -> Action? {
        bindings.first { $0.keys.contains(key) }?.action
    }

    /// The keymap as help lines, without its actions: what the help overlay shows.
    public var help: HelpSection {
        HelpSection(title: name, entries: bindings.map {
            HelpEntry(keys: $0.keys.map(\.description), description: $0.description, isHint: $0.isHint)
        })
    }
}

/// A keymap as help text: a titled list of keys and descriptions.
public struct HelpSection: Hashable, Sendable {
    public var title: MessageID
    public var entries: [HelpEntry]

    public init(title: MessageID, entries: [HelpEntry]) {
        self.title = title
        self.entries = entries
    }
}

public struct HelpEntry: Hashable, Sendable {
    /// Key names as `KeyEvent.description` spells them.
    public var keys: [String]
    public var description: MessageID
    public var isHint: Bool
}
