import Foundation
import JixiaoApp
import JixiaoInterchange
import JixiaoModel
import JixiaoSamples
import JixiaoStore

/// Saving, whole-store validation and importing.
struct StoreBenchmarks {
    let data: BenchData

    /// A save of a 500 KB department through the file store: lock, read and check the current
    /// revision, diff, history record (fdatasync), atomic replace (fsync, rename, directory fsync).
    /// Each save changes one project name, so every history record has a change.
    func save() throws -> Figure {
        let document = SyntheticDepartments.department(encodedSizeAtLeast: data.sizes.saveBytes)
        let store = try data.freshStore(named: "save-store", with: document)
        let samples = try StoreProcedures.saves(of: document, from: 1, in: store, iterations: data.sizes.iterations / 4 + 1)
        let kb = DocumentCodec.encode(document).count / 1024
        return Figure(label: "save a \(kb) KB department", unit: .milliseconds, samples: samples, target: 15,
                      note: "\(document.projects.count) projects")
    }

    /// Every document of the large store loaded (read, checksum, decode) and validated the way
    /// `jixiao validate` does it: `DocumentStore.validateDocuments`, one worker per core. Then
    /// one pass on one thread that times loading and the rules separately (what dominates).
    func validateStore() throws -> (whole: Figure, load: Figure, rulesOnly: Figure) {
        let store = try FileDocumentStore(root: data.largeStorePath)
        let ids = try store.list().documents.map(\.id)
        let workers = ProcessInfo.processInfo.activeProcessorCount
        var wholes: [Double] = []
        var values = 0
        for _ in 0..<(data.sizes.iterations >= 100 ? 3 : 1) {
            let (counts, ms) = timed {
                store.validateDocuments(ids) { _, result in
                    result.map { ($0.findings.count, $0.stored.document.indicatorCount) }
                }
            }
            values = 0
            for count in counts { values += try count.get().1 }
            wholes.append(ms)
        }
        var loading = 0.0, validating = 0.0
        for id in ids {
            let (document, loadMs) = try timed { try store.load(id: id).document }
            let (_, validateMs) = timed { Validator.validate(department: document) }
            loading += loadMs
            validating += validateMs
        }
        let note = "\(ids.count) departments, \(values) indicator values"
        return (Figure(label: "validate whole store (load + rules)", unit: .milliseconds, samples: wholes, target: 2000,
                       note: note + ", \(workers) workers"),
                Figure(label: "validate whole store (load only)", unit: .milliseconds, samples: [loading],
                       note: note + ", one thread"),
                Figure(label: "validate whole store (rules only)", unit: .milliseconds, samples: [validating],
                       note: note + ", one thread"))
    }

    /// `jixiao import` of each seed text (../shared/seeds beside the checkout), parse only.
    func importSeeds(directory: String) throws -> [Figure] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).filter { $0.hasSuffix(".txt") }.sorted()
        var figures: [Figure] = []
        for name in names {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: "\(directory)/\(name)"))
            var samples: [Double] = []
            // A text that names no budget year is imported as `jixiao import --year 2024` would.
            let plain = (try? TextImporter.importDocument(bytes, fileName: name)) != nil
            let options = plain ? ImportOptions() : ImportOptions(fiscalYear: 2024)
            var outcome = ""
            for _ in 0..<(data.sizes.iterations / 10 + 1) {
                let (result, ms) = timed { () -> Result<ImportResult, ImportError> in
                    do throws(ImportError) {
                        return .success(try TextImporter.importDocument(bytes, fileName: name, options: options))
                    } catch {
                        return .failure(error)
                    }
                }
                switch result {
                case .success(let imported):
                    outcome = "\(imported.document.projects.count) projects" + (plain ? "" : ", --year 2024")
                case .failure(let error): outcome = "refused: \(error)"
                }
                samples.append(ms)
            }
            figures.append(Figure(label: "import seed \(name)", unit: .milliseconds, samples: samples,
                                  note: "\(bytes.count / 1024) KB, \(outcome)"))
        }
        return figures
    }
}
