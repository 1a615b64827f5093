import NNSyntax
import Foundation

/// The engine's one dispatch loop. Semantics live in the Runtime (operators, attribute and item
/// access, calls, iteration); the loop moves values between the frame's slots and its stack,
/// and unwinds exceptions through the code's handler table.
extension Bytecode {
    /// Runs this code on a frame whose slots the caller prepared (arguments bound, cells set).
    func run(_ rt: Runtime, _ l: Frame) throws -> Value {
        try withUnsafeTemporaryAllocation(of: Value.self, capacity: maxStack) { buf in
            var st = ResumePoint()
            return try execute(rt, l, buf.baseAddress!, &st)
        }
    }

    /// The loop, from `st` (a generator's frame is re-entered where it yielded). Returns the
    /// frame's return value, or with `st.yielded` set the value it yields (its stack kept).
    func execute(_ rt: Runtime, _ l0: Frame, _ stack0: UnsafeMutablePointer<Value>, _ st: inout ResumePoint) throws -> Value {
        // The running body: this one, or a function it called that runs in this loop (see
        // `InlineFrame`); `depth` such callers are suspended.
        var running = Unmanaged.passUnretained(self)
        var cur: Bytecode { running.takeUnretainedValue() }
        // The running body's instructions, constants and global boxes, read where used (as
        // variables they cost registers or spills across the loop, and loads per call).
        var ins: UnsafeMutablePointer<Instr> { running._withUnsafeGuaranteedRef { $0.ins } }
        var k: UnsafeMutablePointer<Value> { running._withUnsafeGuaranteedRef { $0.k } }
        var g: UnsafeMutablePointer<UnsafeMutablePointer<Value>> { running._withUnsafeGuaranteedRef { $0.g } }
        // The next instruction, as a pointer (an index costs a shift per dispatch).
        var ip = ins + st.pc
        var l = l0
        // The frame's stack, after its slots (the loop's own frame: the stack it was given),
        // computed where used: a variable live across the loop costs a register or spills.
        var stack: UnsafeMutablePointer<Value> {
            depth == 0 ? stack0 : l + running._withUnsafeGuaranteedRef { $0.frameSize }
        }
        // The next free stack place, as a pointer (an index costs a multiply per push and pop).
        var top = stack0 + st.sp
        var depth = 0
        st.yielded = false
        defer { st.pc = ip - ins; st.sp = top - stack }
        @inline(__always) func push(_ v: __owned Value) { (top).initialize(to: v); top += 1 }
        @inline(__always) func pop() -> Value { top -= 1; return (top).move() }
        @inline(__always) func peek() -> Value { top[-1] }
        /// Before a step that may run code: borrowed rows on this frame's stack get references.
        @inline(__always) func unborrow() { materializeRows(stack, top) }
        @inline(__always) func clear(to d: Int) { let end = stack + d; while top > end { top -= 1; dropSlot(top) } }
        /// Pushes a copy of a slot, constant or global: numbers bit for bit, references with
        /// one retain (no outlined copy call).
        @inline(__always) func pushCopy(_ p: UnsafeMutablePointer<Value>) {
            copyValue(top, p)
            top += 1
        }
        /// `local a[local b, local c] = top`: a float tensor's element written in place, anything
        /// else through the Runtime (`o[(i, j)] = v`).
        @inline(__always) func storePairLocals(_ a: Int, _ b: Int, _ c: Int) throws {
            if case .int(let x) = l[b], case .int(let y) = l[c], fastStore2(l + a, x, y, top - 1) {
                top -= 1
                return
            }
            let v = pop()
            let ix = Value.object(PyTuple([try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c)]))
            try engineSetItem(rt, try cur.variableValue(l, 0, a), ix, v)
        }
        /// Ends the innermost callee running in this loop and resumes its caller (whose stack is
        /// left as it was at the call).
        @inline(__always) func leave() -> InlineFrame {
            rt.engine.pointee.frames -= 1
            let f = rt.engine.pointee.frames.pointee
            deinitFrame(l, f.nslots)
            rt.engine.pointee.values = f.base
            rt.counters[0] &-= 1
            depth &-= 1
            running = f.code
            l = f.l
            ip = f.ip
            return f
        }
        while true {
            do {
                if let e = st.pendingThrow {
                    // Raised at the yield the frame stopped at (a `yield from` re-runs itself).
                    st.pendingThrow = nil
                    if ip.pointee.op == .yieldFrom { ip += 1 }
                    throw e
                }
                while true {
                    // Fields are read where a case uses them, not all at dispatch.
                    let i = InstrRef(p: ip)
                    ip += 1
                    let a = Int(i.a)
                    switch i.op {
                    case .loadConst: pushCopy(k + a)
                    case .loadLocal:
                        if case .undefined = l[a] { throw unbound(cur.slotNames[a]) }
                        pushCopy(l + a)
                    case .storeLocal: setSlot(l + a, pop())
                    case .loadCell: push(try cur.cellValue(l, a))
                    case .storeCell:
                        let v = pop()
                        if case .object(let o) = l[a] { unsafeDowncast(o, to: PyCell.self).value = v }
                    case .loadGlobal:
                        if case .undefined = g[a].pointee { push(try cur.globalFallbackValue(a)) } else { pushCopy(g[a]) }
                    case .loadGlobalCallee:
                        if let f = peekFunction(g[a], rt) {
                            top.initialize(to: .callee(f))
                            top += 1
                        } else if case .undefined = g[a].pointee { push(try cur.globalFallbackValue(a)) } else { pushCopy(g[a]) }
                    case .storeGlobal:
                        let p = g[a]
                        let v = pop()
                        rt.retireIfFunction(p.pointee)
                        p.pointee = v
                    case .nop, .buildSet, .buildMap, .buildSlice, .buildString, .listExtend, .listConvert, .dictMerge,
                         .withEnter, .withExit, .withExitExc, .importName, .importFrom, .importStar, .formatValue,
                         .makeGenerator, .listToGenerator, .unpack, .makeSuper, .storeClassName, .deleteClassName,
                         .callKw, .callEx, .makeFunction, .buildClass, .assertFail, .getYieldFromIter,
                         .deleteLocal, .deleteCell, .deleteGlobal, .loadClassName, .rotThree, .dupN, .deleteAttr,
                         .deleteSubscr, .setAdd, .mapAdd, .raise, .excCaught, .loadExc, .popExcept, .setLast, .magic:
                        // Instructions off the hot path, out of line (VM+Cold.swift). `nop` too: an
                        // empty case would loop the dispatch to itself, and LLVM copies no such block
                        // into the handlers (Package.swift, `engineInlining`).
                        var sp = top - stack
                        defer { top = stack + sp }
                        try cur.runCold(rt, i.p.pointee, ip - ins, l, stack, &sp)
                    case .pop: top -= 1; dropSlot(top)
                    case .dup: push(peek())
                    case .dupTwo:
                        let x = top[-2], y = top[-1]
                        push(x); push(y)
                    case .rotTwo: swap(&top[-1], &top[-2])
                    case .binaryConst:
                        let px = top - 1
                        if a < 3, let r = engineArith(a, px, k + Int(i.b)) {
                            px.initialize(to: r)
                            break
                        }
                        unborrow()
                        let x = pop()
                        push(try engineBinary(rt, engineBinaryOps[a], x, k[Int(i.b)]))
                    case .inplaceLocal:
                        let s = Int(i.b)
                        let p = i.m == 0 ? l + s : g[s]
                        if a < 3, let r = engineArith(a, p, top - 1) {
                            // The old value was a number: nothing to release or retire.
                            top -= 1
                            setSlot(p, r)
                            break
                        }
                        let y = pop()
                        let r = try engineInplace(rt, binaryOp(a), try cur.variableValue(l, i.m, s), y)
                        if i.m == 1 { rt.retireIfFunction(p.pointee) }
                        p.pointee = r
                    case .binary, .inplace:
                        // Int and float add/sub/mul in place on the stack; the rest in Runtime.
                        let px = top - 2, py = top - 1
                        if a < 3 {
                            if case .float(let x) = px.pointee {
                                var y = 0.0
                                if case .float(let f) = py.pointee { y = f } else if case .int(let n) = py.pointee { y = Double(n) } else {
                                    unborrow()
                                    let yv = pop(), xv = pop()
                                    push(try i.op == .binary ? engineBinary(rt, engineBinaryOps[a], xv, yv) : engineInplace(rt, engineBinaryOps[a], xv, yv))
                                    break
                                }
                                top -= 1
                                px.initialize(to: .float(a == 0 ? x + y : a == 1 ? x - y : x * y))
                                break
                            }
                            if case .tscalar(let x) = px.pointee, case .tscalar(let y) = py.pointee {
                                // Two float32 tensor elements (t[i, j] reads): float32 arithmetic.
                                top -= 1
                                px.initialize(to: .tscalar(a == 0 ? x + y : a == 1 ? x - y : x * y))
                                break
                            }
                            if case .int(let x) = px.pointee {
                                if case .int(let y) = py.pointee {
                                    let (r, o) = a == 0 ? x.addingReportingOverflow(y) : a == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                                    if !o { top -= 1; px.initialize(to: .int(r)); break }
                                } else if case .float(let y) = py.pointee {
                                    top -= 1
                                    let xf = Double(x)
                                    px.initialize(to: .float(a == 0 ? xf + y : a == 1 ? xf - y : xf * y))
                                    break
                                }
                            }
                        }
                        unborrow()
                        let y = pop(), x = pop()
                        push(try i.op == .binary ? engineBinary(rt, engineBinaryOps[a], x, y) : engineInplace(rt, engineBinaryOps[a], x, y))
                    case .unary:
                        let v = pop()
                        if case .int(let n) = v, n != Int.min, a == 0 { push(.int(-n)) } else if case .float(let d) = v, a == 0 {
                            push(.float(-d))
                        } else {
                            unborrow()
                            push(try rt.unary(engineUnaryOps[a], v))
                        }
                    case .not:
                        let v = pop()
                        push(.bool(!(try engineTruth(rt, v))))
                    case .compare:
                        let y = pop(), x = pop()
                        push(try engineCompare(rt, engineCompareOps[a], x, y))
                    case .compareJump:
                        let y = pop(), x = pop()
                        let holds: Bool
                        if case .int(let p) = x, case .int(let q) = y {
                            holds = rt.cmpOrdered(engineCompareOps[Int(i.b)], p, q)
                        } else {
                            holds = try rt.compareTruth(engineCompareOps[Int(i.b)], x, y)
                        }
                        if !holds { ip = ins + a }
                    case .jump: ip = ins + a
                    case .jumpBack:
                        try rt.tick()
                        ip += a
                    case .jumpIfFalse:
                        if !(try engineTruth(rt, pop())) { ip = ins + a }
                    case .jumpIfTrue:
                        if try engineTruth(rt, pop()) { ip = ins + a }
                    case .jumpIfFalseOrPop:
                        if try engineTruth(rt, peek()) { _ = pop() } else { ip = ins + a }
                    case .jumpIfTrueOrPop:
                        if try engineTruth(rt, peek()) { ip = ins + a } else { _ = pop() }
                    case .getIter:
                        let v = pop()
                        push(try engineIterator(rt, v))
                    case .forIter, .forIterStore, .forIterBack:
                        if i.op == .forIterBack { try rt.tick() }
                        guard let u = peekObject(top - 1) else { _ = pop(); ip = ins + a; break }
                        if i.m == 0 && i.op != .forIter {
                            // A range stepped in place into a local slot: no optional, no copy.
                            let step = stepRange(u, rt.rangeIterClass, l + Int(i.b))
                            if step == 1 {
                                if i.op == .forIterBack { ip += Int(i.c) }
                                break
                            }
                            if step == 2 { _ = pop(); ip = ins + a; break }
                        }
                        if let v = try nextItem(u, rt) {
                            let b = Int(i.b)
                            switch i.op == .forIter ? 2 : i.m {
                            case 0: setSlot(l + b, v)
                            case 1:
                                rt.retireIfFunction(g[b].pointee)
                                g[b].pointee = v
                            default: push(v)
                            }
                            if i.op == .forIterBack { ip += Int(i.c) }
                        } else {
                            _ = pop()
                            ip = ins + a
                        }
                    case .binaryVarConst:
                        let b = Int(i.b)
                        if i.o < 3, let r = engineArith(Int(i.o), i.m == 0 ? l + b : g[b], k + Int(i.c)) {
                            push(r)
                            break
                        }
                        unborrow()
                        push(try engineBinary(rt, binaryOp(i.o), try cur.variableValue(l, i.m, b), k[Int(i.c)]))
                    case .binaryLocals:
                        let b = Int(i.b), c = Int(i.c)
                        if i.o < 3, let r = engineArith(Int(i.o), l + b, l + c) {
                            push(r)
                            break
                        }
                        unborrow()
                        push(try engineBinary(rt, binaryOp(i.o), try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c)))
                    case .compareJumpVarConst:
                        let b = Int(i.b)
                        let px = i.m == 0 ? l + b : g[b], pk = k + Int(i.c)
                        let holds: Bool
                        if case .int(let p) = px.pointee, case .int(let q) = pk.pointee {
                            holds = intCompareHolds(i.o, p, q)
                        } else if case .float(let p) = px.pointee, case .float(let q) = pk.pointee {
                            holds = rt.cmpOrdered(compareOp(i.o), p, q)
                        } else {
                            holds = try rt.compareTruth(compareOp(i.o), try cur.variableValue(l, i.m, b), pk.pointee)
                        }
                        if !holds { ip = ins + a }
                    case .compareJumpLocals:
                        let b = Int(i.b), c = Int(i.c)
                        let holds: Bool
                        if case .int(let p) = l[b], case .int(let q) = l[c] {
                            holds = intCompareHolds(i.o, p, q)
                        } else {
                            holds = try rt.compareTruth(compareOp(i.o), try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c))
                        }
                        if !holds { ip = ins + a }
                    case .subscrLocals:
                        let b = Int(i.b), c = Int(i.c)
                        if case .int(let n) = l[c], let p = listItem(l + b, n, rt.listClass) {
                            pushCopy(p)
                            break
                        }
                        unborrow()
                        push(try engineGetItem(rt, try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c)))
                    case .subscrTopLocal:
                        let b = Int(i.b)
                        let po = top - 1
                        if case .int(let n) = l[b], let p = listItem(po, n, rt.listClass) {
                            pushCopy(p)
                            if i.m == 0 {
                                // The item replaces the list (copied before the list goes).
                                dropSlot(po)
                                top -= 1
                                moveValue(po, top)
                            }
                            break
                        }
                        if i.m == 1 {
                            push(try engineGetItem(rt, top[-1], try cur.variableValue(l, 0, b)))
                        } else {
                            let o = pop()
                            push(try engineGetItem(rt, o, try cur.variableValue(l, 0, b)))
                        }
                    case .subscrLocals2:
                        let b = Int(i.b), c = Int(i.c)
                        if case .int(let x) = l[b], case .int(let y) = l[c], let row = listItem(l + a, x, rt.listClass),
                           let p = listItem(row, y, rt.listClass) {
                            if i.m == 1 {
                                pushCopy(row)
                            } else if i.m == 2 {
                                // Borrowed: the parent list keeps the row while nothing runs code.
                                if case .object(let o) = row.pointee {
                                    top.initialize(to: .row(Unmanaged.passUnretained(unsafeDowncast(o, to: PyList.self))))
                                    top += 1
                                }
                            }
                            pushCopy(p)
                            break
                        }
                        unborrow()
                        let row = try engineGetItem(rt, try cur.variableValue(l, 0, a), try cur.variableValue(l, 0, b))
                        if i.m != 0 { push(row) }
                        push(try engineGetItem(rt, row, try cur.variableValue(l, 0, c)))
                    case .storeSubscrLocals:
                        let b = Int(i.b), c = Int(i.c)
                        if case .int(let n) = l[c], fastStore(l + b, n, top - 1, rt.listClass) {
                            top -= 1
                            break
                        }
                        let v = pop()
                        try engineSetItem(rt, try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c), v)
                    case .storeSubscrTopLocal:
                        let b = Int(i.b)
                        // m 0: [v, o]; m 1: [o, v].
                        let po = top - (i.m == 0 ? 1 : 2), pv = top - (i.m == 0 ? 2 : 1)
                        if case .int(let n) = l[b], fastStore(po, n, pv, rt.listClass) {
                            dropSlot(po)
                            top -= 2
                            break
                        }
                        let top = pop(), under = pop()
                        try engineSetItem(rt, i.m == 0 ? top : under, try cur.variableValue(l, 0, b), i.m == 0 ? under : top)
                    case .inplaceStoreSubscrLocals, .inplaceStoreSubscrTopLocal, .inplaceStoreSubscrPairLocals:
                        // [x, v] -> [x op= v]: numbers in place (nothing to release), the rest in
                        // the Runtime; then the store.
                        let px = top - 2
                        if i.o < 3, let r = engineArith(Int(i.o), px, top - 1) {
                            top -= 1
                            px.initialize(to: r)
                        } else {
                            unborrow()
                            let y = pop(), x = pop()
                            push(try engineInplace(rt, binaryOp(i.o), x, y))
                        }
                        let b = Int(i.b), c = Int(i.c)
                        if i.op == .inplaceStoreSubscrPairLocals {
                            // local a[local b, local c] = result
                            try storePairLocals(a, b, c)
                        } else if i.op == .inplaceStoreSubscrLocals {
                            // local b[local c] = result
                            if case .int(let n) = l[c], fastStore(l + b, n, top - 1, rt.listClass) {
                                top -= 1
                                break
                            }
                            let v = pop()
                            try engineSetItem(rt, try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c), v)
                        } else {
                            // [o, result] -> o[local b] = result
                            let po = top - 2
                            if case .row(let r) = po.pointee {
                                // A borrowed row: nothing to release.
                                if case .int(let n) = l[b], storeListItem(r, n, top - 1) {
                                    top -= 2
                                    break
                                }
                                unborrow()
                            }
                            if case .int(let n) = l[b], fastStore(po, n, top - 1, rt.listClass) {
                                dropSlot(po)
                                top -= 2
                                break
                            }
                            let v = pop(), o = pop()
                            try engineSetItem(rt, o, try cur.variableValue(l, 0, b), v)
                        }
                    case .subscrPairLocals:
                        let b = Int(i.b), c = Int(i.c)
                        if case .int(let x) = l[b], case .int(let y) = l[c], let r = fastItem2(l + a, x, y) {
                            push(r)
                            break
                        }
                        unborrow()
                        let ix = Value.object(PyTuple([try cur.variableValue(l, 0, b), try cur.variableValue(l, 0, c)]))
                        push(try engineGetItem(rt, try cur.variableValue(l, 0, a), ix))
                    case .storeSubscrPairLocals:
                        try storePairLocals(a, Int(i.b), Int(i.c))
                    case .loadAttr:
                        let o = pop()
                        push(try rt.getAttr(o, cur.names[a]))
                    case .storeAttr:
                        let o = pop(), v = pop()
                        try rt.setAttr(o, cur.names[a], v)
                    case .subscr:
                        // A list read by an int index in range: the item replaces the list on the
                        // stack (no dynamic cast, no argument copies); the rest in the Runtime.
                        if case .int(let n) = top[-1], let p = listItem(top - 2, n, rt.listClass) {
                            // [list, n] -> [item]: the item copied before the list goes.
                            top -= 1
                            copyValue(top, p)
                            dropSlot(top - 1)
                            moveValue(top - 1, top)
                            break
                        }
                        let ix = pop(), o = pop()
                        push(try engineGetItem(rt, o, ix))
                    case .subscrPair:
                        // A float tensor's element read straight from its storage (TensorFast);
                        // anything else is o[(i, j)].
                        if case .int(let i) = top[-2], case .int(let j) = top[-1],
                           case .tensor(let t) = top[-3], let r = TensorFast.read2(t, i, j) {
                            top -= 3
                            dropSlot(top)
                            push(r)
                            break
                        }
                        let ix = Value.object(PyTuple(take(&top, 2)))
                        let o = pop()
                        push(try engineGetItem(rt, o, ix))
                    case .storeSubscrPair:
                        let v = i.b == 1 ? pop() : top[-4]
                        if case .int(let i) = top[-2], case .int(let j) = top[-1],
                           case .tensor(let t) = top[-3], TensorFast.write2(t, i, j, v) {
                            top -= 3
                            dropSlot(top)
                        } else {
                            let ix = Value.object(PyTuple(take(&top, 2)))
                            let o = pop()
                            try engineSetItem(rt, o, ix, v)
                        }
                        if i.b == 0 { _ = pop() }
                    case .storeSubscr:
                        let ix = pop(), o = pop(), v = pop()
                        try engineSetItem(rt, o, ix, v)
                    case .buildList: push(.object(PyList(take(&top, a))))
                    case .buildTuple: push(.object(PyTuple(take(&top, a))))
                    case .listAppend:
                        let v = pop()
                        if case .object(let o) = top[-a] { unsafeDowncast(o, to: PyList.self).items.append(v) }
                    case .call:
                        try rt.tick()
                        // The function and its code are kept alive by the function on the stack:
                        // read without retains.
                        if let ufn = calleeFunction(top - (a &+ 1), rt) {
                            let ucode = ufn._withUnsafeGuaranteedRef { Unmanaged.passUnretained($0.code) }
                            if ucode._withUnsafeGuaranteedRef({ $0.inlineArity == a }) {
                                // A plain user function with exactly its positional arguments runs
                                // in this loop (CPython 3.11's inlined calls), this frame suspended.
                                // The function and its arguments become the callee's slots 0...a:
                                // in place on the engine stack (a callee already), else moved there.
                                let n = ucode._withUnsafeGuaranteedRef { $0.nslots }
                                let fn = top - (a &+ 1)
                                let base = rt.engine.pointee.values
                                let nl = depth > 0 ? fn : base
                                let end = nl + ucode._withUnsafeGuaranteedRef { $0.inlineFrameSize }
                                if end <= rt.engineStackEnd && rt.counters[0] < Runtime.maxDepth {
                                    let callee = ucode._withUnsafeGuaranteedRef { $0.engineRef.unsafelyUnwrapped }
                                    rt.counters[0] &+= 1
                                    if depth == 0 {
                                        // Element by element: a frame is a few slots, and the bulk
                                        // moves call memmove.
                                        var j = 0
                                        while j <= a { moveValue(nl + j, fn + j); j &+= 1 }
                                    }
                                    let undef = rt.undefinedBits
                                    var j = a &+ 1
                                    while j < n { storeBits(nl + j, undef); j &+= 1 }
                                    if ucode._withUnsafeGuaranteedRef({ $0.needsCells }) {
                                        ufn._withUnsafeGuaranteedRef { $0.setupCells(nl) }
                                    }
                                    rt.engine.pointee.frames.initialize(to: InlineFrame(
                                        code: running, ip: ip, top: fn, l: l, nslots: n, callee: ucode, base: base))
                                    rt.engine.pointee.frames += 1
                                    rt.engine.pointee.values = end > base ? end : base
                                    depth &+= 1
                                    running = callee
                                    l = nl
                                    ip = ins; top = nl + n
                                    break
                                }
                            }
                            if ucode._withUnsafeGuaranteedRef({ $0.simple && $0.nparams == a }) {
                                // Otherwise (a generator function, no room on the engine stack) the
                                // arguments move into a frame of their own (no array, no binding).
                                top -= a
                                let r = try runInOwnFrame(rt, ufn, ucode._withUnsafeGuaranteedRef { $0.nslots }, top, a)
                                top -= 1
                                dropSlot(top)
                                push(r)
                                break
                            }
                        }
                        let args = take(&top, a)
                        var f = pop()
                        if case .callee(let u) = f { f = .object(u.takeUnretainedValue()) }
                        push(try rt.call(f, args, []))
                    case .returnValue, .returnLocal:
                        // The result moves out of its stack or slot place (no retain): a returned
                        // local's slot is left unbound, so the frame's end does not release it.
                        let src: UnsafeMutablePointer<Value>
                        if i.op == .returnValue { top -= 1; src = top } else {
                            src = l + a
                            if case .undefined = src.pointee { throw unbound(cur.slotNames[a]) }
                        }
                        // b: the compiler left values under the result (a loop's iterator).
                        if i.b != 0 { clear(to: 0) } else { assert(top == stack, "a return's stack not empty") }
                        if depth == 0 {
                            let r = src.move()
                            if i.op == .returnLocal { storeBits(src, rt.undefinedBits) }
                            return r
                        }
                        let bits = UnsafeRawPointer(src).load(as: ValueBits.self)
                        if i.op == .returnLocal { storeBits(src, rt.undefinedBits) }
                        // Back to the caller suspended in this loop: the callee's frame goes
                        // (slot 0, the function, with it) and the result takes the function's
                        // place on the caller's stack.
                        let f = leave()
                        top = f.top
                        storeBits(top, bits)
                        top += 1
                    case .reraise:
                        throw rt.handling.removeLast()
                    case .excMatch:
                        let t = pop()
                        let e = rt.handling[rt.handling.count - 1]
                        if try rt.exceptionMatches(e.exc, t) { e.pending = nil } else { ip = ins + a }
                    case .yieldValue:
                        st.yielded = true
                        return pop()
                    case .yieldFrom:
                        // [iterator, sent value]: a value from the inner iterator is yielded and this
                        // instruction runs again on resumption; its end pushes its return value.
                        let v = pop()
                        guard case .object(let o) = peek() else { break }
                        let (r, more) = try cur.yieldFromStep(rt, o, v)
                        if more {
                            ip -= 1
                            st.yielded = true
                            return r
                        }
                        _ = pop()
                        push(r)
                    }
                }
            } catch {
                let e = asPyError(error)
                while true {
                    let at = ip - ins - 1
                    if e.pending == nil { e.pending = cur.locs[at] }
                    var target = -1
                    for h in cur.handlers where Int(h.start) <= at && at < Int(h.end) {
                        clear(to: Int(h.depth))
                        if h.kind == .cleanup { rt.handling.removeLast(); continue }
                        if h.kind == .except && rt.isStopping(e) { continue }
                        target = Int(h.target)
                        break
                    }
                    if target >= 0 {
                        rt.handling.append(e)
                        ip = ins + target
                        break
                    }
                    clear(to: 0)
                    if depth == 0 { throw e }
                    // The callee's frame ends as a function's does (a traceback entry); the
                    // exception goes on from its call in the caller.
                    let callee = (rt.engine.pointee.frames - 1).pointee.callee.takeUnretainedValue()
                    let loc = e.pending ?? callee.location
                    e.frames.append(CellError.TraceFrame(location: loc, function: callee.name, sourceLine: rt.sourceLines[loc.line]))
                    e.pending = nil
                    let f = leave()
                    top = f.top
                }
            }
        }
    }
}
