import NNLang

/// Callbacks while a notebook runs (progress lines, streaming output for `nnbook run`).
public struct RunEvents: Sendable {
    /// A cell is about to run.
    public var cellStarted: (@Sendable (_ notebook: Notebook, _ cell: Cell) -> Void)?
    /// A cell finished (or was skipped / not run).
    public var cellFinished: (@Sendable (_ notebook: Notebook, _ run: CellRun) -> Void)?
    /// Text a cell printed, as it is printed.
    public var printed: (@Sendable (String) -> Void)?

    /// Events with the given callbacks.
    public init(cellStarted: (@Sendable (Notebook, Cell) -> Void)? = nil,
                cellFinished: (@Sendable (Notebook, CellRun) -> Void)? = nil,
                printed: (@Sendable (String) -> Void)? = nil) {
        self.cellStarted = cellStarted; self.cellFinished = cellFinished; self.printed = printed
    }
}

/// Runs notebooks: one executor per notebook, cells in order, each output checked against its
/// expected block (ARCHITECTURE.md, "From a cell's source to its output").
///
///     let run = NotebookRunner(timeout: 600).run(try Notebook(contentsOf: path))
///     print(run.passedCount, run.failedCount)
public struct NotebookRunner: Sendable {
    /// Seconds a cell may run before it ends with a `TimeoutError` (nil: no limit).
    public var timeout: Double?
    /// How outputs are compared.
    public var comparison: OutputComparison
    /// Makes the executor of each notebook.
    public var makeExecutor: ExecutorFactory

    /// The per-cell deadline (seconds) when none is given: long enough for any lesson cell,
    /// short enough that a runaway cell cannot hold a CI job for hours.
    public static let defaultTimeout: Double = 600

    /// Creates a runner; by default a fresh `Interpreter` seeded 0 runs each notebook.
    public init(timeout: Double? = NotebookRunner.defaultTimeout, comparison: OutputComparison = OutputComparison(),
                makeExecutor: @escaping ExecutorFactory = interpreterFactory) {
        self.timeout = timeout; self.comparison = comparison; self.makeExecutor = makeExecutor
    }

    /// Runs every cell of `notebook` in order and checks it. A notebook with error diagnostics
    /// does not run (its cells are `.notRun`); after an uncaught error later cells are `.notRun`.
    public func run(_ notebook: Notebook, events: RunEvents = RunEvents()) -> NotebookRun {
        let clock = ContinuousClock()
        let start = clock.now
        let cells = notebook.cells
        var runs: [CellRun] = []
        runs.reserveCapacity(cells.count)
        var stopped = notebook.hasErrors
        // The interpreter is created only when a cell runs: a notebook without cells costs nothing.
        var executor: (any CellExecutor)?
        for cell in cells {
            runs.append(runCell(cell, of: notebook, executor: &executor, stopped: &stopped, events: events))
        }
        var run = NotebookRun(notebook: notebook, cells: runs, seconds: Self.seconds(start.duration(to: clock.now)))
        run.filesRead = executor?.filesRead ?? []
        return run
    }

    /// Runs (or marks skipped / not run) one cell on `executor`, creating it on first use.
    func runCell(_ cell: Cell, of notebook: Notebook, executor: inout (any CellExecutor)?, stopped: inout Bool,
                 events: RunEvents) -> CellRun {
        let cellRun: CellRun
        // After Ctrl-C (`Interpreter.interruptAll()`) nothing more runs: the rest is not run.
        if Interpreter.isInterrupted { stopped = true }
        if stopped {
            cellRun = CellRun(cell: cell, result: nil, output: "", verdict: .notRun, seconds: 0)
        } else if cell.options.skip {
            cellRun = CellRun(cell: cell, result: nil, output: "", verdict: .skipped, seconds: 0)
        } else {
            events.cellStarted?(notebook, cell)
            let clock = ContinuousClock()
            let cellStart = clock.now
            let exec = executor ?? makeExecutor(notebook.path)
            executor = exec
            let result = exec.run(cell: cell.source, firstLine: cell.firstLine, echoResult: true,
                                  timeout: timeout, onOutput: events.printed)
            let output = CellOutput.text(of: result)
            let (verdict, stops) = check(cell, result: result, output: output, path: notebook.path)
            stopped = stops
            cellRun = CellRun(cell: cell, result: result, output: output, verdict: verdict,
                              seconds: Self.seconds(cellStart.duration(to: clock.now)))
        }
        events.cellFinished?(notebook, cellRun)
        return cellRun
    }

    package static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    /// The verdict of a cell that ran, and whether the notebook stops after it.
    func check(_ cell: Cell, result: CellResult, output: String, path: String) -> (CellVerdict, Bool) {
        let n = cell.number
        if let error = result.error {
            let (line, column) = place(of: error, in: cell, path: path)
            // Ctrl-C fails the cell it stopped even where `raises` would accept any error.
            let interrupted = error.typeName == "KeyboardInterrupt" && Interpreter.isInterrupted
            guard let raises = cell.options.raises, !interrupted else {
                return (.failed(CellFailure(message: "cell \(n) raised \(error.summary)", line: line, column: column,
                                            details: CellOutput.traceback(of: error))), true)
            }
            guard raises.accepts(error.typeName) else {
                let wanted = if case .type(let t) = raises { t } else { "an exception" }
                return (.failed(CellFailure(message: "cell \(n) should raise \(wanted) but raised \(error.summary)",
                                            line: line, column: column, details: CellOutput.traceback(of: error))), true)
            }
        } else if let raises = cell.options.raises {
            let wanted = if case .type(let t) = raises { t } else { "an exception" }
            return (.failed(CellFailure(message: "cell \(n) should raise \(wanted) but did not", line: cell.fenceLine)), false)
        }
        if cell.options.volatile || result.volatile { return (.volatile, false) }
        guard let expected = cell.expected else {
            if output.isEmpty { return (.passed, false) }
            let shown = output.split(separator: "\n", omittingEmptySubsequences: false)
                .prefix(10).map { "  \($0)" }.joined(separator: "\n")
            return (.failed(CellFailure(message: "cell \(n) has output but no expected output block",
                                        line: cell.fenceLine,
                                        details: "note: run `nnbook update \(path)` to add it; the output was:\n\(shown)\n")), false)
        }
        if comparison.matches(expected: expected.text, actual: output) { return (.passed, false) }
        return (.failed(CellFailure(message: "output of cell \(n) differs", line: expected.lines.lowerBound,
                                    details: comparison.diff(expected: expected.text, actual: output))), false)
    }

    /// Where an error points in the notebook: its innermost frame in this file and cell, else the fence.
    func place(of error: CellError, in cell: Cell, path: String) -> (Int, Int) {
        if let frame = error.traceback.last(where: { $0.location.file == path && cell.lines.contains($0.location.line) }) {
            return (frame.location.line, max(0, frame.location.column))
        }
        return (cell.fenceLine, 0)
    }
}
