import ArgumentParser
import Foundation
import JixiaoInterchange

/// Output helpers of `import` and `export`: messages in the chosen language, errors on
/// standard error, and the exit statuses they document.
struct InterchangeConsole {
    var language: OutputLanguage

    var summaryLanguage: ImportSummary.Language { language == .zh ? .chinese : .english }

    func say(zh: String, en: String) { InertOutput.line(language.pick(zh: zh, en: en)) }

    func error(_ text: String) {
        InertOutput.error(text)
    }

    func error(zh: String, en: String) { error(language.pick(zh: zh, en: en)) }

    /// Reports unusable arguments and gives the error that exits with status 2.
    func unusable(zh: String, en: String) -> ExitCode {
        error("jixiao: " + language.pick(zh: zh, en: en))
        return ExitCode(2)
    }
}
