// Factories: zeros, ones, full, arange, linspace, eye, *_like, and tensors from flat data.

extension Tensor {
    /// `zeros(shape, dtype=)`.
    public static func zeros(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        if shape.contains(where: { $0 < 0 }) { throw TensorError.runtime("zeros: Dimension size must be non-negative.") }
        return try Tensor(zeros: shape, dtype: dtype)
    }

    /// `ones(shape, dtype=)`.
    public static func ones(_ shape: [Int], dtype: DType = .float32) throws -> Tensor {
        try full(shape, 1, dtype: dtype)
    }

    /// `full(shape, value, dtype=)`; the value is converted to `dtype` as `fill_` would.
    public static func full(_ shape: [Int], _ value: Double, dtype: DType = .float32) throws -> Tensor {
        let t = try Tensor.empty(shape, dtype)
        try t.fillElements(value)
        return t
    }

    /// `zeros_like(t)`: same shape, `t`'s dtype unless given.
    public static func zerosLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor {
        try zeros(t.shape, dtype: dtype ?? t.dtype)
    }

    /// `ones_like(t)`: same shape, `t`'s dtype unless given.
    public static func onesLike(_ t: Tensor, dtype: DType? = nil) throws -> Tensor {
        try ones(t.shape, dtype: dtype ?? t.dtype)
    }

    /// `full_like(t, value)`: same shape, `t`'s dtype unless given.
    public static func fullLike(_ t: Tensor, _ value: Double, dtype: DType? = nil) throws -> Tensor {
        try full(t.shape, value, dtype: dtype ?? t.dtype)
    }

    /// A new contiguous tensor of `shape` from row-major doubles, converted to `dtype`
    /// (the language layer flattens nested lists and infers the dtype).
    public init(_ values: [Double], shape: [Int], dtype: DType = .float32) throws {
        try Tensor.checkShape(shape)
        let n = try Tensor.count(of: shape)
        guard values.count == n else {
            throw TensorError.runtime("shape '\(Tensor.describe(shape))' is invalid for input of size \(values.count)")
        }
        let t = try Tensor.empty(shape, dtype)
        switch dtype {
        case .float32:
            let p = t.storage.floats
            for i in 0..<n { p[i] = Float(values[i]) }
        case .float64:
            let p = t.storage.doubles
            for i in 0..<n { p[i] = values[i] }
        case .int64:
            let p = t.storage.ints
            for i in 0..<n { p[i] = Tensor.toInt64(values[i]) }
        case .bool:
            let p = t.storage.bools
            for i in 0..<n { p[i] = values[i] != 0 }
        }
        self = t
    }

    /// Fills every element (through views) with `value` converted to this dtype.
    func fillElements(_ value: Double) throws {
        switch dtype {
        case .float32:
            let v = Float(value)
            try Tensor.map1(self, into: self) { (_: Float) in v }
        case .float64:
            try Tensor.map1(self, into: self) { (_: Double) in value }
        case .int64:
            let v = Tensor.toInt64(value)
            try Tensor.map1(self, into: self) { (_: Int64) in v }
        case .bool:
            let v = value != 0
            try Tensor.map1(self, into: self) { (_: Bool) in v }
        }
    }

    /// `arange(start, end, step)` with all-integer arguments: an int64 tensor.
    public static func arange(_ start: Int64, _ end: Int64, _ step: Int64 = 1) throws -> Tensor {
        guard step != 0 else { throw TensorError.runtime("step must be nonzero") }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw TensorError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let span = Double(end) - Double(start)
        let size = (span / Double(step)).rounded(.up)
        guard size < Double(Int.max / 8) else { throw TensorError.runtime("invalid size, possible overflow?") }
        let n = Int(size)
        let t = try Tensor.empty([n], .int64)
        let p = t.storage.ints
        var v = start
        for i in 0..<n {
            p[i] = v
            v = v &+ step
        }
        return t
    }

    /// `arange(end)` with an integer bound: `0, 1, ..., end-1` as int64.
    public static func arange(_ end: Int64) throws -> Tensor { try arange(0, end, 1) }

    /// `arange(start, end, step)` with any float argument: a float32 tensor; the length is
    /// `ceil((end - start) / step)` computed in double, as PyTorch does.
    public static func arange(_ start: Double, _ end: Double, _ step: Double = 1,
                              dtype: DType = .float32) throws -> Tensor {
        guard start.isFinite && end.isFinite else {
            throw TensorError.runtime("unsupported range: \(start) -> \(end)")
        }
        guard step != 0 else { throw TensorError.runtime("step must be nonzero") }
        guard (step > 0 && end >= start) || (step < 0 && end <= start) else {
            throw TensorError.runtime("upper bound and lower bound inconsistent with step sign")
        }
        let size = ((end - start) / step).rounded(.up)
        guard size.isFinite, size < Double(Int.max / 8) else {
            throw TensorError.runtime("invalid size, possible overflow?")
        }
        let n = Int(size)
        let t = try Tensor.empty([n], dtype)
        for i in 0..<n { t.setElement(atStorageIndex: i, start + Double(i) * step) }
        return t
    }

    /// `linspace(start, end, steps)`: float32, computed like PyTorch's kernel (from `start` for
    /// the first half, from `end` for the second) so values match bit for bit.
    public static func linspace(_ start: Double, _ end: Double, _ steps: Int, dtype: DType = .float32) throws -> Tensor {
        guard steps >= 0 else { throw TensorError.runtime("number of steps must be non-negative") }
        if dtype == .float64 {
            let t = try Tensor.empty([steps], .float64)
            let p = t.storage.doubles
            if steps == 1 { p[0] = start }
            if steps > 1 {
                let step = (end - start) / Double(steps - 1)
                let half = steps / 2
                for i in 0..<steps {
                    p[i] = i < half ? start.addingProduct(step, Double(i)) : end.addingProduct(-step, Double(steps - i - 1))
                }
            }
            return t
        }
        let t = try Tensor.empty([steps], .float32)
        let p = t.storage.floats
        if steps == 1 { p[0] = Float(start) }
        if steps > 1 {
            let s = Float(start), e = Float(end)
            let step = (e - s) / Float(steps - 1)
            let half = steps / 2
            for i in 0..<steps {
                // Fused multiply-add, as PyTorch's vectorised kernel computes it.
                p[i] = i < half ? s.addingProduct(step, Float(i)) : e.addingProduct(-step, Float(steps - i - 1))
            }
        }
        return t
    }

    /// `eye(n, m)`: a float32 (or `dtype`) matrix with ones on the diagonal.
    public static func eye(_ n: Int, _ m: Int? = nil, dtype: DType = .float32) throws -> Tensor {
        let cols = m ?? n
        guard n >= 0 else { throw TensorError.runtime("n must be greater or equal to 0, got \(n)") }
        guard cols >= 0 else { throw TensorError.runtime("m must be greater or equal to 0, got \(cols)") }
        // PyTorch checks the element count first, with this wording.
        if n.multipliedReportingOverflow(by: cols).overflow {
            throw TensorError.runtime("numel: integer multiplication overflow")
        }
        let t = try Tensor.zeros([n, cols], dtype: dtype)
        for i in 0..<min(n, cols) { t.setElement(atStorageIndex: i * cols + i, 1) }
        return t
    }
}
