import NNSyntax
import Foundation

extension Compiler {
    /// `f(args)`: fast paths for user functions (frame filled directly), methods of instances
    /// and builtin types (no bound-method object), and `super()`.
    func call(_ f: Expr, _ args: [Argument]) -> Eval {
        let rt = self.rt
        let simpleArgs = args.allSatisfy { if case .positional = $0 { return true }; return false }
        if simpleArgs {
            let argExprs = args.compactMap { a -> Expr? in if case .positional(let e) = a { return e }; return nil }
            // Closures taken out of an array go through reabstraction thunks: the one- and
            // two-argument forms compile their argument closures directly.
            if argExprs.count == 1 && !isSuperOrAttr(f) { return call1(f, expr(argExprs[0])) }
            if argExprs.count == 2 && !isSuperOrAttr(f) { return call2(f, expr(argExprs[0]), expr(argExprs[1])) }
            let aes = argExprs.map { expr($0) }
            if case .name("super") = f.kind, aes.isEmpty {
                return superCall()
            }
            if case .attribute(let o, let name) = f.kind {
                return methodCall(expr(o), name, aes)
            }
            let fe = expr(f)
            let argc = aes.count
            switch argc {
            case 0:
                return { l in
                    let fv = try fe(l)
                    if let fn = asFunction(fv), fn.code.simple, fn.code.nparams == 0 {
                        return try callDirect0(rt, fn)
                    }
                    return try rt.call(fv, [], [])
                }
            default:
                return { l in
                    let fv = try fe(l)
                    var vals: [Value] = []
                    vals.reserveCapacity(argc)
                    for a in aes { vals.append(try a(l)) }
                    return try rt.call(fv, vals, [])
                }
            }
        }
        // General: starred and keyword arguments.
        enum A { case pos(Eval), star(Eval), kw(String, Eval), dstar(Eval) }
        let parts: [A] = args.map {
            switch $0 {
            case .positional(let e): return .pos(expr(e))
            case .starred(let e): return .star(expr(e))
            case .keyword(let n, let v, _): return .kw(n, expr(v))
            case .doubleStarred(let e): return .dstar(expr(e))
            }
        }
        let fe: Eval
        var methodRecv: Eval?
        var methodName = ""
        if case .attribute(let o, let name) = f.kind {
            methodRecv = expr(o); methodName = name
            fe = { _ in .none }
        } else {
            fe = expr(f)
        }
        return { l in
            let fv: Value
            if let mr = methodRecv { fv = try rt.getAttr(mr(l), methodName) } else { fv = try fe(l) }
            var pos: [Value] = []
            var kw: Kwargs = []
            for p in parts {
                switch p {
                case .pos(let e): pos.append(try e(l))
                case .star(let e): pos += try rt.iterateToArray(e(l))
                case .kw(let n, let e):
                    let v = try e(l)
                    if kw.contains(where: { $0.0 == n }) { throw PyError.type("\(try rt.callableName(fv))() got multiple values for keyword argument '\(n)'") }
                    kw.append((n, v))
                case .dstar(let e):
                    let m = try e(l)
                    guard case .object(let d as PyDict) = m else {
                        throw PyError.type("\(try rt.callableName(fv))() argument after ** must be a mapping, not \(m.typeName)")
                    }
                    for i in 0..<d.count {
                        guard case .str(let k) = d.keys[i] else { throw PyError.type("keywords must be strings") }
                        if kw.contains(where: { $0.0 == k }) { throw PyError.type("\(try rt.callableName(fv))() got multiple values for keyword argument '\(k)'") }
                        kw.append((k, d.values[i]))
                    }
                }
            }
            return try rt.call(fv, pos, kw)
        }
    }

    func isSuperOrAttr(_ f: Expr) -> Bool {
        if case .attribute = f.kind { return true }
        if case .name("super") = f.kind { return true }
        return false
    }

    func call1(_ f: Expr, _ a0: @escaping Eval) -> Eval {
        let rt = self.rt
        let fe = expr(f)
        if case .name(let n) = f.kind, case .global(let box) = resolve(n) {
            // `f(x)` on a global: the box is read here, no closure call for the callee.
            let p = box.p
            return { l in
                if let u = peekFunction(p) {
                    // The box (or rt.retired) keeps the function alive: no retain.
                    let a = try a0(l)
                    return try u._withUnsafeGuaranteedRef { fn in
                        if fn.code.simple && fn.code.nparams == 1 { return try callDirect1(rt, fn, a) }
                        return try fn.invoke(rt, [a], [])
                    }
                }
                let fv = p.pointee
                if case .undefined = fv { return try rt.call(fe(l), [try a0(l)], []) }
                return try rt.call(fv, [try a0(l)], [])
            }
        }
        return { l in
            let fv = try fe(l)
            if let fn = asFunction(fv), fn.code.simple, fn.code.nparams == 1 {
                return try callDirect1(rt, fn, try a0(l))
            }
            return try rt.call(fv, [try a0(l)], [])
        }
    }

    func call2(_ f: Expr, _ a0: @escaping Eval, _ a1: @escaping Eval) -> Eval {
        let rt = self.rt
        let fe = expr(f)
        if case .name(let n) = f.kind, case .global(let box) = resolve(n) {
            let p = box.p
            return { l in
                if let u = peekFunction(p) {
                    let x = try a0(l), y = try a1(l)
                    return try u._withUnsafeGuaranteedRef { fn in
                        if fn.code.simple && fn.code.nparams == 2 { return try callDirect2(rt, fn, x, y) }
                        return try fn.invoke(rt, [x, y], [])
                    }
                }
                let fv = try fe(l)
                let x = try a0(l), y = try a1(l)
                return try rt.call(fv, [x, y], [])
            }
        }
        return { l in
            let fv = try fe(l)
            let x = try a0(l), y = try a1(l)
            if let fn = asFunction(fv), fn.code.simple, fn.code.nparams == 2 {
                return try callDirect2(rt, fn, x, y)
            }
            return try rt.call(fv, [x, y], [])
        }
    }

    func methodCall(_ oe: @escaping Eval, _ name: String, _ aes: [Eval]) -> Eval {
        let rt = self.rt
        let argc = aes.count
        return { l in
            let recv = try oe(l)
            if case .object(let o) = recv {
                if let inst = o as? PyInstance {
                    if inst.attrs.isEmpty || inst.attrs[name] == nil, let m = inst.cls.lookup(name),
                       case .object(let mo) = m, let fn = mo as? PyFunction, fn.code.simple, fn.code.nparams == argc + 1 {
                        switch argc {
                        case 0: return try callDirect1(rt, fn, recv)
                        case 1: return try callDirect2(rt, fn, recv, try aes[0](l))
                        default:
                            var vals: [Value] = [recv]
                            for a in aes { vals.append(try a(l)) }
                            return try fn.invoke(rt, vals, [])
                        }
                    }
                } else if !(o is PyClass) && !(o is PyModule) && !(o is PySuper), let m = o.pyType.dict[name],
                          case .object(let mo) = m, let d = mo as? PyMethodDescr {
                    var vals: [Value] = []
                    vals.reserveCapacity(argc)
                    for a in aes { vals.append(try a(l)) }
                    return try d.fn(rt, recv, vals, [])
                }
            } else if case .str = recv, let m = BuiltinTypes.str.dict[name], case .object(let mo) = m, let d = mo as? PyMethodDescr {
                var vals: [Value] = []
                for a in aes { vals.append(try a(l)) }
                return try d.fn(rt, recv, vals, [])
            }
            let fv = try rt.getAttr(recv, name)
            var vals: [Value] = []
            vals.reserveCapacity(argc)
            for a in aes { vals.append(try a(l)) }
            return try rt.call(fv, vals, [])
        }
    }

    /// `super()` inside a method: the class cell and the first parameter.
    func superCall() -> Eval {
        let classCell = load("__class__#")
        guard layout.info.kind == .function, let firstParam = layout.info.params.first else {
            return { _ in throw PyError.runtime("super(): no arguments") }
        }
        let selfLoad = load(firstParam)
        return { l in
            guard case .object(let c as PyClass) = try classCell(l) else {
                throw PyError.runtime("super(): __class__ cell not found")
            }
            return .object(PySuper(start: c, receiver: try selfLoad(l)))
        }
    }
}

// Direct calls: the callee's frame is filled without building an argument array.

@inline(__always) func callDirect0(_ rt: Runtime, _ fn: PyFunction) throws -> Value {
    let n = fn.code.nslots
    return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
        let nl = buf.baseAddress!
        initFrame(nl, n)
        defer { deinitFrame(nl, n) }
        return try fn.run(rt, nl)
    }
}

@inline(__always) func callDirect1(_ rt: Runtime, _ fn: PyFunction, _ a: Value) throws -> Value {
    let n = fn.code.nslots
    return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
        let nl = buf.baseAddress!
        // The argument is moved into its slot (no copy, no destroy of an `.undefined`).
        nl.initialize(to: .undefined)
        (nl + 1).initialize(to: a)
        initFrame(nl + 2, n - 2)
        defer { deinitFrame(nl, n) }
        return try fn.run(rt, nl)
    }
}

@inline(__always) func callDirect2(_ rt: Runtime, _ fn: PyFunction, _ a: Value, _ b: Value) throws -> Value {
    let n = fn.code.nslots
    return try withUnsafeTemporaryAllocation(of: Value.self, capacity: n) { buf in
        let nl = buf.baseAddress!
        nl.initialize(to: .undefined)
        (nl + 1).initialize(to: a)
        (nl + 2).initialize(to: b)
        initFrame(nl + 3, n - 3)
        defer { deinitFrame(nl, n) }
        return try fn.run(rt, nl)
    }
}

extension Runtime {
    /// The name used in call error messages (`f`, `A.f`, `len`).
    func callableName(_ f: Value) throws -> String {
        switch f {
        case .object(let fn as PyFunction): return fn.qualname
        case .object(let b as PyBuiltin): return b.name
        case .object(let m as PyBoundMethod): return try callableName(m.function)
        case .object(let c as PyClass): return c.name
        default: return f.typeName
        }
    }
}

@inline(__always) func initFrame(_ l: Frame, _ n: Int) {
    var i = 0
    while i < n { (l + i).initialize(to: .undefined); i += 1 }
}

@inline(__always) func deinitFrame(_ l: Frame, _ n: Int) {
    var i = 0
    while i < n {
        // Slots holding no reference (ints, floats, unbound...) need no destroy call.
        switch l[i] {
        case .none, .bool, .int, .float, .tscalar, .undefined: break
        case .str, .object, .tensor: (l + i).deinitialize(count: 1)
        }
        i += 1
    }
}

/// The function a value holds when it is a plain user function (no dynamic cast).
@inline(__always) func asFunction(_ v: Value) -> PyFunction? {
    if case .object(let o) = v, ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyFunction.self) {
        return unsafeDowncast(o, to: PyFunction.self)
    }
    return nil
}

/// The plain user function a global box holds, unretained.
@inline(__always) func peekFunction(_ p: UnsafeMutablePointer<Value>) -> Unmanaged<PyFunction>? {
    if case .object(let o) = p.pointee, ObjectIdentifier(type(of: o)) == ObjectIdentifier(PyFunction.self) {
        return Unmanaged.passUnretained(unsafeDowncast(o, to: PyFunction.self))
    }
    return nil
}
