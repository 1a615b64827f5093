import Dispatch

// The strided loop engine every elementwise kernel stands on. Operands are walked together
// over one shape; size-1 dims are dropped and dims that are contiguous in every operand are
// merged, so a contiguous tensor becomes one flat row and the typed inner loop vectorises.

/// A loop nest over `shape` with one stride vector per operand, after coalescing.
@usableFromInline struct LoopNest {
    @usableFromInline var shape: [Int]
    @usableFromInline var strides: [[Int]]

    /// Coalesces `shape` for operands with the given strides. An empty result shape means
    /// the loop has no elements.
    @usableFromInline init(shape inShape: [Int], strides inStrides: [[Int]]) {
        // Walk in operand 0's memory order (largest stride outermost), so an output laid out
        // like a transposed input is written, and that input read, sequentially.
        var shape = inShape, strides = inStrides
        if let first = inStrides.first, shape.count > 1 {
            var order = Array(0..<shape.count)
            var sorted = true
            for d in 1..<shape.count where first[d] > first[d - 1] { sorted = false }
            if !sorted {
                order.sort { first[$0] > first[$1] || (first[$0] == first[$1] && $0 < $1) }
                shape = order.map { inShape[$0] }
                strides = inStrides.map { st in order.map { st[$0] } }
            }
        }
        var outShape: [Int] = []
        var outStrides: [[Int]] = Array(repeating: [], count: strides.count)
        if shape.contains(0) {
            // No elements: an empty loop (inner strides still exist, as 0).
            self.shape = []
            self.strides = Array(repeating: [0], count: strides.count)
            return
        }
        for d in 0..<shape.count where shape[d] != 1 {
            if let last = outShape.last {
                var mergeable = true
                for k in 0..<strides.count where outStrides[k].last! != strides[k][d] * shape[d] {
                    mergeable = false
                    break
                }
                if mergeable {
                    outShape[outShape.count - 1] = last * shape[d]
                    for k in 0..<strides.count { outStrides[k][outStrides[k].count - 1] = strides[k][d] }
                    continue
                }
            }
            outShape.append(shape[d])
            for k in 0..<strides.count { outStrides[k].append(strides[k][d]) }
        }
        if outShape.isEmpty {
            outShape = [1]
            for k in 0..<strides.count { outStrides[k] = [0] }
        }
        self.shape = outShape
        self.strides = outStrides
    }

    /// The number of operands is at most 4 (the output and three inputs).
    @usableFromInline static let maxOperands = 4
}

/// Walks the rows of a `LoopNest`: `pos[k]` is operand k's storage index of the current
/// row's first element, `count` its length. A struct with a `next()` loop rather than a
/// closure, so the typed element loop at the call site stays inlined and vectorised.
@usableFromInline struct RowCursor {
    @usableFromInline let shape: [Int]
    /// Per dim, the strides of all operands.
    @usableFromInline let dimStrides: [SIMD4<Int>]
    @usableFromInline var idx: [Int]
    @usableFromInline var pos: SIMD4<Int>
    @usableFromInline var rowsLeft: Int
    @usableFromInline var started = false
    /// Elements per row.
    @usableFromInline let count: Int

    @inlinable init(_ nest: LoopNest, offsets: [Int]) {
        shape = nest.shape
        var o = SIMD4<Int>()
        for k in 0..<offsets.count { o[k] = offsets[k] }
        pos = o
        var ds: [SIMD4<Int>] = []
        for d in 0..<nest.shape.count {
            var v = SIMD4<Int>()
            for k in 0..<nest.strides.count { v[k] = nest.strides[k][d] }
            ds.append(v)
        }
        dimStrides = ds
        idx = [Int](repeating: 0, count: nest.shape.count)
        count = nest.shape.last ?? 0
        rowsLeft = nest.shape.isEmpty ? 0 : nest.shape.dropLast().reduce(1, *)
    }

    /// Moves to the next row (the first on the first call); false when done.
    @inlinable @inline(__always) mutating func next() -> Bool {
        if rowsLeft == 0 { return false }
        rowsLeft -= 1
        if !started {
            started = true
            return true
        }
        var d = shape.count - 2
        while d >= 0 {
            idx[d] += 1
            pos &+= dimStrides[d]
            if idx[d] < shape[d] { break }
            pos &-= dimStrides[d] &* shape[d]
            idx[d] = 0
            d -= 1
        }
        return true
    }
}

/// Splits `count` elements into two halves on two threads when the work is large enough to
/// pay for it (the machines this runs on have 2 cores; numpy uses one). Only reductions use
/// it: measured on 10M floats, a second thread made `add` slower (page faults of the fresh
/// output contend) while it halves `sum`.
@inline(__always) @usableFromInline
func parallelChunks(_ count: Int, _ body: (Int, Int) -> Void) {
    let threshold = 1 << 18
    if count < threshold {
        body(0, count)
        return
    }
    let half = (count / 2 + 63) & ~63
    withoutActuallyEscaping(body) { b in
        let box = UnsafeSendableBox(b)
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            if i == 0 { box.value(0, half) } else { box.value(half, count) }
        }
    }
}

/// Runs `body` over all of `count` on this thread (elementwise kernels; see `parallelChunks`).
@inline(__always) @usableFromInline
func serialChunk(_ count: Int, _ body: (Int, Int) -> Void) { body(0, count) }

/// Carries a non-Sendable value into `concurrentPerform`; the two chunks touch disjoint memory.
@usableFromInline struct UnsafeSendableBox<T>: @unchecked Sendable {
    @usableFromInline let value: T
    @usableFromInline init(_ value: T) { self.value = value }
}

extension Tensor {
    /// A new contiguous tensor whose elements are not initialised (the kernel writes them all).
    @usableFromInline static func empty(_ shape: [Int], _ dtype: DType) throws -> Tensor {
        let (n, strides) = try layout(of: shape, dtype: dtype)
        return Tensor(storage: try Storage(uninitialized: dtype, count: n), shape: shape,
                      strides: strides, offset: 0)
    }

    /// A new uninitialised tensor of `shape` laid out in the same memory order as the first of
    /// `like` that has exactly this shape and is dense (PyTorch's preserve-format rule: `x.T + 1`
    /// is laid out like `x.T`); row-major otherwise.
    static func empty(_ shape: [Int], _ dtype: DType, like: [Tensor]) throws -> Tensor {
        var t = try empty(shape, dtype)
        guard shape.count > 1, !t.isContiguousLayoutOf(like) else { return t }
        for l in like where l.shape == shape && l.isNonOverlappingAndDense {
            t.strides = denseStrides(shape, order: l.strides)
            return t
        }
        return t
    }

    /// True when the first of `like` matching this shape and dense is row-major already.
    private func isContiguousLayoutOf(_ like: [Tensor]) -> Bool {
        for l in like where l.shape == shape && l.isNonOverlappingAndDense { return l.isContiguous }
        return true
    }

    /// Every element at a distinct storage index with no gaps: a permutation of row-major.
    var isNonOverlappingAndDense: Bool {
        let dims = (0..<ndim).filter { shape[$0] != 1 }.sorted { strides[$0] < strides[$1] }
        var expected = 1
        for d in dims {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Dense strides for `shape` with dims ordered like `order` (largest stride outermost).
    static func denseStrides(_ shape: [Int], order: [Int]) -> [Int] {
        let dims = (0..<shape.count).sorted { order[$0] < order[$1] || (order[$0] == order[$1] && $0 > $1) }
        var strides = [Int](repeating: 0, count: shape.count)
        var acc = 1
        for d in dims {
            strides[d] = acc
            acc *= max(shape[d], 1)
        }
        return strides
    }

    /// A new uninitialised tensor with this shape and memory order.
    func emptyLike(_ dtype: DType) throws -> Tensor { try Tensor.empty(shape, dtype, like: [self]) }

    @inline(__always) @usableFromInline func base<T>(_: T.Type) -> UnsafeMutablePointer<T> {
        storage.raw.assumingMemoryBound(to: T.self)
    }

    /// out[i] = f(a[i]) over `out`'s shape; `a` is already broadcast to it. Long work runs in
    /// blocks and throws TimeoutError when the cell's deadline passes (`inBlocks`).
    @inline(__always) @usableFromInline
    static func map1<A, R>(_ a: Tensor, into out: Tensor, _ f: (A) -> R) throws {
        if out.numel <= pollElements { return map1Block(a, into: out, f) }
        try inBlocks([out, a]) { v in map1Block(v[1], into: v[0], f) }
    }

    /// `map1` over one block.
    @inline(__always) @usableFromInline
    static func map1Block<A, R>(_ a: Tensor, into out: Tensor, _ f: (A) -> R) {
        let pa = a.base(A.self), po = out.base(R.self)
        if out.isContiguous && a.strides == out.strides && a.isContiguous {
            // Same layout, no gaps: one flat loop, no loop-nest set-up (small-op overhead).
            let src = pa + a.offset, dst = po + out.offset
            for i in 0..<out.numel { dst[i] = f(src[i]) }
            return
        }
        let nest = LoopNest(shape: out.shape, strides: [out.strides, a.strides])
        if nest.shape.count == 1 && nest.strides[0][0] == 1 && nest.strides[1][0] == 1 {
            let oa = a.offset, oo = out.offset
            serialChunk(nest.shape[0]) { lo, hi in
                let src = pa + oa, dst = po + oo
                for i in lo..<hi { dst[i] = f(src[i]) }
            }
            return
        }
        if nest.shape.count == 2 && nest.strides[0][1] == 1 && nest.strides[1][0] == 1 {
            // A transpose (output rows are input columns): copy in 32x32 tiles so both sides
            // stay in cache.
            let rows = nest.shape[0], cols = nest.shape[1]
            let so = nest.strides[0][0], sa = nest.strides[1][1]
            let src = pa + a.offset, dst = po + out.offset
            let tile = 32
            for r0 in stride(from: 0, to: rows, by: tile) {
                let r1 = min(r0 + tile, rows)
                for c0 in stride(from: 0, to: cols, by: tile) {
                    let c1 = min(c0 + tile, cols)
                    for r in r0..<r1 {
                        for c in c0..<c1 { dst[r * so + c] = f(src[r + c * sa]) }
                    }
                }
            }
            return
        }
        let so = nest.strides[0].last!, sa = nest.strides[1].last!
        var cursor = RowCursor(nest, offsets: [out.offset, a.offset])
        while cursor.next() {
            let pos = cursor.pos, n = cursor.count
            let dst = po + pos[0], src = pa + pos[1]
            if so == 1 && sa == 1 {
                for i in 0..<n { dst[i] = f(src[i]) }
            } else if so == 1 && sa == 0 {
                let v = f(src[0])
                for i in 0..<n { dst[i] = v }
            } else {
                for i in 0..<n { dst[i * so] = f(src[i * sa]) }
            }
        }
    }

    /// out[i] = f(a[i], b[i]) over `out`'s shape; `a` and `b` are already broadcast to it.
    /// Long work runs in blocks (see `map1`).
    @inline(__always) @usableFromInline
    static func map2<A, B, R>(_ a: Tensor, _ b: Tensor, into out: Tensor, _ f: (A, B) -> R) throws {
        if out.numel <= pollElements { return map2Block(a, b, into: out, f) }
        try inBlocks([out, a, b]) { v in map2Block(v[1], v[2], into: v[0], f) }
    }

    /// `map2` over one block.
    @inline(__always) @usableFromInline
    static func map2Block<A, B, R>(_ a: Tensor, _ b: Tensor, into out: Tensor, _ f: (A, B) -> R) {
        let pa = a.base(A.self), pb = b.base(B.self), po = out.base(R.self)
        if out.isContiguous && a.strides == out.strides && b.strides == out.strides && a.isContiguous && b.isContiguous {
            let x = pa + a.offset, y = pb + b.offset, dst = po + out.offset
            for i in 0..<out.numel { dst[i] = f(x[i], y[i]) }
            return
        }
        if out.isContiguous && a.strides == out.strides && a.isContiguous && b.isBroadcastScalar {
            let x = pa + a.offset, yv = pb[b.offset], dst = po + out.offset
            for i in 0..<out.numel { dst[i] = f(x[i], yv) }
            return
        }
        let nest = LoopNest(shape: out.shape, strides: [out.strides, a.strides, b.strides])
        if nest.shape.count == 1 && nest.strides[0][0] == 1 {
            let sa = nest.strides[1][0], sb = nest.strides[2][0]
            let oa = a.offset, ob = b.offset, oo = out.offset
            if sa == 1 && sb == 1 {
                serialChunk(nest.shape[0]) { lo, hi in
                    let x = pa + oa, y = pb + ob, dst = po + oo
                    for i in lo..<hi { dst[i] = f(x[i], y[i]) }
                }
                return
            }
            if sa == 1 && sb == 0 {
                let y = pb[ob]
                serialChunk(nest.shape[0]) { lo, hi in
                    let x = pa + oa, dst = po + oo
                    for i in lo..<hi { dst[i] = f(x[i], y) }
                }
                return
            }
            if sa == 0 && sb == 1 {
                let x = pa[oa]
                serialChunk(nest.shape[0]) { lo, hi in
                    let y = pb + ob, dst = po + oo
                    for i in lo..<hi { dst[i] = f(x, y[i]) }
                }
                return
            }
        }
        let so = nest.strides[0].last!, sa = nest.strides[1].last!, sb = nest.strides[2].last!
        var cursor = RowCursor(nest, offsets: [out.offset, a.offset, b.offset])
        while cursor.next() {
            let pos = cursor.pos, n = cursor.count
            let dst = po + pos[0], x = pa + pos[1], y = pb + pos[2]
            if so == 1 && sa == 1 && sb == 1 {
                for i in 0..<n { dst[i] = f(x[i], y[i]) }
            } else if so == 1 && sa == 1 && sb == 0 {
                let yv = y[0]
                for i in 0..<n { dst[i] = f(x[i], yv) }
            } else if so == 1 && sa == 0 && sb == 1 {
                let xv = x[0]
                for i in 0..<n { dst[i] = f(xv, y[i]) }
            } else {
                for i in 0..<n { dst[i * so] = f(x[i * sa], y[i * sb]) }
            }
        }
    }

    /// out[i] = f(a[i], b[i], c[i]); all three already broadcast to `out`'s shape. Long work
    /// runs in blocks (see `map1`).
    @inline(__always) @usableFromInline
    static func map3<A, B, C, R>(_ a: Tensor, _ b: Tensor, _ c: Tensor, into out: Tensor,
                                 _ f: (A, B, C) -> R) throws {
        if out.numel <= pollElements { return map3Block(a, b, c, into: out, f) }
        try inBlocks([out, a, b, c]) { v in map3Block(v[1], v[2], v[3], into: v[0], f) }
    }

    /// `map3` over one block.
    @inline(__always) @usableFromInline
    static func map3Block<A, B, C, R>(_ a: Tensor, _ b: Tensor, _ c: Tensor, into out: Tensor,
                                      _ f: (A, B, C) -> R) {
        let pa = a.base(A.self), pb = b.base(B.self), pc = c.base(C.self), po = out.base(R.self)
        let nest = LoopNest(shape: out.shape, strides: [out.strides, a.strides, b.strides, c.strides])
        let so = nest.strides[0].last!, sa = nest.strides[1].last!
        let sb = nest.strides[2].last!, sc = nest.strides[3].last!
        var cursor = RowCursor(nest, offsets: [out.offset, a.offset, b.offset, c.offset])
        while cursor.next() {
            let pos = cursor.pos, n = cursor.count
            let dst = po + pos[0], x = pa + pos[1], y = pb + pos[2], z = pc + pos[3]
            for i in 0..<n { dst[i * so] = f(x[i * sa], y[i * sb], z[i * sc]) }
        }
    }

    /// True when every dim has stride 0 (a 0-d tensor expanded): one value everywhere.
    @inlinable var isBroadcastScalar: Bool { strides.allSatisfy { $0 == 0 } }

    /// Float to int64 as PyTorch's cast does (toward zero); NaN and out-of-range values give
    /// Int64.min instead of trapping.
    @inline(__always) @usableFromInline static func toInt64(_ v: Float) -> Int64 {
        (v > -9.223372e18 && v < 9.223372e18) ? Int64(v) : Int64.min
    }

    @inline(__always) @usableFromInline static func toInt64(_ v: Double) -> Int64 {
        (v > -9.223372036854775e18 && v < 9.223372036854775e18) ? Int64(v) : Int64.min
    }

    /// Writes `src` (broadcast to `dst.shape`, any dtype) into `dst`, converting elements.
    @usableFromInline static func copyElements(from src: Tensor, into dst: Tensor) throws {
        switch (src.dtype, dst.dtype) {
        case (.float32, .float32): try map1(src, into: dst) { (x: Float) in x }
        case (.float64, .float64): try map1(src, into: dst) { (x: Double) in x }
        case (.int64, .int64): try map1(src, into: dst) { (x: Int64) in x }
        case (.bool, .bool): try map1(src, into: dst) { (x: Bool) in x }
        case (.float32, .float64): try map1(src, into: dst) { (x: Float) in Double(x) }
        case (.float32, .int64): try map1(src, into: dst) { (x: Float) in toInt64(x) }
        case (.float32, .bool): try map1(src, into: dst) { (x: Float) in x != 0 }
        case (.float64, .float32): try map1(src, into: dst) { (x: Double) in Float(x) }
        case (.float64, .int64): try map1(src, into: dst) { (x: Double) in toInt64(x) }
        case (.float64, .bool): try map1(src, into: dst) { (x: Double) in x != 0 }
        case (.int64, .float32): try map1(src, into: dst) { (x: Int64) in Float(x) }
        case (.int64, .float64): try map1(src, into: dst) { (x: Int64) in Double(x) }
        case (.int64, .bool): try map1(src, into: dst) { (x: Int64) in x != 0 }
        case (.bool, .float32): try map1(src, into: dst) { (x: Bool) in x ? Float(1) : 0 }
        case (.bool, .float64): try map1(src, into: dst) { (x: Bool) in x ? Double(1) : 0 }
        case (.bool, .int64): try map1(src, into: dst) { (x: Bool) in x ? Int64(1) : 0 }
        }
    }
}
