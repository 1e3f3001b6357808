/// Where the store lives: `--store DIR`, else `$JIXIAO_STORE`, else `$XDG_DATA_HOME/jixiao`,
/// else `~/.local/share/jixiao`. Every command resolves it the same way.
public enum StoreLocation {
    public struct Unresolvable: Error, CustomStringConvertible {
        public var description: String {
            "no store directory: pass --store DIR or set JIXIAO_STORE (HOME is not set either)"
        }
    }

    public static func resolve(explicit: String?, environment: [String: String]) throws(Unresolvable) -> String {
        if let explicit, !explicit.isEmpty { return explicit }
        if let store = environment["JIXIAO_STORE"], !store.isEmpty { return store }
        // XDG: a relative XDG_DATA_HOME is invalid and must be ignored.
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/jixiao" }
        if let home = environment["HOME"], !home.isEmpty { return home + "/.local/share/jixiao" }
        throw Unresolvable()
    }
}
