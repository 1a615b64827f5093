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

    /// `allclose(other, rtol, atol, equal_nan)`: `isclose` everywhere (broadcasting); the dtypes
    /// must match, as in PyTorch.
    public func allclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
                         equalNan: Bool = false) throws -> Bool {
        try closeness(other, Tolerance(rtol: rtol, atol: atol, equalNan: equalNan), into: nil)
    }

    /// `isclose(other, rtol, atol, equal_nan)`: a bool tensor of the broadcast shape, true where
    /// `self == other` or `|self - other|` is finite and at most `atol + rtol * |other|` (NaNs
    /// are close to each other only with `equal_nan`); the dtypes must match, as in PyTorch.
    public func isclose(_ other: Tensor, rtol: Double = 1e-5, atol: Double = 1e-8,
                        equalNan: Bool = false) throws -> Tensor {
        let shape = try Tensor.broadcastShapes(self.shape, other.shape)
        let out = try Tensor.empty(shape, .bool)
        _ = try closeness(other, Tolerance(rtol: rtol, atol: atol, equalNan: equalNan), into: out)
        return out
    }

    /// The tolerances of `isclose` / `allclose`.
    struct Tolerance {
        let rtol: Double, atol: Double, equalNan: Bool

        /// Compared in double: exact for float32 elements, and float64 keeps its digits.
        @inline(__always) func close(_ x: Double, _ y: Double) -> Bool {
            if x == y { return true }
            let err = Swift.abs(x - y)  // NaN when either is NaN, so not <= below
            if err <= atol + rtol * Swift.abs(y) && err < .infinity { return true }
            return equalNan && x.isNaN && y.isNaN
        }
    }

    /// Streams both operands once (no widened copies: a 50000x784 float32 comparison used to
    /// build two 313 MB double arrays, most of the lesson's page faults), writing one flag per
    /// element of the row-major `out` when given; true when every element is close.
    func closeness(_ other: Tensor, _ tol: Tolerance, into out: Tensor?) throws -> Bool {
        guard dtype == other.dtype else {
            throw TensorError.runtime("\(Tensor.typeName(dtype)) did not match \(Tensor.typeName(other.dtype))")
        }
        let shape = try Tensor.broadcastShapes(self.shape, other.shape)
        let a = try expand(shape), b = try other.expand(shape)
        switch dtype {
        case .float32: return Tensor.closeRows(Float.self, a, b, tol, out)
        case .float64: return Tensor.closeRows(Double.self, a, b, tol, out)
        default: return Tensor.closeRows(Double.self, try a.to(.float64), try b.to(.float64), tol, out)
        }
    }

    private static func closeRows<T: FloatElement>(_: T.Type, _ a: Tensor, _ b: Tensor,
                                                   _ tol: Tolerance, _ out: Tensor?) -> Bool {
        let ap = a.base(T.self), bp = b.base(T.self)
        let flags = out?.storage.bools
        let nest = LoopNest(shape: a.shape, strides: [contiguousStrides(a.shape), a.strides, b.strides])
        let s1 = nest.strides[1].last!, s2 = nest.strides[2].last!
        // One row per call; `o` is the row's first flag (row-major, as operand 0 is).
        func row(_ o: Int, _ pa: Int, _ pb: Int, _ lo: Int, _ hi: Int) -> Bool {
            var all = true
            for i in lo..<hi {
                let ok = tol.close(Double(ap[pa + i * s1]), Double(bp[pb + i * s2]))
                flags?[o + i] = ok
                all = all && ok
            }
            return all
        }
        var cursor = RowCursor(nest, offsets: [0, a.offset, b.offset])
        if nest.shape.count == 1 {
            // One flat row (the usual dense case): two threads, as the reductions do.
            guard cursor.next() else { return true }
            let pa = cursor.pos[1], pb = cursor.pos[2]
            let halves = UnsafeMutablePointer<Bool>.allocate(capacity: 2)
            defer { halves.deallocate() }
            halves.initialize(repeating: true, count: 2)
            parallelChunks(cursor.count) { lo, hi in halves[lo == 0 ? 0 : 1] = row(0, pa, pb, lo, hi) }
            return halves[0] && halves[1]
        }
        var all = true
        while cursor.next() {
            all = row(cursor.pos[0], cursor.pos[1], cursor.pos[2], 0, cursor.count) && all
        }
        return all
    }

    /// `equal(other)`: same shape and equal elements (values compared after promotion).
    public func equal(_ other: Tensor) throws -> Bool {
        guard shape == other.shape else { return false }
        return try eq(other).all().item() != 0
    }
}
