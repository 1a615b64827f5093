import Foundation
import NNLang
import NNBookCLI
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
    public init(paths: [String], outDir: String = "site", timeout: Double? = NotebookRunner.defaultTimeout, jobs: Int = processorCount,
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
        /// An interpreter that ran the cells before the last edited one, ready or being prepared.
        var spare: Spare?
    }

    /// A `RunCheckpoint` being prepared on its own thread; `wait()` blocks until it is ready.
    final class Spare: @unchecked Sendable {
        let notebook: Notebook
        let count: Int
        let flag = CancelFlag()
        private let condition = NSCondition()
        private var finished = false
        private var checkpoint: RunCheckpoint?
        private var stamps: [FileStamp?] = []

        init(notebook: Notebook, count: Int) { self.notebook = notebook; self.count = count }

        func finish(_ checkpoint: RunCheckpoint?) {
            let stamps = (checkpoint?.filesRead ?? []).map(FileStamp.of)
            condition.lock()
            self.checkpoint = checkpoint
            self.stamps = stamps
            finished = true
            condition.broadcast()
            condition.unlock()
        }

        /// The checkpoint once ready; nil when it failed, or a file its cells read has changed since.
        func wait() -> RunCheckpoint? {
            condition.lock()
            while !finished { condition.wait() }
            let (cp, stamps) = (checkpoint, self.stamps)
            condition.unlock()
            guard let cp, cp.filesRead.map(FileStamp.of) == stamps else { return nil }
            return cp
        }
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
                tracked[gone]?.spare?.flag.cancel()
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

    /// Re-runs `path` on a new thread, cancelling a run of it still going.
    ///
    /// Where it can, the run starts at the edited cell: after each run the watcher prepares,
    /// in the background, a spare interpreter that has run the cells before the one just
    /// edited (`RunCheckpoint`), and the next save that leaves those cells alone continues on
    /// it. Nothing is copied (a snapshot of nn objects, closures and autograd graphs would be
    /// neither cheap nor safe): the spare's state is that of a run from the top. Otherwise, on
    /// the first edit of a cell, or an edit above the spare's cells, it runs from the top.
    public func rerun(_ path: String) {
        let flag = CancelFlag()
        let (generation, spare, previous): (Int, Spare?, Notebook?) = lock.withLock {
            var t = tracked[path] ?? Tracked()
            t.running?.cancel()
            t.running = flag
            t.generation += 1
            tracked[path] = t
            return (t.generation, t.spare, t.latest?.notebook)
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
            var run: NotebookRun?
            if let hit = options.cache?.lookup(notebook, runner: runner) {
                run = hit
            } else {
                if let spare {
                    if NotebookRunner.sharesPrefix(notebook, with: spare.notebook, count: spare.count) {
                        // Waiting for a spare still being prepared costs less than the cells it ran.
                        if let checkpoint = spare.wait(), !flag.isCancelled {
                            run = runner.resume(checkpoint, with: notebook) { executor in
                                (executor as? Interpreter)?.runtime.cancel = flag
                            }
                        }
                    } else {
                        spare.flag.cancel()
                    }
                    // Used, refused or stale: the next run prepares a fresh one.
                    lock.withLock { if tracked[path]?.spare === spare { tracked[path]?.spare = nil } }
                }
                if run == nil, !flag.isCancelled { run = runner.run(notebook) }
                if flag.isCancelled {
                    console.out("\(Self.clock())  cancelled  \(path)  (saved again during the run)\n")
                    return
                }
                if let run { options.cache?.store(run, runner: runner) }
            }
            guard let run else { return }
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
            if let previous { prepareSpare(path, notebook: notebook, count: NotebookRunner.firstChangedCell(notebook, since: previous)) }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Starts preparing a spare interpreter for `path` that has run its first `count` cells
    /// (nothing when there is one already, or nothing to gain).
    func prepareSpare(_ path: String, notebook: Notebook, count: Int) {
        guard count > 0, !notebook.hasErrors else { return }
        let spare = Spare(notebook: notebook, count: count)
        let started: Bool = lock.withLock {
            guard !stopped, var t = tracked[path], t.spare == nil else { return false }
            t.spare = spare
            tracked[path] = t
            return true
        }
        guard started else { return }
        var spareRunner = self.runner
        spareRunner.makeExecutor = { file in
            let interpreter = Interpreter(file: file, seed: 0)
            interpreter.runtime.cancel = spare.flag
            return interpreter
        }
        let runner = spareRunner
        let thread = Thread { [self] in
            let checkpoint = spare.flag.isCancelled ? nil : runner.checkpoint(notebook, cells: count)
            spare.finish(spare.flag.isCancelled ? nil : checkpoint)
            if checkpoint == nil {
                lock.withLock { if tracked[path]?.spare === spare { tracked[path]?.spare = nil } }
            }
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Cancels every run in progress and stops watching.
    public func stop() {
        lock.withLock {
            stopped = true
            for (_, t) in tracked { t.running?.cancel(); t.spare?.flag.cancel() }
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
        if let k = run.resumedAt { line += "  from cell \(k + 1)" }
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
