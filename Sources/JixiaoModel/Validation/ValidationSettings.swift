/// The thresholds and word lists the checks use; every one has a default and may be changed
/// per department or per user.
public struct ValidationSettings: Sendable, Hashable {
    /// Satisfaction values below this percentage get `satisfaction.low`. 80 by default: the
    /// samples use 90 and 95, and national guidance is not settled on a floor, so the default
    /// only catches clearly low targets.
    public var satisfactionMinimum: Amount
    /// Longest indicator name (三级指标) in characters; the national systems cut at 100.
    public var maxIndicatorNameLength: Int
    /// Phrases that make a value vague unless it also holds a number (`wording.vague`).
    public var vagueWords: [String]
    /// A project gets `wording.qualitativeShare` when at least this percentage of its filled
    /// values are qualitative.
    public var qualitativeSharePercent: Int
    /// Rule ids not to run.
    public var disabledRules: Set<String>

    public init(satisfactionMinimum: Amount = Amount(80), maxIndicatorNameLength: Int = 100,
                vagueWords: [String] = ValidationSettings.defaultVagueWords,
                qualitativeSharePercent: Int = 50, disabledRules: Set<String> = []) {
        self.satisfactionMinimum = satisfactionMinimum
        self.maxIndicatorNameLength = maxIndicatorNameLength
        self.vagueWords = vagueWords
        self.qualitativeSharePercent = qualitativeSharePercent
        self.disabledRules = disabledRules
    }

    public static let standard = ValidationSettings()

    /// The list of domain.md, plus close variants seen in documents.
    public static let defaultVagueWords = [
        "有所提升", "有所提高", "有所改善", "进一步提高", "进一步提升", "明显改善", "明显提升", "有效促进",
        "逐步", "较好", "不断提高",
    ]
}
