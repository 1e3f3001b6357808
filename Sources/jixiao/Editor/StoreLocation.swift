import Foundation

/// Where the store lives: `--store DIR`, else `$JIXIAO_STORE`, else `$XDG_DATA_HOME/jixiao`,
/// else `~/.local/share/jixiao`.
enum StoreLocation {
    static func resolve(option: String?, environment: [String: String]) -> URL {
        if let option, !option.isEmpty { return URL(fileURLWithPath: option) }
        if let store = environment["JIXIAO_STORE"], !store.isEmpty { return URL(fileURLWithPath: store) }
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("jixiao")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/jixiao")
    }
}
