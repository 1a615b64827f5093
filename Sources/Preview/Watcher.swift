import Foundation
import NNLang
import Notebook
import Site

/// What `nnbook watch` watches and how it runs.
public struct WatchOptions: Sendable {
    /// Notebook files or folders, as given (default `Notebooks`).
    public var paths: [String]
    /// The site folder pages are written to and served from.
    public var outDir: String
    /// Seconds a cell may run.
    public var timeout: Double?
    /// Notebooks run at once on the first pass.
    public var jobs: Int
    /// The run cache (nil with `--no-cache`).
    public var cache: RunCache?
    /// Keep raw HTML in prose.
    public var unsafeHTML: Bool
    /// How often files are checked for changes, in seconds.
    public var pollInterval: Double

    /// Options for watching `paths` into `outDir`.
    public init(paths: [String], outDir: String = "site", timeout: Double? = 300, jobs: Int = processorCount,
                cache: RunCache? = nil, unsafeHTML: Bool = false, pollInterval: Double = 0.2) {
        self.paths = paths; self.outDir = outDir; self.timeout = timeout; self.jobs = jobs
        self.cache = cache; self.unsafeHTML = unsafeHTML; self.pollInterval = pollInterval
    }
}

/// Watches notebooks and the files they read; on a change re-runs that notebook (from the top:
/// see `rerun`), re-renders the site and reports which pages changed. A save during a run
/// cancels that run and starts the new one. Thread-safe; runs happen on their own threads.
public final class Watcher: @unchecked Sendable {
    let options: WatchOptions
    let console: Console
    /// Called with the page names whose bytes changed after each render.
    let onPagesChanged: @Sendable ([String]) -> Void

    private let lock = NSLock()
    private let renderLock = NSLock()
    private var order: [String] = []
    private var tracked: [String: Tracked] = [:]
    private var pageBytes: [String: Data] = [:]
    private var stopped = false

    /// One watched notebook.
    struct Tracked {
        /// Stamps of the notebook, then of each file its last run read.
        var stamps: [FileStamp?] = []
        var latest: NotebookRun?
        /// The last run in which every cell ran: its outputs stand in, marked stale, for cells
        /// a broken edit keeps from running.
        var lastGood: NotebookRun?
        var running: CancelFlag?
        var generation = 0
    }

    /// A watcher; `onPagesChanged` gets the pages to reload after each re-render.
    public init(options: WatchOptions, console: Console, onPagesChanged: @escaping @Sendable ([String]) -> Void) {
        self.options = options; self.console = console; self.onPagesChanged = onPagesChanged
    }

    var runner: NotebookRunner { NotebookRunner(timeout: options.timeout) }

    func expand() -> [String]? {
        try? NotebookPaths.expand(options.paths.isEmpty ? ["Notebooks"] : options.paths)
    }

    /// Runs every notebook once (through the cache), prints one line each, writes the site.
    /// Returns false when the paths name no notebooks.
    public func start() -> Bool {
        guard let paths = expand() else { return false }
        let reporter = ProgressReporter(console: console, showDiagnostics: false)
        let batch = NotebookBatch(runner: runner, jobs: options.jobs, cache: options.cache)
        let runs = reporter.whileTicking { batch.run(paths, events: reporter.events, onFinish: reporter.finished) }
        lock.withLock {
            order = paths
            for run in runs {
                var t = Tracked()
                t.latest = run
                if Self.ranToTheEnd(run) { t.lastGood = run }
                t.stamps = Self.stamps(run.notebook.path, run.filesRead)
                tracked[run.notebook.path] = t
            }
        }
        renderSite(notify: false)
        return true
    }

    /// Checks every watched file once and re-runs the notebooks whose inputs changed; picks up
    /// notebooks added to or removed from the watched folders.
    public func poll() {
        let paths = expand() ?? []
        var toRun: [String] = []
        var removed = false
        lock.withLock {
            if stopped { return }
            for gone in order where !paths.contains(gone) {
                tracked[gone]?.running?.cancel()
                tracked[gone] = nil
                removed = true
            }
            order = paths
            for path in paths {
                var t = tracked[path] ?? Tracked()
                let now = Self.stamps(path, t.latest?.filesRead ?? [])
                if now != t.stamps || tracked[path] == nil {
                    t.stamps = now
                    toRun.append(path)
                }
                tracked[path] = t
            }
        }
        if removed && toRun.isEmpty { renderSite(notify: true) }
        for path in toRun { rerun(path) }
    }

    /// Re-runs `path` from the top on a new thread, cancelling a run of it still going.
    ///
    /// From the top, not from the edited cell: a snapshot of the interpreter after cell k-1
    /// would need a deep copy of every nn object (lists, dicts, closures, modules, tensors with
    /// their autograd graph), which is neither cheap nor safe to get right; the run cache
    /// already skips every notebook that did not change.
    public func rerun(_ path: String) {
        let flag = CancelFlag()
        let generation: Int = lock.withLock {
            var t = tracked[path] ?? Tracked()
            t.running?.cancel()
            t.running = flag
            t.generation += 1
            tracked[path] = t
            return t.generation
        }
        let thread = Thread { [self] in
            // Stamped before reading: a save after this point shows as a change on the next poll.
            let loadedStamp = FileStamp.of(path)
            let notebook = Notebook.loadOrDiagnose(path)
            var runner = self.runner
            runner.makeExecutor = { file in
                let interpreter = Interpreter(file: file, seed: 0)
                interpreter.runtime.cancel = flag
                return interpreter
            }
            let run: NotebookRun
            if let hit = options.cache?.lookup(notebook, runner: runner) {
                run = hit
            } else {
                run = runner.run(notebook)
                if flag.isCancelled {
                    console.out("\(Self.clock())  cancelled  \(path)  (saved again during the run)\n")
                    return
                }
                options.cache?.store(run, runner: runner)
            }
            let current: Bool = lock.withLock {
                guard var t = tracked[path], t.generation == generation else { return false }
                t.latest = run
                t.running = nil
                if Self.ranToTheEnd(run) { t.lastGood = run }
                t.stamps = [loadedStamp] + run.filesRead.map(FileStamp.of)
                tracked[path] = t
                return true
            }
            guard current else { return }
            renderSite(notify: true)
            console.out(Self.reportLine(for: run, colored: console.stdoutIsTerminal))
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Cancels every run in progress and stops watching.
    public func stop() {
        lock.withLock {
            stopped = true
            for (_, t) in tracked { t.running?.cancel() }
        }
    }

    /// True while a run is going on (for tests).
    public var isRunning: Bool { lock.withLock { tracked.values.contains { $0.running != nil } } }

    // MARK: Rendering

    /// Writes every page; failed runs get the error banner and stale outputs.
    func renderSite(notify: Bool) {
        renderLock.lock()
        defer { renderLock.unlock() }
        let formatter = DiagnosticFormatter(colored: false)
        let notebooks: [SiteNotebook] = lock.withLock {
            order.compactMap { path in
                guard let t = tracked[path], let run = t.latest else { return nil }
                // Drifted outputs show per cell as in `render`; the banner is for runs that stopped.
                if Self.ranToTheEnd(run) { return SiteNotebook(run) }
                let report = Self.stoppingErrors(run).map(formatter.format)
                return SiteNotebook(run, lastGood: t.lastGood, report: report)
            }
        }
        let outURL = URL(fileURLWithPath: options.outDir)
        let report: Site.Report
        do {
            report = try Site.render(notebooks, to: outURL, options: SiteOptions(unsafeHTML: options.unsafeHTML))
        } catch {
            console.err("nnbook: error: cannot write the site: \(error)\n")
            return
        }
        var changed: [String] = []
        for page in report.pages {
            let data = FileManager.default.contents(atPath: outURL.appendingPathComponent(page).path) ?? Data()
            if pageBytes[page] != data { changed.append(page) }
            pageBytes[page] = data
        }
        if notify { onPagesChanged(changed) }
    }

    // MARK: Helpers

    static func ranToTheEnd(_ run: NotebookRun) -> Bool {
        !run.notebook.hasErrors && !run.cells.contains { $0.verdict == .notRun }
            && !run.cells.contains { c in c.result?.error.map { !(c.cell.options.raises?.accepts($0.typeName) ?? false) } ?? false }
    }

    /// The errors that kept cells from running: the notebook's own (bad Markdown, unknown
    /// options) and uncaught exceptions. Drifted or missing outputs show on their cells instead.
    static func stoppingErrors(_ run: NotebookRun) -> [Diagnostic] {
        var lines = Set<Int>()
        for c in run.cells {
            if case .failed(let f) = c.verdict, c.result?.error != nil { lines.insert(f.line) }
        }
        let own = run.notebook.diagnostics.count
        return run.diagnostics.enumerated().compactMap { i, d in
            guard d.severity == .error, i < own || lines.contains(d.location.line) else { return nil }
            return d
        }
    }

    static func stamps(_ notebook: String, _ files: [String]) -> [FileStamp?] {
        ([notebook] + files).map(FileStamp.of)
    }

    /// `14:03:05  PASS  Notebooks/01_matmul.md  (12 cells, 0.84 s)`, and the first error of a
    /// failed run after it.
    static func reportLine(for run: NotebookRun, colored: Bool) -> String {
        var line = ProgressReporter.line(for: run, colored: colored)
        line.removeLast()  // the newline
        if let first = stoppingErrors(run).first ?? run.diagnostics.first(where: { $0.severity == .error }) {
            let head = DiagnosticFormatter(colored: false).format(first).split(separator: "\n").first.map(String.init) ?? ""
            line += "  \(head)"
        }
        return "\(clock())  \(line)\n"
    }

    static func clock() -> String {
        let f = DateFormatter()
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date())
    }
}
