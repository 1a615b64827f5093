import Notebook
import NNLang

/// The work behind each `nnbook` subcommand; the CLI only parses arguments and calls these.
/// Each returns the process exit status: 0 ok, 1 a test failure or nn error, 2 a usage error.
public struct Commands: Sendable {
    /// Where output goes.
    public var console: Console
    /// Makes the executor of each notebook or script (the real interpreter unless testing).
    public var makeExecutor: ExecutorFactory
    /// The run cache `render` and `test` consult (nil: run everything); `update` never does.
    public var cache: RunCache?

    /// Creates the commands.
    public init(console: Console = Console(), makeExecutor: @escaping ExecutorFactory = interpreterFactory) {
        self.console = console; self.makeExecutor = makeExecutor
    }

    var formatter: DiagnosticFormatter { DiagnosticFormatter(colored: console.stderrIsTerminal) }

    func expand(_ paths: [String]) -> [String]? {
        do {
            return try NotebookPaths.expand(paths.isEmpty ? ["Notebooks"] : paths)
        } catch {
            console.err("nnbook: error: \(error)\n")
            return nil
        }
    }

    func runAll(_ paths: [String], jobs: Int, timeout: Double?, reporter: ProgressReporter) -> [NotebookRun] {
        let batch = NotebookBatch(runner: NotebookRunner(timeout: timeout, makeExecutor: makeExecutor), jobs: jobs,
                                  cache: cache)
        return reporter.whileTicking {
            batch.run(paths, events: reporter.events, onFinish: reporter.finished)
        }
    }

    /// `nnbook test`: runs and checks every notebook; ends with `N passed, N failed` (cells).
    /// With `shard`, only that share of the notebooks runs; with `junit`, the results are
    /// also written there as JUnit XML.
    public func test(paths: [String], jobs: Int, timeout: Double?, shard: Shard? = nil, junit: String? = nil) -> Int32 {
        guard var files = expand(paths) else { return 2 }
        let where_ = paths.isEmpty ? "Notebooks" : paths.joined(separator: ", ")
        if files.isEmpty {
            // As pytest: a run that tested nothing is not a pass.
            console.err("nnbook: error: no notebooks to test in \(where_)\n")
            console.out("0 passed, 0 failed\n")
            return 1
        }
        if let shard {
            files = shard.select(files)
            console.out("shard \(shard): \(files.count) notebook\(files.count == 1 ? "" : "s")\n")
        }
        let runs = runAll(files, jobs: jobs, timeout: timeout, reporter: ProgressReporter(console: console))
        let passed = runs.reduce(0) { $0 + $1.passedCount }, failed = runs.reduce(0) { $0 + $1.failedCount }
        if let junit {
            do throws(NotebookFileError) {
                try FileIO.replace(junit, with: Array(JUnitReport.xml(runs).utf8))
            } catch {
                console.err("nnbook: error: cannot write the JUnit report: \(error)\n")
                return 1
            }
        }
        console.out("\(passed) passed, \(failed) failed\n")
        if passed + failed == 0 {
            console.err("nnbook: error: no cells ran in \(where_) (\(files.count) notebook\(files.count == 1 ? "" : "s") without nn cells)\n")
            return 1
        }
        return failed == 0 ? 0 : 1
    }

    /// `nnbook update`: runs every notebook and rewrites its expected-output blocks.
    /// Fails (1) when a cell raised unexpectedly or a notebook has errors: those blocks stay.
    public func update(paths: [String], jobs: Int, timeout: Double?) -> Int32 {
        guard let files = expand(paths) else { return 2 }
        let reporter = ProgressReporter(console: console, showDiagnostics: false)
        let batch = NotebookBatch(runner: NotebookRunner(timeout: timeout, makeExecutor: makeExecutor), jobs: jobs)
        let failures = Counter()
        let console = console, formatter = formatter
        _ = reporter.whileTicking {
            batch.run(files, events: reporter.events) { run in
                // Output mismatches and missing blocks are what update fixes; anything else is reported.
                let problems = run.diagnostics.filter { d in
                    !(d.message.hasPrefix("output of cell") || d.message.contains("no expected output block"))
                }
                var text = problems.map(formatter.format).joined()
                let status: String
                if Interpreter.isInterrupted {
                    // Ctrl-C: a half-run notebook keeps the blocks it had.
                    if !text.isEmpty { console.err(text) }
                    console.out("not updated  \(run.notebook.path)  (interrupted)\n")
                    failures.add()
                    return
                }
                do throws(NotebookFileError) {
                    let c = try NotebookUpdater.write(run)
                    status = c.any ? "updated  \(run.notebook.path)  (\(c.inserted) inserted, \(c.replaced) replaced, \(c.removed) removed)"
                        : "unchanged  \(run.notebook.path)"
                } catch {
                    text += formatter.format(Diagnostic(.error, "cannot update: \(error.reason)",
                                                        at: SourceLocation(file: error.path, line: 1, column: 0)))
                    status = "failed  \(run.notebook.path)"
                    failures.add()
                }
                if problems.contains(where: { $0.severity == .error }) { failures.add() }
                if !text.isEmpty { console.err(text) }
                console.out("\(status)\n")
            }
        }
        return failures.value == 0 ? 0 : 1
    }

    /// `nnbook render`: runs every notebook, then hands the runs to `write` (the Site).
    /// Exits 1 when the pages could not be written or a cell raised an uncaught error.
    public func render(paths: [String], jobs: Int, timeout: Double?,
                       write: ([NotebookRun]) throws -> Void) -> Int32 {
        guard let files = expand(paths) else { return 2 }
        let runs = runAll(files, jobs: jobs, timeout: timeout, reporter: ProgressReporter(console: console))
        if Interpreter.isInterrupted {
            // Ctrl-C: the pages of the last complete render stay as they were.
            console.err("nnbook: interrupted: the site was not written\n")
            return Interrupt.exitStatus
        }
        do {
            try write(runs)
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 1
        }
        // Like `jupyter nbconvert --execute`: an uncaught error fails the render, a drifted
        // output only shows as failed on the page and the index.
        let broken = runs.contains { run in
            run.notebook.hasErrors || run.cells.contains { $0.result?.error != nil && !$0.cell.options.raisesAccepts($0.result?.error) }
        }
        return broken ? 1 : 0
    }

    /// `nnbook new "Title"`: writes the next numbered lesson in `directory` and prints its path.
    public func new(title: String, directory: String) -> Int32 {
        guard title.contains(where: { !$0.isWhitespace }) else {
            console.err("nnbook: error: the title is empty\n")
            return 2
        }
        do {
            let path = try Scaffold.create(title: title, in: directory)
            console.out("created \(path)\n")
            return 0
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 1
        }
    }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private let lock = Lock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
