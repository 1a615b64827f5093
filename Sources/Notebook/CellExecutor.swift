import NNLang

/// Runs the cells of one notebook in one shared state. `Interpreter` is the real one; tests
/// substitute fakes, so the runner is tested without the evaluator.
public protocol CellExecutor: AnyObject {
    /// Runs one cell; see `Interpreter.run(cell:firstLine:echoResult:timeout:onOutput:)`.
    func run(cell source: String, firstLine: Int, echoResult: Bool, timeout: Double?,
             onOutput: ((String) -> Void)?) -> CellResult
    /// Paths of the files the cells read so far (for the run cache); none by default.
    var filesRead: [String] { get }
}

extension CellExecutor {
    /// Executors that read no files.
    public var filesRead: [String] { [] }
}

extension Interpreter: CellExecutor {
    /// The files `get_data()` and `read_idx` read.
    public var filesRead: [String] { runtime.filesRead }
}

/// Makes the executor for one notebook (one per notebook: state is never shared between them).
public typealias ExecutorFactory = @Sendable (_ file: String) -> any CellExecutor

/// The real executor: a fresh `Interpreter` seeded 0.
public let interpreterFactory: ExecutorFactory = { Interpreter(file: $0, seed: 0) }
