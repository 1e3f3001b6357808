import ArgumentParser
import Foundation
import JixiaoModel

/// The language of a batch command's output: Chinese by default, English with `--lang en` or
/// an English locale (the same rule as the editor).
struct LanguageOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Output language: zh (default) or en; default from LANG.", valueName: "zh|en"))
    var lang: OutputLanguage?

    var resolved: OutputLanguage {
        lang ?? OutputLanguage.detect(environment: ProcessInfo.processInfo.environment)
    }
}

enum OutputLanguage: String, ExpressibleByArgument {
    case zh, en

    static func detect(environment: [String: String]) -> OutputLanguage {
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = environment[name], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .zh
            }
        }
        return .zh
    }

    func pick(zh: String, en: String) -> String { self == .zh ? zh : en }
    func pick(_ text: LocalizedText) -> String { self == .zh ? text.zh : text.en }
}
