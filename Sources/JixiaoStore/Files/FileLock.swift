#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` lock on a lock file that is never replaced.
///
/// `flock` locks belong to the open file description, so unlike POSIX `fcntl` locks they are
/// not dropped when some other descriptor of the same file is closed, and two opens in one
/// process exclude each other. The lock is released by `unlock()`, by deinit, or by the kernel
/// when the process dies; a killed writer never leaves a document locked.
public final class FileLock {
    public let path: String
    private var fd: Int32

    private init(path: String, fd: Int32) {
        self.path = path
        self.fd = fd
    }

    /// Waits for the lock.
    public static func acquire(_ path: String, in files: StoreFiles) throws(SystemError) -> FileLock {
        let fd = try openLockFile(path, files)
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let error = SystemError("flock", path)
            Glibc.close(fd)
            throw error
        }
        return FileLock(path: path, fd: fd)
    }

    /// The lock if nobody holds it now, else `nil`.
    public static func attempt(_ path: String, in files: StoreFiles) throws(SystemError) -> FileLock? {
        let fd = try openLockFile(path, files)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            if errno == EINTR { continue }
            let code = errno
            Glibc.close(fd)
            if code == EWOULDBLOCK { return nil }
            throw SystemError("flock", path, code: code)
        }
        return FileLock(path: path, fd: fd)
    }

    private static func openLockFile(_ path: String, _ files: StoreFiles) throws(SystemError) -> Int32 {
        do {
            return try files.open(path, O_RDWR | O_CREAT)
        } catch {
            // A lock file another user created without group write still locks when read-only.
            if error.code == EACCES { return try files.open(path, O_RDONLY) }
            throw error
        }
    }

    public func unlock() {
        guard fd >= 0 else { return }
        Glibc.close(fd)
        fd = -1
    }

    deinit { unlock() }
}
