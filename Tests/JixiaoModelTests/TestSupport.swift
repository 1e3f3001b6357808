import Foundation

/// Paths shared by the model tests.
enum TestPaths {
    /// The package root, found from this file's location.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `docs/examples/department.json`: the hand-written example documented in docs/format.md.
    static var exampleDocument: URL { packageRoot.appendingPathComponent("docs/examples/department.json") }

    /// `../shared/seeds`, present beside developer checkouts and CI but not in a user's clone.
    static var seeds: URL? {
        let url = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
