import NNEngine
import NNSyntax
/// The `functools` module: `partial`, `reduce`, `wraps`, `update_wrapper`, `lru_cache`, `cache`.
extension Runtime {
    static let partialClass = nativeClass("partial", module: "functools")

    /// A partial application: the function, its first arguments and keywords.
    final class Partial {
        let fn: Value
        let args: [Value]
        let kw: Kwargs
        init(_ fn: Value, _ args: [Value], _ kw: Kwargs) { self.fn = fn; self.args = args; self.kw = kw }
    }

    static let partialReady: Bool = {
        let P = partialClass
        func part(_ s: Value) throws -> Partial {
            guard let p = state(s, P, as: Partial.self) else { throw PyError.type("descriptor requires a 'functools.partial' object") }
            return p
        }
        P.construct = { rt, a, kw in
            guard let f = a.first else { throw PyError.type("type 'partial' takes at least one argument") }
            guard rt.isCallable(f) else { throw PyError.type("the first argument must be callable") }
            // partial(partial(f, 1), 2) flattens, as CPython does.
            if let inner = state(f, P, as: Partial.self) {
                var merged = inner.kw
                for (k, v) in kw { if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) } }
                return native(P, Partial(inner.fn, inner.args + a.dropFirst(), merged))
            }
            return native(P, Partial(f, Array(a.dropFirst()), kw))
        }
        methods(P, [
            ("__call__", { rt, s, a, kw in
                let p = try part(s)
                var merged = p.kw
                for (k, v) in kw { if let i = merged.firstIndex(where: { $0.0 == k }) { merged[i].1 = v } else { merged.append((k, v)) } }
                return try rt.call(p.fn, p.args + a, merged)
            }),
            ("__repr__", { rt, s, _, _ in
                let p = try part(s)
                var parts = [try rt.repr(p.fn)] + (try p.args.map { try rt.repr($0) })
                for (k, v) in p.kw { parts.append(k + "=" + (try rt.repr(v))) }
                return .str("functools.partial(" + parts.joined(separator: ", ") + ")")
            }),
        ])
        attribute(P, "func") { (try? part($0))?.fn ?? .none }
        attribute(P, "args") { .object(PyTuple((try? part($0))?.args ?? [])) }
        attribute(P, "keywords") { s in
            let d = PyDict()
            for (k, v) in (try? part(s))?.kw ?? [] { d.set(k, v) }
            return .object(d)
        }
        return true
    }()

    /// `callable(v)`.
    func isCallable(_ v: Value) -> Bool {
        guard case .object(let o) = v else { return false }
        if o is PyFunction || o is PyBuiltin || o is PyBoundMethod || o is PyClass || o is PyMethodDescr { return true }
        if let i = o as? PyInstance { return i.cls.lookup("__call__") != nil }
        return false
    }

    /// Copies `__module__`, `__name__`, `__qualname__`, `__doc__` and `__dict__` of `wrapped`
    /// onto `wrapper` and sets `__wrapped__`, as `functools.update_wrapper`.
    func updateWrapper(_ wrapper: Value, _ wrapped: Value) throws -> Value {
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if let v = try? lookupAttr(wrapped, name) { try? setAttr(wrapper, name, v) }
        }
        if case .object(let src as PyFunction) = wrapped, case .object(let dst as PyFunction) = wrapper {
            for (k, v) in src.attrs where !k.hasPrefix("__") { dst.attrs[k] = v }
        }
        try setAttr(wrapper, "__wrapped__", wrapped)
        return wrapper
    }

    /// A function that memoises `f` by its arguments (`lru_cache`, `cache`; unbounded).
    func cached(_ f: Value) -> Value {
        let memo = PyDict()
        let name = (try? lookupAttr(f, "__name__")).flatMap { v -> String? in if case .str(let s) = v { return s }; return nil } ?? "wrapper"
        return .object(PyBuiltin(name, acceptsTScalar: false) { rt, a, kw in
            var keyItems = a
            if !kw.isEmpty { keyItems.append(.object(notImplemented)); for (k, v) in kw { keyItems += [.str(k), v] } }
            let key = Value.object(PyTuple(keyItems))
            if let v = try memo.get(key) { return v }
            let v = try rt.call(f, a, kw)
            try memo.set(key, v)
            return v
        })
    }

    func functoolsModule() -> [String: Value] {
        _ = Runtime.partialReady
        var d: [String: Value] = ["partial": .object(Runtime.partialClass)]
        d["reduce"] = Runtime.fn("reduce") { rt, a, kw in
            try Args.noKw("reduce", kw)
            try Args.count("reduce", a, 2, 3)
            let it = try rt.makeIterator(a[1])
            var acc: Value
            if a.count == 3 { acc = a[2] } else {
                guard let first = try it() else { throw PyError.type("reduce() of empty iterable with no initial value") }
                acc = first
            }
            while let x = try it() { acc = try rt.call(a[0], [acc, x], []) }
            return acc
        }
        d["update_wrapper"] = Runtime.fn("update_wrapper") { rt, a, _ in
            try Args.count("update_wrapper", a, 2, 2)
            return try rt.updateWrapper(a[0], a[1])
        }
        d["wraps"] = Runtime.fn("wraps") { rt, a, _ in
            try Args.count("wraps", a, 1, 1)
            let wrapped = a[0]
            return Runtime.fn("wraps") { rt, b, _ in
                try Args.count("wraps", b, 1, 1)
                return try rt.updateWrapper(b[0], wrapped)
            }
        }
        let lru = Runtime.fn("lru_cache") { rt, a, kw in
            if let f = a.first, rt.isCallable(f) { return rt.cached(f) }
            return Runtime.fn("decorating_function") { rt, b, _ in
                try Args.count("lru_cache", b, 1, 1)
                return rt.cached(b[0])
            }
        }
        d["lru_cache"] = lru
        d["cache"] = Runtime.fn("cache") { rt, a, _ in
            try Args.count("cache", a, 1, 1)
            return rt.cached(a[0])
        }
        d["cmp_to_key"] = Runtime.fn("cmp_to_key") { rt, a, _ in
            try Args.count("cmp_to_key", a, 1, 1)
            let cmp = a[0]
            return Runtime.fn("K") { rt, b, _ in
                try Args.count("K", b, 1, 1)
                return Runtime.native(Runtime.cmpKeyClass, CmpKey(cmp, b[0]))
            }
        }
        _ = Runtime.cmpKeyReady
        return d
    }

    static let cmpKeyClass = nativeClass("KeyWrapper", module: "functools")
    final class CmpKey {
        let cmp: Value, obj: Value
        init(_ c: Value, _ o: Value) { cmp = c; obj = o }
    }
    static let cmpKeyReady: Bool = {
        for name in ["__lt__", "__gt__", "__le__", "__ge__", "__eq__"] {
            func test(_ i: Int) -> Bool {
                switch name {
                case "__lt__": return i < 0
                case "__gt__": return i > 0
                case "__le__": return i <= 0
                case "__ge__": return i >= 0
                default: return i == 0
                }
            }
            methods(cmpKeyClass, [(name, { rt, s, a, _ in
                guard let x = state(s, cmpKeyClass, as: CmpKey.self), let y = a.first.flatMap({ state($0, cmpKeyClass, as: CmpKey.self) }) else {
                    return .object(notImplemented)
                }
                let r = try rt.call(x.cmp, [x.obj, y.obj], [])
                guard case .int(let i) = r else { return .bool(test(try rt.truth(r) ? 1 : 0)) }
                return .bool(test(i))
            })])
        }
        return true
    }()
}
