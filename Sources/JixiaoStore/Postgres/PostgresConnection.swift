import CLibpq
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One libpq connection, used synchronously (the terminal loop blocks on a save anyway).
/// Parameters always travel separately from the SQL text (`PQexecParams`), so document text
/// can never be read as SQL. A connection that broke is replaced by `reconnectIfNeeded`, called
/// before every operation: after a server restart the next operation simply works again.
final class PostgresConnection {
    let address: PostgresAddress
    private var connection: OpaquePointer?
    /// Bumped by every new connection, so holders of session state (advisory locks, LISTEN)
    /// know to establish it again.
    private(set) var generation = 0
    /// The authenticated role (`session_user`), learnt at connect.
    private(set) var sessionUser = ""

    /// libpq parameters added to the URL unless it (or the environment variable libpq reads
    /// for it) sets them already: e.g. `connect_timeout` and TCP keepalives for the listening
    /// connection of live refresh.
    let defaults: [(parameter: String, environment: String, value: String)]

    init(_ address: PostgresAddress, defaults: [(parameter: String, environment: String, value: String)] = []) throws(StoreError) {
        self.address = address
        self.defaults = defaults
        try connect()
    }

    /// The URL with `defaults` added.
    var conninfo: String {
        var url = address.conninfo
        let environment = ProcessInfo.processInfo.environment
        for (parameter, variable, value) in defaults
        where !url.contains(parameter + "=") && (variable.isEmpty || environment[variable] == nil) {
            url += (url.contains("?") ? "&" : "?") + parameter + "=" + value
        }
        return url
    }

    deinit { if let connection { PQfinish(connection) } }

    var isBroken: Bool { connection.map { PQstatus($0) != CONNECTION_OK } ?? true }

    private func connect() throws(StoreError) {
        if let old = connection { PQfinish(old); connection = nil }
        guard let made = PQconnectdb(conninfo) else {
            throw .unreachable(address: address.description, reason: "out of memory")
        }
        guard PQstatus(made) == CONNECTION_OK else {
            let reason = PostgresConnection.trimmed(PQerrorMessage(made))
            PQfinish(made)
            throw .unreachable(address: address.description, reason: reason)
        }
        // libpq's default prints notices to stderr, which is the editor's terminal: a server
        // ending the connection ("FATAL: terminating connection …") would be written across
        // the screen. The outcome reaches the caller anyway, as the next operation's error.
        PQsetNoticeProcessor(made, { _, _ in }, nil)
        connection = made
        generation += 1
        do {
            let result = try execute("SELECT session_user::text")
            sessionUser = result.value(0, 0) ?? ""
        } catch {
            throw .unreachable(address: address.description, reason: error.message)
        }
    }

    func reconnectIfNeeded() throws(StoreError) {
        if isBroken { try connect() }
    }

    func close() {
        if let connection { PQfinish(connection) }
        connection = nil
    }

    /// The server process serving this connection.
    var backendPID: Int32 { connection.map { PQbackendPID($0) } ?? 0 }

    /// The socket, for waiting on notifications with poll(2).
    var socket: Int32 { connection.map { PQsocket($0) } ?? -1 }

    /// Runs one statement with text parameters.
    @discardableResult
    func execute(_ sql: String, _ parameters: [String?] = []) throws(PostgresError) -> PostgresResult {
        guard let connection else { throw PostgresError(message: "not connected", sqlState: nil, connectionLost: true) }
        // strdup'd copies: the C strings must outlive the call.
        let copies: [UnsafeMutablePointer<CChar>?] = parameters.map { $0.flatMap { strdup($0) } }
        defer { for copy in copies { free(copy) } }
        let result: OpaquePointer? = copies.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: UnsafePointer<CChar>?.self, capacity: max(copies.count, 1)) { values in
                PQexecParams(connection, sql, Int32(copies.count), nil, copies.isEmpty ? nil : values, nil, nil, 0)
            }
        }
        return try check(result, connection)
    }

    /// Runs a script of several statements without parameters (schema set-up).
    func executeScript(_ sql: String) throws(PostgresError) {
        guard let connection else { throw PostgresError(message: "not connected", sqlState: nil, connectionLost: true) }
        _ = try check(PQexec(connection, sql), connection)
    }

    private func check(_ result: OpaquePointer?, _ connection: OpaquePointer) throws(PostgresError) -> PostgresResult {
        guard let result else {
            throw PostgresError(message: PostgresConnection.trimmed(PQerrorMessage(connection)), sqlState: nil,
                                connectionLost: PQstatus(connection) != CONNECTION_OK)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK else {
            let state = PQresultErrorField(result, Int32(UInt8(ascii: "C"))).map { String(cString: $0) }
            let message = PostgresConnection.trimmed(PQresultErrorMessage(result))
            throw PostgresError(message: message.isEmpty ? PostgresConnection.trimmed(PQerrorMessage(connection)) : message,
                                sqlState: state, connectionLost: PQstatus(connection) != CONNECTION_OK)
        }
        var rows: [[String?]] = []
        let rowCount = PQntuples(result), columnCount = PQnfields(result)
        rows.reserveCapacity(Int(rowCount))
        for row in 0..<rowCount {
            var values: [String?] = []
            for column in 0..<columnCount {
                if PQgetisnull(result, row, column) == 1 {
                    values.append(nil)
                } else {
                    let length = Int(PQgetlength(result, row, column))
                    let bytes = UnsafeRawBufferPointer(start: PQgetvalue(result, row, column), count: length)
                    values.append(String(decoding: bytes, as: UTF8.self))
                }
            }
            rows.append(values)
        }
        let affected = PQcmdTuples(result).map { Int(String(cString: $0)) ?? 0 } ?? 0
        return PostgresResult(rows: rows, affected: affected)
    }

    /// Notifications received so far (the sending backend's process id and the payload),
    /// without blocking.
    func notifications() throws(PostgresError) -> [(sender: Int32, payload: String)] {
        guard let connection else { throw PostgresError(message: "not connected", sqlState: nil, connectionLost: true) }
        guard PQconsumeInput(connection) == 1 else {
            throw PostgresError(message: PostgresConnection.trimmed(PQerrorMessage(connection)), sqlState: nil,
                                connectionLost: true)
        }
        var payloads: [(sender: Int32, payload: String)] = []
        while let notice = PQnotifies(connection) {
            payloads.append((notice.pointee.be_pid, String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        // A server that went away shows up as a closed socket on the next read.
        if PQstatus(connection) != CONNECTION_OK {
            throw PostgresError(message: "connection lost", sqlState: nil, connectionLost: true)
        }
        return payloads
    }

    static func trimmed(_ message: UnsafePointer<CChar>?) -> String {
        guard let message else { return "" }
        return String(cString: message).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A quoted identifier for SQL text (role names in GRANT, which take no parameters).
    static func quoteIdentifier(_ name: String) -> String {
        "\"" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

struct PostgresResult {
    var rows: [[String?]]
    var affected: Int

    func value(_ row: Int, _ column: Int) -> String? {
        row < rows.count && column < rows[row].count ? rows[row][column] : nil
    }
}

/// An error reported by libpq or the server. `connectionLost`: the connection is gone, so the
/// outcome of a COMMIT in flight is unknown.
struct PostgresError: Error, CustomStringConvertible {
    var message: String
    var sqlState: String?
    var connectionLost: Bool

    /// The connection broke (or the server is shutting it down): a COMMIT in flight may or
    /// may not have happened.
    var isConnectionFailure: Bool {
        connectionLost || (sqlState.map { $0.hasPrefix("08") || $0 == "57P01" || $0 == "57P02" || $0 == "57P03" } ?? false)
    }

    var description: String { sqlState.map { "\(message) (SQLSTATE \($0))" } ?? message }

    /// Insufficient privilege, including a row-level security policy refusing a row.
    var isPermissionDenied: Bool { sqlState == "42501" }
    /// The jixiao schema or one of its tables does not exist.
    var isUndefinedTable: Bool { sqlState == "42P01" || sqlState == "3F000" }
}
