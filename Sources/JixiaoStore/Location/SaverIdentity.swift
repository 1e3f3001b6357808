import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Who is saving: the OS account running the process (never an environment variable, which
/// anyone can set), the host and the process id.
public struct SaverIdentity: Sendable, Hashable, Codable {
    public var user: String
    public var host: String
    public var pid: Int32

    public init(user: String, host: String, pid: Int32) {
        self.user = user
        self.host = host
        self.pid = pid
    }

    public static func current() -> SaverIdentity {
        let uid = geteuid()
        var user = "uid\(uid)"
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name {
            user = String(cString: name)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        let host = gethostname(&buffer, buffer.count - 1) == 0
            ? String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self) : "unknown"
        return SaverIdentity(user: user, host: host, pid: getpid())
    }
}
