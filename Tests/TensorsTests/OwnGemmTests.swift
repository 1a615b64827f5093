import Testing
import CGemm
import Tensors

// Our AVX-512 sgemm (Sources/CGemm) against a double-precision loop, over shapes that land on
// every edge of its blocking: 14-row and 32-column tiles, slices of up to 1024 along k, blocks
// of 84 rows and 2048 columns, row splits between threads. `BLAS.kernel = .own` sends every
// float32 product there (on a CPU without AVX-512 the same tests check BLAS instead).

/// One product to check: a is m x k, b is k x n, given as a view described by `layout`.
struct GemmShape: Sendable, CustomStringConvertible {
    let m: Int, n: Int, k: Int
    var description: String { "\(m)x\(k) @ \(k)x\(n)" }
    init(_ m: Int, _ n: Int, _ k: Int) {
        self.m = m
        self.n = n
        self.k = k
    }
}

/// How an operand is stored: row-major, transposed (a .T view of the other orientation), with
/// a gap between columns (every other column of a wider tensor), or an offset window.
enum GemmLayout: CaseIterable, Sendable {
    case rowMajor, transposed, strided, window
}

private let gemmShapes: [GemmShape] = [
    GemmShape(1, 1, 1), GemmShape(1, 40, 9), GemmShape(37, 1, 9), GemmShape(14, 32, 1),
    GemmShape(13, 31, 2), GemmShape(15, 33, 17), GemmShape(28, 64, 16), GemmShape(29, 65, 300),
    GemmShape(3, 100, 1025), GemmShape(45, 47, 1100), GemmShape(20, 2100, 20),
    GemmShape(200, 70, 130), GemmShape(171, 97, 2100), GemmShape(2, 2, 3000),
]

/// An m x k float32 tensor in the given layout with random values (seeded per call).
private func operand(_ rows: Int, _ cols: Int, _ layout: GemmLayout, _ g: Generator) throws -> Tensor {
    switch layout {
    case .rowMajor:
        return try Tensor.randn([rows, cols], generator: g)
    case .transposed:
        return try Tensor.randn([cols, rows], generator: g).T
    case .strided:
        let wide = try Tensor.randn([rows, 2 * cols], generator: g)
        return Tensor(storage: wide.storage, shape: [rows, cols], strides: [2 * cols, 2], offset: 1)
    case .window:
        let big = try Tensor.randn([rows + 3, cols + 5], generator: g)
        return Tensor(storage: big.storage, shape: [rows, cols], strides: [cols + 5, 1], offset: 2 * (cols + 5) + 3)
    }
}

/// Fails (with the place) unless `got` equals the double-precision product of a and b within
/// float32 rounding: |error| <= k * eps * sum |a_ip * b_pj| for every element.
private func expectProduct(_ got: Tensor, _ a: Tensor, _ b: Tensor, batch: Int = 1,
                           sourceLocation: SourceLocation = #_sourceLocation) {
    let m = a.shape[a.ndim - 2], k = a.shape[a.ndim - 1], n = b.shape[b.ndim - 1]
    let av = a.scalars(), bv = b.scalars(), cv = got.scalars()
    let aStep = a.ndim == 3 ? m * k : 0, bStep = b.ndim == 3 ? k * n : 0
    var worst = 0.0, bad = 0
    for bi in 0..<batch {
        for i in 0..<m {
            for j in 0..<n {
                var sum = 0.0, magnitude = 0.0
                for p in 0..<k {
                    let term = av[bi * aStep + i * k + p] * bv[bi * bStep + p * n + j]
                    sum += term
                    magnitude += abs(term)
                }
                let error = abs(cv[(bi * m + i) * n + j] - sum)
                let bound = Double(k) * Double(Float.ulpOfOne) * magnitude + 1e-30
                worst = max(worst, error / bound)
                if error > bound { bad += 1 }
            }
        }
    }
    #expect(bad == 0, "\(bad) of \(batch * m * n) elements off; worst error \(worst)x the bound",
            sourceLocation: sourceLocation)
}

@Test(arguments: gemmShapes)
func ownKernelMatchesDoubleLoop(_ s: GemmShape) throws {
    let g = Generator(seed: UInt64(s.m * 1_000_003 + s.n * 1009 + s.k))
    for la in GemmLayout.allCases {
        for lb in GemmLayout.allCases {
            let a = try operand(s.m, s.k, la, g), b = try operand(s.k, s.n, lb, g)
            let c = try BLAS.$kernel.withValue(.own) { try a.matmul(b) }
            #expect(c.shape == [s.m, s.n])
            expectProduct(c, a, b)
        }
    }
}

@Test func ownKernelLargeProduct() throws {
    // Bigger than every block, odd in every dimension, through the automatic choice and forced.
    let g = Generator(seed: 7)
    let a = try Tensor.randn([1030, 777], generator: g), b = try Tensor.randn([777, 517], generator: g)
    expectProduct(try a.matmul(b), a, b)
    let at = try Tensor.randn([777, 1030], generator: g).T, bt = try Tensor.randn([517, 777], generator: g).T
    expectProduct(try BLAS.$kernel.withValue(.own) { try at.matmul(bt) }, at, bt)
}

@Test func ownKernelBroadcastOperand() throws {
    // expand gives a column stride of 0: every column of b is the same vector.
    let g = Generator(seed: 8)
    let a = try Tensor.randn([40, 50], generator: g)
    let b = try Tensor.randn([50, 1], generator: g).expand([50, 45])
    let c = try BLAS.$kernel.withValue(.own) { try a.matmul(b) }
    expectProduct(c, a, try b.contiguous())
}

@Test func ownKernelBatched() throws {
    let g = Generator(seed: 9)
    // A batch of separate products, and a rank-3 @ rank-2 product folded into one tall GEMM.
    let a = try Tensor.randn([3, 40, 50], generator: g), b = try Tensor.randn([3, 50, 45], generator: g)
    expectProduct(try BLAS.$kernel.withValue(.own) { try a.matmul(b) }, a, b, batch: 3)
    let w = try Tensor.randn([50, 33], generator: g)
    let folded = try BLAS.$kernel.withValue(.own) { try a.matmul(w) }
    #expect(folded.shape == [3, 40, 33])
    expectProduct(folded, a, w, batch: 3)
    // Transposed batch members: a.transpose(1, 2) is [3, 50, 40].
    let at = try a.transpose(1, 2), bt = try b.transpose(1, 2)
    let c = try BLAS.$kernel.withValue(.own) { try bt.matmul(at) }
    #expect(c.shape == [3, 45, 40])
    expectProduct(c, bt, at, batch: 3)
}

@Test func ownKernelAgreesWithBLAS() throws {
    // Both kernels on the same operands: equal within rounding (neither is the other's oracle,
    // but a disagreement points at one of them).
    let g = Generator(seed: 10)
    let a = try Tensor.randn([300, 260], generator: g), b = try Tensor.randn([260, 250], generator: g)
    let own = try BLAS.$kernel.withValue(.own) { try a.matmul(b) }.scalars()
    let blas = try BLAS.$kernel.withValue(.blas) { try a.matmul(b) }.scalars()
    var worst = 0.0
    for (x, y) in zip(own, blas) { worst = max(worst, abs(x - y)) }
    #expect(worst <= 1e-3)
}

@Test func ownKernelConcurrentCallers() async throws {
    // Several products at once: one takes the worker pool, the others run on their own threads.
    let g = Generator(seed: 11)
    let pairs = try (0..<4).map { i in
        (try Tensor.randn([120 + i, 150], generator: g), try Tensor.randn([150, 90 + 7 * i], generator: g))
    }
    let results = try await withThrowingTaskGroup(of: (Int, Tensor).self) { group in
        for (i, (a, b)) in pairs.enumerated() {
            group.addTask { try BLAS.$kernel.withValue(.own) { (i, try a.matmul(b)) } }
        }
        var out = [Int: Tensor]()
        for try await (i, c) in group { out[i] = c }
        return out
    }
    for (i, (a, b)) in pairs.enumerated() {
        guard let c = results[i] else {
            Issue.record("product \(i) missing")
            continue
        }
        expectProduct(c, a, b)
    }
}

@Test func ownKernelColumnBlocksDoNotRace() throws {
    // Splitting columns, threads deal B's panels out afresh for each 2048-column block: one that
    // ran ahead into the next block once repacked a panel the other was still reading (a whole
    // 32-column stripe wrong, now and then). Many repeats against one BLAS result.
    let g = Generator(seed: 11)
    let a = try Tensor.randn([20, 20], generator: g), b = try Tensor.randn([2100, 20], generator: g).T
    let expected = try BLAS.$kernel.withValue(.blas) { try a.matmul(b) }.scalars()
    var wrong = 0
    for _ in 0..<3000 {
        let c = try BLAS.$kernel.withValue(.own) { try a.matmul(b) }.scalars()
        if zip(c, expected).contains(where: { abs($0 - $1) > 1e-3 * max(1, abs($1)) }) { wrong += 1 }
    }
    #expect(wrong == 0, "\(wrong) of 3000 products wrong")
}

@Test func smallProductsMatchDoubleLoop() throws {
    // The automatic choice sends products up to 2^17 multiply-adds with a unit-stride right
    // operand to the unpacked small kernel (on AVX2 CPUs): the lessons' minibatch shapes and
    // their backward transposes, every 4-row / 16-column edge, strided and broadcast left operands.
    let g = Generator(seed: 12)
    let shapes = [(5, 10, 784), (64, 10, 50), (50, 10, 64), (784, 10, 5), (1, 16, 3), (3, 17, 1),
                  (4, 16, 8), (7, 33, 9), (9, 8, 40), (2, 2, 2), (13, 100, 60)]
    for (m, n, k) in shapes {
        for la in GemmLayout.allCases {
            for lb in [GemmLayout.rowMajor, .window] {
                let a = try operand(m, k, la, g), b = try operand(k, n, lb, g)
                let c = try a.matmul(b)
                #expect(c.shape == [m, n])
                expectProduct(c, a, b)
            }
        }
    }
    let row = try Tensor.randn([1, 30], generator: g).expand([6, 30])  // row stride 0
    let w = try Tensor.randn([30, 12], generator: g)
    expectProduct(try row.matmul(w), try row.contiguous(), w)
}

@Test func mediumProductsMatchDoubleLoop() throws {
    // The automatic choice sends products between 2^17 and 2^23 multiply-adds, and smaller ones
    // whose right operand is a transposed view, to the packed AVX2 kernel (on AVX2 CPUs):
    // minibatch shapes forward and backward, every 6-row / 16- and 8-column edge, transposed
    // (8x8 blocks packed by shuffles), strided and offset operands.
    let g = Generator(seed: 13)
    let shapes = [(64, 50, 784), (784, 50, 64), (64, 784, 50), (50, 784, 64), (5, 784, 10), (64, 10, 50),
                  (13, 9, 2000), (97, 41, 300), (12, 24, 17), (7, 2, 3), (61, 130, 99)]
    for (m, n, k) in shapes {
        for la in GemmLayout.allCases {
            for lb in GemmLayout.allCases {
                let a = try operand(m, k, la, g), b = try operand(k, n, lb, g)
                let c = try a.matmul(b)
                #expect(c.shape == [m, n])
                expectProduct(c, a, b)
            }
        }
    }
}

@Test func mediumKernelResultsDoNotDependOnThreads() throws {
    // Each element is one multiply-add chain over k in order: the same bits on 1, 2 or 3
    // threads (the lessons run on one BLAS thread, `make bench` on two).
    guard nnb_sgemm_small_supported() != 0 else { return }
    let g = Generator(seed: 14)
    for (m, n, k) in [(64, 50, 784), (784, 50, 64), (50, 784, 64), (29, 33, 65)] {
        let a = try Tensor.randn([m, k], generator: g), b = try Tensor.randn([n, k], generator: g)
        let pa = a.storage.floats, pb = b.storage.floats
        var results: [[Float]] = []
        for threads in [1, 2, 3] {
            var c = [Float](repeating: .nan, count: m * n)
            let status = c.withUnsafeMutableBufferPointer {
                nnb_sgemm_medium(m, n, k, pa, k, 1, pb, 1, k, $0.baseAddress, n, Int32(threads))
            }
            #expect(status == 0)
            results.append(c)
        }
        withExtendedLifetime((a, b)) {}
        #expect(results[0].map(\.bitPattern) == results[1].map(\.bitPattern), "\(m)x\(k) @ \(k)x\(n), 2 threads")
        #expect(results[0].map(\.bitPattern) == results[2].map(\.bitPattern), "\(m)x\(k) @ \(k)x\(n), 3 threads")
        expectProduct(try Tensor(floats: results[0], shape: [m, n]), a, try b.t())
    }
}

@Test func orderedKernelMatchesMediumKernelBits() throws {
    // On AVX-512 CPUs the minibatch products run the AVX-512 kernel in the medium kernel's
    // order (192-deep chains added in order, bias first): the same bits, whatever the threads.
    guard nnb_sgemm_supported() != 0, nnb_sgemm_small_supported() != 0 else { return }
    let g = Generator(seed: 15)
    for (m, n, k) in [(64, 50, 784), (784, 50, 64), (50, 784, 64), (29, 33, 65), (64, 10, 50), (13, 9, 2000),
                      (64, 50, 251), (33, 20, 300), (17, 40, 193)] {
        let a = try Tensor.randn([m, k], generator: g), b = try Tensor.randn([n, k], generator: g)
        let bias = try Tensor.randn([n], generator: g).scalars().map(Float.init)
        let pa = a.storage.floats, pb = b.storage.floats
        for add in [false, true] {
            var expected = [Float](repeating: 0, count: m * n)
            for i in 0..<m { for j in 0..<n { expected[i * n + j] = bias[j] } }
            var results: [[Float]] = []
            let status = expected.withUnsafeMutableBufferPointer {
                add ? nnb_sgemm_medium_add(m, n, k, pa, k, 1, pb, 1, k, $0.baseAddress, n, 1)
                    : nnb_sgemm_medium(m, n, k, pa, k, 1, pb, 1, k, $0.baseAddress, n, 1)
            }
            #expect(status == 0)
            for threads in [1, 2] {
                var c = [Float](repeating: 0, count: m * n)
                for i in 0..<m { for j in 0..<n { c[i * n + j] = bias[j] } }
                let s = c.withUnsafeMutableBufferPointer {
                    nnb_sgemm_ordered(m, n, k, pa, k, 1, pb, 1, k, $0.baseAddress, n, Int32(threads), add ? 1 : 0)
                }
                #expect(s == 0)
                results.append(c)
            }
            withExtendedLifetime((a, b)) {}
            for (t, r) in results.enumerated() {
                #expect(r.map(\.bitPattern) == expected.map(\.bitPattern), "\(m)x\(k) @ \(k)x\(n), add \(add), \(t + 1) threads")
            }
        }
    }
}

@Test func orderedKernelEdgeColumnsKeepTheBits() throws {
    // Row-major B is read where it lies, edge panels through masks; with A transposed (x.T @ g),
    // an edge panel of 17 ... 24 columns runs its last columns as column vectors beside the first
    // 16 (kernel.c, tail_body). The same chains, so the same bits as the medium kernel, for every
    // trailing count, row edges, chained depths and threads, A either way round.
    guard nnb_sgemm_supported() != 0, nnb_sgemm_small_supported() != 0 else { return }
    let g = Generator(seed: 16)
    for (m, n, k) in [(784, 50, 64), (45, 17, 30), (31, 18, 64), (29, 20, 193), (43, 24, 400), (15, 21, 7),
                      (50, 49, 64), (14, 56, 100), (64, 16, 64), (30, 25, 64), (57, 23, 385), (64, 50, 784),
                      (20, 33, 50), (70, 10, 64)] {
        for transposed in [true, false] {
            // A (m x k) read in place: A(i, p) at i + p * m (its transpose's storage) or i * k + p.
            let a = try Tensor.randn(transposed ? [k, m] : [m, k], generator: g), b = try Tensor.randn([k, n], generator: g)
            let pa = a.storage.floats, pb = b.storage.floats
            let (ars, acs) = transposed ? (1, m) : (k, 1)
            for add in [false, true] {
                let start = (0..<(m * n)).map { Float($0 % 7) * 0.25 }
                var expected = start
                let status = expected.withUnsafeMutableBufferPointer {
                    add ? nnb_sgemm_medium_add(m, n, k, pa, ars, acs, pb, n, 1, $0.baseAddress, n, 1)
                        : nnb_sgemm_medium(m, n, k, pa, ars, acs, pb, n, 1, $0.baseAddress, n, 1)
                }
                #expect(status == 0)
                for threads in [1, 2] {
                    var c = start
                    let s = c.withUnsafeMutableBufferPointer {
                        nnb_sgemm_ordered(m, n, k, pa, ars, acs, pb, n, 1, $0.baseAddress, n, Int32(threads), add ? 1 : 0)
                    }
                    #expect(s == 0)
                    let differing = zip(c, expected).filter { $0.bitPattern != $1.bitPattern }.count
                    #expect(differing == 0, "\(m)x\(k)\(transposed ? " (transposed)" : "") @ \(k)x\(n), add \(add), \(threads) threads")
                }
                withExtendedLifetime((a, b)) {}
            }
        }
    }
}

@Test func dotKernelGivesTheSameBitsOnBothPaths() throws {
    // nnb_sgemm_dot (x @ w.T with 2 to 11 columns) runs MKL's order on AVX2, and on AVX-512 the
    // same chains in wider registers, rows of the same peel in pairs and w packed per peel: every
    // column count, depths around the 4- and 8-lane boundaries, all four row alignments (an odd
    // row stride), row counts above and below the packing threshold and odd ones (a row waits
    // for its pair), and -0.0 products.
    guard nnb_sgemm_supported() != 0, nnb_sgemm_small_supported() != 0 else { return }
    let g = Generator(seed: 18)
    for n in 2...11 {
        for k in [1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 31, 50, 63, 784] {
            for (m, lda) in [(1, k), (5, k + 1), (33, k + 3), (64, k), (67, k + 2)] {
                let a = try Tensor.randn([m * lda + 8], generator: g).scalars().map(Float.init)
                var w = try Tensor.randn([n * k], generator: g).scalars().map(Float.init)
                w[0] = -0.0
                var wide = [Float](repeating: .nan, count: m * n), narrow = wide
                a.withUnsafeBufferPointer { pa in
                    w.withUnsafeBufferPointer { pw in
                        let x = pa.baseAddress! + 1  // rows at every address modulo 16
                        wide.withUnsafeMutableBufferPointer {
                            nnb_sgemm_dot(m, n, k, x, lda, pw.baseAddress, k, $0.baseAddress, n)
                        }
                        narrow.withUnsafeMutableBufferPointer {
                            nnb_sgemm_dot_avx2(m, n, k, x, lda, pw.baseAddress, k, $0.baseAddress, n)
                        }
                    }
                }
                #expect(wide.map(\.bitPattern) == narrow.map(\.bitPattern), "\(m)x\(k) @ (\(n)x\(k)).T, lda \(lda)")
            }
        }
    }
}
