import NNEngine
import NNSyntax
import Autograd
import Tensors

// Tensor methods beyond the lesson-8 set, as PyTorch code writes them: the softmax family,
// gather/scatter, scans, sort/topk, split/chunk, lerp and storage().

/// `softmax(dim)` / `log_softmax(dim)`; `dim=None` picks PyTorch's legacy implicit dim.
private func softmaxMethod(_ name: String, log: Bool) -> TensorMethod {
    { _, _, t, args, kw in
        let a = try BoundArgs(name, args, kw, ["dim", "dtype", "_stacklevel"])
        var x = t
        if let d = try a.dtype("dtype") { x = try Grad.wrap { try t.to(d) } }
        let dim = try a.int("dim") ?? NNTensorBinding.implicitSoftmaxDim(t.data.ndim)
        guard x.data.dtype.isFloatingPoint else {
            throw PyError.runtime("\"\(log ? "log_softmax_lastdim_kernel_impl" : "softmax_lastdim_kernel_impl")\" not implemented for '\(x.data.dtype == .int64 ? "Long" : "Bool")'")
        }
        let input = x
        return try Grad.v { log ? try input.logSoftmax(dim: dim) : try input.softmax(dim: dim) }
    }
}

/// `(values, indices)` named tuples of `sort`/`topk`.
private func valuesIndices(_ cls: PyClass, _ t: Variable, _ dim: Int, _ r: (values: Tensor, indices: Tensor), _ node: String) throws -> Value {
    let values: Variable
    if t.data.dtype.isFloatingPoint {
        values = try Grad.wrap { try t.picked(dim: dim, index: r.indices, name: node, out: r.values) }
    } else {
        values = Variable(r.values)
    }
    return TupleLike.valuesIndices(cls, .tensor(values), .tensor(Variable(r.indices)))
}

/// Pieces of `t` along `dim` of the given sizes, as views (`split`/`chunk`).
private func pieces(_ t: Variable, _ sizes: [Int], _ dim: Int) throws -> Value {
    let d = try Grad.wrap { try Tensor.wrapDim(dim, rank: t.data.ndim) }
    var out: [Value] = []
    var start = 0
    for s in sizes {
        var idx = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: d)
        idx.append(.slice(start: start, stop: start + s, step: nil))
        out.append(try Grad.v { try t.index(idx) })
        start += s
    }
    return .object(PyTuple(out))
}

extension NNTensorBinding {
    /// `_get_softmax_dim`: 0 for 0-, 1- and 3-d inputs, else 1 (PyTorch warns; we don't).
    /// `t.nonzero()`: the indices of the non-zero elements, one row each in row-major order,
    /// shape `[count, ndim]`, int64 (a 0-d tensor counts as one dimension-less element).
    static func nonzero(_ t: Tensor) throws -> Tensor {
        let values = t.scalars(), shape = t.shape, rank = shape.count
        var out: [Int64] = []
        var rows = 0
        for (k, v) in values.enumerated() where v != 0 {
            rows += 1
            var rest = k, index = [Int64](repeating: 0, count: rank)
            for d in stride(from: rank - 1, through: 0, by: -1) where shape[d] > 0 {
                index[d] = Int64(rest % shape[d])
                rest /= shape[d]
            }
            out += index
        }
        return try Tensor(ints: out, shape: [rows, rank])
    }

    static func implicitSoftmaxDim(_ ndim: Int) -> Int { ndim == 0 || ndim == 1 || ndim == 3 ? 0 : 1 }

    /// The methods of this file, merged into `tensorMethods`.
    static func selectionMethods() -> [String: TensorMethod] {
        var m: [String: TensorMethod] = [:]
        m["softmax"] = softmaxMethod("softmax", log: false)
        m["log_softmax"] = softmaxMethod("log_softmax", log: true)
        m["logsumexp"] = { _, _, t, args, kw in
            let a = try BoundArgs("logsumexp", args, kw, ["dim", "keepdim"])
            guard let dims = try a.dims("dim") else {
                throw PyError.type("logsumexp() missing 1 required positional arguments: \"dim\"")
            }
            let keep = try a.bool("keepdim", false)
            return try Grad.v { try t.logsumexp(dims: dims, keepdim: keep) }
        }
        m["nonzero"] = { _, _, t, args, kw in
            let a = try BoundArgs("nonzero", args, kw, ["as_tuple"])
            if try a.bool("as_tuple", false) { throw PyError(BuiltinTypes.notImplementedError, "nonzero(as_tuple=True) is not supported in nn") }
            return .tensor(Variable(try nonzero(t.data)))
        }
        m["gather"] = { _, _, t, args, kw in
            let a = try BoundArgs("gather", args, kw, ["dim", "index", "sparse_grad"], required: 2)
            let dim = try a.requiredInt("dim"), index = try TensorArgs.tensor(a.given("index"), "gather")
            if t.data.dtype.isFloatingPoint { return try Grad.v { try t.gather(dim: dim, index: index) } }
            return .tensor(try Grad.constant { try t.data.gather(dim: dim, index: index) })
        }
        for (name, inPlace, add) in [("scatter_", true, false), ("scatter", false, false),
                                     ("scatter_add_", true, true), ("scatter_add", false, true)] {
            m[name] = { _, _, t, args, kw in
                let a = try BoundArgs(name, args, kw, add ? ["dim", "index", "src"] : ["dim", "index", "src", "value", "reduce"], required: 2)
                let dim = try a.requiredInt("dim"), index = try TensorArgs.tensor(a.given("index"), name)
                if a["reduce"] != nil { throw PyError(BuiltinTypes.notImplementedError, "\(name)(reduce=...) is not supported in nn") }
                let target: Variable
                if inPlace {
                    try NNTensorBinding.checkLeafInPlace(t)
                    if t.gradFn != nil && GradMode.isEnabled {
                        throw PyError(BuiltinTypes.notImplementedError, "nn has no gradient rule for \(name) on a tensor with history yet")
                    }
                    target = t
                } else {
                    if Variable.isRecording([t]) {
                        throw PyError(BuiltinTypes.notImplementedError, "nn has no gradient rule for \(name) yet; compute it under no_grad() or on detached tensors")
                    }
                    target = Variable(try Grad.wrap { try t.data.clone() })
                }
                guard let src = a["src"] ?? a["value"] else {
                    throw PyError.type("\(name)() missing required argument 'src' (pos 3)")
                }
                if let x = NNTensorBinding.number(src) {
                    guard !add else { throw PyError.type("\(name)(): argument 'src' must be Tensor, not \(src.typeName)") }
                    try Grad.wrap { try target.data.scatter_(dim: dim, index: index, value: x) }
                } else {
                    let s = try TensorArgs.tensor(src, name)
                    try Grad.wrap { try target.data.scatter_(dim: dim, index: index, src: s, accumulate: add) }
                }
                target.markModifiedInPlace()
                return .tensor(target)
            }
        }
        m["cumsum"] = { _, _, t, args, kw in
            let a = try BoundArgs("cumsum", args, kw, ["dim", "dtype"], required: 1)
            var x = t
            if let d = try a.dtype("dtype") { x = try Grad.wrap { try t.to(d) } }
            let dim = try a.requiredInt("dim"), input = x
            if input.data.dtype.isFloatingPoint { return try Grad.v { try input.cumsum(dim: dim) } }
            return .tensor(try Grad.constant { try input.data.cumsum(dim: dim) })
        }
        m["sort"] = { _, _, t, args, kw in
            var args = args
            // `sort(stable=..., dim=..., descending=...)`: stable is keyword-only; ours always is.
            if case .bool(let b)? = args.first { args[0] = .int(-1); args.insert(.bool(b), at: 1) }
            let a = try BoundArgs("sort", args, kw, ["dim", "descending", "stable"])
            let dim = try a.int("dim") ?? -1, desc = try a.bool("descending", false)
            let r = try Grad.wrap { try t.data.sort(dim: dim, descending: desc) }
            return try valuesIndices(TupleLike.sortClass, t, dim, r, "SortBackward0")
        }
        m["topk"] = { _, _, t, args, kw in
            let a = try BoundArgs("topk", args, kw, ["k", "dim", "largest", "sorted"], required: 1)
            let k = try a.requiredInt("k"), dim = try a.int("dim") ?? -1, largest = try a.bool("largest", true)
            let r = try Grad.wrap { try t.data.topk(k, dim: dim, largest: largest) }
            return try valuesIndices(TupleLike.topkClass, t, dim, r, "TopkBackward0")
        }
        m["split"] = { rt, _, t, args, kw in
            let a = try BoundArgs("split", args, kw, ["split_size", "dim"], required: 1)
            let dim = try a.int("dim") ?? 0
            guard t.data.ndim > 0 else { throw PyError.runtime("split expects at least a 1-dimensional tensor") }
            let wrapped = try Grad.wrap { try Tensor.wrapDim(dim, rank: t.data.ndim) }
            let size = t.data.shape[wrapped]
            if let seq = TensorArgs.sequence(a.given("split_size")) {
                let sizes = try seq.map { try TensorArgs.int($0, "split", "split_size") }
                guard sizes.reduce(0, +) == size, sizes.allSatisfy({ $0 >= 0 }) else {
                    throw PyError.runtime("split_with_sizes expects split_sizes to sum exactly to \(size) (input tensor's size at dimension \(dim)), but got split_sizes=[\(sizes.map(String.init).joined(separator: ", "))]")
                }
                return try pieces(t, sizes, dim)
            }
            let s = try a.requiredInt("split_size")
            guard s > 0 || (s == 0 && size == 0) else {
                throw PyError.runtime("split expects split_size be non-negative, but got split_size=\(s)")
            }
            if size == 0 { return try pieces(t, [0], dim) }
            var sizes = [Int](repeating: s, count: size / s)
            if size % s != 0 { sizes.append(size % s) }
            return try pieces(t, sizes, dim)
        }
        m["chunk"] = { _, _, t, args, kw in
            let a = try BoundArgs("chunk", args, kw, ["chunks", "dim"], required: 1)
            let chunks = try a.requiredInt("chunks"), dim = try a.int("dim") ?? 0
            guard t.data.ndim > 0 else { throw PyError.runtime("chunk expects at least a 1-dimensional tensor") }
            guard chunks > 0 else { throw PyError.runtime("chunk expects `chunks` to be greater than 0, got: \(chunks)") }
            let wrapped = try Grad.wrap { try Tensor.wrapDim(dim, rank: t.data.ndim) }
            let size = t.data.shape[wrapped]
            let each = size == 0 ? 0 : (size - 1) / chunks + 1  // ceil(size / chunks), no overflow
            if each == 0 { return try pieces(t, [Int](repeating: 0, count: Swift.max(1, Swift.min(chunks, 1))), dim) }
            var sizes = [Int](repeating: each, count: size / each)
            if size % each != 0 { sizes.append(size % each) }
            return try pieces(t, sizes, dim)
        }
        m["lerp"] = { _, _, t, args, kw in
            let a = try BoundArgs("lerp", args, kw, ["end", "weight"], required: 2)
            let end = try TensorArgs.variable(a.given("end"), "lerp")
            guard let w = NNTensorBinding.number(a.given("weight")) else {
                let wt = try TensorArgs.variable(a.given("weight"), "lerp")
                // A tensor weight: `self + weight * (end - self)` through the recorded ops.
                return try Grad.v { try t.add(wt.mul(end.sub(t))) }
            }
            return try Grad.v { try t.lerp(end, weight: w) }
        }
        let lerp = m["lerp"]!
        m["lerp_"] = { rt, b, t, args, kw in
            guard case .tensor(let r) = try lerp(rt, b, t, args, kw) else { return .none }
            try Grad.wrap { try t.setIndex([.ellipsis], r) }
            return .tensor(t)
        }
        m["storage"] = { _, _, t, args, kw in
            _ = try BoundArgs("storage", args, kw, [])
            return TypedStorage.value(t.data)
        }
        return m
    }
}

/// `t.storage()`: PyTorch's (deprecated) TypedStorage, the whole buffer behind a view.
enum TypedStorage {
    static let cls: PyClass = {
        let c = PyClass(name: "TypedStorage", base: BuiltinTypes.object, isBuiltin: true)
        func storage(_ args: [Value]) throws -> Tensor {
            guard case .object(let i as PyInstance)? = args.first, case .tensor(let v)? = i.attrs["__storage__"] else {
                throw PyError.type("descriptor requires a 'TypedStorage' object")
            }
            return v.data
        }
        c.dict["__repr__"] = .object(PyBuiltin("__repr__", acceptsTScalar: false) { rt, args, _ in
            let t = try storage(args)
            var lines = try NNTensorBinding.toList(t).listItems.map { " " + (try rt.str($0)) }
            lines.append("[storage.TypedStorage(dtype=\(t.dtype), device=cpu) of size \(t.numel)]")
            return .str(lines.joined(separator: "\n"))
        })
        c.dict["__len__"] = .object(PyBuiltin("__len__", acceptsTScalar: false) { _, args, _ in .int(try storage(args).numel) })
        c.dict["__getitem__"] = .object(PyBuiltin("__getitem__", acceptsTScalar: false) { rt, args, _ in
            let t = try storage(args)
            guard args.count == 2 else { throw PyError.type("__getitem__ expected 1 argument") }
            return try rt.getItem(try NNTensorBinding.toList(t), args[1])
        })
        c.dict["tolist"] = .object(PyMethodDescr("tolist") { _, recv, _, _ in try NNTensorBinding.toList(try storage([recv])) })
        c.dict["size"] = .object(PyMethodDescr("size") { _, recv, _, _ in .int(try storage([recv]).numel) })
        return c
    }()

    /// The storage of `t` as a flat tensor over all of its elements.
    static func value(_ t: Tensor) -> Value {
        let i = PyInstance(cls: cls)
        let flat = Tensor(storage: t.storage, shape: [t.storage.count], strides: [1], offset: 0)
        i.attrs["__storage__"] = .tensor(Variable(flat))
        return .object(i)
    }
}

extension Value {
    /// The items of a list value (empty for anything else).
    fileprivate var listItems: [Value] {
        if case .object(let l as PyList) = self { return l.items }
        return []
    }
}
