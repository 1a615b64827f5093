import Tensors

// Element moves and scans with their rules: gather, cumsum, sort/topk values, lerp.

extension Variable {
    /// `gather(dim, index)` (GatherBackward0): the gradient is scattered back, adding where
    /// an element was picked more than once.
    public func gather(dim: Int, index: Tensor) throws -> Variable {
        try picked(dim: dim, index: index, name: "GatherBackward0", out: data.gather(dim: dim, index: index))
    }

    /// The values of `sort`/`topk` (SortBackward0/TopkBackward0): a gather by the indices.
    public func picked(dim: Int, index: Tensor, name: String, out: Tensor) throws -> Variable {
        let s = shape
        return Variable.make(out, name, [self]) { g, _ in
            let gd = g.dtype.floatingResult
            let gx = try Tensor(zeros: s, dtype: gd)
            try gx.scatter_(dim: dim, index: index, src: g.to(gd), accumulate: true)
            return [gx]
        }
    }

    /// `cumsum(dim)` (CumsumBackward0): the gradient is the reversed cumulative sum.
    public func cumsum(dim: Int) throws -> Variable {
        let out = try data.cumsum(dim: dim)
        return Variable.make(out, "CumsumBackward0", [self]) { g, _ in [try g.cumsum(dim: dim, reverse: true)] }
    }

    /// `lerp(end, weight)` with a number weight (LerpBackward0): `self + w * (end - self)`,
    /// computed as PyTorch does (from `end` when `|w| >= 0.5`).
    public func lerp(_ end: Variable, weight: Double) throws -> Variable {
        let out = try data.lerp(end.data, weight: weight)
        let sa = self.shape, sb = end.shape
        return Variable.make(out, "LerpBackward0", [self, end]) { g, needs in
            [needs[0] ? try g.mul(Tensor(scalar: 1 - weight, dtype: g.dtype)).sumTo(sa) : nil,
             needs[1] ? try g.mul(Tensor(scalar: weight, dtype: g.dtype)).sumTo(sb) : nil]
        }
    }

    /// Records an in-place write made directly on `data` (scatter_, ...): rules that saved
    /// this data then refuse to run, as after any other in-place op.
    public func markModifiedInPlace() { versionOwner.version += 1 }
}
