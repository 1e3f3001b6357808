import Foundation

/// How a stored time is shown to a person. Stored times are UTC (`ReviewTimestamp`, and the
/// store's `2026-11-23T10:02:00.000Z`); every screen and command shows them in the reader's time
/// zone, relative to the reader's "now". Both are passed in, never read here, so one instant
/// reads the same in the list, the comments and the history, and tests pin both.
public struct TimeDisplay: Sendable {
    public let zone: TimeZone
    public let now: Date
    private let calendar: Calendar

    public init(zone: TimeZone, now: Date) {
        self.zone = zone
        self.now = now
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        self.calendar = calendar
    }

    /// `10:02` today, `11-20 10:02` earlier this year, `2025-11-20 10:02` in another year; the
    /// input unchanged when it is not a time.
    public func clock(_ iso: String) -> String {
        guard let parts = local(iso) else { return iso }
        switch age(parts) {
        case .today: return parts.time
        case .thisYear: return parts.monthDay + " " + parts.time
        case .otherYear: return parts.date + " " + parts.time
        }
    }

    /// `2026-11-23 10:02`: the full local date and time, for lists and logs.
    public func dateTime(_ iso: String) -> String {
        guard let parts = local(iso) else { return iso }
        return parts.date + " " + parts.time
    }

    /// `2026-11-23 18:02 +08:00`: `dateTime` with the zone's offset at that instant, for text
    /// that leaves the screen (command output, logs pasted into a mail).
    public func dateTimeWithOffset(_ iso: String) -> String {
        guard let date = Self.parse(iso) else { return iso }
        let seconds = zone.secondsFromGMT(for: date)
        let minutes = abs(seconds) / 60
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return dateTime(iso) + " " + (seconds < 0 ? "-" : "+") + two(minutes / 60) + ":" + two(minutes % 60)
    }

    /// The most telling form of `clock` that fits in `width` columns: today the time; this year
    /// `11-20 10:02`, else `11-20`; another year `2025-11-20`, `25-11-20`, `2025-11`, else `2025`.
    /// Shorter than any of them: empty, so that whatever stands beside the time stays visible.
    public func compact(_ iso: String, width: Int) -> String {
        guard let parts = local(iso) else { return iso.count <= width ? iso : "" }
        let candidates: [String]
        switch age(parts) {
        case .today: candidates = [parts.time]
        case .thisYear: candidates = [parts.monthDay + " " + parts.time, parts.monthDay]
        case .otherYear: candidates = [parts.date, String(parts.date.dropFirst(2)), String(parts.date.prefix(7)), String(parts.year)]
        }
        return candidates.first { $0.count <= width } ?? ""
    }

    // MARK: Parsing

    /// The instant a stored time names: `YYYY-MM-DDTHH:MM:SS[.fff]Z`, or any other ISO 8601
    /// internet time.
    public static func parse(_ iso: String) -> Date? {
        if let date = parseUTC(iso) { return date }
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return withFraction.date(from: iso) ?? ISO8601DateFormatter().date(from: iso)
    }

    /// The store's own form without a formatter: the home list parses one per department.
    private static func parseUTC(_ iso: String) -> Date? {
        let b = Array(iso.utf8)
        guard b.count >= 20, b.last == UInt8(ascii: "Z"), b[4] == 0x2D, b[7] == 0x2D, b[10] == UInt8(ascii: "T"),
              b[13] == 0x3A, b[16] == 0x3A else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                guard (0x30...0x39).contains(b[i]) else { return nil }
                value = value * 10 + Int(b[i] - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var fraction = 0.0
        if b.count > 20 {
            guard b[19] == UInt8(ascii: "."), b.count > 21, let digits = number(20..<(b.count - 1)) else { return nil }
            fraction = Double(digits) / pow(10, Double(b.count - 21))
        } else if b[19] != UInt8(ascii: "Z") {
            return nil
        }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3_600 + minute * 60 + second) + fraction
        return Date(timeIntervalSince1970: seconds)
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
    private static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    // MARK: Local parts

    private struct Parts {
        var year: Int, month: Int, day: Int
        var date: String, monthDay: String, time: String
    }

    private enum Age { case today, thisYear, otherYear }

    private func local(_ iso: String) -> Parts? {
        guard let date = Self.parse(iso) else { return nil }
        return parts(of: date)
    }

    private func parts(of date: Date) -> Parts {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        let (year, month, day) = (c.year ?? 0, c.month ?? 0, c.day ?? 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let monthDay = two(month) + "-" + two(day)
        return Parts(year: year, month: month, day: day, date: "\(year)-" + monthDay, monthDay: monthDay,
                     time: two(c.hour ?? 0) + ":" + two(c.minute ?? 0))
    }

    private func age(_ parts: Parts) -> Age {
        let today = self.parts(of: now)
        if parts.year != today.year { return .otherYear }
        return parts.month == today.month && parts.day == today.day ? .today : .thisYear
    }
}
