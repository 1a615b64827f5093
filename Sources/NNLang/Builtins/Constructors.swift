import NNEngine
import NNSyntax
import Foundation

/// Parses an int literal as `int(s, base)` does.
func parseInt(_ text: String, base: Int) -> Int? {
    var s = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var neg = false
    if s.hasPrefix("-") { neg = true; s.removeFirst() } else if s.hasPrefix("+") { s.removeFirst() }
    var b = base
    let lower = s.lowercased()
    if (b == 16 || b == 0) && lower.hasPrefix("0x") { s = String(s.dropFirst(2)); b = 16 }
    else if (b == 8 || b == 0) && lower.hasPrefix("0o") { s = String(s.dropFirst(2)); b = 8 }
    else if (b == 2 || b == 0) && lower.hasPrefix("0b") { s = String(s.dropFirst(2)); b = 2 }
    if b == 0 { b = 10 }
    if s.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { return nil }
    s = s.replacingOccurrences(of: "_", with: "")
    guard !s.isEmpty, s.allSatisfy({ $0.isASCII }), let m = UInt64(s, radix: b) else { return nil }
    if neg { return m <= UInt64(Int.max) + 1 ? (m == UInt64(Int.max) + 1 ? Int.min : -Int(m)) : nil }
    return m <= UInt64(Int.max) ? Int(m) : nil
}

func parseFloat(_ text: String) -> Double? {
    let s = text.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    switch s {
    case "inf", "+inf", "infinity", "+infinity": return .infinity
    case "-inf", "-infinity": return -.infinity
    case "nan", "+nan", "-nan": return .nan
    default: break
    }
    if s.isEmpty || s.hasPrefix("_") || s.hasSuffix("_") || s.contains("__") { return nil }
    let t = s.replacingOccurrences(of: "_", with: "")
    guard t.allSatisfy({ "0123456789.e+-".contains($0) }), t.contains(where: { $0.isNumber }) else { return nil }
    return Double(t)
}

extension Runtime {
    func toInt(_ v: Value, base: Value?) throws -> Value {
        if let base, !base.isNone {
            guard case .str(let s) = v else { throw PyError.type("int() can't convert non-string with explicit base") }
            let b = try Args.int(base)
            guard b == 0 || (2...36).contains(b) else { throw PyError.value("int() base must be >= 2 and <= 36, or 0") }
            guard let i = parseInt(s, base: b) else { throw PyError.value("invalid literal for int() with base \(b): \(stringRepr(s))") }
            return .int(i)
        }
        switch v {
        case .int: return v
        case .bool(let b): return .int(b ? 1 : 0)
        case .float(let d):
            if d.isNaN { throw PyError.value("cannot convert float NaN to integer") }
            if d.isInfinite { throw PyError.overflow("cannot convert float infinity to integer") }
            guard let i = Int(exactly: d.rounded(.towardZero)) else { throw PyError.intOverflow }
            return .int(i)
        case .str(let s):
            guard let i = parseInt(s, base: 10) else { throw PyError.value("invalid literal for int() with base 10: \(stringRepr(s))") }
            return .int(i)
        case .tscalar(let f): return try toInt(.float(Double(f)), base: nil)
        case .tensor(let t): return try toInt(tensors.item(self, t), base: nil)
        case .object(let o as PyInstance):
            if let m = o.cls.lookup("__int__") { return try call(m, [v], []) }
            if let m = o.cls.lookup("__index__") { return try call(m, [v], []) }
        default: break
        }
        throw PyError.type("int() argument must be a string, a bytes-like object or a real number, not '\(v.typeName)'")
    }

    func toFloat(_ v: Value) throws -> Value {
        switch v {
        case .float: return v
        case .int(let i): return .float(Double(i))
        case .bool(let b): return .float(b ? 1 : 0)
        case .str(let s):
            guard let d = parseFloat(s) else { throw PyError.value("could not convert string to float: \(stringRepr(s))") }
            return .float(d)
        case .tscalar(let f): return .float(Double(f))
        case .tensor(let t):
            let x = try tensors.item(self, t)
            return try toFloat(x)
        case .object(let o as PyInstance):
            if let m = o.cls.lookup("__float__") { return try call(m, [v], []) }
        default: break
        }
        throw PyError.type("float() argument must be a string or a real number, not '\(v.typeName)'")
    }

    func lazyIterator(_ kind: PyClass, _ next: @escaping () throws -> Value?) -> Value {
        .object(PyIterator(kind: kind, next))
    }

    static func installConstructors() {
        let T = BuiltinTypes.self
        T.int.construct = { rt, args, kw in
            try Args.count("int", args, 0, 2)
            if args.isEmpty { return .int(0) }
            return try rt.toInt(args[0], base: args.count > 1 ? args[1] : Args.kw(kw, "base"))
        }
        T.float.construct = { rt, args, _ in
            try Args.count("float", args, 0, 1)
            return args.isEmpty ? .float(0) : try rt.toFloat(args[0])
        }
        T.str.construct = { rt, args, _ in
            try Args.count("str", args, 0, 1)
            return args.isEmpty ? .str("") : .str(try rt.str(args[0]))
        }
        T.bool.construct = { rt, args, _ in
            try Args.count("bool", args, 0, 1)
            return args.isEmpty ? .False : .bool(try rt.truth(args[0]))
        }
        T.list.construct = { rt, args, _ in
            try Args.count("list", args, 0, 1)
            return .object(PyList(args.isEmpty ? [] : try rt.iterateToArray(args[0])))
        }
        T.tuple.construct = { rt, args, _ in
            try Args.count("tuple", args, 0, 1)
            if case .object(let t as PyTuple)? = args.first, t.cls == nil { return .object(t) }
            return .object(PyTuple(args.isEmpty ? [] : try rt.iterateToArray(args[0])))
        }
        T.set.construct = { rt, args, _ in
            try Args.count("set", args, 0, 1)
            let d = PyDict()
            if let a = args.first { for x in try rt.iterateToArray(a) { try d.set(x, .none) } }
            return .object(PySet(d))
        }
        T.dict.construct = { rt, args, kw in
            try Args.count("dict", args, 0, 1)
            let d = PyDict()
            if let a = args.first { try rt.dictUpdate(d, a) }
            for (k, v) in kw { d.set(k, v) }
            return .object(d)
        }
        T.range.construct = { rt, args, _ in
            try Args.count("range", args, 1, 3)
            let ints = try args.map { try Args.int($0) }
            let r: PyRange
            switch ints.count {
            case 1: r = PyRange(0, ints[0], 1)
            case 2: r = PyRange(ints[0], ints[1], 1)
            default:
                if ints[2] == 0 { throw PyError.value("range() arg 3 must not be zero") }
                r = PyRange(ints[0], ints[1], ints[2])
            }
            return .object(r)
        }
        T.slice.construct = { _, args, _ in
            try Args.count("slice", args, 1, 3)
            switch args.count {
            case 1: return .object(PySlice(.none, args[0], .none))
            case 2: return .object(PySlice(args[0], args[1], .none))
            default: return .object(PySlice(args[0], args[1], args[2]))
            }
        }
        T.type.construct = { rt, args, kw in try rt.typeCall(args, kw) }
        T.object.construct = { _, args, _ in
            try Args.count("object", args, 0, 0)
            return .object(PyInstance(cls: BuiltinTypes.object))
        }
        T.enumerate.construct = { rt, args, kw in
            try Args.count("enumerate", args, 1, 2)
            // nil once the count has passed Int.max: the next item is an OverflowError.
            var i: Int? = try Args.int(args.count > 1 ? args[1] : (Args.kw(kw, "start") ?? .int(0)))
            let it = try rt.makeIterator(args[0])
            return rt.lazyIterator(BuiltinTypes.enumerate) {
                guard let x = try it() else { return nil }
                guard let cur = i else { throw PyError.intOverflow }
                let (next, over) = cur.addingReportingOverflow(1)
                i = over ? nil : next
                return .object(PyTuple([.int(cur), x]))
            }
        }
        T.zip.construct = { rt, args, kw in
            let its = try args.map { try rt.makeIterator($0) }
            let strict = try Args.kw(kw, "strict").map { try rt.truth($0) } ?? false
            return rt.lazyIterator(BuiltinTypes.zip) {
                if its.isEmpty { return nil }
                var out: [Value] = []
                for (k, it) in its.enumerated() {
                    guard let x = try it() else {
                        if strict && k > 0 { throw PyError.value("zip() argument \(k + 1) is shorter than argument 1") }
                        return nil
                    }
                    out.append(x)
                }
                return .object(PyTuple(out))
            }
        }
        T.map.construct = { rt, args, _ in
            guard args.count >= 2 else { throw PyError.type("map() must have at least two arguments.") }
            let f = args[0]
            let its = try args.dropFirst().map { try rt.makeIterator($0) }
            return rt.lazyIterator(BuiltinTypes.map) {
                var xs: [Value] = []
                for it in its { guard let x = try it() else { return nil }; xs.append(x) }
                return try rt.call(f, xs, [])
            }
        }
        T.filter.construct = { rt, args, _ in
            try Args.count("filter", args, 2, 2)
            let f = args[0]
            let it = try rt.makeIterator(args[1])
            return rt.lazyIterator(BuiltinTypes.filter) {
                while let x = try it() {
                    if f.isNone ? try rt.truth(x) : try rt.truth(rt.call(f, [x], [])) { return x }
                }
                return nil
            }
        }
        T.reversed.construct = { rt, args, _ in
            try Args.count("reversed", args, 1, 1)
            let items: [Value]
            switch args[0] {
            case .object(let o as PyInstance):
                if let m = o.cls.lookup("__reversed__") { return try rt.call(m, [args[0]], []) }
                items = try rt.iterateToArray(args[0])
            case .object(is PyList), .object(is PyTuple), .object(is PyRange), .str, .tensor, .object(is PyDict):
                items = try rt.iterateToArray(args[0])
            default:
                throw PyError.type("'\(args[0].typeName)' object is not reversible")
            }
            var i = items.count
            return rt.lazyIterator(BuiltinTypes.reversed) {
                guard i > 0 else { return nil }
                i -= 1
                return items[i]
            }
        }
        T.property.construct = { _, args, kw in
            try Args.count("property", args, 0, 4)
            try Args.onlyKw("property", kw, ["fget", "fset", "fdel", "doc"])
            func arg(_ i: Int, _ name: String) -> Value {
                let v = i < args.count ? args[i] : (Args.kw(kw, name) ?? .none)
                return v
            }
            let p = PyProperty(getter: arg(0, "fget"))
            if case let f = arg(1, "fset"), !f.isNone { p.setter = f }
            if case let f = arg(2, "fdel"), !f.isNone { p.deleter = f }
            p.doc = arg(3, "doc")
            return .object(p)
        }
        /// `prop.getter(f)` and friends: a copy with one function replaced.
        func copy(_ s: Value, getter: Value? = nil, setter: Value? = nil, deleter: Value? = nil) -> Value {
            guard case .object(let p as PyProperty) = s else { return .none }
            let q = PyProperty(getter: getter ?? p.getter)
            q.setter = setter ?? p.setter
            q.deleter = deleter ?? p.deleter
            q.doc = p.doc
            q.name = p.name
            return .object(q)
        }
        methods(T.property, [
            ("getter", { _, s, a, _ in try Args.count("getter", a, 1, 1); return copy(s, getter: a[0]) }),
            ("setter", { _, s, a, _ in try Args.count("setter", a, 1, 1); return copy(s, setter: a[0]) }),
            ("deleter", { _, s, a, _ in try Args.count("deleter", a, 1, 1); return copy(s, deleter: a[0]) }),
        ])
        for (name, part) in [("fget", 0), ("fset", 1), ("fdel", 2), ("__doc__", 3)] {
            let get = PyMethodDescr(name) { _, s, _, _ in
                guard case .object(let p as PyProperty) = s else { return .none }
                switch part {
                case 0: return p.getter
                case 1: return p.setter ?? .none
                case 2: return p.deleter ?? .none
                default:
                    if !p.doc.isNone { return p.doc }
                    if case .object(let f as PyFunction) = p.getter, let d = f.doc { return .str(d) }
                    return .none
                }
            }
            T.property.dict[name] = .object(PyProperty(getter: .object(get)))
        }
        T.staticmethod.construct = { _, args, _ in
            try Args.count("staticmethod", args, 1, 1)
            return .object(PyStaticMethod(args[0], isClassMethod: false))
        }
        T.classmethod.construct = { _, args, _ in
            try Args.count("classmethod", args, 1, 1)
            return .object(PyStaticMethod(args[0], isClassMethod: true))
        }
        T.superType.construct = { _, args, _ in
            guard args.count == 2, case .object(let c as PyClass) = args[0] else {
                throw PyError.runtime("super(): use super() inside a method, or super(Class, obj)")
            }
            return .object(PySuper(start: c, receiver: args[1]))
        }
        installMethods()
        installGeneratorMethods()
    }

    func dictUpdate(_ d: PyDict, _ a: Value) throws {
        if case .object(let o as PyDict) = a {
            for i in 0..<o.count { try d.set(o.keys[i], o.values[i]) }
            return
        }
        if case .object(let inst as PyInstance) = a, inst.cls.lookup("keys") != nil {
            for k in try iterateToArray(call(getAttr(a, "keys"), [], [])) { try d.set(k, getItem(a, k)) }
            return
        }
        let it = try makeIterator(a)
        var n = 0
        while let pair = try it() {
            let kv = try iterateToArray(pair)
            guard kv.count == 2 else {
                throw PyError.value("dictionary update sequence element #\(n) has length \(kv.count); 2 is required")
            }
            try d.set(kv[0], kv[1])
            n += 1
        }
    }
}
