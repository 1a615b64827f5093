import NNSyntax
import Autograd

/// The dispatch loop. Hot cases are inline (int/float fast paths, list reads, direct calls);
/// everything else goes to the out-of-line helpers of Machine+Slow.swift, which raise exactly
/// the errors the closure compiler raises for the same code.
extension VMCode {
    func execute(_ rt: Runtime, _ entry: Frame) throws -> Value {
        // The running body (`cur`) with its instructions and globals in locals. A call to a
        // register-form function pushes the caller's state on `rt.vmFrames` and continues in
        // this loop (no Swift recursion), its frame on the runtime's value stack. No nested
        // function touches these variables, so they stay in registers.
        var cur = Unmanaged.passUnretained(self)
        let frameBase = rt.vm[1]
        var l = entry
        var ins = self.ins, globals = self.globals
        let listType = self.listType, functionType = self.functionType
        var pc = 0
        // The entry frame was set up by the caller: the constants' registers still hold
        // `.undefined` (trivial), so they are overwritten without a destroy.
        vmCopyTrivial(l + frameConstBase, frameConsts, nframeConsts)
        do {
            while true {
                // Fields are read where used (not all of them up front).
                let i = ins + pc
                // Set by the instructions that return from the current frame.
                let r: Value
                switch i.pointee.op {
                case .move:
                    let p = (l + Int(i.pointee.a))
                    if case .undefined = p.pointee { throw unbound(cur.takeUnretainedValue().slotNames[Int(i.pointee.a)]) }
                    putCopy(l + Int(i.pointee.d), p)
                    pc &+= 1
                    continue
                case .loadK:
                    put(l + Int(i.pointee.d), cur._withUnsafeGuaranteedRef { $0.consts[Int(i.pointee.b)] })
                    pc &+= 1
                    continue
                case .loadGlobal:
                    let v = globals[Int(i.pointee.b)].pointee
                    if case .undefined = v { put(l + Int(i.pointee.d), try cur.takeUnretainedValue().globalFallbackValue(Int(i.pointee.b))) } else { put(l + Int(i.pointee.d), v) }
                    pc &+= 1
                    continue
                case .needGlobal:
                    if case .undefined = globals[Int(i.pointee.b)].pointee { _ = try cur.takeUnretainedValue().globalFallbackValue(Int(i.pointee.b)) }
                    pc &+= 1
                    continue
                case .eval:
                    put(l + Int(i.pointee.d), try cur._withUnsafeGuaranteedRef { c in try c.evals[Int(i.pointee.b)]._withUnsafeGuaranteedRef { try $0.f(l) } })
                    pc &+= 1
                    continue
                case .exec:
                    switch try cur._withUnsafeGuaranteedRef({ c in try c.execs[Int(i.pointee.a)]._withUnsafeGuaranteedRef { try $0.f(l) } }) {
                    case .normal: pc &+= 1; continue
                    case .returned: r = takeResult(l)
                    case .breakLoop:
                        if i.pointee.b < 0 { r = takeResult(l) } else { pc = Int(i.pointee.b); continue }
                    case .continueLoop:
                        if i.pointee.c < 0 { r = takeResult(l) } else { pc = Int(i.pointee.c); continue }
                    }
                case .add:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.addingReportingOverflow(y)
                        if !o { put(l + Int(i.pointee.d), .int(r)); pc &+= 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.pointee.d), .float(x + y)); pc &+= 1; continue
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().arith(AddOp.self, rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .sub:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.subtractingReportingOverflow(y)
                        if !o { put(l + Int(i.pointee.d), .int(r)); pc &+= 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.pointee.d), .float(x - y)); pc &+= 1; continue
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().arith(SubOp.self, rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .mul:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (r, o) = x.multipliedReportingOverflow(by: y)
                        if !o { put(l + Int(i.pointee.d), .int(r)); pc &+= 1; continue }
                    } else if let (x, y) = vmFloats(pa, pb) {
                        put(l + Int(i.pointee.d), .float(x * y)); pc &+= 1; continue
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().arith(MulOp.self, rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .binop:
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().binop(rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .inplace:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if i.pointee.x < 3 {
                        if case .float(let x) = pa.pointee {
                            var y = 0.0
                            if case .float(let f) = pb.pointee { y = f } else if case .int(let n) = pb.pointee { y = Double(n) } else {
                                put(l + Int(i.pointee.d), try cur.takeUnretainedValue().inplace(rt, l, i.pointee)); pc &+= 1; continue
                            }
                            put(l + Int(i.pointee.d), .float(i.pointee.x == 0 ? x + y : i.pointee.x == 1 ? x - y : x * y))
                            pc &+= 1
                            continue
                        }
                        if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                            let (r, o) = i.pointee.x == 0 ? x.addingReportingOverflow(y)
                                : i.pointee.x == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                            if !o { put(l + Int(i.pointee.d), .int(r)); pc &+= 1; continue }
                        }
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().inplace(rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .jnEq: pc = try vmHolds(EqCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .jnNe: pc = try vmHolds(NeCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .jnLt: pc = try vmHolds(LtCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .jnLe: pc = try vmHolds(LeCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .jnGt: pc = try vmHolds(GtCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .jnGe: pc = try vmHolds(GeCmp.self, rt, l, i.pointee, cur) ? pc &+ 1 : Int(i.pointee.c); continue
                case .riEq:
                    if try vmHolds(EqCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .riNe:
                    if try vmHolds(NeCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .riLt:
                    if try vmHolds(LtCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .riLe:
                    if try vmHolds(LeCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .riGt:
                    if try vmHolds(GtCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .riGe:
                    if try vmHolds(GeCmp.self, rt, l, i.pointee, cur) { r = try vmTake(l, i.pointee.c, cur, pc) } else { pc &+= 1; continue }
                case .addRet:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee, case (let v, false) = x.addingReportingOverflow(y) {
                        r = .int(v)
                    } else if let (x, y) = vmFloats(pa, pb) {
                        r = .float(x + y)
                    } else {
                        r = try cur.takeUnretainedValue().arith(AddOp.self, rt, l, i.pointee)
                    }
                case .subRet:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee, case (let v, false) = x.subtractingReportingOverflow(y) {
                        r = .int(v)
                    } else if let (x, y) = vmFloats(pa, pb) {
                        r = .float(x - y)
                    } else {
                        r = try cur.takeUnretainedValue().arith(SubOp.self, rt, l, i.pointee)
                    }
                case .mulRet:
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b))
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee, case (let v, false) = x.multipliedReportingOverflow(by: y) {
                        r = .int(v)
                    } else if let (x, y) = vmFloats(pa, pb) {
                        r = .float(x * y)
                    } else {
                        r = try cur.takeUnretainedValue().arith(MulOp.self, rt, l, i.pointee)
                    }
                case .arithIndex2, .arithIndex2Aug:
                    // A leaf function: its registers are its own, away from the loop's pressure.
                    let done = try vmArithIndex2(l, i, listType)
                    if done > 0 { pc &+= done; continue }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().arithIndex2(rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .condJump:
                    pc = try cur._withUnsafeGuaranteedRef { c in try c.conds[Int(i.pointee.a)]._withUnsafeGuaranteedRef { try $0.f(l) } } ? pc + 1 : Int(i.pointee.c)
                    continue
                case .jump:
                    pc = Int(i.pointee.c)
                    continue
                case .loopBack:
                    try rt.tick()
                    pc = Int(i.pointee.c)
                    continue
                case .rangeCheck:
                    pc = cur.takeUnretainedValue().isBuiltinRange(Int(i.pointee.a)) ? pc + 1 : Int(i.pointee.c)
                    continue
                case .rangePrep:
                    try cur.takeUnretainedValue().rangePrep(l, i.pointee)
                    pc &+= 1
                    continue
                case .forRange:
                    let c = l + Int(i.pointee.a)
                    if case .int(let cur) = c.pointee, case .int(let stop) = c[1], case .int(let step) = c[2],
                       step > 0 ? cur < stop : cur > stop {
                        put(l + Int(i.pointee.b), .int(cur))
                        pc &+= 1
                    } else {
                        pc = Int(i.pointee.c)
                    }
                    continue
                case .forRangeNext:
                    try rt.tick()
                    let c = l + Int(i.pointee.a)
                    // The counters are ints by construction (rangePrep): payloads read directly.
                    do {
                        let cur = UnsafeRawPointer(c).load(as: Int.self)
                        let stop = UnsafeRawPointer(c + 1).load(as: Int.self)
                        let step = UnsafeRawPointer(c + 2).load(as: Int.self)
                        // The next value goes straight into the target; the head is skipped.
                        let (n, o) = cur.addingReportingOverflow(step)
                        if !o && (step > 0 ? n < stop : n > stop) {
                            // The counter holds an int: only its payload changes.
                            UnsafeMutableRawPointer(c).storeBytes(of: n, as: Int.self)
                            put(l + Int(i.pointee.b), .int(n))
                            pc = Int(i.pointee.c)
                            continue
                        }
                    }
                    pc &+= 1
                    continue
                case .iterPrep:
                    try cur.takeUnretainedValue().iterPrep(rt, l, i.pointee)
                    pc &+= 1
                    continue
                case .iterNext:
                    let s = l + Int(i.pointee.a)
                    if case .int(let n) = s[1], n >= 0, let lu = vmList(s, listType) {
                        let v: Value? = lu._withUnsafeGuaranteedRef { list in n < list.items.count ? list.items[n] : nil }
                        if let v {
                            s[1] = .int(n + 1)
                            put(l + Int(i.pointee.b), v)
                            pc &+= 1
                        } else {
                            pc = Int(i.pointee.c)
                        }
                    } else if let v = try cur.takeUnretainedValue().iterNext(s) {
                        put(l + Int(i.pointee.b), v)
                        pc &+= 1
                    } else {
                        pc = Int(i.pointee.c)
                    }
                    continue
                case .callGlobal:
                    try rt.tick()
                    let base = l + Int(i.pointee.c), argc = Int(i.pointee.x)
                    let r: Value
                    if let u = vmFunction(globals[Int(i.pointee.b)], functionType) {
                        if let (nl, vm) = try vmEnter(rt, u, base, argc, cur, pc, l) {
                            cur = vm; l = nl; pc = 0
                            vm._withUnsafeGuaranteedRef { c in
                                ins = c.ins; globals = c.globals
                            }
                            continue
                        }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, argc) }
                    } else {
                        r = try cur.takeUnretainedValue().callGlobalSlow(rt, Int(i.pointee.b), base, argc)
                    }
                    put(l + Int(i.pointee.d), r)
                    pc &+= 1
                    continue
                case .callArith1:
                    // The function is checked first (NameError before the argument's errors).
                    if case .undefined = globals[Int(i.pointee.e)].pointee {
                        _ = try cur.takeUnretainedValue().globalFallbackValue(Int(i.pointee.e))
                    }
                    let pa = (l + Int(i.pointee.a)), pb = (l + Int(i.pointee.b)), base = l + Int(i.pointee.c)
                    if case .int(let x) = pa.pointee, case .int(let y) = pb.pointee {
                        let (v, o) = i.pointee.x == 0 ? x.addingReportingOverflow(y)
                            : i.pointee.x == 1 ? x.subtractingReportingOverflow(y) : x.multipliedReportingOverflow(by: y)
                        if o { put(base, try cur.takeUnretainedValue().arith3(rt, l, i.pointee)) } else { put(base, .int(v)) }
                    } else {
                        put(base, try cur.takeUnretainedValue().arith3(rt, l, i.pointee))
                    }
                    try rt.tick()
                    let r: Value
                    if let u = vmFunction(globals[Int(i.pointee.e)], functionType) {
                        if let (nl, vm) = try vmEnter(rt, u, base, 1, cur, pc, l) {
                            cur = vm; l = nl; pc = 0
                            vm._withUnsafeGuaranteedRef { c in
                                ins = c.ins; globals = c.globals
                            }
                            continue
                        }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, 1) }
                    } else {
                        r = try cur.takeUnretainedValue().callGlobalSlow(rt, Int(i.pointee.e), base, 1)
                    }
                    put(l + Int(i.pointee.d), r)
                    pc &+= 1
                    continue
                case .callReg:
                    try rt.tick()
                    let base = l + Int(i.pointee.c), argc = Int(i.pointee.x)
                    let pf = (l + Int(i.pointee.b))
                    let r: Value
                    if let u = vmFunction(pf, functionType) {
                        if let (nl, vm) = try vmEnter(rt, u, base, argc, cur, pc, l) {
                            cur = vm; l = nl; pc = 0
                            vm._withUnsafeGuaranteedRef { c in
                                ins = c.ins; globals = c.globals
                            }
                            continue
                        }
                        r = try u._withUnsafeGuaranteedRef { fn in try vmCall(rt, fn, base, argc) }
                    } else {
                        if case .undefined = pf.pointee { throw unbound(cur.takeUnretainedValue().slotNames[Int(i.pointee.b)]) }
                        r = try rt.call(pf.pointee, takeArgs(base, argc), [])
                    }
                    put(l + Int(i.pointee.d), r)
                    pc &+= 1
                    continue
                case .index:
                    let po = (l + Int(i.pointee.a)), pi = (l + Int(i.pointee.b))
                    if case .int(let ix) = pi.pointee, let v = vmItem(po, ix, listType, { $0.pointee }) {
                        put(l + Int(i.pointee.d), v)
                        pc &+= 1
                        continue
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().index(rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .index2:
                    if case .int(let ix) = (l + Int(i.pointee.b)).pointee, case .int(let jx) = (l + Int(i.pointee.c)).pointee,
                       let v = vmRead2((l + Int(i.pointee.a)), ix, jx, listType) {
                        put(l + Int(i.pointee.d), v)
                        pc &+= 1
                        continue
                    }
                    put(l + Int(i.pointee.d), try cur.takeUnretainedValue().index2(rt, l, i.pointee))
                    pc &+= 1
                    continue
                case .storeIndex:
                    let po = (l + Int(i.pointee.a)), pi = (l + Int(i.pointee.b)), pv = (l + Int(i.pointee.c))
                    if case .int(let ix) = pi.pointee, let lu = vmList(po, listType), vmBound(pv) {
                        let done: Bool = lu._withUnsafeGuaranteedRef { list in
                            let n = list.items.count
                            let j = ix < 0 ? ix + n : ix
                            guard j >= 0 && j < n else { return false }
                            list.items[j] = pv.pointee
                            return true
                        }
                        if done { pc &+= 1; continue }
                    }
                    try cur.takeUnretainedValue().storeIndex(rt, l, i.pointee)
                    pc &+= 1
                    continue
                case .augIndex2:
                    if case .int(let ix) = (l + Int(i.pointee.b)).pointee, case .int(let jx) = (l + Int(i.pointee.c)).pointee,
                       let y = vmNum(l + Int(i.pointee.d)), try vmAugWrite2((l + Int(i.pointee.a)), ix, jx, i.pointee.x, y, listType) {
                        pc &+= 1
                        continue
                    }
                    try cur.takeUnretainedValue().augIndex2(rt, l, i.pointee)
                    pc &+= 1
                    continue
                case .ret:
                    let p = (l + Int(i.pointee.a))
                    if case .undefined = p.pointee { throw unbound(cur.takeUnretainedValue().slotNames[Int(i.pointee.a)]) }
                    r = p.move()
                    p.initialize(to: .undefined)
                case .retNone:
                    r = .none
                }
                // Return `r` from the current frame: to this function's caller, or to the
                // register-form caller suspended on `rt.vmFrames`.
                if rt.vm[1] == frameBase { return r }
                let f = vmPop(rt, l)
                cur = f.code; l = f.l
                ins = f.code._withUnsafeGuaranteedRef { $0.ins }
                globals = f.code._withUnsafeGuaranteedRef { $0.globals }
                pc = f.pc
                put(l + Int(ins[pc].d), r)
                pc &+= 1
            }
        } catch {
            let e = asPyError(error)
            if e.pending == nil { e.pending = cur._withUnsafeGuaranteedRef { $0.locs[pc] } }
            // Unwind the pushed frames, each adding its traceback entry as PyFunction.run does.
            while rt.vm[1] > frameBase {
                rt.vm[1] -= 1
                let f = rt.vmFrames[rt.vm[1]]
                f.fn._withUnsafeGuaranteedRef { fn in
                    let loc = e.pending ?? fn.code.location
                    e.frames.append(CellError.TraceFrame(location: loc, function: fn.code.name, sourceLine: rt.sourceLines[loc.line]))
                }
                deinitFrame(l, f.live)
                rt.vm[0] -= f.slots
                rt.counters[0] &-= 1
                cur = f.code; pc = f.pc; l = f.l
                e.pending = cur._withUnsafeGuaranteedRef { $0.locs[pc] }
            }
            throw e
        }
    }
}

/// `a OP b` for a compare-and-branch or guard instruction; ints inline.
@inline(__always) func vmHolds<T: IntCmp>(_: T.Type, _ rt: Runtime, _ l: Frame, _ i: Ins, _ cur: Unmanaged<VMCode>) throws -> Bool {
    if case .int(let x) = (l + Int(i.a)).pointee, case .int(let y) = (l + Int(i.b)).pointee { return T.test(x, y) }
    return try cur._withUnsafeGuaranteedRef { try $0.compare(rt, l, i) }
}

/// The operand a guard clause returns, moved out (an unbound local is reported at the `return`).
@inline(__always) func vmTake(_ l: Frame, _ x: Int32, _ cur: Unmanaged<VMCode>, _ pc: Int) throws -> Value {
    let p = l + Int(x)
    if case .undefined = p.pointee { throw cur._withUnsafeGuaranteedRef { $0.unboundAt(x, pc) } }
    let r = p.move()
    p.initialize(to: .undefined)
    return r
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
