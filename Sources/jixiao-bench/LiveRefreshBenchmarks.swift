import Foundation
import JixiaoStore

/// What live refresh costs an idle editor on the file store (docs/store.md, "Live refresh"):
/// the feed's first look (its baseline, taken before the first listing) and one look with
/// nothing changed, which the editor repeats every 2 seconds while no key arrives.
struct LiveRefreshBenchmarks {
    let data: BenchData

    func fileFeedLooks() throws -> (baseline: Figure, idle: Figure) {
        let root = data.largeStorePath
        var baselines: [Double] = [], idles: [Double] = []
        for _ in 0..<(data.sizes.iterations / 10 + 2) {
            let feed = FileChangeFeed(root: root)
            let (first, baselineMs) = try timed { try feed.changes(waitingUpTo: 0) }
            guard first == .everything else { throw BenchError("the first look said \(first), expected everything") }
            baselines.append(baselineMs)
            let (again, idleMs) = try timed { try feed.changes(waitingUpTo: 0) }
            guard again == .none else { throw BenchError("an idle look reported \(again)") }
            idles.append(idleMs)
        }
        let note = "\(data.sizes.departments) departments"
        return (Figure(label: "live refresh, file store: first look (at start)", unit: .milliseconds, samples: baselines,
                       note: note),
                Figure(label: "live refresh, file store: idle look (every 2 s)", unit: .milliseconds, samples: idles,
                       note: note))
    }
}
