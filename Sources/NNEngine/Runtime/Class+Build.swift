import NNSyntax
/// Class creation: the one place a `class` statement and `type(name, bases, dict)` build a class.
extension Runtime {
    /// Builds a user class from its evaluated bases and the namespace its body filled.
    ///
    /// Checks the bases as CPython does (`duplicate base class A`, builtin bases nn cannot
    /// extend), linearises them with C3 (`Cannot create a consistent method resolution ...`),
    /// takes `__qualname__` out of the namespace, names its properties (`__set_name__`) and
    /// passes `keywords` to `__init_subclass__`.
    public func buildClass(name: String, bases: [Value], namespace: PyDict, keywords: Kwargs) throws -> Value {
        var classes: [PyClass] = []
        for b in bases {
            guard case .object(let c as PyClass) = b else {
                throw PyError.type("bases must be types")
            }
            if c.isBuiltin && c !== BuiltinTypes.object && !c.isException {
                throw PyError.type("nn classes cannot inherit from builtin type '\(c.name)'")
            }
            if classes.contains(where: { $0 === c }) { throw PyError.type("duplicate base class \(c.name)") }
            classes.append(c)
        }
        if classes.isEmpty { classes = [BuiltinTypes.object] }
        let tail = try Runtime.c3Merge(classes.map(\.mro) + [classes])
        var dict: [String: Value] = [:]
        var qualname = name
        for i in 0..<namespace.count {
            guard case .str(let k) = namespace.keys[i] else { continue }
            if k == "__qualname__" {
                guard case .str(let q) = namespace.values[i] else {
                    throw PyError.type("type __qualname__ must be a str, not \(namespace.values[i].typeName)")
                }
                qualname = q
                continue
            }
            dict[k] = namespace.values[i]
        }
        // CPython: defining `__eq__` without `__hash__` makes instances unhashable.
        if dict["__eq__"] != nil && dict["__hash__"] == nil { dict["__hash__"] = Value.none }
        let cls = PyClass(name: name, qualname: qualname, bases: classes, mroTail: tail, dict: dict)
        cls.runtime = self
        for (k, v) in dict {
            if case .object(let p as PyProperty) = v, p.name == nil { p.name = k }
        }
        try initSubclass(cls, keywords)
        return .object(cls)
    }

    /// `super().__init_subclass__(**keywords)` of a new class: the nearest user definition is
    /// called as a classmethod; `object`'s accepts no keywords.
    func initSubclass(_ cls: PyClass, _ keywords: Kwargs) throws {
        for k in cls.mroTail {
            guard let f = k.dict["__init_subclass__"] else { continue }
            let fn: Value
            if case .object(let s as PyStaticMethod) = f { fn = s.function } else { fn = f }
            _ = try call(fn, [.object(cls)], keywords)
            return
        }
        if !keywords.isEmpty { throw PyError.type("\(cls.name).__init_subclass__() takes no keyword arguments") }
    }

    /// C3 linearisation of `lists` (each base's MRO, then the bases), CPython's error included.
    static func c3Merge(_ lists: [[PyClass]]) throws -> [PyClass] {
        var seqs = lists.map { ArraySlice($0) }
        var out: [PyClass] = []
        func inTail(_ c: PyClass) -> Bool {
            seqs.contains { s in s.dropFirst().contains { $0 === c } }
        }
        while seqs.contains(where: { !$0.isEmpty }) {
            var picked: PyClass?
            for s in seqs {
                if let h = s.first, !inTail(h) { picked = h; break }
            }
            guard let next = picked else {
                var heads: [PyClass] = []
                for s in seqs { if let h = s.first, !heads.contains(where: { $0 === h }) { heads.append(h) } }
                throw PyError.type("Cannot create a consistent method resolution\norder (MRO) for bases "
                    + heads.map(\.name).joined(separator: ", "))
            }
            out.append(next)
            for i in seqs.indices where seqs[i].first === next { seqs[i] = seqs[i].dropFirst() }
        }
        return out
    }

    /// `type(x)` or `type(name, bases, dict)`.
    package func typeCall(_ args: [Value], _ kw: Kwargs) throws -> Value {
        if args.count == 1 && kw.isEmpty { return .object(args[0].pyType) }
        guard args.count == 3 else { throw PyError.type("type() takes 1 or 3 arguments") }
        guard case .str(let name) = args[0] else {
            throw PyError.type("type.__new__() argument 1 must be str, not \(args[0].typeName)")
        }
        guard case .object(let t as PyTuple) = args[1] else {
            throw PyError.type("type.__new__() argument 2 must be tuple, not \(args[1].typeName)")
        }
        guard case .object(let d as PyDict) = args[2] else {
            throw PyError.type("type.__new__() argument 3 must be dict, not \(args[2].typeName)")
        }
        let ns = d.copy()
        if try ns.get(.str("__module__")) == nil { ns.set("__module__", .str("__main__")) }
        return try buildClass(name: name, bases: t.items, namespace: ns, keywords: kw)
    }

    /// `super(...).name`: searches the receiver's MRO after `start`.
    func superAttr(_ s: PySuper, _ name: String) throws -> Value? {
        // In a classmethod the receiver is the class itself.
        let type: PyClass
        if case .object(let c as PyClass) = s.receiver, c.isSubclass(of: s.start) { type = c } else { type = s.receiver.pyType }
        let mro = type.mro
        guard let at = mro.firstIndex(where: { $0 === s.start }) else { return nil }
        for k in mro[(at + 1)...] {
            guard let f = k.dict[name] else { continue }
            switch f {
            case .object(let p as PyProperty):
                if case .object(let c as PyClass) = s.receiver, c === type { return f }
                return try propertyGet(p, s.receiver, name)
            case .object(let m as PyStaticMethod):
                return m.isClassMethod ? .object(PyBoundMethod(receiver: .object(type), function: m.function)) : m.function
            case .object(is PyFunction), .object(is PyMethodDescr):
                if case .object(let c as PyClass) = s.receiver, c === type { return f }
                return .object(PyBoundMethod(receiver: s.receiver, function: f))
            case .object(let b as PyBuiltin) where b.bindsSelf:
                if case .object(let c as PyClass) = s.receiver, c === type { return f }
                return .object(PyBoundMethod(receiver: s.receiver, function: f))
            default: return f
            }
        }
        if name == "__class__" { return .object(BuiltinTypes.superType) }
        return nil
    }

    /// Reads a property through its getter.
    func propertyGet(_ p: PyProperty, _ receiver: Value, _ attr: String) throws -> Value {
        if p.getter.isNone {
            throw PyError.attribute("property '\(p.name ?? attr)' of '\(receiver.typeName)' object has no getter")
        }
        return try call(p.getter, [receiver], [])
    }

    /// Class-level attributes every class has (`__name__`, `__mro__`, ...), or nil.
    func classSpecialAttr(_ c: PyClass, _ name: String) -> Value? {
        switch name {
        case "__name__": return .str(c.name)
        case "__qualname__": return .str(c.qualname)
        case "__base__": return c.base.map { Value.object($0) } ?? Value.none
        case "__bases__": return .object(PyTuple(c.bases.map { .object($0) }))
        case "__mro__": return .object(PyTuple(c.mro.map { .object($0) }))
        case "__class__": return .object(BuiltinTypes.type)
        case "__module__": return c.dict["__module__"] ?? .str(c.isBuiltin ? "builtins" : "__main__")
        case "__doc__": return c.dict["__doc__"] ?? Value.none
        case "__dict__":
            let d = PyDict()
            for k in c.dict.keys.sorted() { d.set(k, c.dict[k]!) }
            return .object(d)
        default: return nil
        }
    }
}
