import JixiaoStore

/// Live refresh: another editor saved, deleted, restored, opened or closed a department. The
/// store's change feed (LISTEN/NOTIFY, or `stat` on a timer for the file store) becomes
/// `InputEvent.storeChanged`; the app decides what to read again, so the view never reads the
/// store. A hint only: the reloads are the ordinary effects, answered by ordinary results.
///
/// Reloads stay proportional to what is shown: the home screen's list only while it is on
/// top (otherwise once on the way back), the presence of the open department only when the
/// change names it. The executable coalesces a burst of changes into one event
/// (`StoreChangeCoalescer`).
extension App {
    mutating func storeChanged(_ changes: StoreChanges) -> [AppEffect] {
        let changed: Set<String>?  // nil: everything
        switch changes {
        case .none: return []
        case .everything: changed = nil
        case .documents(let ids): changed = ids
        }
        var effects: [AppEffect] = []
        if screens.count == 1 {
            effects += withScreen(at: 0) { screen, context in screen.storeChanged(context: &context) }
        } else {
            listingStale = true
        }
        if let id = session?.id, changed?.contains(id) ?? true {
            effects.append(.checkPresence(id: id))
        }
        return effects
    }

    /// The answer to `.checkPresence`: the department screen's presence line follows; someone
    /// who newly opened the department is also announced on the message line, unless it shows
    /// an error the user has not seen go yet.
    mutating func presenceChecked(id: String, others: [PresenceEntry]) {
        guard session?.id == id, let before = session?.others, before != others else { return }
        session?.others = others
        if message?.kind == .error { return }
        let newcomers = others.filter { entry in !before.contains { $0.host == entry.host && $0.pid == entry.pid } }
        if let first = newcomers.first {
            message = StatusMessage(.openedByOthers(user: first.user, time: environment.times.clock(first.since),
                                                    more: others.count - 1))
        } else if case .openedByOthers? = message?.id {
            // The warning on the message line is out of date; the presence line says the rest.
            message = nil
        }
    }
}
