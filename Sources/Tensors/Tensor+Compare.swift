// Whole-tensor truth tests: all, any, allclose, equal (what test_eq / test_near stand on).

extension Tensor {
    /// `all(dim=, keepdim=)`: true where every element (over `dim`, or everywhere) is non-zero.
    public func all(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try truthReduce(dim: dim, keepdim: keepdim, any: false)
    }

    /// `any(dim=, keepdim=)`: true where some element (over `dim`, or anywhere) is non-zero.
    public func any(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try truthReduce(dim: dim, keepdim: keepdim, any: true)
    }

    func truthReduce(dim: Int?, keepdim: Bool, any: Bool) throws -> Tensor {
        let b = try bool()
        // Counting true elements reuses the sum kernels; all = (count == n), any = (count > 0).
        let reduced = try b.reductionDims(dim.map { [$0] })
        let r = try b.sums(reduced, keepdim: keepdim)
        let n = Int64(r.count)
        let flags = (r.int ?? []).map { any ? $0 > 0 : $0 == n }
        return try Tensor(bools: flags, shape: r.shape)
    }

    /// `allclose(other, rtol, atol, equal_nan)`: |self - other| <= atol + rtol * |other|
    /// everywhere (broadcasting); the dtypes must match, as in PyTorch.
    public func allclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
                         equalNan: Bool = false) throws -> Bool {
        guard dtype == other.dtype else {
            throw TensorError.runtime("\(Tensor.typeName(dtype)) did not match \(Tensor.typeName(other.dtype))")
        }
        let shape = try Tensor.broadcastShapes(self.shape, other.shape)
        // Compared in double: exact for float32 elements, and float64 keeps its digits.
        let a = try to(.float64).expand(shape), b = try other.to(.float64).expand(shape)
        var ok = true
        let ap = a.storage.doubles, bp = b.storage.doubles
        let nest = LoopNest(shape: shape, strides: [a.strides, b.strides])
        let sa = nest.strides[0].last!, sb = nest.strides[1].last!
        var cursor = RowCursor(nest, offsets: [a.offset, b.offset])
        while cursor.next() {
            let pos = cursor.pos, n = cursor.count
            for i in 0..<n where ok {
                let x = ap[pos[0] + i * sa], y = bp[pos[1] + i * sb]
                if x == y { continue }
                if x.isNaN || y.isNaN {
                    ok = equalNan && x.isNaN && y.isNaN
                } else {
                    ok = Swift.abs(x - y) <= atol + rtol * Swift.abs(y)
                }
            }
        }
        return ok
    }

    /// `equal(other)`: same shape and equal elements (values compared after promotion).
    public func equal(_ other: Tensor) throws -> Bool {
        guard shape == other.shape else { return false }
        return try eq(other).all().item() != 0
    }
}
