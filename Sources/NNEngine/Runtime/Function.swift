import NNSyntax
import Foundation

/// A frame: slot 0 reserved, then parameters, locals, cells (the engine's `Layout`).
typealias Frame = UnsafeMutablePointer<Value>

/// A compiled function body and its frame layout (immutable once built).
package final class CodeObject {
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
    /// Parameter slots wrapped into cells on entry, other cell slots, closure slots.
    let cellParams: [Int]
    let cellLocals: [Int]
    let freeSlots: [Int]
    let needsCells: Bool
    /// The compiled body; a generator function's call makes a generator over it.
    let bytecode: Bytecode
    package let location: SourceLocation
    /// Only positional parameters: call sites may fill the frame directly.
    let simple: Bool
    /// `bytecode` unretained when the engine may run it in the caller's loop (a function body,
    /// not a generator's); the code object owns it.
    let engineRef: Unmanaged<Bytecode>?
    /// `nparams` when a call with exactly that many positional arguments may run in the
    /// caller's loop (only positional parameters, not a generator), else -1: one comparison at
    /// the call site.
    let inlineArity: Int
    /// The slots and the body's deepest stack: what such a call takes of the engine stack.
    let inlineFrameSize: Int

    init(name: String, qualname: String, params: Parameters, location: SourceLocation, nslots: Int,
         cellParams: [Int], cellLocals: [Int], freeSlots: [Int], bytecode: Bytecode) {
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
        self.bytecode = bytecode
        assert(bytecode.frameSize == nslots, "a function's frame and its body's slots disagree")
        simple = params.varargs == nil && params.kwargs == nil && params.keywordOnly.isEmpty
        engineRef = bytecode.isGenerator ? nil : .passUnretained(bytecode)
        inlineArity = simple && !bytecode.isGenerator ? nparams : -1
        inlineFrameSize = nslots + bytecode.maxStack
    }
}

/// A user function (`def` or `lambda`) with its defaults and captured cells.
public final class PyFunction: PyObject, @unchecked Sendable {
    package let code: CodeObject
    var defaults: [Value]
    var kwDefaults: [String: Value]
    let closure: [PyCell]
    package var attrs: [String: Value] = [:]
    package var doc: String?
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
            let code = self.code
            if code.bytecode.isGenerator {
                return .object(PyGenerator(GeneratorFrame(code: code.bytecode, rt: rt, copying: l, nslots: code.nslots,
                                                          name: code.name, location: code.location)))
            }
            return try code.bytecode.run(rt, l)
        } catch {
            let e = asPyError(error)
            let loc = e.pending ?? code.location
            e.frames.append(CellError.TraceFrame(location: loc, function: code.name, sourceLine: rt.sourceLines[loc.line]))
            e.pending = nil
            throw e
        }
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

@inline(__always) func initFrame(_ l: Frame, _ n: Int) {
    var i = 0
    while i < n { (l + i).initialize(to: .undefined); i += 1 }
}

@inline(__always) func deinitFrame(_ l: Frame, _ n: Int) {
    var i = 0
    while i < n {
        // Slots holding no reference (ints, floats, unbound...) need no destroy call.
        dropSlot(l + i)
        i += 1
    }
}

/// The function a value holds when it is a plain user function (no dynamic cast).
@inline(__always) func asFunction(_ v: Value) -> PyFunction? {
    if case .object(let o) = v, ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyFunction.self) {
        return unsafeDowncast(o, to: PyFunction.self)
    }
    return nil
}

/// The plain user function a global box holds, unretained.
/// The function a `call` finds under its arguments: borrowed (`Value.callee`) or held.
@inline(__always) func calleeFunction(_ p: UnsafeMutablePointer<Value>, _ rt: Runtime) -> Unmanaged<PyFunction>? {
    let tag = ValueTag.of(p)
    if tag == ValueTag.callee { return UnsafeRawPointer(p).load(as: Unmanaged<PyFunction>.self) }
    return tag == ValueTag.object ? peekFunctionObject(p, rt) : nil
}

@inline(__always) func peekFunction(_ p: UnsafeMutablePointer<Value>, _ rt: Runtime) -> Unmanaged<PyFunction>? {
    ValueTag.of(p) == ValueTag.object ? peekFunctionObject(p, rt) : nil
}

/// The plain user function an `object` value at `p` holds, or nil (read without a retain).
@inline(__always) func peekFunctionObject(_ p: UnsafeMutablePointer<Value>, _ rt: Runtime) -> Unmanaged<PyFunction>? {
    let o = UnsafeRawPointer(p).load(as: Unmanaged<PyObject>.self)
    // The object's first word is its class's metadata.
    let isa = UnsafeRawPointer(o.toOpaque()).load(as: UInt.self)
    guard isa == UInt(bitPattern: rt.functionClass) else { return nil }
    return Unmanaged<PyFunction>.fromOpaque(o.toOpaque())
}
