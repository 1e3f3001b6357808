import ArgumentParser
import Foundation
import JixiaoApp
import JixiaoStore
import JixiaoTerminal

/// `jixiao-bench`: the benchmark suite of docs/performance.md. Generates its own data, runs
/// each figure and prints median, p99, min, max and n with the target and the machine.
@main
struct JixiaoBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao-bench",
        abstract: "Measure jixiao's editor and store paths against the performance targets (docs/performance.md).",
        discussion: "Build with -c release: swift run -c release jixiao-bench")

    static let figureNames = ["first-frame", "open", "document-view", "cursor", "commit", "save", "validate", "validate-large", "import", "export", "rss",
                              "live-refresh", "postgres"]

    @Flag(help: "Tiny sizes and few iterations: shows the suite works (CI), measures nothing useful.")
    var quick = false

    @Option(name: .customLong("only"), parsing: .upToNextOption,
            help: ArgumentHelp("Run only these figures: \(figureNames.joined(separator: ", ")).", valueName: "name"))
    var only: [String] = []

    @Option(name: [.customLong("work"), .customLong("keep")], help: ArgumentHelp(
        "Where to generate and keep the data (default: $TMPDIR/jixiao-bench-<uid>). The large store is reused while it matches the generator.",
        valueName: "dir"))
    var work: String?

    @Option(help: ArgumentHelp("The seed documents to import (default: ../shared/seeds from the current directory).",
                               valueName: "dir"))
    var seeds: String?

    @Option(help: ArgumentHelp(
        "A PostgreSQL database (URL without password) for the PostgreSQL figures (default: $JIXIAO_BENCH_POSTGRES). Use an empty scratch database: the large store is copied into it once.",
        valueName: "url"))
    var postgres: String?

    @Option(name: .customLong("rss-probe"), help: .hidden)
    var rssProbe: String?

    func validate() throws {
        for name in only where !Self.figureNames.contains(name) {
            throw ValidationError("unknown figure '\(name)'; known: \(Self.figureNames.joined(separator: ", "))")
        }
    }

    func run() throws {
        if let rssProbe {
            try Self.probeMemory(root: rssProbe)
            return
        }
        let sizes = quick ? BenchSizes.quick : BenchSizes.full
        let temporary = ProcessInfo.processInfo.environment["TMPDIR"] ?? "/tmp"
        let base = work ?? "\(temporary)/jixiao-bench-\(geteuid())"
        let data = BenchData(work: base + (quick ? "/quick" : ""), sizes: sizes)
        try FileManager.default.createDirectory(atPath: data.work, withIntermediateDirectories: true)
        func wants(_ name: String) -> Bool { only.isEmpty || only.contains(name) }
        func say(_ line: String) {
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }

        say("jixiao-bench\(quick ? " --quick (sizes reduced; figures not comparable with the targets)" : "")")
        say(Machine.current().description)
        say("load average before: \(Machine.load())")
        say("work directory: \(data.work)")
        if ["first-frame", "validate", "rss", "live-refresh", "postgres"].contains(where: wants) {
            if let seconds = try data.largeStore(log: say) {
                say(String(format: "generated the store in %.1f s", seconds))
            } else {
                say("reusing the generated store (fingerprint matches)")
            }
        }
        say("")
        say(Figure.header)
        var figures: [Figure] = []
        func report(_ figure: Figure) {
            figures.append(figure)
            say(figure.line)
        }
        let editor = EditorBenchmarks(data: data)
        let store = StoreBenchmarks(data: data)
        if wants("first-frame") {
            report(try editor.firstFrame(cold: true))
            report(try editor.firstFrame(cold: false))
        }
        if wants("open") { report(try editor.openDepartment()) }
        if wants("document-view") {
            let view = try editor.documentView()
            report(view.open)
            report(view.page)
            report(view.search)
        }
        if wants("cursor") {
            let moves = try editor.cursorMoves()
            report(moves.time)
            report(moves.bytes)
            report(moves.scroll)
        }
        if wants("commit") { report(try editor.cellCommits()) }
        if wants("save") { report(try store.save()) }
        if wants("validate") {
            let validation = try store.validateStore()
            report(validation.whole)
            report(validation.load)
            report(validation.rulesOnly)
        }
        if wants("validate-large") { report(store.validateLargeDocument()) }
        if wants("import") {
            let directory = seeds ?? FileManager.default.currentDirectoryPath + "/../shared/seeds"
            if FileManager.default.fileExists(atPath: directory) {
                for figure in try store.importSeeds(directory: directory) { report(figure) }
            } else {
                say("import seeds: skipped: seeds not found (\(directory))")
            }
        }
        if wants("export") { report(ExportBenchmarks(data: data).workbook()) }
        if wants("rss") { report(try peakMemory(data)) }
        if wants("live-refresh") {
            let looks = try LiveRefreshBenchmarks(data: data).fileFeedLooks()
            report(looks.baseline)
            report(looks.idle)
        }
        if wants("postgres") { try runPostgres(data, say: say, report: report) }
        say("")
        say("load average after: \(Machine.load())")
        let missed = figures.filter { $0.meetsTarget == false }
        say(missed.isEmpty ? "every target met" : "targets missed: " + missed.map(\.label).joined(separator: "; "))
    }

    /// Peak RSS of a separate process that opens the large store, draws the home screen and
    /// opens a department, so the figure does not include the benchmark's own generation.
    func peakMemory(_ data: BenchData) throws -> Figure {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.arguments = ["--rss-probe", data.largeStorePath]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0, let megabytes = Double(output.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw BenchError("the memory probe failed (status \(process.terminationStatus)): \(output)")
        }
        return Figure(label: "peak RSS, large store open", unit: .megabytes, samples: [megabytes], target: 80,
                      note: "\(data.sizes.departments) departments listed, one open")
    }

    /// The child of `peakMemory`: the editor's start-up on the large store, then one department
    /// opened and drawn; prints VmHWM in MB.
    static func probeMemory(root: String) throws {
        let store = try FileDocumentStore(root: root, options: .init(findingCounter: BenchData.counter))
        var app = try EditorBenchmarks.homeApp(store)
        var writer = FrameWriter(capabilities: EditorBenchmarks.capabilities)
        let home = app.view()
        _ = writer.update(from: nil, to: home)
        if let first = try store.list().documents.first {
            _ = app.handle(.result(.opened(OpenedDepartment(stored: try store.load(id: first.id)))))
            _ = writer.update(from: home, to: app.view())
        }
        print(String(format: "%.1f", peakResidentMegabytes()))
    }
}
