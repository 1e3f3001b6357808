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
        guard let bytes = embedded[fileName] else {
            throw LoadError(fileName: fileName, message: "not compiled into jixiao (JixiaoSamples' embedded resources)")
        }
        return Data(bytes)
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

    /// The samples are compiled into the binary (SwiftPM's `embedInCode`), so a `jixiao` copied
    /// alone, or installed from the package, has them without a resource folder beside it.
    /// SwiftPM names each array after its file, with a leading digit made `_`.
    static let embedded: [String: [UInt8]] = [
        "900101-2024.json": PackageResources._00101_2024_json,
        "900102-2024.json": PackageResources._00102_2024_json,
        "900201-2024.json": PackageResources._00201_2024_json,
    ]
}
