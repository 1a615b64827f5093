import NNSyntax
/// The engine's code form: a stack machine in the style of CPython's ceval and clox.
///
/// Every construct of nn (module code and cells, functions, lambdas, class bodies,
/// comprehensions, try/except/finally, with, imports, magics) compiles to one `Bytecode`
/// (Emitter*.swift) run by one loop (`Bytecode.run`, VM.swift). Locals live in the frame's slots
/// (the layout the resolver made); temporaries live on a per-activation value stack. Exceptions
/// unwind through a table of protected ranges (`Handler`), as CPython 3.11's exception table.
enum Opcode: UInt8 {
    case nop
    /// push consts[a]
    case loadConst
    /// push slot a (UnboundLocalError when unbound); pop into slot a; unbind slot a.
    case loadLocal, storeLocal, deleteLocal
    /// the cell in slot a: push its value, pop into it, unbind it.
    case loadCell, storeCell, deleteCell
    /// globals[a] (builtins as fallback, NameError when neither).
    case loadGlobal, storeGlobal, deleteGlobal
    /// a name in a class body: the namespace dict (slot 1), then globals[a].
    case loadClassName, storeClassName, deleteClassName
    case pop, dup, dupTwo, rotTwo, rotThree
    /// x OP y for binaryOps[a]; x OP= y; unary unaryOps[a]; not; compareOps[a].
    case binary, inplace, unary, not, compare
    /// pc = a; pc = a after a deadline tick (loop back-edges).
    case jump, jumpBack
    /// pop; jump when false / true.
    case jumpIfFalse, jumpIfTrue
    /// jump keeping the top when false / true, else pop it.
    case jumpIfFalseOrPop, jumpIfTrueOrPop
    /// iterable -> iterator; next item pushed, or the iterator popped and pc = a.
    case getIter, forIter
    /// names[a] on the top: load, store (value under the object), delete.
    case loadAttr, storeAttr, deleteAttr
    /// o[i]; o[i] = v (stack v, o, i); del o[i].
    case subscr, storeSubscr, deleteSubscr
    /// Displays of a items (a maps: 2a items); slices of a parts; a strings joined.
    case buildList, buildTuple, buildSet, buildMap, buildSlice, buildString
    /// Comprehension accumulators a deep: append, add, key/value.
    case listAppend, setAdd, mapAdd
    /// list, iterable -> list extended; list -> tuple (a 0) or set (a 1); dict, mapping -> merged.
    case listExtend, listConvert, dictMerge
    /// Calls: a positional arguments; a arguments of which kwNames[b] are keywords; shapes[a].
    case call, callKw, callEx
    /// functions[a] with its defaults from the stack; classes[a] with b bases, then its keywords.
    case makeFunction, buildClass
    case returnValue
    /// raise: a 0 re-raise the handled exception, 1 exc, 2 exc from cause.
    case raise
    /// The exception being handled: re-thrown (unmatched), matched against the popped type
    /// (jump to a when not), matched by a bare except, pushed, released.
    case reraise, excMatch, excCaught, loadExc, popExcept
    /// Context managers, __exit__ kept in slot a: enter (push __enter__()), normal exit, exit
    /// with the handled exception (swallowed when __exit__ is true).
    case withEnter, withExit, withExitExc
    /// Unpack the top into a values (b - 1 the starred index, 0 none).
    case unpack
    /// push the module names[a] (b: relative level); push attribute names[a] of the module on
    /// the top; bind every public name of the popped module.
    case importName, importFrom, importStar
    /// Format the top: a conversion (0 none, 1 str, 2 repr), b 1 when a spec is on the top.
    case formatValue
    /// The cell's last expression: its value becomes the cell's result.
    case setLast
    /// AssertionError, with the popped message when a is 1.
    case assertFail
    /// super() from the __class__ cell and the first argument (both on the stack).
    case makeSuper
    /// Runs magics[a] (%time, %timeit) on the current frame.
    case magic
    /// Wraps the list on the top as a generator object (eager generator expressions).
    case listToGenerator
    /// Suspends the frame yielding the top; resumption pushes the sent value.
    case yieldValue
    /// `yield from`: the iterator under the sent value on the top (see VM.swift).
    case yieldFrom
    /// The iterator `yield from` delegates to.
    case getYieldFromIter
    /// genexps[a] over the iterator popped from the stack.
    case makeGenerator
    /// forIter whose item goes straight into local slot b.
    case forIterStore
    /// pop y, x; jump to a unless `x compareOps[b] y` holds.
    case compareJump
    /// top = top binaryOps[a] consts[b] (an operation with a constant right operand).
    case binaryConst
    /// variable b (m 0 local slot, 1 global) binaryOps[a]= pop (augmented assignment of a
    /// variable, when evaluating the value cannot observe it).
    case inplaceLocal
    /// o[i, j] without building the index tuple (stack o, i, j); store with the stack v, o, i, j
    /// (b 0) or o, i, j, v (b 1, augmented assignment).
    case subscrPair, storeSubscrPair
    /// Pushes copies of the top a values, in order.
    case dupN

    // Operands read in place. Each does what a load (or two) followed by the generic
    // instruction does, for operands that are variables or constants: one dispatch, and a
    // receiver read without a retain (CPython 3.12's LOAD_FAST__LOAD_FAST superinstructions).

    /// push variable b (m 0 local, 1 global) binaryOps[o] consts[c].
    case binaryVarConst
    /// push local b binaryOps[o] local c.
    case binaryLocals
    /// jump to a unless variable b (m 0 local, 1 global) compareOps[o] consts[c] holds.
    case compareJumpVarConst
    /// jump to a unless local b compareOps[o] local c holds.
    case compareJumpLocals
    /// return local a.
    case returnLocal
    /// push local b[local c]; top = top[local b] (m 1: the object kept under the item);
    /// pop v, local b[local c] = v; pop o and v (m 1: v and o), o[local b] = v.
    case subscrLocals, subscrTopLocal, storeSubscrLocals, storeSubscrTopLocal
    /// push local a[local b][local c] (the inner item read in place, without a retain); m 1:
    /// push local a[local b], then its [local c] (the object kept under the item, for the store
    /// of an augmented assignment).
    case subscrLocals2
    /// push local a[local b, local c]; pop v, local a[local b, local c] = v.
    case subscrPairLocals, storeSubscrPairLocals
    /// The end of an augmented assignment to an item, its operation and its store in one (the
    /// item was read before the value, as CPython does): pop v, x; local b[local c] = x
    /// binaryOps[o]= v. Pop v, x, o; o[local b] = x binaryOps[o]= v. Pop v, x; local a[local b,
    /// local c] = x binaryOps[o]= v.
    case inplaceStoreSubscrLocals, inplaceStoreSubscrTopLocal, inplaceStoreSubscrPairLocals
    /// A `for` loop's back edge and next head in one: a deadline tick, then the next item into
    /// variable b (m 0 local, 1 global, 2 pushed) and pc = c, or the iterator popped and pc = a.
    case forIterBack
    /// push globals[a] as the callee of a `call` (its arguments follow): a function as
    /// `Value.callee`, without a retain - a global's function stays alive while the cell runs,
    /// `Runtime.retired` keeping one the code unbinds - and anything else as loadGlobal does.
    /// Not in generators, whose frames outlive the cell.
    case loadGlobalCallee
}

/// One instruction: an opcode and up to two operands.
struct Instr {
    var op: Opcode
    /// An operator index (binaryOps / compareOps) for the fused instructions.
    var o: UInt8 = 0
    /// Where a fused instruction's variable lives (0 a local slot, 1 a global box).
    var m: UInt8 = 0
    var a: Int32 = 0
    var b: Int32 = 0
    var c: Int32 = 0
}

/// A protected range of instructions and where exceptions raised in it go.
struct Handler {
    enum Kind: UInt8 {
        /// except clauses: the exception becomes the handled one, pc = target.
        case except
        /// finally / with: as `except`, but also for a timed-out cell.
        case finally
        /// an except body: the handled exception is released, unwinding goes on.
        case cleanup
    }
    var start: Int32
    var end: Int32
    var target: Int32
    /// Stack depth to unwind to.
    var depth: Int32
    var kind: Kind
}

/// What a `def` or `lambda` needs at run time: the code object and how to fill defaults and
/// captured cells.
struct FunctionTemplate {
    let code: CodeObject
    let bytecode: Bytecode
    let doc: String?
    let nDefaults: Int
    let kwDefaultNames: [String]
    /// Slots of the defining frame holding the cells the function captures.
    let closureSlots: [Int]
}

/// A class body and how to run it.
struct ClassTemplate {
    let name: String
    let body: Bytecode
    let doc: String?
    /// Names of the class keywords, whose values are on the stack above the bases.
    let keywordNames: [String]
    let nslots: Int
    let cellLocals: [Int]
    let freeSlots: [Int]
    let closureSlots: [Int]
    let classCellSlot: Int?
}

/// A `%time` / `%timeit` magic: its body runs on the frame of the cell.
struct MagicTemplate {
    let kind: Magic.Kind
    let body: Bytecode
    let number: Int?
    let repeatCount: Int?
    /// The body returns a value that becomes the cell's result (`%time expr` at a cell's end).
    let hasResult: Bool
}

/// A generator expression: its loop runs lazily on a copy of the defining frame (cells
/// shared, so closures see the live variables), the first iterator on its stack.
struct GenExpTemplate {
    let code: Bytecode
    /// The defining frame's layout (its final size is known only once that body is compiled).
    let layout: Layout
}

/// The parts of a call with `*args`, `**kwargs` or keyword arguments mixed with them.
enum CallPart {
    case positional, star, keyword(String), doubleStar
}

/// A compiled body (module code, cell, function, lambda, class body or magic).
final class Bytecode {
    let name: String
    let code: [Instr]
    let consts: [Value]
    let names: [String]
    /// Global boxes used by loadGlobal/storeGlobal/deleteGlobal and class-body names, by index.
    let globals: [GlobalBox]
    let globalFallback: [Value?]
    let handlers: [Handler]
    let functions: [FunctionTemplate]
    let classes: [ClassTemplate]
    let magics: [MagicTemplate]
    let kwNames: [[String]]
    let shapes: [[CallPart]]
    /// Source location of each instruction's statement.
    let locs: [SourceLocation]
    let maxStack: Int
    /// Slot names (UnboundLocalError messages and the disassembler).
    let slotNames: [String]
    /// The frame's slot count: where a frame's own stack starts after its slots.
    let frameSize: Int
    /// A generator function's body: a call makes a generator over a copy of the frame.
    var isGenerator = false
    /// Generator expressions, made by `makeGenerator`.
    var genexps: [GenExpTemplate] = []
    /// `code`, `consts` and the global boxes' storage as raw tables for the loop (no bounds
    /// checks or retains per instruction); a global is one pointer read (CPython 3.11's
    /// LOAD_GLOBAL cache, resolved at compile time: a box per module name).
    let ins: UnsafeMutablePointer<Instr>
    let k: UnsafeMutablePointer<Value>
    let g: UnsafeMutablePointer<UnsafeMutablePointer<Value>>

    init(name: String, code: [Instr], consts: [Value], names: [String], globals: [GlobalBox],
         globalFallback: [Value?], handlers: [Handler], functions: [FunctionTemplate], classes: [ClassTemplate],
         magics: [MagicTemplate], kwNames: [[String]], shapes: [[CallPart]], locs: [SourceLocation],
         maxStack: Int, slotNames: [String]) {
        self.name = name; self.code = code; self.consts = consts; self.names = names
        self.globals = globals; self.globalFallback = globalFallback; self.handlers = handlers
        self.functions = functions; self.classes = classes; self.magics = magics
        self.kwNames = kwNames; self.shapes = shapes; self.locs = locs
        self.maxStack = maxStack; self.slotNames = slotNames; frameSize = slotNames.count
        ins = .allocate(capacity: max(1, code.count))
        ins.initialize(from: code, count: code.count)
        // In the loop's table, the back edges of loops (`jumpBack`, `forIterBack`'s second
        // target) are offsets from the next instruction: the loop adds them to its instruction
        // pointer, with no load of the table's start on every iteration. `code` keeps them
        // absolute (the disassembler's view).
        for p in code.indices {
            if code[p].op == .jumpBack { ins[p].a = code[p].a &- Int32(p + 1) }
            if code[p].op == .forIterBack { ins[p].c = code[p].c &- Int32(p + 1) }
        }
        k = .allocate(capacity: max(1, consts.count))
        k.initialize(from: consts, count: consts.count)
        g = .allocate(capacity: max(1, globals.count))
        g.initialize(from: globals.map(\.p), count: globals.count)
    }

    deinit {
        ins.deinitialize(count: code.count); ins.deallocate()
        k.deinitialize(count: consts.count); k.deallocate()
        g.deallocate()
    }
}

/// The operators `binary`/`inplace`, `unary` and `compare` name by index.
let engineBinaryOps: [BinaryOp] = [.add, .sub, .mul, .matMul, .div, .floorDiv, .mod, .pow, .lShift, .rShift, .bitOr, .bitXor, .bitAnd]
let engineUnaryOps: [UnaryOp] = [.neg, .pos, .invert, .not]
let engineCompareOps: [CompareOp] = [.eq, .ne, .lt, .le, .gt, .ge, .in, .notIn, .is, .isNot]
