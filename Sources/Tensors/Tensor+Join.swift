// cat, stack and where.

extension Tensor {
    /// `cat(tensors, dim)`: joins along an existing dim; dtypes promote; 1-D empty tensors are
    /// skipped as in PyTorch.
    public static func cat(_ ts: [Tensor], dim: Int = 0) throws -> Tensor {
        guard !ts.isEmpty else { throw TensorError.value("torch.cat(): expected a non-empty list of Tensors") }
        for (i, t) in ts.enumerated() where t.ndim == 0 {
            throw TensorError.runtime("zero-dimensional tensor (at position \(i)) cannot be concatenated")
        }
        let dtype = ts.dropFirst().reduce(ts[0].dtype) { DType.promote($0, $1.dtype) }
        let parts = ts.enumerated().filter { !($0.element.ndim == 1 && $0.element.numel == 0) }
        guard let first = parts.first?.element else { return try Tensor.empty([0], dtype) }
        let d = try wrapDim(dim, rank: first.ndim)
        var total = 0, wrapped = false
        for (i, t) in parts {
            guard t.ndim == first.ndim else {
                throw TensorError.runtime("Tensors must have same number of dimensions: got \(first.ndim) and \(t.ndim)")
            }
            for k in 0..<t.ndim where k != d && t.shape[k] != first.shape[k] {
                throw TensorError.runtime("Sizes of tensors must match except in dimension \(d). Expected size \(first.shape[k]) but got size \(t.shape[k]) for tensor number \(i) in the list.")
            }
            let (sum, overflow) = total.addingReportingOverflow(t.shape[d])
            total = sum
            wrapped = wrapped || overflow
        }
        var shape = first.shape
        shape[d] = total
        if wrapped {
            // PyTorch's size sum wraps too and then fails the negative-size check; a sum that
            // wrapped all the way back to >= 0 is still an overflow, not a size.
            if total < 0 { try checkShape(shape) }
            throw TensorError.runtime("Storage size calculation overflowed with sizes=\(describe(shape))")
        }
        let out = try Tensor.empty(shape, dtype)
        var start = 0
        for (_, t) in parts {
            var slot = out
            slot.shape[d] = t.shape[d]
            slot.offset = start * out.strides[d]
            try copyElements(from: t, into: slot)
            start += t.shape[d]
        }
        return out
    }

    /// `stack(tensors, dim)`: joins equal-shaped tensors along a new dim.
    public static func stack(_ ts: [Tensor], dim: Int = 0) throws -> Tensor {
        guard let first = ts.first else { throw TensorError.runtime("stack expects a non-empty TensorList") }
        let d = try wrapDim(dim, rank: first.ndim + 1)
        for (i, t) in ts.enumerated() where t.shape != first.shape {
            throw TensorError.runtime("stack expects each tensor to be equal size, but got \(describe(first.shape)) at entry 0 and \(describe(t.shape)) at entry \(i)")
        }
        return try cat(ts.map { try $0.unsqueeze(d) }, dim: d)
    }

    /// `where(condition, a, b)`: elements of `a` where `condition` holds, else of `b`; all
    /// three broadcast, the dtype is `a`'s and `b`'s promotion.
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) throws -> Tensor {
        guard condition.dtype == .bool else {
            throw TensorError.runtime("where expected condition to be a boolean tensor, but got a tensor with dtype \(typeName(condition.dtype))")
        }
        let shape = try broadcastShapes(broadcastShapes(condition.shape, a.shape), b.shape)
        let dtype = DType.result(a.dtype, zeroDim: a.ndim == 0, b.dtype, zeroDim: b.ndim == 0)
        let c = try condition.expand(shape)
        let x = try a.to(dtype).expand(shape), y = try b.to(dtype).expand(shape)
        let out = try Tensor.empty(shape, dtype, like: [c, x, y])
        switch dtype {
        case .float32: try map3(c, x, y, into: out) { (k: Bool, p: Float, q: Float) in k ? p : q }
        case .float64: try map3(c, x, y, into: out) { (k: Bool, p: Double, q: Double) in k ? p : q }
        case .int64: try map3(c, x, y, into: out) { (k: Bool, p: Int64, q: Int64) in k ? p : q }
        case .bool: try map3(c, x, y, into: out) { (k: Bool, p: Bool, q: Bool) in k ? p : q }
        }
        return out
    }
}
