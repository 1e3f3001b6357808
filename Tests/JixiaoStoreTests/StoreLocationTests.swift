import Testing
import JixiaoStore

@Suite struct StoreLocationTests {
    @Test func explicitBeatsEnvironment() throws {
        #expect(try StoreLocation.resolve(explicit: "/srv/jx", environment: ["JIXIAO_STORE": "/e", "HOME": "/h"]) == "/srv/jx")
    }

    @Test func environmentThenXDGThenHome() throws {
        #expect(try StoreLocation.resolve(explicit: nil, environment: ["JIXIAO_STORE": "/e", "XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/e")
        #expect(try StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/h"]) == "/x/jixiao")
        #expect(try StoreLocation.resolve(explicit: nil, environment: ["HOME": "/h"]) == "/h/.local/share/jixiao")
        // A relative XDG_DATA_HOME is invalid per the XDG spec and ignored.
        #expect(try StoreLocation.resolve(explicit: nil, environment: ["XDG_DATA_HOME": "x", "HOME": "/h"]) == "/h/.local/share/jixiao")
    }

    @Test func nothingToGoOnIsAnError() {
        #expect(throws: StoreLocation.Unresolvable.self) { try StoreLocation.resolve(explicit: nil, environment: [:]) }
    }

    @Test func localDirectoryIsNotANetworkFileSystem() throws {
        #expect(try FileSystemKind.of("/tmp") == .local)
    }
}
