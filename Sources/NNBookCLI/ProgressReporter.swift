#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Notebook

/// Prints a batch's progress: one line per notebook as it finishes, its diagnostics, and on a
/// terminal a live line naming any cell that has run for more than a second.
public final class ProgressReporter: @unchecked Sendable {
    let console: Console
    let formatter: DiagnosticFormatter
    let showDiagnostics: Bool
    private let lock = Lock()
    private var running: [String: (cell: Cell, start: ContinuousClock.Instant)] = [:]
    private var finished = false
    private let clock = ContinuousClock()

    /// A reporter writing to `console`; `showDiagnostics` prints failures under each notebook.
    public init(console: Console, showDiagnostics: Bool = true) {
        self.console = console
        self.formatter = DiagnosticFormatter(colored: console.stderrIsTerminal)
        self.showDiagnostics = showDiagnostics
    }

    /// Events that track the running cell of each notebook.
    public var events: RunEvents {
        RunEvents(
            cellStarted: { [self] notebook, cell in lock.withLock { running[notebook.path] = (cell, clock.now) } },
            cellFinished: { [self] notebook, _ in lock.withLock { _ = running.removeValue(forKey: notebook.path) } })
    }

    /// Reports a finished notebook: `PASS  path  (3 cells, 0.42 s)` and its diagnostics.
    public func finished(_ run: NotebookRun) {
        if showDiagnostics {
            let text = run.diagnostics.map(formatter.format).joined()
            if !text.isEmpty { console.err(text) }
        }
        console.out(Self.line(for: run, colored: console.stdoutIsTerminal))
    }

    /// The one-line summary of a notebook.
    public static func line(for run: NotebookRun, colored: Bool) -> String {
        let (word, color) = run.passed ? ("PASS", "\u{1B}[32m") : ("FAIL", "\u{1B}[31m")
        let tag = colored ? "\(color)\(word)\u{1B}[0m" : word
        var counts = "\(run.cells.count) cell\(run.cells.count == 1 ? "" : "s")"
        if !run.passed { counts += ", \(run.failedCount) failed" }
        let time = run.fromCache ? "cached" : formatSeconds(run.seconds)
        return "\(tag)  \(run.notebook.path)  (\(counts), \(time))\n"
    }

    /// Runs `body` while a ticker thread redraws the live status line on a terminal.
    public func whileTicking<T>(_ body: () -> T) -> T {
        guard console.showsLiveStatus else { return body() }
        let ticker = Ticker(self)
        var thread = pthread_t()
        let box = Unmanaged.passRetained(ticker).toOpaque()
        let started = pthread_create(&thread, nil, { raw in
            Unmanaged<Ticker>.fromOpaque(raw!).takeRetainedValue().loop()
            return nil
        }, box) == 0
        if !started { Unmanaged<Ticker>.fromOpaque(box).release() }
        let result = body()
        lock.withLock { finished = true }
        if started { pthread_join(thread, nil) }
        console.setStatus("")
        return result
    }

    private final class Ticker {
        let reporter: ProgressReporter
        init(_ reporter: ProgressReporter) { self.reporter = reporter }
        func loop() {
            while reporter.tick() { usleep(200_000) }
        }
    }

    /// Redraws the status line; false once the batch is over.
    private func tick() -> Bool {
        let now = clock.now
        let (done, slow): (Bool, [(String, Cell, Double)]) = lock.withLock {
            (finished, running.map { ($0.key, $0.value.cell, NotebookRunner.seconds($0.value.start.duration(to: now))) }
                .filter { $0.2 >= 1 }.sorted { $0.0 < $1.0 })
        }
        if done { return false }
        console.setStatus(slow.map { "running \($0.0):\($0.1.fenceLine) cell \($0.1.number) \(formatSeconds($0.2))" }
            .joined(separator: " | "))
        return true
    }
}

