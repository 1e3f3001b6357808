import Foundation
import JixiaoInterchange
import JixiaoModel
import JixiaoSamples

/// `jixiao export --format xlsx` of a large department: the workbook built, its parts written
/// and deflated into the ZIP package, in memory (the file write is left out).
struct ExportBenchmarks {
    let data: BenchData

    /// The size of the largest department among the seeds' offices.
    static let projects = 71

    func workbook() -> Figure {
        let projects = data.sizes.isQuick ? 8 : Self.projects
        let document = SyntheticDepartments.make(index: 0, projects: projects, rowsPerProject: data.sizes.rows)
        var bytes = 0
        var samples: [Double] = []
        _ = DocumentExporter.export(document, as: .xlsx)
        for _ in 0..<(data.sizes.isQuick ? 2 : 20) {
            let (exported, milliseconds) = timed { DocumentExporter.export(document, as: .xlsx) }
            bytes = exported.count
            samples.append(milliseconds)
        }
        return Figure(label: "export .xlsx (\(projects) projects, \(document.indicatorCount) indicators)", unit: .milliseconds,
                      samples: samples, target: 200, note: "\(bytes / 1024) KB workbook")
    }
}
