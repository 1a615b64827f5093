import NNSyntax
import Foundation

typealias Frame = UnsafeMutablePointer<Value>
typealias Eval = (Frame) throws -> Value
typealias Exec = (Frame) throws -> Flow
typealias Store = (Frame, Value) throws -> Void

/// How a statement finished.
enum Flow { case normal, breakLoop, continueLoop, returned }

/// A compiled function body and its frame layout (immutable once built).
final class CodeObject {
    let name: String
    let qualname: String
    /// Positional parameter names (slots 1...).
    let argNames: [String]
    let nparams: Int
    let posOnly: Int
    let kwOnly: [String]
    let varargsSlot: Int?
    let kwOnlyStart: Int
    let kwargsSlot: Int?
    let nslots: Int
    /// Slots below the register-form constants: the only ones a direct call must initialise
    /// and tear down (the body copies the constants, all trivial, in itself).
    let nlive: Int
    /// The argument count with which register code may run this body in its own loop (a
    /// register-form body, positional parameters only, no cells), else -1.
    let inlineArity: Int
    /// Parameter slots wrapped into cells on entry, other cell slots, closure slots.
    let cellParams: [Int]
    let cellLocals: [Int]
    let freeSlots: [Int]
    let needsCells: Bool
    let body: Exec
    /// The body in register form (functions; lambdas keep the closure `body`).
    let vm: VMCode?
    /// `vm`, reached without a retain per call (the code object owns it).
    let vmRef: Unmanaged<VMCode>?
    let location: SourceLocation
    /// Only positional parameters: call sites may fill the frame directly.
    let simple: Bool
    /// The engine's code for this body when the engine may run it in the caller's loop (a
    /// function body, not a generator's), unretained: the code object owns it through `body`.
    let engineRef: Unmanaged<Bytecode>?
    let engineCode: Bytecode?

    init(name: String, qualname: String, params: Parameters, location: SourceLocation, nslots: Int,
         cellParams: [Int], cellLocals: [Int], freeSlots: [Int], body: @escaping Exec, vm: VMCode? = nil,
         engine: Bytecode? = nil) {
        self.name = name
        self.qualname = qualname
        argNames = params.positional.map(\.name)
        nparams = argNames.count
        posOnly = params.positionalOnlyCount
        kwOnly = params.keywordOnly.map(\.name)
        var next = 1 + argNames.count
        if params.varargs != nil { varargsSlot = next; next += 1 } else { varargsSlot = nil }
        kwOnlyStart = next
        next += kwOnly.count
        if params.kwargs != nil { kwargsSlot = next } else { kwargsSlot = nil }
        self.location = location
        self.nslots = nslots
        self.cellParams = cellParams
        self.cellLocals = cellLocals
        self.freeSlots = freeSlots
        needsCells = !cellParams.isEmpty || !cellLocals.isEmpty || !freeSlots.isEmpty
        self.body = body
        self.vm = vm
        vmRef = vm.map { .passUnretained($0) }
        nlive = vm?.frameConstBase ?? nslots
        simple = params.varargs == nil && params.kwargs == nil && params.keywordOnly.isEmpty
        inlineArity = vm != nil && simple && !needsCells ? nparams : -1
        engineCode = engine
        engineRef = engine.map { .passUnretained($0) }
    }
}

/// A user function (`def` or `lambda`) with its defaults and captured cells.
public final class PyFunction: PyObject, @unchecked Sendable {
    let code: CodeObject
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    var attrs: [String: Value] = [:]
    var doc: String?
    public var name: String { code.name }
    public var qualname: String { code.qualname }

    init(code: CodeObject, defaults: [Value], kwDefaults: [String: Value], closure: [PyCell]) {
        self.code = code; self.defaults = defaults; self.kwDefaults = kwDefaults; self.closure = closure
    }
    override public var pyType: PyClass { BuiltinTypes.function }

    /// Calls with arguments bound by Python's rules.
    func invoke(_ rt: Runtime, _ args: [Value], _ kw: Kwargs) throws -> Value {
        let n = code.nslots
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
            let l = buf.baseAddress!
            initFrame(l, n)
            defer { deinitFrame(l, n) }
            try bind(l, args, kw)
            return try run(rt, l)
        }
    }

    /// Runs the body in a frame whose parameter slots are filled.
    @inline(__always) func run(_ rt: Runtime, _ l: Frame) throws -> Value {
        rt.counters[0] &+= 1
        defer { rt.counters[0] &-= 1 }
        if rt.counters[0] > Runtime.maxDepth {
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
        }
        if code.needsCells { setupCells(l) }
        do {
            // The function keeps its code (and the body) alive: no retain per call.
            if let vm = code.vmRef {
                return try vm._withUnsafeGuaranteedRef { c in try c.execute(rt, l) }
            }
            _ = try Unmanaged.passUnretained(code)._withUnsafeGuaranteedRef { c in try c.body(l) }
        } catch {
            let e = asPyError(error)
            let loc = e.pending ?? code.location
            e.frames.append(CellError.TraceFrame(location: loc, function: code.name, sourceLine: rt.sourceLines[loc.line]))
            e.pending = nil
            throw e
        }
        // The result is moved out of slot 0 (no retain here and release at frame teardown).
        let r = l.move()
        l.initialize(to: .undefined)
        if case .undefined = r { return .none }
        return r
    }

    func setupCells(_ l: Frame) {
        for s in code.cellParams { l[s] = .object(PyCell(l[s])) }
        for s in code.cellLocals { l[s] = .object(PyCell()) }
        for (i, s) in code.freeSlots.enumerated() { l[s] = .object(closure[i]) }
    }

    func bind(_ l: Frame, _ args: [Value], _ kw: Kwargs) throws {
        let np = code.argNames.count
        if args.count > np && code.varargsSlot == nil {
            let nd = defaults.count
            let takes = nd > 0 ? "from \(np - nd) to \(np)" : "\(np)"
            let plural = (nd > 0 || np != 1) ? "s" : ""
            // CPython counts keyword-only arguments given by name in the message.
            let kwOnlyGiven = kw.filter { k in code.kwOnly.contains(k.0) }.count
            let also = kwOnlyGiven == 0 ? "" : " positional argument\(args.count == 1 ? "" : "s") (and \(kwOnlyGiven) keyword-only argument\(kwOnlyGiven == 1 ? "" : "s"))"
            let given = (args.count == 1 ? "1" : "\(args.count)") + also + (args.count == 1 && also.isEmpty ? " was" : " were")
            throw PyError.type("\(code.qualname)() takes \(takes) positional argument\(plural) but \(given) given")
        }
        for i in 0..<min(args.count, np) { l[1 + i] = args[i] }
        if let vs = code.varargsSlot {
            l[vs] = .object(PyTuple(args.count > np ? Array(args[np...]) : []))
        }
        let extra: PyDict? = code.kwargsSlot != nil ? PyDict() : nil
        for (k, v) in kw {
            if let idx = code.argNames.firstIndex(of: k), idx >= code.posOnly {
                if case .undefined = l[1 + idx] {} else {
                    throw PyError.type("\(code.qualname)() got multiple values for argument '\(k)'")
                }
                l[1 + idx] = v
            } else if let j = code.kwOnly.firstIndex(of: k) {
                l[code.kwOnlyStart + j] = v
            } else if let d = extra {
                d.set(k, v)
            } else if let idx = code.argNames.firstIndex(of: k), idx < code.posOnly {
                let names = kw.map(\.0).filter { n in code.argNames.prefix(code.posOnly).contains(n) }.map { "'\($0)'" }
                throw PyError.type("\(code.qualname)() got some positional-only arguments passed as keyword arguments: \(names.joined(separator: ", "))")
            } else {
                throw PyError.type("\(code.qualname)() got an unexpected keyword argument '\(k)'")
            }
        }
        let firstDefault = np - defaults.count
        var missing: [String] = []
        for i in 0..<np {
            if case .undefined = l[1 + i] {
                if i >= firstDefault { l[1 + i] = defaults[i - firstDefault] } else { missing.append(code.argNames[i]) }
            }
        }
        if !missing.isEmpty { throw missingError(missing, "positional") }
        for (j, k) in code.kwOnly.enumerated() {
            if case .undefined = l[code.kwOnlyStart + j] {
                if let d = kwDefaults[k] { l[code.kwOnlyStart + j] = d } else { missing.append(k) }
            }
        }
        if !missing.isEmpty { throw missingError(missing, "keyword-only") }
        if let ks = code.kwargsSlot, let d = extra { l[ks] = .object(d) }
    }

    func missingError(_ names: [String], _ kind: String) -> PyError {
        let q = names.map { "'\($0)'" }
        let list: String
        switch q.count {
        case 1: list = q[0]
        case 2: list = "\(q[0]) and \(q[1])"
        default: list = q.dropLast().joined(separator: ", ") + ", and " + q.last!
        }
        let s = names.count == 1 ? "" : "s"
        return PyError.type("\(code.qualname)() missing \(names.count) required \(kind) argument\(s): \(list)")
    }
}
