import NNSyntax
import Foundation

extension Compiler {
    /// One statement on its own (a one-statement block: errors get its location).
    func stmt(_ s: Stmt) -> Exec { block([s]) }

    /// A header expression (if test, for iterable) whose errors point at the statement's line.
    func header(_ r: SourceRange, _ e: @escaping Eval) -> Eval {
        let where_ = loc(r)
        return { l in
            do { return try e(l) } catch {
                let p = asPyError(error)
                if p.pending == nil { p.pending = where_ }
                throw p
            }
        }
    }

    func headerCond(_ r: SourceRange, _ e: @escaping (Frame) throws -> Bool) -> (Frame) throws -> Bool {
        let where_ = loc(r)
        return { l in
            do { return try e(l) } catch {
                let p = asPyError(error)
                if p.pending == nil { p.pending = where_ }
                throw p
            }
        }
    }

    func stmtInner(_ s: Stmt) -> Exec {
        let rt = self.rt
        switch s.kind {
        case .expr(let e):
            let ev = expr(e)
            if echoLast {
                return { l in rt.lastResult = try ev(l); return .normal }
            }
            return { l in _ = try ev(l); return .normal }
        case .assign(let targets, let value):
            return assign(targets, value)
        case .augAssign(let target, let op, let value):
            return augAssign(target, op, value)
        case .annAssign(let target, _, let value):
            guard let value else { return { _ in .normal } }
            return assign([target], value)
        case .if(let test, let body, let orelse):
            let c = cond(test)
            let hLoc = loc(s.range)
            if orelse.isEmpty, body.count == 1, case .return(let re?) = body[0].kind,
               case .local(let slot, let rn) = operand(re) {
                // `if n < 2: return n`: the return is fused in (one closure call less per call).
                let rLoc = loc(body[0].range)
                if case .compare(let ca, let cops) = test.kind, cops.count == 1,
                   case .local(let cs, let cn) = operand(ca), case .const(.int(let k)) = operand(cops[0].right) {
                    // `if n < 2: return n`: the int comparison is fused in too.
                    switch cops[0].op {
                    case .lt: return ifIntReturn(LtCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    case .le: return ifIntReturn(LeCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    case .gt: return ifIntReturn(GtCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    case .ge: return ifIntReturn(GeCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    case .eq: return ifIntReturn(EqCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    case .ne: return ifIntReturn(NeCmp.self, cs, cn, k, hLoc, slot, rn, rLoc)
                    default: break
                    }
                }
                return { l in
                    let t: Bool
                    do { t = try c(l) } catch { throw stamp(error, hLoc) }
                    if t {
                        let v = l[slot]
                        if case .undefined = v { throw stamp(unbound(rn), rLoc) }
                        l[0] = v
                        return .returned
                    }
                    return .normal
                }
            }
            let (b, bLoc) = self.body(body)
            if orelse.isEmpty {
                return { l in
                    let t: Bool
                    do { t = try c(l) } catch { throw stamp(error, hLoc) }
                    if t {
                        do { return try b(l) } catch { throw stamp(error, bLoc) }
                    }
                    return .normal
                }
            }
            let (o, oLoc) = self.body(orelse)
            return { l in
                let t: Bool
                do { t = try c(l) } catch { throw stamp(error, hLoc) }
                if t {
                    do { return try b(l) } catch { throw stamp(error, bLoc) }
                }
                do { return try o(l) } catch { throw stamp(error, oLoc) }
            }
        case .while(let test, let body, let orelse):
            let c = headerCond(s.range, cond(test))
            let b = block(body)
            let o: Exec? = orelse.isEmpty ? nil : block(orelse)
            return { l in
                while try c(l) {
                    let f = try b(l)
                    if f == .breakLoop { return .normal }
                    if f == .returned { return f }
                    try rt.tick()
                }
                if let o { return try o(l) }
                return .normal
            }
        case .for(let target, let iter, let body, let orelse):
            return forLoop(s.range, target, iter, body, orelse)
        case .break: return { _ in .breakLoop }
        case .continue: return { _ in .continueLoop }
        case .pass, .global, .nonlocal: return { _ in .normal }
        case .return(let e):
            guard let e else { return { l in l[0] = .none; return .returned } }
            if case .local(let slot, let n) = operand(e) {
                return { l in
                    let v = l[slot]
                    if case .undefined = v { throw unbound(n) }
                    l[0] = v
                    return .returned
                }
            }
            let ev = expr(e)
            return { l in l[0] = try ev(l); return .returned }
        case .functionDef(let f):
            let make = function(name: f.name, params: f.parameters, body: f.body, lambdaBody: nil,
                                key: ScopeKey(s.range, 0), range: s.range)
            let full = decorate(f.decorators, make)
            let st = storeName(f.name)
            return { l in try st(l, full(l)); return .normal }
        case .classDef(let c):
            return classDef(c, s.range)
        case .del(let targets):
            let xs = targets.map { delete($0) }
            return { l in for x in xs { _ = try x(l) }; return .normal }
        case .raise(let exc, let cause):
            return raise(exc, cause)
        case .try(let body, let handlers, let orelse, let fin):
            return tryStmt(body, handlers, orelse, fin)
        case .assert(let test, let msg):
            let c = cond(test)
            let m = msg.map { expr($0) }
            return { l in
                if try c(l) { return .normal }
                let args: [Value] = try m.map { [try $0(l)] } ?? []
                throw PyError(PyError.instance(BuiltinTypes.assertionError, args: args))
            }
        case .with(let items, let body):
            return with(items, body)
        case .import(let names):
            let parts = names.map { a -> (String, Bool, Store) in
                let bind = a.asName ?? String(a.name.split(separator: ".").first ?? "")
                return (a.name, a.asName != nil, storeName(bind))
            }
            return { l in
                for (n, alias, st) in parts { try st(l, try rt.importForBinding(n, hasAlias: alias)) }
                return .normal
            }
        case .importFrom(let module, let names, let level):
            let mod = module ?? ""
            if level > 0 {
                return { _ in throw PyError(BuiltinTypes.importError, "attempted relative import with no known parent package") }
            }
            if names.count == 1 && names[0].name == "*" {
                return { _ in
                    for (k, v) in try rt.importStar(mod) { rt.setGlobal(k, v) }
                    return .normal
                }
            }
            let parts = names.map { a in (a.name, storeName(a.asName ?? a.name)) }
            return { l in
                for (n, st) in parts { try st(l, try rt.importFrom(mod, n)) }
                return .normal
            }
        case .magic(let m):
            return magic(m)
        }
    }

    // MARK: Assignment

    func assign(_ targets: [Expr], _ value: Expr) -> Exec {
        // `a, b = x, y`: no tuple is built.
        if targets.count == 1, case .tuple(let ts) = targets[0].kind, case .tuple(let vs) = value.kind,
           ts.count == vs.count, !ts.contains(where: { if case .starred = $0.kind { return true }; return false }),
           !vs.contains(where: { if case .starred = $0.kind { return true }; return false }) {
            let evs = vs.map { expr($0) }
            let sts = ts.map { store($0) }
            if evs.count == 2 {
                let e0 = evs[0], e1 = evs[1], s0 = sts[0], s1 = sts[1]
                return { l in
                    let a = try e0(l), b = try e1(l)
                    try s0(l, a); try s1(l, b)
                    return .normal
                }
            }
            return { l in
                var tmp: [Value] = []
                tmp.reserveCapacity(evs.count)
                for e in evs { tmp.append(try e(l)) }
                for i in 0..<sts.count { try sts[i](l, tmp[i]) }
                return .normal
            }
        }
        let ev = expr(value)
        if targets.count == 1 {
            if case .name(let n) = targets[0].kind, case .local(let s) = resolve(n) {
                return { l in l[s] = try ev(l); return .normal }
            }
            let st = store(targets[0])
            return { l in try st(l, ev(l)); return .normal }
        }
        let sts = targets.map { store($0) }
        return { l in
            let v = try ev(l)
            for st in sts { try st(l, v) }
            return .normal
        }
    }

    func store(_ t: Expr) -> Store {
        let rt = self.rt
        switch t.kind {
        case .name(let n): return storeName(n)
        case .attribute(let o, let name):
            let oe = expr(o)
            return { l, v in try rt.setAttr(oe(l), name, v) }
        case .subscript(let o, let index):
            let oe = expr(o)
            if case .tuple(let ixs) = index.kind, ixs.count == 2, !ixs.contains(where: isSliceLike) {
                let ie = expr(ixs[0]), je = expr(ixs[1])
                return { l, v in
                    let ov = try oe(l)
                    let a = try ie(l), b = try je(l)
                    if case .tensor(let tv) = ov, case .int(let i) = a, case .int(let j) = b,
                       TensorFast.write2(tv, i, j, v) { return }
                    try rt.setItem(ov, .object(PyTuple([a, b])), v)
                }
            }
            let ie = expr(index)
            return { l, v in
                let ov = try oe(l)
                let iv = try ie(l)
                if case .object(let lo) = ov, case .int(let i) = iv, let list = lo as? PyList {
                    let n = list.items.count
                    let j = i < 0 ? i + n : i
                    if j >= 0 && j < n { list.items[j] = v; return }
                }
                try rt.setItem(ov, iv, v)
            }
        case .tuple(let xs), .list(let xs):
            let starIndex = xs.firstIndex { if case .starred = $0.kind { return true }; return false }
            let sts = xs.map { x -> Store in
                if case .starred(let inner) = x.kind { return store(inner) }
                return store(x)
            }
            let n = xs.count
            return { l, v in
                let items = try rt.unpack(v, n, starIndex)
                for i in 0..<n { try sts[i](l, items[i]) }
            }
        case .starred:
            return { _, _ in throw PyError.type("starred assignment target must be in a list or tuple") }
        default:
            return { _, _ in throw PyError.type("cannot assign to expression") }
        }
    }

    /// True when evaluating `e` runs no function and changes nothing: names, literals and
    /// operators over them, subscripts, comparisons, tuples. (An operator on a user object could
    /// still call its dunder; nn code that relies on that ordering is not supported.) Fast paths
    /// for `x[i] op= e` may evaluate such an `e` before loading the item.
    func isPlainValue(_ e: Expr) -> Bool {
        switch e.kind {
        case .name, .int, .float, .bool, .none, .string: return true
        case .unary(_, let x): return isPlainValue(x)
        case .binary(let a, _, let b): return isPlainValue(a) && isPlainValue(b)
        case .subscript(let o, let i): return isPlainValue(o) && isPlainValue(i)
        case .tuple(let xs): return xs.allSatisfy(isPlainValue)
        case .compare(let a, let cs): return isPlainValue(a) && cs.allSatisfy { isPlainValue($0.right) }
        default: return false
        }
    }

    func isSliceLike(_ e: Expr) -> Bool {
        switch e.kind {
        case .slice, .starred, .ellipsis, .none: return true
        default: return false
        }
    }

    func delete(_ t: Expr) -> Exec {
        let rt = self.rt
        switch t.kind {
        case .name(let n): return deleteName(n)
        case .attribute(let o, let name):
            let oe = expr(o)
            return { l in try rt.delAttr(oe(l), name); return .normal }
        case .subscript(let o, let i):
            let oe = expr(o), ie = expr(i)
            return { l in try rt.delItem(oe(l), ie(l)); return .normal }
        case .tuple(let xs), .list(let xs):
            let ds = xs.map { delete($0) }
            return { l in for d in ds { _ = try d(l) }; return .normal }
        default:
            return { _ in throw PyError.type("cannot delete expression") }
        }
    }

    func augAssign(_ target: Expr, _ op: BinaryOp, _ value: Expr) -> Exec {
        let rt = self.rt
        let ve = expr(value)
        switch target.kind {
        case .name(let n):
            let ld = load(n)
            if case .local(let s) = resolve(n) {
                let opf = binaryFn(op)
                return { l in
                    // Python loads the variable before the value runs: unbound fails first.
                    if case .undefined = l[s] { _ = try ld(l) }
                    let y = try ve(l)
                    let x = l[s]
                    switch (x, y) {
                    case (.float(let a), .float(let b)) where op == .add: l[s] = .float(a + b)
                    case (.float(let a), .int(let b)) where op == .add: l[s] = .float(a + Double(b))
                    case (.int(let a), .int(let b)) where op == .add:
                        let (r, o) = a.addingReportingOverflow(b)
                        if o { throw PyError.intOverflow }
                        l[s] = .int(r)
                    case (.undefined, _):
                        _ = try ld(l)
                    default:
                        switch (x, y) {
                        case (.int, .int), (.float, .float), (.float, .int), (.int, .float): l[s] = try opf(x, y)
                        default: l[s] = try rt.inplace(op, x, y)
                        }
                    }
                    return .normal
                }
            }
            let st = storeName(n)
            return { l in
                let x = try ld(l)
                try st(l, rt.inplace(op, x, try ve(l)))
                return .normal
            }
        case .attribute(let o, let name):
            let oe = expr(o)
            return { l in
                let ov = try oe(l)
                let x = try rt.getAttr(ov, name)
                let y = try ve(l)
                try rt.setAttr(ov, name, rt.inplace(op, x, y))
                return .normal
            }
        case .subscript(let o, let index):
            let oe = expr(o)
            if case .tuple(let ixs) = index.kind, ixs.count == 2, !ixs.contains(where: isSliceLike) {
                let ie = expr(ixs[0]), je = expr(ixs[1])
                if case .local(let s, _) = operand(o), let oi = intOperand(ixs[0]), let oj = intOperand(ixs[1]) {
                    // `c[i, j] += a[i, k] * b[k, j]` (the lesson's loop) in one step: three
                    // scalar accesses and a float32 multiply-add, no intermediate values.
                    if let (sa, ai, aj, sb, bi, bj) = scalarProduct(value) {
                        let general = augAssignTensor2(s, oi, oj, oe, ie, je, op, ve)
                        return { l in
                            if let i = oi.read(l), let j = oj.read(l), let i1 = ai.read(l), let j1 = aj.read(l),
                               let i2 = bi.read(l), let j2 = bj.read(l),
                               let au = unretainedTensor(l + sa), let bu = unretainedTensor(l + sb),
                               let cu = unretainedTensor(l + s),
                               case .tscalar(let x)? = au._withUnsafeGuaranteedRef({ TensorFast.read2($0, i1, j1) }),
                               case .tscalar(let y)? = bu._withUnsafeGuaranteedRef({ TensorFast.read2($0, i2, j2) }),
                               cu._withUnsafeGuaranteedRef({ TensorFast.augWrite2($0, i, j, op, .tscalar(x * y)) }) {
                                return .normal
                            }
                            return try general(l)
                        }
                    }
                    return augAssignTensor2(s, oi, oj, oe, ie, je, op, ve)
                }
                return { l in
                    let ov = try oe(l)
                    let a = try ie(l), b = try je(l)
                    // The element exists, so loading it cannot fail: the value may run first.
                    if case .tensor(let tv) = ov, case .int(let i) = a, case .int(let j) = b,
                       TensorFast.canAugWrite2(tv, i, j) {
                        let y = try ve(l)
                        if TensorFast.augWrite2(tv, i, j, op, y) { return .normal }
                        let idx = Value.object(PyTuple([a, b]))
                        let x = try rt.getItem(ov, idx)
                        try rt.setItem(ov, idx, rt.inplace(op, x, y))
                        return .normal
                    }
                    // Python's order: target, index, the item, then the value.
                    let idx = Value.object(PyTuple([a, b]))
                    let x = try rt.getItem(ov, idx)
                    let y = try ve(l)
                    try rt.setItem(ov, idx, rt.inplace(op, x, y))
                    return .normal
                }
            }
            let ie = expr(index)
            let opf = binaryFn(op)
            if case .subscript(let inner, let innerIndex) = o.kind, case .local(let s, _) = operand(inner),
               let oi = intOperand(innerIndex), let oj = intOperand(index), op == .add || op == .sub || op == .mul {
                // `c[i][j] += x` on a local list of lists of numbers.
                let plain = isPlainValue(value)
                return { l in
                    guard plain, let i = oi.read(l), let j = oj.read(l), readListOfLists(l, s, i, j) != nil else {
                        // Python's order: target, index, the item, then the value.
                        let ov = try oe(l)
                        let iv = try ie(l)
                        let x = try rt.getItem(ov, iv)
                        let y = try ve(l)
                        try rt.setItem(ov, iv, rt.inplace(op, x, y))
                        return .normal
                    }
                    // The item exists and the value runs no code that could change it: the
                    // value may run first.
                    let y = try ve(l)
                    do {
                        let done: Bool
                        switch op {
                        case .add: done = try updateListOfLists(AddOp.self, rt, l, s, i, j, y)
                        case .sub: done = try updateListOfLists(SubOp.self, rt, l, s, i, j, y)
                        default: done = try updateListOfLists(MulOp.self, rt, l, s, i, j, y)
                        }
                        if done { return .normal }
                    }
                    let ov = try oe(l)
                    let iv = try ie(l)
                    let x = try rt.getItem(ov, iv)
                    try rt.setItem(ov, iv, rt.inplace(op, x, y))
                    return .normal
                }
            }
            return { l in
                let ov = try oe(l)
                let iv = try ie(l)
                if case .object(let lo) = ov, case .int(let i) = iv, let list = lo as? PyList {
                    let n = list.items.count
                    let j = i < 0 ? i + n : i
                    if j >= 0 && j < n {
                        let x = list.items[j]
                        let y = try ve(l)
                        let r: Value
                        switch (x, y) {
                        case (.int, .int), (.float, .float), (.float, .int), (.int, .float): r = try opf(x, y)
                        default: r = try rt.inplace(op, x, y)
                        }
                        // The value (or an __iadd__) may have shrunk the list: a checked store.
                        if j < list.items.count { list.items[j] = r } else { try rt.setItem(ov, iv, r) }
                        return .normal
                    }
                }
                // Python's order: target, index, the item, then the value.
                let x = try rt.getItem(ov, iv)
                let y = try ve(l)
                try rt.setItem(ov, iv, rt.inplace(op, x, y))
                return .normal
            }
        default:
            return { _ in throw PyError.type("illegal expression for augmented assignment") }
        }
    }
}

extension Compiler {
    /// `a[i, k] * b[k, j]` with local tensors and local/constant indices.
    func scalarProduct(_ e: Expr) -> (Int, IntOperand, IntOperand, Int, IntOperand, IntOperand)? {
        guard case .binary(let a, .mul, let b) = e.kind,
              case .subscript(let ao, let aix) = a.kind, case .tuple(let aixs) = aix.kind, aixs.count == 2,
              case .subscript(let bo, let bix) = b.kind, case .tuple(let bixs) = bix.kind, bixs.count == 2,
              case .local(let sa, _) = operand(ao), case .local(let sb, _) = operand(bo),
              let ai = intOperand(aixs[0]), let aj = intOperand(aixs[1]),
              let bi = intOperand(bixs[0]), let bj = intOperand(bixs[1]) else { return nil }
        return (sa, ai, aj, sb, bi, bj)
    }

    /// `c[i, j] op= value` on a local tensor with local/constant indices.
    func augAssignTensor2(_ s: Int, _ oi: IntOperand, _ oj: IntOperand, _ oe: @escaping Eval, _ ie: @escaping Eval,
                          _ je: @escaping Eval, _ op: BinaryOp, _ ve: @escaping Eval) -> Exec {
        let rt = self.rt
        return { l in
            // When the element exists, loading it cannot fail, so the value may run first (and
            // torch's item is a view: a value that writes it is seen by the update either way).
            if let i = oi.read(l), let j = oj.read(l), let tu = unretainedTensor(l + s),
               tu._withUnsafeGuaranteedRef({ TensorFast.canAugWrite2($0, i, j) }) {
                let y = try ve(l)
                if let tu = unretainedTensor(l + s),
                   tu._withUnsafeGuaranteedRef({ TensorFast.augWrite2($0, i, j, op, y) }) {
                    return .normal
                }
                let ov = try oe(l)
                let idx = Value.object(PyTuple([try ie(l), try je(l)]))
                let x = try rt.getItem(ov, idx)
                try rt.setItem(ov, idx, rt.inplace(op, x, y))
                return .normal
            }
            // Python's order: target, index, the item, then the value.
            let ov = try oe(l)
            let idx = Value.object(PyTuple([try ie(l), try je(l)]))
            let x = try rt.getItem(ov, idx)
            let y = try ve(l)
            try rt.setItem(ov, idx, rt.inplace(op, x, y))
            return .normal
        }
    }
}
