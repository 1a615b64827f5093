import NNEngine
import NNSyntax
import Autograd
import Tensors

// The small value types the tensor API hands back: `Size`, the `(values, indices)` pairs of
// `max(dim)`/`min(dim)`, and the dtype objects `float32`, `int64`, `bool`.

/// Tuple subclasses (PyTorch's `torch.Size` and `torch.return_types.*`): instances of a class
/// whose base is `tuple`, holding their items under a private attribute, with the tuple
/// protocol (`len`, indexing, iteration, `==`, `in`, `hash`) answered by builtin dunders.
enum TupleLike {
    static let itemsKey = "__items__"

    /// The items of a tuple-like instance, or nil for other instances.
    static func items(_ i: PyInstance) -> [Value]? {
        guard i.cls.isSubclass(of: BuiltinTypes.tuple),
              case .object(let t as PyTuple)? = i.attrs[itemsKey] else { return nil }
        return t.items
    }

    static func make(_ cls: PyClass, _ items: [Value], fields: [(String, Value)] = []) -> Value {
        let inst = PyInstance(cls: cls)
        inst.attrs[itemsKey] = .object(PyTuple(items))
        for (k, v) in fields { inst.attrs[k] = v }
        return .object(inst)
    }

    static func selfItems(_ args: [Value], _ name: String) throws -> [Value] {
        guard let first = args.first, case .object(let i as PyInstance) = first, let items = items(i) else {
            throw PyError.type("descriptor '\(name)' requires a tuple object")
        }
        return items
    }

    /// A builtin tuple subclass with the tuple dunders and a repr.
    static func makeClass(_ name: String, repr: @escaping (Runtime, PyInstance, [Value]) throws -> String) -> PyClass {
        let cls = PyClass(name: name, base: BuiltinTypes.tuple, isBuiltin: true)
        func dunder(_ n: String, _ f: @escaping PyBuiltin.Fn) { cls.dict[n] = .object(PyBuiltin(n, acceptsTScalar: false, f)) }
        dunder("__repr__") { rt, args, _ in
            guard case .object(let i as PyInstance)? = args.first else { throw PyError.type("bad __repr__ call") }
            return .str(try repr(rt, i, try selfItems(args, "__repr__")))
        }
        dunder("__len__") { _, args, _ in .int(try selfItems(args, "__len__").count) }
        dunder("__getitem__") { rt, args, _ in
            let items = try selfItems(args, "__getitem__")
            guard args.count == 2 else { throw PyError.type("__getitem__ expected 1 argument") }
            let r = try rt.getItem(.object(PyTuple(items)), args[1])
            // Slicing a Size gives a Size, as in PyTorch.
            if case .object(let t as PyTuple) = r, cls === sizeClass { return make(cls, t.items) }
            return r
        }
        dunder("__iter__") { _, args, _ in
            let items = try selfItems(args, "__iter__")
            var k = 0
            return .object(PyIterator(kind: BuiltinTypes.iterator) {
                guard k < items.count else { return nil }
                defer { k += 1 }
                return items[k]
            })
        }
        dunder("__eq__") { rt, args, _ in
            let items = try selfItems(args, "__eq__")
            guard args.count == 2, let other = TensorArgs.sequence(args[1]), !(args[1].isList) else { return .bool(false) }
            return .bool(try rt.equals(.object(PyTuple(items)), .object(PyTuple(other))))
        }
        dunder("__ne__") { rt, args, _ in
            let items = try selfItems(args, "__ne__")
            guard args.count == 2, let other = TensorArgs.sequence(args[1]), !(args[1].isList) else { return .bool(true) }
            return .bool(!(try rt.equals(.object(PyTuple(items)), .object(PyTuple(other)))))
        }
        dunder("__contains__") { rt, args, _ in
            let items = try selfItems(args, "__contains__")
            guard args.count == 2 else { throw PyError.type("__contains__ expected 1 argument") }
            return .bool(try rt.contains(.object(PyTuple(items)), args[1]))
        }
        dunder("__hash__") { rt, args, _ in
            let items = try selfItems(args, "__hash__")
            var h = Hasher()
            for x in items { h.combine(try rt.repr(x)) }
            return .int(h.finalize())
        }
        dunder("__add__") { _, args, _ in
            let items = try selfItems(args, "__add__")
            guard args.count == 2, let other = TensorArgs.sequence(args[1]), !(args[1].isList) else {
                throw PyError.type("can only concatenate tuple (not \"\(args.count == 2 ? args[1].typeName : "?")\") to tuple")
            }
            return cls === sizeClass ? make(cls, items + other) : .object(PyTuple(items + other))
        }
        return cls
    }

    /// `torch.Size`: repr `Size([5, 10])`.
    static let sizeClass: PyClass = {
        let c = makeClass("Size") { _, _, items in
            "Size([" + items.map { TensorArgs.intValue($0).map(String.init) ?? "?" }.joined(separator: ", ") + "])"
        }
        c.dict["numel"] = .object(PyMethodDescr("numel") { _, recv, _, _ in
            let items = try selfItems([recv], "numel")
            var n = 1
            for x in items { n = n &* (TensorArgs.intValue(x) ?? 1) }
            return .int(n)
        })
        // `Size([2, 3])`, `Size()`: a Size from any iterable of ints.
        c.construct = { rt, args, kw in
            guard kw.isEmpty, args.count <= 1 else { throw PyError.type("Size() takes at most 1 argument (\(args.count + kw.count) given)") }
            let items = try args.first.map { try rt.iterateToArray($0) } ?? []
            for x in items where TensorArgs.intValue(x) == nil || x.isFloatValue {
                throw PyError.type("'\(x.typeName)' object cannot be interpreted as an integer")
            }
            return make(c, items.map { .int(TensorArgs.intValue($0)!) })
        }
        return c
    }()

    /// A `Size` value for a shape.
    static func size(_ shape: [Int]) -> Value { make(sizeClass, shape.map { .int($0) }) }

    static func returnTypeClass(_ name: String) -> PyClass {
        makeClass(name) { rt, _, items in
            guard items.count == 2 else { return "return_types.\(name)()" }
            return "return_types.\(name)(\nvalues=\(try rt.repr(items[0])),\nindices=\(try rt.repr(items[1])))"
        }
    }
    static let maxClass = returnTypeClass("max")
    static let minClass = returnTypeClass("min")
    static let sortClass = returnTypeClass("sort")
    static let topkClass = returnTypeClass("topk")

    /// `(values, indices)` of `max(dim)`/`min(dim)`, with `.values` and `.indices`.
    static func valuesIndices(_ cls: PyClass, _ values: Value, _ indices: Value) -> Value {
        make(cls, [values, indices], fields: [("values", values), ("indices", indices)])
    }
}

extension Value {
    fileprivate var isList: Bool {
        if case .object(let o) = self { return o is PyList }
        return false
    }
}

/// The dtype objects (`float32`, `int64`, `bool`, ...), one shared instance per dtype.
enum DTypeObjects {
    static let cls: PyClass = {
        let c = PyClass(name: "dtype", base: BuiltinTypes.object, isBuiltin: true)
        c.dict["__repr__"] = .object(PyBuiltin("__repr__", acceptsTScalar: false) { _, args, _ in
            guard case .object(let i as PyInstance)? = args.first, i.cls === cls, case .str(let name)? = i.attrs["__dtype__"] else {
                throw PyError.type("bad dtype")
            }
            return .str(name)
        })
        return c
    }()
    static let float32 = make(.float32)
    static let float64 = make(.float64)
    static let int64 = make(.int64)
    static let bool = make(.bool)

    private static func make(_ d: DType) -> PyInstance {
        make(name: d.description, floating: d.isFloatingPoint, itemSize: d.itemSize)
    }

    private static func make(name: String, floating: Bool, itemSize: Int) -> PyInstance {
        let i = PyInstance(cls: cls)
        i.attrs["__dtype__"] = .str(name)
        i.attrs["is_floating_point"] = .bool(floating)
        i.attrs["itemsize"] = .int(itemSize)
        return i
    }

    static func value(_ d: DType) -> Value {
        switch d {
        case .float32: .object(float32)
        case .float64: .object(float64)
        case .int64: .object(int64)
        case .bool: .object(bool)
        }
    }

    static func dtype(of v: Value) -> DType? {
        guard case .object(let i as PyInstance) = v, i.cls === cls, case .str(let s)? = i.attrs["__dtype__"] else { return nil }
        switch s {
        case "float32": return .float32
        case "float64": return .float64
        case "int64": return .int64
        case "bool": return .bool
        default: return nil
        }
    }
}
