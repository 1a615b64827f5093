import Autograd

/// The dispatch loop. Hot cases are inline (int/float fast paths, list reads, direct calls);
/// everything else goes to the out-of-line helpers of Machine+Slow.swift, which raise exactly
/// the errors the closure compiler raises for the same code.
extension VMCode {
    func execute(_ rt: Runtime, _ entry: Frame) throws -> Value {
        // The running body (`cur`) and its hot tables in locals; calls to register-form
        // functions push the caller's state on `rt.vmFrames` and continue in this loop (no Swift
        // recursion), their frames living on the runtime's value stack.
        var cur = Unmanaged.passUnretained(self)
        var curFn: Unmanaged<PyFunction>?
        var curLive = 0, curSlots = 0
        // Callers pushed by this activation sit at vmFrames[base..<vm[1]].
        let frameBase = rt.vm[1]
        var l = entry
        var ins = self.ins, globals = self.globals, evals = self.evals, execs = self.execs
        var conds = self.conds, kpool = self.consts
        let listType = self.listType, functionType = self.functionType
        var pc = 0
        @inline(__always) func load() {
            cur._withUnsafeGuaranteedRef { c in
                ins = c.ins; globals = c.globals; evals = c.evals; execs = c.execs; conds = c.conds; kpool = c.consts
            }
        }
        // The entry frame was set up by the caller: the constants' registers still hold
        // `.undefined` (trivial), so they are overwritten without a destroy.
        UnsafeMutableRawPointer(l + frameConstBase).copyMemory(from: frameConsts, byteCount: nframeConsts * MemoryLayout<Value>.stride)
        @inline(__always) func C() -> VMCode { cur.takeUnretainedValue() }
        @inline(__always) func P(_ x: Int32) -> UnsafeMutablePointer<Value> { l + Int(x) }
        @inline(__always) func holds<T: IntCmp>(_: T.Type, _ i: Ins) throws -> Bool {
            if case .int(let x) = P(i.a).pointee, case .int(let y) = P(i.b).pointee { return T.test(x, y) }
            return try C().compare(rt, l, i)
        }
        /// The operand a guard clause returns (an unbound local is reported at the `return`).
        @inline(__always) func retOperand(_ x: Int32) throws -> Value {
            let p = P(x)
            if case .undefined = p.pointee { throw C().unboundAt(x, pc) }
            let r = p.move()
            p.initialize(to: .undefined)
            return r
        }
        /// Starts `fn` in this loop when it is a plain register-form function.
        @inline(__always) func enter(_ u: Unmanaged<PyFunction>, _ base: Frame, _ argc: Int) throws -> Bool {
            try u._withUnsafeGuaranteedRef { fn in
                let code = fn.code
                guard code.inlineArity == argc, let vm = code.vmRef else { return false }
                let n = code.nslots
                let top = rt.vm[0], ftop = rt.vm[1]
                guard top + n <= Runtime.vmStackCapacity, ftop < Runtime.vmFramesCapacity else { return false }
                let stack = rt.vmStack + top
                rt.counters[0] &+= 1
                if rt.counters[0] > Runtime.maxDepth {
                    rt.counters[0] &-= 1
                    throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded")
                }
                rt.vm[0] = top + n
                // Slot 0, the locals and temporaries unbound, the constants: one copy of the
                // body's frame template (all trivial values); then the arguments moved in.
                vm._withUnsafeGuaranteedRef { c in
                    UnsafeMutableRawPointer(stack).copyMemory(from: c.template, byteCount: n * MemoryLayout<Value>.stride)
                }
                var k = 0
                while k < argc {
                    (stack + 1 + k).initialize(to: (base + k).move())
                    (base + k).initialize(to: .undefined)
                    k += 1
                }
                (rt.vmFrames + ftop).initialize(to: VMFrame(code: cur, fn: curFn, pc: pc, l: l, live: curLive, slots: curSlots))
                rt.vm[1] = ftop + 1
                cur = vm; curFn = u; l = stack; pc = 0; curLive = code.nlive; curSlots = n
                load()
                return true
            }
        }
        /// Leaves a pushed frame: the caller continues after its call with the result.
        @inline(__always) func leave(_ r: __owned Value) {
            deinitFrame(l, curLive)
            rt.vm[0] &-= curSlots
            rt.counters[0] &-= 1
            let ftop = rt.vm[1] - 1
            rt.vm[1] = ftop
            let f = rt.vmFrames[ftop]
            cur = f.code; curFn = f.fn; pc = f.pc; l = f.l; curLive = f.live; curSlots = f.slots
            cur._withUnsafeGuaranteedRef { c in
                ins = c.ins; globals = c.globals; evals = c.evals; execs = c.execs; conds = c.conds; kpool = c.consts
            }
            put(l + Int(ins[pc].d), r)
            pc += 1
        }
        do {
            while true {
                let i = ins[pc]
                switch i.op {
                case .move:
                    let p = P(i.a)
                    if case .undefined = p.pointee { throw unbound(C().slotNames[Int(i.a)]) }
                    putCopy(l + Int(i.d), p)
                    pc += 1
                case .loadK:
                    put(l + Int(i.d), kpool[Int(i.b)])
                    pc += 1
                case .loadGlobal:
                    let v = globals[Int(i.b)].pointee
                    if case .undefined = v { put(l + Int(i.d), try C().globalFallbackValue(Int(i.b))) } else { put(l + Int(i.d), v) }
                    pc += 1
                case .needGlobal:
                    if case .undefined = globals[Int(i.b)].pointee { _ = try C().globalFallbackValue(Int(i.b)) }
                    pc += 1
                case .eval:
                    put(l + Int(i.d), try evals[Int(i.b)]._withUnsafeGuaranteedRef { try $0.f(l) })
                    pc += 1
                case .exec:
                    switch try execs[Int(i.a)]._withUnsafeGuaranteedRef({ try $0.f(l) }) {
                    case .normal: pc += 1
                    case .returned: do { let r = takeResult(l); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    case .breakLoop:
                        if i.b < 0 { let r = takeResult(l); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                        pc = Int(i.b)
                    case .continueLoop:
                        if i.c < 0 { let r = takeResult(l); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                        pc = Int(i.c)
                    }
                case .add:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { put(l + Int(i.d), .int(r)); pc += 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.d), .float(x + y)); pc += 1; continue
                    }
                    put(l + Int(i.d), try C().arith(AddOp.self, rt, l, i))
                    pc += 1
                case .sub:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.subtractingReportingOverflow(y)
                        if !o { put(l + Int(i.d), .int(r)); pc += 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.d), .float(x - y)); pc += 1; continue
                    }
                    put(l + Int(i.d), try C().arith(SubOp.self, rt, l, i))
                    pc += 1
                case .mul:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.multipliedReportingOverflow(by: y)
                        if !o { put(l + Int(i.d), .int(r)); pc += 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.d), .float(x * y)); pc += 1; continue
                    }
                    put(l + Int(i.d), try C().arith(MulOp.self, rt, l, i))
                    pc += 1
                case .binop:
                    put(l + Int(i.d), try C().binop(rt, l, i))
                    pc += 1
                case .inplace:
                    let pa = P(i.a), pb = P(i.b)
                    if i.x < 3 {
                        if case .float(let x) = pa.pointee {
                            var y = 0.0
                            if case .float(let f) = pb.pointee { y = f } else if case .int(let n) = pb.pointee { y = Double(n) } else {
                                put(l + Int(i.d), try C().inplace(rt, l, i)); pc += 1; continue
                            }
                            put(l + Int(i.d), .float(i.x == 0 ? x + y : i.x == 1 ? x - y : x * y))
                            pc += 1
                            continue
                        }
                        if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                            let (r, o) = i.x == 0 ? x.addingReportingOverflow(y)
                                : i.x == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                            if !o { put(l + Int(i.d), .int(r)); pc += 1; continue }
                        }
                    }
                    put(l + Int(i.d), try C().inplace(rt, l, i))
                    pc += 1
                case .jnEq: pc = try holds(EqCmp.self, i) ? pc + 1 : Int(i.c)
                case .jnNe: pc = try holds(NeCmp.self, i) ? pc + 1 : Int(i.c)
                case .jnLt: pc = try holds(LtCmp.self, i) ? pc + 1 : Int(i.c)
                case .jnLe: pc = try holds(LeCmp.self, i) ? pc + 1 : Int(i.c)
                case .jnGt: pc = try holds(GtCmp.self, i) ? pc + 1 : Int(i.c)
                case .jnGe: pc = try holds(GeCmp.self, i) ? pc + 1 : Int(i.c)
                case .riEq: if try holds(EqCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .riNe: if try holds(NeCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .riLt: if try holds(LtCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .riLe: if try holds(LeCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .riGt: if try holds(GtCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .riGe: if try holds(GeCmp.self, i) { let r = try retOperand(i.c); if rt.vm[1] == frameBase { return r }; leave(r); continue }; pc += 1
                case .addRet:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { let v = Value.int(r); let r = v; if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        do { let r = Value.float(x + y); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    }
                    do { let r = try C().arith(AddOp.self, rt, l, i); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                case .subRet:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.subtractingReportingOverflow(y)
                        if !o { let v = Value.int(r); let r = v; if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        do { let r = Value.float(x - y); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    }
                    do { let r = try C().arith(SubOp.self, rt, l, i); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                case .mulRet:
                    let pa = P(i.a), pb = P(i.b)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.multipliedReportingOverflow(by: y)
                        if !o { let v = Value.int(r); let r = v; if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        do { let r = Value.float(x * y); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                    }
                    do { let r = try C().arith(MulOp.self, rt, l, i); if rt.vm[1] == frameBase { return r }; leave(r); continue }
                case .arithIndex2:
                    if case .int(let i1) = P(i.b).pointee, case .int(let j1) = P(i.c).pointee,
                       case .int(let i2) = P(i.f).pointee, case .int(let j2) = P(i.g).pointee,
                       let x = vmReadNumber2(P(i.a), i1, j1, listType), let y = vmReadNumber2(P(i.e), i2, j2, listType) {
                        if case .float(let u) = x, case .float(let w) = y {
                            put(l + Int(i.d), .float(i.x == 0 ? u + w : i.x == 1 ? u - w : u * w))
                            pc += 1
                            continue
                        }
                        if case .int(let u) = x, case .int(let w) = y {
                            let (r, o) = i.x == 0 ? u.addingReportingOverflow(w)
                                : i.x == 1 ? u.subtractingReportingOverflow(w) : u.multipliedReportingOverflow(by: w)
                            if !o { put(l + Int(i.d), .int(r)); pc += 1; continue }
                        }
                    }
                    put(l + Int(i.d), try C().arithIndex2(rt, l, i))
                    pc += 1
                case .condJump:
                    pc = try conds[Int(i.a)]._withUnsafeGuaranteedRef { try $0.f(l) } ? pc + 1 : Int(i.c)
                case .jump:
                    pc = Int(i.c)
                case .loopBack:
                    try rt.tick()
                    pc = Int(i.c)
                case .rangeCheck:
                    pc = C().isBuiltinRange(Int(i.a)) ? pc + 1 : Int(i.c)
                case .rangePrep:
                    try C().rangePrep(l, i)
                    pc += 1
                case .forRange:
                    let c = l + Int(i.a)
                    if case .int(let cur) = c.pointee, case .int(let stop) = c[1], case .int(let step) = c[2],
                       step > 0 ? cur < stop : cur > stop {
                        put(l + Int(i.b), .int(cur))
                        pc += 1
                    } else {
                        pc = Int(i.c)
                    }
                case .forRangeNext:
                    try rt.tick()
                    let c = l + Int(i.a)
                    if case .int(let cur) = c.pointee, case .int(let step) = c[2] {
                        let (n, o) = cur.addingReportingOverflow(step)
                        if !o { c.initialize(to: .int(n)); pc = Int(i.c); continue }
                    }
                    pc += 1
                case .iterPrep:
                    try C().iterPrep(rt, l, i)
                    pc += 1
                case .iterNext:
                    let s = l + Int(i.a)
                    if case .int(let n) = s[1], n >= 0, let lu = vmList(s, listType) {
                        let v: Value? = lu._withUnsafeGuaranteedRef { list in n < list.items.count ? list.items[n] : nil }
                        if let v {
                            s[1] = .int(n + 1)
                            put(l + Int(i.b), v)
                            pc += 1
                        } else {
                            pc = Int(i.c)
                        }
                    } else if let v = try C().iterNext(s) {
                        put(l + Int(i.b), v)
                        pc += 1
                    } else {
                        pc = Int(i.c)
                    }
                case .callGlobal:
                    try rt.tick()
                    let base = l + Int(i.c), argc = Int(i.x)
                    let r: Value
                    if let u = vmFunction(globals[Int(i.b)], functionType) {
                        if try enter(u, base, argc) { continue }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, argc) }
                    } else {
                        r = try C().callGlobalSlow(rt, Int(i.b), base, argc)
                    }
                    put(l + Int(i.d), r)
                    pc += 1
                case .callArith1:
                    let pa = P(i.a), pb = P(i.b), base = l + Int(i.c)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (v, o) = i.x == 0 ? x.addingReportingOverflow(y)
                            : i.x == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                        if o { put(base, try C().arith3(rt, l, i)) } else { put(base, .int(v)) }
                    } else {
                        put(base, try C().arith3(rt, l, i))
                    }
                    try rt.tick()
                    let r: Value
                    if let u = vmFunction(globals[Int(i.e)], functionType) {
                        if try enter(u, base, 1) { continue }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, 1) }
                    } else {
                        r = try C().callGlobalSlow(rt, Int(i.e), base, 1)
                    }
                    put(l + Int(i.d), r)
                    pc += 1
                case .callReg:
                    try rt.tick()
                    let base = l + Int(i.c), argc = Int(i.x)
                    let pf = P(i.b)
                    let r: Value
                    if let u = vmFunction(pf, functionType) {
                        if try enter(u, base, argc) { continue }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, argc) }
                    } else {
                        if case .undefined = pf.pointee { throw unbound(C().slotNames[Int(i.b)]) }
                        r = try rt.call(pf.pointee, takeArgs(base, argc), [])
                    }
                    put(l + Int(i.d), r)
                    pc += 1
                case .index:
                    let po = P(i.a), pi = P(i.b)
                    if case .int(let ix) = pi.pointee, let v = vmItem(po, ix, listType, { $0.pointee }) {
                        put(l + Int(i.d), v)
                        pc += 1
                        continue
                    }
                    put(l + Int(i.d), try C().index(rt, l, i))
                    pc += 1
                case .index2:
                    if case .int(let ix) = P(i.b).pointee, case .int(let jx) = P(i.c).pointee,
                       let v = vmRead2(P(i.a), ix, jx, listType) {
                        put(l + Int(i.d), v)
                        pc += 1
                        continue
                    }
                    put(l + Int(i.d), try C().index2(rt, l, i))
                    pc += 1
                case .storeIndex:
                    let po = P(i.a), pi = P(i.b), pv = P(i.c)
                    if case .int(let ix) = pi.pointee, let lu = vmList(po, listType), vmBound(pv) {
                        let done: Bool = lu._withUnsafeGuaranteedRef { list in
                            let n = list.items.count
                            let j = ix < 0 ? ix + n : ix
                            guard j >= 0 && j < n else { return false }
                            list.items[j] = pv.pointee
                            return true
                        }
                        if done { pc += 1; continue }
                    }
                    try C().storeIndex(rt, l, i)
                    pc += 1
                case .augIndex2:
                    if case .int(let ix) = P(i.b).pointee, case .int(let jx) = P(i.c).pointee,
                       try vmAugWrite2(P(i.a), ix, jx, i.x, P(i.d), listType) {
                        pc += 1
                        continue
                    }
                    try C().augIndex2(rt, l, i)
                    pc += 1
                case .ret:
                    let p = P(i.a)
                    if case .undefined = p.pointee { throw unbound(C().slotNames[Int(i.a)]) }
                    let r = p.move()
                    p.initialize(to: .undefined)
                    if rt.vm[1] == frameBase { return r }
                    leave(r)
                case .retNone:
                    if rt.vm[1] == frameBase { return .none }
                    leave(.none)
                }
            }
        } catch {
            let e = asPyError(error)
            if e.pending == nil { e.pending = C().locs[pc] }
            // Unwind the pushed frames, each adding its traceback entry as PyFunction.run does.
            while rt.vm[1] > frameBase {
                rt.vm[1] -= 1
                let f = rt.vmFrames[rt.vm[1]]
                if let u = curFn {
                    u._withUnsafeGuaranteedRef { fn in
                        let loc = e.pending ?? fn.code.location
                        e.frames.append(CellError.TraceFrame(location: loc, function: fn.code.name, sourceLine: rt.sourceLines[loc.line]))
                    }
                }
                deinitFrame(l, curLive)
                rt.vm[0] -= curSlots
                rt.counters[0] &-= 1
                cur = f.code; curFn = f.fn; pc = f.pc; l = f.l; curLive = f.live; curSlots = f.slots
                e.pending = C().locs[pc]
            }
            throw e
        }
    }
}

/// A caller suspended while a register-form callee runs in the same loop.
struct VMFrame {
    var code: Unmanaged<VMCode>
    var fn: Unmanaged<PyFunction>?
    var pc: Int
    var l: Frame
    var live: Int
    var slots: Int
}

/// Stores into a register, destroying its old value only when it holds a reference.
@inline(__always) func put(_ p: UnsafeMutablePointer<Value>, _ v: __owned Value) {
    switch p.pointee {
    case .str, .object, .tensor: p.pointee = v
    default: p.initialize(to: v)
    }
}

/// Both operands as doubles when they are floats and ints with at least one float.
@inline(__always) func vmFloats(_ a: UnsafePointer<Value>, _ b: UnsafePointer<Value>) -> (Double, Double)? {
    let x: Double, y: Double
    var anyFloat = false
    switch a.pointee {
    case .float(let f): x = f; anyFloat = true
    case .int(let n): x = Double(n)
    default: return nil
    }
    switch b.pointee {
    case .float(let f): y = f; anyFloat = true
    case .int(let n): y = Double(n)
    default: return nil
    }
    return anyFloat ? (x, y) : nil
}

/// Copies a value into a register; ints and floats without the general copy.
@inline(__always) func putCopy(_ p: UnsafeMutablePointer<Value>, _ v: UnsafePointer<Value>) {
    switch v.pointee {
    case .float(let f): put(p, .float(f))
    case .int(let n): put(p, .int(n))
    default: put(p, v.pointee)
    }
}

@inline(__always) func vmBound(_ p: UnsafePointer<Value>) -> Bool {
    if case .undefined = p.pointee { return false }
    return true
}

/// The function's result left in slot 0 by a closure-compiled statement.
@inline(__always) func takeResult(_ l: Frame) -> Value {
    let r = l.move()
    l.initialize(to: .undefined)
    if case .undefined = r { return .none }
    return r
}

/// The list in a register, unretained (the register keeps it alive).
@inline(__always) func vmList(_ p: UnsafePointer<Value>, _ listType: ObjectIdentifier) -> Unmanaged<PyList>? {
    if case .object(let o) = p.pointee, ObjectIdentifier(type(of: o)) == listType {
        return .passUnretained(unsafeDowncast(o, to: PyList.self))
    }
    return nil
}

/// The plain user function in a register, unretained.
@inline(__always) func vmFunction(_ p: UnsafePointer<Value>, _ functionType: ObjectIdentifier) -> Unmanaged<PyFunction>? {
    if case .object(let o) = p.pointee, ObjectIdentifier(type(of: o)) == functionType {
        return .passUnretained(unsafeDowncast(o, to: PyFunction.self))
    }
    return nil
}

/// Item `i` of the list in a register, read through `body` (nil when out of range); nothing
/// is retained.
@inline(__always) func vmItem<R>(_ p: UnsafePointer<Value>, _ i: Int, _ listType: ObjectIdentifier,
                                 _ body: (UnsafePointer<Value>) throws -> R?) rethrows -> R? {
    guard let lu = vmList(p, listType) else { return nil }
    return try lu._withUnsafeGuaranteedRef { list in
        // The storage is read in place: no closure, so no retain of the array buffer.
        let n = list.items.count
        let j = i < 0 ? i + n : i
        guard j >= 0 && j < n, let base = list.items._baseAddressIfContiguous else { return nil }
        return try body(base + j)
    }
}

/// `x[i][j]` on a list of lists with ints in range; nil otherwise (nothing is retained).
@inline(__always) func vmRead2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ listType: ObjectIdentifier) -> Value? {
    vmItem(p, i, listType) { row in vmItem(row, j, listType) { $0.pointee } }
}

/// `x[i][j]` when it is an int or a float (nothing is retained).
@inline(__always) func vmReadNumber2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ listType: ObjectIdentifier) -> Value? {
    vmItem(p, i, listType) { row in
        vmItem(row, j, listType) { x -> Value? in
            switch x.pointee {
            case .float(let f): return .float(f)
            case .int(let n): return .int(n)
            default: return nil
            }
        }
    }
}

/// `x[i][j] op= y` (op 0 add, 1 sub, 2 mul) on a list of lists of numbers; false when the
/// shapes or types are not the fast ones (nothing has changed then).
@inline(__always) func vmAugWrite2(_ p: UnsafePointer<Value>, _ i: Int, _ j: Int, _ op: UInt8, _ yp: UnsafePointer<Value>,
                                   _ listType: ObjectIdentifier) throws -> Bool {
    let done: Bool? = try vmItem(p, i, listType) { rowp -> Bool? in
        guard let ru = vmList(rowp, listType) else { return false }
        return try ru._withUnsafeGuaranteedRef { row in
            let m = row.items.count
            let jj = j < 0 ? j + m : j
            guard jj >= 0 && jj < m else { return false }
            return try row.items.withUnsafeMutableBufferPointer { buf in
                let xp = buf.baseAddress! + jj
                if case .float(let x) = xp.pointee {
                    let y: Double
                    if case .float(let f) = yp.pointee { y = f } else if case .int(let n) = yp.pointee { y = Double(n) } else { return false }
                    xp.initialize(to: .float(op == 0 ? x + y : op == 1 ? x - y : x * y))
                    return true
                }
                if case .int(let x) = xp.pointee {
                    if case .int(let y) = yp.pointee {
                        let (r, o) = op == 0 ? x.addingReportingOverflow(y)
                            : op == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                        if o { throw PyError.intOverflow }
                        xp.initialize(to: .int(r))
                        return true
                    }
                    if case .float(let y) = yp.pointee {
                        let xd = Double(x)
                        xp.initialize(to: .float(op == 0 ? xd + y : op == 1 ? xd - y : xd * y))
                        return true
                    }
                }
                return false
            }
        }
    }
    return done ?? false
}

/// Calls a user function with the `argc` arguments in registers `base...` (moved out): a
/// frame filled in place when the parameters are plain, Python's binding rules otherwise.
@inline(__always) func vmCall(_ rt: Runtime, _ fn: PyFunction, _ base: Frame, _ argc: Int) throws -> Value {
    if fn.code.simple && fn.code.nparams == argc {
        let n = fn.code.nlive
        return try withUnsafeTemporaryAllocation(of: Value.self, capacity: fn.code.nslots) { buf in
            let nl = buf.baseAddress!
            nl.initialize(to: .undefined)
            var k = 0
            while k < argc {
                (nl + 1 + k).initialize(to: (base + k).move())
                (base + k).initialize(to: .undefined)
                k += 1
            }
            initFrame(nl + 1 + argc, n - 1 - argc)
            defer { deinitFrame(nl, n) }
            return try fn.run(rt, nl)
        }
    }
    return try fn.invoke(rt, takeArgs(base, argc), [])
}

/// The arguments in registers `base...` as an array (moved out).
func takeArgs(_ base: Frame, _ argc: Int) -> [Value] {
    var out: [Value] = []
    out.reserveCapacity(argc)
    for i in 0..<argc {
        out.append((base + i).move())
        (base + i).initialize(to: .undefined)
    }
    return out
}
