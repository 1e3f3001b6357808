import Foundation
import JixiaoApp
import JixiaoStore

/// The store's change feed as an input of the editor's loop (live refresh, docs/store.md):
/// the terminal waits on the PostgreSQL listening socket beside the keyboard, or looks at the
/// file store every `lookInterval` seconds while idle. What the feed reports goes through a
/// `StoreChangeCoalescer`, so the app gets at most one `.storeChanged` a second.
///
/// A lost PostgreSQL connection leaves no socket to wait on: the feed is then asked again every
/// `lookInterval` seconds; once it has connected again it answers `.everything` and the app
/// reads everything shown again.
@MainActor
final class StoreChangeSource: EventSource {
    let feed: any ChangeFeed
    let lookInterval: Double
    private var coalescer = StoreChangeCoalescer(spacing: 1)
    private var nextLook: Double

    /// `feed` has had its first look already (see `prime`).
    init(feed: any ChangeFeed, lookInterval: Double) {
        self.feed = feed
        self.lookInterval = lookInterval
        nextLook = Self.now() + lookInterval
    }

    /// The feed's first look, which takes its baseline (for PostgreSQL: LISTEN) and answers
    /// `.everything`. Done before the editor reads its first listing, so changes made while it
    /// reads are reported rather than missed.
    nonisolated static func prime(_ feed: any ChangeFeed) {
        _ = try? feed.changes(waitingUpTo: 0)
    }

    var descriptor: Int32? { feed.wakeDescriptor }

    func millisecondsUntilDue() -> Int? {
        let now = Self.now()
        var due = coalescer.due(now: now)
        if feed.wakeDescriptor == nil { due = min(due ?? .infinity, max(0, nextLook - now)) }
        return due.map { Int(($0 * 1000).rounded(.up)) }
    }

    func collect() -> [InputEvent] {
        let now = Self.now()
        if feed.wakeDescriptor != nil || now >= nextLook {
            nextLook = now + lookInterval
            // Unreachable: nothing to report; the next look tries again.
            if let changes = try? feed.changes(waitingUpTo: 0) { coalescer.add(changes) }
        }
        return coalescer.take(now: Self.now()).map { [.storeChanged($0)] } ?? []
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
