import Foundation
import JixiaoModel

/// The sample departments shipped with jixiao: fictional offices of the fictional 示例市青湖区,
/// written as canonical department documents (docs/samples.md). The welcome screen and
/// `jixiao demo` load them so a new user has something real-looking to browse, and the findings
/// views have defects to show.
public enum SampleDepartments {
    /// The bundled files, in the order they are presented. A test checks that the resource
    /// folder holds exactly these, so a file added there is not silently left out.
    public static let fileNames = [
        "900101-2024.json",
        "900102-2024.json",
        "900201-2024.json",
    ]

    /// A bundled sample that could not be read: a packaging fault, never a user's doing.
    public struct LoadError: Error, CustomStringConvertible {
        public var fileName: String
        public var message: String

        public var description: String { "sample department \(fileName): \(message)" }
    }

    /// Every sample department, decoded, in `fileNames` order.
    public static func all() throws -> [DepartmentDocument] {
        try fileNames.map(document(named:))
    }

    /// The canonical bytes of one bundled sample, exactly as shipped.
    public static func data(named fileName: String) throws -> Data {
        guard let url = url(named: fileName) else {
            throw LoadError(fileName: fileName, message: "not found in the JixiaoSamples resource bundle")
        }
        do {
            return try Data(contentsOf: url)
        } catch {
            throw LoadError(fileName: fileName, message: "unreadable: \(error)")
        }
    }

    /// One bundled sample, decoded.
    public static func document(named fileName: String) throws -> DepartmentDocument {
        let bytes = try data(named: fileName)
        do {
            return try DocumentCodec.decode(bytes)
        } catch {
            throw LoadError(fileName: fileName, message: "\(error)")
        }
    }

    /// The folder of bundled samples, for the test that compares it with `fileNames`.
    static var directoryURL: URL? {
        resourceBundle.url(forResource: "Departments", withExtension: nil)
    }

    /// SwiftPM's resource bundle, looked for beside the running binary first, also through a
    /// symlink such as `/usr/local/bin/jixiao` → the build folder. Only when neither holds it does
    /// this fall back to `Bundle.module`, which also knows the build folder's absolute path but
    /// stops the process when that is gone too, so an installed `jixiao` must ship the bundle
    /// beside the binary (docs/samples.md).
    static let resourceBundle: Bundle = {
        let names = ["jixiao_JixiaoSamples.resources", "jixiao_JixiaoSamples.bundle"]
        var folders = [Bundle.main.bundleURL]
        if let executable = Bundle.main.executableURL {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent())
        }
        for folder in folders {
            for name in names {
                if let bundle = Bundle(path: folder.appendingPathComponent(name, isDirectory: true).path) {
                    return bundle
                }
            }
        }
        return Bundle.module
    }()

    private static func url(named fileName: String) -> URL? {
        directoryURL?.appendingPathComponent(fileName, isDirectory: false)
    }
}
