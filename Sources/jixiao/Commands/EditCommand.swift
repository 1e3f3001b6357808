import ArgumentParser
import Foundation
import JixiaoApp
import JixiaoModel
import JixiaoSamples
import JixiaoStore
import JixiaoTerminal

/// `jixiao edit` (the default): opens the editor on a store.
struct Edit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Open the editor on a store (the default command)."
    )

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: ArgumentHelp(
        "Colour theme: default, light, high-contrast, monochrome, or a file NAME.theme in $XDG_CONFIG_HOME/jixiao/themes.",
        valueName: "NAME"))
    var theme: String = "default"

    @Option(name: .long, help: ArgumentHelp("Interface language: zh (default) or en; default from LANG.",
                                            valueName: "zh|en"))
    var lang: Language?

    @Option(name: .long, help: ArgumentHelp(
        "Columns the terminal gives ambiguous characters such as ≥ “ ” …: 1 (default) or 2 (CJK terminals).",
        valueName: "1|2"))
    var ambiguousWidth: AmbiguousWidth = .narrow

    @Option(name: .long, help: ArgumentHelp(
        "Milliseconds to wait after Esc for the rest of a key sequence (default: $ESCDELAY or 50).",
        valueName: "MS"))
    var escDelay: Int?

    func validate() throws {
        if let escDelay, !(0...5000).contains(escDelay) {
            throw ValidationError("--esc-delay must be between 0 and 5000 milliseconds.")
        }
    }

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        let language = lang ?? Language.detect(environment: environment)
        let catalog = ThemeCatalog(userDirectory: ThemeCatalog.defaultUserDirectory(environment: environment))
        let chosen = catalog.load(theme)
        let documentStore: any EditorStore
        let loaded: DepartmentListingLoader.Result
        let policy: AccessPolicy
        let changeFeed: (feed: any ChangeFeed, lookInterval: Double)
        do {
            guard let opened = try store.open(create: true) as? any EditorStore else { throw ValidationError("this store cannot be edited") }
            documentStore = opened
            // A configuration that cannot be read stops the editor here, before anything is typed
            // that could not be saved (the store would refuse every save).
            policy = try documentStore.accessPolicy()
            changeFeed = documentStore.makeChangeFeed()
            StoreChangeSource.prime(changeFeed.feed)
            loaded = try DepartmentListingLoader.load(from: documentStore)
        } catch {
            FileHandle.standardError.write(Data("jixiao: \(error)\n".utf8))
            throw ExitCode(2)
        }

        var options = Terminal.Options.fromEnvironment(environment)
        if let escDelay { options.escapeDelay = escDelay }

        let status: Int32 = try MainActor.assumeIsolated {
            let terminal: Terminal
            do throws(TerminalError) {
                terminal = try Terminal(options: options)
            } catch {
                FileHandle.standardError.write(Data((Self.explain(error) + "\n").utf8))
                throw ExitCode(2)
            }
            defer { terminal.restore() }
            terminal.eventSource = StoreChangeSource(feed: changeFeed.feed, lookInterval: changeFeed.lookInterval)
            var message: StatusMessage?
            if let problem = chosen.problem {
                message = StatusMessage(.themeProblem(problem), kind: .error)
            } else if let first = loaded.problems.first {
                message = StatusMessage(.listingProblems(count: loaded.problems.count, first: first), kind: .error)
            }
            var appEnvironment = AppEnvironment(
                strings: Strings(language),
                theme: chosen.theme.adapted(toColors: terminal.capabilities.colors),
                metrics: TextMetrics(ambiguousWidth: ambiguousWidth),
                userName: documentStore.identity.user,
                storePath: documentStore.location)
            // Who works, from the process's credentials (or the database role), and the store's
            // rules: the screens pre-check with them; the store checks every save again.
            appEnvironment.identity = documentStore.identity
            appEnvironment.policy = policy
            appEnvironment.indicatorLibrary = IndicatorLibrary(documents: (try? SampleDepartments.all()) ?? [])
            var app = App(home: DepartmentListScreen(listings: loaded.listings), environment: appEnvironment,
                          size: terminal.size, message: message)
            let performer = EffectPerformer(store: documentStore, language: language)
            return AppRunner.run(&app, on: terminal) { effect in
                // The clipboard goes to the user's terminal, not to the store.
                if case .copyToClipboard(let text) = effect {
                    terminal.copyToClipboard(text)
                    return []
                }
                return performer.perform(effect)
            }
        }
        if let problem = chosen.problem {
            FileHandle.standardError.write(Data("jixiao: \(problem)\n".utf8))
        }
        if status != 0 { throw ExitCode(status) }
    }

    /// The start-up error in both languages: with a non-UTF-8 locale the user may not be
    /// able to read Chinese, so English comes first.
    static func explain(_ error: TerminalError) -> String {
        switch error {
        case .localeNotUTF8(let codeset):
            return Strings(.english)[.localeNotUTF8(codeset: codeset)] + "\n"
                + Strings(.chinese)[.localeNotUTF8(codeset: codeset)]
        case .notATerminal:
            return "jixiao: standard input and output must be a terminal (run jixiao in a terminal, or use a batch subcommand).\n"
                + "jixiao：标准输入和输出必须是终端。"
        case .unknownTerminal(let name):
            return "jixiao: the terminal type TERM=\(name) is not in the terminfo database. Try export TERM=xterm-256color.\n"
                + "jixiao：终端类型 TERM=\(name) 不在 terminfo 数据库中。可尝试 export TERM=xterm-256color。"
        }
    }
}

extension Language: ExpressibleByArgument {}

extension AmbiguousWidth: ExpressibleByArgument {
    public init?(argument: String) {
        guard let value = Int(argument), let width = AmbiguousWidth(rawValue: value) else { return nil }
        self = width
    }
}
