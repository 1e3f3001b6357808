import Foundation
import JixiaoApp
import JixiaoModel

/// The departments the home screen lists. For now: every `*.json` file directly in the
/// store directory, decoded with `DocumentCodec`. The store issue replaces this one function
/// with the store's summary index; nothing else depends on how listings are found.
enum DepartmentListingLoader {
    struct Result {
        var listings: [DepartmentListing]
        /// One line per file that could not be read: `path: line L, column C: $.path: message`.
        var problems: [String]
    }

    static func load(from directory: URL) -> Result {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else {
            return Result(listings: [], problems: [])  // no store yet: an empty list
        }
        var listings: [DepartmentListing] = []
        var problems: [String] = []
        for name in names.sorted() where name.hasSuffix(".json") {
            let file = directory.appendingPathComponent(name)
            do {
                let data = try Data(contentsOf: file)
                listings.append(DepartmentListing(try DocumentCodec.decode(data)))
            } catch let error as DocumentDecodingError {
                problems.append("\(file.path): \(error)")
            } catch {
                problems.append("\(file.path): cannot be read (\(error.localizedDescription))")
            }
        }
        listings.sort { ($0.unitCode, $0.fiscalYear) < ($1.unitCode, $1.fiscalYear) }
        return Result(listings: listings, problems: problems)
    }
}
