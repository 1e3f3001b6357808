import Glibc

/// Signal plumbing. Handlers may only do async-signal-safe things, so:
/// - SIGWINCH, SIGTERM, SIGHUP, SIGINT write the signal number into a pipe that the input
///   loop polls; the loop turns it into a resize or terminate event (no curses in handlers).
/// - SIGTSTP (`kill -TSTP`; Ctrl-Z is a key in raw mode) restores the terminal and stops;
///   SIGCONT goes through the pipe and the loop takes the terminal over again.
/// - Fatal signals (SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP) write the prepared
///   restore bytes, put the saved termios back, and re-raise: even a crash leaves a usable
///   shell.
enum TerminalSignals {
    nonisolated(unsafe) static var pipeWriteEnd: Int32 = -1
    nonisolated(unsafe) static var restoreBytes: UnsafeMutablePointer<UInt8>?
    nonisolated(unsafe) static var restoreCount = 0
    nonisolated(unsafe) static var savedTermios: UnsafeMutablePointer<termios>?
    nonisolated(unsafe) static var outputFD: Int32 = 1
    nonisolated(unsafe) static var inputFD: Int32 = 0

    static let relayed: [Int32] = [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGCONT]
    static let fatal: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP]

    /// Installs the handlers; returns the pipe's read end.
    static func install(restore: [UInt8], termios saved: termios, input: Int32, output: Int32) -> Int32 {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) != 0 { return -1 }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        pipeWriteEnd = fds[1]
        inputFD = input
        outputFD = output
        let bytes = UnsafeMutablePointer<UInt8>.allocate(capacity: max(1, restore.count))
        bytes.initialize(from: restore, count: restore.count)
        restoreBytes = bytes
        restoreCount = restore.count
        let termiosCopy = UnsafeMutablePointer<termios>.allocate(capacity: 1)
        termiosCopy.initialize(to: saved)
        savedTermios = termiosCopy
        for signalNumber in relayed {
            signal(signalNumber) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(TerminalSignals.pipeWriteEnd, &byte, 1)
            }
        }
        signal(SIGTSTP) { _ in
            TerminalSignals.emergencyRestore()
            raise(SIGSTOP)
        }
        for signalNumber in fatal {
            signal(signalNumber) { number in
                TerminalSignals.emergencyRestore()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        return fds[0]
    }

    /// Async-signal-safe terminal restore for the fatal-signal path.
    static func emergencyRestore() {
        if let bytes = restoreBytes, restoreCount > 0 { _ = write(outputFD, bytes, restoreCount) }
        if let saved = savedTermios { _ = tcsetattr(inputFD, TCSANOW, saved) }
    }

    /// Puts the default handlers back (after a normal restore).
    static func uninstall() {
        for signalNumber in relayed + fatal + [SIGTSTP] { signal(signalNumber, SIG_DFL) }
        restoreCount = 0
    }
}
