import Foundation
import ZIPFoundation

/// The ZIP container of an .xlsx file, built and read in memory with ZIPFoundation: the only
/// place the workbook code touches the ZIP format.
enum XLSXPackage {
    /// Why a package could not be opened.
    struct Failure: Error, Sendable, Hashable {
        var chinese: String
        var english: String
    }

    /// Parts stored deflated; the modification date is fixed so that the same workbook gives
    /// the same bytes.
    static func zip(_ parts: [(path: String, data: Data)]) -> Data {
        do {
            let archive = try Archive(data: Data(), accessMode: .create)
            let date = Date(timeIntervalSince1970: 1_577_836_800)
            for part in parts {
                let data = part.data
                try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                     modificationDate: date, compressionMethod: .deflate,
                                     bufferSize: max(16_384, min(data.count, 1 << 20))) { position, size in
                    data.subdata(in: Int(position)..<Int(position) + size)
                }
            }
            guard let bytes = archive.data else { preconditionFailure("an in-memory archive has its data") }
            return bytes
        } catch {
            // Writing to memory fails only if the library breaks its contract.
            preconditionFailure("in-memory ZIP archive failed: \(error)")
        }
    }

    /// Every file of the package, by path. Refuses what is not a ZIP archive, and entries that
    /// are damaged (ZIPFoundation checks each one's CRC-32).
    static func unzip(_ data: Data) throws(Failure) -> [String: Data] {
        let archive: Archive
        do {
            archive = try Archive(data: data, accessMode: .read)
        } catch {
            throw Failure(chinese: "不是 .xlsx 文件（无法作为 ZIP 包打开）", english: "not an .xlsx file (it does not open as a ZIP package)")
        }
        var parts: [String: Data] = [:]
        for entry in archive where entry.type == .file {
            var bytes = Data()
            do {
                _ = try archive.extract(entry) { bytes.append($0) }
            } catch {
                throw Failure(chinese: "包中的 \(entry.path) 已损坏", english: "the package's \(entry.path) is damaged")
            }
            parts[entry.path] = bytes
        }
        return parts
    }
}
