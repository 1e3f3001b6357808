import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the descriptor calls the store needs (paths go through
/// `StoreFiles`, which never follows a link). Every one loops on EINTR and
/// short transfers and names the file in its error; none of them traps on an I/O error (as
/// `FileHandle.write(_:)` does).
enum FileIO {
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
}
