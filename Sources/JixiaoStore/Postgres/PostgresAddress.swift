import CLibpq

/// A PostgreSQL store address: a libpq connection URL (`postgresql://user@host:port/db?…`).
/// Anything not in the URL comes from libpq's usual environment (`PGHOST`, `PGUSER`,
/// `PGPASSFILE`, …). A password in the URL is refused: it would show in `ps`, shell history
/// and logs; `~/.pgpass` (or `PGPASSFILE`) is the place for one.
public struct PostgresAddress: Sendable, Hashable, CustomStringConvertible {
    public let conninfo: String
    /// The URL without any secret, for messages and logs.
    public let description: String

    public static func isPostgresURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    public init(_ url: String) throws(StoreError) {
        var message: UnsafeMutablePointer<CChar>?
        guard let options = PQconninfoParse(url, &message) else {
            let reason = message.map { String(cString: $0) } ?? "not a connection URL"
            if let message { PQfreemem(message) }
            throw .badAddress(reason: "\(PostgresAddress.redacted(url)): \(reason.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        defer { PQconninfoFree(options) }
        var values: [String: String] = [:]
        var index = 0
        while let keyword = options[index].keyword {
            if let value = options[index].val { values[String(cString: keyword)] = String(cString: value) }
            index += 1
        }
        if let password = values["password"], !password.isEmpty {
            throw .badAddress(reason: "\(PostgresAddress.redacted(url)): a password in the store URL would show in process lists "
                + "and logs; put it in ~/.pgpass (or the file PGPASSFILE names) instead, or use peer authentication")
        }
        conninfo = url
        let user = values["user"].map { $0 + "@" } ?? ""
        let host = values["host"] ?? values["hostaddr"] ?? ""
        let port = values["port"].map { ":" + $0 } ?? ""
        description = "postgresql://\(user)\(host)\(port)/\(values["dbname"] ?? "")"
    }

    /// `url` with anything between `:` and `@` of the authority blanked, for error messages
    /// about an address that could not even be parsed.
    static func redacted(_ url: String) -> String {
        guard let scheme = url.range(of: "://"), let at = url[scheme.upperBound...].firstIndex(of: "@") else { return url }
        let userInfo = url[scheme.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<colon]) + ":***" + String(url[at...])
    }
}
