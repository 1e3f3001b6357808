import CSHA256

/// SHA-256 (FIPS 180-4), enough for checksums of saved documents without pulling a crypto
/// package into the build. The blocks are compressed in C (`CSHA256`): with the x86 SHA
/// extensions where the CPU has them, portable code elsewhere. Not constant-time; nothing here
/// is secret.
public struct SHA256: Sendable {
    private var context = jixiao_sha256_context()

    public init() {
        jixiao_sha256_init(&context, 0)
    }

    /// A hasher that never uses the CPU's SHA extensions (tests check both paths agree).
    init(portableOnly: Bool) {
        jixiao_sha256_init(&context, portableOnly ? 1 : 0)
    }

    /// Whether this CPU compresses with the SHA extensions.
    public static var isAccelerated: Bool { jixiao_sha256_accelerated() != 0 }

    /// The hex digest of `bytes`.
    public static func hex<Bytes: Sequence>(_ bytes: Bytes) -> String where Bytes.Element == UInt8 {
        var hasher = SHA256()
        hasher.update(bytes)
        return hex(digest: hasher.finalize())
    }

    static func hex(digest: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(unsafeUninitializedCapacity: digest.count * 2) { out in
            for (i, byte) in digest.enumerated() {
                out[2 * i] = digits[Int(byte >> 4)]
                out[2 * i + 1] = digits[Int(byte & 0x0f)]
            }
            return digest.count * 2
        }
    }

    public mutating func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { update(buffer: $0) }
        if handled == nil { Array(bytes).withUnsafeBufferPointer { update(buffer: $0) } }
    }

    private mutating func update(buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress, !buffer.isEmpty else { return }
        jixiao_sha256_update(&context, base, buffer.count)
    }

    public mutating func finalize() -> [UInt8] {
        var digest = [UInt8](repeating: 0, count: 32)
        digest.withUnsafeMutableBufferPointer { jixiao_sha256_final(&context, $0.baseAddress!) }
        return digest
    }
}
