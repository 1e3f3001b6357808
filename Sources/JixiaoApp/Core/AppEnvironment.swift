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
    /// The clock for review log entries and comments, injectable so tests are deterministic.
    public var now: @Sendable () -> Date = { Date() }

    /// The current time in the review log's form.
    public var timestamp: String { ReviewTimestamp.string(from: now()) }

    public init(strings: Strings = Strings(.chinese), theme: Theme = .builtinDefault,
                metrics: TextMetrics = TextMetrics(), userName: String = "", storePath: String = "") {
        self.strings = strings
        self.theme = theme
        self.metrics = metrics
        self.storePath = storePath
        self.identity = Identity(user: userName)
    }
}
