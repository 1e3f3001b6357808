import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writing a file the user named (`-o PATH`), handled by what the path is:
/// - a regular file, or nothing yet: a complete new file is renamed over it (a reader never
///   sees half an export), after `fsync`, and the directory is synced;
/// - a symbolic link: resolved, and its target handled the same way (the link stays a link);
/// - anything else (a character device such as `/dev/null`, a FIFO, `/dev/stdout`): opened
///   and written in place, never renamed over, so the device or pipe stays what it is;
/// - a path inside the store: refused, so an export can never replace a live document.
struct OutputFile {
    struct Refusal: Error, CustomStringConvertible {
        var description: String
    }

    let path: String
    /// The file store's directory, when the command has one.
    let storeRoot: String?

    func write(_ data: Data) throws {
        // What the path leads to, links followed: a device or pipe (`/dev/stdout` is a link to
        // one, through /proc) is written where it is.
        var followed = stat()
        if stat(path, &followed) == 0, followed.st_mode & S_IFMT != S_IFREG {
            try writeInPlace(path, data)
            return
        }
        let target = try resolved(path, hops: 0)
        if let storeRoot, let inside = Self.canonical(storeRoot), Self.isInside(target.path, inside) {
            throw Refusal(description: "\(path): is inside the store \(storeRoot); write the export somewhere else")
        }
        if let mode = target.mode, mode & S_IFMT != S_IFREG {
            try writeInPlace(target.path, data)
        } else {
            try replace(target.path, data, mode: target.mode)
        }
    }

    /// The path to write once links are followed (the last link's target, made absolute), and
    /// the mode of what is there (nil: nothing yet).
    private func resolved(_ path: String, hops: Int) throws -> (path: String, mode: mode_t?) {
        guard hops < 40 else { throw Refusal(description: "\(self.path): too many symbolic links (a loop?)") }
        var info = stat()
        if lstat(path, &info) != 0 {
            guard errno == ENOENT else { throw Refusal(description: "\(path): \(String(cString: strerror(errno)))") }
            return (path, nil)
        }
        guard info.st_mode & S_IFMT == S_IFLNK else { return (path, info.st_mode) }
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(path, &buffer, buffer.count - 1)
        guard count >= 0 else { throw Refusal(description: "\(path): \(String(cString: strerror(errno)))") }
        var link = String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        if !link.hasPrefix("/") {
            let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
            link = (directory.isEmpty ? "" : directory) + "/" + link
        }
        return try resolved(link, hops: hops + 1)
    }

    /// The absolute path with every link resolved, nil when it does not exist.
    static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Whether `path` (which may not exist yet) lies in `directory` (canonical).
    static func isInside(_ path: String, _ directory: String) -> Bool {
        let parent = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        guard let location = canonical(parent.isEmpty ? "/" : parent) else { return false }
        return location == directory || location.hasPrefix(directory == "/" ? "/" : directory + "/")
    }

    private func fail(_ operation: String, _ path: String) -> Refusal {
        Refusal(description: "\(path): cannot \(operation): \(String(cString: strerror(errno)))")
    }

    private func writeInPlace(_ path: String, _ data: Data) throws {
        let fd = Glibc.open(path, O_WRONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw fail("open", path) }
        defer { Glibc.close(fd) }
        try writeAll(fd, data, path)
    }

    private func replace(_ path: String, _ data: Data, mode: mode_t?) throws {
        let directory = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let name = path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
        let temp = (directory.isEmpty ? "" : directory + "/") + ".\(name).tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd = Glibc.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard fd >= 0 else { throw fail("create", temp) }
        do {
            // A replaced file keeps its permissions.
            if let mode { _ = fchmod(fd, mode & 0o7777) }
            try writeAll(fd, data, temp)
            guard fsync(fd) == 0 else { throw fail("fsync", temp) }
            guard Glibc.close(fd) == 0 else { throw fail("close", temp) }
        } catch {
            Glibc.close(fd)
            Glibc.unlink(temp)
            throw error
        }
        guard Glibc.rename(temp, path) == 0 else {
            let error = fail("rename", path)
            Glibc.unlink(temp)
            throw error
        }
        let dir = Glibc.open(directory.isEmpty ? "/" : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dir >= 0 {
            defer { Glibc.close(dir) }
            guard fsync(dir) == 0 else { throw fail("fsync the directory of", path) }
        }
    }

    private func writeAll(_ fd: Int32, _ data: Data, _ path: String) throws {
        let bytes = [UInt8](data)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + offset, $0.count - offset) }
            if written < 0 {
                if errno == EINTR { continue }
                throw fail("write", path)
            }
            offset += written
        }
    }
}
