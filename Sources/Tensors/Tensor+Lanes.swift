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
    /// double); along the last dim PyTorch's kernel multiplies by the reciprocal of the sum
    /// instead, and so do we. float64 uses libm's exp where PyTorch's vectorised kernel uses
    /// SLEEF's, so an element may differ from PyTorch's in the last bit.
    public func softmax(dim: Int) throws -> Tensor {
        dtype == .float64 ? try normalizedLanes(Double.self, dim: dim, log: false)
                          : try normalizedLanes(Float.self, dim: dim, log: false)
    }

    /// `log_softmax(dim)`: `(x - max) - log(sum(exp(x - max)))` along `dim` (float32 or float64).
    public func logSoftmax(dim: Int) throws -> Tensor {
        dtype == .float64 ? try normalizedLanes(Double.self, dim: dim, log: true)
                          : try normalizedLanes(Float.self, dim: dim, log: true)
    }

    private func normalizedLanes<T: LaneElement>(_: T.Type, dim: Int, log isLog: Bool) throws -> Tensor {
        let (rows, n, count, d) = try lanes(dim, as: T.dtype)
        let lastDim = d == Swift.max(ndim, 1) - 1
        let p = rows.base(T.self)
        for r in 0..<count {
            let row = p + r * n
            var m = -T.infinity
            for i in 0..<n where row[i] > m || row[i].isNaN { m = row[i]; if m.isNaN { break } }
            if isLog {
                var s: T = 0
                if lastDim {
                    s = T.laneSum(n) { i in T.exp(row[i] - m) }
                } else {
                    for i in 0..<n { s += T.exp(row[i] - m) }
                }
                let logSum = T.log(s)
                for i in 0..<n { row[i] = (row[i] - m) - logSum }
            } else {
                var s: T = 0
                for i in 0..<n { row[i] = T.exp(row[i] - m) }
                if lastDim {
                    s = T.laneSum(n) { i in row[i] }
                    let inverse = 1 / s
                    for i in 0..<n { row[i] *= inverse }
                } else {
                    for i in 0..<n { s += row[i] }
                    for i in 0..<n { row[i] /= s }
                }
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

/// A float element type with the libm functions and the last-dim summation order of
/// PyTorch's softmax kernels, so one generic loop serves float32 and float64.
protocol LaneElement: FloatElement {
    /// `exp` (expf for Float).
    static func exp(_ x: Self) -> Self
    /// `log` (logf for Float).
    static func log(_ x: Self) -> Self
    /// The sum of `value(0) ..< value(n)` in the order PyTorch's last-dim softmax adds a row.
    static func laneSum(_ n: Int, _ value: (Int) -> Self) -> Self
}

extension Float: LaneElement {
    static func exp(_ x: Float) -> Float { expf(x) }
    static func log(_ x: Float) -> Float { logf(x) }
    /// In order, one by one (float32 keeps the order it was checked with).
    static func laneSum(_ n: Int, _ value: (Int) -> Float) -> Float {
        var s: Float = 0
        for i in 0..<n { s += value(i) }
        return s
    }
}

extension Double: LaneElement {
    static func exp(_ x: Double) -> Double { libmExp(x) }
    static func log(_ x: Double) -> Double { libmLog(x) }
    /// `vec::reduce_all` over AVX2 vectors of 4 doubles: the first vector starts 4 lane sums,
    /// each later whole vector adds lane-wise, the tail adds into the first lanes, and the
    /// lanes are then added left to right (a row shorter than 4 is added left to right).
    static func laneSum(_ n: Int, _ value: (Int) -> Double) -> Double {
        let width = 4
        guard n >= width else {
            var s = n > 0 ? value(0) : 0
            for i in Swift.min(1, n)..<n { s += value(i) }
            return s
        }
        var acc = (value(0), value(1), value(2), value(3))
        var i = width
        while i + width <= n {
            acc.0 += value(i); acc.1 += value(i + 1); acc.2 += value(i + 2); acc.3 += value(i + 3)
            i += width
        }
        let rest = n - i
        if rest > 0 { acc.0 += value(i) }
        if rest > 1 { acc.1 += value(i + 1) }
        if rest > 2 { acc.2 += value(i + 2) }
        return ((acc.0 + acc.1) + acc.2) + acc.3
    }
}
