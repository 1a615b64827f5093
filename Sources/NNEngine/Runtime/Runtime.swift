import NNSyntax
import Autograd
import Foundation
import Tensors

/// A global variable's storage: compiled code holds the box, so reading a global is one load.
package final class GlobalBox {
    let name: String
    package let p: UnsafeMutablePointer<Value>
    init(name: String) {
        self.name = name
        p = .allocate(capacity: 1)
        p.initialize(to: .undefined)
    }
    deinit { p.deinitialize(count: 1); p.deallocate() }
}

/// The state of one interpreter: globals, builtins, output, limits.
///
/// Builtins and the tensor binding reach everything through it: `rt.call(f, args, kw)`,
/// `rt.repr(v)`, `rt.getAttr(v, "x")`, `rt.write("text")`.
public final class Runtime {
    public let file: String
    /// Globals by name; compiled code captures the boxes.
    package var globals: [String: GlobalBox] = [:]
    /// The builtins namespace (`print`, `len`, the tensor API, ...).
    public var builtins: [String: Value] = [:]
    /// Modules loaded so far, by dotted name (`math`, `torch.nn`).
    public var modules: [String: PyModule] = [:]
    /// The modules `import` can build on first use, by dotted name: the library registers
    /// its standard modules here at start-up (the engine knows none of them).
    package var moduleMakers: [String: ModuleMaker] = [:]
    /// The tensor binding (methods, operators, printing of tensors).
    public var tensors: TensorBinding

    /// Hot counters kept behind a pointer (no exclusivity checks): [0] call depth,
    /// [1] back-edges left before the next clock check.
    let counters: UnsafeMutablePointer<Int>
    /// Absolute deadline (DispatchTime nanoseconds), or nil.
    var deadline: UInt64?
    /// The deadline as long native operations see it (`Cancellation`): current on the cell
    /// thread, armed with `deadline` for each cell.
    public let cancellation = Cancellation()
    /// Set once the cell's deadline has passed (here or inside a kernel); an `except` or
    /// `__exit__` cannot swallow that TimeoutError.
    var timedOut: Bool {
        get { cancellation.isCancelled }
        set { if newValue { cancellation.cancel() } else { cancellation.arm(deadline: deadline) } }
    }
    /// Set from another thread to stop the running cell (checked with the deadline).
    public var cancel: CancelFlag?
    /// Paths of the files the program read (`get_data()`, `read_idx`), in first-read order:
    /// the run cache keys a notebook's outputs on them.
    public private(set) var filesRead: [String] = []
    public static let maxDepth = 1000

    // Output of the running cell.
    var pendingText = ""
    var items: [OutputItem] = []
    var onOutput: ((String) -> Void)?
    var volatile = false
    /// Source lines of every cell run so far, by file line (for traceback excerpts).
    var sourceLines: [Int: String] = [:]
    /// The same lines as written (indentation kept), for `obj??`'s source listing.
    package var rawSourceLines: [Int: String] = [:]
    /// Objects whose repr is being computed (guards `l.append(l); repr(l)`).
    package var reprInProgress: Set<ObjectIdentifier> = []
    /// Grad mode (`no_grad()` turns it off); the tensor binding reads it.
    public var gradEnabled = true
    /// The value of the cell's last expression statement.
    var lastResult: Value = .undefined
    /// Functions unbound from a global while code may still be running them: kept alive
    /// until the cell ends, so call sites can use globals' functions without retaining them.
    var retired: [PyObject] = []
    /// Exceptions being handled (innermost last), for a bare `raise`.
    var handling: [PyError] = []
    /// State a library module keeps per interpreter (the `re` module's pattern cache), by
    /// module name: the engine only holds it.
    package var moduleState: [String: AnyObject] = [:]
    /// An error a user `__eq__` raised inside a dict lookup, rethrown by the dict operation.
    var deferredError: PyError?
    /// The cap on this interpreter's tensor memory (`--max-memory`), charged on the cell thread.
    public package(set) var memoryBudget: MemoryBudget?
    /// When resident memory was last compared with the budget (DispatchTime nanoseconds).
    var lastMemoryCheck: UInt64 = 0
    /// Seed given at creation (for the tensor binding's RNG).
    public let seed: UInt64
    /// Run when a notebook cell ends (not a script's): pyplot shows its open figure there, as
    /// Jupyter's inline backend does.
    package var cellEndHooks: [(Runtime) -> Void] = []

    /// An interpreter with the core object model only: the library (Sources/NNLang) fills the
    /// builtins, the standard modules (`moduleMakers`) and the tensor API into it at start-up.
    package init(file: String, seed: UInt64, tensors: TensorBinding) {
        self.file = file
        self.seed = seed
        counters = .allocate(capacity: 2)
        counters.initialize(repeating: 0, count: 2)
        counters[1] = 1 << 12
        engineStack = .allocate(capacity: Runtime.engineStackCapacity)
        engineStackEnd = engineStack + Runtime.engineStackCapacity
        engineFrames = .allocate(capacity: Runtime.maxDepth + 8)
        engine = .allocate(capacity: 1)
        engine.initialize(to: EngineTops(values: engineStack, frames: engineFrames))
        // The loop moves values as their bytes (Engine/Frames.swift): a `Value` must fit them.
        precondition(MemoryLayout<Value>.size <= MemoryLayout<ValueBits>.size, "ValueBits must cover Value")
        ValueTag.check()
        self.tensors = tensors
    }

    /// Calls the engine runs in the caller's loop (Engine/VM.swift) keep the callee's slots and
    /// stack on `engineStack` and the suspended caller on `engineFrames`; `engine` holds where
    /// each ends (behind a pointer like `counters`).
    let engineStack: UnsafeMutablePointer<Value>
    let engineStackEnd: UnsafeMutablePointer<Value>
    let engineFrames: UnsafeMutablePointer<InlineFrame>
    let engine: UnsafeMutablePointer<EngineTops>
    static let engineStackCapacity = 1 << 17
    /// The iterator classes the loop steps in place, read once here (naming a class's
    /// metadata in the loop is a call to its accessor on every use).
    let rangeIterClass = ObjectIdentifier(RangeIter.self)
    let listIterClass = ObjectIdentifier(ListIter.self)
    let functionClass = ObjectIdentifier(PyFunction.self)
    let listClass = ObjectIdentifier(PyList.self)
    /// `Value.undefined`'s bytes, for filling a new frame's slots.
    let undefinedBits = bitsOf(.undefined)

    deinit {
        counters.deallocate()
        engineStack.deallocate()
        engineFrames.deallocate()
        engine.deallocate()
    }

    func globalBox(_ name: String) -> GlobalBox {
        if let b = globals[name] { return b }
        let b = GlobalBox(name: name)
        globals[name] = b
        return b
    }

    /// Reads a global (or builtin) by name, as nn code would.
    public func global(_ name: String) -> Value? {
        if let b = globals[name], case let v = b.p.pointee {
            if case .undefined = v {} else { return v }
        }
        return builtins[name]
    }

    /// Sets a global variable.
    public func setGlobal(_ name: String, _ v: Value) {
        let b = globalBox(name)
        retireIfFunction(b.p.pointee)
        b.p.pointee = v
    }

    @inline(__always) func retireIfFunction(_ old: Value) {
        if case .object(let o) = old, ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyFunction.self) {
            retired.append(o)
        }
    }

    /// Adds (or replaces) a builtin function.
    public func defineBuiltin(_ name: String, acceptsTScalar: Bool = false, _ fn: @escaping PyBuiltin.Fn) {
        builtins[name] = .object(PyBuiltin(name, acceptsTScalar: acceptsTScalar, fn))
    }

    // MARK: Output

    /// Writes printed text to the cell's output.
    public func write(_ s: String) {
        pendingText += s
        onOutput?(s)
    }

    /// Adds a rich display to the cell's output (after the text printed so far).
    public func display(_ d: RichDisplay) {
        flushText()
        items.append(.display(d))
    }

    /// Marks the running cell's output volatile.
    public func markVolatile() { volatile = true }

    func flushText() {
        if !pendingText.isEmpty { items.append(.stdout(pendingText)); pendingText = "" }
    }

    // MARK: Limits

    /// Called on loop back-edges: checks the deadline every few thousand iterations.
    @inline(__always) package func tick() throws {
        counters[1] &-= 1
        if counters[1] <= 0 { try checkClock() }
    }

    package func checkClock() throws {
        counters[1] = 1 << 12
        if timedOut { throw timeoutError() }
        if deadline == nil && memoryBudget == nil && cancel == nil { return }
        let now = DispatchTime.now().uptimeNanoseconds
        if let d = deadline, now > d {
            timedOut = true
            throw timeoutError()
        }
        if let c = cancel, c.isCancelled {
            timedOut = true
            throw PyError(BuiltinTypes.timeoutError, "run cancelled")
        }
        if let budget = memoryBudget, now &- lastMemoryCheck > 50_000_000 {
            lastMemoryCheck = now
            try checkResidentMemory(budget)
        }
    }

    /// Notes that the program read `path` (once per path), made absolute so that the record
    /// still names the same file when nnbook later runs from another folder.
    public func noteFileRead(_ path: String) {
        let full = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        if !filesRead.contains(full) { filesRead.append(full) }
    }

    /// The backstop for memory the budget does not see (a list grown one append at a time):
    /// resident memory not held by tensors (of any notebook) past this notebook's limit is a
    /// MemoryError in the running cell, well before the OOM killer would step in.
    func checkResidentMemory(_ budget: MemoryBudget) throws {
        let untracked = MemoryBudget.residentBytes() - MemoryBudget.chargedBytes - MemoryBudget.cachedBufferBytes
        if untracked > budget.limit - budget.usedBytes + Runtime.memorySlack {
            throw PyError(BuiltinTypes.memoryError,
                          "the notebook holds \(untracked) bytes outside tensors, past its memory limit of \(budget.limit) bytes (--max-memory)")
        }
    }

    /// Resident memory allowed beyond the limit before the backstop acts: the runtime itself
    /// and the allocator's free lists (the kernels' cache of freed buffers is counted apart).
    static let memorySlack = 384 << 20

    /// Throws MemoryError before a string of `count` pieces of `size` bytes is built past the
    /// 2 GiB ceiling of `"x" * n` or the notebook's memory cap.
    package func checkStringSize(_ count: Int, _ size: Int) throws {
        let (bytes, o) = count.multipliedReportingOverflow(by: Swift.max(size, 1))
        if o || bytes > 1 << 31 { throw PyError(BuiltinTypes.memoryError, "") }
        try checkMemory(bytes: bytes)
    }

    /// Before building a list or tuple of `items` values or a string of `bytes`: small ones
    /// pass at once; large ones poll the deadline (a loop of big copies, `s += t`, reaches the
    /// VM's own check only every 4096 back-edges) and must fit the notebook's memory cap.
    @inline(__always) package func checkGrowth(items: Int = 0, bytes: Int = 0) throws {
        if items < 1 << 16 && bytes < 1 << 20 { return }
        try checkClock()
        try checkMemory(bytes: items &* MemoryLayout<Value>.stride &+ bytes)
    }

    /// Throws MemoryError when building `bytes` more (a list, a string) would pass the cap.
    func checkMemory(bytes: Int) throws {
        do { try memoryBudget?.check(bytes: bytes) } catch { throw asPyError(error) }
    }

    /// The error a stopped cell raises: KeyboardInterrupt after Ctrl-C
    /// (`Cancellation.interruptAll()`), else TimeoutError for the passed deadline.
    func timeoutError() -> PyError {
        Cancellation.isInterrupted ? PyError(BuiltinTypes.keyboardInterrupt, "")
            : PyError(BuiltinTypes.timeoutError, "cell exceeded the time limit")
    }

    /// True when `e` is the error that stops this cell (its deadline passed, a cancel, Ctrl-C):
    /// no `except` clause and no `__exit__` may swallow it.
    func isStopping(_ e: PyError) -> Bool {
        timedOut && (e.exc.cls === BuiltinTypes.timeoutError || e.exc.cls === BuiltinTypes.keyboardInterrupt)
    }

    /// Boxes an unboxed 0-d tensor.
    public func materialize(_ v: Value) -> Value {
        if case .tscalar(let f) = v { return .tensor(Variable(Tensor(scalar: Double(f), dtype: .float32))) }
        return v
    }

    /// The Variable a tensor value stands for (boxing `.tscalar`), or nil for non-tensors.
    public func variable(_ v: Value) -> Variable? {
        switch v {
        case .tensor(let t): return t
        case .tscalar(let f): return Variable(Tensor(scalar: Double(f), dtype: .float32))
        default: return nil
        }
    }
}

/// Converts errors from the layers below (tensor kernels) into nn exceptions.
package func asPyError(_ e: Error) -> PyError {
    if let p = e as? PyError { return p }
    if let t = e as? TensorError {
        // The kind names the Python exception class.
        let cls = BuiltinTypes.exceptions.first { $0.name == t.kind.rawValue } ?? BuiltinTypes.runtimeError
        return PyError(cls, t.message)
    }
    return PyError(BuiltinTypes.runtimeError, "\(e)")
}
