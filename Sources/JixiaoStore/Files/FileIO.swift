import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the POSIX calls the store needs. Every one loops on EINTR and
/// short transfers and names the file in its error; none of them traps on an I/O error (as
/// `FileHandle.write(_:)` does).
enum FileIO {
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(SystemError) -> Int32 {
        while true {
            let fd = Glibc.open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 { return fd }
            if errno != EINTR { throw SystemError("open", path) }
        }
    }

    static func close(_ fd: Int32, _ path: String) throws(SystemError) {
        // Linux releases the descriptor even when close fails; never retry it.
        if Glibc.close(fd) != 0 && errno != EINTR { throw SystemError("close", path) }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], _ path: String) throws(SystemError) {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { buffer in
                Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError("write", path)
            }
            offset += written
        }
    }

    static func readAll(_ fd: Int32, _ path: String) throws(SystemError) -> [UInt8] {
        var result: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw SystemError("read", path)
            }
            if count == 0 { return result }
            result.append(contentsOf: chunk[0..<count])
        }
    }

    /// The whole file, or `nil` when it does not exist.
    static func readFile(_ path: String) throws(SystemError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(path, O_RDONLY)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        defer { Glibc.close(fd) }
        return try readAll(fd, path)
    }

    static func fsync(_ fd: Int32, _ path: String) throws(SystemError) {
        // A failed fsync is final: the kernel may have dropped the dirty pages, so a retry
        // could "succeed" without the data. Only EINTR is retried.
        while Glibc.fsync(fd) != 0 {
            if errno != EINTR { throw SystemError("fsync", path) }
        }
    }

    static func fdatasync(_ fd: Int32, _ path: String) throws(SystemError) {
        while Glibc.fdatasync(fd) != 0 {
            if errno != EINTR { throw SystemError("fdatasync", path) }
        }
    }

    /// Makes a directory's entries (creations, renames, removals) durable.
    static func fsyncDirectory(_ path: String) throws(SystemError) {
        let fd = try open(path, O_RDONLY | O_DIRECTORY)
        defer { Glibc.close(fd) }
        try fsync(fd, path)
    }

    static func rename(_ from: String, _ to: String) throws(SystemError) {
        if Glibc.rename(from, to) != 0 { throw SystemError("rename", "\(from) → \(to)") }
    }

    /// Removes a file; a file that is already gone is fine.
    static func unlink(_ path: String) throws(SystemError) {
        if Glibc.unlink(path) != 0 && errno != ENOENT { throw SystemError("unlink", path) }
    }

    static func exists(_ path: String) -> Bool {
        var info = Glibc.stat()
        return lstat(path, &info) == 0
    }

    static func status(_ path: String) throws(SystemError) -> Glibc.stat? {
        var info = Glibc.stat()
        if fstatat(AT_FDCWD, path, &info, 0) != 0 {
            if errno == ENOENT { return nil }
            throw SystemError("stat", path)
        }
        return info
    }

    /// The names in a directory (without `.` and `..`); empty when it does not exist.
    static func list(_ path: String) throws(SystemError) -> [String] {
        guard let dir = opendir(path) else {
            if errno == ENOENT { return [] }
            throw SystemError("opendir", path)
        }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }
}
