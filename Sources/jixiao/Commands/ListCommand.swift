import ArgumentParser
import Foundation
import JixiaoModel
import JixiaoStore

/// `jixiao list`: one line per department, from the summary index.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the departments in the store (部门列表).")

    @OptionGroup var store: StoreOptions

    @Flag(help: "Print JSON: one object per department, and the unreadable documents.")
    var json = false

    @Option(help: ArgumentHelp("Only departments in this review status (e.g. the submissions waiting for review).",
                               valueName: "draft|submitted|returned|approved"))
    var status: ReviewStatus?

    func run() throws {
        var listing = try store.open().list()
        if let status { listing.documents.removeAll { $0.status != status.rawValue } }
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            struct Output: Encodable {
                var documents: [DocumentSummary]
                var problems: [[String: String]]
                var restorable: [[String: String]]
            }
            let output = Output(documents: listing.documents,
                                problems: listing.problems.map { ["id": $0.id, "path": $0.path, "reason": $0.reason] },
                                restorable: listing.restorable.map { ["id": $0.id, "path": $0.path, "reason": $0.reason] })
            print(String(decoding: try encoder.encode(output), as: UTF8.self))
        } else {
            for summary in listing.documents {
                let fields = [summary.id, summary.unitCode, summary.unitName, String(summary.fiscalYear), summary.status,
                              "\(summary.projectCount)", "\(summary.totalBudget) \(summary.moneyUnit)"]
                print(fields.joined(separator: "\t"))
            }
            // A department whose document is lost but whose history remains is still listed.
            for lost in listing.restorable {
                print("\(lost.id)\t可从历史恢复 restorable from history: jixiao restore \(lost.id) --from-history")
            }
        }
        for problem in listing.problems {
            FileHandle.standardError.write(Data("jixiao: damaged: \(problem.path): \(problem.reason)\n".utf8))
        }
    }
}

extension ReviewStatus: ExpressibleByArgument {}
