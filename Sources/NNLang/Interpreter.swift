import NNEngine
import NNSyntax
import Foundation
import Tensors

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
    /// The runtime behind this interpreter (globals, builtins, the tensor binding).
    public let runtime: Runtime

    /// Native stack for running cells: deep (1000-frame) nn recursion needs more than the
    /// default 8 MB of the main thread.
    static let stackSize = 1 << 29

    /// `memoryLimit` (bytes) caps the tensor memory this interpreter's cells may hold at once
    /// (`--max-memory`): past it an allocation is a MemoryError naming the bytes asked for.
    public init(file: String, seed: UInt64 = 0, memoryLimit: Int? = nil) {
        self.file = file
        runtime = Runtime.standard(file: file, seed: seed)
        runtime.memoryBudget = memoryLimit.map { MemoryBudget(limit: $0) }
    }

    /// The evaluator's identity, part of every run-cache key: bump it with any change to the
    /// compiler, the VM or the output format that may change what a cell prints, so cached
    /// outputs of an older engine are never reused (a rebuilt `nnbook` also changes the key
    /// through its binary's stamp; this holds where that stamp is unknown, and for libraries).
    public static let engineVersion = "nn-vm 1"

    /// The default memory cap of one of `jobs` notebooks run at once (3/4 of RAM shared).
    public static func defaultMemoryLimit(jobs: Int) -> Int { MemoryBudget.defaultLimit(jobs: jobs) }

    /// Stops every running cell of the process, as Ctrl-C does: each raises
    /// `KeyboardInterrupt` at its next check (kernels poll too), and no later cell runs.
    public static func interruptAll() { Cancellation.interruptAll() }

    /// True once `interruptAll()` was called.
    public static var isInterrupted: Bool { Cancellation.isInterrupted }

    public func run(cell source: String, firstLine: Int, echoResult: Bool = true,
                    timeout: Double? = nil, onOutput: ((String) -> Void)? = nil) -> CellResult {
        onCellThread { [self] in
            self.runtime.runCell(source, file: self.file, firstLine: firstLine, echoResult: echoResult,
                                 showResult: echoResult && !IPythonRules.suppressesResult(source),
                                 timeout: timeout, onOutput: onOutput)
        }
    }

    /// Calls the global function `name` with no arguments (on the interpreter's big-stack
    /// thread, as cells run) and returns the repr of its result. For benchmarks: no output
    /// capture.
    public func callGlobal(_ name: String) throws -> String {
        try onCellThread { [self] in self.runtime.callGlobalRepr(name) }.get()
    }

    /// `callGlobal` on the calling thread, which must have a stack as deep as a cell thread's
    /// (`stackSize`): a benchmark that times many calls runs them all on one such thread
    /// instead of starting a thread per call.
    public func callGlobalOnThisThread(_ name: String) throws -> String {
        try runtime.callGlobalRepr(name).get()
    }

    /// `torch.set_default_dtype`'s setting, carried from one cell's thread to the next.
    private var defaultFloat = DType.float32

    /// Runs `work` on a new thread with the deep stack cells need and this interpreter's memory
    /// budget, cancellation and default dtype current there (kernels find them per thread),
    /// and waits for it.
    private func onCellThread<T>(_ work: @escaping () -> T) -> T {
        let box = CellThreadBox(work)
        let done = DispatchSemaphore(value: 0)
        let budget = runtime.memoryBudget, cancellation = runtime.cancellation
        box.defaultFloat = defaultFloat
        let thread = Thread {
            budget?.makeCurrent()
            cancellation.makeCurrent()
            DType.setDefaultFloat(box.defaultFloat)
            box.result = box.work()
            box.defaultFloat = DType.defaultFloat
            MemoryBudget.clearCurrent()
            Cancellation.clearCurrent()
            done.signal()
        }
        thread.stackSize = Interpreter.stackSize
        thread.start()
        done.wait()
        defaultFloat = box.defaultFloat
        guard let result = box.result else { preconditionFailure("the cell thread ended without a result") }
        return result
    }
}

/// The work a cell thread runs and its result, handed between the two threads (the caller
/// waits on a semaphore until the result is set, so the access is ordered).
private final class CellThreadBox<T>: @unchecked Sendable {
    var result: T?
    var defaultFloat = DType.float32
    let work: () -> T
    init(_ work: @escaping () -> T) { self.work = work }
}
