import Foundation

/// A detached tmux session on a private server socket, running a shell in which the tests
/// type commands like a user. The server is killed when the session is closed.
final class TmuxSession {
    let socket: String
    let tmux: String
    private(set) var closed = false

    /// Why end-to-end tests cannot run here, or nil when they can.
    static var unavailableReason: String? {
        if tmuxPath == nil { return "tmux is not installed (.ci/run installs it)" }
        if jixiaoBinary == nil {
            return "the jixiao binary was not found next to the test bundle; run `swift build` first"
        }
        return nil
    }

    static let tmuxPath: String? = {
        for directory in ["/usr/bin", "/usr/local/bin", "/bin", "/opt/homebrew/bin"] {
            let path = directory + "/tmux"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }()

    /// The built `jixiao`, in the build products directory beside the test bundle.
    static let jixiaoBinary: String? = CLIProcess.isBuilt("jixiao") ? CLIProcess.binary.path : nil

    /// Starts a `width` × `height` session running `sh` with prompt `$ `, through `launcher`
    /// when given (e.g. `OSUsers.launcher(for:)`: the shell runs as another OS user).
    init(width: Int = 80, height: Int = 24, launcher: [String] = []) throws {
        guard let tmux = Self.tmuxPath else { throw Failure("tmux missing") }
        self.tmux = tmux
        self.socket = "jixiao-e2e-\(getpid())-\(UUID().uuidString.prefix(8))"
        try run(["-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main"] + launcher + [
                 "env", "-i", "PATH=/usr/bin:/bin", "HOME=\(NSTemporaryDirectory())", "LANG=C.UTF-8",
                 "TERM=tmux-256color", "PS1=$ ", "sh"])
        // Keep the window at the size asked for, whatever clients attach.
        try run(["set-option", "-g", "window-size", "manual"])
        try waitFor { $0.contains("$") }
    }

    deinit { close() }

    func close() {
        guard !closed else { return }
        closed = true
        // kill-session first: with tmux 3.3a, kill-server alone was seen to leave the server,
        // its shell and an editor still running in it alive after the test.
        _ = try? run(["kill-session", "-t", "main"])
        _ = try? run(["kill-server"])
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let result = try Self.spawn(tmux, ["-L", socket] + arguments)
        guard result.status == 0 else {
            throw Failure("tmux \(arguments.joined(separator: " ")) failed (\(result.status)): \(result.output)")
        }
        return result.output
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module
    /// does not export; looked up once.
    static let closeDescriptorsFrom3: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32)? = {
        guard let symbol = dlsym(nil, "posix_spawn_file_actions_addclosefrom_np") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)
    }()

    /// Runs a program to completion with posix_spawn and waitpid. Output goes to a file, not
    /// a pipe: the tmux server that new-session starts would inherit a pipe and hold it open;
    /// and Foundation's Process misses the exit of a client whose server daemonized
    /// (swift-corelibs-foundation issue 4795), which is also why every descriptor above 2 is
    /// closed in the child.
    static func spawn(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let outputPath = NSTemporaryDirectory() + "jixiao-tmux-\(UUID().uuidString).out"
        defer { unlink(outputPath) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // Nothing else of this test process may reach tmux: a server that new-session starts
        // lives on, and an inherited descriptor it holds (Foundation's exit-detection socket of
        // a concurrently started Process, a pipe) would make another test wait for ever.
        if let closeFrom = Self.closeDescriptorsFrom3 {
            _ = closeFrom(&actions, 3)
        } else {
            let open = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
            for fd in open.compactMap(Int32.init) where fd > 2 && fcntl(fd, F_GETFD) >= 0 {
                posix_spawn_file_actions_addclose(&actions, fd)
            }
        }
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let error = posix_spawn(&pid, program, &actions, nil, argv, environ)
        guard error == 0 else { throw Failure("cannot start \(program): error \(error)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            if errno != EINTR { throw Failure("waitpid failed: \(errno)") }
        }
        let output = (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
        let exited = status & 0x7F == 0
        return (exited ? (status >> 8) & 0xFF : 128 + (status & 0x7F), output)
    }

    /// Types `text` literally (CJK included).
    func type(_ text: String) throws { try run(["send-keys", "-t", "main", "-l", text]) }

    /// Pastes `text` as a terminal does (bracketed, since the editor asks for it), from a
    /// tmux buffer: what a user's Ctrl-Shift-V or right click after copying from Excel sends.
    func paste(_ text: String) throws {
        try run(["set-buffer", "-b", "e2e-paste", "--", text])
        try run(["paste-buffer", "-p", "-d", "-b", "e2e-paste", "-t", "main"])
    }

    /// Presses keys by tmux name: `Enter`, `F1`, `C-q`, `Escape`.
    func press(_ keys: String...) throws { try run(["send-keys", "-t", "main"] + keys) }

    /// The screen as text, one string per row (`-e`: with colour escapes).
    func capture(escapes: Bool = false) throws -> [String] {
        let text = try run(["capture-pane", "-t", "main", "-p"] + (escapes ? ["-e"] : []))
        var lines = text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// The pid of the shell in the pane.
    func shellPID() throws -> Int32 {
        let text = try run(["display-message", "-p", "-t", "main", "#{pane_pid}"])
        guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else {
            throw Failure("no pane pid in \(text)")
        }
        return pid
    }

    /// Polls the screen until `condition` holds (no fixed sleeps); fails after `timeout`
    /// seconds with the last screen in the message.
    @discardableResult
    func waitFor(timeout: TimeInterval = 10, escapes: Bool = false,
                 _ condition: ([String]) -> Bool) throws -> [String] {
        let deadline = Date().addingTimeInterval(timeout)
        var screen: [String] = []
        while Date() < deadline {
            screen = try capture(escapes: escapes)
            if condition(screen) { return screen }
            usleep(30_000)
        }
        throw Failure("timed out; screen was:\n" + screen.joined(separator: "\n"))
    }

    /// Waits for a screen line that is exactly `line` (output, unlike the typed command line
    /// that merely contains it).
    @discardableResult
    func waitForLine(_ line: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitFor(timeout: timeout) { $0.contains(line) }
    }

    @discardableResult
    func waitFor(text: String, timeout: TimeInterval = 10) throws -> [String] {
        try waitFor(timeout: timeout) { $0.joined(separator: "\n").contains(text) }
    }
}
