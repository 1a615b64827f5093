import NNEngine
import NNSyntax
import Autograd
import Foundation
import Tensors

// Tensor methods (`t.sum(dim=0, keepdim=True)`, `t.view(-1, 784)`, ...), with PyTorch's
// signatures. Each entry binds its arguments, calls Tensors through `Grad.op` (differentiable)
// or `Grad.constant`, and returns an nn value.

/// Helpers for method bodies.
private func unaryOp(_ name: String, _ f: @escaping (Variable) throws -> Variable) -> TensorMethod {
    { _, _, t, args, kw in
        _ = try BoundArgs(name, args, kw, [])
        return try Grad.v { try f(t) }
    }
}

/// `view(*shape)` / `view(shape)`.
private func shapeArgs(_ args: [Value], _ kw: Kwargs, _ fname: String, key: String = "size") throws -> [Int] {
    if let v = kw.first(where: { $0.0 == key || $0.0 == "shape" || $0.0 == "dims" })?.1 { return try TensorArgs.sizes([v], fname) }
    return try TensorArgs.sizes(args, fname)
}

/// `sum`/`mean`: `(dim=None, keepdim=False, dtype=None)`.
private func reduction(_ name: String, _ f: @escaping (Variable, [Int]?, Bool) throws -> Variable) -> TensorMethod {
    { rt, _, t, args, kw in
        let a = try BoundArgs(name, args, kw, ["dim", "keepdim", "dtype"])
        let dims = try a.dims("dim") ?? (kw.contains { $0.0 == "axis" } ? nil : nil)
        let keep = try a.bool("keepdim", false)
        var x = t
        if let d = try a.dtype("dtype") { x = try Grad.wrap { try t.to(d) } }
        let input = x
        return try Grad.v { try f(input, dims, keep) }
    }
}

/// `std`/`var`: `(dim=None, unbiased=True, keepdim=False, correction=None)`.
private func spread(_ name: String) -> TensorMethod {
    { rt, _, t, args, kw in
        var args = args
        // `t.std(False)`: the old positional `unbiased`.
        if case .bool(let b)? = args.first {
            args.removeFirst()
            return try spreadCall(name, rt, t, args, kw + [("unbiased", .bool(b))])
        }
        return try spreadCall(name, rt, t, args, kw)
    }
}

private func spreadCall(_ name: String, _ rt: Runtime, _ t: Variable, _ args: [Value], _ kw: Kwargs) throws -> Value {
    let a = try BoundArgs(name, args, kw, ["dim", "unbiased", "keepdim", "correction"])
    let dims = try a.dims("dim")
    let keep = try a.bool("keepdim", false)
    var correction = try a.bool("unbiased", true) ? 1 : 0
    if let c = try a.int("correction") { correction = c }
    return try Grad.v {
        name == "std" ? try t.std(dims: dims, keepdim: keep, correction: correction)
            : try t.var(dims: dims, keepdim: keep, correction: correction)
    }
}

/// `max`/`min`: `()` -> 0-d; `(dim, keepdim=False)` -> (values, indices); `(other)` -> elementwise.
private func extremum(_ isMax: Bool) -> TensorMethod {
    { rt, _, t, args, kw in
        let name = isMax ? "max" : "min"
        let a = try BoundArgs(name, args, kw, ["dim", "keepdim"])
        if case .tensor(let other)? = a["dim"] {
            return .tensor(try Grad.op(isMax ? "MaximumBackward0" : "MinimumBackward0", [t, other]) {
                isMax ? try t.data.maximum(other.data) : try t.data.minimum(other.data)
            })
        }
        guard let dim = try a.int("dim") else {
            if t.data.numel == 0 {
                throw PyError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
            }
            return try Grad.v { isMax ? try t.max() : try t.min() }
        }
        let keep = try a.bool("keepdim", false)
        let r = try Grad.wrap { isMax ? try t.max(dim: dim, keepdim: keep) : try t.min(dim: dim, keepdim: keep) }
        return TupleLike.valuesIndices(isMax ? TupleLike.maxClass : TupleLike.minClass, .tensor(r.values), .tensor(r.indices))
    }
}

/// Binary methods (`t.add(other)`, `t.eq(other)`): the operator's semantics.
private func binaryMethod(_ op: BinaryOp) -> TensorMethod {
    { rt, b, t, args, kw in
        let a = try BoundArgs(op.rawValue, args, kw, ["other", "alpha"], required: 1)
        var other = a.given("other")
        if let alpha = a["alpha"] { other = try rt.binary(.mul, other, alpha) }
        guard let r = try b.binary(rt, op, .tensor(t), other) else {
            throw PyError.type("unsupported operand type(s) for \(op.rawValue): 'Tensor' and '\(other.typeName)'")
        }
        return r
    }
}

private func compareMethod(_ op: CompareOp) -> TensorMethod {
    { rt, b, t, args, kw in
        let a = try BoundArgs(op.rawValue, args, kw, ["other"], required: 1)
        guard let r = try b.compare(rt, op, .tensor(t), a.given("other")) else {
            throw PyError.type("unsupported comparison for Tensor and \(a.given("other").typeName)")
        }
        return r
    }
}

/// In-place binary methods (`add_`, `sub_`, `mul_`, `div_`).
private func inplaceMethod(_ op: BinaryOp) -> TensorMethod {
    { rt, b, t, args, kw in
        let a = try BoundArgs(op.rawValue + "_", args, kw, ["other", "alpha"], required: 1)
        var other = a.given("other")
        if let alpha = a["alpha"] { other = try rt.binary(.mul, other, alpha) }
        guard let r = try b.inplace(rt, op, t, other) else {
            throw PyError.type("unsupported operand type(s) for \(op.rawValue)=: 'Tensor' and '\(other.typeName)'")
        }
        return r
    }
}

/// Casts (`float()`, `long()`, `bool()`, `to(dtype)`): the same tensor when the dtype matches.
private func cast(_ t: Variable, _ d: DType, _ rt: Runtime) throws -> Value {
    if t.data.dtype == d { return .tensor(t) }
    return try Grad.v { try t.to(d) }
}

private func tolerances(_ name: String, _ args: [Value], _ kw: Kwargs) throws -> (Value, Double, Double, Bool) {
    let a = try BoundArgs(name, args, kw, ["other", "rtol", "atol", "equal_nan"], required: 1)
    return (a.given("other"), try a.double("rtol") ?? 1e-5, try a.double("atol") ?? 1e-8, try a.bool("equal_nan", false))
}

/// A dim of a tensor that has dims (`size(d)`, `stride(d)`).
private func dimIndex(_ d: Int, _ t: Tensor) throws -> Int {
    if t.ndim == 0 { throw PyError.index("Dimension specified as \(d) but tensor has no dimensions") }
    return try Grad.wrap { try Tensor.wrapDim(d, rank: t.ndim) }
}

/// Every tensor method, by name.
/// Written once at start-up, read-only after.
nonisolated(unsafe) let tensorMethods: [String: TensorMethod] = {
    var m: [String: TensorMethod] = [:]

    // Shape and layout.
    m["size"] = { _, _, t, args, kw in
        let a = try BoundArgs("size", args, kw, ["dim"])
        if let d = try a.int("dim") { return .int(t.data.shape[try dimIndex(d, t.data)]) }
        return TupleLike.size(t.data.shape)
    }
    m["dim"] = { _, _, t, args, kw in _ = try BoundArgs("dim", args, kw, []); return .int(t.data.ndim) }
    m["ndimension"] = m["dim"]
    m["numel"] = { _, _, t, args, kw in _ = try BoundArgs("numel", args, kw, []); return .int(t.data.numel) }
    m["nelement"] = m["numel"]
    m["stride"] = { _, _, t, args, kw in
        let a = try BoundArgs("stride", args, kw, ["dim"])
        if let d = try a.int("dim") { return .int(t.data.strides[try dimIndex(d, t.data)]) }
        return .object(PyTuple(t.data.strides.map { .int($0) }))
    }
    m["storage_offset"] = { _, _, t, args, kw in _ = try BoundArgs("storage_offset", args, kw, []); return .int(t.data.offset) }
    m["is_contiguous"] = { _, _, t, args, kw in _ = try BoundArgs("is_contiguous", args, kw, []); return .bool(t.data.isContiguous) }
    m["is_floating_point"] = { _, _, t, _, _ in .bool(t.data.dtype.isFloatingPoint) }
    m["element_size"] = { _, _, t, _, _ in .int(t.data.dtype.itemSize) }
    m["item"] = { rt, b, t, args, kw in
        _ = try BoundArgs("item", args, kw, [])
        if t.data.numel != 1 { _ = try Grad.wrap { try t.data.item() } }  // PyTorch's `.item()` error
        return try b.item(rt, t)
    }
    m["tolist"] = { _, _, t, args, kw in _ = try BoundArgs("tolist", args, kw, []); return try NNTensorBinding.toList(t.data) }

    // Views.
    m["view"] = { rt, _, t, args, kw in
        if args.count == 1, let d = DTypeObjects.dtype(of: args[0]) {
            guard d == t.data.dtype else { throw PyError.runtime("view(dtype) between different dtypes is not supported") }
            return .tensor(t)
        }
        let shape = try shapeArgs(args, kw, "view")
        return try Grad.v { try t.view(shape) }
    }
    m["reshape"] = { rt, _, t, args, kw in
        let shape = try shapeArgs(args, kw, "reshape")
        return try Grad.v { try t.reshape(shape) }
    }
    m["view_as"] = { rt, _, t, args, kw in
        let a = try BoundArgs("view_as", args, kw, ["other"], required: 1)
        let shape = try TensorArgs.tensor(a.given("other"), "view_as").shape
        return try Grad.v { try t.view(shape) }
    }
    m["reshape_as"] = { rt, _, t, args, kw in
        let a = try BoundArgs("reshape_as", args, kw, ["other"], required: 1)
        let shape = try TensorArgs.tensor(a.given("other"), "reshape_as").shape
        return try Grad.v { try t.reshape(shape) }
    }
    m["flatten"] = { rt, _, t, args, kw in
        let a = try BoundArgs("flatten", args, kw, ["start_dim", "end_dim"])
        let n = t.data.ndim
        if n == 0 { return try Grad.v { try t.reshape([1]) } }
        let s = try Grad.wrap { try Tensor.wrapDim(try a.int("start_dim") ?? 0, rank: n) }
        let e = try Grad.wrap { try Tensor.wrapDim(try a.int("end_dim") ?? -1, rank: n) }
        guard s <= e else { throw PyError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        let merged = try Grad.wrap { try Tensor.count(of: Array(t.data.shape[s...e])) }
        let shape = Array(t.data.shape[..<s]) + [merged] + Array(t.data.shape[(e + 1)...])
        return try Grad.v { try t.reshape(shape) }
    }
    m["unsqueeze"] = { rt, _, t, args, kw in
        let a = try BoundArgs("unsqueeze", args, kw, ["dim"], required: 1)
        let d = try a.requiredInt("dim")
        return try Grad.v { try t.unsqueeze(d) }
    }
    m["squeeze"] = { rt, _, t, args, kw in
        let a = try BoundArgs("squeeze", args, kw, ["dim"])
        guard let dims = try a.dims("dim") else {
            return try Grad.v { try t.squeeze() }
        }
        return try Grad.v { dims.count == 1 ? try t.squeeze(dims[0]) : try t.squeeze(dims) }
    }
    m["t"] = { rt, _, t, args, kw in
        _ = try BoundArgs("t", args, kw, [])
        return try Grad.v { try t.t() }
    }
    m["transpose"] = { rt, _, t, args, kw in
        let a = try BoundArgs("transpose", args, kw, ["dim0", "dim1"], required: 2)
        let d0 = try a.requiredInt("dim0"), d1 = try a.requiredInt("dim1")
        return try Grad.v { try t.transpose(d0, d1) }
    }
    m["permute"] = { rt, _, t, args, kw in
        let dims = try shapeArgs(args, kw, "permute", key: "dims")
        return try Grad.v { try t.permute(dims) }
    }
    m["expand"] = { rt, _, t, args, kw in
        let shape = try shapeArgs(args, kw, "expand")
        return try Grad.v { try t.expand(shape) }
    }
    m["expand_as"] = { rt, _, t, args, kw in
        let a = try BoundArgs("expand_as", args, kw, ["other"], required: 1)
        let other = try TensorArgs.tensor(a.given("other"), "expand_as")
        return try Grad.v { try t.expand(other.shape) }
    }
    m["contiguous"] = { rt, _, t, args, kw in
        _ = try BoundArgs("contiguous", args, kw, [])
        return try Grad.v { try t.contiguous() }
    }
    m["clone"] = { rt, _, t, args, kw in
        _ = try BoundArgs("clone", args, kw, ["memory_format"])
        return try Grad.v { try t.clone() }
    }
    m["detach"] = { _, _, t, args, kw in
        _ = try BoundArgs("detach", args, kw, [])
        return .tensor(t.detach())
    }
    m["cpu"] = { _, _, t, args, kw in  // nnbook's tensors live on the CPU: the tensor itself
        _ = try BoundArgs("cpu", args, kw, ["memory_format"])
        return .tensor(t)
    }
    m["detach_"] = { _, _, t, _, _ in  // PyTorch's detach_: drop the history in place
        t.gradFn = nil
        t.requiresGrad = false
        return .tensor(t)
    }
    m["float"] = { rt, _, t, args, kw in _ = try BoundArgs("float", args, kw, []); return try cast(t, .float32, rt) }
    m["long"] = { rt, _, t, args, kw in _ = try BoundArgs("long", args, kw, []); return try cast(t, .int64, rt) }
    m["int"] = m["long"]
    m["double"] = { rt, _, t, args, kw in _ = try BoundArgs("double", args, kw, []); return try cast(t, .float64, rt) }
    m["bool"] = { rt, _, t, args, kw in _ = try BoundArgs("bool", args, kw, []); return try cast(t, .bool, rt) }
    m["to"] = { rt, _, t, args, kw in
        let a = try BoundArgs("to", args, kw, ["dtype", "non_blocking", "copy"])
        guard let v = a["dtype"] else { return .tensor(t) }
        if case .str = v { return .tensor(t) }  // a device: we only have the CPU
        if case .tensor(let o) = v { return try cast(t, o.data.dtype, rt) }
        return try cast(t, try TensorArgs.dtype(v, "to"), rt)
    }
    m["type"] = { rt, _, t, args, kw in
        let a = try BoundArgs("type", args, kw, ["dtype"])
        guard let v = a["dtype"] else {
            let names: [DType: String] = [.float32: "FloatTensor", .float64: "DoubleTensor", .int64: "LongTensor", .bool: "BoolTensor"]
            return .str("torch." + (names[t.data.dtype] ?? "Tensor"))
        }
        return try cast(t, try TensorArgs.dtype(v, "type"), rt)
    }

    // Elementwise math.
    m["pow"] = { rt, b, t, args, kw in
        let a = try BoundArgs("pow", args, kw, ["exponent"], required: 1)
        let e = a.given("exponent")
        // None (or any non-number) is PyTorch's TypeError, not a silent None.
        guard let r = try b.binary(rt, .pow, .tensor(t), e) else {
            throw PyError.type("pow(): argument 'exponent' must be Tensor or Number, not \(e.typeName)")
        }
        return r
    }
    m["sqrt"] = unaryOp("sqrt") { try $0.sqrt() }
    m["exp"] = unaryOp("exp") { try $0.exp() }
    m["log"] = unaryOp("log") { try $0.log() }
    m["abs"] = unaryOp("abs") { try $0.abs() }
    m["neg"] = unaryOp("neg") { try $0.neg() }
    m["relu"] = unaryOp("relu") { try $0.relu() }
    m["sigmoid"] = unaryOp("sigmoid") { try $0.sigmoid() }
    m["tanh"] = unaryOp("tanh") { try $0.tanh() }
    m["floor"] = unaryOp("floor") { v in try Grad.op("FloorBackward0", [v]) { try v.data.floor() } }
    m["ceil"] = unaryOp("ceil") { v in try Grad.op("CeilBackward0", [v]) { try v.data.ceil() } }
    m["sign"] = unaryOp("sign") { v in try Grad.op("SignBackward0", [v]) { try v.data.sign() } }
    m["round"] = { rt, _, t, args, kw in
        let a = try BoundArgs("round", args, kw, ["decimals"])
        let d = try a.int("decimals") ?? 0
        if d == 0 { return .tensor(try Grad.op("RoundBackward0", [t]) { try t.data.round() }) }
        let s = Tensor(scalar: pow(10, Double(d)), dtype: t.data.dtype == .float64 ? .float64 : .float32)
        return .tensor(try Grad.op("RoundBackward1", [t]) { try t.data.mul(s).round().div(s) })
    }
    m["clamp"] = { rt, _, t, args, kw in
        let a = try BoundArgs("clamp", args, kw, ["min", "max"])
        guard a["min"] != nil || a["max"] != nil else { throw PyError.runtime("clamp: At least one of 'min' or 'max' must not be None") }
        if (a["min"].map(NNTensorBinding.isNumber) ?? true) && (a["max"].map(NNTensorBinding.isNumber) ?? true) {
            let lo = try a.double("min"), hi = try a.double("max")
            // An integer tensor clamped by a float is a float tensor (PyTorch promotes).
            let isFloat: (Value?) -> Bool = { if case .float? = $0 { return true }; return false }
            if !t.data.dtype.isFloatingPoint && (isFloat(a["min"]) || isFloat(a["max"])) {
                let f = Variable(try t.data.to(.float32))
                return try Grad.v { try f.clamp(min: lo, max: hi) }
            }
            let isInt: (Value?) -> Bool = { if case .int? = $0 { return true }; return false }
            if t.data.dtype == .bool && (isInt(a["min"]) || isInt(a["max"])) {
                let i = Variable(try t.data.to(.int64))
                return try Grad.v { try i.clamp(min: lo, max: hi) }
            }
            return try Grad.v { try t.clamp(min: lo, max: hi) }
        }
        let lo = try a["min"].map { try TensorArgs.tensor($0, "clamp", partner: t.data.dtype) }
        let hi = try a["max"].map { try TensorArgs.tensor($0, "clamp", partner: t.data.dtype) }
        return .tensor(try Grad.op("ClampBackward0", [t]) { try t.data.clamp(min: lo, max: hi) })
    }
    m["clip"] = m["clamp"]
    m["clamp_min"] = { rt, _, t, args, kw in
        let a = try BoundArgs("clamp_min", args, kw, ["min"], required: 1)
        if NNTensorBinding.isNumber(a.given("min")) {
            let lo = try a.requiredDouble("min")
            return try Grad.v { try t.clampMin(lo) }
        }
        let lo = try TensorArgs.tensor(a.given("min"), "clamp_min", partner: t.data.dtype)
        return .tensor(try Grad.op("ClampMinBackward1", [t]) { try t.data.clampMin(lo) })
    }
    m["clamp_max"] = { rt, _, t, args, kw in
        let a = try BoundArgs("clamp_max", args, kw, ["max"], required: 1)
        if NNTensorBinding.isNumber(a.given("max")) {
            let hi = try a.requiredDouble("max")
            return try Grad.v { try t.clampMax(hi) }
        }
        let hi = try TensorArgs.tensor(a.given("max"), "clamp_max", partner: t.data.dtype)
        return .tensor(try Grad.op("ClampMaxBackward1", [t]) { try t.data.clampMax(hi) })
    }

    // Reductions.
    m["sum"] = reduction("sum") { try $0.sum(dims: $1, keepdim: $2) }
    m["mean"] = reduction("mean") { try $0.mean(dims: $1, keepdim: $2) }
    m["std"] = spread("std")
    m["var"] = spread("var")
    m["max"] = extremum(true)
    m["min"] = extremum(false)
    m["amax"] = { rt, _, t, args, kw in
        let a = try BoundArgs("amax", args, kw, ["dim", "keepdim"])
        let dims = try a.dims("dim"), keep = try a.bool("keepdim", false)
        return try Grad.v { try t.amax(dims: dims, keepdim: keep) }
    }
    m["amin"] = { rt, _, t, args, kw in
        let a = try BoundArgs("amin", args, kw, ["dim", "keepdim"])
        let dims = try a.dims("dim"), keep = try a.bool("keepdim", false)
        return try Grad.v { try t.amin(dims: dims, keepdim: keep) }
    }
    m["argmax"] = { _, _, t, args, kw in
        let a = try BoundArgs("argmax", args, kw, ["dim", "keepdim"])
        let d = try a.int("dim"), keep = try a.bool("keepdim", false)
        return .tensor(try Grad.constant { try t.data.argmax(dim: d, keepdim: keep) })
    }
    m["argmin"] = { _, _, t, args, kw in
        let a = try BoundArgs("argmin", args, kw, ["dim", "keepdim"])
        let d = try a.int("dim"), keep = try a.bool("keepdim", false)
        return .tensor(try Grad.constant { try t.data.argmin(dim: d, keepdim: keep) })
    }
    m["all"] = { _, _, t, args, kw in
        _ = try BoundArgs("all", args, kw, [])
        return .tensor(Variable(Tensor(scalar: t.data.scalars().allSatisfy { $0 != 0 } ? 1 : 0, dtype: .bool)))
    }
    m["any"] = { _, _, t, args, kw in
        _ = try BoundArgs("any", args, kw, [])
        return .tensor(Variable(Tensor(scalar: t.data.scalars().contains { $0 != 0 } ? 1 : 0, dtype: .bool)))
    }
    m["norm"] = { rt, _, t, args, kw in
        let a = try BoundArgs("norm", args, kw, ["p", "dim", "keepdim"])
        if let p = a["p"], !(p.isFrobenius) { throw PyError(BuiltinTypes.notImplementedError, "norm(p=\((try? rt.repr(p)) ?? "?")) is not supported in nn") }
        let dims = try a.dims("dim"), keep = try a.bool("keepdim", false)
        return try Grad.v { try t.mul(t).sum(dims: dims, keepdim: keep).sqrt() }
    }

    // Linear algebra.
    m["matmul"] = { rt, b, t, args, kw in
        let a = try BoundArgs("matmul", args, kw, ["other"], required: 1)
        let o = a.given("other")
        guard let r = try b.binary(rt, .matMul, .tensor(t), o) else {
            throw PyError.type("matmul(): argument 'other' (position 1) must be Tensor, not \(o.typeName)")
        }
        return r
    }
    m["mm"] = { rt, _, t, args, kw in
        let a = try BoundArgs("mm", args, kw, ["mat2"], required: 1)
        let o = try TensorArgs.variable(a.given("mat2"), "mm")
        return try Grad.v { try t.mm(o) }
    }
    m["dot"] = { rt, _, t, args, kw in
        let a = try BoundArgs("dot", args, kw, ["other"], required: 1)
        let o = try TensorArgs.variable(a.given("other"), "dot")
        return try Grad.v { try t.dot(o) }
    }
    m["outer"] = { rt, _, t, args, kw in
        let a = try BoundArgs("outer", args, kw, ["vec2"], required: 1)
        let o = try TensorArgs.variable(a.given("vec2"), "outer")
        return try Grad.v { try t.unsqueeze(1).mul(o.unsqueeze(0)) }
    }

    // Operator methods.
    m["add"] = binaryMethod(.add)
    m["sub"] = binaryMethod(.sub)
    m["mul"] = binaryMethod(.mul)
    m["div"] = binaryMethod(.div)
    m["remainder"] = binaryMethod(.mod)
    m["floor_divide"] = binaryMethod(.floorDiv)
    m["maximum"] = { rt, _, t, args, kw in
        let a = try BoundArgs("maximum", args, kw, ["other"], required: 1)
        let o = try TensorArgs.variable(a.given("other"), "maximum", partner: t.data.dtype)
        return .tensor(try Grad.op("MaximumBackward0", [t, o]) { try t.data.maximum(o.data) })
    }
    m["minimum"] = { rt, _, t, args, kw in
        let a = try BoundArgs("minimum", args, kw, ["other"], required: 1)
        let o = try TensorArgs.variable(a.given("other"), "minimum", partner: t.data.dtype)
        return .tensor(try Grad.op("MinimumBackward0", [t, o]) { try t.data.minimum(o.data) })
    }
    m["eq"] = compareMethod(.eq)
    m["ne"] = compareMethod(.ne)
    m["lt"] = compareMethod(.lt)
    m["le"] = compareMethod(.le)
    m["gt"] = compareMethod(.gt)
    m["ge"] = compareMethod(.ge)
    m["equal"] = { _, _, t, args, kw in
        let a = try BoundArgs("equal", args, kw, ["other"], required: 1)
        let o = try TensorArgs.tensor(a.given("other"), "equal")
        return .bool(try Grad.wrap { try t.data.equal(o) })
    }
    m["allclose"] = { _, _, t, args, kw in
        let (o, rtol, atol, en) = try tolerances("allclose", args, kw)
        let other = try TensorArgs.tensor(o, "allclose")
        return .bool(try Grad.wrap { try t.data.allclose(other, rtol: rtol, atol: atol, equalNan: en) })
    }
    m["isclose"] = { _, _, t, args, kw in
        let (o, rtol, atol, en) = try tolerances("isclose", args, kw)
        let other = try TensorArgs.tensor(o, "isclose")
        return .tensor(Variable(try Grad.wrap { try t.data.isclose(other, rtol: rtol, atol: atol, equalNan: en) }))
    }

    // In place.
    m["add_"] = inplaceMethod(.add)
    m["sub_"] = inplaceMethod(.sub)
    m["mul_"] = inplaceMethod(.mul)
    m["div_"] = inplaceMethod(.div)
    m["zero_"] = { _, _, t, args, kw in
        _ = try BoundArgs("zero_", args, kw, [])
        return try Grad.v { try t.zero_() }
    }
    m["fill_"] = { _, _, t, args, kw in
        let a = try BoundArgs("fill_", args, kw, ["value"], required: 1)
        let x = try a.requiredDouble("value")
        return try Grad.v { try t.fill_(x) }
    }
    m["copy_"] = { _, _, t, args, kw in
        let a = try BoundArgs("copy_", args, kw, ["src"], required: 1)
        let s = try TensorArgs.variable(a.given("src"), "copy_")
        try Grad.wrap { try t.setIndex([.ellipsis], s) }
        return .tensor(t)
    }
    m["clamp_"] = { _, _, t, args, kw in
        let a = try BoundArgs("clamp_", args, kw, ["min", "max"])
        let lo = try a.double("min"), hi = try a.double("max")
        try Grad.wrap { try t.clamp_(min: lo, max: hi) }
        return .tensor(t)
    }
    m["clamp_min_"] = { _, _, t, args, kw in
        let a = try BoundArgs("clamp_min_", args, kw, ["min"], required: 1)
        let lo = try a.double("min")
        try Grad.wrap { try t.clamp_(min: lo, max: nil) }
        return .tensor(t)
    }
    m["relu_"] = { _, _, t, args, kw in
        _ = try BoundArgs("relu_", args, kw, [])
        try Grad.wrap { try t.clamp_(min: 0, max: nil) }
        return .tensor(t)
    }
    m["normal_"] = { rt, b, t, args, kw in
        let a = try BoundArgs("normal_", args, kw, ["mean", "std", "generator"])
        try NNTensorBinding.checkLeafInPlace(t)
        try Grad.wrap { try t.data.normal_(mean: try a.double("mean") ?? 0, std: try a.double("std") ?? 1, generator: b.generator) }
        return .tensor(t)
    }
    m["uniform_"] = { rt, b, t, args, kw in
        let a = try BoundArgs("uniform_", args, kw, ["from", "to", "generator"])
        try NNTensorBinding.checkLeafInPlace(t)
        try Grad.wrap { try t.data.uniform_(from: try a.double("from") ?? 0, to: try a.double("to") ?? 1, generator: b.generator) }
        return .tensor(t)
    }

    // Autograd.
    m["requires_grad_"] = { _, _, t, args, kw in
        let a = try BoundArgs("requires_grad_", args, kw, ["requires_grad"])
        let flag = try a.bool("requires_grad", true)
        return try Grad.v { try t.requiresGrad_(flag) }
    }
    m["backward"] = { rt, _, t, args, kw in
        let a = try BoundArgs("backward", args, kw, ["gradient", "retain_graph", "create_graph", "inputs"])
        let g = try a["gradient"].map { try TensorArgs.variable($0, "backward") }
        let retain = try a.bool("retain_graph", false)
        // Honest gaps: higher-order graphs and `inputs=` are not implemented.
        if try a.bool("create_graph", false) {
            throw PyError(BuiltinTypes.notImplementedError, "backward(create_graph=True) is not supported in nn (no higher-order gradients)")
        }
        if let i = a["inputs"], !i.isNone {
            throw PyError(BuiltinTypes.notImplementedError, "backward(inputs=...) is not supported in nn")
        }
        try Grad.wrap { try t.backward(gradient: g, retainGraph: retain) }
        return .none
    }
    m["retain_grad"] = { _, _, t, args, kw in
        _ = try BoundArgs("retain_grad", args, kw, [])
        try Grad.wrap { try t.retainGrad() }
        return .none
    }
    m.merge(NNTensorBinding.selectionMethods()) { old, _ in old }
    return m
}()

extension Value {
    fileprivate var isFrobenius: Bool {
        switch self {
        case .str(let s): return s == "fro"
        case .int(let i): return i == 2
        case .float(let d): return d == 2
        default: return false
        }
    }
}
