import Foundation
import JixiaoModel
import JixiaoSamples
import JixiaoStore

/// The sizes a run uses: the issue's, or tiny ones for `--quick` (CI: shows it still works).
struct BenchSizes {
    var departments: Int
    var projects: Int
    var rows: Int
    var openProjects: Int
    var gridRows: Int
    var saveBytes: Int
    var iterations: Int
    var coldIterations: Int
    var isQuick = false

    static let full = BenchSizes(departments: 2000, projects: 20, rows: 10, openProjects: 50, gridRows: 500,
                                 saveBytes: 500_000, iterations: 200, coldIterations: 5)
    static let quick = BenchSizes(departments: 12, projects: 4, rows: 10, openProjects: 5, gridRows: 40,
                                  saveBytes: 20_000, iterations: 5, coldIterations: 2, isQuick: true)
}

/// The benchmark's own data in the work directory. The large store is generated once and kept
/// while its fingerprint (sizes, seed and a hash of the first and last generated documents)
/// matches, because writing 2,000 documents through the store takes a while.
struct BenchData {
    let work: String
    let sizes: BenchSizes

    static let counter = FindingCounter.rules(programVersion: "bench")

    var largeStorePath: String { "\(work)/store-\(sizes.departments)x\(sizes.projects)x\(sizes.rows)" }

    func fingerprint() -> String {
        let first = SyntheticDepartments.make(index: 0, projects: sizes.projects, rowsPerProject: sizes.rows)
        let last = SyntheticDepartments.make(index: sizes.departments - 1, projects: sizes.projects, rowsPerProject: sizes.rows)
        return "departments=\(sizes.departments) projects=\(sizes.projects) rows=\(sizes.rows) "
            + "seed=\(SyntheticDepartments.defaultSeed) first=\(SHA256.hex(DocumentCodec.encode(first))) "
            + "last=\(SHA256.hex(DocumentCodec.encode(last)))\n"
    }

    /// The large store, generated unless a complete one with the same fingerprint is there.
    /// Returns how long generation took (nil when reused).
    func largeStore(log: (String) -> Void) throws -> Double? {
        let path = largeStorePath
        let fingerprintPath = path + "/bench-fingerprint"
        let expected = fingerprint()
        if (try? String(contentsOfFile: fingerprintPath, encoding: .utf8)) == expected { return nil }
        log("generating \(sizes.departments) departments × \(sizes.projects) projects × \(sizes.rows) rows into \(path) (once) …")
        try? FileManager.default.removeItem(atPath: path)
        let (_, seconds) = try timed {
            let store = try FileDocumentStore(root: path)
            for document in SyntheticDepartments.departments(count: sizes.departments, projects: sizes.projects,
                                                             rowsPerProject: sizes.rows) {
                _ = try store.save(document, base: 0)
            }
            // Builds the summary index with finding counts, as the editor's first start would.
            _ = try FileDocumentStore(root: path, options: .init(findingCounter: Self.counter)).list()
        }
        try expected.write(toFile: fingerprintPath, atomically: true, encoding: .utf8)
        return seconds / 1000
    }

    /// A fresh store holding `document` at revision 1.
    func freshStore(named name: String, with document: DepartmentDocument) throws -> FileDocumentStore {
        let path = "\(work)/\(name)"
        try? FileManager.default.removeItem(atPath: path)
        let store = try FileDocumentStore(root: path, options: .init(findingCounter: Self.counter))
        _ = try store.save(document, base: 0)
        return store
    }

    /// Drops the page cache of the large store's files. With root and a writable
    /// `/proc/sys/vm/drop_caches` the whole page cache is dropped (`echo 1`); otherwise, and
    /// always in `--quick` runs (CI: no machine-wide side effects), each file gets
    /// `posix_fadvise(POSIX_FADV_DONTNEED)`. Returns which was used.
    func dropCaches() -> String {
        sync()
        if !sizes.isQuick, geteuid() == 0, let handle = FileHandle(forWritingAtPath: "/proc/sys/vm/drop_caches") {
            let wrote = (try? handle.write(contentsOf: Data("1\n".utf8))) != nil
            try? handle.close()
            if wrote { return "drop_caches" }
        }
        var files = [largeStorePath + "/index.json"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: largeStorePath + "/documents")) ?? [] {
            files.append("\(largeStorePath)/documents/\(name)")
        }
        for file in files {
            let fd = open(file, O_RDONLY)
            guard fd >= 0 else { continue }
            _ = posix_fadvise(fd, 0, 0, Int32(POSIX_FADV_DONTNEED))
            close(fd)
        }
        return "posix_fadvise DONTNEED"
    }
}
