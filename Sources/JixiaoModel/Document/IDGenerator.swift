import Foundation

/// Where new stable ids come from. The editor and the commands use random ids; tests and
/// recorded sessions use a sequence, so that the same keys give the same document and frames.
public struct IDGenerator: Sendable {
    private let next: @Sendable (String) -> String

    public init(_ next: @escaping @Sendable (String) -> String) { self.next = next }

    /// A new id such as `r-7k2m9q4x1d` (`StableID.make`).
    public func make(prefix: String) -> String { next(prefix) }

    /// Random ids: what a real session uses.
    public static let random = IDGenerator { StableID.make(prefix: $0) }

    /// `r-0000000001`, `t-0000000002`, …: one counter for every prefix, starting at `start`.
    /// Each call of `sequential` starts a counter of its own.
    public static func sequential(start: Int = 1) -> IDGenerator {
        let counter = Counter(start)
        return IDGenerator { prefix in
            let n = counter.next()
            let digits = String(n)
            return prefix + "-" + String(repeating: "0", count: max(0, 10 - digits.count)) + digits
        }
    }

    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var value: Int
        init(_ start: Int) { value = start }
        func next() -> Int {
            lock.lock(); defer { lock.unlock() }
            defer { value += 1 }
            return value
        }
    }
}
