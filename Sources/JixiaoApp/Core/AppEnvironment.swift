/// Settings fixed for a session: language, theme, width rules and who is working.
public struct AppEnvironment: Sendable {
    public var strings: Strings
    public var theme: Theme
    public var metrics: TextMetrics
    /// The OS account running the process.
    public var userName: String
    /// The store directory, shown in the title bar.
    public var storePath: String
    /// Indicators written before (the bundled samples), offered by the project screen's name
    /// picker besides the open department's own.
    public var indicatorLibrary: IndicatorLibrary = .empty

    public init(strings: Strings = Strings(.chinese), theme: Theme = .builtinDefault,
                metrics: TextMetrics = TextMetrics(), userName: String = "", storePath: String = "") {
        self.strings = strings
        self.theme = theme
        self.metrics = metrics
        self.userName = userName
        self.storePath = storePath
    }
}
