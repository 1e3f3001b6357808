import Foundation
import Testing
@testable import JixiaoModel

/// One formatter for every time shown: local to the zone it is given, relative to the "now" it
/// is given, never to the machine's.
@Suite struct TimeDisplayTests {
    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    static let utc = TimeZone(identifier: "UTC")!
    /// 2026-11-23 12:00 in Shanghai.
    static let noon = TimeDisplay.parse("2026-11-23T04:00:00Z")!

    @Test func storedFormsParseToTheSameInstant() {
        let plain = TimeDisplay.parse("2026-11-23T10:02:00Z")
        let fraction = TimeDisplay.parse("2026-11-23T10:02:00.000Z")
        #expect(plain != nil && plain == fraction)
        #expect(plain?.timeIntervalSince1970 == 1_795_428_120)
        #expect(TimeDisplay.parse("2026-11-23T10:02:00.250Z")?.timeIntervalSince1970 == 1_795_428_120.25)
        #expect(TimeDisplay.parse("2026-11-23T18:02:00+08:00") == plain, "other ISO forms go through the formatter")
        for bad in ["", "yesterday", "2026-13-23T10:02:00Z", "2026-11-23T10:02:00.Z", "2026-11-23 10:02:00Z"] {
            #expect(TimeDisplay.parse(bad) == nil, "\(bad)")
        }
    }

    @Test func theSameInstantReadsInTheReadersZone() {
        let inShanghai = TimeDisplay(zone: Self.shanghai, now: Self.noon)
        let inUTC = TimeDisplay(zone: Self.utc, now: Self.noon)
        #expect(inShanghai.dateTime("2026-11-23T02:02:00Z") == "2026-11-23 10:02")
        #expect(inUTC.dateTime("2026-11-23T02:02:00Z") == "2026-11-23 02:02")
        // Shanghai's day starts at 16:00 UTC the day before.
        #expect(inShanghai.dateTime("2026-11-22T16:30:00.000Z") == "2026-11-23 00:30")
        #expect(inShanghai.clock("2026-11-22T16:30:00.000Z") == "00:30", "already today in Shanghai")
        #expect(inUTC.clock("2026-11-22T16:30:00.000Z") == "11-22 16:30", "still yesterday in UTC")
    }

    @Test func commandOutputNamesTheOffset() {
        let display = TimeDisplay(zone: Self.shanghai, now: Self.noon)
        #expect(display.dateTimeWithOffset("2026-11-23T02:02:00Z") == "2026-11-23 10:02 +08:00")
        let newYork = TimeDisplay(zone: TimeZone(identifier: "America/New_York")!, now: Self.noon)
        #expect(newYork.dateTimeWithOffset("2026-07-01T12:00:00Z") == "2026-07-01 08:00 -04:00", "summer time")
        #expect(newYork.dateTimeWithOffset("2026-11-23T12:00:00Z") == "2026-11-23 07:00 -05:00")
    }

    @Test func clockSaysTheYearWhenItIsNotThisOne() {
        let display = TimeDisplay(zone: Self.shanghai, now: Self.noon)
        #expect(display.clock("2026-11-23T01:00:00Z") == "09:00")
        #expect(display.clock("2026-03-01T01:00:00Z") == "03-01 09:00")
        #expect(display.clock("2025-11-23T01:00:00Z") == "2025-11-23 09:00")
        #expect(display.clock("not a time") == "not a time")
    }

    @Test func compactGivesTheMostThatFits() {
        let display = TimeDisplay(zone: Self.shanghai, now: Self.noon)
        #expect(display.compact("2026-11-23T01:00:00Z", width: 9) == "09:00")
        #expect(display.compact("2026-11-20T01:00:00Z", width: 11) == "11-20 09:00")
        #expect(display.compact("2026-11-20T01:00:00Z", width: 9) == "11-20")
        #expect(display.compact("2025-11-20T01:00:00Z", width: 10) == "2025-11-20")
        #expect(display.compact("2025-11-20T01:00:00Z", width: 9) == "25-11-20")
        #expect(display.compact("2025-11-20T01:00:00Z", width: 7) == "2025-11")
        #expect(display.compact("2025-11-20T01:00:00Z", width: 6) == "2025")
        #expect(display.compact("2025-11-20T01:00:00Z", width: 3) == "")
    }

    @Test func aYearLaterTheSameTimeStillReadsRight() {
        let later = TimeDisplay(zone: Self.shanghai, now: TimeDisplay.parse("2027-11-24T04:00:00Z")!)
        #expect(later.clock("2026-11-23T02:02:00Z") == "2026-11-23 10:02")
        #expect(later.compact("2026-11-23T02:02:00Z", width: 9) == "26-11-23")
    }
}

@Suite struct IDGeneratorTests {
    @Test func sequentialIdsAreValidAndRepeatable() {
        let first = IDGenerator.sequential()
        let second = IDGenerator.sequential()
        let a = [first.make(prefix: "r"), first.make(prefix: "t"), first.make(prefix: "p")]
        let b = [second.make(prefix: "r"), second.make(prefix: "t"), second.make(prefix: "p")]
        #expect(a == ["r-0000000001", "t-0000000002", "p-0000000003"])
        #expect(a == b, "each sequence starts afresh")
        #expect(a.allSatisfy(StableID.isValid))
    }

    @Test func randomIdsDiffer() {
        let ids = (0..<50).map { _ in IDGenerator.random.make(prefix: "r") }
        #expect(Set(ids).count == 50)
        #expect(ids.allSatisfy { StableID.isValid($0) && $0.hasPrefix("r-") })
    }
}
