import Notebook
import NNLang

extension Commands {
    /// `nnbook run FILE`: a `.md` notebook prints each cell's output as the notebook shows it;
    /// any other file is an nn script run as `python3 FILE` would (only what it prints, no echo
    /// of expression values, the traceback on stderr). 1 after an uncaught error.
    public func run(file: String, timeout: Double?) -> Int32 {
        file.hasSuffix(".md") ? runNotebook(file, timeout: timeout) : runScript(file, timeout: timeout)
    }

    func runScript(_ path: String, timeout: Double?) -> Int32 {
        let source: String
        do {
            source = try FileIO.readText(path)
        } catch {
            // CPython's wording for a script it cannot open.
            console.err("nnbook: can't open file '\(path)': \(error.reason)\n")
            return 2
        }
        let console = console
        let result = makeExecutor(path).run(cell: source, firstLine: 1, echoResult: false, timeout: timeout,
                                            onOutput: { console.out($0) })
        var tail = ""
        for case .display(let d) in result.items { tail += d.text.hasSuffix("\n") ? d.text : d.text + "\n" }
        if !tail.isEmpty { console.out(tail) }
        if let error = result.error {
            console.err(CellOutput.traceback(of: error))
            return 1
        }
        return 0
    }

    func runNotebook(_ path: String, timeout: Double?) -> Int32 {
        let notebook: Notebook
        do {
            notebook = try Notebook(contentsOf: path)
        } catch {
            console.err("nnbook: error: \(error)\n")
            return 2
        }
        let formatter = formatter
        let diagnostics = notebook.diagnostics.map(formatter.format).joined()
        if !diagnostics.isEmpty { console.err(diagnostics) }
        if notebook.hasErrors { return 1 }
        // Printed text streams; what follows it (displays, the result, the error) comes when the cell ends.
        let tracker = OutputTracker(console: console)
        let events = RunEvents(
            cellFinished: { _, cellRun in tracker.finish(cellRun) },
            printed: { tracker.print($0) })
        let run = NotebookRunner(timeout: timeout, makeExecutor: makeExecutor).run(notebook, events: events)
        return run.cells.contains { $0.result?.error != nil && !$0.cell.options.raisesAccepts($0.result?.error) } ? 1 : 0
    }
}

/// Streams a notebook's output to the terminal for `nnbook run FILE.md`.
private final class OutputTracker: @unchecked Sendable {
    let console: Console
    private let lock = Lock()
    private var atLineStart = true

    init(console: Console) { self.console = console }

    func print(_ text: String) {
        guard !text.isEmpty else { return }
        lock.withLock { atLineStart = text.hasSuffix("\n") }
        console.out(text)
    }

    func finish(_ cellRun: CellRun) {
        guard let result = cellRun.result else { return }
        var out = lock.withLock { atLineStart } ? "" : "\n"
        for item in result.items {
            switch item {
            case .stdout: continue
            case .display(let d): out += d.text.hasSuffix("\n") || d.text.isEmpty ? d.text : d.text + "\n"
            case .result(let repr): out += repr + "\n"
            }
        }
        lock.withLock { atLineStart = true }
        if out != "\n" && !out.isEmpty { console.out(out) }
        if let error = result.error {
            if cellRun.cell.options.raisesAccepts(error) {
                console.out(error.summary + "\n")
            } else {
                console.err(CellOutput.traceback(of: error))
            }
        }
    }
}
