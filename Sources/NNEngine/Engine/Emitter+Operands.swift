import NNSyntax
/// Instructions that read their operands in place: when an operand of a binary operation, a
/// comparison that decides a jump, a subscript or a `return` is a variable or a constant, the
/// emitter names it in the instruction instead of loading it first. One dispatch instead of two
/// to four, and a receiver read without a retain. Which form is chosen depends only on the
/// operand's kind (a local slot, a global, a literal), never on a program's shape.
///
/// Locals are safe to read late: nn has no `:=`, and no other code can rebind a function's
/// local slot (cells, which closures share, are never fused).
extension Emitter {
    /// A name's variable for the fused instructions: a local slot (mode 0) or a global box
    /// (mode 1); nil for cells and class-body names.
    func variableOperand(_ e: Expr) -> (m: Int, x: Int)? {
        guard case .name(let n) = e.kind else { return nil }
        switch resolve(n) {
        case .local(let s): return (0, s)
        case .global(let box): return (1, globalIndex(box))
        default: return nil
        }
    }

    /// A name's local slot, or nil.
    func localOperand(_ e: Expr) -> Int? {
        if case .name(let n) = e.kind, case .local(let s) = resolve(n) { return s }
        return nil
    }

    /// An int or float literal's constant index, or nil.
    func constOperand(_ e: Expr) -> Int? {
        switch e.kind {
        case .int(let n): return const(.int(Int(n)))
        case .float(let d): return const(.float(d))
        default: return nil
        }
    }

    /// `a op b` with a variable or two locals as operands; false when neither form applies.
    func emitBinaryOperands(_ a: Expr, _ op: BinaryOp, _ b: Expr) -> Bool {
        let o = engineBinaryOps.firstIndex(of: op)!
        if case .int = b.kind {} else if case .float = b.kind {} else {
            guard let x = localOperand(a), let y = localOperand(b) else { return false }
            emit(.binaryLocals, 0, x, c: y, o: o)
            return true
        }
        guard let v = variableOperand(a), let k = constOperand(b) else { return false }
        emit(.binaryVarConst, 0, v.x, c: k, o: o, m: v.m)
        return true
    }

    /// A jump taken unless `a cmp b` holds, for a variable against a literal or two locals;
    /// nil when neither form applies.
    func emitCompareJumpOperands(_ a: Expr, _ o: Int, _ b: Expr) -> Int? {
        if let k = constOperand(b) {
            guard let v = variableOperand(a) else { return nil }
            return emit(.compareJumpVarConst, 0, v.x, c: k, o: o, m: v.m)
        }
        guard let x = localOperand(a), let y = localOperand(b) else { return nil }
        return emit(.compareJumpLocals, 0, x, c: y, o: o)
    }

    /// `o[index]` read with local operands; false when the form does not apply.
    func emitSubscriptOperands(_ o: Expr, _ index: Expr) -> Bool {
        if let (i, j) = indexPair(index) {
            guard let os = localOperand(o), let si = localOperand(i), let sj = localOperand(j) else { return false }
            emit(.subscrPairLocals, os, si, c: sj)
            return true
        }
        guard let si = localOperand(index) else { return false }
        if let os = localOperand(o) {
            emit(.subscrLocals, 0, os, c: si)
        } else if case .subscript(let inner, let innerIndex) = o.kind, indexPair(innerIndex) == nil,
                  let xs = localOperand(inner), let xi = localOperand(innerIndex) {
            emit(.subscrLocals2, xs, xi, c: si)
        } else {
            expr(o)
            emit(.subscrTopLocal, 0, si)
        }
        return true
    }

    /// `o[index] = <value on the stack>` with local operands; false when the form does not apply.
    func emitStoreSubscriptOperands(_ o: Expr, _ index: Expr) -> Bool {
        if let (i, j) = indexPair(index) {
            guard let os = localOperand(o), let si = localOperand(i), let sj = localOperand(j) else { return false }
            emit(.storeSubscrPairLocals, os, si, c: sj)
            return true
        }
        guard let si = localOperand(index) else { return false }
        if let os = localOperand(o) {
            emit(.storeSubscrLocals, 0, os, c: si)
        } else {
            expr(o)
            emit(.storeSubscrTopLocal, 0, si)
        }
        return true
    }

    /// `o[index] op= value` with local operands: the item read, the value, then the operation
    /// and the store in one instruction (CPython's order, as no step can rebind a local); false
    /// when the form does not apply.
    func emitAugSubscriptOperands(_ o: Expr, _ index: Expr, _ oi: Int, _ value: Expr) -> Bool {
        if let (i, j) = indexPair(index) {
            guard let os = localOperand(o), let si = localOperand(i), let sj = localOperand(j) else { return false }
            emit(.subscrPairLocals, os, si, c: sj)
            expr(value)
            emit(.inplaceStoreSubscrPairLocals, os, si, c: sj, o: oi)
            return true
        }
        guard let si = localOperand(index) else { return false }
        if let os = localOperand(o) {
            emit(.subscrLocals, 0, os, c: si)
            expr(value)
            emit(.inplaceStoreSubscrLocals, 0, os, c: si, o: oi)
        } else {
            if case .subscript(let inner, let innerIndex) = o.kind, indexPair(innerIndex) == nil,
               let xs = localOperand(inner), let xi = localOperand(innerIndex) {
                let read = emit(.subscrLocals2, xs, xi, c: si, m: 1)
                expr(value)
                // The row may stay borrowed (no retain) while the value is computed when no
                // instruction of the value can run code on its fast path; their slow paths make
                // the row an owned reference first (VM.swift `unborrow`).
                if code[(read + 1)...].allSatisfy({ Self.leavesRowsBorrowed($0) }) { code[read].m = 2 }
            } else {
                expr(o)
                emit(.subscrTopLocal, 0, si, m: 1)
                expr(value)
            }
            emit(.inplaceStoreSubscrTopLocal, 0, si, o: oi)
        }
        return true
    }

    /// Instructions a value may consist of while a row read for `c[i][j] op= value` stays
    /// borrowed: loads and the operators and item reads whose slow paths call `unborrow()`.
    static func leavesRowsBorrowed(_ i: Instr) -> Bool {
        switch i.op {
        case .loadConst, .loadLocal, .loadCell, .loadGlobal, .binaryConst, .binary, .unary, .binaryVarConst,
             .binaryLocals, .subscrLocals, .subscrPairLocals:
            return true
        case .subscrLocals2:
            return i.m == 0
        default:
            return false
        }
    }

    /// A `for` loop's back edge to `head`: when the head is a `forIter`/`forIterStore`, one
    /// `forIterBack` that ticks, takes the next item and enters the body (its exit is patched
    /// with the head's); else a plain `jumpBack`. Returns the instruction to patch, if any.
    func emitLoopBack(to head: Int) -> Int? {
        let h = code[head]
        switch h.op {
        case .forIterStore:
            return emit(.forIterBack, 0, Int(h.b), c: head + 1, m: Int(h.m))
        case .forIter:
            return emit(.forIterBack, 0, 0, c: head + 1, m: 2)
        default:
            emit(.jumpBack, head)
            return nil
        }
    }
}
