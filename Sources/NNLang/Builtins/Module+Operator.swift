import NNEngine
import NNSyntax
/// The `operator` module: operators as functions, and `itemgetter`/`attrgetter`/`methodcaller`.
extension Runtime {
    static let itemgetterClass = nativeClass("itemgetter", module: "operator")
    static let attrgetterClass = nativeClass("attrgetter", module: "operator")
    static let methodcallerClass = nativeClass("methodcaller", module: "operator")

    /// What an itemgetter/attrgetter/methodcaller holds.
    final class Getter {
        let items: [Value]
        let kw: Kwargs
        init(_ items: [Value], _ kw: Kwargs = []) { self.items = items; self.kw = kw }
    }

    static let gettersReady: Bool = {
        func getter(_ s: Value, _ cls: PyClass) -> Getter { state(s, cls, as: Getter.self) ?? Getter([]) }
        methods(itemgetterClass, [
            ("__call__", { rt, s, a, _ in
                try Args.count("itemgetter", a, 1, 1)
                let g = getter(s, itemgetterClass)
                if g.items.count == 1 { return try rt.getItem(a[0], g.items[0]) }
                return .object(PyTuple(try g.items.map { try rt.getItem(a[0], $0) }))
            }),
            ("__repr__", { rt, s, _, _ in
                .str("operator.itemgetter(" + (try getter(s, itemgetterClass).items.map { try rt.repr($0) }.joined(separator: ", ")) + ")")
            }),
        ])
        methods(attrgetterClass, [
            ("__call__", { rt, s, a, _ in
                try Args.count("attrgetter", a, 1, 1)
                let g = getter(s, attrgetterClass)
                func get(_ path: Value) throws -> Value {
                    guard case .str(let p) = path else { return .none }
                    var v = a[0]
                    for part in p.split(separator: ".", omittingEmptySubsequences: false) { v = try rt.getAttr(v, String(part)) }
                    return v
                }
                if g.items.count == 1 { return try get(g.items[0]) }
                return .object(PyTuple(try g.items.map(get)))
            }),
            ("__repr__", { rt, s, _, _ in
                .str("operator.attrgetter(" + (try getter(s, attrgetterClass).items.map { try rt.repr($0) }.joined(separator: ", ")) + ")")
            }),
        ])
        methods(methodcallerClass, [
            ("__call__", { rt, s, a, _ in
                try Args.count("methodcaller", a, 1, 1)
                let g = getter(s, methodcallerClass)
                guard case .str(let name)? = g.items.first else { return .none }
                return try rt.call(rt.getAttr(a[0], name), Array(g.items.dropFirst()), g.kw)
            }),
            ("__repr__", { rt, s, _, _ in
                let g = getter(s, methodcallerClass)
                var parts = try g.items.map { try rt.repr($0) }
                for (k, v) in g.kw { parts.append(k + "=" + (try rt.repr(v))) }
                return .str("operator.methodcaller(" + parts.joined(separator: ", ") + ")")
            }),
        ])
        Runtime.itemgetterClass.construct = { _, a, kw in
            try Args.noKw("itemgetter", kw)
            if a.isEmpty { throw PyError.type("itemgetter expected 1 argument, got 0") }
            return Runtime.native(Runtime.itemgetterClass, Getter(a))
        }
        Runtime.attrgetterClass.construct = { _, a, kw in
            try Args.noKw("attrgetter", kw)
            if a.isEmpty { throw PyError.type("attrgetter expected 1 argument, got 0") }
            for x in a { guard case .str = x else { throw PyError.type("attribute name must be a string") } }
            return Runtime.native(Runtime.attrgetterClass, Getter(a))
        }
        Runtime.methodcallerClass.construct = { _, a, kw in
            guard case .str? = a.first else { throw PyError.type("method name must be a string") }
            return Runtime.native(Runtime.methodcallerClass, Getter(a, kw))
        }
        return true
    }()

    func operatorModule() -> [String: Value] {
        _ = Runtime.gettersReady
        var d: [String: Value] = [:]
        func def(_ names: [String], _ f: @escaping PyBuiltin.Fn) {
            for n in names { d[n] = .object(PyBuiltin(n, acceptsTScalar: true, f)) }
        }
        func binary(_ names: [String], _ op: BinaryOp) {
            def(names) { rt, a, _ in
                try Args.count(names[0], a, 2, 2)
                return try rt.binary(op, a[0], a[1])
            }
        }
        func inplace(_ names: [String], _ op: BinaryOp) {
            def(names) { rt, a, _ in
                try Args.count(names[0], a, 2, 2)
                return try rt.inplace(op, a[0], a[1])
            }
        }
        func compare(_ names: [String], _ op: CompareOp) {
            def(names) { rt, a, _ in
                try Args.count(names[0], a, 2, 2)
                return try rt.compare(op, a[0], a[1])
            }
        }
        binary(["add", "__add__"], .add); binary(["sub", "__sub__"], .sub); binary(["mul", "__mul__"], .mul)
        binary(["truediv", "__truediv__"], .div); binary(["floordiv", "__floordiv__"], .floorDiv)
        binary(["mod", "__mod__"], .mod); binary(["pow", "__pow__"], .pow); binary(["matmul", "__matmul__"], .matMul)
        binary(["lshift", "__lshift__"], .lShift); binary(["rshift", "__rshift__"], .rShift)
        binary(["and_", "__and__"], .bitAnd); binary(["or_", "__or__"], .bitOr); binary(["xor", "__xor__"], .bitXor)
        inplace(["iadd", "__iadd__"], .add); inplace(["isub", "__isub__"], .sub); inplace(["imul", "__imul__"], .mul)
        inplace(["itruediv", "__itruediv__"], .div); inplace(["ifloordiv", "__ifloordiv__"], .floorDiv)
        inplace(["imod", "__imod__"], .mod); inplace(["ipow", "__ipow__"], .pow); inplace(["imatmul", "__imatmul__"], .matMul)
        compare(["eq", "__eq__"], .eq); compare(["ne", "__ne__"], .ne); compare(["lt", "__lt__"], .lt)
        compare(["le", "__le__"], .le); compare(["gt", "__gt__"], .gt); compare(["ge", "__ge__"], .ge)
        compare(["is_"], .is); compare(["is_not"], .isNot)
        def(["concat", "__concat__"]) { rt, a, _ in
            try Args.count("concat", a, 2, 2)
            return try rt.binary(.add, a[0], a[1])
        }
        def(["iconcat", "__iconcat__"]) { rt, a, _ in
            try Args.count("iconcat", a, 2, 2)
            return try rt.inplace(.add, a[0], a[1])
        }
        def(["neg", "__neg__"]) { rt, a, _ in try Args.count("neg", a, 1, 1); return try rt.unary(.neg, a[0]) }
        def(["pos", "__pos__"]) { rt, a, _ in try Args.count("pos", a, 1, 1); return try rt.unary(.pos, a[0]) }
        def(["invert", "inv", "__invert__", "__inv__"]) { rt, a, _ in try Args.count("invert", a, 1, 1); return try rt.unary(.invert, a[0]) }
        def(["not_", "__not__"]) { rt, a, _ in try Args.count("not_", a, 1, 1); return .bool(!(try rt.truth(a[0]))) }
        def(["truth"]) { rt, a, _ in try Args.count("truth", a, 1, 1); return .bool(try rt.truth(a[0])) }
        def(["abs", "__abs__"]) { rt, a, kw in try rt.call(rt.builtins["abs"]!, a, kw) }
        def(["index", "__index__"]) { rt, a, _ in
            try Args.count("index", a, 1, 1)
            switch a[0] {
            case .int: return a[0]
            case .bool(let b): return .int(b ? 1 : 0)
            default:
                if case .object(let i as PyInstance) = a[0], let m = i.cls.lookup("__index__") { return try rt.call(m, [a[0]], []) }
                throw PyError.type("'\(a[0].typeName)' object cannot be interpreted as an integer")
            }
        }
        def(["contains", "__contains__"]) { rt, a, _ in
            try Args.count("contains", a, 2, 2)
            return .bool(try rt.contains(a[0], a[1]))
        }
        def(["countOf"]) { rt, a, _ in
            try Args.count("countOf", a, 2, 2)
            var n = 0
            for x in try rt.iterateToArray(a[0]) where try rt.same(x, a[1]) { n += 1 }
            return .int(n)
        }
        def(["getitem", "__getitem__"]) { rt, a, _ in try Args.count("getitem", a, 2, 2); return try rt.getItem(a[0], a[1]) }
        def(["setitem", "__setitem__"]) { rt, a, _ in try Args.count("setitem", a, 3, 3); try rt.setItem(a[0], a[1], a[2]); return .none }
        def(["delitem", "__delitem__"]) { rt, a, _ in try Args.count("delitem", a, 2, 2); try rt.delItem(a[0], a[1]); return .none }
        d["itemgetter"] = .object(Runtime.itemgetterClass)
        d["attrgetter"] = .object(Runtime.attrgetterClass)
        d["methodcaller"] = .object(Runtime.methodcallerClass)
        return d
    }
}
