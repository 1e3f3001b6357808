import Foundation
import JixiaoApp
import JixiaoModel
import JixiaoSamples
import JixiaoStore
import JixiaoTerminal

/// The editor's store paths through `PostgresStore` (`--postgres URL`, or
/// `$JIXIAO_BENCH_POSTGRES`): first frame, opening a department and saving, the same work as the
/// file store's figures so the two can be read side by side.
///
/// The large store is copied into the database once, with the transfer calls `jixiao store
/// copy` uses, and reused while the database holds it; the benchmark adds two departments of its
/// own (budget years 2098 and 2099, so their ids never meet the generated ones). A database
/// holding any other department is refused: give the benchmark a scratch database.
struct PostgresBenchmarks {
    let data: BenchData
    let url: String

    /// The open and save figures' departments: the file store's documents under another year.
    static let openYear = 2099, saveYear = 2098

    func openDocument() -> DepartmentDocument {
        SyntheticDepartments.make(index: 0, projects: data.sizes.openProjects, fiscalYear: Self.openYear)
    }

    func saveDocument() -> DepartmentDocument {
        var document = SyntheticDepartments.department(encodedSizeAtLeast: data.sizes.saveBytes)
        document.fiscalYear = Self.saveYear
        document.id = DepartmentDocument.makeID(unitCode: document.unitCode, fiscalYear: Self.saveYear)
        return document
    }

    func open() throws -> PostgresStore {
        try PostgresStore(url: url, options: .init(findingCounter: BenchData.counter))
    }

    /// Creates or upgrades the schema, then copies whatever of the large store the database
    /// lacks. Says what it did through `log`.
    func prepare(log: (String) -> Void) throws {
        let outcome = try PostgresStore.initialize(url: url)
        log("PostgreSQL schema: \(outcome)")
        let files = try FileDocumentStore(root: data.largeStorePath)
        let database = try open()
        let wanted = try files.allDocumentIDs()
        let present = Set(try database.allDocumentIDs())
        let own: Set = [openDocument().id, saveDocument().id]
        let foreign = present.subtracting(wanted).subtracting(own)
        guard foreign.isEmpty else {
            throw BenchError("the database at \(database.address) holds \(foreign.count) department(s) the benchmark did not "
                + "put there (e.g. \(foreign.sorted()[0])); give it an empty scratch database (createdb jixiao_bench)")
        }
        let missing = wanted.filter { !present.contains($0) }
        if !missing.isEmpty {
            log("copying \(missing.count) of \(wanted.count) departments into \(database.address) (once) …")
            let (_, ms) = try timed {
                for id in missing { try database.importDocument(try files.exportDocument(id: id)) }
            }
            log(String(format: "copied in %.1f s", ms / 1000))
        } else {
            log("reusing the \(wanted.count) departments in \(database.address)")
        }
        // Counts the findings of every summary with the benchmark's rules and stores them, as the
        // editor's first start would.
        let listed = try database.list().documents.filter { !own.contains($0.id) }.count
        guard listed == wanted.count else {
            throw BenchError("the database lists \(listed) of the generated departments, expected \(wanted.count)")
        }
    }

    // MARK: First frame

    /// What `jixiao edit --store URL` does before its first frame: connect (and check the
    /// schema), LISTEN for live refresh, read the summaries (one query), draw the home screen.
    static func firstFrame(url: String) throws -> Int {
        let store = try PostgresStore(url: url, options: .init(findingCounter: BenchData.counter))
        _ = try store.changes(waitingUpTo: 0)
        let loaded = try DepartmentListingLoader.load(from: store)
        let app = App(home: DepartmentListScreen(listings: loaded.listings),
                      environment: EditorBenchmarks.environment(storePath: store.address.description), size: EditorBenchmarks.size)
        var writer = FrameWriter(capabilities: EditorBenchmarks.capabilities)
        return writer.update(from: nil, to: app.view()).count
    }

    /// Server and client caches warm (a cold figure would need a server restart and dropped
    /// page cache on the server's machine, which a benchmark should not do to a database).
    func firstFrame() throws -> Figure {
        _ = try Self.firstFrame(url: url)
        var samples: [Double] = []
        for _ in 0..<(data.sizes.iterations / 4 + 1) {
            samples.append(try timed { try Self.firstFrame(url: url) }.1)
        }
        return Figure(label: "PostgreSQL: first frame, home screen (warm)", unit: .milliseconds, samples: samples, target: 100,
                      note: "\(data.sizes.departments) departments; connect + LISTEN + list")
    }

    // MARK: Opening a department

    /// What `.openDepartment` costs through PostgreSQL: load (row, checksum, decode), presence
    /// look-up and mark (advisory lock, row, NOTIFY), draft look-up, the session with its
    /// validation and the department screen's frame diffed against the home screen.
    func openDepartment() throws -> Figure {
        let document = openDocument()
        let store = try open()
        try put(document, into: store)
        let loaded = try DepartmentListingLoader.load(from: store)
        let home = App(home: DepartmentListScreen(listings: loaded.listings),
                       environment: EditorBenchmarks.environment(storePath: store.address.description), size: EditorBenchmarks.size)
        let samples = try StoreProcedures.openDepartment(document.id, in: store, home: home,
                                                         iterations: data.sizes.iterations / 4 + 1)
        let kb = DocumentCodec.encode(document).count / 1024
        return Figure(label: "PostgreSQL: open department (\(data.sizes.openProjects) projects) + draw", unit: .milliseconds,
                      samples: samples, target: 20, note: "\(kb) KB document")
    }

    // MARK: Saving

    /// A save of the large department through PostgreSQL: the transaction locks the row, checks
    /// the base revision, diffs, writes the history row and the document (jsonb, summary) and
    /// commits (the server's WAL flush). Each save changes one project name, as on files.
    func save() throws -> Figure {
        let document = saveDocument()
        let store = try open()
        let revision = try put(document, into: store)
        let samples = try StoreProcedures.saves(of: document, from: revision, in: store,
                                                iterations: data.sizes.iterations / 4 + 1)
        let kb = DocumentCodec.encode(document).count / 1024
        return Figure(label: "PostgreSQL: save a \(kb) KB department", unit: .milliseconds, samples: samples, target: 15,
                      note: "\(document.projects.count) projects")
    }

    /// Makes the store hold `document` (saving a new revision when it holds another version);
    /// returns its revision.
    @discardableResult
    func put(_ document: DepartmentDocument, into store: PostgresStore) throws -> Int {
        let current: StoredDocument
        do {
            current = try store.load(id: document.id)
        } catch .notFound {
            guard case .saved(let revision) = try store.save(document, base: 0) else { throw BenchError("could not create \(document.id)") }
            return revision
        }
        if current.document == document { return current.revision }
        guard case .saved(let revision) = try store.save(document, base: current.revision) else {
            throw BenchError("could not save \(document.id)")
        }
        return revision
    }
}

extension JixiaoBench {
    /// The PostgreSQL figures when a database is given; otherwise a line saying why not.
    /// `$JIXIAO_STORE` is deliberately not used: the benchmark fills the database it is given.
    func runPostgres(_ data: BenchData, say: (String) -> Void, report: (Figure) -> Void) throws {
        let environment = ProcessInfo.processInfo.environment["JIXIAO_BENCH_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
        guard let url = postgres ?? environment else {
            say("PostgreSQL figures: skipped: no database given (--postgres URL or JIXIAO_BENCH_POSTGRES)")
            return
        }
        let bench = PostgresBenchmarks(data: data, url: url)
        try bench.prepare(log: say)
        report(try bench.firstFrame())
        report(try bench.openDepartment())
        report(try bench.save())
    }
}
