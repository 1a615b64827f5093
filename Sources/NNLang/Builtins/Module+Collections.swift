import NNEngine
import NNSyntax
/// The `collections` module: `OrderedDict`, `defaultdict`, `Counter` (dicts with a class),
/// `namedtuple` (tuples with a class) and `deque`.
extension Runtime {
    static let orderedDictClass = nativeClass("OrderedDict", module: "collections", base: BuiltinTypes.dict)
    static let defaultDictClass = nativeClass("defaultdict", module: "collections", base: BuiltinTypes.dict)
    static let counterClass = nativeClass("Counter", module: "collections", base: BuiltinTypes.dict)
    static let dequeClass = nativeClass("deque", module: "collections")

    /// A plain dict made from `dict(*args, **kw)`, given class `cls`.
    static func makeDict(_ rt: Runtime, _ cls: PyClass, _ args: [Value], _ kw: Kwargs) throws -> PyDict {
        guard case .object(let d as PyDict) = try BuiltinTypes.dict.construct!(rt, args, kw) else { return PyDict() }
        d.cls = cls
        return d
    }

    static func dictOf(_ v: Value) throws -> PyDict {
        guard case .object(let d as PyDict) = v else { throw PyError.type("descriptor requires a 'dict' object") }
        return d
    }

    /// `Counter`'s items, most common first (ties keep insertion order).
    static func mostCommon(_ rt: Runtime, _ d: PyDict) throws -> [(Value, Value)] {
        var pairs = (0..<d.count).map { Value.object(PyTuple([d.keys[$0], d.values[$0]])) }
        func count(_ v: Value) -> Value { if case .object(let t as PyTuple) = v { return t.items[1] }; return .none }
        try mergeSort(&pairs) { a, b in try rt.lessThan(count(b), count(a)) }
        return pairs.map { v in
            guard case .object(let t as PyTuple) = v else { return (.none, .none) }
            return (t.items[0], t.items[1])
        }
    }

    static let collectionsReady: Bool = {
        let OD = orderedDictClass, DD = defaultDictClass, C = counterClass
        OD.construct = { rt, a, kw in
            try Args.count("OrderedDict", a, 0, 1)
            return .object(try makeDict(rt, OD, a, kw))
        }
        methods(OD, [
            ("__repr__", { rt, s, _, _ in
                let d = try dictOf(s)
                if d.count == 0 { return .str("OrderedDict()") }
                let items = (0..<d.count).map { Value.object(PyTuple([d.keys[$0], d.values[$0]])) }
                return .str("OrderedDict(" + (try rt.repr(.object(PyList(items)))) + ")")
            }),
            ("move_to_end", { rt, s, a, kw in
                try Args.count("move_to_end", a, 1, 2)
                let d = try dictOf(s)
                let last = try (a.count > 1 ? a[1] : Args.kw(kw, "last")).map { try rt.truth($0) } ?? true
                guard let v = try d.remove(a[0]) else { throw PyError.key(a[0]) }
                if last { try d.set(a[0], v); return .none }
                let keys = d.keys, vals = d.values
                d.removeAll()
                try d.set(a[0], v)
                for i in 0..<keys.count { try d.set(keys[i], vals[i]) }
                return .none
            }),
            ("popitem", { rt, s, a, kw in
                let d = try dictOf(s)
                let last = try (a.first ?? Args.kw(kw, "last")).map { try rt.truth($0) } ?? true
                guard d.count > 0 else { throw PyError(BuiltinTypes.keyError, "dictionary is empty") }
                let k = last ? d.keys[d.count - 1] : d.keys[0]
                let v = try d.remove(k) ?? .none
                return .object(PyTuple([k, v]))
            }),
        ])
        DD.construct = { rt, a, kw in
            var rest = a
            var factory = Value.none
            if !rest.isEmpty {
                factory = rest.removeFirst()
                if !factory.isNone && !rt.isCallable(factory) { throw PyError.type("first argument must be callable or None") }
            }
            let d = try makeDict(rt, DD, rest, kw)
            d.defaultFactory = factory
            return .object(d)
        }
        methods(DD, [
            ("__missing__", { rt, s, a, _ in
                let d = try dictOf(s)
                try Args.count("__missing__", a, 1, 1)
                if d.defaultFactory.isNone { throw PyError.key(a[0]) }
                let v = try rt.call(d.defaultFactory, [], [])
                try d.set(a[0], v)
                return v
            }),
            ("__repr__", { rt, s, _, _ in
                let d = try dictOf(s)
                var parts: [String] = []
                for i in 0..<d.count { parts.append(try rt.repr(d.keys[i]) + ": " + rt.repr(d.values[i])) }
                return .str("defaultdict(" + (try rt.repr(d.defaultFactory)) + ", {" + parts.joined(separator: ", ") + "})")
            }),
            ("copy", { _, s, _, _ in
                let d = try dictOf(s), c = d.copy()
                c.cls = DD; c.defaultFactory = d.defaultFactory
                return .object(c)
            }),
        ])
        attribute(DD, "default_factory") { v in (try? dictOf(v))?.defaultFactory ?? .none }
        func count(_ rt: Runtime, _ d: PyDict, _ src: Value, sign: Int) throws {
            if case .object(let m as PyDict) = src {
                for i in 0..<m.count {
                    let old = try d.get(m.keys[i]) ?? .int(0)
                    try d.set(m.keys[i], sign > 0 ? rt.binary(.add, old, m.values[i]) : rt.binary(.sub, old, m.values[i]))
                }
                return
            }
            let it = try rt.makeIterator(src)
            while let x = try it() {
                let old = try d.get(x) ?? .int(0)
                try d.set(x, rt.binary(sign > 0 ? .add : .sub, old, .int(1)))
            }
        }
        C.construct = { rt, a, kw in
            try Args.count("Counter", a, 0, 1)
            let d = PyDict()
            d.cls = C
            if let src = a.first { try count(rt, d, src, sign: 1) }
            for (k, v) in kw { d.set(k, v) }
            return .object(d)
        }
        methods(C, [
            ("__missing__", { _, _, _, _ in .int(0) }),
            ("__repr__", { rt, s, _, _ in
                let d = try dictOf(s)
                if d.count == 0 { return .str("Counter()") }
                let parts = try mostCommon(rt, d).map { try rt.repr($0.0) + ": " + rt.repr($0.1) }
                return .str("Counter({" + parts.joined(separator: ", ") + "})")
            }),
            ("most_common", { rt, s, a, kw in
                try Args.count("most_common", a, 0, 1)
                var pairs = try mostCommon(rt, try dictOf(s))
                if let nv = a.first ?? Args.kw(kw, "n"), !nv.isNone { pairs = Array(pairs.prefix(max(0, try Args.int(nv)))) }
                return .object(PyList(pairs.map { .object(PyTuple([$0.0, $0.1])) }))
            }),
            ("elements", { rt, s, _, _ in
                let d = try dictOf(s)
                var out: [Value] = []
                for i in 0..<d.count { if case .int(let n) = d.values[i], n > 0 { out += Array(repeating: d.keys[i], count: n) } }
                var k = 0
                return rt.lazyIterator(BuiltinTypes.iterator) { defer { k += 1 }; return k < out.count ? out[k] : nil }
            }),
            ("update", { rt, s, a, kw in
                let d = try dictOf(s)
                if let src = a.first { try count(rt, d, src, sign: 1) }
                for (k, v) in kw { try d.set(.str(k), rt.binary(.add, d.get(.str(k)) ?? .int(0), v)) }
                return .none
            }),
            ("subtract", { rt, s, a, kw in
                let d = try dictOf(s)
                if let src = a.first { try count(rt, d, src, sign: -1) }
                return .none
            }),
            ("total", { rt, s, _, _ in
                var t = Value.int(0)
                for v in try dictOf(s).values { t = try rt.binary(.add, t, v) }
                return t
            }),
        ])
        installDeque()
        return true
    }()

    func collectionsModule() -> [String: Value] {
        _ = Runtime.collectionsReady
        return [
            "OrderedDict": .object(Runtime.orderedDictClass),
            "defaultdict": .object(Runtime.defaultDictClass),
            "Counter": .object(Runtime.counterClass),
            "deque": .object(Runtime.dequeClass),
            "namedtuple": Runtime.fn("namedtuple") { rt, a, kw in try rt.namedtuple(a, kw) },
        ]
    }

    /// `namedtuple(typename, field_names, *, defaults=None)`: a tuple class with named fields.
    func namedtuple(_ a: [Value], _ kw: Kwargs) throws -> Value {
        try Args.count("namedtuple", a, 2, 2)
        try Args.onlyKw("namedtuple", kw, ["defaults", "rename", "module"])
        guard case .str(let name) = a[0] else { throw PyError.type("Type names and field names must be strings") }
        var fields: [String]
        if case .str(let s) = a[1] {
            fields = s.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        } else {
            fields = try iterateToArray(a[1]).map { try Args.str($0, "Type names and field names must be strings") }
        }
        for f in [name] + fields {
            guard let c = f.unicodeScalars.first, c == "_" || c.properties.isAlphabetic,
                  f.unicodeScalars.allSatisfy({ $0 == "_" || $0.properties.isAlphabetic || $0.properties.numericType != nil }) else {
                throw PyError.value("Type names and field names must be valid identifiers: \(stringRepr(f))")
            }
        }
        for f in fields where f.hasPrefix("_") { throw PyError.value("Field names cannot start with an underscore: \(stringRepr(f))") }
        var seen = Set<String>()
        for f in fields { if !seen.insert(f).inserted { throw PyError.value("Encountered duplicate field name: \(stringRepr(f))") } }
        var defaults: [Value] = []
        if let dv = Args.kw(kw, "defaults"), !dv.isNone { defaults = try iterateToArray(dv) }
        if defaults.count > fields.count { throw PyError.type("Got more default values than field names") }
        let cls = PyClass(name: name, base: BuiltinTypes.tuple, isBuiltin: true)
        cls.dict["__module__"] = .str("__main__")
        cls.dict["_fields"] = .object(PyTuple(fields.map { .str($0) }))
        let fd = PyDict()
        for (i, v) in defaults.enumerated() { fd.set(fields[fields.count - defaults.count + i], v) }
        cls.dict["_field_defaults"] = .object(fd)
        let n = fields.count
        let make: PyBuiltin.Fn = { rt, args, kw in
            if args.count > n {
                throw PyError.type("\(name).__new__() takes \(n + 1) positional arguments but \(args.count + 1) were given")
            }
            var vals: [Value?] = args.map { $0 } + Array(repeating: nil, count: n - args.count)
            for (k, v) in kw {
                guard let i = fields.firstIndex(of: k) else { throw PyError.type("\(name).__new__() got an unexpected keyword argument '\(k)'") }
                if vals[i] != nil { throw PyError.type("\(name).__new__() got multiple values for argument '\(k)'") }
                vals[i] = v
            }
            var missing: [String] = []
            for i in 0..<n where vals[i] == nil {
                let j = i - (n - defaults.count)
                if j >= 0 { vals[i] = defaults[j] } else { missing.append(fields[i]) }
            }
            if !missing.isEmpty {
                let q = missing.map { "'\($0)'" }
                let list = q.count == 1 ? q[0] : (q.count == 2 ? "\(q[0]) and \(q[1])" : q.dropLast().joined(separator: ", ") + ", and " + q.last!)
                throw PyError.type("\(name).__new__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(list)")
            }
            let t = PyTuple(vals.map { $0! })
            t.cls = cls
            return .object(t)
        }
        cls.construct = make
        func tuple(_ v: Value) throws -> PyTuple {
            guard case .object(let t as PyTuple) = v, t.items.count == n else { throw PyError.type("descriptor requires a '\(name)' object") }
            return t
        }
        for (i, f) in fields.enumerated() {
            Runtime.attribute(cls, f) { v in (try? tuple(v))?.items[i] ?? .none }
        }
        methods(cls, [
            ("__repr__", { rt, s, _, _ in
                let t = try tuple(s)
                let parts = try (0..<n).map { fields[$0] + "=" + (try rt.repr(t.items[$0])) }
                return .str(name + "(" + parts.joined(separator: ", ") + ")")
            }),
            ("_asdict", { _, s, _, _ in
                let t = try tuple(s), d = PyDict()
                for i in 0..<n { d.set(fields[i], t.items[i]) }
                return .object(d)
            }),
            ("_replace", { rt, s, a, kw in
                let t = try tuple(s)
                var items = t.items
                for (k, v) in kw {
                    guard let i = fields.firstIndex(of: k) else {
                        throw PyError.value("Got unexpected field names: [\(stringRepr(k))]")
                    }
                    items[i] = v
                }
                let r = PyTuple(items)
                r.cls = cls
                return .object(r)
            }),
        ])
        cls.dict["_make"] = .object(PyStaticMethod(Runtime.fn("_make") { rt, a, _ in
            try Args.count("_make", a, 1, 1)
            let items = try rt.iterateToArray(a[0])
            if items.count != n { throw PyError.type("Expected \(n) arguments, got \(items.count)") }
            return try make(rt, items, [])
        }, isClassMethod: false))
        return .object(cls)
    }
}
