import JixiaoStore

/// Gathers the store's change hints and lets them out as at most one `.storeChanged` event per
/// `spacing` seconds, so a burst (an import of two thousand departments, a colleague saving
/// every second) costs one reload rather than one per change. The first change after a quiet
/// spell goes out at once. Time is passed in (monotonic seconds), so this is pure.
public struct StoreChangeCoalescer: Sendable {
    public let spacing: Double
    public private(set) var pending: StoreChanges = .none
    private var lastDelivery: Double?

    public init(spacing: Double = 1) {
        self.spacing = spacing
    }

    public mutating func add(_ changes: StoreChanges) {
        switch (pending, changes) {
        case (_, .none): break
        case (.everything, _), (_, .everything): pending = .everything
        case (.none, _): pending = changes
        case (.documents(let held), .documents(let more)): pending = .documents(held.union(more))
        }
    }

    /// Seconds until the pending changes may go out (0: now); nil when nothing is pending.
    public func due(now: Double) -> Double? {
        guard pending != .none else { return nil }
        guard let lastDelivery else { return 0 }
        return max(0, lastDelivery + spacing - now)
    }

    /// The changes to deliver now, if any are pending and the spacing has passed.
    public mutating func take(now: Double) -> StoreChanges? {
        guard let wait = due(now: now), wait <= 0 else { return nil }
        defer {
            pending = .none
            lastDelivery = now
        }
        return pending
    }
}
