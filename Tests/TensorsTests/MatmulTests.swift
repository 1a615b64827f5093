import Testing
import Tensors

/// Small integers, so every product is exact in float32 and comparable with numpy exactly.
private func seq(_ shape: [Int], _ seed: Int, _ dtype: DType = .float32) throws -> Tensor {
    let n = shape.reduce(1, *)
    let values = (0..<n).map { Double((($0 + 1) * (seed * 7 + 3)) % 11 - 5) }
    return try Tensor(values, shape: shape, dtype: dtype)
}

/// Columns 0, 2, 4, 6 of a [6, 8] tensor: a view BLAS cannot address (column stride 2).
private func everyOtherColumn(_ t: Tensor) -> Tensor {
    Tensor(storage: t.storage, shape: [6, 4], strides: [8, 2], offset: t.offset)
}

/// `t[1:4, 2:6]` of a [6, 8] tensor: an offset view with row stride 8.
private func offsetView(_ t: Tensor) -> Tensor {
    Tensor(storage: t.storage, shape: [3, 4], strides: [8, 1], offset: t.offset + 10)
}

private func z(_ shape: [Int]) throws -> Tensor { try Tensor(zeros: shape) }
private func o(_ shape: [Int]) throws -> Tensor { try Tensor.ones(shape, dtype: .int64) }
private func b(_ shape: [Int]) throws -> Tensor { try Tensor.ones(shape, dtype: .bool) }

struct MatmulCase: Sendable, CustomStringConvertible {
    let name: String, a: Tensor, b: Tensor, shape: [Int], values: [Double]
    init(_ name: String, _ a: Tensor, _ b: Tensor, shape: [Int], values: [Double]) {
        self.name = name
        self.a = a
        self.b = b
        self.shape = shape
        self.values = values
    }
    var description: String { name }
}

@Test(arguments: matmulCases)
func matmulMatchesNumpy(_ c: MatmulCase) throws {
    let r = try c.a.matmul(c.b)
    #expect(r.shape == c.shape)
    #expect(r.dtype == c.a.dtype)
    #expect(r.scalars() == c.values)
}

@Test func mmAgreesWithMatmul() throws {
    let a = try seq([3, 4], 1), bm = try seq([5, 4], 2).T
    #expect(try a.mm(bm).scalars() == (try a.matmul(bm)).scalars())
}

@Test func dotIsZeroDimensional() throws {
    let r = try seq([7], 3).dot(try seq([7], 4))
    #expect(r.shape == [])
    #expect(r.scalars() == [matmulCases[4].values[0]])
}

/// Builds the 5x784 and 784x10 float32 operands of a forward pass (deterministic values).
private func mnistShaped() throws -> (Tensor, Tensor) {
    let a = (0..<(5 * 784)).map { (i: Int) -> Float in Float(Double((i * 37) % 101 - 50) * 0.0173) }
    let w = (0..<(784 * 10)).map { (i: Int) -> Float in Float(Double((i * 53) % 97 - 48) * 0.0091) }
    return (try Tensor(floats: a, shape: [5, 784]), try Tensor(floats: w, shape: [784, 10]))
}

@Test func forwardPassShapeMatchesNumpy() throws {
    let (a, w) = try mnistShaped()
    let r = try a.matmul(w)
    #expect(r.shape == [5, 10])
    for (got, want) in zip(r.scalars(), mnistShapedProduct) {
        #expect(abs(got - want) <= 1e-4 * max(1, abs(want)))
    }
    // The same product with the weight stored transposed (w.T of a [10, 784] tensor).
    let wt = try w.T.contiguous().T
    for (got, want) in zip(try a.matmul(wt).scalars(), mnistShapedProduct) {
        #expect(abs(got - want) <= 1e-4 * max(1, abs(want)))
    }
}

@Test func largeBatchedFoldMatchesLoop() throws {
    // [4, 33, 70] @ [70, 20]: one folded GEMM must equal 4 separate products.
    let g = Generator(seed: 1)
    let a = try Tensor.randn([4, 33, 70], generator: g), w = try Tensor.randn([70, 20], generator: g)
    let folded = try a.matmul(w).scalars()
    var separate = [Double]()
    for i in 0..<4 {
        let ai = Tensor(storage: a.storage, shape: [33, 70], strides: [70, 1], offset: i * 33 * 70)
        separate += try ai.matmul(w).scalars()
    }
    #expect(folded.count == separate.count)
    for (x, y) in zip(folded, separate) { #expect(abs(x - y) <= 1e-4 * max(1, abs(y))) }
}

@Test func matmulErrorsAreWordedLikePyTorch() throws {
    for (a, bb, kind, message) in matmulErrorCases {
        #expect(throws: TensorError(kind, message)) { try a.matmul(bb) }
    }
    for (a, bb, kind, message) in mmErrorCases {
        #expect(throws: TensorError(kind, message)) { try a.mm(bb) }
    }
}

// Expected products computed by numpy (exact: all values are small integers).
let matmulCases: [MatmulCase] = try! [
    MatmulCase("2d@2d", seq([3, 4], 1), seq([4, 5], 2), shape: [3, 5], values: [-12, -5, 2, 9, 16, 0, -1, -2, -3, -4, 45, -19, 38, -26, 31]),
    MatmulCase("aT@b", seq([4, 3], 1).T, seq([4, 5], 2), shape: [3, 5], values: [-6, -5, -4, -3, -2, -3, -4, -5, -6, -7, 33, -25, 38, -20, 43]),
    MatmulCase("a@bT", seq([3, 4], 1), seq([5, 4], 2).T, shape: [3, 5], values: [-11, 17, 12, -15, 13, 5, 1, 8, -7, -11, -12, -26, 15, 34, 20]),
    MatmulCase("aT@bT", seq([4, 3], 1).T, seq([5, 4], 2).T, shape: [3, 5], values: [7, 11, 26, -25, -21, 11, 7, 25, -23, -27, -18, -8, 35, 12, 22]),
    MatmulCase("1d@1d", seq([7], 3), seq([7], 4), shape: [], values: [-66]),
    MatmulCase("2d@1d", seq([3, 4], 1), seq([4], 5), shape: [3], values: [25, -7, 5]),
    MatmulCase("2dT@1d", seq([4, 3], 1).T, seq([4], 5), shape: [3], values: [-5, -13, 23]),
    MatmulCase("1d@2d", seq([4], 5), seq([4, 5], 2), shape: [5], values: [7, 11, 15, 19, 23]),
    MatmulCase("1d@2dT", seq([4], 5), seq([5, 4], 2).T, shape: [5], values: [-34, -18, 9, 25, 41]),
    MatmulCase("3d@2d fold", seq([2, 3, 4], 6), seq([4, 5], 2), shape: [2, 3, 5], values: [9, 4, -1, -6, -11, -3, 0, 3, 6, 9, 7, 7, 7, 7, 7, 6, 3, 0, -3, -6, -6, -1, 4, 9, 14, 26, -38, 19, -45, 12]),
    MatmulCase("3d@2dT fold", seq([2, 3, 4], 6), seq([5, 4], 2).T, shape: [2, 3, 5], values: [7, -13, -11, 13, -7, -9, 3, -7, 5, 17, -14, -14, 41, -3, -3, 3, -9, -10, 11, -1, -13, 7, -6, 3, 23, 26, 12, 42, -27, -41]),
    MatmulCase("3d@1d", seq([2, 3, 4], 6), seq([4], 5), shape: [2, 3], values: [-17, 15, 14, -9, 23, -33]),
    MatmulCase("1d@3d", seq([4], 5), seq([2, 4, 5], 7), shape: [2, 5], values: [8, -27, 4, 24, -11, 12, 32, 8, -27, 4]),
    MatmulCase("2d@3d", seq([3, 4], 1), seq([2, 4, 5], 7), shape: [2, 3, 5], values: [0, -9, -7, 28, 19, 4, -1, 5, 0, -5, 30, -4, -27, 16, -18, 7, -13, 0, -9, -7, 3, -13, 4, -1, 5, -34, 42, 30, -4, -27]),
    MatmulCase("3d@3d", seq([2, 3, 4], 6), seq([2, 4, 5], 7), shape: [2, 3, 5], values: [-1, 7, 4, -21, -13, -5, -1, -8, 7, 11, 24, -31, 24, 24, -31, -5, 13, -2, 5, 1, -1, 13, -6, -3, -11, -30, -42, 34, 11, -23]),
    MatmulCase("batch broadcast", seq([2, 1, 3, 4], 8), seq([5, 4, 2], 9), shape: [2, 5, 3, 2], values: [10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5]),
    MatmulCase("expanded batch", seq([3, 4], 1).expand([6, 3, 4]), seq([6, 4, 2], 9), shape: [6, 3, 2], values: [-70, -70, 10, 10, 35, 35, -70, -70, 10, 10, 35, 35, -70, -70, 10, 10, 35, 35, -70, -70, 10, 10, 35, 35, -70, -70, 10, 10, 35, 35, -70, -70, 10, 10, 35, 35]),
    MatmulCase("stride-0 rows", seq([1, 4], 1).expand([3, 4]), seq([4, 5], 2), shape: [3, 5], values: [-12, -5, 2, 9, 16, -12, -5, 2, 9, 16, -12, -5, 2, 9, 16]),
    MatmulCase("stride-0 vector", seq([3, 4], 1), seq([1], 5).expand([4]), shape: [3], values: [0, 0, 0]),
    MatmulCase("every other column", everyOtherColumn(seq([6, 8], 10)), seq([4, 3], 2), shape: [6, 3], values: [-25, 10, -21, 10, -30, 7, 12, -37, 13, 14, -44, 19, 5, -7, 3, 7, -14, 9]),
    MatmulCase("offset view", offsetView(seq([6, 8], 10)), seq([4, 3], 2), shape: [3, 3], values: [-19, 3, -19, -17, 51, -24, -15, 44, -18]),
    MatmulCase("transposed batch", seq([2, 4, 3], 11).transpose(1, 2), seq([2, 4, 5], 7), shape: [2, 3, 5], values: [-21, 28, -22, -17, 32, 9, 0, 13, -7, -16, 6, -6, 4, 14, 2, 5, -26, 9, 0, 13, 8, -26, 6, -6, 4, 33, 29, -30, -12, 28]),
    MatmulCase("permuted batch fold", seq([3, 2, 4], 12).permute([1, 0, 2]), seq([4, 5], 2), shape: [2, 3, 5], values: [-12, -5, 2, 9, 16, 45, -19, 38, -26, 31, 3, 0, -3, -6, -9, 0, -1, -2, -3, -4, -9, -4, 1, 6, 11, -7, -7, -7, -7, -7]),
    MatmulCase("m=1 batched", seq([2, 1, 4], 13), seq([2, 4, 5], 7), shape: [2, 1, 5], values: [-9, 25, -7, -17, 17, -9, -32, -11, 21, -13]),
    MatmulCase("n=1 matrix", seq([3, 4], 1), seq([4, 1], 14), shape: [3, 1], values: [-10, -10, 23]),
    MatmulCase("n=1 transposed", seq([4, 3], 1).T, seq([1, 4], 14).T, shape: [3, 1], values: [-30, -30, 3]),
    MatmulCase("m=1 matrix", seq([1, 4], 15), seq([4, 5], 2), shape: [1, 5], values: [-6, -4, -2, 0, 2]),
    MatmulCase("m=1 bT", seq([1, 4], 15), seq([5, 4], 2).T, shape: [1, 5], values: [2, 10, 18, -18, -10]),
    MatmulCase("1x1 result", seq([1, 4], 15), seq([4, 1], 14), shape: [1, 1], values: [-20]),
    MatmulCase("batched 4d both", seq([2, 3, 3, 4], 16), seq([2, 3, 4, 2], 17), shape: [2, 3, 3, 2], values: [-2, 6, 6, 6, 14, 6, 15, 21, 25, 23, 24, 25, -11, 15, -21, 19, 24, -32, -14, -12, -22, -28, 14, 22, 6, 6, 22, 14, -28, -22, -6, 25, -32, 24, 19, -21]),
    MatmulCase("int64 2d", seq([3, 4], 1, .int64), seq([4, 5], 2, .int64), shape: [3, 5], values: [-12, -5, 2, 9, 16, 0, -1, -2, -3, -4, 45, -19, 38, -26, 31]),
    MatmulCase("int64 batched", seq([2, 1, 3, 4], 8, .int64), seq([5, 4, 2], 9, .int64), shape: [2, 5, 3, 2], values: [10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, 10, 10, -35, -35, 30, 30, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5, -15, -15, -5, -5, 5, 5]),
    MatmulCase("int64 dot", seq([7], 3, .int64), seq([7], 4, .int64), shape: [], values: [-66]),
    MatmulCase("int64 mv T", seq([4, 3], 1, .int64).T, seq([4], 5, .int64), shape: [3], values: [-5, -13, 23]),
    MatmulCase("empty rows", seq([0, 3], 1), seq([3, 4], 2), shape: [0, 4], values: []),
    MatmulCase("k=0", seq([2, 0], 1), seq([0, 3], 2), shape: [2, 3], values: [0, 0, 0, 0, 0, 0]),
    MatmulCase("empty batch", seq([0, 2, 3], 1), seq([3, 4], 2), shape: [0, 2, 4], values: []),
]
// Messages raised by PyTorch 2.15 for the same operands.
let matmulErrorCases: [(Tensor, Tensor, TensorError.Kind, String)] = try! [
    (z([3]), z([4]), .runtimeError, "inconsistent tensor size, expected tensor [3] and src [4] to have the same number of elements, but got 3 and 4 elements respectively"),
    (z([4, 5]), z([3]), .runtimeError, "size mismatch, got input (4), mat (4x5), vec (3)"),
    (z([3]), z([4, 5]), .runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (1x3 and 4x5)"),
    (z([5, 784]), z([10, 784]), .runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (5x784 and 10x784)"),
    (z([2, 3, 4]), z([2, 5, 6]), .runtimeError, "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5]."),
    (z([2, 3, 4]), z([3, 4, 5]), .runtimeError, "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0"),
    (z([2, 3, 4]), z([5]), .runtimeError, "size mismatch, got input (6), mat (6x4), vec (5)"),
    (z([2, 3, 4]), z([5, 6]), .runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (6x4 and 5x6)"),
    (z([2, 3, 3, 4]), z([5, 4, 2]), .runtimeError, "The size of tensor a (3) must match the size of tensor b (5) at non-singleton dimension 1"),
    (z([4]), z([2, 5, 6]), .runtimeError, "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5]."),
    (z([3, 4]), z([2, 5, 6]), .runtimeError, "Expected size for first two dimensions of batch2 tensor to be: [2, 4] but got: [2, 5]."),
    (z([]), z([2, 2]), .runtimeError, "both arguments to matmul need to be at least 1D, but they are 0D and 2D"),
    (z([2]), z([]), .runtimeError, "both arguments to matmul need to be at least 1D, but they are 1D and 0D"),
    (o([2, 3]), z([3, 2]), .runtimeError, "expected m1 and m2 to have the same dtype, but got: long int != float"),
    (z([2, 3]), o([3, 2]), .runtimeError, "expected m1 and m2 to have the same dtype, but got: float != long int"),
    (o([3]), z([3]), .runtimeError, "dot : expected both vectors to have same dtype, but found Long and Float"),
    (o([2, 3]), z([3]), .runtimeError, "addmv input tensors must have the same dtype, but got Float, Long, and Float"),
    (z([2, 2, 3]), o([2, 3, 2]), .runtimeError, "expected scalar type Float but found Long"),
    (o([2, 2, 3]), z([3, 2]), .runtimeError, "expected m1 and m2 to have the same dtype, but got: long int != float"),
    (b([2, 2]), b([2, 2]), .notImplementedError, "\"addmm_impl_cpu_\" not implemented for 'Bool'"),
    (b([2]), b([2]), .notImplementedError, "\"dot\" not implemented for 'Bool'"),
    (b([2, 3]), b([3]), .notImplementedError, "\"addmv_impl_cpu\" not implemented for 'Bool'"),
    (b([2, 2, 3]), b([2, 3, 2]), .notImplementedError, "\"bmm\" not implemented for 'Bool'"),
    (b([2, 2]), z([2, 2]), .runtimeError, "expected m1 and m2 to have the same dtype, but got: bool != float"),
    (z([2, 3]), o([4, 5]), .runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
    (z([3]), o([4]), .runtimeError, "dot : expected both vectors to have same dtype, but found Float and Long"),
]
let mmErrorCases: [(Tensor, Tensor, TensorError.Kind, String)] = try! [
    (z([3]), z([3, 3]), .runtimeError, "mm: self must be a matrix, got 1-D tensor"),
    (z([2, 3]), z([3]), .runtimeError, "mm: mat2 must be a matrix, got 1-D tensor"),
    (z([2, 3]), z([4, 5]), .runtimeError, "mm: mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)"),
    (o([2, 3]), z([3, 2]), .runtimeError, "expected m1 and m2 to have the same dtype, but got: long int != float"),
]
// numpy float64 product of the float32 inputs built by mnistShaped().
let mnistShapedProduct: [Double] = [2.146872877188872, -1.3351637694036362, 0.9093156840138157, -0.6027995393249854, 0.9544979749333917, 0.2975426242810829, -0.8022632223630097, -0.6040588093868935, -1.2915556937867496, 1.4415864937089438, 0.9483583273060843, -2.510063826305243, 0.9796868247271603, -0.5088137349776023, -0.7909282336435721, 0.11807246048633102, -1.2788038917501505, 2.027698300436254, -1.720867327694401, 2.578231216893583, 0.24275699653208793, -0.10736728339550605, 0.0006297114334921083, 0.07808539831288863, -0.5010996603595719, 1.9738573021760295, -1.2624311160282682, 0.5253439204379071, -0.11492396762278423, 1.123105532100938, -2.0051858192238052, 0.752987683742544, -0.9784274843939905, 2.20732590771273, -0.21127113198450465, -0.7973828951706134, -1.2460583545794601, -0.9770106123881455, 1.491019533868671, -1.874361539362631, -2.1701724635366997, 1.454338316935082, -1.2737661041156199, -0.30635870319305647, -0.6369618436556416, -0.3567364454161768, 1.2825821211601152, -0.666716067093168, 1.125309741075537, -1.3737341577072248]

@Test func hugeEmptyShapesThrowInsteadOfTrapping() throws {
    // Empty tensors may have dimensions whose product overflows Int once broadcast together.
    let storage = try Storage(dtype: .float32, count: 0)
    let a = Tensor(storage: storage, shape: [1, 1 << 62, 0, 3], strides: [0, 0, 0, 1], offset: 0)
    let bb = Tensor(storage: storage, shape: [1 << 62, 1, 3, 0], strides: [0, 0, 1, 1], offset: 0)
    #expect(throws: TensorError.self) { try a.matmul(bb) }
    let c = try Tensor(zeros: [1 << 62, 0]), d = try Tensor(zeros: [0, 1 << 62])
    #expect(throws: TensorError.self) { try Tensor.einsum("ij,jk->ik", [c, d]) }
}

@Test func batchOffsetsAreChargedToTheMemoryBudget() throws {
    // A broadcast batch of 2^20 1x1 products: a 4 MB output, and 16 MB of batch offsets.
    let n = 1 << 20
    let a = try Tensor.ones([1, 1, 1]).expand([n, 1, 1])
    let tight = MemoryBudget(limit: 8 << 20)
    tight.makeCurrent()
    defer { MemoryBudget.clearCurrent() }
    var kind: TensorError.Kind?
    do { _ = try a.matmul(a) } catch let e as TensorError { kind = e.kind }
    #expect(kind == .memoryError)
    #expect(tight.usedBytes == 0)  // the output charged before it was refunded
    let roomy = MemoryBudget(limit: 64 << 20)
    roomy.makeCurrent()
    let out = try a.matmul(a)
    #expect(out.shape == [n, 1, 1] && out.scalars().allSatisfy { $0 == 1 })
    #expect(roomy.usedBytes == 4 << 20)  // the offsets are refunded once the product is done
}
