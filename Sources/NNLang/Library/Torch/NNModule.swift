import NNEngine
import NNSyntax
import Autograd
import Tensors

// `torch.nn.Module` and `torch.nn.Parameter`. Module is an ordinary (non-builtin) class whose
// methods are native functions, so `class Model(nn.Module)` subclasses it as any nn class.
// Like PyTorch, it keeps parameters and submodules in the ordered dicts `_parameters` and
// `_modules`, filled by its `__setattr__`; they are also plain attributes, so reading
// `self.l1` costs nothing extra.

/// The classes and helpers of `torch.nn`'s Module machinery.
enum NNModules {
    static let parametersKey = "_parameters"
    static let modulesKey = "_modules"

    /// Dunders the runtime calls with `self` given explicitly and honours only when they are
    /// not method descriptors (descriptors stand for `object`'s defaults there).
    static let explicitSelfDunders: Set<String> = ["__repr__", "__setattr__", "__len__", "__iter__", "__getitem__",
                                                   "__setitem__", "__contains__"]

    /// A native method: a method descriptor (bound on attribute access, as `super().__init__()`
    /// needs), or a builtin taking `self` first for the dunders above.
    static func method(_ cls: PyClass, _ name: String, _ fn: @escaping (Runtime, PyInstance, [Value], Kwargs) throws -> Value) {
        func receiver(_ v: Value?) throws -> PyInstance {
            guard case .object(let i as PyInstance)? = v else {
                throw PyError.type("descriptor '\(name)' for '\(cls.name)' objects doesn't apply to a '\(v?.typeName ?? "nothing")' object")
            }
            return i
        }
        if explicitSelfDunders.contains(name) {
            let b = PyBuiltin(name, acceptsTScalar: false) { rt, args, kw in
                try fn(rt, try receiver(args.first), Array(args.dropFirst()), kw)
            }
            b.bindsSelf = true
            cls.dict[name] = .object(b)
        } else {
            cls.dict[name] = .object(PyMethodDescr(name) { rt, recv, args, kw in try fn(rt, try receiver(recv), args, kw) })
        }
    }

    /// True when `v` is an instance of a Module subclass.
    static func isModule(_ v: Value) -> PyInstance? {
        if case .object(let i as PyInstance) = v, i.cls.isSubclass(of: module) { return i }
        return nil
    }

    /// The ordered registry `key` of a module, created on first use.
    static func registry(_ m: PyInstance, _ key: String) -> PyDict {
        if case .object(let d as PyDict)? = m.attrs[key] { return d }
        let d = PyDict()
        m.attrs[key] = .object(d)
        return d
    }

    /// `(name, value)` pairs of a registry, skipping None entries.
    static func entries(_ m: PyInstance, _ key: String) -> [(String, Value)] {
        let d = registry(m, key)
        return zip(d.keys, d.values).compactMap { k, v in
            guard case .str(let s) = k, !v.isNone else { return nil }
            return (s, v)
        }
    }

    /// Every (prefixed name, module) below and including `m`, depth first, each once.
    static func namedModules(_ m: PyInstance, prefix: String = "") -> [(String, PyInstance)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, PyInstance)] = []
        func walk(_ x: PyInstance, _ p: String) {
            guard seen.insert(ObjectIdentifier(x)).inserted else { return }
            out.append((p, x))
            for (n, c) in entries(x, modulesKey) {
                if let ci = isModule(c) { walk(ci, p.isEmpty ? n : p + "." + n) }
            }
        }
        walk(m, prefix)
        return out
    }

    /// Every (prefixed name, parameter) of `m` and its submodules, each tensor once.
    static func namedParameters(_ m: PyInstance, recurse: Bool = true) -> [(String, Value)] {
        var seen = Set<ObjectIdentifier>()
        var out: [(String, Value)] = []
        for (p, x) in recurse ? namedModules(m) : [("", m)] {
            for (n, v) in entries(x, parametersKey) {
                guard case .tensor(let t) = v, seen.insert(ObjectIdentifier(t)).inserted else { continue }
                out.append((p.isEmpty ? n : p + "." + n, v))
            }
        }
        return out
    }

    /// An iterator over `items` (PyTorch returns generators; iteration is what callers do).
    static func iterator(_ items: [Value]) -> Value {
        var k = 0
        return .object(PyIterator(kind: BuiltinTypes.iterator) {
            guard k < items.count else { return nil }
            defer { k += 1 }
            return items[k]
        })
    }

    static func pair(_ name: String, _ v: Value) -> Value { .object(PyTuple([.str(name), v])) }

    /// `nn.Parameter(data, requires_grad=True)`: a leaf sharing `data`'s storage.
    static func makeParameter(_ data: Tensor, requiresGrad: Bool = true) throws -> Variable {
        let p = Variable(data)
        if requiresGrad {
            guard data.dtype.isFloatingPoint else {
                throw PyError.runtime("Only Tensors of floating point and complex dtype can require gradients")
            }
            p.requiresGrad = true
        }
        p.nnAttributes.isParameter = true
        return p
    }

    static func isParameter(_ v: Value) -> Bool {
        if case .tensor(let t) = v, let a = t.userAttributes as? TensorUserAttributes { return a.isParameter }
        return false
    }

    /// PyTorch's `Module.__repr__`: `Name(extra)` or the children indented by two spaces.
    static func repr(_ rt: Runtime, _ m: PyInstance) throws -> String {
        // A module inside itself would recurse forever (PyTorch: RecursionError).
        let id = ObjectIdentifier(m)
        guard rt.reprInProgress.insert(id).inserted else {
            throw PyError(BuiltinTypes.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        defer { rt.reprInProgress.remove(id) }
        var extra = ""
        if let f = m.cls.lookup("extra_repr") { extra = try rt.str(try rt.call(f, [.object(m)], [])) }
        var lines: [String] = extra.isEmpty ? [] : extra.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (n, c) in entries(m, modulesKey) {
            let text = try rt.repr(c)
            let indented = text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .map { $0.offset == 0 ? String($0.element) : "  " + $0.element }.joined(separator: "\n")
            lines.append("(\(n)): " + indented)
        }
        let name = m.cls.name
        if lines.isEmpty { return name + "()" }
        if entries(m, modulesKey).isEmpty && lines.count == 1 { return name + "(" + lines[0] + ")" }
        return name + "(\n" + lines.map { "  " + $0 }.joined(separator: "\n") + "\n)"
    }

    /// `torch.nn.Module`.
    static let module: PyClass = {
        let c = PyClass(name: "Module", base: BuiltinTypes.object)
        method(c, "__init__") { _, m, args, kw in
            m.attrs["training"] = .bool(true)
            _ = registry(m, parametersKey)
            _ = registry(m, modulesKey)
            return .none
        }
        method(c, "__setattr__") { _, m, args, _ in
            guard args.count == 2, case .str(let name) = args[0] else { throw PyError.type("__setattr__ expected 2 arguments") }
            let v = args[1]
            let hasRegistries = m.attrs[modulesKey] != nil
            if isParameter(v) {
                guard hasRegistries else { throw PyError.attribute("cannot assign parameters before Module.__init__() call") }
                try registry(m, modulesKey).remove(.str(name))
                registry(m, parametersKey).set(name, v)
            } else if isModule(v) != nil {
                guard hasRegistries else { throw PyError.attribute("cannot assign module before Module.__init__() call") }
                try registry(m, parametersKey).remove(.str(name))
                registry(m, modulesKey).set(name, v)
            } else if hasRegistries, try registry(m, parametersKey).contains(.str(name)) {
                guard v.isNone || v.isTensorValue else {
                    throw PyError.type("cannot assign '\(v.typeName)' as parameter '\(name)' (torch.nn.Parameter or None expected)")
                }
                registry(m, parametersKey).set(name, v)
            } else if hasRegistries, try registry(m, modulesKey).contains(.str(name)) {
                guard v.isNone else {
                    throw PyError.type("cannot assign '\(v.typeName)' as child module '\(name)' (torch.nn.Module or None expected)")
                }
                registry(m, modulesKey).set(name, v)
            }
            m.attrs[name] = v
            return .none
        }
        method(c, "__call__") { rt, m, args, kw in
            try rt.call(try rt.getAttr(.object(m), "forward"), args, kw)
        }
        method(c, "forward") { _, m, _, _ in
            throw PyError(BuiltinTypes.notImplementedError, "Module [\(m.cls.name)] is missing the required \"forward\" function")
        }
        method(c, "__repr__") { rt, m, _, _ in .str(try repr(rt, m)) }
        method(c, "extra_repr") { _, _, _, _ in .str("") }
        method(c, "parameters") { _, m, args, kw in
            let a = try BoundArgs("parameters", args, kw, ["recurse"])
            return iterator(namedParameters(m, recurse: try a.bool("recurse", true)).map { $0.1 })
        }
        method(c, "named_parameters") { _, m, args, kw in
            let a = try BoundArgs("named_parameters", args, kw, ["prefix", "recurse", "remove_duplicate"])
            var prefix = ""
            if case .str(let p)? = a["prefix"] { prefix = p }
            return iterator(namedParameters(m, recurse: try a.bool("recurse", true)).map {
                pair(prefix.isEmpty ? $0.0 : prefix + "." + $0.0, $0.1)
            })
        }
        method(c, "children") { _, m, _, _ in iterator(entries(m, modulesKey).map { $0.1 }) }
        method(c, "named_children") { _, m, _, _ in iterator(entries(m, modulesKey).map { pair($0.0, $0.1) }) }
        method(c, "modules") { _, m, _, _ in iterator(namedModules(m).map { .object($0.1) }) }
        method(c, "named_modules") { _, m, _, _ in iterator(namedModules(m).map { pair($0.0, .object($0.1)) }) }
        method(c, "add_module") { rt, m, args, kw in
            let a = try BoundArgs("add_module", args, kw, ["name", "module"], required: 2)
            guard case .str(let n) = a.given("name") else { throw PyError.type("module name should be a string. Got \(a.given("name").typeName)") }
            guard a.given("module").isNone || isModule(a.given("module")) != nil else {
                throw PyError.type("\(a.given("module").typeName) is not a Module subclass")
            }
            registry(m, modulesKey).set(n, a.given("module"))
            m.attrs[n] = a.given("module")
            return .none
        }
        c.dict["register_module"] = c.dict["add_module"]
        method(c, "register_parameter") { _, m, args, kw in
            let a = try BoundArgs("register_parameter", args, kw, ["name", "param"], required: 2)
            guard case .str(let n) = a.given("name") else { throw PyError.type("parameter name should be a string. Got \(a.given("name").typeName)") }
            registry(m, parametersKey).set(n, a.given("param"))
            m.attrs[n] = a.given("param")
            return .none
        }
        method(c, "zero_grad") { rt, m, args, kw in
            let a = try BoundArgs("zero_grad", args, kw, ["set_to_none"])
            let toNone = try a.bool("set_to_none", true)
            for (_, p) in namedParameters(m) {
                guard case .tensor(let t) = p, let g = t.grad else { continue }
                if toNone { t.grad = nil } else { _ = try Grad.wrap { try g.detach().zero_() } }
            }
            return .none
        }
        method(c, "train") { rt, m, args, kw in
            let a = try BoundArgs("train", args, kw, ["mode"])
            let mode = try a.bool("mode", true)
            for (_, x) in namedModules(m) { x.attrs["training"] = .bool(mode) }
            return .object(m)
        }
        method(c, "eval") { _, m, _, _ in
            for (_, x) in namedModules(m) { x.attrs["training"] = .bool(false) }
            return .object(m)
        }
        // `double()`/`float()`: every floating parameter (and its gradient) cast in place.
        for (name, dtype) in [("double", DType.float64), ("float", .float32)] {
            method(c, name) { _, m, args, kw in
                _ = try BoundArgs(name, args, kw, [])
                for (_, p) in namedParameters(m) {
                    guard case .tensor(let t) = p, t.data.dtype.isFloatingPoint else { continue }
                    try Grad.wrap {
                        t.data = try t.data.to(dtype)
                        if let g = t.grad { g.data = try g.data.to(dtype) }
                    }
                }
                return .object(m)
            }
        }
        method(c, "requires_grad_") { _, m, args, kw in
            let a = try BoundArgs("requires_grad_", args, kw, ["requires_grad"])
            let flag = try a.bool("requires_grad", true)
            for (_, p) in namedParameters(m) { if case .tensor(let t) = p { _ = try Grad.wrap { try t.requiresGrad_(flag) } } }
            return .object(m)
        }
        return c
    }()

    /// `nn.Parameter(data=None, requires_grad=True)`: a class, so `isinstance(p, nn.Parameter)`
    /// works; as in PyTorch (whose Parameter metaclass overrides `__instancecheck__`), a tensor is
    /// an instance when it was made a parameter.
    static let parameter: PyClass = {
        let c = PyClass(name: "Parameter", base: BuiltinTypes.tensor, isBuiltin: true) { rt, args, kw in
            let a = try BoundArgs("Parameter", args.map { rt.materialize($0) }, kw, ["data", "requires_grad"])
            let data = try a["data"].map { try TensorArgs.tensor($0, "Parameter") } ?? Tensor(zeros: [0], dtype: .defaultFloat)
            return .tensor(try makeParameter(data, requiresGrad: try a.bool("requires_grad", true)))
        }
        c.dict["__module__"] = .str("torch.nn.parameter")
        c.dict["__instancecheck__"] = .object(PyBuiltin("__instancecheck__", acceptsTScalar: false) { _, args, _ in
            .bool(args.count == 1 && isParameter(args[0]))
        })
        return c
    }()
}
