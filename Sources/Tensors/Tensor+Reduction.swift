// Reductions: sum, mean, var, std over everything or a list of dims (accumulated in double, so
// they are accurate like numpy's pairwise sums); max, min, argmax, argmin over everything or one
// dim (values and int64 indices, first occurrence wins, NaN propagates).

extension Tensor {
    /// Normalises a reduction's dims (nil or empty: all), rejecting duplicates as PyTorch does.
    func reductionDims(_ dims: [Int]?) throws -> [Bool] {
        var reduced = [Bool](repeating: dims == nil || dims!.isEmpty, count: ndim)
        for d in dims ?? [] {
            let w = try Tensor.wrapDim(d, rank: ndim)
            if ndim == 0 { continue }
            if reduced[w] { throw TensorError.runtime("dim \(w) appears multiple times in the list of dims") }
            reduced[w] = true
        }
        return reduced
    }

    /// The output shape of a reduction and, for each input dim, the stride of the matching
    /// contiguous output element (0 on reduced dims).
    func reductionLayout(_ reduced: [Bool], keepdim: Bool) throws -> (shape: [Int], accStrides: [Int], count: Int) {
        var kept: [Int] = []
        var shapeOut: [Int] = []
        for d in 0..<ndim {
            if reduced[d] {
                if keepdim { shapeOut.append(1) }
            } else {
                kept.append(shape[d])
                shapeOut.append(shape[d])
            }
        }
        // The output is a new tensor: its size and strides must fit (`zeros(2**62, 0, 2**62).sum(1)`).
        _ = try Tensor.count(of: shapeOut)
        let keptStrides = try Tensor.checkedContiguousStrides(kept)
        var acc = [Int](repeating: 0, count: ndim)
        var k = 0
        var count = 1
        for d in 0..<ndim {
            if reduced[d] {
                // Wraps only when a kept dim is 0, and then no output element reads it.
                count = count &* shape[d]
            } else {
                acc[d] = keptStrides[k]
                k += 1
            }
        }
        return (shapeOut, acc, count)
    }

    /// Adds this float tensor's elements (`T` is its element type) into `acc` (one double slot
    /// per output element); with `mean`, adds squared deviations from `mean[slot]` instead
    /// (for var/std).
    func accumulate<T: SummedElement>(_: T.Type, into acc: UnsafeMutablePointer<Double>, accStrides: [Int],
                                      mean: UnsafePointer<Double>? = nil) {
        let p = base(T.self)
        forEachRowBlock(accStrides: accStrides) { src, si, dst, sa, n in
            accumulateRow(p + src, si, acc + dst, sa, n, mean.map { $0 + dst })
        }
    }

    /// Walks this tensor row by row against an accumulator laid out by `accStrides`, calling
    /// `body(source offset, source stride, accumulator offset, accumulator stride, count)` on
    /// blocks of at most 2^20 elements. Every ~1M elements the cell's deadline is polled
    /// (`expand(10**11).sum()` is one row of 1e11): past it the walk stops, and the op that
    /// called this throws TimeoutError (`Cancellation.check()`).
    @inline(__always) func forEachRowBlock(accStrides: [Int], _ body: (Int, Int, Int, Int, Int) -> Void) {
        let nest = LoopNest(shape: shape, strides: [strides, accStrides])
        let si = nest.strides[0].last!, sa = nest.strides[1].last!
        var cursor = RowCursor(nest, offsets: [offset, 0])
        let block = 1 << 20
        var untilPoll = block
        while cursor.next() {
            let pos = cursor.pos, total = cursor.count
            var start = 0
            while start < total {
                let n = Swift.min(total - start, block)
                body(pos[0] + start * si, si, pos[1] + start * sa, sa, n)
                start += n
                untilPoll -= n
                if untilPoll <= 0 {
                    untilPoll = block
                    if Cancellation.shouldStop() { return }
                }
            }
        }
    }

    /// One row (or block of one) of `accumulate`.
    @inline(__always) private func accumulateRow<T: SummedElement>(_ src: UnsafeMutablePointer<T>, _ si: Int,
                                                                   _ dst: UnsafeMutablePointer<Double>, _ sa: Int, _ n: Int,
                                                                   _ m: UnsafePointer<Double>?) {
        if let m {
            if sa == 0 {
                dst[0] += si == 1 ? T.sumSquaredDeviations(src, n, m[0])
                                  : (0..<n).reduce(0.0) { r, i in let d = Double(src[i * si]) - m[0]; return r + d * d }
            } else if sa == 1 && si == 1 {
                for i in 0..<n { let d = Double(src[i]) - m[i]; dst[i] += d * d }
            } else {
                for i in 0..<n { let d = Double(src[i * si]) - m[i * sa]; dst[i * sa] += d * d }
            }
            return
        }
        if sa == 0 {
            dst[0] += si == 1 ? T.sumContiguous(src, n) : (0..<n).reduce(0.0) { $0 + Double(src[$1 * si]) }
        } else if sa == 1 && si == 1 {
            for i in 0..<n { dst[i] += Double(src[i]) }
        } else {
            for i in 0..<n { dst[i * sa] += Double(src[i * si]) }
        }
    }

    /// Sum of `n` contiguous doubles in PyTorch's CPU order (its cascade sum on AVX2, a row
    /// read as vectors of 4), so a float64 `sum()` or `mean()` prints the same last digit:
    /// the vectors go to 4 interleaved cascade accumulators, the leftover vectors into the
    /// first, the 4 are folded, then the scalar tail is summed and the 4 lanes added to it.
    /// (PyTorch splits a whole-tensor sum of 32768+ elements over its threads; there the
    /// last bits may differ.)
    static func sumDoubles(_ p: UnsafePointer<Double>, _ n: Int) -> Double {
        let lanes = 4, ilp = 4
        let raw = UnsafeRawPointer(p)
        @inline(__always) func vec(_ v: Int) -> SIMD4<Double> {
            raw.loadUnaligned(fromByteOffset: v * lanes * 8, as: SIMD4<Double>.self)
        }
        guard n >= lanes else {
            var total = 0.0
            for i in 0..<n { total += p[i] }
            return total
        }
        let vectors = n / lanes, rows = vectors / ilp
        // multi_row_sum: 4 levels of partial sums, flushed upwards every 2^power rows.
        let power = Swift.max(4, torchCeilLog2(rows) / 4), step = 1 << power, mask = step - 1
        var acc = [[SIMD4<Double>]](repeating: [SIMD4<Double>](repeating: .zero, count: ilp), count: 4)
        var i = 0
        while i + step <= rows {
            for _ in 0..<step {
                for k in 0..<ilp { acc[0][k] += vec(i * ilp + k) }
                i += 1
            }
            for level in 1..<4 {
                for k in 0..<ilp {
                    acc[level][k] += acc[level - 1][k]
                    acc[level - 1][k] = .zero
                }
                if i & (mask << (level * power)) != 0 { break }
            }
        }
        while i < rows {
            for k in 0..<ilp { acc[0][k] += vec(i * ilp + k) }
            i += 1
        }
        for level in 1..<4 { for k in 0..<ilp { acc[0][k] += acc[level][k] } }
        var partial = acc[0]
        for v in (rows * ilp)..<vectors { partial[0] += vec(v) }
        for k in 1..<ilp { partial[0] += partial[k] }
        var total = 0.0
        for t in (vectors * lanes)..<n { total += p[t] }
        for lane in 0..<lanes { total += partial[0][lane] }
        return total
    }

    /// PyTorch's `CeilLog2`: 1 up to 2, else the bits of `x - 1`.
    static func torchCeilLog2(_ x: Int) -> Int {
        x <= 2 ? 1 : Int.bitWidth - (x - 1).leadingZeroBitCount
    }

    /// Per-output sums in double (floats) or wrapping int64 (ints, bools), row-major outputs.
    func sums(_ reduced: [Bool], keepdim: Bool) throws -> (shape: [Int], float: [Double]?, int: [Int64]?, count: Int) {
        let (shapeOut, accStrides, count) = try reductionLayout(reduced, keepdim: keepdim)
        let outN = try Tensor.count(of: shapeOut)
        if dtype == .float64 {
            var acc = [Double](repeating: 0, count: outN)
            acc.withUnsafeMutableBufferPointer { b in
                if let a = b.baseAddress { accumulate(Double.self, into: a, accStrides: accStrides) }
            }
            try Cancellation.check()
            return (shapeOut, acc, nil, count)
        }
        if dtype == .float32 {
            var acc = [Double](repeating: 0, count: outN)
            let leading = reduced.firstIndex(of: false) ?? ndim
            if outN == 1 && isContiguous && numel > 0 {
                acc[0] = Tensor.sumFloats(storage.floats + offset, numel)
            } else if isContiguous && numel > 0 && leading > 0 && !reduced[leading...].contains(true) {
                // Column sums of a row-major [rows, cols] block (`x.sum(0)`).
                let cols = outN, rows = numel / outN
                let small = numel <= Tensor.torchColumnSumMaximumCount
                acc.withUnsafeMutableBufferPointer { b in
                    guard let a = b.baseAddress else { return }
                    if small {
                        Tensor.sumColumnsTorchOrder(storage.floats + offset, rows: rows, cols: cols, into: a)
                    } else {
                        Tensor.sumColumns(storage.floats + offset, rows: rows, cols: cols, into: a)
                    }
                }
            } else {
                acc.withUnsafeMutableBufferPointer { b in
                    if let a = b.baseAddress { accumulate(Float.self, into: a, accStrides: accStrides) }
                }
            }
            try Cancellation.check()
            return (shapeOut, acc, nil, count)
        }
        var acc = [Int64](repeating: 0, count: outN)
        acc.withUnsafeMutableBufferPointer { b in
            guard let a = b.baseAddress else { return }
            if dtype == .int64 {
                accumulateWrapping(Int64.self, into: a, accStrides: accStrides) { $0 }
            } else {
                accumulateWrapping(Bool.self, into: a, accStrides: accStrides) { $0 ? 1 : 0 }
            }
        }
        try Cancellation.check()
        return (shapeOut, nil, acc, count)
    }

    /// `accumulate` for int64 with wrapping adds (overflow wraps as in PyTorch, never traps).
    func accumulateWrapping<T>(_: T.Type, into acc: UnsafeMutablePointer<Int64>, accStrides: [Int], _ f: (T) -> Int64) {
        let p = base(T.self)
        forEachRowBlock(accStrides: accStrides) { s, si, d, sa, n in
            let src = p + s, dst = acc + d
            for i in 0..<n { dst[i * sa] = dst[i * sa] &+ f(src[i * si]) }
        }
    }

    /// `sum(dim=dims, keepdim=)`; nil or empty dims sum everything. Ints and bools give int64.
    public func sum(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        let r = try sums(try reductionDims(dims), keepdim: keepdim)
        if let f = r.float { return try Tensor(f, shape: r.shape, dtype: dtype) }
        return try Tensor(ints: r.int ?? [], shape: r.shape)
    }

    /// `sum_to_size(shape)`: sums the dims a broadcast to this shape would have expanded
    /// (leading dims, and dims where `target` is 1), so the result has shape `target`. This
    /// is the gradient of broadcasting.
    public func sumToSize(_ target: [Int]) throws -> Tensor {
        guard let b = try? Tensor.broadcastShapes(target, shape), b == shape else {
            throw TensorError.runtime("size {\(Tensor.describe(target))} is not expandable to size {\(Tensor.describe(shape))}.")
        }
        if target == shape { return self }
        let lead = ndim - target.count
        var dims: [Int] = Array(0..<lead)
        for (k, t) in target.enumerated() where t == 1 && shape[lead + k] != 1 { dims.append(lead + k) }
        if dims.isEmpty { return try reshape(target) }
        return try sum(dims: dims, keepdim: true).reshape(target)
    }

    /// `sum(dim=dim, keepdim=)` over one dim.
    public func sum(dim: Int, keepdim: Bool = false) throws -> Tensor { try sum(dims: [dim], keepdim: keepdim) }

    func requireFloat(_ op: String) throws {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("\(op)(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: \(Tensor.typeName(dtype))")
        }
    }

    /// `mean(dim=dims, keepdim=)`; int and bool tensors are PyTorch's error. Empty: NaN.
    public func mean(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try requireFloat("mean")
        let r = try sums(try reductionDims(dims), keepdim: keepdim)
        let c = Double(r.count)
        return try Tensor((r.float ?? []).map { $0 / c }, shape: r.shape, dtype: dtype)
    }

    /// `mean(dim=dim, keepdim=)` over one dim.
    public func mean(dim: Int, keepdim: Bool = false) throws -> Tensor { try mean(dims: [dim], keepdim: keepdim) }

    /// `var(dim=dims, keepdim=, correction=1)`: unbiased by default (divides by N - correction).
    public func `var`(dims: [Int]? = nil, keepdim: Bool = false, correction: Int = 1) throws -> Tensor {
        guard dtype.isFloatingPoint else {
            throw TensorError.notImplemented("std and var only support floating point and complex dtypes")
        }
        let reduced = try reductionDims(dims)
        let (shapeOut, _, _) = try reductionLayout(reduced, keepdim: keepdim)
        let outputs = try Tensor.count(of: shapeOut)
        if dtype == .float64 && outputs > 1 {
            return try welfordVariance(reduced, keepdim: keepdim, correction: correction)
        }
        let r = try sums(reduced, keepdim: keepdim)
        let n = Double(r.count)
        let means = (r.float ?? []).map { $0 / n }
        let (_, accStrides, _) = try reductionLayout(reduced, keepdim: keepdim)
        var sq = [Double](repeating: 0, count: means.count)
        means.withUnsafeBufferPointer { m in
            sq.withUnsafeMutableBufferPointer { out in
                guard let mp = m.baseAddress, let op = out.baseAddress else { return }
                if dtype == .float64 {
                    accumulate(Double.self, into: op, accStrides: accStrides, mean: mp)
                } else {
                    accumulate(Float.self, into: op, accStrides: accStrides, mean: mp)
                }
            }
        }
        let denom = max(n - Double(correction), 0)
        return try Tensor(sq.map { $0 / denom }, shape: r.shape, dtype: dtype)
    }

    /// float64 `var` with more than one output, in PyTorch's CPU order: Welford's update in
    /// double over each output's elements in row-major order (PyTorch's all-reduce, one
    /// output, takes the two-pass path above instead). The input is read as a contiguous copy,
    /// so a transposed view may differ from PyTorch's (stride-ordered) walk in the last bit.
    private func welfordVariance(_ reduced: [Bool], keepdim: Bool, correction: Int) throws -> Tensor {
        let x = try contiguous()
        let (shapeOut, accStrides, _) = try x.reductionLayout(reduced, keepdim: keepdim)
        let outN = try Tensor.count(of: shapeOut)
        var mean = [Double](repeating: 0, count: outN), m2 = mean, seen = mean
        let p = x.storage.doubles
        mean.withUnsafeMutableBufferPointer { mb in
            m2.withUnsafeMutableBufferPointer { qb in
                seen.withUnsafeMutableBufferPointer { nb in
                    guard let mp = mb.baseAddress, let qp = qb.baseAddress, let np = nb.baseAddress else { return }
                    x.forEachRowBlock(accStrides: accStrides) { src, si, dst, sa, n in
                        for i in 0..<n {
                            let o = dst + i * sa, v = p[src + i * si]
                            np[o] += 1
                            let delta = v - mp[o]
                            mp[o] += delta / np[o]
                            qp[o] += delta * (v - mp[o])
                        }
                    }
                }
            }
        }
        try Cancellation.check()
        return try Tensor(zip(m2, seen).map { q, n in q / Swift.max(n - Double(correction), 0) }, shape: shapeOut, dtype: .float64)
    }

    /// `var(dim=dim)` over one dim.
    public func `var`(dim: Int, keepdim: Bool = false, correction: Int = 1) throws -> Tensor {
        try self.var(dims: [dim], keepdim: keepdim, correction: correction)
    }

    /// `std(dim=dims, keepdim=, correction=1)`: the square root of `var`.
    public func std(dims: [Int]? = nil, keepdim: Bool = false, correction: Int = 1) throws -> Tensor {
        try self.var(dims: dims, keepdim: keepdim, correction: correction).sqrt()
    }

    /// `std(dim=dim)` over one dim.
    public func std(dim: Int, keepdim: Bool = false, correction: Int = 1) throws -> Tensor {
        try std(dims: [dim], keepdim: keepdim, correction: correction)
    }

    // MARK: max / min / argmax / argmin

    /// Scans `dim` (moved last) for each output position; `better(v, best)` says when `v`
    /// replaces the running best. Returns values and int64 indices shaped like the output.
    func extremum<T>(_: T.Type, dim d: Int, keepdim: Bool, _ better: (T, T) -> Bool) throws -> (Tensor, Tensor) {
        var outShape = shape
        if keepdim { outShape[d] = 1 } else { outShape.remove(at: d) }
        var outerShape = shape, outerStrides = strides
        outerShape.remove(at: d)
        outerStrides.remove(at: d)
        let n = shape[d], s = strides[d]
        let values = try Tensor.empty(outShape, dtype)
        let indices = try Tensor.empty(outShape, .int64)
        let vp = values.base(T.self), ip = indices.storage.ints
        let src = base(T.self)
        let nest = LoopNest(shape: outerShape, strides: [outerStrides, Tensor.contiguousStrides(outerShape)])
        let si = nest.strides[0].last!, so = nest.strides[1].last!
        var cursor = RowCursor(nest, offsets: [offset, 0])
        while cursor.next() {
            let pos = cursor.pos, cnt = cursor.count
            if si == 1 && so == 1 && s != 1 && cnt > 1 {
                // The kept dim is contiguous: sweep whole rows of it per reduced index, so
                // memory is read in order (argmax over dim 0 of a matrix).
                let first = src + pos[0], vrow = vp + pos[1], irow = ip + pos[1]
                for i in 0..<cnt {
                    vrow[i] = first[i]
                    irow[i] = 0
                }
                for k in 1..<max(n, 1) {
                    let r = first + k * s
                    for i in 0..<cnt where better(r[i], vrow[i]) {
                        vrow[i] = r[i]
                        irow[i] = Int64(k)
                    }
                }
                continue
            }
            for i in 0..<cnt {
                let row = src + pos[0] + i * si
                var best = row[0], bi = 0
                for k in 1..<max(n, 1) where better(row[k * s], best) {
                    best = row[k * s]
                    bi = k
                }
                vp[pos[1] + i * so] = best
                ip[pos[1] + i * so] = Int64(bi)
            }
        }
        return (values, indices)
    }

    func extremum(dim: Int, keepdim: Bool, max isMax: Bool, name: String) throws -> (values: Tensor, indices: Tensor) {
        let d = try Tensor.wrapDim(dim, rank: ndim)
        if ndim == 0 {
            return (try clone(), try Tensor.zeros([], dtype: .int64))
        }
        guard shape[d] > 0 else {
            throw TensorError.index("\(name)(): Expected reduction dim \(d) to have non-zero size.")
        }
        switch dtype {
        case .float32:
            return isMax
                ? try extremum(Float.self, dim: d, keepdim: keepdim) { v, b in v > b || (v.isNaN && !b.isNaN) }
                : try extremum(Float.self, dim: d, keepdim: keepdim) { v, b in v < b || (v.isNaN && !b.isNaN) }
        case .float64:
            return isMax
                ? try extremum(Double.self, dim: d, keepdim: keepdim) { v, b in v > b || (v.isNaN && !b.isNaN) }
                : try extremum(Double.self, dim: d, keepdim: keepdim) { v, b in v < b || (v.isNaN && !b.isNaN) }
        case .int64:
            return isMax
                ? try extremum(Int64.self, dim: d, keepdim: keepdim) { $0 > $1 }
                : try extremum(Int64.self, dim: d, keepdim: keepdim) { $0 < $1 }
        case .bool:
            return isMax
                ? try extremum(Bool.self, dim: d, keepdim: keepdim) { $0 && !$1 }
                : try extremum(Bool.self, dim: d, keepdim: keepdim) { !$0 && $1 }
        }
    }

    /// The whole tensor flattened (a view when possible).
    func flattened() throws -> Tensor { try reshape([-1]) }

    // Named amax/amin and maxWithIndices/minWithIndices rather than `max`/`min`: a method
    // called `max` would shadow Swift's global max/min inside every Tensor extension.

    /// `amax(dim=dims, keepdim=)`, and `max()` with no dims: the largest element(s); NaN
    /// propagates. With no dims the result is 0-d.
    public func amax(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeValues(dims: dims, keepdim: keepdim, max: true)
    }

    /// `amin(dim=dims, keepdim=)`, and `min()` with no dims: the smallest element(s).
    public func amin(dims: [Int]? = nil, keepdim: Bool = false) throws -> Tensor {
        try extremeValues(dims: dims, keepdim: keepdim, max: false)
    }

    func extremeValues(dims: [Int]?, keepdim: Bool, max isMax: Bool) throws -> Tensor {
        let name = isMax ? "max" : "min"
        let reduced = try reductionDims(dims)
        if dims == nil || dims!.isEmpty {
            guard numel > 0 else {
                throw TensorError.runtime("\(name)(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.")
            }
            let r: Tensor
            if dtype == .float32 && isContiguous {
                let v = Tensor.extremeFloat(storage.floats + offset, numel, max: isMax)
                r = Tensor(scalar: Double(v), dtype: .float32)
            } else {
                r = try flattened().extremum(dim: 0, keepdim: false, max: isMax, name: name).values
            }
            return keepdim ? try r.reshape([Int](repeating: 1, count: ndim)) : r
        }
        var r = self
        for d in (0..<ndim).reversed() where reduced[d] {
            r = try r.extremum(dim: d, keepdim: true, max: isMax, name: "a" + name).values
        }
        return keepdim ? r : try r.squeeze((0..<ndim).filter { reduced[$0] })
    }

    /// `max(dim, keepdim=)`: (values, int64 indices of the first maximum).
    public func maxWithIndices(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremum(dim: dim, keepdim: keepdim, max: true, name: "max")
    }

    /// `min(dim, keepdim=)`: (values, int64 indices of the first minimum).
    public func minWithIndices(dim: Int, keepdim: Bool = false) throws -> (values: Tensor, indices: Tensor) {
        try extremum(dim: dim, keepdim: keepdim, max: false, name: "min")
    }

    /// `argmax(dim=, keepdim=)`: int64 index of the first maximum; with no dim, into the
    /// flattened tensor.
    public func argmax(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtremum(dim: dim, keepdim: keepdim, max: true)
    }

    /// `argmin(dim=, keepdim=)`: int64 index of the first minimum; with no dim, into the
    /// flattened tensor.
    public func argmin(dim: Int? = nil, keepdim: Bool = false) throws -> Tensor {
        try argExtremum(dim: dim, keepdim: keepdim, max: false)
    }

    func argExtremum(dim: Int?, keepdim: Bool, max isMax: Bool) throws -> Tensor {
        let name = isMax ? "argmax" : "argmin"
        if dtype == .bool { throw TensorError.notImplemented("\(name)(): does not support bool input") }
        guard let dim else {
            guard numel > 0 else {
                throw TensorError.index("\(name)(): Expected reduction dim to be specified for input.numel() == 0.")
            }
            let r = try flattened().extremum(dim: 0, keepdim: false, max: isMax, name: name).indices
            return keepdim ? try r.reshape([Int](repeating: 1, count: ndim)) : r
        }
        return try extremum(dim: dim, keepdim: keepdim, max: isMax, name: name).indices
    }
}
