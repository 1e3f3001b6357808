#if canImport(Glibc)
import Glibc
#endif

/// The kind of file system under a path, to refuse network file systems: rename and locks are
/// not coherent between clients there, so two editors could overwrite each other.
public enum FileSystemKind: Sendable, Hashable {
    case local
    case network(String)

    /// `statfs` magic numbers (linux/magic.h).
    static let networkMagics: [Int64: String] = [
        0x6969: "NFS",
        0x517B: "SMB",
        0xFF53_4D42: "CIFS",
        0xFE53_4D42: "SMB2",
    ]

    public static func of(_ path: String) throws(SystemError) -> FileSystemKind {
        #if os(Linux)
        // Glibc's module does not export statfs(2); look it up in libc. `f_type` is the first
        // field of `struct statfs` (a long) on every Linux architecture.
        typealias StatFS = @convention(c) (UnsafePointer<CChar>, UnsafeMutableRawPointer) -> Int32
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "statfs") else { return .local }
        let call = unsafeBitCast(symbol, to: StatFS.self)
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: 512, alignment: 16)
        defer { buffer.deallocate() }
        guard call(path, buffer) == 0 else { throw SystemError("statfs", path) }
        let magic = Int64(buffer.load(as: Int.self)) & 0xFFFF_FFFF
        if let name = networkMagics[magic] { return .network(name) }
        #endif
        return .local
    }
}
