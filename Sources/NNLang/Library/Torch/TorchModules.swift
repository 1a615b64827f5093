import NNEngine
import NNSyntax
import Autograd
import Tensors

// The `torch` package as PyTorch code imports it: `torch`, `torch.nn`, `torch.nn.functional`,
// `torch.nn.init`, `torch.optim`, `torch.utils.data`. Each module is one table of names,
// registered with the runtime; the interpreter knows nothing of them (STYLE 14).

extension NNTensorBinding {
    /// Tensor methods that `torch` also offers as functions (`torch.softmax(x, 1)`), beyond
    /// the ones that are builtins already.
    static let torchFunctionForms = [
        "sum", "max", "min", "abs", "pow", "round", "add", "sub", "mul", "div", "eq", "ne", "lt", "le", "gt", "ge",
        "softmax", "log_softmax", "logsumexp", "gather", "scatter", "scatter_add", "cumsum", "sort", "topk",
        "split", "chunk", "lerp", "t", "view_as", "expand_as", "detach", "log", "exp", "square", "remainder",
        "all", "any", "nonzero",
    ]

    /// Builds and registers the torch modules. `tensorFunctions` are the tensor builtins
    /// (`tensor`, `zeros`, `randn`, `matmul`, ...), which are `torch.*` too.
    func installTorchModules(_ rt: Runtime, tensorFunctions: [String]) {
        var torch: [String: Value] = [:]
        for name in tensorFunctions { torch[name] = rt.builtins[name] }
        for name in NNTensorBinding.torchFunctionForms {
            if let f = functionForm(name) { torch[name] = .object(PyBuiltin(name, acceptsTScalar: false, f)) }
        }
        torch["Tensor"] = .object(BuiltinTypes.tensor)
        torch["Size"] = .object(TupleLike.sizeClass)
        for (name, d) in [("float32", DType.float32), ("float", .float32), ("int64", .int64), ("long", .int64), ("bool", .bool)] {
            torch[name] = DTypeObjects.value(d)
        }
        torch["float64"] = DTypeObjects.value(.float64)
        torch["double"] = DTypeObjects.value(.float64)
        torch["get_default_dtype"] = .object(PyBuiltin("get_default_dtype", acceptsTScalar: false) { _, args, kw in
            _ = try BoundArgs("get_default_dtype", args, kw, [])
            return DTypeObjects.value(.defaultFloat)
        })
        torch["set_default_dtype"] = .object(PyBuiltin("set_default_dtype", acceptsTScalar: false) { _, args, kw in
            let a = try BoundArgs("set_default_dtype", args, kw, ["d"], required: 1)
            // Per thread (the interpreter carries it from cell to cell): Python floats,
            // tensor([1.5]), randn, zeros and nn.Linear's parameters then make this dtype.
            let d = try TensorArgs.dtype(a.given("d"), "set_default_dtype")
            guard d.isFloatingPoint else { throw PyError.type("only floating-point types are supported as the default type") }
            DType.setDefaultFloat(d)
            return .none
        })
        torch["dtype"] = .object(DTypeObjects.cls)
        torch["__version__"] = .str("2.0.0+nn")
        rt.registerModule(PyModule(name: "torch", dict: torch))
        rt.registerModule(PyModule(name: "torch.nn", dict: [
            "Module": .object(NNModules.module), "Parameter": .object(NNModules.parameter), "Linear": .object(NNModules.linear),
            "ReLU": .object(NNModules.relu), "Flatten": .object(NNModules.flatten), "Sequential": .object(NNModules.sequential),
            "ModuleList": .object(NNModules.moduleList), "ModuleDict": .object(NNModules.moduleDict),
        ]))
        for c in NNModules.convs { rt.modules["torch.nn"]?.dict[c.name] = .object(c) }
        rt.registerModule(PyModule(name: "torch.nn.modules", dict: [:]))
        rt.registerModule(PyModule(name: "torch.nn.modules.conv", dict: NNModules.convModule))
        rt.registerModule(PyModule(name: "torch.nn.functional", dict: functionalTable(rt)))
        rt.registerModule(PyModule(name: "torch.nn.init", dict: initTable(rt)))
        rt.registerModule(PyModule(name: "torch.optim", dict: [
            "Optimizer": .object(NNModules.optimizer), "SGD": .object(NNModules.sgd), "Adam": .object(NNModules.adam),
        ]))
        rt.registerModule(PyModule(name: "torch.utils", dict: [:]))
        rt.registerModule(PyModule(name: "torch.utils.data", dict: [
            "Dataset": .object(NNModules.dataset), "TensorDataset": .object(NNModules.tensorDataset),
            "DataLoader": .object(NNModules.dataLoader), "Sampler": .object(NNModules.sampler),
            "SequentialSampler": .object(NNModules.sequentialSampler), "RandomSampler": .object(NNModules.randomSampler),
            "BatchSampler": .object(NNModules.batchSampler), "default_collate": .object(NNModules.defaultCollate),
        ]))
    }

    /// The names PyTorch lesson code imports by convention are in scope without the import, as
    /// `math` is (fast.ai's course notebooks get them from `from exp.nb_XX import *`); an
    /// import or assignment in a cell rebinds them as usual. tools/torch_prelude.py has the same.
    func bindConventionalNames(_ rt: Runtime) {
        let names = [("torch", "torch"), ("nn", "torch.nn"), ("F", "torch.nn.functional"), ("optim", "torch.optim"),
                     ("plt", "matplotlib.pyplot"), ("mpl", "matplotlib")]
        for (name, module) in names {
            if let m = rt.modules[module] { rt.builtins[name] = .object(m) }
        }
    }

    private func builtin(_ name: String, _ f: @escaping PyBuiltin.Fn) -> Value {
        .object(PyBuiltin(name, acceptsTScalar: false, f))
    }

    /// `torch.nn.functional`.
    func functionalTable(_ rt: Runtime) -> [String: Value] {
        var f: [String: Value] = [:]
        for name in ["softmax", "log_softmax"] {
            if let fn = functionForm(name) { f[name] = builtin(name, fn) }
        }
        f["relu"] = builtin("relu") { rt, args, kw in
            let a = try BoundArgs("relu", args, kw, ["input", "inplace"], required: 1)
            let t = try TensorArgs.variable(a.given("input"), "relu")
            if try a.bool("inplace", false) {
                try Grad.wrap { try t.clamp_(min: 0, max: nil) }
                return .tensor(t)
            }
            return try Grad.v { try t.relu() }
        }
        f["linear"] = builtin("linear") { _, args, kw in
            let a = try BoundArgs("linear", args, kw, ["input", "weight", "bias"], required: 2)
            let x = try TensorArgs.variable(a.given("input"), "linear"), w = try TensorArgs.variable(a.given("weight"), "linear")
            let b = try a["bias"].flatMap { $0.isNone ? nil : try TensorArgs.variable($0, "linear") }
            return try Grad.v { try Variable.linear(x, w, b) }
        }
        let lossArgs = ["input", "target", "weight", "size_average", "ignore_index", "reduce", "reduction"]
        func nll(_ name: String, _ a: BoundArgs, logits: Bool) throws -> Value {
            if let w = a["weight"], !w.isNone { throw PyError(BuiltinTypes.notImplementedError, "\(name)(weight=...) is not supported in nn") }
            if let s = try a.double("label_smoothing"), s != 0 {
                throw PyError(BuiltinTypes.notImplementedError, "\(name)(label_smoothing=...) is not supported in nn")
            }
            let input = try TensorArgs.variable(a.given("input"), name)
            let target = try TensorArgs.tensor(a.given("target"), name)
            let reduction = try NNTensorBinding.reduction(a, name)
            let ignore = try a.int("ignore_index") ?? -100
            return try Grad.v {
                let x = logits ? try input.logSoftmax(dim: input.data.ndim == 1 ? 0 : 1) : input
                return try x.nllLoss(target: target, reduction: reduction, ignoreIndex: ignore)
            }
        }
        f["nll_loss"] = builtin("nll_loss") { _, args, kw in
            try nll("nll_loss", try BoundArgs("nll_loss", args, kw, lossArgs, required: 2), logits: false)
        }
        f["cross_entropy"] = builtin("cross_entropy") { _, args, kw in
            try nll("cross_entropy", try BoundArgs("cross_entropy", args, kw, lossArgs + ["label_smoothing"], required: 2), logits: true)
        }
        f["mse_loss"] = builtin("mse_loss") { _, args, kw in
            let a = try BoundArgs("mse_loss", args, kw, ["input", "target", "size_average", "reduce", "reduction", "weight"], required: 2)
            let x = try TensorArgs.variable(a.given("input"), "mse_loss"), y = try TensorArgs.variable(a.given("target"), "mse_loss")
            let reduction = try NNTensorBinding.reduction(a, "mse_loss")
            return try Grad.v { try x.mseLoss(y, reduction: reduction) }
        }
        return f
    }

    /// `reduction=` of a loss (the legacy `size_average`/`reduce` flags are refused).
    static func reduction(_ a: BoundArgs, _ name: String) throws -> String {
        for legacy in ["size_average", "reduce"] where a[legacy] != nil && !(a[legacy]!.isNone) {
            throw PyError(BuiltinTypes.notImplementedError, "\(name)(\(legacy)=...) is deprecated and not supported in nn; use reduction=")
        }
        guard let r = a["reduction"] else { return "mean" }
        guard case .str(let s) = r else { throw PyError.type("\(name)(): argument 'reduction' must be str, not \(r.typeName)") }
        guard ["mean", "sum", "none"].contains(s) else { throw PyError.value("\(s) is not a valid value for reduction") }
        return s
    }

    /// `torch.nn.init`: fills run under no_grad (the tensor may require grad) and return it.
    func initTable(_ rt: Runtime) -> [String: Value] {
        var f: [String: Value] = [:]
        if let k = rt.builtins["kaiming_normal_"] { f["kaiming_normal_"] = k }
        func fill(_ name: String, _ names: [String], _ body: @escaping (Tensor, BoundArgs) throws -> Void) {
            f[name] = builtin(name) { _, args, kw in
                let a = try BoundArgs(name, args, kw, ["tensor"] + names, required: 1)
                guard case .tensor(let w) = a.given("tensor") else {
                    throw PyError.attribute("'\(a.given("tensor").typeName)' object has no attribute 'dim'")
                }
                try GradMode.withNoGrad { try Grad.wrap { try body(w.data, a) } }
                w.markModifiedInPlace()
                return .tensor(w)
            }
        }
        fill("kaiming_uniform_", ["a", "mode", "nonlinearity", "generator"]) { t, a in
            let mode = try NNTensorBinding.string(a, "mode", "kaiming_uniform_") ?? "fan_in"
            let nonlin = try NNTensorBinding.string(a, "nonlinearity", "kaiming_uniform_") ?? "leaky_relu"
            try t.kaimingUniform_(a: try a.double("a") ?? 0, mode: mode, nonlinearity: nonlin, generator: self.generator)
        }
        fill("xavier_uniform_", ["gain", "generator"]) { t, a in try t.xavierUniform_(gain: try a.double("gain") ?? 1, generator: self.generator) }
        fill("xavier_normal_", ["gain", "generator"]) { t, a in try t.xavierNormal_(gain: try a.double("gain") ?? 1, generator: self.generator) }
        fill("normal_", ["mean", "std", "generator"]) { t, a in
            try t.normal_(mean: try a.double("mean") ?? 0, std: try a.double("std") ?? 1, generator: self.generator)
        }
        fill("uniform_", ["a", "b", "generator"]) { t, a in
            try t.uniform_(from: try a.double("a") ?? 0, to: try a.double("b") ?? 1, generator: self.generator)
        }
        fill("zeros_", []) { t, _ in try t.checkedFill(0) }
        fill("ones_", []) { t, _ in try t.checkedFill(1) }
        fill("constant_", ["val"]) { t, a in
            guard let v = try a.double("val") else { throw PyError.type("constant_() missing 1 required positional argument: 'val'") }
            try t.checkedFill(v)
        }
        f["calculate_gain"] = builtin("calculate_gain") { _, args, kw in
            let a = try BoundArgs("calculate_gain", args, kw, ["nonlinearity", "param"], required: 1)
            guard case .str(let n) = a.given("nonlinearity") else { throw PyError.value("Unsupported nonlinearity \(a.given("nonlinearity").typeName)") }
            let p = a["param"].flatMap { $0.isNone ? nil : $0 }
            let param = try p.map { try TensorArgs.double($0, "calculate_gain", "param") }
            return .float(try Grad.wrap { try Tensor.gain(n, param) })
        }
        return f
    }

    static func string(_ a: BoundArgs, _ name: String, _ fname: String) throws -> String? {
        guard let v = a[name] else { return nil }
        guard case .str(let s) = v else { throw PyError.type("\(fname)(): argument '\(name)' must be str, not \(v.typeName)") }
        return s
    }
}

extension Tensor {
    /// `fill_` through the write checks (a view of an expanded tensor is refused).
    func checkedFill(_ v: Double) throws {
        let src = Tensor(scalar: v, dtype: dtype)
        try copy_(src)
    }
}
