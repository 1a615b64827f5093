import NNEngine
import NNSyntax
import Autograd
import Foundation
import Tensors

// `torch.optim`: Optimizer, SGD and Adam as ordinary classes with native methods. The update
// arithmetic is PyTorch's single-tensor CPU path, fused multiply-adds where its kernels fuse,
// so the same gradients give the same bits.

/// Per-parameter optimizer state (momentum buffers, Adam's moments and step counts).
final class OptimizerState: PyObject, @unchecked Sendable {
    var buffers: [ObjectIdentifier: [String: Tensor]] = [:]
    var steps: [ObjectIdentifier: Int] = [:]
}

extension NNModules {
    static let stateKey = "__optimizer_state__"

    /// `torch.optim.Optimizer(params, defaults)`.
    static let optimizer: PyClass = {
        let c = PyClass(name: "Optimizer", base: BuiltinTypes.object)
        method(c, "__init__") { rt, o, args, kw in
            let a = try BoundArgs("Optimizer", args, kw, ["params", "defaults"], required: 2)
            guard case .object(let d as PyDict)? = a["defaults"] else { throw PyError.type("defaults must be a dict") }
            try setUpOptimizer(rt, o, a.given("params"), d)
            return .none
        }
        method(c, "zero_grad") { _, o, args, kw in
            let a = try BoundArgs("zero_grad", args, kw, ["set_to_none"])
            let toNone = try a.bool("set_to_none", true)
            for (_, p) in try groups(o).flatMap({ try params($0) }) {
                guard let g = p.grad else { continue }
                if toNone { p.grad = nil } else { try Grad.wrap { try g.data.copy_(Tensor(scalar: 0, dtype: g.data.dtype)) } }
            }
            return .none
        }
        method(c, "add_param_group") { rt, o, args, _ in
            guard args.count == 1, case .object(let g as PyDict) = args[0] else { throw PyError.type("param group must be a dict") }
            try addGroup(rt, o, g)
            return .none
        }
        method(c, "__repr__") { rt, o, _, _ in
            var lines = [o.cls.name + " ("]
            for (i, g) in try groups(o).enumerated() {
                lines.append("Parameter Group \(i)")
                let named = zip(g.keys, g.values).compactMap { k, v -> (String, Value)? in
                    guard case .str(let s) = k, s != "params" else { return nil }
                    return (s, v)
                }.sorted { $0.0 < $1.0 }
                for (k, v) in named {
                    let shown = try rt.str(v)
                    lines.append("    \(k): \(shown)")
                }
            }
            lines.append(")")
            return .str(lines.joined(separator: "\n"))
        }
        return c
    }()

    static func setUpOptimizer(_ rt: Runtime, _ o: PyInstance, _ params: Value, _ defaults: PyDict) throws {
        if params.isTensorValue {
            throw PyError.type("params argument given to the optimizer should be an iterable of Tensors or dicts, but got \(params.typeName)")
        }
        o.attrs["defaults"] = .object(defaults)
        o.attrs["param_groups"] = .object(PyList([]))
        o.attrs[stateKey] = .object(OptimizerState())
        let items = try rt.iterateToArray(params)
        guard !items.isEmpty else { throw PyError.value("optimizer got an empty parameter list") }
        if case .object(let first as PyDict) = items[0] {
            _ = first
            for g in items {
                guard case .object(let d as PyDict) = g else { throw PyError.type("param groups must be dicts") }
                try addGroup(rt, o, d.copy())
            }
        } else {
            let d = PyDict()
            d.set("params", .object(PyList(items)))
            try addGroup(rt, o, d)
        }
    }

    static func addGroup(_ rt: Runtime, _ o: PyInstance, _ g: PyDict) throws {
        guard let ps = try g.get(.str("params")) else { throw PyError.key(.str("params")) }
        let list = ps.isTensorValue ? [ps] : try rt.iterateToArray(ps)
        for p in list where !p.isTensorValue {
            throw PyError.type("optimizer can only optimize Tensors, but one of the params is \(p.typeName)")
        }
        g.set("params", .object(PyList(list)))
        if case .object(let d as PyDict)? = o.attrs["defaults"] {
            for (k, v) in zip(d.keys, d.values) {
                if try g.get(k) == nil { try g.set(k, v) }
            }
        }
        guard case .object(let l as PyList)? = o.attrs["param_groups"] else { return }
        l.items.append(.object(g))
    }

    static func groups(_ o: PyInstance) throws -> [PyDict] {
        guard case .object(let l as PyList)? = o.attrs["param_groups"] else { throw PyError.attribute("optimizer has no param_groups") }
        return l.items.compactMap { if case .object(let d as PyDict) = $0 { return d }; return nil }
    }

    static func params(_ g: PyDict) throws -> [(Int, Variable)] {
        guard case .object(let l as PyList)? = try g.get(.str("params")) else { return [] }
        return l.items.enumerated().compactMap { (i, v) -> (Int, Variable)? in
            if case .tensor(let t) = v { return (i, t) }
            return nil
        }
    }

    static func number(_ g: PyDict, _ key: String) throws -> Double {
        guard let v = try g.get(.str(key)) else { throw PyError.key(.str(key)) }
        return try TensorArgs.double(v, "step", key)
    }

    static func state(_ o: PyInstance) -> OptimizerState {
        if case .object(let s as OptimizerState)? = o.attrs[stateKey] { return s }
        let s = OptimizerState()
        o.attrs[stateKey] = .object(s)
        return s
    }

    /// Registers `step(closure=None)` on an optimizer class: calls the closure, then for every
    /// parameter group reads its hyper-parameters (`readGroup`) and replaces each parameter that
    /// has a gradient with what `update(state, hyper, param, d)` returns, `d` being the gradient
    /// (contiguous, negated for `maximize`, plus `weight_decay * param`).
    static func stepMethod<Hyper>(_ c: PyClass, readGroup: @escaping (Runtime, PyDict) throws -> Hyper,
                                  update: @escaping (OptimizerState, Hyper, Variable, Tensor) throws -> Tensor) {
        method(c, "step") { rt, o, args, kw in
            let a = try BoundArgs("step", args, kw, ["closure"])
            var loss: Value = .none
            if let f = a["closure"], !f.isNone { loss = try rt.call(f, [], []) }
            let st = state(o)
            for g in try groups(o) {
                let hyper = try readGroup(rt, g)
                let wd = try number(g, "weight_decay")
                let maximize = try g.get(.str("maximize")).map { try rt.truth($0) } ?? false
                for (_, p) in try params(g) {
                    guard let grad = p.grad else { continue }
                    try Grad.wrap {
                        var d = try grad.data.contiguous()
                        if maximize { d = try d.neg() }
                        if wd != 0 { d = try Tensor.fusedAdd(d, p.data, wd) }
                        try p.data.copy_(try update(st, hyper, p, d))
                    }
                    p.markModifiedInPlace()
                }
            }
            return loss
        }
    }

    /// `torch.optim.SGD(params, lr=1e-3, momentum=0, dampening=0, weight_decay=0, nesterov=False)`.
    static let sgd: PyClass = {
        let c = PyClass(name: "SGD", base: optimizer)
        method(c, "__init__") { rt, o, args, kw in
            let a = try BoundArgs("SGD", args, kw, ["params", "lr", "momentum", "dampening", "weight_decay", "nesterov",
                                                    "maximize", "foreach", "differentiable", "fused"], required: 1)
            let lr = try a.double("lr") ?? 1e-3, momentum = try a.double("momentum") ?? 0
            let dampening = try a.double("dampening") ?? 0, wd = try a.double("weight_decay") ?? 0
            let nesterov = try a.bool("nesterov", false)
            if lr < 0 { throw PyError.value("Invalid learning rate: \(formatFloat(lr))") }
            if momentum < 0 { throw PyError.value("Invalid momentum value: \(formatFloat(momentum))") }
            if wd < 0 { throw PyError.value("Invalid weight_decay value: \(formatFloat(wd))") }
            if nesterov && (momentum <= 0 || dampening != 0) {
                throw PyError.value("Nesterov momentum requires a momentum and zero dampening")
            }
            let d = PyDict()
            d.set("lr", a["lr"] ?? .float(1e-3))
            d.set("momentum", a["momentum"] ?? .int(0))
            d.set("dampening", a["dampening"] ?? .int(0))
            d.set("weight_decay", a["weight_decay"] ?? .int(0))
            d.set("nesterov", .bool(nesterov))
            d.set("maximize", .bool(try a.bool("maximize", false)))
            try setUpOptimizer(rt, o, a.given("params"), d)
            return .none
        }
        stepMethod(c, readGroup: { rt, g in
            (lr: try number(g, "lr"), momentum: try number(g, "momentum"), damp: try number(g, "dampening"),
             nesterov: try g.get(.str("nesterov")).map { try rt.truth($0) } ?? false)
        }, update: { st, h, p, d in
            var d = d
            if h.momentum != 0 {
                let key = ObjectIdentifier(p)
                var buf: Tensor
                if let b = st.buffers[key]?["momentum_buffer"] {
                    buf = try b.mul(Tensor(scalar: h.momentum, dtype: b.dtype))
                    buf = try Tensor.fusedAdd(buf, d, 1 - h.damp)
                } else {
                    buf = try d.clone()
                }
                st.buffers[key, default: [:]]["momentum_buffer"] = buf
                d = h.nesterov ? try Tensor.fusedAdd(d, buf, h.momentum) : buf
            }
            return try Tensor.fusedAdd(p.data, d, -h.lr)
        })
        return c
    }()

    /// `torch.optim.Adam(params, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0)`.
    static let adam: PyClass = {
        let c = PyClass(name: "Adam", base: optimizer)
        method(c, "__init__") { rt, o, args, kw in
            let a = try BoundArgs("Adam", args, kw, ["params", "lr", "betas", "eps", "weight_decay", "amsgrad",
                                                     "foreach", "maximize", "capturable", "differentiable", "fused"], required: 1)
            if try a.bool("amsgrad", false) { throw PyError(BuiltinTypes.notImplementedError, "Adam(amsgrad=True) is not supported in nn") }
            let d = PyDict()
            d.set("lr", a["lr"] ?? .float(1e-3))
            d.set("betas", a["betas"] ?? .object(PyTuple([.float(0.9), .float(0.999)])))
            d.set("eps", a["eps"] ?? .float(1e-8))
            d.set("weight_decay", a["weight_decay"] ?? .int(0))
            d.set("amsgrad", .bool(false))
            d.set("maximize", .bool(try a.bool("maximize", false)))
            try setUpOptimizer(rt, o, a.given("params"), d)
            return .none
        }
        stepMethod(c, readGroup: { _, g in
            let lr = try number(g, "lr"), eps = try number(g, "eps")
            guard let bv = try g.get(.str("betas")), let betas = TensorArgs.sequence(bv), betas.count == 2 else {
                throw PyError.value("betas must be a pair")
            }
            return (lr: lr, eps: eps, beta1: try TensorArgs.double(betas[0], "Adam", "betas"),
                    beta2: try TensorArgs.double(betas[1], "Adam", "betas"))
        }, update: { st, h, p, d in
            let key = ObjectIdentifier(p)
            let m = try st.buffers[key]?["exp_avg"] ?? Tensor(zeros: p.data.shape, dtype: p.data.dtype)
            let v = try st.buffers[key]?["exp_avg_sq"] ?? Tensor(zeros: p.data.shape, dtype: p.data.dtype)
            let step = (st.steps[key] ?? 0) + 1
            st.steps[key] = step
            let m2 = try Tensor.adamMoments(m, v, d, beta1: h.beta1, beta2: h.beta2)
            st.buffers[key] = ["exp_avg": m2.0, "exp_avg_sq": m2.1]
            let bc1 = 1 - Foundation.pow(h.beta1, Double(step)), bc2 = 1 - Foundation.pow(h.beta2, Double(step))
            return try Tensor.adamUpdate(p.data.contiguous(), m2.0, m2.1, stepSize: h.lr / bc1,
                                         bc2Sqrt: bc2.squareRoot(), eps: h.eps)
        })
        return c
    }()
}

/// A Python float as `repr` prints it (for optimizer messages).
private func formatFloat(_ x: Double) -> String { x == x.rounded() && Swift.abs(x) < 1e16 ? String(format: "%.1f", x) : "\(x)" }
