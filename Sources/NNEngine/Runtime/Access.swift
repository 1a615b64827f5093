import NNSyntax
import Tensors
/// Attribute and item access.
extension Runtime {
    /// `obj.name`.
    public func getAttr(_ obj: Value, _ name: String) throws -> Value {
        if let v = try lookupAttr(obj, name) { return v }
        throw attributeError(obj, name)
    }

    func attributeError(_ obj: Value, _ name: String) -> PyError {
        switch obj {
        case .object(let c as PyClass): return PyError.attribute("type object '\(c.name)' has no attribute '\(name)'")
        case .object(let m as PyModule): return PyError.attribute("module '\(m.name)' has no attribute '\(name)'")
        default: return PyError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
        }
    }

    /// Binds what a class lookup found to `receiver` (functions become bound methods).
    package func bind(_ found: Value, _ receiver: Value, cls: PyClass) throws -> Value {
        switch found {
        case .object(let o):
            switch o {
            case is PyFunction, is PyMethodDescr:
                return .object(PyBoundMethod(receiver: receiver, function: found))
            case let b as PyBuiltin where b.bindsSelf:
                return .object(PyBoundMethod(receiver: receiver, function: found))
            case let p as PyProperty:
                return try propertyGet(p, receiver, p.name ?? "?")
            case let s as PyStaticMethod:
                return s.isClassMethod ? .object(PyBoundMethod(receiver: .object(cls), function: s.function)) : s.function
            default: return found
            }
        default: return found
        }
    }

    /// `obj.name`, or nil when there is no such attribute.
    public func lookupAttr(_ obj: Value, _ name: String) throws -> Value? {
        switch obj {
        case .object(let o):
            switch o {
            case let i as PyInstance:
                if let v = i.attrs[name] { return v }
                if name == "__class__" { return .object(i.cls) }
                if name == "__dict__" {
                    let d = PyDict()
                    for (k, v) in i.attrs.sorted(by: { $0.key < $1.key }) where k != "args" || !i.cls.isException { d.set(k, v) }
                    return .object(d)
                }
                if let f = i.cls.lookup(name) { return try bind(f, obj, cls: i.cls) }
                // The fallback's own AttributeError (with its message) is the error, as in CPython.
                if let g = i.cls.lookup("__getattr__") { return try call(g, [obj, .str(name)], []) }
                return nil
            case let c as PyClass:
                if name.hasPrefix("__"), let v = classSpecialAttr(c, name) { return v }
                if name == "mro", c.lookup("mro") == nil {
                    return .object(PyBuiltin("mro") { _, _, _ in .object(PyList(c.mro.map { .object($0) })) })
                }
                guard let f = c.lookup(name) else { return nil }
                if case .object(let s as PyStaticMethod) = f {
                    return s.isClassMethod ? .object(PyBoundMethod(receiver: obj, function: s.function)) : s.function
                }
                if case .object(let p as PyProperty) = f { return .object(p) }
                return f
            case let m as PyModule:
                if name == "__name__" { return .str(m.name) }
                return m.dict[name]
            case let f as PyFunction:
                // `functools.wraps` and user code may set `__name__`, `__doc__`, ...
                if let v = f.attrs[name] { return v }
                switch name {
                case "__name__": return .str(f.name)
                case "__qualname__": return .str(f.qualname)
                case "__class__": return .object(BuiltinTypes.function)
                case "__doc__": return f.doc.map { .str($0) } ?? Value.none
                case "__defaults__": return f.defaults.isEmpty ? Value.none : .object(PyTuple(f.defaults))
                default: return f.attrs[name]
                }
            case let b as PyBuiltin:
                if name == "__name__" || name == "__qualname__" { return .str(b.name) }
                if name == "__class__" { return .object(o.pyType) }
                return nil
            case let m as PyBoundMethod:
                switch name {
                case "__self__": return m.receiver
                case "__func__": return m.function
                case "__name__": return try lookupAttr(m.function, "__name__")
                case "__class__": return .object(o.pyType)
                default: return try lookupAttr(m.function, name)
                }
            case let s as PySuper:
                return try superAttr(s, name)
            case let sl as PySlice:
                switch name {
                case "start": return sl.start
                case "stop": return sl.stop
                case "step": return sl.step
                default: break
                }
            case let r as PyRange:
                switch name {
                case "start": return .int(r.start)
                case "stop": return .int(r.stop)
                case "step": return .int(r.step)
                default: break
                }
            default: break
            }
        case .tensor(let t):
            if name == "__class__" { return .object(BuiltinTypes.tensor) }
            if let v = try tensors.getAttr(self, t, name) { return v }
            if let f = BuiltinTypes.tensor.lookup(name) { return try bind(f, obj, cls: BuiltinTypes.tensor) }
            return nil
        case .tscalar:
            return try lookupAttr(materialize(obj), name)
        default: break
        }
        if name == "__class__" { return .object(obj.pyType) }
        if let f = obj.pyType.lookup(name) { return try bind(f, obj, cls: obj.pyType) }
        return nil
    }

    /// `obj.name = v`.
    public func setAttr(_ obj: Value, _ name: String, _ v: Value) throws {
        // A user `__setattr__` (a property of that name still takes the store, as before).
        if case .object(let i as PyInstance) = obj, !i.cls.isBuiltin || i.cls.isException,
           let m = i.cls.lookup("__setattr__"), !isObjectDefault(m) {
            if case .object(_ as PyProperty)? = i.cls.lookup(name) {} else {
                _ = try call(m, [obj, .str(name), v], [])
                return
            }
        }
        try genericSetAttr(obj, name, v)
    }

    /// `object.__setattr__(obj, name, v)`: what `obj.name = v` does without a user `__setattr__`.
    public func genericSetAttr(_ obj: Value, _ name: String, _ v: Value) throws {
        switch obj {
        case .object(let i as PyInstance):
            if !i.cls.isBuiltin || i.cls.isException {
                if let p = i.cls.lookup(name), case .object(let prop as PyProperty) = p {
                    guard let s = prop.setter else {
                        throw PyError.attribute("property '\(prop.name ?? name)' of '\(i.cls.name)' object has no setter")
                    }
                    _ = try call(s, [obj, v], [])
                    return
                }
                i.attrs[name] = v
                return
            }
        case .object(let c as PyClass) where !c.isBuiltin || c.isSubclass(of: BuiltinTypes.tensor):
            // torch.Tensor is a Python class in PyTorch: lesson code patches it
            // (`torch.Tensor.ndim = property(...)`); the tensor's own attributes still come first.
            c.dict[name] = v
            return
        case .object(let f as PyFunction):
            f.attrs[name] = v
            return
        case .tensor(let t):
            try tensors.setAttr(self, t, name, v)
            return
        case .tscalar:
            throw PyError.attribute("cannot set attributes on an unboxed scalar tensor")
        default: break
        }
        if case .object(let c as PyClass) = obj {
            throw PyError.type("cannot set '\(name)' attribute of immutable type '\(c.name)'")
        }
        if obj.pyType.lookup(name) != nil {
            throw PyError.attribute("'\(obj.typeName)' object attribute '\(name)' is read-only")
        }
        throw PyError.attribute("'\(obj.typeName)' object has no attribute '\(name)'")
    }

    /// `del obj.name`: a property's deleter, a user `__delattr__`, else the instance dict.
    public func delAttr(_ obj: Value, _ name: String) throws {
        if case .object(let i as PyInstance) = obj {
            if let p = i.cls.lookup(name), case .object(let prop as PyProperty) = p {
                guard let d = prop.deleter else {
                    throw PyError.attribute("property '\(prop.name ?? name)' of '\(i.cls.name)' object has no deleter")
                }
                _ = try call(d, [obj], [])
                return
            }
            if let m = i.cls.lookup("__delattr__"), !isObjectDefault(m) {
                _ = try call(m, [obj, .str(name)], [])
                return
            }
            if i.attrs.removeValue(forKey: name) != nil { return }
            throw PyError.attribute("'\(i.cls.name)' object has no attribute '\(name)'")
        }
        if case .object(let c as PyClass) = obj, !c.isBuiltin {
            if c.dict.removeValue(forKey: name) != nil { return }
            throw PyError.attribute("type object '\(c.name)' has no attribute '\(name)'")
        }
        throw PyError.attribute(case1(obj, name))
    }

    private func case1(_ obj: Value, _ name: String) -> String {
        "'\(obj.typeName)' object has no attribute '\(name)'"
    }

    // MARK: Items

    /// An index as an Int (ints, bools, `__index__`).
    func indexValue(_ v: Value, _ what: @autoclosure () -> String) throws -> Int {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t):
            // A tensor's `__index__`: one element of an integer (or bool) dtype, as in PyTorch.
            guard !t.data.dtype.isFloatingPoint, t.data.numel == 1 else {
                throw PyError.type("only integer tensors of a single element can be converted to an index")
            }
            return Int(t.data.scalars()[0])
        default: throw PyError.type(what())
        }
    }

    /// Normalises a possibly negative index against `count`; nil when out of range.
    @inline(__always) func normIndex(_ i: Int, _ count: Int) -> Int? {
        let j = i < 0 ? i + count : i
        return j >= 0 && j < count ? j : nil
    }

    /// `obj[index]`.
    public func getItem(_ obj: Value, _ index: Value) throws -> Value {
        switch obj {
        case .object(let o):
            switch o {
            case let l as PyList:
                if case .int(let i) = index {
                    guard let j = normIndex(i, l.items.count) else { throw PyError.index("list index out of range") }
                    return l.items[j]
                }
                if case .object(let s as PySlice) = index { return .object(PyList(try sliceArray(l.items, s))) }
                return try getItem(obj, .int(indexValue(index, "list indices must be integers or slices, not \(index.typeName)")))
            case let t as PyTuple:
                if case .int(let i) = index {
                    guard let j = normIndex(i, t.items.count) else { throw PyError.index("tuple index out of range") }
                    return t.items[j]
                }
                if case .object(let s as PySlice) = index { return .object(PyTuple(try sliceArray(t.items, s))) }
                return try getItem(obj, .int(indexValue(index, "tuple indices must be integers or slices, not \(index.typeName)")))
            case let d as PyDict:
                if let v = try d.get(index) { return v }
                if let c = d.cls, let m = c.lookup("__missing__") { return try call(m, [obj, index], []) }
                throw PyError.key(index)
            case let r as PyRange:
                if case .object(let s as PySlice) = index {
                    let (start, _, step, n) = try sliceIndices(s, try r.exactCount())
                    let ns = Int128(r.at(start)), st = Int128(r.step) * Int128(step)
                    guard let a = Int(exactly: ns), let b = Int(exactly: ns + Int128(n) * st), let c = Int(exactly: st) else {
                        throw PyError.intOverflow
                    }
                    return .object(PyRange(a, b, c))
                }
                let i = try indexValue(index, "range indices must be integers or slices, not \(index.typeName)")
                guard let v = r.element(i) else { throw PyError.index("range object index out of range") }
                return .int(v)
            case let i as PyInstance:
                if let m = i.cls.lookup("__getitem__") { return try call(m, [obj, index], []) }
            case let c as PyClass:
                // `list[int]` style generic aliases: accept and return the class.
                if c.isBuiltin { return obj }
            default: break
            }
        case .str(let s):
            let scalars = Array(s.unicodeScalars)
            if case .object(let sl as PySlice) = index {
                var out = String.UnicodeScalarView()
                out.append(contentsOf: try sliceArray(scalars, sl))
                return .str(String(out))
            }
            let i = try indexValue(index, "string indices must be integers, not '\(index.typeName)'")
            guard let j = normIndex(i, scalars.count) else { throw PyError.index("string index out of range") }
            return .str(String(scalars[j]))
        case .tensor(let t):
            return try tensors.getItem(self, t, materialize(index))
        case .tscalar:
            return try getItem(materialize(obj), index)
        default: break
        }
        if case .object(let c as PyClass) = obj, !c.isBuiltin {
            throw PyError.type("type '\(c.name)' is not subscriptable")
        }
        throw PyError.type("'\(obj.typeName)' object is not subscriptable")
    }

    /// `obj[index] = v`.
    public func setItem(_ obj: Value, _ index: Value, _ v: Value) throws {
        switch obj {
        case .object(let o):
            switch o {
            case let l as PyList:
                if case .int(let i) = index {
                    guard let j = normIndex(i, l.items.count) else { throw PyError.index("list assignment index out of range") }
                    l.items[j] = v
                    return
                }
                if case .object(let s as PySlice) = index {
                    try assignSlice(l, s, iterateToArray(v))
                    return
                }
                return try setItem(obj, .int(indexValue(index, "list indices must be integers or slices, not \(index.typeName)")), v)
            case let d as PyDict:
                try d.set(index, v)
                return
            case let i as PyInstance:
                if let m = i.cls.lookup("__setitem__") { _ = try call(m, [obj, index, v], []); return }
            default: break
            }
        case .tensor(let t):
            // The value stays unboxed: `c[i, j] += x` stores a `.tscalar` without allocating.
            try tensors.setItem(self, t, materialize(index), v)
            return
        default: break
        }
        throw PyError.type("'\(obj.typeName)' object does not support item assignment")
    }

    /// `del obj[index]`.
    public func delItem(_ obj: Value, _ index: Value) throws {
        switch obj {
        case .object(let l as PyList):
            if case .object(let s as PySlice) = index {
                let (start, _, step, n) = try sliceIndices(s, l.items.count)
                var drop = Set<Int>()
                for k in 0..<n { drop.insert(start + k * step) }
                l.items = l.items.enumerated().filter { !drop.contains($0.offset) }.map(\.element)
                return
            }
            let i = try indexValue(index, "list indices must be integers or slices, not \(index.typeName)")
            guard let j = normIndex(i, l.items.count) else { throw PyError.index("list assignment index out of range") }
            l.items.remove(at: j)
            return
        case .object(let d as PyDict):
            if try d.remove(index) == nil { throw PyError.key(index) }
            return
        case .object(let i as PyInstance):
            if let m = i.cls.lookup("__delitem__") { _ = try call(m, [obj, index], []); return }
        default: break
        }
        throw PyError.type("'\(obj.typeName)' object doesn't support item deletion")
    }

    // MARK: Slices

    /// CPython's `PySlice_GetIndicesEx`: start, stop, step and length for a sequence of `count`.
    func sliceIndices(_ s: PySlice, _ count: Int) throws -> (Int, Int, Int, Int) {
        func intOrNil(_ v: Value) throws -> Int? {
            switch v {
            case .none: return nil
            case .int(let i): return i
            case .bool(let b): return b ? 1 : 0
            default: throw PyError.type("slice indices must be integers or None or have an __index__ method")
            }
        }
        var step = try intOrNil(s.step) ?? 1
        if step == 0 { throw PyError.value("slice step cannot be zero") }
        if step == Int.min { step = -Int.max }
        var start: Int, stop: Int
        if let a = try intOrNil(s.start) {
            start = a < 0 ? a + count : a
            if start < 0 { start = step < 0 ? -1 : 0 } else if start >= count { start = step < 0 ? count - 1 : count }
        } else { start = step < 0 ? count - 1 : 0 }
        if let b = try intOrNil(s.stop) {
            stop = b < 0 ? b + count : b
            if stop < 0 { stop = step < 0 ? -1 : 0 } else if stop >= count { stop = step < 0 ? count - 1 : count }
        } else { stop = step < 0 ? -1 : count }
        var n = 0
        if step < 0 { if stop < start { n = (start - stop - 1) / (-step) + 1 } }
        else if start < stop { n = (stop - start - 1) / step + 1 }
        return (start, stop, step, n)
    }

    func sliceArray<T>(_ a: [T], _ s: PySlice) throws -> [T] {
        let (start, _, step, n) = try sliceIndices(s, a.count)
        if step == 1 { return n > 0 ? Array(a[start..<(start + n)]) : [] }
        var out: [T] = []
        out.reserveCapacity(n)
        for k in 0..<n { out.append(a[start + k * step]) }
        return out
    }

    func assignSlice(_ l: PyList, _ s: PySlice, _ items: [Value]) throws {
        let (start, _, step, n) = try sliceIndices(s, l.items.count)
        if step == 1 {
            let end = max(start, start + n)
            l.items.replaceSubrange(start..<end, with: items)
            return
        }
        guard items.count == n else {
            throw PyError.value("attempt to assign sequence of size \(items.count) to extended slice of size \(n)")
        }
        for k in 0..<n { l.items[start + k * step] = items[k] }
    }
}
