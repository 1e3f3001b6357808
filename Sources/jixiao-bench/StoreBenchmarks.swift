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
        var document = SyntheticDepartments.department(encodedSizeAtLeast: data.sizes.saveBytes)
        let store = try data.freshStore(named: "save-store", with: document)
        var revision = 1
        var samples: [Double] = []
        let name = document.projects[0].name
        for i in 0..<(data.sizes.iterations / 4 + 1) {
            document.projects[0].name = name + String(i % 2)
            let (outcome, ms) = try timed { try store.save(document, base: revision) }
            guard case .saved(let next) = outcome else { throw BenchError("save conflicted") }
            revision = next
            samples.append(ms)
        }
        let kb = DocumentCodec.encode(document).count / 1024
        return Figure(label: "save a \(kb) KB department", unit: .milliseconds, samples: samples, target: 15,
                      note: "\(document.projects.count) projects")
    }

    /// Every document of the large store loaded (read, checksum, decode) and validated, one at a
    /// time. Also returns the validation share alone.
    func validateStore() throws -> (whole: Figure, rulesOnly: Figure) {
        let store = try FileDocumentStore(root: data.largeStorePath)
        let ids = try store.list().documents.map(\.id)
        var wholes: [Double] = [], rules: [Double] = []
        var values = 0
        for _ in 0..<(data.sizes.iterations >= 100 ? 3 : 1) {
            var validating = 0.0
            var findings = 0
            values = 0
            let (_, ms) = try timed {
                for id in ids {
                    let document = try store.load(id: id).document
                    let (found, validateMs) = timed { Validator.validate(department: document) }
                    validating += validateMs
                    findings += found.count
                    values += document.projects.reduce(0) { $0 + $1.indicators.count }
                }
            }
            wholes.append(ms)
            rules.append(validating)
        }
        let note = "\(ids.count) departments, \(values) indicator values"
        return (Figure(label: "validate whole store (load + rules)", unit: .milliseconds, samples: wholes, target: 2000,
                       note: note),
                Figure(label: "validate whole store (rules only)", unit: .milliseconds, samples: rules, note: note))
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
