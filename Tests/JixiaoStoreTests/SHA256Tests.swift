import Testing
@testable import JixiaoStore

@Suite struct SHA256Tests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
    ])
    func knownVectors(input: String, digest: String) {
        #expect(SHA256.hex(Array(input.utf8)) == digest)
    }

    @Test func millionAs() {
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000))
            == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func updatesInPiecesMatchOneShot() {
        let bytes = Array("西山街道办事处".utf8) + [UInt8](repeating: 7, count: 130)
        var hasher = SHA256()
        hasher.update(bytes[..<5])
        hasher.update(bytes[5..<70])
        hasher.update(bytes[70...])
        let hex = hasher.finalize().map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined()
        #expect(hex == SHA256.hex(bytes))
    }

    /// The CPU's SHA extensions (when present) and the portable code agree on every length
    /// around the block and padding boundaries, and on pieces that straddle blocks.
    @Test func acceleratedAndPortablePathsAgree() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        let bytes = (0..<1_200).map { _ -> UInt8 in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return UInt8(truncatingIfNeeded: state >> 56)
        }
        for count in Array(0...130) + [191, 192, 193, 255, 256, 257, 1_000, 1_200] {
            var fast = SHA256()
            var portable = SHA256(portableOnly: true)
            fast.update(bytes[..<count])
            let split = count / 3
            portable.update(bytes[..<split])
            portable.update(bytes[split..<count])
            #expect(fast.finalize() == portable.finalize(), "length \(count)")
        }
        print("SHA256: CPU SHA extensions \(SHA256.isAccelerated ? "used" : "not available; portable code only")")
    }
}

