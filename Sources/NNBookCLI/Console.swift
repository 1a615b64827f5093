#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook

/// Where the CLI writes: stdout and stderr, unbuffered writes, with terminal detection.
public final class Console: @unchecked Sendable {
    /// True when stdout is a terminal.
    public let stdoutIsTerminal: Bool
    /// True when stderr is a terminal (diagnostics are coloured only then).
    public let stderrIsTerminal: Bool
    /// True when a live status line may be drawn: stderr is a terminal and not under
    /// `CI=true` (CI logs keep no redrawn line even on a pseudo-terminal).
    public let showsLiveStatus: Bool
    private let lock = Lock()
    /// Text of the live status line currently drawn on stderr ("" when none).
    private var status = ""
    /// When set, output goes here (fd 1 or 2, text) instead of the process's streams.
    private let sink: (@Sendable (Int32, String) -> Void)?

    /// The process's console.
    public init() {
        let term = getenv("TERM").map { String(cString: $0) } ?? ""
        stdoutIsTerminal = isatty(1) != 0
        stderrIsTerminal = isatty(2) != 0 && getenv("NO_COLOR") == nil && term != "dumb"
        let ci = getenv("CI").map { String(cString: $0).lowercased() } ?? ""
        showsLiveStatus = stderrIsTerminal && ci != "true" && ci != "1"
        sink = nil
    }

    /// A console that hands everything to `sink` (fd 1 or 2, text): for tests, which may
    /// pretend it is a terminal to see the live status line.
    public init(terminal: Bool = false, sink: @escaping @Sendable (_ fd: Int32, _ text: String) -> Void) {
        stdoutIsTerminal = terminal
        stderrIsTerminal = terminal
        showsLiveStatus = terminal
        self.sink = sink
    }

    /// Writes to stdout.
    public func out(_ text: String) { lock.withLock { clearStatus(); write(1, text) } }
    /// Writes to stderr.
    public func err(_ text: String) { lock.withLock { clearStatus(); write(2, text) } }
    /// Writes to stderr without waiting for the console: for the Ctrl-C handler, which must
    /// not block behind a write stuck on a full pipe (a run whose stdout nobody reads).
    public func errNow(_ text: String) { write(2, text) }

    /// Draws (or with "" erases) a one-line status on stderr, only when it is a terminal.
    func setStatus(_ text: String) {
        guard showsLiveStatus else { return }
        lock.withLock {
            clearStatus()
            if !text.isEmpty { write(2, "\u{1B}[2m\(text)\u{1B}[0m") }
            status = text
        }
    }

    private func clearStatus() {
        if !status.isEmpty { write(2, "\r\u{1B}[K"); status = "" }
    }

    private func write(_ fd: Int32, _ text: String) {
        if let sink { sink(fd, text); return }
        var bytes = Array(text.utf8)
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeMutableBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 { if errno == EINTR { continue } else { return } }
            done += n
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#else
private let systemWrite = Darwin.write
#endif
import Notebook
