import NNSyntax
import Foundation

/// The Ellipsis singleton and NotImplemented.
let ellipsisType = PyClass(name: "ellipsis", base: BuiltinTypes.object, isBuiltin: true)
let ellipsisObject = PyInstance(cls: ellipsisType)
let notImplementedType = PyClass(name: "NotImplementedType", base: BuiltinTypes.object, isBuiltin: true)
let notImplemented = PyInstance(cls: notImplementedType)

extension Compiler {
    func binaryFn(_ op: BinaryOp) -> (Value, Value) throws -> Value {
        let rt = self.rt
        // The arithmetic itself lives once, in the op types of Compiler+Fast.swift.
        switch op {
        case .add: return { x, y in try AddOp.apply(rt, x, y) }
        case .sub: return { x, y in try SubOp.apply(rt, x, y) }
        case .mul: return { x, y in try MulOp.apply(rt, x, y) }
        case .div: return { x, y in try DivOp.apply(rt, x, y) }
        default:
            return { x, y in try rt.binary(op, x, y) }
        }
    }

    func expr(_ e: Expr) -> Eval {
        let rt = self.rt
        switch e.kind {
        case .name(let n): return load(n)
        case .int(let i): let v = Value.int(Int(i)); return { _ in v }
        case .float(let d): let v = Value.float(d); return { _ in v }
        case .string(let s): let v = Value.str(s); return { _ in v }
        case .bool(let b): let v = Value.bool(b); return { _ in v }
        case .none: return { _ in .none }
        case .ellipsis: return { _ in .object(ellipsisObject) }
        case .imaginary: return { _ in throw PyError.type("complex numbers are not supported in nn") }
        case .bytes: return { _ in throw PyError.type("bytes are not supported in nn") }
        case .fstring(let parts): return fstring(parts)
        case .attribute(let o, let name):
            let oe = expr(o)
            return { l in try rt.getAttr(oe(l), name) }
        case .subscript(let o, let index): return subscriptExpr(o, index)
        case .slice(let a, let b, let c):
            let ae = a.map { expr($0) }, be = b.map { expr($0) }, ce = c.map { expr($0) }
            return { l in
                .object(PySlice(try ae?(l) ?? .none, try be?(l) ?? .none, try ce?(l) ?? .none))
            }
        case .call(let f, let args): return call(f, args)
        case .unary(let op, let x):
            let xe = expr(x)
            switch op {
            case .not:
                let c = cond(x)
                return { l in .bool(!(try c(l))) }
            case .neg:
                return { l in
                    let v = try xe(l)
                    switch v {
                    case .int(let i) where i != Int.min: return .int(-i)
                    case .float(let d): return .float(-d)
                    default: return try rt.unary(.neg, v)
                    }
                }
            default:
                return { l in try rt.unary(op, xe(l)) }
            }
        case .binary(let a, let op, let b):
            switch op {
            case .add: return specialized(AddOp.self, a, b)
            case .sub: return specialized(SubOp.self, a, b)
            case .mul: return specialized(MulOp.self, a, b)
            case .div: return specialized(DivOp.self, a, b)
            default:
                let ae = expr(a), be = expr(b)
                return { l in try rt.binary(op, ae(l), be(l)) }
            }
        case .boolOp(let op, let xs):
            let es = xs.map { expr($0) }
            if op == .and {
                return { l in
                    var v: Value = .none
                    for e in es {
                        v = try e(l)
                        if !(try rt.truth(v)) { return v }
                    }
                    return v
                }
            }
            return { l in
                var v: Value = .none
                for e in es {
                    v = try e(l)
                    if try rt.truth(v) { return v }
                }
                return v
            }
        case .compare(let a, let cs):
            let ae = expr(a)
            if cs.count == 1 {
                let op = cs[0].op
                let be = expr(cs[0].right)
                return { l in
                    let x = try ae(l), y = try be(l)
                    switch (x, y) {
                    case (.int(let p), .int(let q)) where op != .is && op != .isNot && op != .in && op != .notIn:
                        return .bool(rt.cmpOrdered(op, p, q))
                    case (.float(let p), .float(let q)) where op != .is && op != .isNot && op != .in && op != .notIn:
                        return .bool(rt.cmpOrdered(op, p, q))
                    default: return try rt.compare(op, x, y)
                    }
                }
            }
            let rights = cs.map { ($0.op, expr($0.right)) }
            return { l in
                var left = try ae(l)
                var r: Value = .bool(true)
                for (i, (op, re)) in rights.enumerated() {
                    let right = try re(l)
                    r = try rt.compare(op, left, right)
                    if i < rights.count - 1 {
                        if !(try rt.truth(r)) { return r }
                        left = right
                    }
                }
                return r
            }
        case .ifExp(let t, let b, let o):
            let c = cond(t), be = expr(b), oe = expr(o)
            return { l in try c(l) ? try be(l) : try oe(l) }
        case .lambda(let p, let body):
            return function(name: "<lambda>", params: p, body: [], lambdaBody: body, key: ScopeKey(e.range, 2), range: e.range)
        case .list(let xs):
            let items = display(xs)
            return { l in .object(PyList(try items(l))) }
        case .tuple(let xs):
            let items = display(xs)
            return { l in .object(PyTuple(try items(l))) }
        case .set(let xs):
            let items = display(xs)
            return { l in
                let d = PyDict()
                for x in try items(l) { try d.set(x, .none) }
                return .object(PySet(d))
            }
        case .dict(let entries):
            let es: [(Eval, Eval?)] = entries.map {
                switch $0 {
                case .pair(let k, let v): return (expr(k), expr(v))
                case .unpack(let m): return (expr(m), nil)
                }
            }
            return { l in
                let d = PyDict()
                for (k, v) in es {
                    if let v {
                        let kv = try k(l)
                        try d.set(kv, v(l))
                    } else {
                        let m = try k(l)
                        guard case .object(let md as PyDict) = m else {
                            throw PyError.type("'\(m.typeName)' object is not a mapping")
                        }
                        for i in 0..<md.count { try d.set(md.keys[i], md.values[i]) }
                    }
                }
                return .object(d)
            }
        case .listComp(let elt, let gens):
            return comprehension(e.range, gens, kind: 0, elt, nil)
        case .setComp(let elt, let gens):
            return comprehension(e.range, gens, kind: 1, elt, nil)
        case .dictComp(let k, let v, let gens):
            return comprehension(e.range, gens, kind: 2, k, v)
        case .generator(let elt, let gens):
            let lc = comprehension(e.range, gens, kind: 0, elt, nil)
            return { l in
                guard case .object(let o) = try lc(l) else { return .none }
                let items = unsafeDowncast(o, to: PyList.self).items
                var i = 0
                return .object(PyIterator(kind: BuiltinTypes.generator) {
                    guard i < items.count else { return nil }
                    defer { i += 1 }
                    return items[i]
                })
            }
        case .starred:
            return { _ in throw PyError.type("can't use starred expression here") }
        case .yield, .yieldFrom:
            return { _ in throw PyError.type("generators need the bytecode engine (NNBOOK_ENGINE=vm)") }
        }
    }

    /// A condition evaluated straight to a Swift Bool (no boxing for comparisons).
    func cond(_ e: Expr) -> (Frame) throws -> Bool {
        let rt = self.rt
        switch e.kind {
        case .compare(let a, let cs) where cs.count == 1:
            let op = cs[0].op
            let ae = expr(a), be = expr(cs[0].right)
            switch op {
            case .lt, .le, .gt, .ge, .eq, .ne:
                if let f = fastCompare(a, op, cs[0].right) { return f }
                return { l in
                    let x = try ae(l), y = try be(l)
                    return try rt.compareTruth(op, x, y)
                }
            default: break
            }
        case .unary(.not, let x):
            let c = cond(x)
            return { l in !(try c(l)) }
        case .boolOp(let op, let xs):
            let cs = xs.map { cond($0) }
            if op == .and { return { l in for c in cs where !(try c(l)) { return false }; return true } }
            return { l in for c in cs where try c(l) { return true }; return false }
        case .bool(let b): return { _ in b }
        default: break
        }
        let ev = expr(e)
        return { l in
            let v = try ev(l)
            if case .bool(let b) = v { return b }
            return try rt.truth(v)
        }
    }

    /// Evaluates display items, expanding `*x`.
    func display(_ xs: [Expr]) -> (Frame) throws -> [Value] {
        let rt = self.rt
        let hasStar = xs.contains { if case .starred = $0.kind { return true }; return false }
        let es = xs.map { x -> (Eval, Bool) in
            if case .starred(let inner) = x.kind { return (expr(inner), true) }
            return (expr(x), false)
        }
        if !hasStar {
            let evs = es.map(\.0)
            return { l in
                var out: [Value] = []
                out.reserveCapacity(evs.count)
                for e in evs { out.append(try e(l)) }
                return out
            }
        }
        return { l in
            var out: [Value] = []
            for (e, star) in es {
                if star { out += try rt.iterateToArray(e(l)) } else { out.append(try e(l)) }
            }
            return out
        }
    }

    func subscriptExpr(_ o: Expr, _ index: Expr) -> Eval {
        let rt = self.rt
        let oe = expr(o)
        if case .tuple(let ixs) = index.kind, ixs.count == 2, !ixs.contains(where: isSliceLike) {
            let ie = expr(ixs[0]), je = expr(ixs[1])
            if case .local(let s, _) = operand(o), let oi = intOperand(ixs[0]), let oj = intOperand(ixs[1]) {
                // `t[i, j]` with a local tensor and local/constant indices: nothing is copied.
                return { l in
                    if let i = oi.read(l), let j = oj.read(l), let tu = unretainedTensor(l + s),
                       let v = tu._withUnsafeGuaranteedRef({ TensorFast.read2($0, i, j) }) {
                        return v
                    }
                    let ov = try oe(l)
                    let a = try ie(l), b = try je(l)
                    return try rt.getItem(ov, .object(PyTuple([a, b])))
                }
            }
            return { l in
                let ov = try oe(l)
                let a = try ie(l), b = try je(l)
                if case .tensor(let t) = ov, case .int(let i) = a, case .int(let j) = b, let v = TensorFast.read2(t, i, j) {
                    return v
                }
                return try rt.getItem(ov, .object(PyTuple([a, b])))
            }
        }
        let ie = expr(index)
        if case .subscript(let inner, let innerIndex) = o.kind, case .local(let s, _) = operand(inner),
           let oi = intOperand(innerIndex), let oj = intOperand(index) {
            // `x[i][j]` on a local list of lists.
            return { l in
                if let i = oi.read(l), let j = oj.read(l), let v = readListOfLists(l, s, i, j) { return v }
                let ov = try oe(l)
                let iv = try ie(l)
                if case .tensor(let t) = ov, case .int(let i) = iv, let v = TensorFast.read1(t, i) { return v }
                return try rt.getItem(ov, iv)
            }
        }
        if case .local(let s, _) = operand(o), let oi = intOperand(index) {
            // `xs[i]` with a local list and a local/constant index: the list is not retained.
            return { l in
                if let i = oi.read(l), let lu = unretainedList(l + s) {
                    let v: Value? = lu._withUnsafeGuaranteedRef { list in
                        let n = list.items.count
                        let j = i < 0 ? i + n : i
                        return j >= 0 && j < n ? list.items[j] : nil
                    }
                    if let v { return v }
                }
                let ov = try oe(l)
                let iv = try ie(l)
                if case .tensor(let t) = ov, case .int(let i) = iv, let v = TensorFast.read1(t, i) { return v }
                return try rt.getItem(ov, iv)
            }
        }
        return { l in
            let ov = try oe(l)
            let iv = try ie(l)
            if case .int(let i) = iv {
                if case .object(let lo) = ov, let list = lo as? PyList {
                    let n = list.items.count
                    let j = i < 0 ? i + n : i
                    if j >= 0 && j < n { return list.items[j] }
                } else if case .tensor(let t) = ov, let v = TensorFast.read1(t, i) {
                    return v
                }
            }
            return try rt.getItem(ov, iv)
        }
    }

    func fstring(_ parts: [FStringPart]) -> Eval {
        let rt = self.rt
        enum P { case lit(String), field(Eval, FStringConversion?, Eval?) }
        let ps: [P] = parts.map {
            switch $0 {
            case .literal(let s): return .lit(s)
            case .field(let f):
                return .field(expr(f.expr), f.conversion, f.formatSpec.map { fstring($0) })
            }
        }
        return { l in
            var out = ""
            for p in ps {
                switch p {
                case .lit(let s): out += s
                case .field(let e, let conv, let spec):
                    var v = try e(l)
                    switch conv {
                    case .repr?, .ascii?: v = .str(try rt.repr(v))
                    case .str?: v = .str(try rt.str(v))
                    case nil: break
                    }
                    var specStr = ""
                    if let spec, case .str(let s) = try spec(l) { specStr = s }
                    out += try formatValue(rt, v, specStr)
                }
            }
            return .str(out)
        }
    }

    /// Inlined comprehension: kind 0 list, 1 set, 2 dict.
    func comprehension(_ range: SourceRange, _ gens: [Comprehension], kind: Int, _ elt: Expr, _ value: Expr?) -> Eval {
        let rt = self.rt
        let key = ScopeKey(range, 3)
        guard let first = gens.first else { return { _ in .none } }
        let firstIter = expr(first.iter)
        renameStack.append(resolver.renames[key] ?? [:])
        comprehensionDepth += 1
        defer { renameStack.removeLast(); comprehensionDepth -= 1 }
        let acc = layout.temp()
        let ee = expr(elt)
        let ve = value.map { expr($0) }
        var action: (Frame) throws -> Void
        switch kind {
        case 0:
            action = { l in
                if case .object(let o) = l[acc] { unsafeDowncast(o, to: PyList.self).items.append(try ee(l)) }
            }
        case 1:
            action = { l in
                if case .object(let o) = l[acc] { try unsafeDowncast(o, to: PySet.self).dict.set(try ee(l), .none) }
            }
        default:
            let ve = ve!
            action = { l in
                if case .object(let o) = l[acc] {
                    let k = try ee(l)
                    try unsafeDowncast(o, to: PyDict.self).set(k, try ve(l))
                }
            }
        }
        for (i, g) in gens.enumerated().reversed() {
            let st = store(g.target)
            let conds = g.ifs.map { cond($0) }
            let iterE: Eval? = i == 0 ? nil : expr(g.iter)
            let inner = action
            let isFirst = i == 0
            let firstSlot = layout.temp()
            action = { l in
                let it = isFirst ? l[firstSlot] : try iterE!(l)
                let body: (Value) throws -> Void = { x in
                    try st(l, x)
                    for c in conds where !(try c(l)) { return }
                    try inner(l)
                }
                if case .object(let o) = it {
                    if let r = o as? PyRange {
                        let n = r.count
                        var k = 0
                        while k < n { try body(.int(r.at(k))); k += 1; try rt.tick() }
                        return
                    }
                    if let list = o as? PyList {
                        var k = 0
                        while k < list.items.count { try body(list.items[k]); k += 1; try rt.tick() }
                        return
                    }
                }
                let next = try rt.makeIterator(it)
                while let x = try next() { try body(x); try rt.tick() }
            }
            if isFirst {
                let run = action
                action = { l in
                    l[firstSlot] = try firstIter(l)
                    defer { l[firstSlot] = .undefined }
                    try run(l)
                }
            }
        }
        let run = action
        return { l in
            let container: PyObject
            switch kind {
            case 0: container = PyList()
            case 1: container = PySet()
            default: container = PyDict()
            }
            l[acc] = .object(container)
            defer { l[acc] = .undefined }
            try run(l)
            return .object(container)
        }
    }
}
