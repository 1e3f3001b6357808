import Foundation
import JixiaoModel

/// Settings fixed for a session: language, theme, width rules and who is working.
public struct AppEnvironment: Sendable {
    public var strings: Strings
    public var theme: Theme
    public var metrics: TextMetrics
    /// The store directory, shown in the title bar.
    public var storePath: String
    /// Indicators written before (the bundled samples), offered by the project screen's name
    /// picker besides the open department's own.
    public var indicatorLibrary: IndicatorLibrary = .empty
    /// Who is working, with groups: what the access policy is checked against. Built by the
    /// executable from the process's credentials.
    public var identity: Identity
    /// The OS account running the process (the identity's user), shown in the status line.
    public var userName: String { identity.user }
    /// The store's review permissions (docs/store.md); `.singleUser` without a configuration.
    public var policy: AccessPolicy = .singleUser
    /// The clock: review log entries, comments, and what "today" is on screen. `update` and
    /// `view` read the time only from here, so tests pin it and a replayed session repeats.
    public var now: @Sendable () -> Date = { Date() }
    /// The zone times are shown in (stored times stay UTC).
    public var timeZone: TimeZone = .current
    /// Where new projects, rows and items get their ids.
    public var ids: IDGenerator = .random

    /// The current time in the review log's form.
    public var timestamp: String { ReviewTimestamp.string(from: now()) }
    /// The one formatter for times on screen: local, relative to the environment's now.
    public var times: TimeDisplay { TimeDisplay(zone: timeZone, now: now()) }
    /// A new stable id from the environment's generator.
    public func makeID(_ prefix: String) -> String { ids.make(prefix: prefix) }

    public init(strings: Strings = Strings(.chinese), theme: Theme = .builtinDefault,
                metrics: TextMetrics = TextMetrics(), userName: String = "", storePath: String = "") {
        self.strings = strings
        self.theme = theme
        self.metrics = metrics
        self.storePath = storePath
        self.identity = Identity(user: userName)
    }
}
