/// One nn interpreter: the state shared by the cells of one notebook (or one `.nn` script).
///
/// Contract used by `Notebook` and the CLI:
///
///     let interp = Interpreter(file: "Notebooks/01_matmul.md")   // RNG seeded 0
///     let r = interp.run(cell: "x = 1\nx + 1", firstLine: 12)    // r.items == [.result("2")]
///
/// `firstLine` is the line of `file` holding the cell's first source line, so tracebacks and
/// syntax errors point into the Markdown file. `echoResult: false` runs a script as CPython
/// would (no repr of a final expression). `timeout` (seconds) ends runaway code with a
/// `TimeoutError`. `onOutput` sees printed text as it is produced (for `nnbook run`).
public final class Interpreter {
    public let file: String

    public init(file: String, seed: UInt64 = 0) {
        self.file = file
    }

    public func run(cell source: String, firstLine: Int, echoResult: Bool = true,
                    timeout: Double? = nil, onOutput: ((String) -> Void)? = nil) -> CellResult {
        // Placeholder until the evaluator lands (issue 3).
        CellResult(error: CellError(typeName: "NotImplementedError", message: "the nn evaluator is not built yet",
                                    traceback: []))
    }
}
