#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file operation of the store, on paths below its root, without ever following a link.
///
/// The root is opened once (as the user named it, links included: that is their choice of
/// place). Below it, each directory is opened from its parent with `O_DIRECTORY|O_NOFOLLOW`
/// and each file from its directory with `O_NOFOLLOW`, so a link planted anywhere inside the
/// store (in `history/`, `damaged/`, a user's `drafts/`…) is an error, never a way out. Before
/// a file is opened its type is checked with `fstatat(AT_SYMLINK_NOFOLLOW)`, and it is opened
/// `O_NONBLOCK` and checked again with `fstat`: a FIFO, socket, directory or device named like
/// a store file is an `oddEntry` error and never blocks the process. Renames and removals go
/// through `renameat`/`unlinkat` on the directories' descriptors.
public final class StoreFiles: @unchecked Sendable {
    public let root: String
    private let rootFD: Int32

    /// Opens `root`, which must be a directory.
    public init(root: String) throws(SystemError) {
        self.root = root
        rootFD = try StoreFiles.retrying("open", root) { Glibc.open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC) }
    }

    deinit { Glibc.close(rootFD) }

    // MARK: Paths

    /// The components of `path` below the root; `path` is the root itself or starts with it.
    private func components(_ path: String) throws(SystemError) -> [String] {
        let prefix = root == "/" ? "/" : root + "/"
        if path == root { return [] }
        guard path.hasPrefix(prefix) else { throw SystemError("open", path, code: EXDEV, detail: "is not inside the store \(root)") }
        let parts = path.dropFirst(prefix.count).split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.contains("..") else { throw SystemError("open", path, code: EXDEV, detail: "leaves the store through ..") }
        return parts.filter { $0 != "." }
    }

    /// Runs `call` until it does not fail with EINTR.
    private static func retrying(_ operation: String, _ path: String, _ call: () -> Int32) throws(SystemError) -> Int32 {
        while true {
            let result = call()
            if result >= 0 { return result }
            if errno != EINTR { throw SystemError(operation, path) }
        }
    }

    /// A descriptor of the directory `components` (relative to the root), each step without
    /// following a link. The caller closes it.
    private func openDirectory(_ components: ArraySlice<String>, path: String) throws(SystemError) -> Int32 {
        var fd = Glibc.dup(rootFD)
        if fd < 0 { throw SystemError("dup", root) }
        var walked = root
        for component in components {
            walked += "/" + component
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let code = errno
            Glibc.close(fd)
            guard next >= 0 else {
                if code == ELOOP || code == ENOTDIR { throw oddEntry(walked, parent: nil, name: nil, code: code, wanted: "a directory") }
                throw SystemError("open", walked, code: code)
            }
            fd = next
        }
        return fd
    }

    /// The parent directory's descriptor and the last name of `path`.
    private func parent(_ path: String) throws(SystemError) -> (fd: Int32, name: String) {
        let parts = try components(path)
        guard let name = parts.last else { throw SystemError("open", path, code: EISDIR, detail: "is the store's root") }
        return (try openDirectory(parts.dropLast()[...], path: path), name)
    }

    /// The error for an entry that is not what the store expected, naming what it is.
    private func oddEntry(_ path: String, parent: Int32?, name: String?, code: Int32, wanted: String) -> SystemError {
        var kind = code == ELOOP ? "a symbolic link" : "not \(wanted)"
        if let parent, let name {
            var info = Glibc.stat()
            if fstatat(parent, name, &info, AT_SYMLINK_NOFOLLOW) == 0 { kind = StoreFiles.describe(info.st_mode) }
        }
        return SystemError("open", path, code: code, detail: "is \(kind), not \(wanted); the store never follows links or opens odd files")
    }

    static func describe(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFLNK: "a symbolic link"
        case S_IFIFO: "a FIFO"
        case S_IFSOCK: "a socket"
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFREG: "a regular file"
        default: "an unknown kind of file"
        }
    }

    // MARK: Files

    /// Opens the regular file at `path`. With `O_CREAT` a missing file is created; an existing
    /// entry of any other kind (a link, FIFO, directory…) is an `oddEntry` error.
    public func open(_ path: String, _ flags: Int32, mode: mode_t = 0o666) throws(SystemError) -> Int32 {
        let (dir, name) = try parent(path)
        defer { Glibc.close(dir) }
        var info = Glibc.stat()
        if fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) == 0 {
            if info.st_mode & S_IFMT != S_IFREG {
                throw oddEntry(path, parent: dir, name: name, code: info.st_mode & S_IFMT == S_IFLNK ? ELOOP : EINVAL, wanted: "a regular file")
            }
        } else if errno != ENOENT {
            throw SystemError("stat", path)
        } else if flags & O_CREAT == 0 {
            throw SystemError("open", path, code: ENOENT)
        }
        let fd: Int32
        do {
            fd = try StoreFiles.retrying("open", path) {
                openat(dir, name, flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY, mode)
            }
        } catch {
            if error.code == ELOOP || error.code == ENXIO {
                throw oddEntry(path, parent: dir, name: name, code: error.code, wanted: "a regular file")
            }
            throw error
        }
        // Swapped for something else between the check and the open.
        var opened = Glibc.stat()
        if fstat(fd, &opened) != 0 || opened.st_mode & S_IFMT != S_IFREG {
            Glibc.close(fd)
            throw SystemError("open", path, code: EINVAL,
                              detail: "is \(StoreFiles.describe(opened.st_mode)), not a regular file; the store never opens odd files")
        }
        // Regular files never block; clear the flag so nothing downstream sees EAGAIN.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// The whole file, or `nil` when it does not exist.
    public func readFile(_ path: String) throws(SystemError) -> [UInt8]? {
        let fd: Int32
        do {
            fd = try open(path, O_RDONLY)
        } catch {
            if error.code == ENOENT && error.detail == nil { return nil }
            throw error
        }
        defer { Glibc.close(fd) }
        return try FileIO.readAll(fd, path)
    }

    /// The entry's own status (a link is described, not followed); nil when it does not exist.
    public func status(_ path: String) throws(SystemError) -> Glibc.stat? {
        let parts = try components(path)
        guard let name = parts.last else {
            var info = Glibc.stat()
            if fstat(rootFD, &info) != 0 { throw SystemError("stat", path) }
            return info
        }
        let dir: Int32
        do {
            dir = try openDirectory(parts.dropLast()[...], path: path)
        } catch {
            if error.code == ENOENT { return nil }
            throw error
        }
        defer { Glibc.close(dir) }
        var info = Glibc.stat()
        if fstatat(dir, name, &info, AT_SYMLINK_NOFOLLOW) != 0 {
            if errno == ENOENT { return nil }
            throw SystemError("stat", path)
        }
        return info
    }

    /// Whether anything (of any kind) is at `path`.
    public func exists(_ path: String) -> Bool {
        ((try? status(path)) ?? nil) != nil
    }

    public func rename(_ from: String, _ to: String) throws(SystemError) {
        let source = try parent(from)
        defer { Glibc.close(source.fd) }
        let target = try parent(to)
        defer { Glibc.close(target.fd) }
        if renameat(source.fd, source.name, target.fd, target.name) != 0 { throw SystemError("rename", "\(from) → \(to)") }
    }

    /// Removes a file (never a directory); a file that is already gone is fine.
    public func unlink(_ path: String) throws(SystemError) {
        let (dir, name) = try parent(path)
        defer { Glibc.close(dir) }
        if unlinkat(dir, name, 0) != 0 && errno != ENOENT { throw SystemError("unlink", path) }
    }

    /// Creates the directory (its parents must exist); true if it was created now.
    @discardableResult
    public func makeDirectory(_ path: String, group: gid_t?) throws(SystemError) -> Bool {
        let (dir, name) = try parent(path)
        defer { Glibc.close(dir) }
        if mkdirat(dir, name, 0o777) == 0 {
            if let group { _ = fchownat(dir, name, uid_t.max, group, AT_SYMLINK_NOFOLLOW) }
            return true
        }
        guard errno == EEXIST else { throw SystemError("mkdir", path) }
        // Something is there: it must be a real directory, not a link to one.
        let fd = try openDirectory(try components(path)[...], path: path)
        Glibc.close(fd)
        return false
    }

    /// Makes a directory's entries (creations, renames, removals) durable.
    public func fsyncDirectory(_ path: String) throws(SystemError) {
        let fd = try openDirectory(try components(path)[...], path: path)
        defer { Glibc.close(fd) }
        try FileIO.fsync(fd, path)
    }

    /// The names in a directory (without `.` and `..`), sorted; empty when it does not exist.
    public func list(_ path: String) throws(SystemError) -> [String] {
        let fd: Int32
        do {
            fd = try openDirectory(try components(path)[...], path: path)
        } catch {
            if error.code == ENOENT { return [] }
            throw error
        }
        guard let dir = fdopendir(fd) else {
            let error = SystemError("opendir", path)
            Glibc.close(fd)
            throw error
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
