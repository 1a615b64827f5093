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
        runtime = Runtime(file: file, seed: seed)
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
        onCellThread { [self] in self.runHere(source, firstLine, echoResult, timeout, onOutput) }
    }

    /// Calls the global function `name` with no arguments (on the interpreter's big-stack
    /// thread, as cells run) and returns the repr of its result. For benchmarks: no output
    /// capture.
    public func callGlobal(_ name: String) throws -> String {
        try onCellThread { [self] in self.callHere(self.runtime, name) }.get()
    }

    /// Runs `work` on a new thread with the deep stack cells need and this interpreter's memory
    /// budget and cancellation current there (kernels find them per thread), and waits for it.
    private func onCellThread<T>(_ work: @escaping () -> T) -> T {
        let box = CellThreadBox(work)
        let done = DispatchSemaphore(value: 0)
        let budget = runtime.memoryBudget, cancellation = runtime.cancellation
        let thread = Thread {
            budget?.makeCurrent()
            cancellation.makeCurrent()
            box.result = box.work()
            MemoryBudget.clearCurrent()
            Cancellation.clearCurrent()
            done.signal()
        }
        thread.stackSize = Interpreter.stackSize
        thread.start()
        done.wait()
        guard let result = box.result else { preconditionFailure("the cell thread ended without a result") }
        return result
    }

    func callHere(_ rt: Runtime, _ name: String) -> Result<String, CellError> {
        guard let f = rt.global(name) else {
            return .failure(CellError(typeName: "NameError", message: "name '\(name)' is not defined", traceback: []))
        }
        rt.counters[0] = 0
        do {
            return .success(try rt.repr(rt.call(f, [], [])))
        } catch {
            let e = asPyError(error)
            return .failure(CellError(typeName: e.exc.cls.name, message: (try? rt.str(.object(e.exc))) ?? "",
                                      traceback: e.frames.reversed()))
        }
    }

    func runHere(_ source: String, _ firstLine: Int, _ echoResult: Bool, _ timeout: Double?,
                 _ onOutput: ((String) -> Void)?) -> CellResult {
        let rt = runtime
        let module: Module
        do {
            module = try Parser.parse(source: source, file: file, firstLine: firstLine)
        } catch {
            let frame = CellError.TraceFrame(location: error.location, function: echoResult ? "<cell>" : "<module>",
                                             sourceLine: error.sourceLine.trimmingCharacters(in: .whitespaces))
            return CellResult(error: CellError(typeName: error.typeName, message: error.message, traceback: [frame]))
        }
        for (i, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            rt.sourceLines[firstLine + i] = line.trimmingCharacters(in: .whitespaces)
            rt.rawSourceLines[firstLine + i] = String(line)
        }
        // Compile.
        let root = ScopeInfo(kind: .module, parent: nil)
        let resolver = Resolver(root: root)
        resolver.resolve(module.body)
        let layout = Layout(root)
        let code = Emitter.compileModule(module, rt: rt, file: file, resolver: resolver, layout: layout,
                                         echoResult: echoResult && !IPythonRules.suppressesResult(source))
        // Run.
        rt.items = []
        rt.pendingText = ""
        rt.volatile = false
        rt.onOutput = onOutput
        rt.lastResult = .undefined
        rt.handling = []
        rt.counters[0] = 0
        rt.counters[1] = 1 << 12
        rt.timedOut = false
        rt.deadline = timeout.map { DispatchTime.now().uptimeNanoseconds + UInt64(min(max(0, $0), 1e9) * 1e9) }
        rt.cancellation.arm(deadline: rt.deadline)
        defer { rt.onOutput = nil; rt.deadline = nil; rt.cancellation.arm(deadline: nil) }
        var cellError: CellError?
        let n = layout.nslots
        withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
            let l = buf.baseAddress!
            l.initialize(repeating: .undefined, count: n)
            defer { l.deinitialize(count: n) }
            // Hidden comprehension variables captured by lambdas live in cells.
            for name in root.cells { if let s = layout.slots[name] { l[s] = .object(PyCell()) } }
            do {
                _ = try code.run(rt, l)
                if case .undefined = rt.lastResult {} else if !rt.lastResult.isNone {
                    let text = try rt.repr(rt.lastResult)
                    rt.flushText()
                    rt.items.append(.result(text))
                }
                // Jupyter's inline backend draws the cell's open figure after its Out[n].
                if echoResult { for hook in rt.cellEndHooks { hook(rt) } }
            } catch {
                let e = asPyError(error)
                var frames = e.frames
                let loc = e.pending ?? SourceLocation(file: file, line: firstLine, column: 1)
                frames.append(CellError.TraceFrame(location: loc, function: echoResult ? "<cell>" : "<module>",
                                                   sourceLine: rt.sourceLines[loc.line]))
                cellError = CellError(typeName: e.exc.cls.name, message: (try? rt.str(.object(e.exc))) ?? "",
                                      traceback: frames.reversed())
            }
        }
        rt.lastResult = .undefined
        rt.retired = []
        rt.flushText()
        let result = CellResult(items: rt.items, error: cellError, volatile: rt.volatile)
        rt.items = []
        return result
    }
}

/// The work a cell thread runs and its result, handed between the two threads (the caller
/// waits on a semaphore until the result is set, so the access is ordered).
private final class CellThreadBox<T>: @unchecked Sendable {
    var result: T?
    let work: () -> T
    init(_ work: @escaping () -> T) { self.work = work }
}
