import CBLAS
import CGemm

// matmul, mm and dot with PyTorch's shape rules and error texts. float32 goes to OpenBLAS
// (sgemm/sgemv/sdot), passing transposed operands as BLAS transpose flags rather than copying
// them, except that big products on AVX-512 CPUs run our own kernel (Sources/CGemm): Debian's
// OpenBLAS 0.3.21 has to use its AVX2 kernels there (OPENBLAS_CORETYPE=Haswell), at half the
// machine's multiply-add width; and on AVX2 CPUs small and medium products (up to 2^23
// multiply-adds: a minibatch's) run our AVX2 kernels, where OpenBLAS's fixed cost per call and
// its thread start-up outweigh the arithmetic (`BLAS`, in BLAS.swift, has the thresholds). float64 goes to OpenBLAS's dgemm/dgemv/ddot the same way.
// int64 uses a plain loop (BLAS has no integer GEMM, and PyTorch
// wraps on overflow too).

extension Tensor {
    /// `a @ b` / `matmul(a, b)`: every PyTorch shape case.
    ///
    /// 1-D @ 1-D is a dot product (0-d result); 2-D @ 1-D a matrix-vector product; 1-D @ 2-D
    /// treats the vector as a row; 2-D @ 2-D a matrix product; anything with more dimensions
    /// is a batched product whose batch dimensions broadcast.
    ///
    ///     try Tensor.randn([10, 3, 4], generator: g).matmul(Tensor.randn([4, 5], generator: g))
    ///     // shape [10, 3, 5]
    public func matmul(_ other: Tensor) throws -> Tensor {
        let a = self, b = other
        guard a.ndim >= 1 && b.ndim >= 1 else {
            throw TensorError.runtime(
                "both arguments to matmul need to be at least 1D, but they are \(a.ndim)D and \(b.ndim)D")
        }
        switch (a.ndim, b.ndim) {
        case (1, 1):
            return try a.dot(b)
        case (2, 1):
            try Tensor.checkMV(a, b, rows: a.shape[0], k: a.shape[1])
            return try Tensor.batchedProduct(a, b, batch: [], aBatchStrides: [], bBatchStrides: [],
                                             aVector: false, bVector: true)
        case (1, 2):
            try Tensor.checkMM(rows: 1, k: a.shape[0], k2: b.shape[0], cols: b.shape[1], a.dtype, b.dtype)
            return try Tensor.batchedProduct(a, b, batch: [], aBatchStrides: [], bBatchStrides: [],
                                             aVector: true, bVector: false)
        case (2, 2):
            return try a.mm(b)
        case (_, 1) where a.ndim >= 3:
            // PyTorch folds the batch into the rows and calls mv: its messages show the fold.
            let rows = a.shape.dropLast().reduce(1, *)
            try Tensor.checkMV(a, b, rows: rows, k: a.shape[a.ndim - 1])
            return try Tensor.batchedProduct(
                a, b, batch: Array(a.shape.dropLast(2)), aBatchStrides: Array(a.strides.dropLast(2)),
                bBatchStrides: [Int](repeating: 0, count: a.ndim - 2), aVector: false, bVector: true)
        case (_, 2) where a.ndim >= 3:
            let rows = a.shape.dropLast().reduce(1, *)
            try Tensor.checkMM(rows: rows, k: a.shape[a.ndim - 1], k2: b.shape[0], cols: b.shape[1], a.dtype, b.dtype)
            return try Tensor.batchedProduct(
                a, b, batch: Array(a.shape.dropLast(2)), aBatchStrides: Array(a.strides.dropLast(2)),
                bBatchStrides: [Int](repeating: 0, count: a.ndim - 2), aVector: false, bVector: false)
        default:
            // Batched: a vector operand becomes one row (a) or one column (b); batch dims broadcast.
            let aBatchShape = a.ndim >= 3 ? Array(a.shape.dropLast(2)) : []
            let bBatchShape = b.ndim >= 3 ? Array(b.shape.dropLast(2)) : []
            let batch = try Tensor.broadcastShapes(aBatchShape, bBatchShape)
            let k1 = a.shape[a.ndim - 1]
            let k2 = b.ndim == 1 ? b.shape[0] : b.shape[b.ndim - 2]
            if k1 != k2 {
                let bs = try Tensor.count(of: batch)
                throw TensorError.runtime(
                    "Expected size for first two dimensions of batch2 tensor to be: [\(bs), \(k1)] but got: [\(bs), \(k2)].")
            }
            if a.dtype != b.dtype {
                throw TensorError.runtime(
                    "expected scalar type \(Tensor.scalarTypeName(a.dtype)) but found \(Tensor.scalarTypeName(b.dtype))")
            }
            if a.dtype == .bool { throw Tensor.notImplemented("bmm", .bool) }
            return try Tensor.batchedProduct(
                a, b, batch: batch,
                aBatchStrides: Tensor.broadcastStrides(a, batchRank: a.ndim - 2, to: batch),
                bBatchStrides: Tensor.broadcastStrides(b, batchRank: b.ndim - 2, to: batch),
                aVector: a.ndim == 1, bVector: b.ndim == 1)
        }
    }

    /// `torch.mm(a, b)`: the product of two matrices, no broadcasting.
    public func mm(_ other: Tensor) throws -> Tensor {
        guard ndim == 2 else { throw TensorError.runtime("mm: self must be a matrix, got \(ndim)-D tensor") }
        guard other.ndim == 2 else {
            throw TensorError.runtime("mm: mat2 must be a matrix, got \(other.ndim)-D tensor")
        }
        try Tensor.checkMM(rows: shape[0], k: shape[1], k2: other.shape[0], cols: other.shape[1], dtype, other.dtype)
        return try Tensor.batchedProduct(self, other, batch: [], aBatchStrides: [], bBatchStrides: [],
                                         aVector: false, bVector: false)
    }

    /// `torch.dot(a, b)`: the inner product of two 1-D tensors, as a 0-d tensor.
    public func dot(_ other: Tensor) throws -> Tensor {
        guard ndim == 1 && other.ndim == 1 else {
            throw TensorError.runtime("1D tensors expected, but got \(ndim)D and \(other.ndim)D tensors")
        }
        guard dtype == other.dtype else {
            throw TensorError.runtime(
                "dot : expected both vectors to have same dtype, but found \(Tensor.scalarTypeName(dtype)) and \(Tensor.scalarTypeName(other.dtype))")
        }
        guard shape[0] == other.shape[0] else {
            throw TensorError.runtime(
                "inconsistent tensor size, expected tensor [\(shape[0])] and src [\(other.shape[0])] to have the same number of elements, but got \(shape[0]) and \(other.shape[0]) elements respectively")
        }
        if dtype == .bool { throw Tensor.notImplemented("dot", .bool) }
        return try Tensor.batchedProduct(self, other, batch: [], aBatchStrides: [], bBatchStrides: [],
                                         aVector: true, bVector: true)
    }

    // MARK: Checks worded like PyTorch's

    static func notImplemented(_ op: String, _ dtype: DType) -> TensorError {
        TensorError.notImplemented("\"\(op)\" not implemented for '\(scalarTypeName(dtype))'")
    }

    /// The C type names PyTorch's addmm reports (`long int != float`).
    static func cTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "float"
        case .float64: "double"
        case .int64: "long int"
        case .bool: "bool"
        }
    }

    static func checkMM(rows: Int, k: Int, k2: Int, cols: Int, _ a: DType, _ b: DType) throws {
        guard k == k2 else {
            throw TensorError.runtime("mm: mat1 and mat2 shapes cannot be multiplied (\(rows)x\(k) and \(k2)x\(cols))")
        }
        guard a == b else {
            throw TensorError.runtime(
                "expected m1 and m2 to have the same dtype, but got: \(cTypeName(a)) != \(cTypeName(b))")
        }
        if a == .bool { throw notImplemented("addmm_impl_cpu_", .bool) }
    }

    static func checkMV(_ m: Tensor, _ v: Tensor, rows: Int, k: Int) throws {
        guard k == v.shape[0] else {
            throw TensorError.runtime("size mismatch, got input (\(rows)), mat (\(rows)x\(k)), vec (\(v.shape[0]))")
        }
        guard m.dtype == v.dtype else {
            let vn = scalarTypeName(v.dtype), mn = scalarTypeName(m.dtype)
            throw TensorError.runtime("addmv input tensors must have the same dtype, but got \(vn), \(mn), and \(vn)")
        }
        if m.dtype == .bool { throw notImplemented("addmv_impl_cpu", .bool) }
    }

    /// The strides of `t`'s leading `batchRank` dims broadcast (right-aligned) to `batch`.
    static func broadcastStrides(_ t: Tensor, batchRank: Int, to batch: [Int]) -> [Int] {
        var out = [Int](repeating: 0, count: batch.count)
        guard batchRank > 0 else { return out }
        let shift = batch.count - batchRank
        for d in 0..<batchRank where t.shape[d] != 1 { out[d + shift] = t.strides[d] }
        return out
    }

    // MARK: The one product loop

    /// `a @ b` over `batch`, after every check. `a` is [..., M, K] (or [K] when `aVector`),
    /// `b` is [..., K, N] (or [K] when `bVector`); batch strides are given already broadcast.
    /// The result is contiguous: batch + [M unless aVector] + [N unless bVector].
    static func batchedProduct(_ a: Tensor, _ b: Tensor, batch: [Int], aBatchStrides: [Int],
                               bBatchStrides: [Int], aVector: Bool, bVector: Bool) throws -> Tensor {
        // Matrix views: rows/cols and their strides.
        let m = aVector ? 1 : a.shape[a.ndim - 2]
        let k = a.shape[a.ndim - 1]
        let n = bVector ? 1 : b.shape[b.ndim - 1]
        let aRow = aVector ? 0 : a.strides[a.ndim - 2], aCol = a.strides[a.ndim - 1]
        let bRow = bVector ? b.strides[b.ndim - 1] : b.strides[b.ndim - 2]
        let bCol = bVector ? 0 : b.strides[b.ndim - 1]

        var outShape = batch
        if !aVector { outShape.append(m) }
        if !bVector { outShape.append(n) }
        let batchCount = try Tensor.count(of: batch)
        if batchCount == 0 || m == 0 || n == 0 || k == 0 { return try Tensor(zeros: outShape, dtype: a.dtype) }
        // Every element is written below (BLAS paths zero their output first), so skip the memset.
        let out = try Tensor.empty(outShape, a.dtype)

        // The storage offsets of every batch's a and b, held in a tensor storage so that a
        // broadcast batch of billions (offsets can outweigh the output) is charged to the
        // notebook's memory cap like any tensor.
        let (offsetCount, tooMany) = batchCount.multipliedReportingOverflow(by: 2)
        if tooMany { throw TensorError(.memoryError, Storage.oomMessage(count: batchCount, dtype: .int64)) }
        let offsetStorage = try Storage(uninitialized: .int64, count: offsetCount)
        let aOffsets = offsetStorage.raw.assumingMemoryBound(to: Int.self), bOffsets = aOffsets + batchCount
        var filled = 0
        Tensor.forEachBatchOffset(batch, aBatchStrides, bBatchStrides, a.offset, b.offset) {
            aOffsets[filled] = $0
            bOffsets[filled] = $1
            filled += 1
        }

        if a.dtype == .int64 {
            try withExtendedLifetime(offsetStorage) {
                try Tensor.int64Product(a.storage.ints, aOffsets, aRow, aCol, b.storage.ints, bOffsets, bRow, bCol,
                                        out.storage.ints, batchCount: batchCount, m: m, n: n, k: k)
            }
            return out
        }

        // Floats through BLAS. A batch whose rows all live at one stride from each other with a
        // shared right operand (x @ W with x of rank >= 3) folds into one tall GEMM.
        let folded = batchCount > 1 && bBatchStrides.allSatisfy({ $0 == 0 })
            ? Tensor.foldedRowStride(batch: batch, strides: aBatchStrides, m: m, rowStride: aRow) : nil
        let opA = GemmOperand(rows: folded == nil ? m : batchCount * m, cols: k,
                              rowStride: folded ?? aRow, colStride: aCol)
        let opB = GemmOperand(rows: k, cols: n, rowStride: bRow, colStride: bCol)
        let products = folded == nil ? batchCount : 1
        try withExtendedLifetime(offsetStorage) {
            if a.dtype == .float64 {
                let pa = a.storage.doubles, pb = b.storage.doubles, pc = out.storage.doubles
                for bi in 0..<products {
                    try gemmInPanels(pa + aOffsets[bi], opA, pb + bOffsets[bi], opB, pc + bi * m * n, blasProduct)
                }
                return
            }
            let pa = a.storage.floats, pb = b.storage.floats, pc = out.storage.floats
            for bi in 0..<products {
                try gemmInPanels(pa + aOffsets[bi], opA, pb + bOffsets[bi], opB, pc + bi * m * n, gemm)
            }
        }
        return out
    }

    /// Multiply-adds between two polls of the cell's deadline in the int64 product.
    static let int64PollWork = 1 << 24

    /// The int64 product (no BLAS has one; wraps on overflow as PyTorch does), polling the
    /// cell's deadline every `int64PollWork` multiply-adds: between rows, between columns, and
    /// inside one long dot product (a single row of an expanded operand can be 10^11 long).
    static func int64Product(_ pa: UnsafeMutablePointer<Int64>, _ aOffsets: UnsafeMutablePointer<Int>,
                             _ aRow: Int, _ aCol: Int,
                             _ pb: UnsafeMutablePointer<Int64>, _ bOffsets: UnsafeMutablePointer<Int>,
                             _ bRow: Int, _ bCol: Int,
                             _ pc: UnsafeMutablePointer<Int64>, batchCount: Int, m: Int, n: Int, k: Int) throws {
        var work = 0
        for bi in 0..<batchCount {
            let c = pc + bi * m * n
            for i in 0..<m {
                for j in 0..<n {
                    var acc: Int64 = 0
                    var ia = aOffsets[bi] + i * aRow, ib = bOffsets[bi] + j * bCol
                    var left = k
                    while left > 0 {
                        let span = Swift.min(left, int64PollWork)
                        for _ in 0..<span {
                            acc = acc &+ pa[ia] &* pb[ib]
                            ia += aCol
                            ib += bRow
                        }
                        left -= span
                        work &+= span &+ 1
                        if work >= int64PollWork {
                            work = 0
                            try Cancellation.check()
                        }
                    }
                    c[i * n + j] = acc
                }
            }
        }
    }

    /// `gemm`, with a product of more than ~2 GFLOP split into panels of A's rows so the
    /// cell's deadline is checked between them (a 20000^3 product would otherwise run on for
    /// minutes past `--timeout`). Small products take one call, as before.
    static func gemmInPanels<T>(_ pa: UnsafeMutablePointer<T>, _ a: GemmOperand,
                                _ pb: UnsafeMutablePointer<T>, _ b: GemmOperand,
                                _ pc: UnsafeMutablePointer<T>,
                                _ gemm: (UnsafeMutablePointer<T>, GemmOperand, UnsafeMutablePointer<T>,
                                         GemmOperand, UnsafeMutablePointer<T>) throws -> Void) throws {
        let work = a.rows.multipliedReportingOverflow(by: a.cols).partialValue.multipliedReportingOverflow(by: b.cols)
        let perRow = Swift.max(1, a.cols &* b.cols)
        let panel = Swift.max(64, (1 << 31) / perRow)
        if !work.overflow && work.partialValue <= 1 << 31 || a.rows <= panel {
            try gemm(pa, a, pb, b, pc)
            try Cancellation.check()
            return
        }
        var r = 0
        while r < a.rows {
            let rows = Swift.min(panel, a.rows - r)
            let part = GemmOperand(rows: rows, cols: a.cols, rowStride: a.rowStride, colStride: a.colStride)
            try gemm(pa + r * a.rowStride, part, pb, b, pc + r * b.cols)
            try Cancellation.check()
            r += rows
        }
    }

    /// The row stride of [batch..., M] rows seen as one [B*M] column of rows, when the batch
    /// strides step exactly over whole blocks of rows.
    static func foldedRowStride(batch: [Int], strides: [Int], m: Int, rowStride: Int) -> Int? {
        var expected = rowStride * m
        if m > 1 && rowStride == 0 { return nil }
        let unit = m > 1 ? rowStride : (strides.last(where: { $0 != 0 }) ?? 0)
        if m == 1 { expected = unit }
        if unit <= 0 { return nil }
        for d in stride(from: batch.count - 1, through: 0, by: -1) where batch[d] != 1 {
            if strides[d] != expected { return nil }
            expected *= batch[d]
        }
        return unit
    }

    /// Calls `body` with the storage offsets of a and b for every batch index, row-major.
    static func forEachBatchOffset(_ batch: [Int], _ sa: [Int], _ sb: [Int], _ a0: Int, _ b0: Int,
                                   _ body: (Int, Int) -> Void) {
        if batch.isEmpty { body(a0, b0); return }
        var idx = [Int](repeating: 0, count: batch.count)
        var oa = a0, ob = b0
        var total = 1
        for s in batch { total = total.multipliedReportingOverflow(by: s).partialValue }
        for _ in 0..<total {
            body(oa, ob)
            var d = batch.count - 1
            while d >= 0 {
                idx[d] += 1
                oa += sa[d]
                ob += sb[d]
                if idx[d] < batch[d] { break }
                oa -= sa[d] * batch[d]
                ob -= sb[d] * batch[d]
                idx[d] = 0
                d -= 1
            }
        }
    }
}

/// A strided matrix as BLAS sees it: row-major (`NoTrans`) or column-major (`Trans`) with a
/// leading dimension, or neither (then it is copied first).
struct GemmOperand {
    var rows: Int, cols: Int, rowStride: Int, colStride: Int

    /// (transposed, leading dimension) when BLAS can read the matrix in place.
    var blasLayout: (transposed: Bool, ld: Int)? {
        if cols == 1 || colStride == 1 {
            if rows == 1 { return (false, max(1, cols)) }
            if rowStride >= max(1, cols) { return (false, rowStride) }
        }
        if rows == 1 || rowStride == 1 {
            if cols == 1 { return (true, max(1, rows)) }
            if colStride >= max(1, rows) { return (true, colStride) }
        }
        return nil
    }
}

/// C (row-major, contiguous, rows x cols) = A @ B through our AVX-512 kernel, or sgemm, sgemv
/// or sdot.
private func gemm(_ pa: UnsafeMutablePointer<Float>, _ a: GemmOperand,
                  _ pb: UnsafeMutablePointer<Float>, _ b: GemmOperand,
                  _ pc: UnsafeMutablePointer<Float> ) throws {
    let m = a.rows, k = a.cols, n = b.cols
    // Our kernel reads any strides, so it needs neither the BLAS layout nor the Int32 limit; it
    // fails only when its buffers cannot be allocated, and BLAS then does the product.
    if let threads = BLAS.ownKernelThreads(m: m, n: n, k: k),
       nnb_sgemm(m, n, k, pa, a.rowStride, a.colStride, pb, b.rowStride, b.colStride, pc, n,
                 Int32(clamping: threads)) == 0 {
        return
    }
    if BLAS.usesDotKernel(m: m, n: n, k: k, aColumnStride: a.colStride, bRowStride: b.rowStride) {
        nnb_sgemm_dot(m, n, k, pa, a.rowStride, pb, b.colStride, pc, n)
        return
    }
    if BLAS.usesSmallKernel(m: m, n: n, k: k, bColumnStride: b.colStride) {
        nnb_sgemm_small(m, n, k, pa, a.rowStride, a.colStride, pb, b.rowStride, pc, n)
        return
    }
    if let threads = BLAS.mediumKernelThreads(m: m, n: n, k: k),
       orderedProduct(m, n, k, pa, a.rowStride, a.colStride, pb, b.rowStride, b.colStride, pc, threads, add: false) {
        return
    }
    try blasProduct(pa, a, pb, b, pc)
}

/// C (row stride n) = A @ B, or C += A @ B with `add`, with k in 192-deep fused multiply-add
/// chains added up in order (MKL's AVX2 order, PyTorch's bits): on the AVX-512 kernel where the
/// CPU has one (twice the medium kernel's width) and the product is big enough for it
/// (`BLAS.ownKernelMinimumWork`: below, its packing costs more than it saves), else on the
/// medium kernel. False when the kernel could not allocate its buffers.
private func orderedProduct(_ m: Int, _ n: Int, _ k: Int, _ pa: UnsafePointer<Float>, _ ars: Int, _ acs: Int,
                    _ pb: UnsafePointer<Float>, _ brs: Int, _ bcs: Int, _ pc: UnsafeMutablePointer<Float>,
                    _ threads: Int, add: Bool) -> Bool {
    let t = Int32(clamping: threads)
    if BLAS.hasOwnKernel && Double(m) * Double(n) * Double(k) >= Double(BLAS.ownKernelMinimumWork) {
        return nnb_sgemm_ordered(m, n, k, pa, ars, acs, pb, brs, bcs, pc, n, t, add ? 1 : 0) == 0
    }
    return add ? nnb_sgemm_medium_add(m, n, k, pa, ars, acs, pb, brs, bcs, pc, n, t) == 0
               : nnb_sgemm_medium(m, n, k, pa, ars, acs, pb, brs, bcs, pc, n, t) == 0
}

/// Float and Double as BLAS takes them: the s- and d- routines behind one generic product.
private protocol BLASElement: FloatElement {
    /// `cblas_?dot`.
    static func dot(_ n: Int32, _ x: UnsafePointer<Self>, _ incX: Int32, _ y: UnsafePointer<Self>, _ incY: Int32) -> Self
    /// `cblas_?gemv`, row-major, alpha 1 and beta 0.
    static func gemv(_ trans: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ a: UnsafePointer<Self>, _ lda: Int32,
                     _ x: UnsafePointer<Self>, _ incX: Int32, _ y: UnsafeMutablePointer<Self>)
    /// `cblas_?gemm`, row-major, alpha 1 and beta 0.
    static func gemm(_ transA: CBLAS_TRANSPOSE, _ transB: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ k: Int32,
                     _ a: UnsafePointer<Self>, _ lda: Int32, _ b: UnsafePointer<Self>, _ ldb: Int32,
                     _ c: UnsafeMutablePointer<Self>, _ ldc: Int32)
}

extension Float: BLASElement {
    fileprivate static func dot(_ n: Int32, _ x: UnsafePointer<Float>, _ incX: Int32, _ y: UnsafePointer<Float>, _ incY: Int32) -> Float {
        cblas_sdot(n, x, incX, y, incY)
    }
    fileprivate static func gemv(_ trans: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ a: UnsafePointer<Float>, _ lda: Int32,
                                 _ x: UnsafePointer<Float>, _ incX: Int32, _ y: UnsafeMutablePointer<Float>) {
        cblas_sgemv(CblasRowMajor, trans, m, n, 1, a, lda, x, incX, 0, y, 1)
    }
    fileprivate static func gemm(_ transA: CBLAS_TRANSPOSE, _ transB: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ k: Int32,
                                 _ a: UnsafePointer<Float>, _ lda: Int32, _ b: UnsafePointer<Float>, _ ldb: Int32,
                                 _ c: UnsafeMutablePointer<Float>, _ ldc: Int32) {
        cblas_sgemm(CblasRowMajor, transA, transB, m, n, k, 1, a, lda, b, ldb, 0, c, ldc)
    }
}

extension Double: BLASElement {
    fileprivate static func dot(_ n: Int32, _ x: UnsafePointer<Double>, _ incX: Int32, _ y: UnsafePointer<Double>, _ incY: Int32) -> Double {
        cblas_ddot(n, x, incX, y, incY)
    }
    fileprivate static func gemv(_ trans: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ a: UnsafePointer<Double>, _ lda: Int32,
                                 _ x: UnsafePointer<Double>, _ incX: Int32, _ y: UnsafeMutablePointer<Double>) {
        cblas_dgemv(CblasRowMajor, trans, m, n, 1, a, lda, x, incX, 0, y, 1)
    }
    fileprivate static func gemm(_ transA: CBLAS_TRANSPOSE, _ transB: CBLAS_TRANSPOSE, _ m: Int32, _ n: Int32, _ k: Int32,
                                 _ a: UnsafePointer<Double>, _ lda: Int32, _ b: UnsafePointer<Double>, _ ldb: Int32,
                                 _ c: UnsafeMutablePointer<Double>, _ ldc: Int32) {
        cblas_dgemm(CblasRowMajor, transA, transB, m, n, k, 1, a, lda, b, ldb, 0, c, ldc)
    }
}

/// C (row-major, contiguous, rows x cols) = A @ B through BLAS: gemm, gemv (one row or one
/// column) or dot. float64 products come here directly (no kernel of our own: float64 is for
/// checking, not for speed).
private func blasProduct<T: BLASElement>(_ pa: UnsafeMutablePointer<T>, _ a: GemmOperand,
                                         _ pb: UnsafeMutablePointer<T>, _ b: GemmOperand,
                                         _ pc: UnsafeMutablePointer<T>) throws {
    let m = a.rows, k = a.cols, n = b.cols
    let limit = Int(Int32.max)
    guard m <= limit, n <= limit, k <= limit, abs(a.rowStride) <= limit, abs(a.colStride) <= limit,
          abs(b.rowStride) <= limit, abs(b.colStride) <= limit else {
        throw TensorError.runtime("matmul: a matrix dimension exceeds the BLAS limit of \(limit)")
    }
    // Operands BLAS cannot address (stride 0 from expand, or other gaps) are packed first.
    var packedA: [T] = [], packedB: [T] = []
    var opA = a, opB = b
    var baseA = UnsafePointer(pa), baseB = UnsafePointer(pb)
    if a.blasLayout == nil {
        packedA = pack(pa, a)
        opA = GemmOperand(rows: m, cols: k, rowStride: k, colStride: 1)
    }
    if b.blasLayout == nil {
        packedB = pack(pb, b)
        opB = GemmOperand(rows: k, cols: n, rowStride: n, colStride: 1)
    }
    // BLAS is told beta = 0, but whether it then ignores what the output held (NaN included)
    // has varied between OpenBLAS versions: give it zeros.
    pc.update(repeating: 0, count: m * n)
    packedA.withUnsafeBufferPointer { bufA in
        packedB.withUnsafeBufferPointer { bufB in
            if !packedA.isEmpty, let p = bufA.baseAddress { baseA = p }
            if !packedB.isEmpty, let p = bufB.baseAddress { baseB = p }
            guard let la = opA.blasLayout, let lb = opB.blasLayout else {
                preconditionFailure("packed operands are contiguous")
            }
            if m == 1 && n == 1 {
                // dot: element steps along A's row and B's column.
                let incA = la.transposed ? la.ld : 1, incB = lb.transposed ? 1 : lb.ld
                pc[0] = T.dot(Int32(k), baseA, Int32(incA), baseB, Int32(incB))
            } else if n == 1 {
                // y = A x, x read with B's row step.
                let incB = lb.transposed ? 1 : lb.ld
                T.gemv(la.transposed ? CblasTrans : CblasNoTrans, Int32(la.transposed ? k : m), Int32(la.transposed ? m : k),
                       baseA, Int32(la.ld), baseB, Int32(incB), pc)
            } else if m == 1 {
                // y^T = x^T B, i.e. y = B^T x.
                let incA = la.transposed ? la.ld : 1
                T.gemv(lb.transposed ? CblasNoTrans : CblasTrans, Int32(lb.transposed ? n : k), Int32(lb.transposed ? k : n),
                       baseB, Int32(lb.ld), baseA, Int32(incA), pc)
            } else {
                T.gemm(la.transposed ? CblasTrans : CblasNoTrans, lb.transposed ? CblasTrans : CblasNoTrans,
                       Int32(m), Int32(n), Int32(k), baseA, Int32(la.ld), baseB, Int32(lb.ld), pc, Int32(n))
            }
        }
    }
}

/// A row-major copy of a strided matrix.
private func pack<T: Numeric>(_ p: UnsafeMutablePointer<T>, _ op: GemmOperand) -> [T] {
    var out = [T](repeating: 0, count: op.rows * op.cols)
    for i in 0..<op.rows {
        for j in 0..<op.cols { out[i * op.cols + j] = p[i * op.rowStride + j * op.colStride] }
    }
    return out
}

extension Tensor {
    /// `bias + self @ other` as PyTorch's `addmm` computes it for `nn.Linear`: where the medium
    /// kernel takes the float32 product (a minibatch's), the output starts as the bias broadcast
    /// over the rows and each 192-deep multiply-add chain is added to it in turn, MKL's order, so
    /// the bits equal PyTorch's; elsewhere the product, then the bias added.
    public func addmm(bias: Tensor, _ other: Tensor) throws -> Tensor {
        guard ndim == 2, other.ndim == 2, dtype == .float32, other.dtype == .float32, bias.dtype == .float32,
              bias.ndim == 1, shape[1] == other.shape[0], bias.shape[0] == other.shape[1] else {
            return try mm(other).add(bias)
        }
        let m = shape[0], k = shape[1], n = other.shape[1]
        guard m > 0, n > 0, k > 0, BLAS.ownKernelThreads(m: m, n: n, k: k) == nil,
              !BLAS.usesDotKernel(m: m, n: n, k: k, aColumnStride: strides[1], bRowStride: other.strides[0]),
              !BLAS.usesSmallKernel(m: m, n: n, k: k, bColumnStride: other.strides[1]),
              let threads = BLAS.mediumKernelThreads(m: m, n: n, k: k) else {
            return try mm(other).add(bias)
        }
        let out = try Tensor.empty([m, n], .float32)
        let pc = out.storage.floats, pbias = bias.storage.floats + bias.offset, bs = bias.strides[0]
        for i in 0..<m {
            for j in 0..<n { pc[i * n + j] = pbias[j * bs] }
        }
        let done = orderedProduct(m, n, k, storage.floats + offset, strides[0], strides[1],
                                  other.storage.floats + other.offset, other.strides[0], other.strides[1],
                                  pc, threads, add: true)
        return done ? out : try mm(other).add(bias)
    }
}
