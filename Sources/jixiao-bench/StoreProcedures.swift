import JixiaoApp
import JixiaoModel
import JixiaoStore
import JixiaoTerminal

/// The timed procedures both backends run, so the file-store and PostgreSQL figures measure the
/// same work and differ only in the store.
enum StoreProcedures {
    /// What `.openDepartment` costs, as `EffectPerformer` does it: load, presence look-up and
    /// mark, draft look-up, the session with its validation, and the department screen's frame
    /// diffed against the home screen. One sample per iteration, in milliseconds.
    static func openDepartment<Store: DocumentStore & PresenceTracking & DraftStore>(
        _ id: String, in store: Store, home: App, iterations: Int) throws -> [Double] {
        let homeFrame = home.view()
        var samples: [Double] = []
        for _ in 0..<iterations {
            var app = home
            var writer = FrameWriter(capabilities: EditorBenchmarks.capabilities)
            _ = writer.update(from: nil, to: homeFrame)
            var mark: Store.Mark?
            let (_, ms) = try timed {
                let stored = try store.load(id: id)
                let others = try store.presence(id: id)
                mark = try store.markOpen(id: id)
                _ = try store.recoverDraft(id: id)
                _ = app.handle(.result(.opened(OpenedDepartment(stored: stored, others: others))))
                _ = writer.update(from: homeFrame, to: app.view())
            }
            mark?.close()
            guard app.currentScreen is DepartmentScreen else { throw BenchError("the department screen did not open") }
            samples.append(ms)
        }
        return samples
    }

    /// Saves `document` over and over from `revision`, changing one project name each time so
    /// every history record has a change. One sample per save, in milliseconds.
    static func saves(of document: DepartmentDocument, from revision: Int, in store: some DocumentStore,
                      iterations: Int) throws -> [Double] {
        var document = document
        var revision = revision
        var samples: [Double] = []
        let name = document.projects[0].name
        for i in 0..<iterations {
            document.projects[0].name = name + String(i % 2)
            let (outcome, ms) = try timed { try store.save(document, base: revision) }
            guard case .saved(let next) = outcome else { throw BenchError("save conflicted") }
            revision = next
            samples.append(ms)
        }
        return samples
    }
}
