import NNEngine
import NNSyntax
import Autograd
import Foundation
import Tensors

// Module-level builtins of the tensor API: constructors, the RNG, dtype names, and the
// functions PyTorch also offers as methods (`matmul`, `einsum`, `cat`, `where`, ...).

extension NNTensorBinding {
    /// `requires_grad=` of a constructor: only float tensors may require grad.
    func finish(_ t: Tensor, _ a: BoundArgs) throws -> Value {
        let v = Variable(t)
        if try a.bool("requires_grad", false) {
            guard t.dtype.isFloatingPoint else {
                throw PyError.runtime("Only Tensors of floating point and complex dtype can require gradients")
            }
            v.requiresGrad = true
        }
        return .tensor(v)
    }

    /// Splits `f(*size, dtype=..., requires_grad=...)` into the sizes and the keywords.
    func sizedCall(_ fname: String, _ args: [Value], _ kw: Kwargs, extra: [String] = []) throws -> ([Int], BoundArgs) {
        let a = try BoundArgs(fname, [], kw, ["dtype", "requires_grad", "generator", "device"] + extra)
        return (try TensorArgs.sizes(args, fname), a)
    }

    func installFactories(_ rt: Runtime) {
        rt.setDTypeNames()
        // The lesson prelude has `math` imported (tools/torch_prelude.py).
        if let m = rt.modules["math"], rt.builtins["math"] == nil { rt.builtins["math"] = .object(m) }
        rt.defineBuiltin("tensor") { _, args, kw in
            let a = try BoundArgs("tensor", args, kw, ["data", "dtype", "device", "requires_grad"], required: 1)
            guard let data = a["data"] else { throw PyError.runtime("Could not infer dtype of NoneType") }
            return try self.finish(try TensorData.make(data, dtype: try a.dtype("dtype")), a)
        }
        for (name, fill) in [("zeros", 0.0), ("ones", 1.0)] {
            rt.defineBuiltin(name) { _, args, kw in
                let (shape, a) = try self.sizedCall(name, args, kw)
                // PyTorch's zeros checks sizes itself, with its own message.
                if name == "zeros" && shape.contains(where: { $0 < 0 }) {
                    throw PyError.runtime("zeros: Dimension size must be non-negative.")
                }
                return try self.finish(try Grad.wrap { try Tensor.full(shape, fill, dtype: try a.dtype("dtype") ?? .defaultFloat) }, a)
            }
        }
        rt.defineBuiltin("empty") { _, args, kw in
            let (shape, a) = try self.sizedCall("empty", args, kw)
            return try self.finish(try Grad.wrap { try Tensor.zeros(shape, dtype: try a.dtype("dtype") ?? .defaultFloat) }, a)
        }
        rt.defineBuiltin("full") { _, args, kw in
            let a = try BoundArgs("full", args, kw, ["size", "fill_value", "dtype", "requires_grad", "device"], required: 2)
            let shape = try TensorArgs.ints(a.given("size"), "full", "size")
            let fill = a.given("fill_value")
            let inferred: DType = {
                switch fill {
                case .bool: return .bool
                case .int: return .int64
                default: return .defaultFloat
                }
            }()
            let x = try TensorArgs.double(fill, "full", "fill_value")
            let dt = try a.dtype("dtype") ?? inferred
            if dt == .int64, case .int(let i) = fill {
                // Exact past 2**53, where the Double would round.
                return try self.finish(try Grad.wrap { try Tensor.zeros(shape, dtype: .int64).add(Tensor(ints: [Int64(i)], shape: [])) }, a)
            }
            return try self.finish(try Grad.wrap { try Tensor.full(shape, x, dtype: dt) }, a)
        }
        for name in ["zeros_like", "ones_like", "rand_like", "randn_like", "empty_like"] {
            rt.defineBuiltin(name) { _, args, kw in
                let a = try BoundArgs(name, args, kw, ["input", "dtype", "requires_grad", "device"], required: 1)
                let t = try TensorArgs.tensor(a.given("input"), name)
                let dt = try a.dtype("dtype") ?? t.dtype
                let out: Tensor = try Grad.wrap {
                    switch name {
                    case "ones_like": return try Tensor.full(t.shape, 1, dtype: dt)
                    case "rand_like": return try self.random(rand: true, t.shape, dt)
                    case "randn_like": return try self.random(rand: false, t.shape, dt)
                    default: return try Tensor.zeros(t.shape, dtype: dt)
                    }
                }
                return try self.finish(out, a)
            }
        }
        rt.defineBuiltin("full_like") { _, args, kw in
            let a = try BoundArgs("full_like", args, kw, ["input", "fill_value", "dtype", "requires_grad", "device"], required: 2)
            let t = try TensorArgs.tensor(a.given("input"), "full_like")
            let x = try TensorArgs.double(a.given("fill_value"), "full_like", "fill_value")
            return try self.finish(try Grad.wrap { try Tensor.full(t.shape, x, dtype: try a.dtype("dtype") ?? t.dtype) }, a)
        }
        rt.defineBuiltin("arange") { _, args, kw in
            let a = try BoundArgs("arange", args, kw, ["start", "end", "step", "dtype", "requires_grad", "device"], required: 1)
            var (start, end) = (a.given("start"), a["end"])
            if end == nil { end = start; start = .int(0) }
            let step = a["step"] ?? .int(1)
            let allInt = [start, end!, step].allSatisfy { TensorArgs.intValue($0) != nil && !$0.isFloatValue }
            let dt = try a.dtype("dtype")
            let t: Tensor = try Grad.wrap {
                if allInt && (dt == nil || dt == .int64) {
                    return try Tensor.arange(Int64(TensorArgs.intValue(start)!), Int64(TensorArgs.intValue(end!)!),
                                             Int64(TensorArgs.intValue(step)!))
                }
                let r = try Tensor.arange(try TensorArgs.double(start, "arange", "start"), try TensorArgs.double(end!, "arange", "end"),
                                          try TensorArgs.double(step, "arange", "step"), dtype: (dt ?? .defaultFloat) == .float64 ? .float64 : .float32)
                return try r.to(dt ?? .defaultFloat)
            }
            return try self.finish(t, a)
        }
        rt.defineBuiltin("linspace") { _, args, kw in
            let a = try BoundArgs("linspace", args, kw, ["start", "end", "steps", "dtype", "requires_grad", "device"], required: 3)
            let t = try Grad.wrap {
                let dt = try a.dtype("dtype") ?? .defaultFloat
                return try Tensor.linspace(try a.requiredDouble("start"), try a.requiredDouble("end"), try a.requiredInt("steps"),
                                           dtype: dt == .float64 ? .float64 : .float32).to(dt)
            }
            return try self.finish(t, a)
        }
        rt.defineBuiltin("eye") { _, args, kw in
            let a = try BoundArgs("eye", args, kw, ["n", "m", "dtype", "requires_grad", "device"], required: 1)
            return try self.finish(try Grad.wrap { try Tensor.eye(try a.requiredInt("n"), try a.int("m"), dtype: try a.dtype("dtype") ?? .defaultFloat) }, a)
        }
        rt.defineBuiltin("randn") { _, args, kw in
            let (shape, a) = try self.sizedCall("randn", args, kw)
            let dt = try a.dtype("dtype") ?? .defaultFloat
            return try self.finish(try Grad.wrap { try self.random(rand: false, shape, dt) }, a)
        }
        rt.defineBuiltin("rand") { _, args, kw in
            let (shape, a) = try self.sizedCall("rand", args, kw)
            let dt = try a.dtype("dtype") ?? .defaultFloat
            return try self.finish(try Grad.wrap { try self.random(rand: true, shape, dt) }, a)
        }
        rt.defineBuiltin("randint") { _, args, kw in
            // randint(high, size) or randint(low, high, size).
            var pos = args
            if pos.count == 2 { pos.insert(.int(0), at: 0) }
            var kw = kw
            if pos.count < 3, let i = kw.firstIndex(where: { $0.0 == "size" }) {
                pos.append(kw[i].1)
                kw.remove(at: i)
                if pos.count == 2 { pos.insert(.int(0), at: 0) }
            }
            let a = try BoundArgs("randint", pos, kw, ["low", "high", "size", "dtype", "requires_grad", "generator", "device"], required: 3)
            let shape = try TensorArgs.ints(a.given("size"), "randint", "size")
            let t = try Grad.wrap {
                try Tensor.randint(low: Int64(try a.requiredInt("low")), high: Int64(try a.requiredInt("high")), shape, generator: self.generator)
                    .to(try a.dtype("dtype") ?? .int64)
            }
            return try self.finish(t, a)
        }
        rt.defineBuiltin("randperm") { _, args, kw in
            let a = try BoundArgs("randperm", args, kw, ["n", "generator", "dtype", "requires_grad", "device"], required: 1)
            let t = try Grad.wrap {
                try Tensor.randperm(try a.requiredInt("n"), generator: self.generator).to(try a.dtype("dtype") ?? .int64)
            }
            return try self.finish(t, a)
        }
        rt.defineBuiltin("manual_seed") { _, args, kw in
            let a = try BoundArgs("manual_seed", args, kw, ["seed"], required: 1)
            self.generator.manualSeed(Int64(try a.requiredInt("seed")))
            return .none
        }
    }

    /// `rand`/`randn` of `dtype`: float64 draws PyTorch's double stream; other dtypes draw
    /// float32 values and convert them.
    func random(rand: Bool, _ shape: [Int], _ dtype: DType) throws -> Tensor {
        let drawn: DType = dtype == .float64 ? .float64 : .float32
        let t = rand ? try Tensor.rand(shape, dtype: drawn, generator: generator)
                     : try Tensor.randn(shape, dtype: drawn, generator: generator)
        return try t.to(dtype)
    }

    /// The function form of a tensor method: `f(t, ...)` (or `f(input=t, ...)`) is `t.f(...)`.
    func functionForm(_ name: String) -> PyBuiltin.Fn? {
        guard let m = tensorMethods[name] else { return nil }
        return { rt, args, kw in
            let first: Value
            var rest = args
            if !args.isEmpty {
                first = args[0]
                rest.removeFirst()
            } else if let i = kw.firstIndex(where: { $0.0 == "input" }) {
                first = kw[i].1
            } else {
                throw PyError.type("\(name)() missing required argument 'input' (pos 1)")
            }
            let kw2 = kw.filter { $0.0 != "input" }
            return try m(rt, self, try TensorArgs.variable(first, name), rest, kw2)
        }
    }

    func installFunctions(_ rt: Runtime) {
        // Functions that are also methods: `f(t, ...)` is `t.f(...)`.
        for name in ["matmul", "mm", "dot", "exp", "log", "sqrt", "relu", "sigmoid", "tanh", "mean", "std", "var",
                     "clamp", "clamp_min", "clamp_max", "argmax", "argmin", "flatten", "transpose", "permute",
                     "reshape", "squeeze", "unsqueeze", "numel", "clone", "allclose", "isclose", "equal",
                     "maximum", "minimum", "neg", "floor", "ceil", "sign", "outer", "amax", "amin"] {
            if let f = functionForm(name) { rt.defineBuiltin(name, f) }
        }
        rt.defineBuiltin("einsum") { rt, args, _ in
            guard case .str(let spec)? = args.first else {
                throw PyError.type("einsum(): argument 'equation' must be str")
            }
            var ops = Array(args.dropFirst())
            if ops.count == 1, let seq = TensorArgs.sequence(ops[0]) { ops = seq }
            let vs = try ops.map { try TensorArgs.variable($0, "einsum") }
            return try Grad.v { try Variable.einsum(spec, vs) }
        }
        for name in ["cat", "stack", "concat", "concatenate"] {
            rt.defineBuiltin(name) { rt, args, kw in
                let a = try BoundArgs(name, args, kw, ["tensors", "dim", "axis"], required: 1)
                guard let seq = TensorArgs.sequence(a.given("tensors")) else {
                    throw PyError.type("\(name)(): argument 'tensors' must be tuple of Tensors, not \(a.given("tensors").typeName)")
                }
                let vs = try seq.map { try TensorArgs.variable($0, name) }
                let dim = try a.int("dim") ?? a.int("axis") ?? 0
                return try Grad.v { name == "stack" ? try Variable.stack(vs, dim: dim) : try Variable.cat(vs, dim: dim) }
            }
        }
        rt.defineBuiltin("where") { rt, args, kw in
            let a = try BoundArgs("where", args, kw, ["condition", "input", "other"], required: 3)
            let c = try TensorArgs.tensor(a.given("condition"), "where")
            guard c.dtype == .bool else {
                throw PyError.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(c.dtype == .int64 ? "Long" : "Float")")
            }
            let xd = (try? TensorArgs.tensor(a.given("input"), "where"))?.dtype
            let yd = (try? TensorArgs.tensor(a.given("other"), "where"))?.dtype
            let x = try TensorArgs.variable(a.given("input"), "where", partner: yd)
            let y = try TensorArgs.variable(a.given("other"), "where", partner: xd)
            return try Grad.v {
                // Python numbers take the other operand's dtype, as PyTorch's scalar promotion does.
                var xv = x, yv = y
                if !a.given("input").isTensorValue, a.given("other").isTensorValue, x.data.dtype != .float32 || y.data.dtype == .float32 { xv = Variable(try x.data.to(y.data.dtype)) }
                if !a.given("other").isTensorValue, a.given("input").isTensorValue, y.data.dtype != .float32 || x.data.dtype == .float32 { yv = Variable(try y.data.to(x.data.dtype)) }
                return try Variable.where(Variable(c), xv, yv)
            }
        }
        rt.defineBuiltin("is_tensor") { _, args, _ in
            .bool(args.first?.isTensorValue ?? false)
        }
        rt.defineBuiltin("no_grad") { _, args, _ in
            guard args.isEmpty else { throw PyError.type("no_grad() takes no arguments") }
            let i = PyInstance(cls: NoGrad.cls)
            return .object(i)
        }
        rt.defineBuiltin("kaiming_normal_") { _, args, kw in
            let a = try BoundArgs("kaiming_normal_", args, kw, ["tensor", "a", "mode", "nonlinearity", "generator"], required: 1)
            guard case .tensor(let w) = a.given("tensor") else {
                throw PyError.attribute("'\(a.given("tensor").typeName)' object has no attribute 'dim'")
            }
            var mode = "fan_in"
            if let m = a["mode"] {
                guard case .str(let sm) = m else { throw PyError.type("kaiming_normal_(): argument 'mode' must be str, not \(m.typeName)") }
                mode = sm
            }
            var nonlin = "leaky_relu"
            if let n = a["nonlinearity"] {
                guard case .str(let sn) = n else { throw PyError.type("kaiming_normal_(): argument 'nonlinearity' must be str, not \(n.typeName)") }
                nonlin = sn
            }
            let slope = try a.double("a") ?? 0
            // torch.nn.init runs under no_grad: the weight may require grad.
            try GradMode.withNoGrad {
                try Grad.wrap { try w.data.kaimingNormal_(a: slope, mode: mode, nonlinearity: nonlin, generator: self.generator) }
            }
            return .tensor(w)
        }
    }
}

extension Value {
    var isFloatValue: Bool {
        switch self {
        case .float, .tscalar: return true
        case .tensor(let t): return t.data.dtype.isFloatingPoint
        default: return false
        }
    }
}

extension Runtime {
    /// The dtype names: `float32`, `float`... are PyTorch's (`torch.float`); Python's own
    /// `float`, `int` and `bool` keep their meaning and are also accepted as `dtype=`.
    func setDTypeNames() {
        builtins["float32"] = DTypeObjects.value(.float32)
        builtins["float64"] = DTypeObjects.value(.float64)
        builtins["int64"] = DTypeObjects.value(.int64)
        builtins["long"] = DTypeObjects.value(.int64)
    }
}

/// `with no_grad():` - grad mode off inside the block, restored after (even on an exception).
enum NoGrad {
    static let cls: PyClass = {
        let c = PyClass(name: "no_grad", base: BuiltinTypes.object, isBuiltin: true)
        c.dict["__enter__"] = .object(PyMethodDescr("__enter__") { rt, recv, _, _ in
            guard case .object(let i as PyInstance) = recv else { throw PyError.type("bad no_grad") }
            i.attrs["__prev__"] = .bool(GradMode.enter(enabled: false))
            rt.gradEnabled = false
            return .none
        })
        c.dict["__exit__"] = .object(PyMethodDescr("__exit__") { rt, recv, _, _ in
            guard case .object(let i as PyInstance) = recv else { throw PyError.type("bad no_grad") }
            let prev: Bool
            if case .bool(let p)? = i.attrs["__prev__"] { prev = p } else { prev = true }
            GradMode.restore(prev)
            rt.gradEnabled = prev
            return .bool(false)
        })
        return c
    }()
}
