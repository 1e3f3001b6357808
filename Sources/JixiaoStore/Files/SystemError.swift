#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed system call: which operation, on which file, and the OS's reason.
public struct SystemError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32
    /// What the store found instead of what it expected (a link, a FIFO…), when that is the
    /// reason rather than the OS's error number.
    public var detail: String?

    public init(_ operation: String, _ path: String, code: Int32 = errno, detail: String? = nil) {
        self.operation = operation
        self.path = path
        self.code = code
        self.detail = detail
    }

    /// An entry of the wrong kind (link, FIFO, socket, directory, device) where a store file
    /// or directory should be: damage to report, never something to follow or open.
    public var isOddEntry: Bool { detail != nil && code != EXDEV }

    public var description: String {
        if let detail { return "\(path) \(detail)" }
        if code == EACCES || code == EPERM {
            // "Permission denied" alone does not say who was denied: name the account.
            return "\(operation) \(path): permission denied for user \(SystemError.accountName()) (\(String(cString: strerror(code))), errno \(code))"
        }
        return "\(operation) \(path): \(String(cString: strerror(code))) (errno \(code))"
    }

    static func accountName() -> String {
        let uid = geteuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return "\(String(cString: name)) (uid \(uid))" }
        return "uid \(uid)"
    }
}
