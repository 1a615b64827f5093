import NNEngine
import NNSyntax
import Autograd
import Foundation
import Tensors

// The layers of `torch.nn`: Linear (initialised exactly as PyTorch, so with the same seed the
// weights are the same bits), ReLU, Flatten, Sequential, ModuleList. Each is a subclass of
// `nn.Module` with native methods; user classes may subclass them too.

extension NNModules {
    /// A Module subclass named `name`.
    static func layer(_ name: String, base: PyClass = module) -> PyClass {
        PyClass(name: name, base: base)
    }

    /// Runs Module's own `__init__` on `m` (what `super().__init__()` does).
    static func initModule(_ rt: Runtime, _ m: PyInstance) throws {
        if case .object(let f)? = module.dict["__init__"] { _ = try rt.call(.object(f), [.object(m)], []) }
    }

    static func binding(_ rt: Runtime) throws -> NNTensorBinding {
        guard let b = rt.tensors as? NNTensorBinding else { throw PyError.runtime("no tensor binding") }
        return b
    }

    static func tensorAttr(_ m: PyInstance, _ name: String) -> Variable? {
        if case .tensor(let t)? = m.attrs[name] { return t }
        return nil
    }

    /// `nn.Linear(in_features, out_features, bias=True)`: `y = x @ W.T + b`.
    static let linear: PyClass = {
        let c = layer("Linear")
        method(c, "__init__") { rt, m, args, kw in
            let a = try BoundArgs("Linear", args, kw, ["in_features", "out_features", "bias", "device", "dtype"], required: 2)
            let nIn = try a.requiredInt("in_features"), nOut = try a.requiredInt("out_features")
            guard nIn >= 0, nOut >= 0 else {
                throw PyError.runtime("Trying to create tensor with negative dimension \(min(nIn, nOut)): [\(nOut), \(nIn)]")
            }
            try initModule(rt, m)
            m.attrs["in_features"] = .int(nIn)
            m.attrs["out_features"] = .int(nOut)
            try rt.setAttr(.object(m), "weight", .tensor(try makeParameter(try Tensor(zeros: [nOut, nIn], dtype: .defaultFloat))))
            if try a.bool("bias", true) {
                try rt.setAttr(.object(m), "bias", .tensor(try makeParameter(try Tensor(zeros: [nOut], dtype: .defaultFloat))))
            } else {
                registry(m, parametersKey).set("bias", Value.none)
                m.attrs["bias"] = Value.none
            }
            try resetLinear(rt, m)
            return .none
        }
        method(c, "reset_parameters") { rt, m, _, _ in try resetLinear(rt, m); return .none }
        method(c, "forward") { rt, m, args, kw in
            let a = try BoundArgs("forward", args, kw, ["input"], required: 1)
            let x = try TensorArgs.variable(a.given("input"), "linear")
            guard let w = tensorAttr(m, "weight") else { throw PyError.type("linear(): argument 'weight' must be Tensor") }
            let b = tensorAttr(m, "bias")
            // PyTorch runs a 2-d input through addmm, whose check words the mismatch so.
            if x.data.ndim <= 2 && x.data.ndim >= 1 && w.data.ndim == 2 && x.data.shape.last != w.data.shape[1] {
                let rows = x.data.ndim == 2 ? x.data.shape[0] : 1, k = x.data.shape.last ?? 0
                throw PyError.runtime("\(b == nil && x.data.ndim == 2 ? "mm" : "addmm"): mat1 and mat2 shapes cannot be multiplied (\(rows)x\(k) and \(w.data.shape[1])x\(w.data.shape[0]))")
            }
            return try Grad.v { try Variable.linear(x, w, b) }
        }
        method(c, "extra_repr") { rt, m, _, _ in
            let bias = m.attrs["bias"].map { !$0.isNone } ?? false
            let nIn = try rt.repr(m.attrs["in_features"] ?? .none), nOut = try rt.repr(m.attrs["out_features"] ?? .none)
            return .str("in_features=\(nIn), out_features=\(nOut), bias=\(bias ? "True" : "False")")
        }
        return c
    }()

    /// `Linear.reset_parameters`: kaiming_uniform_(W, a=sqrt(5)), then b uniform in
    /// +-1/sqrt(fan_in), drawing from the generator in PyTorch's order.
    static func resetLinear(_ rt: Runtime, _ m: PyInstance) throws {
        let gen = try binding(rt).generator
        guard let w = tensorAttr(m, "weight") else { return }
        try Grad.wrap { try w.data.kaimingUniform_(a: 5.0.squareRoot(), generator: gen) }
        w.markModifiedInPlace()
        if let b = tensorAttr(m, "bias") {
            let fanIn = try Grad.wrap { try w.data.fans().fanIn }
            let bound = fanIn > 0 ? 1 / Double(fanIn).squareRoot() : 0
            try Grad.wrap { try b.data.uniform_(from: -bound, to: bound, generator: gen) }
            b.markModifiedInPlace()
        }
    }

    /// `nn.ReLU(inplace=False)`.
    static let relu: PyClass = {
        let c = layer("ReLU")
        method(c, "__init__") { rt, m, args, kw in
            let a = try BoundArgs("ReLU", args, kw, ["inplace"])
            try initModule(rt, m)
            m.attrs["inplace"] = .bool(try a.bool("inplace", false))
            return .none
        }
        method(c, "forward") { rt, m, args, kw in
            let a = try BoundArgs("forward", args, kw, ["input"], required: 1)
            let x = try TensorArgs.variable(a.given("input"), "relu")
            if case .bool(true)? = m.attrs["inplace"] {
                try Grad.wrap { try x.clamp_(min: 0, max: nil) }
                return .tensor(x)
            }
            return try Grad.v { try x.relu() }
        }
        method(c, "extra_repr") { _, m, _, _ in
            if case .bool(true)? = m.attrs["inplace"] { return .str("inplace=True") }
            return .str("")
        }
        return c
    }()

    /// `nn.Flatten(start_dim=1, end_dim=-1)`.
    static let flatten: PyClass = {
        let c = layer("Flatten")
        method(c, "__init__") { rt, m, args, kw in
            let a = try BoundArgs("Flatten", args, kw, ["start_dim", "end_dim"])
            try initModule(rt, m)
            m.attrs["start_dim"] = .int(try a.int("start_dim") ?? 1)
            m.attrs["end_dim"] = .int(try a.int("end_dim") ?? -1)
            return .none
        }
        method(c, "forward") { rt, m, args, kw in
            let a = try BoundArgs("forward", args, kw, ["input"], required: 1)
            let f = try rt.getAttr(a.given("input"), "flatten")
            return try rt.call(f, [m.attrs["start_dim"] ?? .int(1), m.attrs["end_dim"] ?? .int(-1)], [])
        }
        method(c, "extra_repr") { rt, m, _, _ in
            let s = try rt.repr(m.attrs["start_dim"] ?? .int(1)), e = try rt.repr(m.attrs["end_dim"] ?? .int(-1))
            return .str("start_dim=\(s), end_dim=\(e)")
        }
        return c
    }()

    /// The submodules of a container, in order.
    static func children(_ m: PyInstance) -> [Value] { entries(m, modulesKey).map { $0.1 } }

    /// `container[i]` for Sequential/ModuleList: an int (negative from the end) or a slice.
    static func item(_ rt: Runtime, _ m: PyInstance, _ index: Value, _ cls: PyClass) throws -> Value {
        let items = children(m)
        if case .object(let s as PySlice) = index {
            let picked = try rt.getItem(.object(PyList(items)), .object(s))
            return try rt.call(.object(cls), [], []).withChildren(rt, picked)
        }
        guard let i = TensorArgs.intValue(index) else {
            throw PyError.type("\(cls.name) indices must be integers or slices, not \(index.typeName)")
        }
        guard i >= -items.count && i < items.count else { throw PyError.index("index \(i) is out of range") }
        return items[i < 0 ? i + items.count : i]
    }

    /// Methods shared by Sequential and ModuleList: len, iteration, indexing, append.
    static func containerMethods(_ c: PyClass) {
        method(c, "__len__") { _, m, _, _ in .int(children(m).count) }
        method(c, "__iter__") { _, m, _, _ in iterator(children(m)) }
        method(c, "__getitem__") { rt, m, args, _ in
            guard args.count == 1 else { throw PyError.type("__getitem__ expected 1 argument") }
            return try item(rt, m, args[0], c)
        }
        method(c, "append") { rt, m, args, _ in
            guard args.count == 1 else { throw PyError.type("append() takes exactly one argument") }
            try add(rt, m, String(children(m).count), args[0])
            return .object(m)
        }
        method(c, "extend") { rt, m, args, _ in
            guard args.count == 1 else { throw PyError.type("extend() takes exactly one argument") }
            for x in try rt.iterateToArray(args[0]) { try add(rt, m, String(children(m).count), x) }
            return .object(m)
        }
    }

    static func add(_ rt: Runtime, _ m: PyInstance, _ name: String, _ v: Value) throws {
        guard isModule(v) != nil else { throw PyError.type("\(v.typeName) is not a Module subclass") }
        registry(m, modulesKey).set(name, v)
        m.attrs[name] = v
    }

    /// `nn.Sequential(*modules)` (or one OrderedDict/dict of named modules).
    static let sequential: PyClass = {
        let c = layer("Sequential")
        method(c, "__init__") { rt, m, args, kw in
            try initModule(rt, m)
            if args.count == 1, case .object(let d as PyDict) = args[0] {
                for (k, v) in zip(d.keys, d.values) {
                    guard case .str(let name) = k else { throw PyError.type("module name should be a string. Got \(k.typeName)") }
                    try add(rt, m, name, v)
                }
                return .none
            }
            for (i, x) in args.enumerated() { try add(rt, m, String(i), x) }
            return .none
        }
        method(c, "forward") { rt, m, args, kw in
            guard args.count == 1, kw.isEmpty else { throw PyError.type("forward() takes 2 positional arguments but \(args.count + 1) were given") }
            var x = args[0]
            for layer in children(m) { x = try rt.call(layer, [x], []) }
            return x
        }
        containerMethods(c)
        return c
    }()

    /// `nn.ModuleDict(modules=None)`: submodules by name, in insertion order.
    static let moduleDict: PyClass = {
        let c = layer("ModuleDict")
        method(c, "__init__") { rt, m, args, kw in
            let a = try BoundArgs("ModuleDict", args, kw, ["modules"])
            try initModule(rt, m)
            if let ms = a["modules"] {
                let pairs: [Value]
                if case .object(let d as PyDict) = ms {
                    pairs = zip(d.keys, d.values).map { .object(PyTuple([$0.0, $0.1])) }
                } else {
                    pairs = try rt.iterateToArray(ms)
                }
                for p in pairs {
                    guard let kv = TensorArgs.sequence(p), kv.count == 2, case .str(let name) = kv[0] else {
                        throw PyError.type("ModuleDict update sequence elements must be (name, module) pairs")
                    }
                    try add(rt, m, name, kv[1])
                }
            }
            return .none
        }
        func named(_ m: PyInstance, _ key: Value) throws -> Value {
            guard let v = try registry(m, modulesKey).get(key) else { throw PyError.key(key) }
            return v
        }
        method(c, "__getitem__") { _, m, args, _ in
            guard args.count == 1 else { throw PyError.type("__getitem__ expected 1 argument") }
            return try named(m, args[0])
        }
        method(c, "__setitem__") { rt, m, args, _ in
            guard args.count == 2, case .str(let name) = args[0] else { throw PyError.type("module name should be a string") }
            try add(rt, m, name, args[1])
            return .none
        }
        method(c, "__contains__") { _, m, args, _ in
            guard args.count == 1 else { throw PyError.type("__contains__ expected 1 argument") }
            return .bool(try registry(m, modulesKey).get(args[0]) != nil)
        }
        method(c, "__len__") { _, m, _, _ in .int(children(m).count) }
        method(c, "__iter__") { _, m, _, _ in iterator(entries(m, modulesKey).map { .str($0.0) }) }
        method(c, "keys") { _, m, _, _ in .object(PyList(entries(m, modulesKey).map { .str($0.0) })) }
        method(c, "values") { _, m, _, _ in .object(PyList(entries(m, modulesKey).map { $0.1 })) }
        method(c, "items") { _, m, _, _ in .object(PyList(entries(m, modulesKey).map { pair($0.0, $0.1) })) }
        return c
    }()

    /// `nn.ModuleList(modules=None)`.
    static let moduleList: PyClass = {
        let c = layer("ModuleList")
        method(c, "__init__") { rt, m, args, kw in
            let a = try BoundArgs("ModuleList", args, kw, ["modules"])
            try initModule(rt, m)
            if let ms = a["modules"], !ms.isNone {
                for x in try rt.iterateToArray(ms) { try add(rt, m, String(children(m).count), x) }
            }
            return .none
        }
        containerMethods(c)
        return c
    }()
}

extension Value {
    /// A fresh container (`self`) given `items` as its children (slicing a Sequential).
    fileprivate func withChildren(_ rt: Runtime, _ items: Value) throws -> Value {
        guard let m = NNModules.isModule(self) else { return self }
        for (i, x) in try rt.iterateToArray(items).enumerated() { try NNModules.add(rt, m, String(i), x) }
        return self
    }
}
