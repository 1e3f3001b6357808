import Foundation

/// Times from the store (ISO 8601 UTC) as the user reads them: local wall-clock time.
enum TimeText {
    /// `10:02` for a time today, `11-20 10:02` otherwise; the input unchanged when unreadable.
    static func clock(_ iso: String) -> String {
        guard let date = parse(iso) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let parts = calendar.dateComponents([.month, .day, .hour, .minute], from: date)
        let time = String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
        if calendar.isDateInToday(date) { return time }
        return String(format: "%02d-%02d ", parts.month ?? 0, parts.day ?? 0) + time
    }

    /// `2026-11-23 10:02` in local time, for lists.
    static func dateTime(_ iso: String) -> String {
        guard let date = parse(iso) else { return iso }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone.current
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%04d-%02d-%02d %02d:%02d", p.year ?? 0, p.month ?? 0, p.day ?? 0, p.hour ?? 0, p.minute ?? 0)
    }

    static func parse(_ iso: String) -> Date? {
        let withFraction = ISO8601DateFormatter()
        withFraction.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withFraction.date(from: iso) { return date }
        return ISO8601DateFormatter().date(from: iso)
    }
}
