// Views share storage and change only shape, strides and offset; the rest (contiguous, clone,
// casts, reshape when no view exists) copy.

extension Tensor {
    /// Wraps a possibly negative dim into `0..<rank`, or throws PyTorch's IndexError.
    public static func wrapDim(_ dim: Int, rank: Int) throws -> Int {
        let r = max(rank, 1)
        guard dim >= -r && dim < r else {
            throw TensorError.index("Dimension out of range (expected to be in range of [\(-r), \(r - 1)], but got \(dim))")
        }
        return dim < 0 ? dim + r : dim
    }

    /// PyTorch's capitalised type name used in some messages ("Float", "Long", "Bool").
    static func typeName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "Float"
        case .float64: "Double"
        case .int64: "Long"
        case .bool: "Bool"
        }
    }

    /// Resolves a single -1 in `shape` against `numel`, or throws PyTorch's errors.
    static func inferSize(_ shape: [Int], numel: Int) throws -> [Int] {
        var out = shape
        var inferred: Int? = nil
        var known = 1
        for (d, s) in shape.enumerated() {
            if s == -1 {
                if inferred != nil { throw TensorError.runtime("only one dimension can be inferred") }
                inferred = d
            } else if s < 0 {
                throw TensorError.runtime("invalid shape dimension \(s) at index \(d) of shape \(describe(shape))")
            } else {
                let (m, o) = known.multipliedReportingOverflow(by: s)
                if o { throw TensorError.runtime("shape '\(describe(shape))' is invalid for input of size \(numel)") }
                known = m
            }
        }
        if let d = inferred {
            guard known != 0 else {
                if numel != 0 { throw TensorError.runtime("shape '\(describe(shape))' is invalid for input of size \(numel)") }
                throw TensorError.runtime("cannot reshape tensor of \(numel) elements into shape \(describe(shape)) because the unspecified dimension size -1 can be any value and is ambiguous")
            }
            guard numel % known == 0 else {
                throw TensorError.runtime("shape '\(describe(shape))' is invalid for input of size \(numel)")
            }
            out[d] = numel / known
        } else if known != numel {
            throw TensorError.runtime("shape '\(describe(shape))' is invalid for input of size \(numel)")
        }
        return out
    }

    /// Strides that let `newShape` view memory laid out as (`shape`, `strides`), or nil when
    /// no such view exists (a new dim would span two non-contiguous chunks).
    static func viewStrides(shape: [Int], strides: [Int], newShape: [Int]) throws -> [Int]? {
        if shape.contains(0) || shape.isEmpty { return try checkedContiguousStrides(newShape) }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var viewD = newShape.count - 1
        var chunkBase = strides[strides.count - 1]
        var tensorNumel = 1
        var viewNumel = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            tensorNumel *= shape[d]
            if d == 0 || (shape[d - 1] != 1 && strides[d - 1] != tensorNumel &* chunkBase) {
                while viewD >= 0 && (viewNumel < tensorNumel || newShape[viewD] == 1) {
                    newStrides[viewD] = viewNumel * chunkBase
                    viewNumel *= newShape[viewD]
                    viewD -= 1
                }
                if viewNumel != tensorNumel { return nil }
                if d > 0 {
                    chunkBase = strides[d - 1]
                    tensorNumel = 1
                    viewNumel = 1
                }
            }
        }
        return viewD == -1 ? newStrides : nil
    }

    /// A view with a new shape (one dim may be -1), sharing storage; throws when the strides
    /// make that impossible, as PyTorch's `view` does.
    public func view(_ newShape: [Int]) throws -> Tensor {
        let resolved = try Tensor.inferSize(newShape, numel: numel)
        guard let st = try Tensor.viewStrides(shape: shape, strides: strides, newShape: resolved) else {
            throw TensorError.runtime("view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.")
        }
        return Tensor(storage: storage, shape: resolved, strides: st, offset: offset)
    }

    /// `view` when possible, otherwise a contiguous copy with the new shape.
    public func reshape(_ newShape: [Int]) throws -> Tensor {
        let resolved = try Tensor.inferSize(newShape, numel: numel)
        if let st = try Tensor.viewStrides(shape: shape, strides: strides, newShape: resolved) {
            return Tensor(storage: storage, shape: resolved, strides: st, offset: offset)
        }
        return try contiguous().view(resolved)
    }

    /// `flatten(start_dim, end_dim)`: merges dims `start...end` into one (a view when possible).
    public func flatten(startDim: Int = 0, endDim: Int = -1) throws -> Tensor {
        if ndim == 0 { return try reshape([1]) }
        let s = try Tensor.wrapDim(startDim, rank: ndim), e = try Tensor.wrapDim(endDim, rank: ndim)
        guard s <= e else { throw TensorError.runtime("flatten() has invalid args: start_dim cannot come after end_dim") }
        if s == e { return self }
        let merged = try Tensor.count(of: Array(shape[s...e]))
        return try reshape(Array(shape[..<s]) + [merged] + Array(shape[(e + 1)...]))
    }

    /// Swaps two dims (a view).
    public func transpose(_ dim0: Int, _ dim1: Int) throws -> Tensor {
        let a = try Tensor.wrapDim(dim0, rank: ndim), b = try Tensor.wrapDim(dim1, rank: ndim)
        if ndim == 0 { return self }
        var t = self
        t.shape.swapAt(a, b)
        t.strides.swapAt(a, b)
        return t
    }

    /// Reorders dims (a view): result dim i is this tensor's dim `dims[i]`.
    public func permute(_ dims: [Int]) throws -> Tensor {
        guard dims.count == ndim else {
            throw TensorError.runtime("permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = \(ndim) is not equal to len(dims) = \(dims.count)")
        }
        var seen = [Bool](repeating: false, count: ndim)
        var t = self
        for (i, d) in dims.enumerated() {
            let w = try Tensor.wrapDim(d, rank: ndim)
            if ndim == 0 { break }
            if seen[w] { throw TensorError.runtime("permute(): duplicate dims are not allowed.") }
            seen[w] = true
            t.shape[i] = shape[w]
            t.strides[i] = strides[w]
        }
        return t
    }

    /// The transpose of a tensor with at most 2 dims (a view).
    public func t() throws -> Tensor {
        guard ndim <= 2 else {
            throw TensorError.runtime("t() expects a tensor with <= 2 dimensions, but self is \(ndim)D")
        }
        return ndim < 2 ? self : try transpose(0, 1)
    }

    /// `.T`: all dims reversed (a view).
    public var T: Tensor {
        var t = self
        t.shape.reverse()
        t.strides.reverse()
        return t
    }

    /// Broadcasts to `sizes` with stride 0 in the new and size-1 dims (a view); -1 keeps a size.
    public func expand(_ sizes: [Int]) throws -> Tensor {
        if sizes == shape { return self }
        guard sizes.count >= ndim else {
            throw TensorError.runtime("expand(torch.\(Tensor.typeName(dtype))Tensor{\(Tensor.describe(shape))}, size=\(Tensor.describe(sizes))): the number of sizes provided (\(sizes.count)) must be greater or equal to the number of dimensions in the tensor (\(ndim))")
        }
        let lead = sizes.count - ndim
        var newShape = [Int](repeating: 0, count: sizes.count)
        var newStrides = [Int](repeating: 0, count: sizes.count)
        // From the last dim, as PyTorch checks (its error names the last mismatch).
        for d in (0..<sizes.count).reversed() {
            let target = sizes[d]
            if d < lead {
                if target == -1 {
                    throw TensorError.runtime("The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension \(d)")
                }
                if target < 0 { throw TensorError.runtime("Trying to create tensor with negative dimension \(target): \(Tensor.describe(sizes))") }
                newShape[d] = target
                newStrides[d] = 0
                continue
            }
            let old = shape[d - lead]
            if target == -1 || target == old {
                newShape[d] = old
                newStrides[d] = strides[d - lead]
            } else if old == 1 {
                if target < 0 { throw TensorError.runtime("Trying to create tensor with negative dimension \(target): \(Tensor.describe(sizes))") }
                newShape[d] = target
                newStrides[d] = 0
            } else {
                throw TensorError.runtime("The expanded size of the tensor (\(target)) must match the existing size (\(old)) at non-singleton dimension \(d).  Target sizes: \(Tensor.describe(sizes)).  Tensor sizes: \(Tensor.describe(shape))")
            }
        }
        // An element count that overflows is an error, not a trap.
        var n = 1
        for s in newShape {
            let (m, overflow) = n.multipliedReportingOverflow(by: s)
            if overflow { throw TensorError.runtime("numel: integer multiplication overflow") }
            n = m
        }
        return Tensor(storage: storage, shape: newShape, strides: newStrides, offset: offset)
    }

    /// `expand(other.shape)`.
    public func expandAs(_ other: Tensor) throws -> Tensor { try expand(other.shape) }

    /// Inserts a size-1 dim at `dim` (in `-ndim-1...ndim`), a view.
    public func unsqueeze(_ dim: Int) throws -> Tensor {
        let d = try Tensor.wrapDim(dim, rank: ndim + 1)
        var t = self
        let st = d < ndim ? strides[d] * shape[d] : 1
        t.shape.insert(1, at: d)
        t.strides.insert(st, at: d)
        return t
    }

    /// Removes every size-1 dim (a view).
    public func squeeze() -> Tensor {
        var t = self
        t.shape = []
        t.strides = []
        for d in 0..<ndim where shape[d] != 1 {
            t.shape.append(shape[d])
            t.strides.append(strides[d])
        }
        return t
    }

    /// Removes `dim` when its size is 1, otherwise returns the same view.
    public func squeeze(_ dim: Int) throws -> Tensor {
        let d = try Tensor.wrapDim(dim, rank: ndim)
        guard ndim > 0, shape[d] == 1 else { return self }
        var t = self
        t.shape.remove(at: d)
        t.strides.remove(at: d)
        return t
    }

    /// Removes each of `dims` whose size is 1.
    public func squeeze(_ dims: [Int]) throws -> Tensor {
        let ds = Set(try dims.map { try Tensor.wrapDim($0, rank: ndim) })
        var t = self
        t.shape = []
        t.strides = []
        for d in 0..<ndim where !(ds.contains(d) && shape[d] == 1) {
            t.shape.append(shape[d])
            t.strides.append(strides[d])
        }
        return t
    }

    /// This tensor when already contiguous, otherwise a contiguous (row-major) copy.
    public func contiguous() throws -> Tensor {
        isContiguous ? self : try copy(to: dtype)
    }

    /// A fresh copy with new storage, keeping the memory order of a dense tensor (so
    /// `x.t().clone()` has strides `(1, n)`, as in PyTorch) and row-major otherwise.
    public func clone() throws -> Tensor { try copy(to: dtype, preservingLayout: true) }

    /// A copy converted to `dtype` (always new storage), row-major unless asked to keep the
    /// memory order.
    func copy(to dtype: DType, preservingLayout: Bool = false) throws -> Tensor {
        let out = preservingLayout ? try emptyLike(dtype) : try Tensor.empty(shape, dtype)
        try Tensor.copyElements(from: self, into: out)
        return out
    }

    /// This tensor converted to `dtype`; returns `self` (same storage) when it already is.
    /// A converted copy keeps the memory order of a dense tensor, as PyTorch's `to` does.
    public func to(_ dtype: DType) throws -> Tensor {
        dtype == self.dtype ? self : try copy(to: dtype, preservingLayout: true)
    }

    /// `.float()`: converted to float32.
    public func float() throws -> Tensor { try to(.float32) }
    /// `.double()`: converted to float64.
    public func double() throws -> Tensor { try to(.float64) }
    /// `.long()`: converted to int64 (floats truncate toward zero).
    public func long() throws -> Tensor { try to(.int64) }
    /// `.bool()`: converted to bool (non-zero is true).
    public func bool() throws -> Tensor { try to(.bool) }

    /// Writes `src` into this tensor's elements (through views), broadcasting it and
    /// converting its dtype, like PyTorch's `copy_`.
    public func copy_(_ src: Tensor) throws {
        try checkWritable()
        try checkNoPartialOverlap(src)
        let b = try src.broadcast(to: shape)
        // Copy through a temporary when the two share storage, so overlap cannot corrupt it.
        let source = b.storage === storage ? try b.copy(to: b.dtype).expand(shape) : b
        try Tensor.copyElements(from: source, into: self)
    }
}
