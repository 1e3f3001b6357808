#if canImport(Glibc)
import Glibc
#endif

/// Atomic, durable replacement of a file: a complete new version or the old one, never a mix,
/// never an empty file, after any crash.
///
/// Every step goes through `StoreFiles`: the target's directory is reached without following
/// links, and a link or odd file where the target is is replaced, never written through.
///
/// 1. create a temp file beside the target (`O_CREAT|O_EXCL`, unique name), in the store's group;
/// 2. write every byte; 3. `fsync` it, close and check; 4. `rename` over the target;
/// 5. `fsync` the directory so the rename itself survives power loss.
/// Errors in 1–4 remove the temp file and leave the target untouched (`.beforeReplace`); an error
/// in 5 leaves the outcome unknown (`.afterReplace`). A failed fsync is never retried.
enum AtomicFile {
    enum Failure: Error {
        case beforeReplace(SystemError)
        case afterReplace(SystemError)
    }

    /// The temp-file prefix for `name`; leftovers are found by it at open.
    static func tempPrefix(for name: String) -> String { "." + name + ".tmp-" }

    static func replace(_ path: String, with bytes: [UInt8], group: gid_t?, in files: StoreFiles) throws(Failure) {
        let slash = path.lastIndex(of: "/")!
        let directory = String(path[..<slash])
        let name = String(path[path.index(after: slash)...])
        let temp = directory + "/" + tempPrefix(for: name) + "\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let fd: Int32
        do {
            fd = try files.open(temp, O_WRONLY | O_CREAT | O_EXCL)
        } catch {
            throw .beforeReplace(error)
        }
        do {
            if let group { _ = fchown(fd, uid_t.max, group) } // best effort: only works for members
            try FileIO.writeAll(fd, bytes, temp)
            try FileIO.fsync(fd, temp)
        } catch {
            Glibc.close(fd)
            try? files.unlink(temp)
            throw .beforeReplace(error)
        }
        do {
            try FileIO.close(fd, temp)
            try files.rename(temp, path)
        } catch {
            try? files.unlink(temp)
            throw .beforeReplace(error)
        }
        do {
            try files.fsyncDirectory(directory)
        } catch {
            throw .afterReplace(error)
        }
    }
}
