import Tensors

// Views: the result shares storage; the gradient is the inverse reshaping of the output
// gradient (expand's is a sum over the broadcast dims).

extension Variable {
    /// `a.view(shape)` (ViewBackward0); one size may be -1.
    public func view(_ newShape: [Int]) throws -> Variable {
        let s = shape
        return Variable.makeView(try data.view(newShape), "ViewBackward0", self) { g in try g.reshape(s) }
    }

    /// `a.reshape(shape)`: a view when the strides allow (ViewBackward0), otherwise a copy
    /// (UnsafeViewBackward0), as PyTorch.
    public func reshape(_ newShape: [Int]) throws -> Variable {
        let s = shape
        let out = try data.reshape(newShape)
        if out.storage === data.storage {
            return Variable.makeView(out, "ViewBackward0", self) { g in try g.reshape(s) }
        }
        return Variable.make(out, "UnsafeViewBackward0", [self]) { g, _ in [try g.reshape(s)] }
    }

    /// `a.transpose(d0, d1)` (TransposeBackward0).
    public func transpose(_ d0: Int, _ d1: Int) throws -> Variable {
        Variable.makeView(try data.transpose(d0, d1), "TransposeBackward0", self) { g in try g.transpose(d0, d1) }
    }

    /// `a.permute(dims)` (PermuteBackward0).
    public func permute(_ dims: [Int]) throws -> Variable {
        let out = try data.permute(dims)
        let n = ndim
        var inverse = [Int](repeating: 0, count: n)
        for (i, d) in dims.enumerated() where n > 0 { inverse[try Tensor.wrapDim(d, rank: n)] = i }
        return Variable.makeView(out, "PermuteBackward0", self) { g in try g.permute(inverse) }
    }

    /// `a.t()` for at most 2 dims (TBackward0).
    public func t() throws -> Variable {
        Variable.makeView(try data.t(), "TBackward0", self) { g in try g.t() }
    }

    /// `a.T`: all dims reversed (PermuteBackward0).
    public func T() throws -> Variable {
        try permute(Array((0..<ndim).reversed()))
    }

    /// `a.expand(sizes)` (ExpandBackward0); -1 keeps a size.
    public func expand(_ sizes: [Int]) throws -> Variable {
        let s = shape
        return Variable.makeView(try data.expand(sizes), "ExpandBackward0", self) { g in try g.sumTo(s) }
    }

    /// `a.expand_as(b)` (ExpandBackward0).
    public func expandAs(_ other: Variable) throws -> Variable { try expand(other.shape) }

    /// `a.unsqueeze(d)` (UnsqueezeBackward0).
    public func unsqueeze(_ dim: Int) throws -> Variable {
        let out = try data.unsqueeze(dim)
        let d = try Tensor.wrapDim(dim, rank: ndim + 1)
        return Variable.makeView(out, "UnsqueezeBackward0", self) { g in try g.squeeze(d) }
    }

    /// `a.squeeze()`: every size-1 dim removed (SqueezeBackward0).
    public func squeeze() throws -> Variable {
        let s = shape
        return Variable.makeView(data.squeeze(), "SqueezeBackward0", self) { g in try g.reshape(s) }
    }

    /// `a.squeeze(d)` (SqueezeBackward1).
    public func squeeze(_ dim: Int) throws -> Variable {
        let s = shape
        return Variable.makeView(try data.squeeze(dim), "SqueezeBackward1", self) { g in try g.reshape(s) }
    }

    /// `a.squeeze(dims)` for a tuple of dims (SqueezeBackward2).
    public func squeeze(_ dims: [Int]) throws -> Variable {
        let s = shape
        return Variable.makeView(try data.squeeze(dims), "SqueezeBackward2", self) { g in try g.reshape(s) }
    }

    /// `a.contiguous()`: `self` when already contiguous, else a row-major copy (CloneBackward0,
    /// as PyTorch names it; unlike `clone()`, which keeps a dense tensor's memory order).
    public func contiguous() throws -> Variable {
        if data.isContiguous { return self }
        return Variable.make(try data.contiguous(), "CloneBackward0", [self]) { g, _ in [g] }
    }
}
