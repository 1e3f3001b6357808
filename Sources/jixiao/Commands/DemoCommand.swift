import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoSamples
import JixiaoStore

/// `jixiao demo`: puts the bundled sample departments (three fictional offices) into the
/// store, or with `--departments N` that many generated ones, e.g. for benchmarks.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Load the sample departments (示例数据) into the store, or generate synthetic ones.",
        discussion: """
            Departments already in the store are left as they are and reported as skipped, so the \
            command can be run again safely. Generated departments are deterministic: the same \
            --departments and --seed give the same documents.
            """
    )

    @OptionGroup var storeOptions: StoreOptions

    @Option(name: .long, help: ArgumentHelp("Generate N synthetic departments instead of loading the samples.", valueName: "N"))
    var departments: Int?

    @Option(name: .long, help: ArgumentHelp("Projects per generated department.", valueName: "N"))
    var projects = 20

    @Option(name: .long, help: ArgumentHelp("Indicator rows per generated project.", valueName: "N"))
    var rows = 10

    @Option(name: .long, help: ArgumentHelp("Seed of the generator.", valueName: "N"))
    var seed: UInt64 = SyntheticDepartments.defaultSeed

    @OptionGroup var language: LanguageOption

    func validate() throws {
        if let departments, departments < 1 { throw ValidationError("--departments must be at least 1.") }
        if projects < 0 || rows < 0 { throw ValidationError("--projects and --rows cannot be negative.") }
    }

    func run() throws {
        let store = try storeOptions.open(create: true)
        let location = try storeOptions.address().description
        let lang = language.resolved
        var added = 0
        var skipped = 0
        @discardableResult
        func put(_ document: DepartmentDocument) throws -> Bool {
            switch try store.install(document) {
            case .saved: added += 1; return true
            case .conflict: skipped += 1; return false
            }
        }
        if let departments {
            for document in SyntheticDepartments.departments(count: departments, projects: projects, rowsPerProject: rows, seed: seed) {
                try put(document)
            }
        } else {
            for document in try SampleDepartments.all() {
                let wrote = try put(document)
                print("  \(wrote ? "+" : "=") \(document.id) \(document.unitName)\(wrote ? "" : lang.pick(zh: "（已有，未改动）", en: " (already present, left as is)"))")
            }
        }
        print(lang.pick(zh: "已写入 \(added) 个部门，跳过已有的 \(skipped) 个：\(location)",
                        en: "Wrote \(added) departments, skipped \(skipped) already present: \(location)"))
    }
}
