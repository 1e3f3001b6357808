import Foundation
import JixiaoModel
@testable import JixiaoApp

extension AppEnvironment {
    /// The tests' "now": 2026-11-23 20:00 in Shanghai, the evening of the fixtures' saves.
    static let testNow = TimeDisplay.parse("2026-11-23T12:00:00Z")!
    /// Shanghai, not UTC, so that a time shown without the zone is caught.
    static let testZone = TimeZone(identifier: "Asia/Shanghai")!

    /// An environment whose clock, time zone and ids are the test's, never the machine's.
    static func pinned(strings: Strings = Strings(.chinese), userName: String = "zhang",
                       storePath: String = "/srv/jixiao", now: Date = testNow) -> AppEnvironment {
        var environment = AppEnvironment(strings: strings, userName: userName, storePath: storePath)
        environment.now = { now }
        environment.timeZone = testZone
        environment.ids = .sequential()
        return environment
    }
}
