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

    /// `jixiao validate FILE` of one very large department: 100,000 projects (2,000 with
    /// `--quick`) of 4 rows, every project code used twice and each project's second row named
    /// like its first, so the duplicate-code and duplicate-name checks find 50,000 and 100,000
    /// findings. Timed: decode the canonical JSON, validate (projects on every core), and say
    /// where each finding is (`CellLocator`), which is what the command does before printing.
    func validateLargeDocument() -> Figure {
        let projects = data.sizes.isQuick ? 2_000 : 100_000
        var document = SyntheticDepartments.make(index: 0, projects: projects, rowsPerProject: 4)
        for index in document.projects.indices {
            document.projects[index].code = document.projects[index - index % 2].code
            if document.projects[index].indicators.count > 1 {
                document.projects[index].indicators[1].name = document.projects[index].indicators[0].name
            }
        }
        let bytes = DocumentCodec.encode(document)
        var samples: [Double] = []
        var findings = 0
        // CPU time of each step too (the calling thread's; the rules run on every core, so
        // theirs is the share this thread did): on a shared machine the wall time also holds the
        // time other processes had the cores.
        var cpu = (decode: 0.0, rules: 0.0, locate: 0.0)
        let runs = data.sizes.isQuick ? 1 : 3
        for _ in 0..<runs {
            let (count, ms) = timed { () -> Int in
                var mark = threadCPUMilliseconds()
                func lap() -> Double {
                    let now = threadCPUMilliseconds()
                    defer { mark = now }
                    return now - mark
                }
                guard let decoded = try? DocumentCodec.decode(bytes) else { return -1 }
                cpu.decode += lap()
                let found = Validator.validate(department: decoded, workers: ProcessInfo.processInfo.activeProcessorCount)
                cpu.rules += lap()
                var locator = CellLocator(decoded)
                var described = 0
                for finding in found { described += locator.describe(finding.path).zh.isEmpty ? 0 : 1 }
                cpu.locate += lap()
                return described
            }
            findings = count
            samples.append(ms)
        }
        let split = String(format: "CPU per run: decode %.0f + rules %.0f + locate %.0f ms",
                           cpu.decode / Double(runs), cpu.rules / Double(runs), cpu.locate / Double(runs))
        return Figure(label: "validate a \(projects)-project document", unit: .milliseconds, samples: samples,
                      target: data.sizes.isQuick ? nil : 5000,
                      note: "\(bytes.count / 1_048_576) MB, \(findings) findings located (duplicate codes and names); \(split)")
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
