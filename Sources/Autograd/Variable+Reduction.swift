import Tensors

// Reductions. A reduced gradient is broadcast back over the reduced dims; with keepdim=false
// those dims are first re-inserted as size 1.

extension Variable {
    /// The wrapped, sorted, distinct dims of a reduction (nil or empty: all dims).
    fileprivate func reducedDims(_ dims: [Int]?) throws -> [Int] {
        guard let dims, !dims.isEmpty else { return Array(0..<ndim) }
        let wrapped = try dims.map { try Tensor.wrapDim($0, rank: ndim) }
        return ndim == 0 ? [] : Array(Set(wrapped)).sorted()
    }

    /// `g` (shaped like the reduction's output) reshaped to keepdim form and broadcast to `shape`.
    fileprivate static func spread(_ g: Tensor, over dims: [Int], keepdim: Bool, to shape: [Int]) throws -> Tensor {
        var k = g
        if !keepdim && !shape.isEmpty {
            for d in dims.sorted() where d < shape.count { k = try k.unsqueeze(d) }
        }
        return try k.expand(shape)
    }

    /// The number of elements each output of a reduction over `dims` combines.
    fileprivate func count(over dims: [Int]) -> Int {
        ndim == 0 ? 1 : dims.reduce(1) { $0 * shape[$1] }
    }

    /// `a.sum()` (SumBackward0) or `a.sum(dim, keepdim=)` (SumBackward1).
    public func sum(dims: [Int]? = nil, keepdim: Bool = false) throws -> Variable {
        let out = try data.sum(dims: dims, keepdim: keepdim)
        let all = dims == nil || dims?.isEmpty == true
        let ds = try reducedDims(dims), s = shape
        return Variable.make(out, all ? "SumBackward0" : "SumBackward1", [self]) { g, _ in
            [try Variable.spread(g, over: ds, keepdim: keepdim || all, to: s)]
        }
    }

    /// `a.mean()` (MeanBackward0) or `a.mean(dim, keepdim=)` (MeanBackward1).
    public func mean(dims: [Int]? = nil, keepdim: Bool = false) throws -> Variable {
        let out = try data.mean(dims: dims, keepdim: keepdim)
        let all = dims == nil || dims?.isEmpty == true
        let ds = try reducedDims(dims), s = shape
        let count = Double(count(over: ds))
        let n = Tensor.float(1 / count)
        return Variable.make(out, all ? "MeanBackward0" : "MeanBackward1", [self]) { g, _ in
            // float64 divides by N, as PyTorch's rule does, keeping every digit.
            let scaled = g.dtype == .float64 ? try g.div(Tensor(scalar: count, dtype: .float64)) : try g.mul(n)
            return [try Variable.spread(scaled, over: ds, keepdim: keepdim || all, to: s)]
        }
    }

    /// `a.var(dim, keepdim=, correction=1)` (VarBackward0):
    /// d/dx = 2 (x - mean) / (N - correction).
    public func `var`(dims: [Int]? = nil, keepdim: Bool = false, correction: Int = 1) throws -> Variable {
        let out = try data.var(dims: dims, keepdim: keepdim, correction: correction)
        let all = dims == nil || dims?.isEmpty == true
        let ds = try reducedDims(dims), a = data
        let dof = Double(count(over: ds) - correction)
        let scale = Tensor.float(2 / dof)
        return Variable.make(out, "VarBackward0", [self], saves: [self]) { g, _ in
            let centered = try a.sub(a.mean(dims: ds, keepdim: true))
            if g.dtype == .float64 {
                // PyTorch's order: (2 / dof) * grad * (x - mean), the scale in double.
                let sg = try g.mul(Tensor(scalar: 2 / dof, dtype: .float64))
                return [try Variable.spread(sg, over: ds, keepdim: keepdim || all, to: a.shape).mul(centered)]
            }
            return [try Variable.spread(g, over: ds, keepdim: keepdim || all, to: a.shape).mul(centered).mul(scale)]
        }
    }

    /// `a.std(dim, keepdim=, correction=1)` (StdBackward0):
    /// d/dx = (x - mean) / ((N - correction) * std).
    public func std(dims: [Int]? = nil, keepdim: Bool = false, correction: Int = 1) throws -> Variable {
        let out = try data.std(dims: dims, keepdim: keepdim, correction: correction)
        let all = dims == nil || dims?.isEmpty == true
        let ds = try reducedDims(dims), a = data
        let dof = Double(count(over: ds) - correction)
        let scale = Tensor.float(1 / dof)
        return Variable.make(out, "StdBackward0", [self], saves: [self], savesOutput: true) { g, _ in
            let centered = try a.sub(a.mean(dims: ds, keepdim: true))
            if g.dtype == .float64 {
                // PyTorch: the var rule applied to grad / (2 std), the scale 2 / dof in double.
                let gv = try g.div(out.mul(Tensor(scalar: 2, dtype: .float64))).mul(Tensor(scalar: 2 / dof, dtype: .float64))
                return [try Variable.spread(gv, over: ds, keepdim: keepdim || all, to: a.shape).mul(centered)]
            }
            let gOverStd = try g.div(out)
            return [try Variable.spread(gOverStd, over: ds, keepdim: keepdim || all, to: a.shape).mul(centered).mul(scale)]
        }
    }

    /// `a.max()` over everything (MaxBackward1): the gradient is shared evenly by ties.
    public func max() throws -> Variable { try extreme(largest: true) }
    /// `a.min()` over everything (MinBackward1).
    public func min() throws -> Variable { try extreme(largest: false) }

    /// `a.amax(dims, keepdim=)` (AmaxBackward0): ties share the gradient evenly.
    public func amax(dims: [Int]? = nil, keepdim: Bool = false) throws -> Variable {
        try extreme(largest: true, dims: dims, keepdim: keepdim, name: "AmaxBackward0")
    }
    /// `a.amin(dims, keepdim=)` (AminBackward0).
    public func amin(dims: [Int]? = nil, keepdim: Bool = false) throws -> Variable {
        try extreme(largest: false, dims: dims, keepdim: keepdim, name: "AminBackward0")
    }

    private func extreme(largest: Bool, dims: [Int]? = nil, keepdim: Bool = false, name: String? = nil) throws -> Variable {
        let a = data
        let out = largest ? try a.amax(dims: dims, keepdim: keepdim) : try a.amin(dims: dims, keepdim: keepdim)
        let all = dims == nil || dims?.isEmpty == true
        let ds = try reducedDims(dims)
        return Variable.make(out, name ?? (largest ? "MaxBackward1" : "MinBackward1"), [self], saves: [self], savesOutput: true) { g, _ in
            let best = try Variable.spread(out, over: ds, keepdim: keepdim || all, to: a.shape)
            let mask = try a.eq(best).to(.float32)
            let ties = try mask.sum(dims: ds.isEmpty ? nil : ds, keepdim: true)
            let share = try Variable.spread(g, over: ds, keepdim: keepdim || all, to: a.shape)
            return [try share.mul(mask).div(ties.expand(a.shape))]
        }
    }

    /// `a.max(dim, keepdim=)` (MaxBackward0 on the values): values and int64 indices; the
    /// gradient goes to the index of the (first) maximum.
    public func max(dim: Int, keepdim: Bool = false) throws -> (values: Variable, indices: Variable) {
        try extreme(dim: dim, keepdim: keepdim, largest: true)
    }
    /// `a.min(dim, keepdim=)` (MinBackward0 on the values).
    public func min(dim: Int, keepdim: Bool = false) throws -> (values: Variable, indices: Variable) {
        try extreme(dim: dim, keepdim: keepdim, largest: false)
    }

    private func extreme(dim: Int, keepdim: Bool, largest: Bool) throws -> (values: Variable, indices: Variable) {
        let r = largest ? try data.maxWithIndices(dim: dim, keepdim: keepdim)
                        : try data.minWithIndices(dim: dim, keepdim: keepdim)
        let s = shape, idx = r.indices
        let d = ndim == 0 ? 0 : try Tensor.wrapDim(dim, rank: ndim)
        let values = Variable.make(r.values, largest ? "MaxBackward0" : "MinBackward0", [self]) { g, _ in
            if s.isEmpty { return [g] }
            // One-hot along `dim`: positions equal to the chosen index receive the gradient.
            var posShape = [Int](repeating: 1, count: s.count)
            posShape[d] = s[d]
            let positions = try Tensor.arange(Int64(s[d])).view(posShape)
            let chosen = try Variable.spread(idx, over: [d], keepdim: keepdim, to: s)
            let hit = try positions.expand(s).eq(chosen)
            let gs = try Variable.spread(g, over: [d], keepdim: keepdim, to: s)
            return [try Tensor.where(hit, gs, Tensor.float(0))]
        }
        return (values, Variable(idx))
    }

    // MARK: Not differentiable

    /// `a.argmax(dim=, keepdim=)`: int64 indices, no grad.
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws -> Variable {
        Variable(try data.argmax(dim: dim, keepdim: keepdim))
    }
    /// `a.argmin(dim=, keepdim=)`: int64 indices, no grad.
    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws -> Variable {
        Variable(try data.argmin(dim: dim, keepdim: keepdim))
    }
}
