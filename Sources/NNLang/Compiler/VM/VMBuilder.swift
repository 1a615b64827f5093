import NNSyntax
/// Compiles a function body to register form (VMCode.swift). Statements without an instruction
/// of their own are compiled by the closure compiler and run through `exec`; so are
/// expressions, through `eval`. Temporaries are numbered from `tempBase` while building and
/// placed after every slot the closure compiler allocated once the body is done.
final class VMBuilder {
    unowned let c: Compiler
    var ins: [Ins] = []
    var locs: [SourceLocation] = []
    var extraLocs: [Int: SourceLocation] = [:]
    var consts: [Value] = []
    var evals: [EvalRef] = []
    var execs: [ExecRef] = []
    var conds: [CondRef] = []
    var globals: [GlobalBox] = []
    var globalFallback: [Value?] = []
    var loc: SourceLocation
    var tempTop: Int32 = 0
    var maxTemps: Int32 = 0
    struct Loop { var breaks: [Int] = []; var continues: [Int] = [] }
    var loops: [Loop] = []
    static let tempBase: Int32 = 1 << 24
    /// Registers holding ints, floats, bools and None constants, numbered from `constBase`
    /// while building and copied into the frame when the body starts.
    static let constBase: Int32 = 1 << 23
    var frameConsts: [Value] = []
    var constKeys: [String: Int32] = [:]

    init(_ c: Compiler, _ location: SourceLocation) {
        self.c = c
        loc = location
    }

    /// The body's code; the layout grows by the temporaries.
    func build(_ body: [Stmt]) -> VMCode {
        block(body)
        emit(.retNone)
        let base = Int32(c.layout.nslots)
        // Temporaries actually used (a fused return leaves its result temporary unused).
        var used: Int32 = 0
        for x in ins {
            var span: Int32 = 1
            switch x.op {
            case .callGlobal, .callReg: span = max(1, Int32(x.x))
            case .rangePrep, .forRange, .forRangeNext: span = 3
            case .iterPrep, .iterNext: span = 2
            default: break
            }
            for v in [x.a, x.b, x.c, x.d, x.e, x.f, x.g] where v >= VMBuilder.tempBase {
                used = max(used, v - VMBuilder.tempBase + span)
            }
        }
        maxTemps = min(maxTemps, used)
        let kbase = base + maxTemps
        for k in ins.indices {
            func fix(_ v: inout Int32) {
                if v >= VMBuilder.tempBase {
                    v = v - VMBuilder.tempBase + base
                } else if v >= VMBuilder.constBase {
                    v = v - VMBuilder.constBase + kbase
                }
            }
            fix(&ins[k].a); fix(&ins[k].b); fix(&ins[k].c); fix(&ins[k].d)
            fix(&ins[k].e); fix(&ins[k].f); fix(&ins[k].g)
        }
        c.layout.nslots += Int(maxTemps) + frameConsts.count
        var names = [String](repeating: "", count: c.layout.nslots)
        for (n, s) in c.layout.slots where s < names.count { names[s] = n }
        return VMCode(ins: ins, locs: locs, extraLocs: extraLocs, consts: consts,
                      frameConsts: frameConsts, frameConstBase: Int(kbase), nslots: c.layout.nslots, evals: evals, execs: execs, conds: conds,
                      globals: globals, globalFallback: globalFallback, slotNames: names,
                      rangeBuiltin: c.rt.builtins["range"])
    }

    // MARK: Emission

    var here: Int32 { Int32(ins.count) }

    @discardableResult
    func emit(_ op: VMOp, x: Int = 0, a: Int32 = 0, b: Int32 = 0, c: Int32 = 0, d: Int32 = 0,
              e: Int32 = 0, f: Int32 = 0, g: Int32 = 0) -> Int {
        ins.append(Ins(op: op, x: UInt8(x), a: a, b: b, c: c, d: d, e: e, f: f, g: g))
        locs.append(loc)
        return ins.count - 1
    }

    func patch(_ at: [Int], _ target: Int32) { for k in at { ins[k].c = target } }

    func newTemp() -> Int32 { temps(1) }

    /// `n` consecutive temporaries.
    func temps(_ n: Int) -> Int32 {
        let t = VMBuilder.tempBase + tempTop
        tempTop += Int32(n)
        maxTemps = max(maxTemps, tempTop)
        return t
    }

    /// A register holding constant `v`: a frame constant, or a temporary loaded from the
    /// constant pool for strings.
    func const(_ v: Value) -> Int32 {
        let key: String
        switch v {
        case .int(let n): key = "i\(n)"
        case .float(let d): key = "f\(d.bitPattern)"
        case .bool(let b): key = "b\(b)"
        case .none: key = "n"
        default:
            consts.append(v)
            let t = newTemp()
            emit(.loadK, b: Int32(consts.count - 1), d: t)
            return t
        }
        if let r = constKeys[key] { return r }
        frameConsts.append(v)
        let r = VMBuilder.constBase + Int32(frameConsts.count - 1)
        constKeys[key] = r
        return r
    }

    func global(_ box: GlobalBox) -> Int32 {
        if let k = globals.firstIndex(where: { $0 === box }) { return Int32(k) }
        globals.append(box)
        globalFallback.append(c.rt.builtins[box.name])
        return Int32(globals.count - 1)
    }

    func isLocalRegister(_ r: Int32) -> Bool { r >= 0 && r < VMBuilder.constBase }

    /// Runs a closure-compiled statement; its break/continue go to the enclosing loop.
    func exec(_ x: @escaping Exec) {
        execs.append(ExecRef(f: x))
        let k = emit(.exec, a: Int32(execs.count - 1), b: -1, c: -1)
        if !loops.isEmpty {
            loops[loops.count - 1].breaks.append(k)
            loops[loops.count - 1].continues.append(k)
        }
    }

    // MARK: Statements

    func block(_ stmts: [Stmt]) { for s in stmts { stmt(s) } }

    func stmt(_ s: Stmt) {
        loc = c.loc(s.range)
        let saved = tempTop
        defer { tempTop = saved }
        switch s.kind {
        case .expr(let e):
            if case .call = e.kind { _ = value(e, nil) } else { exec(c.stmtInner(s)) }
        case .assign(let targets, let v) where targets.count == 1:
            switch targets[0].kind {
            case .name(let n):
                if case .local(let slot) = c.resolve(n) { _ = value(v, Int32(slot)) } else { exec(c.stmtInner(s)) }
            case .subscript(let o, let idx) where !isTupleOrSlice(idx):
                let rv = pin(value(v, nil), [o, idx])
                let ro = pin(value(o, nil), [idx])
                let ri = value(idx, nil)
                emit(.storeIndex, a: ro, b: ri, c: rv)
            default:
                exec(c.stmtInner(s))
            }
        case .augAssign(let target, let op, let v):
            augAssign(s, target, op, v)
        case .if(let test, let body, let orelse):
            if orelse.isEmpty, body.count == 1, case .return(let re?) = body[0].kind, isPure(re),
               case .compare(let a, let cs) = test.kind, cs.count == 1, let ci = vmCompareOps.firstIndex(of: cs[0].op) {
                // `if a < b: return x` in one instruction.
                let ra = pin(value(a, nil), [cs[0].right])
                let rb = value(cs[0].right, nil)
                let rr = value(re, nil)
                let k = emit(VMOp(rawValue: VMOp.riEq.rawValue + UInt8(ci))!, x: ci, a: ra, b: rb, c: rr)
                extraLocs[k] = c.loc(body[0].range)
                return
            }
            let jf = condJump(test)
            block(body)
            if orelse.isEmpty {
                patch(jf, here)
            } else {
                let j = emit(.jump)
                patch(jf, here)
                block(orelse)
                patch([j], here)
            }
        case .while(_, let body, _) where body.allSatisfy(closureOnly):
            exec(c.stmtInner(s))
        case .for(_, _, let body, _) where body.allSatisfy(closureOnly):
            exec(c.stmtInner(s))
        case .while(let test, let body, let orelse):
            let head = here
            let jf = condJump(test)
            loops.append(Loop())
            block(body)
            let cont = here
            loc = c.loc(s.range)
            emit(.loopBack, c: head)
            let loop = loops.removeLast()
            patch(jf, here)
            block(orelse)
            fixBreaks(loop, here, cont)
        case .for(let target, let iter, let body, let orelse):
            forLoop(s, target, iter, body, orelse)
        case .break where !loops.isEmpty:
            loops[loops.count - 1].breaks.append(emit(.jump, c: -1))
        case .continue where !loops.isEmpty:
            loops[loops.count - 1].continues.append(emit(.jump, c: -2))
        case .return(let e):
            guard let e else { emit(.retNone); return }
            let r = value(e, nil)
            if r >= VMBuilder.tempBase, let last = ins.last, last.d == r {
                // `return a + b`: the operation returns its result itself.
                switch last.op {
                case .add: ins[ins.count - 1].op = .addRet; return
                case .sub: ins[ins.count - 1].op = .subRet; return
                case .mul: ins[ins.count - 1].op = .mulRet; return
                default: break
                }
            }
            emit(.ret, a: r)
        case .pass, .global, .nonlocal:
            break
        default:
            exec(c.stmtInner(s))
        }
    }

    /// Statements the builder leaves to the closure compiler: a loop made only of these runs
    /// as one closure (its own fast paths, no dispatch per iteration).
    func closureOnly(_ s: Stmt) -> Bool {
        switch s.kind {
        case .augAssign(let t, _, _):
            if case .subscript(_, let idx) = t.kind, case .tuple = idx.kind { return true }
            return false
        case .assign(let ts, _):
            if ts.count == 1, case .subscript(_, let idx) = ts[0].kind, case .tuple = idx.kind { return true }
            return false
        case .expr(let e):
            if case .call(let f, _) = e.kind, case .name = f.kind { return false }
            return true
        case .try, .with, .raise, .del, .assert, .import, .importFrom, .functionDef, .classDef: return true
        default: return false
        }
    }

    /// Break and continue sites of a finished loop: jumps get their target in `c`; `exec`
    /// sites keep theirs in `b` (break) and `c` (continue).
    func fixBreaks(_ loop: Loop, _ end: Int32, _ cont: Int32) {
        for k in loop.breaks {
            if ins[k].op == .exec { ins[k].b = end } else { ins[k].c = end }
        }
        for k in loop.continues {
            ins[k].c = cont
        }
    }

    func forLoop(_ s: Stmt, _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) {
        guard case .name(let tn) = target.kind, case .local(let slot) = c.resolve(tn) else {
            exec(c.stmtInner(s))
            return
        }
        let forLoc = loc
        if case .call(let f, let args) = iter.kind, case .name("range") = f.kind, (1...3).contains(args.count),
           case .global(let box) = c.resolve("range"),
           args.allSatisfy({ if case .positional = $0 { return true }; return false }) {
            // `for x in range(...)` on ints in registers; any other `range` runs the closure form.
            let rc = emit(.rangeCheck, a: global(box))
            let base = temps(3)
            for (k, a) in args.enumerated() {
                if case .positional(let e) = a { _ = value(e, base + Int32(k)) }
            }
            loc = forLoc
            emit(.rangePrep, x: args.count, a: base)
            let head = emit(.forRange, a: base, b: Int32(slot))
            loops.append(Loop())
            block(body)
            let cont = here
            loc = forLoc
            emit(.forRangeNext, a: base, b: Int32(slot), c: Int32(head) + 1)
            let loop = loops.removeLast()
            patch([head], here)
            block(orelse)
            let j = emit(.jump)
            patch([rc], here)
            loc = forLoc
            exec(c.stmtInner(s))
            patch([j], here)
            fixBreaks(loop, here, cont)
            return
        }
        let base = temps(2)
        let r = value(iter, nil)
        loc = forLoc
        emit(.iterPrep, a: base, b: r)
        let head = emit(.iterNext, a: base, b: Int32(slot))
        loops.append(Loop())
        block(body)
        let cont = here
        loc = forLoc
        emit(.loopBack, c: Int32(head))
        let loop = loops.removeLast()
        patch([head], here)
        block(orelse)
        fixBreaks(loop, here, cont)
    }

    func augAssign(_ s: Stmt, _ target: Expr, _ op: BinaryOp, _ v: Expr) {
        let oi = vmBinaryOps.firstIndex(of: op)!
        switch target.kind {
        case .name(let n):
            guard case .local(let slot) = c.resolve(n) else { exec(c.stmtInner(s)); return }
            if c.isPlainValue(v) {
                // Nothing in the value can see the variable: value first, one instruction.
                let rv = value(v, nil)
                emit(.inplace, x: oi, a: Int32(slot), b: rv, d: Int32(slot))
                return
            }
            // Python's order: the variable (unbound fails here), then the value.
            let t = newTemp()
            emit(.move, a: Int32(slot), d: t)
            let rv = value(v, nil)
            emit(.inplace, x: oi, a: t, b: rv, d: Int32(slot))
        case .subscript(let o, let idx) where !isTupleOrSlice(idx):
            if case .subscript(let inner, let innerIdx) = o.kind, !isTupleOrSlice(innerIdx), oi < 3, c.isPlainValue(v),
               case .name(let n) = inner.kind, case .local(let s0) = c.resolve(n),
               let ri = intOperand(innerIdx), let rj = intOperand(idx) {
                // `c[i][j] += y` on a list of lists, y plain (no call): y first, then one
                // instruction (the item is only read there).
                let rv = value(v, nil)
                if let last = ins.last, last.op == .arithIndex2, last.d == rv {
                    // `c[i][j] += a[i][k] * b[k][j]`: the product's instruction does the update too.
                    ins[ins.count - 1].op = .arithIndex2Aug
                }
                emit(.augIndex2, x: oi, a: Int32(s0), b: ri, c: rj, d: rv)
                return
            }
            // `o[i] op= y`: o, i, o[i], y, the operation, the store (Python's order).
            let ro = pin(value(o, nil), [idx])
            let ri = pin(value(idx, nil), [v])
            let t = newTemp()
            emit(.index, a: ro, b: ri, d: t)
            let rv = value(v, nil)
            emit(.inplace, x: oi, a: t, b: rv, d: t)
            emit(.storeIndex, a: ro, b: ri, c: t)
        default:
            exec(c.stmtInner(s))
        }
    }

    /// Jumps taken when `test` is false (their `c` is patched by the caller).
    func condJump(_ test: Expr) -> [Int] {
        if case .compare(let a, let cs) = test.kind, cs.count == 1, let ci = vmCompareOps.firstIndex(of: cs[0].op) {
            let ra = pin(value(a, nil), [cs[0].right])
            let rb = value(cs[0].right, nil)
            return [emit(VMOp(rawValue: VMOp.jnEq.rawValue + UInt8(ci))!, x: ci, a: ra, b: rb)]
        }
        if case .boolOp(.and, let xs) = test.kind {
            var out: [Int] = []
            for x in xs { out += condJump(x) }
            return out
        }
        conds.append(CondRef(f: c.cond(test)))
        return [emit(.condJump, a: Int32(conds.count - 1))]
    }
}
