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
            let c = headerCond(s.range, cond(test))
            let (b, bLoc) = self.body(body)
            if orelse.isEmpty {
                return { l in
                    if try c(l) {
                        do { return try b(l) } catch { throw stamp(error, bLoc) }
                    }
                    return .normal
                }
            }
            let (o, oLoc) = self.body(orelse)
            return { l in
                if try c(l) {
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
            let parts = names.map { a -> (String, String?, Store) in
                let bind = a.asName ?? String(a.name.split(separator: ".").first ?? "")
                return (a.name, a.asName, storeName(bind))
            }
            return { l in
                for (n, _, st) in parts { try st(l, .object(try rt.importModule(n))) }
                return .normal
            }
        case .importFrom(let module, let names, let level):
            let mod = module ?? ""
            if level > 0 {
                return { _ in throw PyError(BuiltinTypes.importError, "attempted relative import with no known parent package") }
            }
            if names.count == 1 && names[0].name == "*" {
                return { _ in
                    let m = try rt.importModule(mod)
                    for (k, v) in m.dict where !k.hasPrefix("_") { rt.setGlobal(k, v) }
                    return .normal
                }
            }
            let parts = names.map { a in (a.name, storeName(a.asName ?? a.name)) }
            return { l in
                let m = try rt.importModule(mod)
                for (n, st) in parts {
                    guard let v = m.dict[n] else {
                        throw PyError(BuiltinTypes.importError, "cannot import name '\(n)' from '\(mod)' (unknown location)")
                    }
                    try st(l, v)
                }
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
                try rt.setAttr(ov, name, rt.inplace(op, x, try ve(l)))
                return .normal
            }
        case .subscript(let o, let index):
            let oe = expr(o)
            if case .tuple(let ixs) = index.kind, ixs.count == 2, !ixs.contains(where: isSliceLike) {
                let ie = expr(ixs[0]), je = expr(ixs[1])
                if case .local(let s, _) = operand(o), let oi = intOperand(ixs[0]), let oj = intOperand(ixs[1]) {
                    // `c[i, j] += x` on a local tensor with local/constant indices.
                    return { l in
                        let y = try ve(l)
                        if let i = oi.read(l), let j = oj.read(l), case .tensor(let t) = l[s],
                           TensorFast.augWrite2(t, i, j, op, y) {
                            return .normal
                        }
                        let ov = try oe(l)
                        let idx = Value.object(PyTuple([try ie(l), try je(l)]))
                        let x = try rt.getItem(ov, idx)
                        try rt.setItem(ov, idx, rt.inplace(op, x, y))
                        return .normal
                    }
                }
                return { l in
                    let ov = try oe(l)
                    let a = try ie(l), b = try je(l)
                    if case .tensor(let tv) = ov, case .int(let i) = a, case .int(let j) = b {
                        let y = try ve(l)
                        if TensorFast.augWrite2(tv, i, j, op, y) { return .normal }
                        let idx = Value.object(PyTuple([a, b]))
                        let x = try rt.getItem(ov, idx)
                        try rt.setItem(ov, idx, rt.inplace(op, x, y))
                        return .normal
                    }
                    let idx = Value.object(PyTuple([a, b]))
                    let x = try rt.getItem(ov, idx)
                    try rt.setItem(ov, idx, rt.inplace(op, x, try ve(l)))
                    return .normal
                }
            }
            let ie = expr(index)
            let opf = binaryFn(op)
            return { l in
                let ov = try oe(l)
                let iv = try ie(l)
                if case .object(let lo) = ov, case .int(let i) = iv, let list = lo as? PyList {
                    let n = list.items.count
                    let j = i < 0 ? i + n : i
                    if j >= 0 && j < n {
                        let x = list.items[j]
                        let y = try ve(l)
                        switch (x, y) {
                        case (.int, .int), (.float, .float), (.float, .int), (.int, .float): list.items[j] = try opf(x, y)
                        default: list.items[j] = try rt.inplace(op, x, y)
                        }
                        return .normal
                    }
                }
                let x = try rt.getItem(ov, iv)
                try rt.setItem(ov, iv, rt.inplace(op, x, try ve(l)))
                return .normal
            }
        default:
            return { _ in throw PyError.type("illegal expression for augmented assignment") }
        }
    }

    // MARK: Loops

    func forLoop(_ range: SourceRange, _ target: Expr, _ iter: Expr, _ body: [Stmt], _ orelse: [Stmt]) -> Exec {
        let rt = self.rt
        let st = store(target)
        var localSlot: Int?
        if case .name(let n) = target.kind, case .local(let s) = resolve(n) { localSlot = s }
        let b = block(body)
        let o: Exec? = orelse.isEmpty ? nil : block(orelse)

        // Runs the body over ints without allocating a range object.
        @inline(__always) func intLoop(_ l: Frame, _ start: Int, _ stop: Int, _ step: Int) throws -> Flow {
            var i = start
            while step > 0 ? i < stop : i > stop {
                if let s = localSlot { l[s] = .int(i) } else { try st(l, .int(i)) }
                let f = try b(l)
                if f == .breakLoop { return .normal }
                if f == .returned { return f }
                try rt.tick()
                let (n, ov) = i.addingReportingOverflow(step)
                if ov { break }
                i = n
            }
            if let o { return try o(l) }
            return .normal
        }

        func generic(_ l: Frame, _ it: Value) throws -> Flow {
            if case .object(let obj) = it {
                if let r = obj as? PyRange { return try intLoop(l, r.start, r.stop, r.step) }
                if let list = obj as? PyList {
                    var i = 0
                    while i < list.items.count {
                        try st(l, list.items[i])
                        let f = try b(l)
                        if f == .breakLoop { return .normal }
                        if f == .returned { return f }
                        try rt.tick()
                        i += 1
                    }
                    if let o { return try o(l) }
                    return .normal
                }
            }
            let next = try rt.makeIterator(it)
            while let x = try next() {
                try st(l, x)
                let f = try b(l)
                if f == .breakLoop { return .normal }
                if f == .returned { return f }
                try rt.tick()
            }
            if let o { return try o(l) }
            return .normal
        }

        if case .call(let f, let args) = iter.kind, case .name("range") = f.kind, (1...3).contains(args.count),
           args.allSatisfy({ if case .positional = $0 { return true }; return false }) {
            let fe = header(range, expr(f))
            let aes = args.compactMap { a -> Eval? in if case .positional(let e) = a { return header(range, expr(e)) }; return nil }
            let rangeBuiltin = rt.builtins["range"]
            let iterE = header(range, expr(iter))
            let where_ = loc(range)
            return { l in
                let fv = try fe(l)
                if case .object(let fo) = fv, case .object(let ro)? = rangeBuiltin, fo === ro {
                    var ints: [Int] = [0, 0, 1]
                    var vals: [Value] = []
                    for a in aes { vals.append(try a(l)) }
                    for (k, v) in vals.enumerated() {
                        switch v {
                        case .int(let i): ints[k] = i
                        case .bool(let bb): ints[k] = bb ? 1 : 0
                        default:
                            let e = PyError.type("'\(v.typeName)' object cannot be interpreted as an integer")
                            e.pending = where_
                            throw e
                        }
                    }
                    if vals.count == 1 { ints = [0, ints[0], 1] }
                    if ints[2] == 0 {
                        let e = PyError.value("range() arg 3 must not be zero")
                        e.pending = where_
                        throw e
                    }
                    return try intLoop(l, ints[0], ints[1], ints[2])
                }
                return try generic(l, iterE(l))
            }
        }
        let ie = header(range, expr(iter))
        return { l in try generic(l, ie(l)) }
    }

    // MARK: Exceptions

    func raise(_ exc: Expr?, _ cause: Expr?) -> Exec {
        let rt = self.rt
        guard let exc else {
            return { _ in
                guard let cur = rt.handling.last else { throw PyError.runtime("No active exception to reraise") }
                cur.pending = nil
                throw cur
            }
        }
        let ee = expr(exc)
        let ce = cause.map { expr($0) }
        return { l in
            let v = try ee(l)
            let inst: PyInstance
            switch v {
            case .object(let c as PyClass) where c.isException:
                guard case .object(let i as PyInstance) = try rt.instantiate(c, [], []) else { throw PyError.type("bad exception") }
                inst = i
            case .object(let i as PyInstance) where i.cls.isException:
                inst = i
            default:
                throw PyError.type("exceptions must derive from BaseException")
            }
            if let ce { inst.attrs["__cause__"] = try ce(l) }
            throw PyError(inst)
        }
    }

    func tryStmt(_ body: [Stmt], _ handlers: [ExceptHandler], _ orelse: [Stmt], _ fin: [Stmt]) -> Exec {
        let rt = self.rt
        let b = block(body)
        struct Handler { let type: Eval?; let bind: Store?; let unbind: Exec?; let body: Exec; let range: SourceRange }
        let hs = handlers.map { h in
            Handler(type: h.type.map { header(h.range, expr($0)) }, bind: h.name.map { storeName($0) },
                    unbind: h.name.map { deleteNameQuiet($0) }, body: block(h.body), range: h.range)
        }
        let o: Exec? = orelse.isEmpty ? nil : block(orelse)
        let f: Exec? = fin.isEmpty ? nil : block(fin)
        return { l in
            var flow: Flow = .normal
            var pendingError: Error?
            var raised = false
            do {
                flow = try b(l)
            } catch {
                raised = true
                let e = asPyError(error)
                var matched: Handler?
                do {
                    for h in hs {
                        guard let te = h.type else { matched = h; break }
                        if try rt.exceptionMatches(e.exc, te(l)) { matched = h; break }
                    }
                } catch { pendingError = error }
                if pendingError == nil {
                    if let h = matched, !(rt.timedOut && e.exc.cls === BuiltinTypes.timeoutError) {
                        e.pending = nil
                        rt.handling.append(e)
                        do {
                            if let bind = h.bind { try bind(l, .object(e.exc)) }
                            flow = try h.body(l)
                        } catch { pendingError = error }
                        rt.handling.removeLast()
                        if let u = h.unbind { _ = try? u(l) }
                    } else {
                        pendingError = e
                    }
                }
            }
            if !raised, flow == .normal, let o {
                do { flow = try o(l) } catch { pendingError = error }
            }
            if let f {
                let f2 = try f(l)
                if f2 != .normal { return f2 }
            }
            if let e = pendingError { throw e }
            return flow
        }
    }

    func deleteNameQuiet(_ name: String) -> Exec {
        let st = storeName(name)
        return { l in try st(l, .undefined); return .normal }
    }

    func with(_ items: [WithItem], _ body: [Stmt]) -> Exec {
        let rt = self.rt
        var inner = block(body)
        for item in items.reversed() {
            let ce = expr(item.context)
            let st = item.target.map { store($0) }
            let bodyX = inner
            inner = { l in
                let ctx = try ce(l)
                guard let enter = try rt.lookupAttr(ctx, "__enter__"), let exit = try rt.lookupAttr(ctx, "__exit__") else {
                    throw PyError.type("'\(ctx.typeName)' object does not support the context manager protocol")
                }
                let v = try rt.call(enter, [], [])
                if let st { try st(l, v) }
                let flow: Flow
                do {
                    flow = try bodyX(l)
                } catch {
                    let e = asPyError(error)
                    let r = try rt.call(exit, [.object(e.exc.cls), .object(e.exc), .none], [])
                    if try rt.truth(r) { return .normal }
                    throw e
                }
                _ = try rt.call(exit, [.none, .none, .none], [])
                return flow
            }
        }
        return inner
    }
}

extension Runtime {
    /// `except T:` matching (T a class or tuple of classes).
    func exceptionMatches(_ exc: PyInstance, _ t: Value) throws -> Bool {
        switch t {
        case .object(let c as PyClass):
            guard c.isException else {
                throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
            }
            return exc.cls.isSubclass(of: c)
        case .object(let tup as PyTuple):
            for x in tup.items where try exceptionMatches(exc, x) { return true }
            return false
        default:
            throw PyError.type("catching classes that do not inherit from BaseException is not allowed")
        }
    }

    /// Unpacks `v` into exactly `n` values (one of them a list when `star` is given).
    func unpack(_ v: Value, _ n: Int, _ star: Int?) throws -> [Value] {
        let items: [Value]
        switch v {
        case .object(let t as PyTuple): items = t.items
        case .object(let l as PyList): items = l.items
        default:
            do { items = try iterateToArray(v) } catch let e as PyError where e.exc.cls === BuiltinTypes.typeError && !isIterable(v) {
                throw PyError.type("cannot unpack non-iterable \(v.typeName) object")
            }
        }
        if let s = star {
            let fixed = n - 1
            guard items.count >= fixed else {
                throw PyError.value("not enough values to unpack (expected at least \(fixed), got \(items.count))")
            }
            let after = n - 1 - s
            var out = Array(items[0..<s])
            out.append(.object(PyList(Array(items[s..<(items.count - after)]))))
            out += items[(items.count - after)...]
            return out
        }
        if items.count > n { throw PyError.value("too many values to unpack (expected \(n))") }
        if items.count < n { throw PyError.value("not enough values to unpack (expected \(n), got \(items.count))") }
        return items
    }

    func isIterable(_ v: Value) -> Bool {
        switch v {
        case .str, .tensor: return true
        case .object(let o):
            if o is PyList || o is PyTuple || o is PyDict || o is PySet || o is PyRange || o is PyIterator { return true }
            if let i = o as? PyInstance { return i.cls.lookup("__iter__") != nil || i.cls.lookup("__getitem__") != nil }
            return false
        default: return false
        }
    }

    func importModule(_ name: String) throws -> PyModule {
        if let m = modules[name] { return m }
        throw PyError(BuiltinTypes.moduleNotFoundError, "No module named '\(name)'")
    }
}
