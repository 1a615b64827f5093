#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's double exp and log (inside `extension Tensor` the names mean tensor methods).
@inline(__always) private func libmExp(_ x: Double) -> Double { exp(x) }
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }

// Ops that work lane by lane along one dim: softmax, log_softmax, cumsum, sort, topk. Each
// swaps the dim to the end, works on contiguous rows, and swaps the result back.

extension Tensor {
    /// This tensor with `dim` swapped to the last position, as a contiguous `dtype`
    /// copy (rows of `length` elements), and the swapped dim for undoing it.
    func lanes(_ dim: Int, as dtype: DType) throws -> (rows: Tensor, length: Int, count: Int, dim: Int) {
        let d = try Tensor.wrapDim(dim, rank: Swift.max(ndim, 1))
        let base = ndim == 0 ? try reshape([1]) : self
        let swapped = try base.transpose(d, base.ndim - 1).copy(to: dtype)
        let length = base.shape[d]
        return (swapped, length, length == 0 ? 0 : swapped.numel / length, d)
    }

    /// Undoes `lanes`: swaps the last dim back to `dim` and returns a contiguous tensor of
    /// this tensor's rank.
    func fromLanes(_ rows: Tensor, dim: Int, like original: Tensor) throws -> Tensor {
        let back = try rows.transpose(dim, rows.ndim - 1).contiguous()
        return original.ndim == 0 ? try back.reshape([]) : back
    }

    /// `softmax(dim)`: `exp(x - max) / sum(exp(x - max))` along `dim` (float32, or float64 in
    /// double for float64; PyTorch's vectorised exp may differ there in the last bit); along the
    /// last dim PyTorch's kernel multiplies by the reciprocal of the sum instead, and so do we.
    public func softmax(dim: Int) throws -> Tensor {
        try normalizedLanes(dim: dim, log: false)
    }

    /// `log_softmax(dim)`: `(x - max) - log(sum(exp(x - max)))` along `dim` (float32 or float64).
    public func logSoftmax(dim: Int) throws -> Tensor {
        try normalizedLanes(dim: dim, log: true)
    }

    private func normalizedLanes(dim: Int, log isLog: Bool) throws -> Tensor {
        if dtype == .float64 { return try normalizedDoubleLanes(dim: dim, log: isLog) }
        let (rows, n, count, d) = try lanes(dim, as: .float32)
        let lastDim = d == Swift.max(ndim, 1) - 1
        let p = rows.storage.floats
        for r in 0..<count {
            let row = p + r * n
            var m = -Float.infinity
            for i in 0..<n where row[i] > m || row[i].isNaN { m = row[i]; if m.isNaN { break } }
            var s: Float = 0
            if isLog {
                for i in 0..<n { s += expf(row[i] - m) }
                let logSum = logf(s)
                for i in 0..<n { row[i] = (row[i] - m) - logSum }
            } else {
                for i in 0..<n {
                    let e = expf(row[i] - m)
                    row[i] = e
                    s += e
                }
                if lastDim {
                    let inverse = 1 / s
                    for i in 0..<n { row[i] *= inverse }
                } else {
                    for i in 0..<n { row[i] /= s }
                }
            }
        }
        return try fromLanes(rows, dim: d, like: self)
    }

    /// `normalizedLanes` in double, for float64 tensors.
    private func normalizedDoubleLanes(dim: Int, log isLog: Bool) throws -> Tensor {
        let (rows, n, count, d) = try lanes(dim, as: .float64)
        let p = rows.storage.doubles
        for r in 0..<count {
            let row = p + r * n
            var m = -Double.infinity
            for i in 0..<n where row[i] > m || row[i].isNaN { m = row[i]; if m.isNaN { break } }
            var s = 0.0
            if isLog {
                for i in 0..<n { s += libmExp(row[i] - m) }
                let logSum = libmLog(s)
                for i in 0..<n { row[i] = (row[i] - m) - logSum }
            } else {
                for i in 0..<n {
                    let e = libmExp(row[i] - m)
                    row[i] = e
                    s += e
                }
                for i in 0..<n { row[i] /= s }
            }
        }
        return try fromLanes(rows, dim: d, like: self)
    }

    /// `logsumexp(dims, keepdim)`: `log(sum(exp(x)))` computed stably around the max (an
    /// infinite max is replaced by 0, as PyTorch does). Integer inputs give float32.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Tensor {
        let x = try to(dtype.floatingResult)
        let m = try x.amax(dims: dims, keepdim: true).floatUnary({ $0.isInfinite ? 0 : $0 }, { $0.isInfinite ? 0 : $0 })
        let s = try x.sub(m).exp().sum(dims: dims, keepdim: keepdim).log()
        let wrapped = try dims.map { try Tensor.wrapDim($0, rank: Swift.max(ndim, 1)) }
        return try s.add(keepdim || ndim == 0 ? m : m.squeeze(wrapped))
    }

    /// `cumsum(dim)` (or, with `reverse`, the sums from each element to the end): float32
    /// accumulates in double and int64/bool in int64, as PyTorch's CPU kernel does.
    public func cumsum(dim: Int, reverse: Bool = false) throws -> Tensor {
        let outType: DType = dtype.isFloatingPoint ? dtype : .int64
        let (rows, n, count, d) = try lanes(dim, as: outType)
        for r in 0..<count {
            let order = reverse ? Array((0..<n).reversed()) : Array(0..<n)
            if outType == .float64 {
                let row = rows.storage.doubles + r * n
                var acc = 0.0
                for i in order { acc += row[i]; row[i] = acc }
            } else if outType == .float32 {
                let row = rows.storage.floats + r * n
                var acc = 0.0
                for i in order { acc += Double(row[i]); row[i] = Float(acc) }
            } else {
                let row = rows.storage.ints + r * n
                var acc: Int64 = 0
                for i in order { acc &+= row[i]; row[i] = acc }
            }
        }
        return try fromLanes(rows, dim: d, like: self)
    }

    /// `sort(dim, descending)`: (values, int64 indices), stable; NaN sorts above every number.
    public func sort(dim: Int = -1, descending: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try sortedLanes(dim: dim, k: nil, largest: descending)
    }

    /// `topk(k, dim, largest)`: the k largest (smallest) elements along `dim`, sorted.
    public func topk(_ k: Int, dim: Int = -1, largest: Bool = true) throws -> (values: Tensor, indices: Tensor) {
        let d = try Tensor.wrapDim(dim, rank: Swift.max(ndim, 1))
        let size = ndim == 0 ? 1 : shape[d]
        guard k >= 0 && k <= size else { throw TensorError.runtime("selected index k out of range") }
        return try sortedLanes(dim: dim, k: k, largest: largest)
    }

    private func sortedLanes(dim: Int, k: Int?, largest: Bool) throws -> (values: Tensor, indices: Tensor) {
        if dtype == .bool && k != nil { throw TensorError.runtime("\"topk_cpu\" not implemented for 'Bool'") }
        let work: DType = dtype.isFloatingPoint ? dtype : .int64
        let (rows, n, count, d) = try lanes(dim, as: work)
        let kk = k ?? n
        var outShape = rows.shape
        if !outShape.isEmpty { outShape[outShape.count - 1] = kk }
        let values = try Tensor(zeros: outShape, dtype: work)
        let indices = try Tensor(zeros: outShape, dtype: .int64)
        let vals = rows.scalars()
        for r in 0..<count {
            let base = r * n
            // NaN is the largest value, as in PyTorch.
            func less(_ a: Int, _ b: Int) -> Bool {
                let x = vals[base + a], y = vals[base + b]
                if x.isNaN { return false }
                if y.isNaN { return true }
                return x < y
            }
            let order = (0..<n).sorted { a, b in
                if largest { return less(b, a) || (!less(a, b) && !less(b, a) && a < b) }
                return less(a, b) || (!less(a, b) && !less(b, a) && a < b)
            }
            for j in 0..<kk {
                values.setElement(atStorageIndex: r * kk + j, vals[base + order[j]])
                indices.storage.ints[r * kk + j] = Int64(order[j])
            }
        }
        let v = try fromLanes(values, dim: d, like: self)
        return (dtype == .bool ? try v.to(.bool) : v, try fromLanes(indices, dim: d, like: self))
    }
}
