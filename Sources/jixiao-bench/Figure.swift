import Foundation

/// Monotonic time in nanoseconds (CLOCK_MONOTONIC: not moved by clock adjustments).
func monotonicNanoseconds() -> UInt64 {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    return UInt64(now.tv_sec) * 1_000_000_000 + UInt64(now.tv_nsec)
}

/// CPU time of the calling thread in milliseconds (CLOCK_THREAD_CPUTIME_ID).
func threadCPUMilliseconds() -> Double {
    var now = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now)
    return Double(now.tv_sec) * 1e3 + Double(now.tv_nsec) / 1e6
}

/// Runs `body` and returns its result and the time it took in milliseconds.
func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
    let start = monotonicNanoseconds()
    let result = try body()
    return (result, Double(monotonicNanoseconds() - start) / 1e6)
}

/// One measured figure: its samples, summarised as median, p99, min and max, and the target
/// it is held to (nil: reported only).
struct Figure {
    enum Unit: String { case milliseconds = "ms", bytes = "B", megabytes = "MB" }

    var label: String
    var unit: Unit
    var samples: [Double]
    /// The upper bound of the median (and of p99 when `p99Target` is set).
    var target: Double?
    var p99Target: Double?
    var note = ""

    var sorted: [Double] { samples.sorted() }

    var median: Double {
        let values = sorted
        guard !values.isEmpty else { return .nan }
        let mid = values.count / 2
        return values.count % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2
    }

    /// Nearest-rank 99th percentile: with fewer than 100 samples this is the maximum.
    var p99: Double {
        let values = sorted
        guard !values.isEmpty else { return .nan }
        let rank = Int((0.99 * Double(values.count)).rounded(.up))
        return values[max(0, min(values.count - 1, rank - 1))]
    }

    var minimum: Double { samples.min() ?? .nan }
    var maximum: Double { samples.max() ?? .nan }

    /// Nil when there is no target.
    var meetsTarget: Bool? {
        guard let target else { return nil }
        if median > target { return false }
        if let p99Target, p99 > p99Target { return false }
        return true
    }

    var targetText: String {
        guard let target else { return "-" }
        var text = "≤ \(Self.format(target))"
        if let p99Target { text += " (p99 ≤ \(Self.format(p99Target)))" }
        return text
    }

    static func format(_ value: Double) -> String {
        if value.isNaN { return "-" }
        if value >= 100 || value == value.rounded() { return String(format: "%.0f", value) }
        if value >= 10 { return String(format: "%.1f", value) }
        if value >= 0.1 { return String(format: "%.2f", value) }
        return String(format: "%.3f", value)
    }

    static let header = [
        "figure".padding(toLength: 50, withPad: " ", startingAt: 0), "unit",
        "median".leftPadded(9), "p99".leftPadded(9), "min".leftPadded(9), "max".leftPadded(9),
        "n".leftPadded(5), "  target", "",
    ].joined(separator: " ")

    var line: String {
        let verdict = meetsTarget.map { $0 ? "met" : "MISSED" } ?? ""
        return [
            label.padding(toLength: 50, withPad: " ", startingAt: 0), unit.rawValue.padding(toLength: 4, withPad: " ", startingAt: 0),
            Self.format(median).leftPadded(9), Self.format(p99).leftPadded(9),
            Self.format(minimum).leftPadded(9), Self.format(maximum).leftPadded(9),
            String(samples.count).leftPadded(5), "  " + targetText, verdict,
        ].joined(separator: " ") + (note.isEmpty ? "" : "  [\(note)]")
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
