import NNSyntax
/// Expressions in register form.
extension VMBuilder {
    /// Compiles `e`; returns the operand holding its value (a local's own register, a
    /// constant, or a temporary), or `into` when given.
    func value(_ e: Expr, _ into: Int32?) -> Int32 {
        func result(_ r: Int32) -> Int32 {
            guard let into, into != r else { return r }
            emit(.move, a: r, d: into)
            return into
        }
        switch e.kind {
        case .int(let i): return result(const(.int(Int(i))))
        case .float(let d): return result(const(.float(d)))
        case .string(let s): return result(const(.str(s)))
        case .bool(let b): return result(const(.bool(b)))
        case .none: return result(const(.none))
        case .unary(.neg, let x):
            if case .int(let i) = x.kind, i != Int64.min { return result(const(.int(-Int(i)))) }
            if case .float(let d) = x.kind { return result(const(.float(-d))) }
        case .name(let n):
            switch c.resolve(n) {
            case .local(let s): return result(Int32(s))
            case .global(let box):
                let d = into ?? newTemp()
                emit(.loadGlobal, b: global(box), d: d)
                return d
            default: break
            }
        case .binary(let a, let op, let b):
            if op == .add || op == .sub || op == .mul, let (sa, ai, aj) = listOfLists(a), let (sb, bi, bj) = listOfLists(b) {
                // `a[i][k] * b[k][j]`: both items read and combined in one instruction.
                let d = into ?? newTemp()
                emit(.arithIndex2, x: op == .add ? 0 : op == .sub ? 1 : 2, a: sa, b: ai, c: aj, d: d, e: sb, f: bi, g: bj)
                return d
            }
            let ra = pin(value(a, nil), [b])
            let rb = value(b, nil)
            let d = into ?? newTemp()
            switch op {
            case .add: emit(.add, a: ra, b: rb, d: d)
            case .sub: emit(.sub, a: ra, b: rb, d: d)
            case .mul: emit(.mul, a: ra, b: rb, d: d)
            default: emit(.binop, x: vmBinaryOps.firstIndex(of: op)!, a: ra, b: rb, d: d)
            }
            return d
        case .call(let f, let args):
            if let r = call(f, args, into) { return r }
        case .subscript(let o, let idx) where !isTupleOrSlice(idx):
            if case .subscript(let inner, let innerIdx) = o.kind, !isTupleOrSlice(innerIdx),
               case .name(let n) = inner.kind, case .local(let s) = c.resolve(n),
               let ri = intOperand(innerIdx), let rj = intOperand(idx) {
                let d = into ?? newTemp()
                emit(.index2, a: Int32(s), b: ri, c: rj, d: d)
                return d
            }
            let ro = pin(value(o, nil), [idx])
            let ri = value(idx, nil)
            let d = into ?? newTemp()
            emit(.index, a: ro, b: ri, d: d)
            return d
        default: break
        }
        evals.append(EvalRef(f: c.expr(e)))
        let d = into ?? newTemp()
        emit(.eval, b: Int32(evals.count - 1), d: d)
        return d
    }

    /// `f(args)` with positional arguments on a global or local name; nil for other calls.
    func call(_ f: Expr, _ args: [Argument], _ into: Int32?) -> Int32? {
        guard case .name(let n) = f.kind, n != "super", args.count < 256 else { return nil }
        var xs: [Expr] = []
        for a in args {
            guard case .positional(let e) = a else { return nil }
            if case .starred = e.kind { return nil }
            xs.append(e)
        }
        let callee: Int32
        let isGlobal: Bool
        switch c.resolve(n) {
        case .global(let box):
            callee = global(box)
            isGlobal = true
            // An undefined function is reported before arguments that could run code.
            // An undefined function is reported before its arguments are evaluated (as in
            // Python, where the callee is loaded first).
            if !xs.allSatisfy(isConst), globalFallback[Int(callee)] == nil { emit(.needGlobal, b: callee) }
        case .local(let s):
            // The callee is read (and checked) before the arguments.
            if xs.allSatisfy(isConst) {
                callee = Int32(s)
            } else {
                callee = newTemp()
                emit(.move, a: Int32(s), d: callee)
            }
            isGlobal = false
        default: return nil
        }
        let base = temps(xs.count)
        for (k, x) in xs.enumerated() { _ = value(x, base + Int32(k)) }
        let d = into ?? (xs.isEmpty ? newTemp() : base)
        if isGlobal, xs.count == 1, let last = ins.last, last.d == base, [.add, .sub, .mul].contains(last.op) {
            // `f(n - 1)`: the argument's arithmetic and the call in one instruction.
            // (It checks the function itself before the arithmetic: a check just before it goes.)
            let x = last.op == .add ? 0 : last.op == .sub ? 1 : 2
            ins[ins.count - 1] = Ins(op: .callArith1, x: UInt8(x), a: last.a, b: last.b, c: base, d: d, e: callee)
            if ins.count >= 2, ins[ins.count - 2].op == .needGlobal, ins[ins.count - 2].b == callee {
                ins.remove(at: ins.count - 2)
                locs.remove(at: locs.count - 2)
            }
        } else if isGlobal {
            emit(.callGlobal, x: xs.count, b: callee, c: base, d: d)
        } else {
            emit(.callReg, x: xs.count, b: callee, c: base, d: d)
        }
        return d
    }

    /// A local operand read after `later` is evaluated: copied first unless `later` cannot
    /// run code or raise (so an unbound local is reported before anything else happens).
    func pin(_ r: Int32, _ later: [Expr]) -> Int32 {
        guard isLocalRegister(r), !later.allSatisfy(isPure) else { return r }
        let t = newTemp()
        emit(.move, a: r, d: t)
        return t
    }

    /// Constants and local names: reading them has no effect.
    func isPure(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .float, .string, .bool, .none: return true
        case .unary(.neg, let x):
            if case .int = x.kind { return true }
            if case .float = x.kind { return true }
            return false
        case .name(let n):
            if case .local = c.resolve(n) { return true }
            return false
        default: return false
        }
    }

    func isConst(_ e: Expr) -> Bool {
        switch e.kind {
        case .int, .float, .string, .bool, .none: return true
        default: return false
        }
    }

    /// Constants, locals and arithmetic on them: nothing but an error can happen.
    func isSimple(_ e: Expr) -> Bool {
        if isPure(e) { return true }
        if case .binary(let a, _, let b) = e.kind { return isSimple(a) && isSimple(b) }
        return false
    }

    /// `x[i][j]` with a local `x` and local/constant indices: (x, i, j).
    func listOfLists(_ e: Expr) -> (Int32, Int32, Int32)? {
        guard case .subscript(let o, let idx) = e.kind, !isTupleOrSlice(idx),
              case .subscript(let inner, let innerIdx) = o.kind, !isTupleOrSlice(innerIdx),
              case .name(let n) = inner.kind, case .local(let s) = c.resolve(n),
              let ri = intOperand(innerIdx), let rj = intOperand(idx) else { return nil }
        return (Int32(s), ri, rj)
    }

    /// A local name or an int constant as an index operand.
    func intOperand(_ e: Expr) -> Int32? {
        switch e.kind {
        case .int(let i): return const(.int(Int(i)))
        case .name(let n):
            if case .local(let s) = c.resolve(n) { return Int32(s) }
            return nil
        default: return nil
        }
    }

    func isTupleOrSlice(_ e: Expr) -> Bool {
        if case .tuple = e.kind { return true }
        return c.isSliceLike(e)
    }
}
