import Foundation
import JixiaoApp
import JixiaoModel
import JixiaoSamples
import JixiaoStore
import JixiaoTerminal

/// The editor's paths, run as `jixiao edit` runs them but without a terminal: the app core
/// (`App.handle`, `App.view`), the store calls `EffectPerformer` makes, and the real
/// `FrameWriter` diff for the bytes a terminal would receive (xterm-256color style, 80×24).
struct EditorBenchmarks {
    let data: BenchData
    static let size = Size(width: 80, height: 24)
    static let capabilities = TerminalCapabilities.ansi(colors: 256)

    static func environment(storePath: String) -> AppEnvironment {
        AppEnvironment(strings: Strings(.chinese), theme: Theme.builtinDefault.adapted(toColors: 256),
                       metrics: TextMetrics(), userName: "bench", storePath: storePath)
    }

    // MARK: First frame of the home screen

    /// Opens the large store and draws the home screen: store open, summary index, listings,
    /// the frame and its bytes. Returns the bytes sent.
    static func firstFrame(root: String) throws -> Int {
        let store = try FileDocumentStore(root: root, options: .init(findingCounter: BenchData.counter))
        let loaded = try DepartmentListingLoader.load(from: store)
        let app = App(home: DepartmentListScreen(listings: loaded.listings),
                      environment: environment(storePath: store.root), size: size)
        var writer = FrameWriter(capabilities: capabilities)
        return writer.update(from: nil, to: app.view()).count
    }

    func firstFrame(cold: Bool) throws -> Figure {
        let root = data.largeStorePath
        _ = try Self.firstFrame(root: root)  // the index is current and, for the warm case, cached
        var samples: [Double] = []
        var method = ""
        for _ in 0..<(cold ? data.sizes.coldIterations : data.sizes.iterations / 4 + 1) {
            if cold { method = data.dropCaches() }
            samples.append(try timed { try Self.firstFrame(root: root) }.1)
        }
        return Figure(label: cold ? "first frame, home screen (cold cache)" : "first frame, home screen (warm cache)",
                      unit: .milliseconds, samples: samples, target: 100,
                      note: "\(data.sizes.departments) departments" + (cold ? "; \(method)" : ""))
    }

    // MARK: Opening a department

    /// The home screen of a store holding `document`, as the editor shows it after start-up.
    static func homeApp(_ store: FileDocumentStore) throws -> App {
        let loaded = try DepartmentListingLoader.load(from: store)
        return App(home: DepartmentListScreen(listings: loaded.listings), environment: environment(storePath: store.root),
                   size: size)
    }

    /// What `.openDepartment` costs: the store's load (read, checksum, decode), presence and
    /// draft look-ups (as `EffectPerformer` does them), the session with its validation, and the
    /// department screen's frame diffed against the home screen.
    func openDepartment() throws -> Figure {
        let document = SyntheticDepartments.make(index: 0, projects: data.sizes.openProjects)
        let store = try data.freshStore(named: "open-store", with: document)
        let samples = try StoreProcedures.openDepartment(document.id, in: store, home: try Self.homeApp(store),
                                                         iterations: data.sizes.iterations / 4 + 1)
        let kb = DocumentCodec.encode(document).count / 1024
        return Figure(label: "open department (\(data.sizes.openProjects) projects) + draw", unit: .milliseconds,
                      samples: samples, target: 20, note: "\(kb) KB document")
    }

    // MARK: The document view

    /// F7 on a department of `openProjects` projects: the printed layout of the whole document
    /// (built once per document and width) and the first page's frame; then Page Down, which
    /// draws from the cached layout.
    func documentView() throws -> (open: Figure, page: Figure, search: Figure) {
        let document = SyntheticDepartments.make(index: 0, projects: data.sizes.openProjects)
        let store = try data.freshStore(named: "document-view-store", with: document)
        var opened = try Self.homeApp(store)
        _ = opened.handle(.result(.opened(OpenedDepartment(stored: try store.load(id: document.id)))))
        var openSamples: [Double] = []
        var pageSamples: [Double] = []
        var searchSamples: [Double] = []
        var lines = 0
        for _ in 0..<(data.sizes.iterations / 4 + 1) {
            var app = opened
            var writer = FrameWriter(capabilities: Self.capabilities)
            var frame = app.view()
            _ = writer.update(from: nil, to: frame)
            let (_, ms) = timed {
                _ = app.handle(.key(KeyEvent(.function(7))))
                let next = app.view()
                _ = writer.update(from: frame, to: next)
                frame = next
            }
            openSamples.append(ms)
            guard let view = app.currentScreen as? DocumentViewScreen else {
                throw BenchError("F7 did not open the document view")
            }
            lines = view.lineCount(app)
            for _ in 0..<10 {
                let (_, page) = timed {
                    _ = app.handle(.key(KeyEvent(.pageDown)))
                    let next = app.view()
                    _ = writer.update(from: frame, to: next)
                    frame = next
                }
                pageSamples.append(page)
            }
            // Search as you type: each key searches the whole document from where it began.
            _ = app.handle(.key(.char("/")))
            for character in "满意度" {
                let (_, key) = timed {
                    _ = app.handle(.key(.char(character)))
                    let next = app.view()
                    _ = writer.update(from: frame, to: next)
                    frame = next
                }
                searchSamples.append(key)
            }
            guard (app.currentScreen as? DocumentViewScreen)?.currentMatch != nil else {
                throw BenchError("the search found nothing")
            }
        }
        let note = "\(data.sizes.openProjects) projects, \(lines) lines"
        return (Figure(label: "document view: F7 (layout + first page)", unit: .milliseconds, samples: openSamples,
                       target: 100, note: note),
                Figure(label: "document view: Page Down (cached layout)", unit: .milliseconds, samples: pageSamples,
                       target: 10, note: note),
                Figure(label: "document view: search as you type, per key", unit: .milliseconds, samples: searchSamples,
                       target: 50, note: note))
    }

    // MARK: The project screen

    /// An app with the department open and the project screen of its 500-row project on top,
    /// reached with the keys a user presses (Tab to 项目, Enter).
    static func projectApp(_ store: FileDocumentStore, _ stored: StoredDocument) throws -> App {
        var app = try homeApp(store)
        _ = app.handle(.result(.opened(OpenedDepartment(stored: stored))))
        for _ in 0..<DepartmentScreen.Section.projects.rawValue { _ = app.handle(.key(KeyEvent(.tab))) }
        _ = app.handle(.key(KeyEvent(.enter)))
        guard app.currentScreen is ProjectScreen else {
            throw BenchError("Enter on the project did not open the project screen")
        }
        return app
    }

    func gridDocument() -> DepartmentDocument {
        var document = SyntheticDepartments.make(index: 0, projects: 1, rowsPerProject: 10)
        document.projects[0] = SyntheticDepartments.project(rows: data.sizes.gridRows)
        return document
    }

    /// Cursor moves in the grid of a project of 500 rows: key handling, the frame and the diff.
    /// Down five rows and up again, so every move stays on the page (no scrolling).
    func cursorMoves() throws -> (time: Figure, bytes: Figure, scroll: Figure) {
        let document = gridDocument()
        let store = try data.freshStore(named: "grid-store", with: document)
        var app = try Self.projectApp(store, try store.load(id: document.id))
        var writer = FrameWriter(capabilities: Self.capabilities)
        var previous = app.view()
        _ = writer.update(from: nil, to: previous)
        var times: [Double] = [], bytes: [Double] = []
        for i in 0..<(data.sizes.iterations * 5) {
            let key = KeyEvent((i / 5) % 2 == 0 ? .down : .up)
            let ((frame, sent), ms) = timed { () -> (Buffer, Int) in
                _ = app.handle(.key(key))
                let frame = app.view()
                return (frame, writer.update(from: previous, to: frame).count)
            }
            previous = frame
            times.append(ms)
            bytes.append(Double(sent))
        }
        // Page Down through the grid: every row on the page changes.
        var scroll: [Double] = []
        for _ in 0..<(data.sizes.iterations / 10 + 2) {
            let ((frame, sent), _) = timed { () -> (Buffer, Int) in
                _ = app.handle(.key(KeyEvent(.pageDown)))
                let frame = app.view()
                return (frame, writer.update(from: previous, to: frame).count)
            }
            previous = frame
            scroll.append(Double(sent))
        }
        let rows = "\(data.sizes.gridRows) rows"
        return (Figure(label: "cursor move in the grid (state + frame + diff)", unit: .milliseconds, samples: times,
                       target: 1, p99Target: 3, note: rows),
                Figure(label: "bytes sent per cursor move", unit: .bytes, samples: bytes, target: 120, note: rows),
                Figure(label: "bytes sent per Page Down (reported only)", unit: .bytes, samples: scroll, note: rows))
    }

    /// Committing a typed 指标值: Enter (session apply, re-validation), the draft journal append
    /// with its fdatasync, the frame and the diff. The first commit, which begins the journal by
    /// writing the base document, is left out (once per opening).
    func cellCommits() throws -> Figure {
        let document = gridDocument()
        let store = try data.freshStore(named: "commit-store", with: document)
        var app = try Self.projectApp(store, try store.load(id: document.id))
        let journal = try store.draftJournal(id: document.id)
        defer { try? journal.discard() }
        var writer = FrameWriter(capabilities: Self.capabilities)
        var previous = app.view()
        _ = writer.update(from: nil, to: previous)
        for _ in 0..<IndicatorRow.Column.allCases.firstIndex(of: .value)! { _ = app.handle(.key(KeyEvent(.right))) }
        var samples: [Double] = []
        let count = min(data.sizes.iterations, data.sizes.gridRows - 2)
        for i in 0...count {
            for character in "≥\(1000 + i)户" { _ = app.handle(.key(.char(character))) }
            let typed = app.view()
            _ = writer.update(from: previous, to: typed)
            previous = typed
            let (journaled, ms) = try timed { () -> Int in
                var edits = 0
                for effect in app.handle(.key(KeyEvent(.enter))) {
                    guard case .journalEdits(let draft) = effect else { continue }
                    if draft.beginsJournal { try journal.begin(on: draft.base) }
                    try journal.append(draft.edits)
                    edits += draft.edits.count
                }
                let frame = app.view()
                _ = writer.update(from: previous, to: frame)
                previous = frame
                return edits
            }
            guard journaled == 1 else { throw BenchError("a commit journaled \(journaled) edits, expected 1") }
            if i > 0 { samples.append(ms) }
        }
        return Figure(label: "cell commit + draft journal (fdatasync)", unit: .milliseconds, samples: samples, target: 5,
                      note: "\(data.sizes.gridRows) rows")
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
