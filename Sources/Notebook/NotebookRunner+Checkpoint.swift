/// A notebook run paused after its first `count` cells: the executor holding their state, and
/// their runs. `nnbook watch` keeps one per notebook, so an edit to cell k re-runs only cells
/// k... on it instead of the whole notebook. Used once: `resume` consumes it.
///
/// No state is copied: the executor simply ran cells 1..k-1 and was never given cell k, so its
/// state is exactly that of a run from the top (the RNG is seeded at the start, and the files
/// the cells read are checked by the caller).
public final class RunCheckpoint: @unchecked Sendable {
    /// The notebook the cells came from.
    public let notebook: Notebook
    /// How many leading cells ran.
    public let count: Int
    /// Their runs.
    public let runs: [CellRun]
    private let lock = Lock()
    private var executor: (any CellExecutor)?
    private var used = false

    init(notebook: Notebook, count: Int, runs: [CellRun], executor: (any CellExecutor)?) {
        self.notebook = notebook; self.count = count; self.runs = runs; self.executor = executor
    }

    /// The executor, once (`ok` is false on every later call).
    func take() -> (ok: Bool, executor: (any CellExecutor)?) {
        lock.withLock {
            if used { return (false, nil) }
            used = true
            defer { executor = nil }
            return (true, executor)
        }
    }

    /// Files the paused cells read.
    public var filesRead: [String] { lock.withLock { executor?.filesRead ?? [] } }
}

extension NotebookRunner {
    /// Runs the first `count` cells of `notebook` and pauses; nil when one of them failed to
    /// run (an uncaught error: later cells could not run on that state) or the notebook has
    /// errors.
    public func checkpoint(_ notebook: Notebook, cells count: Int) -> RunCheckpoint? {
        guard !notebook.hasErrors, count > 0, count <= notebook.cells.count else { return nil }
        var executor: (any CellExecutor)?
        var stopped = false
        var runs: [CellRun] = []
        for cell in notebook.cells.prefix(count) {
            runs.append(runCell(cell, of: notebook, executor: &executor, stopped: &stopped, events: RunEvents()))
            if stopped || runs.last?.verdict == .notRun { return nil }
        }
        return RunCheckpoint(notebook: notebook, count: count, runs: runs, executor: executor)
    }

    /// Whether `notebook` starts with the same first `count` cells as `old` (code, options,
    /// place and number; expected-output blocks may differ).
    public static func sharesPrefix(_ notebook: Notebook, with old: Notebook, count: Int) -> Bool {
        let a = old.cells, b = notebook.cells
        guard !notebook.hasErrors, notebook.path == old.path, a.count >= count, b.count >= count else { return false }
        for i in 0..<count {
            guard a[i].source == b[i].source, a[i].options == b[i].options, a[i].firstLine == b[i].firstLine,
                  a[i].number == b[i].number else { return false }
        }
        return true
    }

    /// The index of the first cell of `notebook` that differs from `old` (its cell count when
    /// none does): where a re-run after this edit has to start.
    public static func firstChangedCell(_ notebook: Notebook, since old: Notebook) -> Int {
        let n = min(notebook.cells.count, old.cells.count)
        for i in 0..<n where !sharesPrefix(notebook, with: old, count: i + 1) { return i }
        return n
    }

    /// The run of `notebook` continued from `checkpoint`: its cells are reused (and checked
    /// again against `notebook`'s expected blocks), the rest run on its executor. Nil when the
    /// notebook no longer shares the checkpoint's cells or the checkpoint was used.
    /// `prepare` sees the executor before it runs anything (to re-bind its cancel flag).
    public func resume(_ checkpoint: RunCheckpoint, with notebook: Notebook, events: RunEvents = RunEvents(),
                       prepare: ((any CellExecutor) -> Void)? = nil) -> NotebookRun? {
        guard Self.sharesPrefix(notebook, with: checkpoint.notebook, count: checkpoint.count) else { return nil }
        let taken = checkpoint.take()
        guard taken.ok else { return nil }
        var executor = taken.executor
        if let executor { prepare?(executor) }
        let clock = ContinuousClock()
        let start = clock.now
        var runs: [CellRun] = []
        var stopped = false
        for (cell, old) in zip(notebook.cells, checkpoint.runs) {
            var run = old
            run.cell = cell
            if let result = old.result {
                (run.verdict, stopped) = check(cell, result: result, output: old.output, path: notebook.path)
            }
            runs.append(run)
        }
        for cell in notebook.cells.dropFirst(checkpoint.count) {
            runs.append(runCell(cell, of: notebook, executor: &executor, stopped: &stopped, events: events))
        }
        var run = NotebookRun(notebook: notebook, cells: runs, seconds: Self.seconds(start.duration(to: clock.now)))
        run.filesRead = executor?.filesRead ?? []
        run.resumedAt = checkpoint.count
        return run
    }
}
