import NNSyntax
/// A function body in register form: a flat array of instructions over the frame's slots,
/// run by one dispatch loop (`VMCode.execute`, Machine.swift) instead of a tree of closures.
///
/// Registers are frame slots: the function's locals (named, may be unbound), temporaries
/// (always bound when read), then the int/float/bool/None constants, copied in when the body
/// starts; so every operand is a plain slot index. Strings come from the pool (`loadK`).
/// Statements and expressions the builder has no instruction for are compiled by the closure
/// compiler and run through `exec`/`eval`, so every construct works and the hot shapes (calls,
/// int/float arithmetic, compare-and-branch, range loops, list indexing) run without a
/// closure call.
enum VMOp: UInt8 {
    /// d = operand a (unbound check when a is a local).
    case move
    /// d = pool constant b.
    case loadK
    /// d = global b (builtin fallback, NameError).
    case loadGlobal
    /// NameError unless global b (or its builtin) is defined.
    case needGlobal
    /// d = evals[b](frame).
    case eval
    /// Runs execs[a]; its flow: break -> jump b, continue -> jump c, return -> return slot 0.
    case exec
    /// d = a + b, a - b, a * b with int/float fast paths.
    case add, sub, mul
    /// Return a + b, a - b, a * b.
    case addRet, subRet, mulRet
    /// d = a[b][c] (op x: 0 add, 1 sub, 2 mul) e[f][g], both lists of lists.
    case arithIndex2
    /// `arithIndex2` whose result the next instruction (`augIndex2`) adds into a list of
    /// lists: both done at once when the fast paths apply (the next one is skipped).
    case arithIndex2Aug
    /// d = a (binaryOps[x]) b.
    case binop
    /// d = a (binaryOps[x])= b: in-place (lists extend), int/float fast paths.
    case inplace
    /// Jump to c unless `a OP b` holds (one opcode per operator, in `vmCompareOps` order).
    case jnEq, jnNe, jnLt, jnLe, jnGt, jnGe
    /// Return operand c if `a OP b` holds (same order).
    case riEq, riNe, riLt, riLe, riGt, riGe
    /// Jump to c unless conds[a](frame) holds.
    case condJump
    /// Jump to c.
    case jump
    /// Loop back-edge: deadline tick, then jump to c.
    case loopBack
    /// Jump to c unless global a is the builtin `range`.
    case rangeCheck
    /// Range arguments in a..<a+x: normalised to start, stop, step in a, a+1, a+2.
    case rangePrep
    /// Range loop head on counters at a: store the int in register b, or leave to c.
    case forRange
    /// Range loop back-edge: tick, advance a by its step and, while in range, store it in
    /// register b and jump to c (the body); falls through when done or on overflow.
    case forRangeNext
    /// Iteration over operand b prepared in registers a, a+1.
    case iterPrep
    /// Iterator loop head: the next item into register b, or leave to c.
    case iterNext
    /// d = global b called with the x arguments in registers c..<c+x (moved out).
    case callGlobal
    /// `callGlobal` with one argument, a + b, a - b or a * b (x: 0, 1, 2) computed into c;
    /// the function is global e.
    case callArith1
    /// d = operand b called with the x arguments in registers c..<c+x (moved out).
    case callReg
    /// d = a[b].
    case index
    /// d = a[b][c] (a local list of lists, int indices).
    case index2
    /// a[b] = c.
    case storeIndex
    /// a[b][c] (binaryOps[x])= d on a list of lists of numbers.
    case augIndex2
    /// Returns operand a.
    case ret
    /// Returns None.
    case retNone
}

/// One instruction (32 bytes).
struct Ins {
    var op: VMOp
    var x: UInt8 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
    var d: Int32 = 0
    var e: Int32 = 0
    var f: Int32 = 0
    var g: Int32 = 0
}

/// Closures held at their natural abstraction (no reabstraction thunk per call), in boxes the
/// code reaches unretained (no retain of the closure context per call).
final class EvalRef { let f: Eval; init(f: @escaping Eval) { self.f = f } }
final class ExecRef { let f: Exec; init(f: @escaping Exec) { self.f = f } }
final class CondRef { let f: (Frame) throws -> Bool; init(f: @escaping (Frame) throws -> Bool) { self.f = f } }

/// The operators `binop`/`inplace` (x) and the compare opcodes `jn*`/`ri*` name by index.
let vmBinaryOps: [BinaryOp] = [.add, .sub, .mul, .matMul, .div, .floorDiv, .mod, .pow, .lShift, .rShift, .bitOr, .bitXor, .bitAnd]
let vmCompareOps: [CompareOp] = [.eq, .ne, .lt, .le, .gt, .ge]

/// A compiled function body.
final class VMCode {
    let count: Int
    let ins: UnsafeMutablePointer<Ins>
    let consts: UnsafeMutablePointer<Value>
    let nconsts: Int
    /// Constants copied into registers frameConstBase... on entry.
    let frameConsts: UnsafeMutablePointer<Value>
    let nframeConsts: Int
    let frameConstBase: Int
    /// A whole frame as a call starts it: unbound slots, then the constants (all trivial).
    let template: UnsafeMutablePointer<Value>
    let nslots: Int
    /// Source location of each instruction's statement (stamped on errors).
    let locs: [SourceLocation]
    /// The `return` inside a fused `if ...: return x`, by instruction.
    let extraLocs: [Int: SourceLocation]
    let evals: UnsafeMutablePointer<Unmanaged<EvalRef>>
    let execs: UnsafeMutablePointer<Unmanaged<ExecRef>>
    let conds: UnsafeMutablePointer<Unmanaged<CondRef>>
    /// Owners of the boxes above.
    let boxes: [AnyObject]
    /// Global boxes, their builtin fallback and names.
    let globals: UnsafeMutablePointer<UnsafeMutablePointer<Value>>
    let globalBoxes: [GlobalBox]
    let globalFallback: [Value?]
    /// Names of the local registers (for UnboundLocalError).
    let slotNames: [String]
    /// The builtin `range`, for `rangeCheck`.
    let rangeBuiltin: Value?
    let listType = ObjectIdentifier(PyList.self)
    let functionType = ObjectIdentifier(PyFunction.self)

    init(ins: [Ins], locs: [SourceLocation], extraLocs: [Int: SourceLocation], consts: [Value],
         frameConsts: [Value], frameConstBase: Int, nslots: Int, evals: [EvalRef], execs: [ExecRef],
         conds: [CondRef], globals: [GlobalBox], globalFallback: [Value?], slotNames: [String], rangeBuiltin: Value?) {
        count = ins.count
        self.ins = .allocate(capacity: max(1, ins.count))
        self.ins.initialize(from: ins, count: ins.count)
        nconsts = consts.count
        self.consts = .allocate(capacity: max(1, consts.count))
        self.consts.initialize(from: consts, count: consts.count)
        nframeConsts = frameConsts.count
        self.frameConsts = .allocate(capacity: max(1, frameConsts.count))
        self.frameConsts.initialize(from: frameConsts, count: frameConsts.count)
        self.frameConstBase = frameConstBase
        self.nslots = nslots
        template = .allocate(capacity: max(1, nslots))
        template.initialize(repeating: .undefined, count: frameConstBase)
        (template + frameConstBase).initialize(from: frameConsts, count: frameConsts.count)
        self.locs = locs
        self.extraLocs = extraLocs
        boxes = evals as [AnyObject] + execs as [AnyObject] + conds as [AnyObject]
        self.evals = .allocate(capacity: max(1, evals.count))
        self.evals.initialize(from: evals.map { .passUnretained($0) }, count: evals.count)
        self.execs = .allocate(capacity: max(1, execs.count))
        self.execs.initialize(from: execs.map { .passUnretained($0) }, count: execs.count)
        self.conds = .allocate(capacity: max(1, conds.count))
        self.conds.initialize(from: conds.map { .passUnretained($0) }, count: conds.count)
        globalBoxes = globals
        self.globals = .allocate(capacity: max(1, globals.count))
        self.globals.initialize(from: globals.map(\.p), count: globals.count)
        self.globalFallback = globalFallback
        self.slotNames = slotNames
        self.rangeBuiltin = rangeBuiltin
    }

    deinit {
        ins.deinitialize(count: count); ins.deallocate()
        consts.deinitialize(count: nconsts); consts.deallocate()
        frameConsts.deinitialize(count: nframeConsts); frameConsts.deallocate()
        template.deinitialize(count: nslots); template.deallocate()
        evals.deallocate()
        execs.deallocate()
        conds.deallocate()
        globals.deallocate()
    }
}
