import Foundation

/// Paths the interchange tests read.
enum TestPaths {
    /// The package root, found from this file's location.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// `../shared/seeds`, present beside developer checkouts and in CI but not in a user's clone.
    static var seeds: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The seed file's bytes, or `nil` (with the reason printed) when the seeds are absent.
    static func seed(_ name: String) -> Data? {
        guard let folder = seeds else {
            print("skipped: ../shared/seeds is absent (it exists beside developer checkouts and in CI only)")
            return nil
        }
        guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
            print("skipped: seed \(name) is not in \(folder.path)")
            return nil
        }
        return data
    }

    static func fixture(_ name: String) throws -> Data {
        try Data(contentsOf: fixtures.appendingPathComponent(name))
    }
}

/// Runs of lines that the small tabbed-layout tables written in the tests share.
enum TabbedFixture {
    /// The indicator grid's header row, one cell a line (6 lines).
    static let gridHeader = ["一级指标", "二级指标", "三级指标", "绩效指标描述", "指标值", "指标值确定依据"]
        .map { "\t" + $0 }.joined(separator: "\n")

    /// Unit, money unit, project code and name, one cell a line (6 lines).
    static let unitAndProject = ["100001测试单位", "单位：万元", "项目编码", "T001", "项目名称", "测试项目"]
        .map { "\t" + $0 }.joined(separator: "\n")
}
