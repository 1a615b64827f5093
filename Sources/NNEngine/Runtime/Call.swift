import NNSyntax
/// Calling values and iterating them.
extension Runtime {
    /// `f(*args, **kwargs)`.
    public func call(_ f: Value, _ args: [Value], _ kw: Kwargs) throws -> Value {
        guard case .object(let o) = f else {
            throw PyError.type("'\(f.typeName)' object is not callable")
        }
        switch o {
        case let fn as PyFunction:
            return try fn.invoke(self, args, kw)
        case let b as PyBuiltin:
            if !b.acceptsTScalar {
                var boxed = args
                for i in 0..<boxed.count { if case .tscalar = boxed[i] { boxed[i] = materialize(boxed[i]) } }
                return try b.fn(self, boxed, kw)
            }
            return try b.fn(self, args, kw)
        case let m as PyBoundMethod:
            if case .object(let d as PyMethodDescr) = m.function { return try d.fn(self, m.receiver, args, kw) }
            return try call(m.function, [m.receiver] + args, kw)
        case let d as PyMethodDescr:
            guard let first = args.first else {
                throw PyError.type("unbound method \(d.name)() needs an argument")
            }
            return try d.fn(self, first, Array(args.dropFirst()), kw)
        case let c as PyClass:
            return try instantiate(c, args, kw)
        case let i as PyInstance:
            if let m = i.cls.lookup("__call__") { return try call(m, [f] + args, kw) }
        case let s as PyStaticMethod:
            return try call(s.function, args, kw)
        default: break
        }
        throw PyError.type("'\(f.typeName)' object is not callable")
    }

    func instantiate(_ c: PyClass, _ args: [Value], _ kw: Kwargs) throws -> Value {
        if c.isBuiltin && !c.isException {
            if let k = c.construct { return try k(self, args, kw) }
            throw PyError.type("cannot create '\(c.name)' instances")
        }
        let inst = PyInstance(cls: c)
        if c.isException { inst.attrs["args"] = .object(PyTuple(args)) }
        let obj = Value.object(inst)
        if let initf = c.lookup("__init__") {
            let r = try call(initf, [obj] + args, kw)
            if !r.isNone { throw PyError.type("__init__() should return None, not '\(r.typeName)'") }
        }
        return obj
    }

    // MARK: Iteration

    /// An iterator over `v` as a closure returning nil at the end.
    public func makeIterator(_ v: Value, what: @autoclosure () -> String? = nil) throws -> () throws -> Value? {
        switch v {
        case .str(let s):
            var it = s.unicodeScalars.makeIterator()
            return { it.next().map { .str(String($0)) } }
        case .object(let o):
            switch o {
            case let l as PyList:
                var i = 0
                return {
                    guard i < l.items.count else { return nil }
                    defer { i += 1 }
                    return l.items[i]
                }
            case let t as PyTuple:
                var i = 0
                let items = t.items
                return {
                    guard i < items.count else { return nil }
                    defer { i += 1 }
                    return items[i]
                }
            case let r as PyRange:
                var i = 0
                let n = r.count
                return { [unowned self] in
                    // Builtins (sum, any, ...) drain ranges without a loop back-edge: keep the deadline.
                    try self.tick()
                    guard i < n else { return nil }
                    defer { i += 1 }
                    return .int(r.at(i))
                }
            case let d as PyDict:
                var i = 0
                let keys = d.keys
                let n0 = d.count
                return {
                    if d.count != n0 { throw PyError.runtime("dictionary changed size during iteration") }
                    guard i < keys.count else { return nil }
                    defer { i += 1 }
                    return keys[i]
                }
            case let s as PySet:
                var i = 0
                let keys = s.dict.keys
                let n0 = keys.count
                return {
                    if s.dict.count != n0 { throw PyError.runtime("Set changed size during iteration") }
                    guard i < keys.count else { return nil }
                    defer { i += 1 }
                    return keys[i]
                }
            case let it as PyIterator:
                return it.next
            case let dv as PyDictView:
                var i = 0
                let items = dv.items
                let d = dv.dict, n0 = d.count
                return {
                    if d.count != n0 { throw PyError.runtime("dictionary changed size during iteration") }
                    guard i < items.count else { return nil }
                    defer { i += 1 }
                    return items[i]
                }
            case let inst as PyInstance:
                if let m = inst.cls.lookup("__iter__") {
                    let iter = try call(m, [v], [])
                    if case .object(let io as PyIterator) = iter { return io.next }
                    guard let nx = try lookupAttr(iter, "__next__") else {
                        throw PyError.type("iter() returned non-iterator of type '\(iter.typeName)'")
                    }
                    return { [unowned self] in
                        do { return try self.call(nx, [], []) } catch let e as PyError where e.exc.cls.isSubclass(of: BuiltinTypes.stopIteration) {
                            return nil
                        }
                    }
                }
                if let m = inst.cls.lookup("__getitem__") {
                    var i = 0
                    return { [unowned self] in
                        do {
                            defer { i += 1 }
                            return try self.call(m, [v, .int(i)], [])
                        } catch let e as PyError where e.exc.cls.isSubclass(of: BuiltinTypes.indexError) || e.exc.cls.isSubclass(of: BuiltinTypes.stopIteration) {
                            return nil
                        }
                    }
                }
            default: break
            }
        case .tensor(let t):
            let rows = try tensors.iterate(self, t)
            var i = 0
            return {
                guard i < rows.count else { return nil }
                defer { i += 1 }
                return rows[i]
            }
        case .tscalar:
            return try makeIterator(materialize(v))
        default: break
        }
        throw PyError.type(what() ?? "'\(v.typeName)' object is not iterable")
    }

    /// All items of an iterable.
    public func iterateToArray(_ v: Value) throws -> [Value] {
        switch v {
        case .object(let l as PyList): return l.items
        case .object(let t as PyTuple): return t.items
        case .object(let r as PyRange) where r.count > 1 << 28:
            throw PyError(BuiltinTypes.memoryError, "")
        default:
            if case .object(let r as PyRange) = v { try checkGrowth(items: r.count) }
            let it = try makeIterator(v)
            var out: [Value] = []
            while let x = try it() {
                out.append(x)
                try tick()
            }
            return out
        }
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
