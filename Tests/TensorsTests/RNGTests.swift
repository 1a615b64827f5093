import Testing
import Tensors

private func bits(_ t: Tensor) -> [UInt32] { t.scalars().map { Float($0).bitPattern } }
private func ints(_ t: Tensor) -> [Int64] { t.scalars().map { Int64($0) } }

@Test func randnSmallUsesScalarPath() throws {
    let g = Generator(seed: 0)
    #expect(bits(try Tensor.randn([5], generator: g)) == randn5Seed0)
    g.manualSeed(UInt64(42))
    let t = try Tensor.randn([2, 3], generator: g)
    #expect(t.shape == [2, 3])
    #expect(bits(t) == randn2x3Seed42)
}

@Test func randnCachesSecondNormalUntilReseeded() throws {
    let g = Generator(seed: 0)
    let a = try Tensor.randn([3], generator: g)
    let b = try Tensor.randn([3], generator: g)
    #expect(bits(a) + bits(b) == randn3Twice)
    g.manualSeed(UInt64(0))
    _ = try Tensor.randn([3], generator: g)
    #expect(bits(try Tensor.randn([1], generator: g)) == randn1AfterRandn3)
}

@Test func randnVectorPathMatchesTorch() throws {
    let g = Generator(seed: 42)
    #expect(bits(try Tensor.randn([20], generator: g)) == randn20Seed42)
    g.manualSeed(UInt64(7))
    #expect(bits(try Tensor.randn([37], generator: g)) == randn37Seed7)
    g.manualSeed(UInt64(1))
    let big = bits(try Tensor.randn([5000], generator: g))
    for (i, expected) in randn5000Seed1Picks { #expect(big[i] == expected, "element \(i)") }
}

@Test func negativeSeedWrapsLikePyTorch() throws {
    let g = Generator()
    g.manualSeed(Int64(-1))
    #expect(bits(try Tensor.randn([2], generator: g)) == randn2SeedMinus1)
}

@Test func randMatchesTorch() throws {
    let g = Generator(seed: 3)
    #expect(bits(try Tensor.rand([6], generator: g)) == rand6Seed3)
    g.manualSeed(UInt64(3))
    #expect(bits(try Tensor.rand([40], generator: g)) == rand40Seed3)
}

@Test func randintMatchesTorch() throws {
    let g = Generator(seed: 0)
    let a = try Tensor.randint(low: 0, high: 10, [8], generator: g)
    #expect(a.dtype == .int64)
    #expect(ints(a) == randint10Seed0)
    g.manualSeed(UInt64(5))
    #expect(ints(try Tensor.randint(low: -3, high: 3, [2, 4], generator: g)) == randintNegSeed5)
    g.manualSeed(UInt64(5))
    let huge = try Tensor.randint(low: -(1 << 40), high: 1 << 41, [5], generator: g)
    #expect(huge.scalars().count == 5)
    var got = [Int64]()
    huge.forEachStorageIndex { got.append(huge.storage.ints[$0]) }
    #expect(got == randintHugeSeed5)
}

@Test func randintRejectsEmptyRange() {
    let g = Generator()
    #expect(throws: TensorError.runtime(randintEmptyRangeMessage)) {
        try Tensor.randint(low: 5, high: 5, [3], generator: g)
    }
}

@Test func normalFillMatchesTorch() throws {
    let g = Generator(seed: 9)
    let w = try Tensor(zeros: [4, 8])
    try w.normal_(mean: 0, std: 0.5, generator: g)
    #expect(bits(w) == normal4x8Seed9)
    g.manualSeed(UInt64(9))
    let v = try Tensor(zeros: [5])
    try v.normal_(mean: 1.5, std: 0.25, generator: g)
    #expect(bits(v) == normal5Seed9)
}

@Test func sameSeedSameNumbers() throws {
    let a = try Tensor.randn([100], generator: Generator(seed: 123))
    let b = try Tensor.randn([100], generator: Generator(seed: 123))
    let c = try Tensor.randn([100], generator: Generator(seed: 124))
    #expect(bits(a) == bits(b))
    #expect(bits(a) != bits(c))
}

@Test func seededRandnPrintsLikeTorch() throws {
    let g = Generator(seed: 0)
    #expect(try Tensor.randn([3, 4], generator: g).description == reprRandn3x4Seed0)
}

// Bit patterns produced by PyTorch 2.15 (CPU) with the same seeds.
let randn5Seed0: [UInt32] = [0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1]
let randn3Twice: [UInt32] = [0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1, 0xbfb3052d]
let randn2x3Seed42: [UInt32] = [0x3eac62ae, 0x3e03e69d, 0x3e7016e7, 0x3e6bdc6c, 0xbf8fb9c2, 0xbe3eccd8]
let randn20Seed42: [UInt32] = [0x3ff6a529, 0x3fbe5f53, 0x3f669567, 0xc006c0db, 0xbf4214e2, 0x3f8a0650, 0x3f4d0144, 0x3fd71e93, 0x3eb63345, 0xbf2fc686, 0xbefc9934, 0x3e774893, 0xbe6d2eed, 0x3d2b0c00, 0xbe80ce7a, 0x3f5c1fb0, 0xbe9e9482, 0xbeca9a91, 0x3f4dac3c, 0xbf1f20e0]
let randn37Seed7: [UInt32] = [0xbf51f456, 0x3eca902b, 0x3f661ede, 0xbfb1b738, 0xbe2b0101, 0x3e91ff2d, 0xbf241e93, 0xbf64c69a, 0x3f6d31ec, 0xbf091754, 0xbf9471b7, 0xbeeb99b8, 0x3f3562d1, 0x3f81a1f8, 0x3e6bed28, 0x3f8b8a88, 0xbfca94c1, 0xbea62d99, 0x3ff6933b, 0xbea8f74c, 0x3e4b352e, 0xbf297027, 0xbf54156f, 0xbf1b0ddd, 0xbe0aaff8, 0x3f3f4324, 0x3f1c9ff5, 0x3fef1388, 0x4020be1a, 0xbe801162, 0x3f00497f, 0x3e852377, 0xbfd189ea, 0x3e217f3b, 0x3eca9e8e, 0xbfaf1218, 0xbdce4dcb]
let randn5000Seed1Picks: [(Int, UInt32)] = [(0, 0xbfc346ba), (1, 0xbf400f31), (15, 0x3eef6dec), (16, 0xbf326cc9), (4983, 0xbf44b5e8), (4984, 0xbf985113), (4999, 0xbfc6f092)]
let rand6Seed3: [UInt32] = [0x3b8bb500, 0x3dd834c0, 0x3e9259f2, 0x3cdcd060, 0x3ef17770, 0x3d763c80]
let rand40Seed3: [UInt32] = [0x3b8bb500, 0x3dd834c0, 0x3e9259f2, 0x3cdcd060, 0x3ef17770, 0x3d763c80, 0x3f459900, 0x3f3e6315, 0x3f182bfd, 0x3f634a93, 0x3ee6ed94, 0x3f4cab6b, 0x3e196fe4, 0x3ecd8d52, 0x3d5de8a0, 0x3eeb372a, 0x3e33d1dc, 0x3f72fda6, 0x3f58e9e0, 0x3f5ff694, 0x3f25f7ac, 0x3e5be974, 0x3f7305a7, 0x3c466380, 0x3e3937e0, 0x3e403868, 0x3e95e2a2, 0x3f1985da, 0x3df854b0, 0x3deb1a10, 0x3e859204, 0x3f4e1fbf, 0x3e0eb4f0, 0x3d532810, 0x3d887d98, 0x3e8206b4, 0x3ebcbc8a, 0x3b8db400, 0x3e8824dc, 0x3f027661]
let randint10Seed0: [Int64] = [4, 9, 3, 0, 3, 9, 7, 3]
let randintNegSeed5: [Int64] = [2, -3, -2, 0, -1, 1, 1, 2]
let randintHugeSeed5: [Int64] = [1524950386894, 2129579337405, -110106911626, 622681974857, 34745516772]
let normal4x8Seed9: [UInt32] = [0xbf08a064, 0xbeb79d64, 0x3f0b7bec, 0xbf498f3c, 0x3f3916e4, 0x3e9e7f04, 0xbec61080, 0xbf9dcbd3, 0x3eff2f5f, 0x3e67a56b, 0xbe31564e, 0xbeb97876, 0x3f5a5c78, 0x3f8e9b1f, 0xbd0abe1b, 0x3deea987, 0xbf12585b, 0x3ed4301f, 0x3ef41341, 0x3e16ebce, 0x3f420857, 0xbf4356c3, 0xbf453d3a, 0xbecaa6dc, 0x3e4b5611, 0x3e4fc459, 0xbe87038b, 0xbf30e6ca, 0xbe0c8695, 0xbf0748de, 0xbf490758, 0xbf3529cd]
let normal5Seed9: [UInt32] = [0x3fc16e68, 0x3ffd28df, 0x3fb89b65, 0x3fcb11d8, 0x3fea2d4a]
let reprRandn3x4Seed0 = "tensor([[ 1.5410, -0.2934, -2.1788,  0.5684],\n        [-1.0845, -1.3986,  0.4033,  0.8380],\n        [-0.7193, -0.4033, -0.5966,  0.1820]])"
let randn1AfterRandn3: [UInt32] = [0x3f1184b6]
let randn2SeedMinus1: [UInt32] = [0x3f9c2132, 0xbec9349b]
let randintEmptyRangeMessage = "random_ expects 'from' to be less than 'to', but got from=5 >= to=5"

@Test func rngErrorsAreWordedLikePyTorch() throws {
    let g = Generator()
    // Messages raised by PyTorch 2.15 for the same calls.
    #expect(throws: TensorError(.notImplementedError, "\"normal_kernel_cpu\" not implemented for 'Long'")) {
        try Tensor(zeros: [3], dtype: .int64).normal_(generator: g)
    }
    #expect(throws: TensorError(.notImplementedError, "\"normal_kernel_cpu\" not implemented for 'Bool'")) {
        try Tensor(zeros: [3], dtype: .bool).normal_(generator: g)
    }
    #expect(throws: TensorError(.notImplementedError, "\"check_uniform_bounds\" not implemented for 'Long'")) {
        try Tensor(zeros: [3], dtype: .int64).uniform_(generator: g)
    }
    #expect(throws: TensorError.runtime("normal expects std >= 0.0, but found std -1")) {
        try Tensor(zeros: [3]).normal_(mean: 0, std: -1, generator: g)
    }
    #expect(throws: TensorError.runtime("uniform_ expects to return a [from, to) range, but found from=2 > to=1")) {
        try Tensor(zeros: [3]).uniform_(from: 2, to: 1, generator: g)
    }
    #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -1: [-1]")) {
        try Tensor.randn([-1], generator: g)
    }
    #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -2: [-2]")) {
        try Tensor.randint(low: 0, high: 10, [-2], generator: g)
    }
    #expect(throws: TensorError.runtime("random_ expects 'from' to be less than 'to', but got from=3 >= to=1")) {
        try Tensor.randint(low: 3, high: 1, [2], generator: g)
    }
}

@Test func stridedFillsFollowMemoryOrderLikePyTorch() throws {
    // Bit patterns from PyTorch 2.15: manual_seed(0), then fill a transposed or strided view.
    let g = Generator(seed: 0)
    let base = try Tensor(zeros: [3, 4])
    let w = try base.t()
    try w.normal_(generator: g)
    #expect(bits(try w.contiguous()) == [0x3fc53f5c, 0xbf8ad1a1, 0xbf382144, 0xbe963c50, 0xbfb3052d, 0xbece830b, 0xc00b7149, 0x3ece837a, 0xbf18bd18, 0x3f1184b6, 0x3f5688e5, 0x3e3a67c6])
    g.manualSeed(UInt64(0))
    let u = try Tensor(zeros: [5, 6]).t()
    try u.uniform_(generator: g)
    #expect(bits(try u.contiguous()) == [0x3efe1558, 0x3efaed86, 0x3cb6e480, 0x3e24e4e8, 0x3ed6bcb0, 0x3f44aa2f, 0x3f657d67, 0x3e2ce95c, 0x3e908582, 0x3f0d8b51, 0x3db533a8, 0x3ee94812, 0x3e96788c, 0x3f2e7de6, 0x3f73e6a5, 0x3e073300, 0x3f21ded3, 0x3f04bdd8, 0x3f6a4a27, 0x3d142190, 0x3e9d6686, 0x3eb2a22a, 0x3f329a58, 0x3ecb50ae, 0x3e3dad34, 0x3f2252fb, 0x3ecdade4, 0x3f4ccd8c, 0x3f5fc8ae, 0x3ebf3090])
    g.manualSeed(UInt64(0))
    let wide = try Tensor(zeros: [2, 20])
    let everyOther = Tensor(storage: wide.storage, shape: [2, 10], strides: [20, 2], offset: 0)
    try everyOther.normal_(generator: g)
    #expect(bits(try everyOther.contiguous()) == [0x3fc53f5c, 0xbe963c50, 0xc00b7149, 0x3f1184b6, 0xbf8ad1a1, 0xbfb3052d, 0x3ece837a, 0x3f5688e5, 0xbf382144, 0xbece830b, 0xbf18bd18, 0x3e3a67c6, 0xbf5b4f07, 0x3f8ce099, 0xbf891cab, 0x3dfb4aca, 0xbf10fa2f, 0x3ebf08e2, 0xbf6459ce, 0xbfc12a71])
}

@Test func kaimingNormalMatchesTorch() throws {
    // Bit patterns from PyTorch 2.15's torch.nn.init.kaiming_normal_ after manual_seed.
    let g = Generator(seed: 0)
    let w = try Tensor(zeros: [4, 5])
    try w.kaimingNormal_(generator: g)
    #expect(bits(w) == [0xbf36487e, 0xbf3a93b9, 0xbe224888, 0xbe8c7f58, 0x3ec1ea1f, 0xbf7bc886, 0xbe5d13a6, 0x3f960243, 0x3e9793e3, 0xbdcc47b0, 0x3f69bdb3, 0x3e2c4d82, 0x3f60f34a, 0x3f806bac, 0x3f1936bf, 0xbf089939, 0x3f16deea, 0x3f4bd82d, 0x3fa24fd3, 0x3d0b351d])
    g.manualSeed(UInt64(0))
    try w.kaimingNormal_(mode: "fan_out", generator: g)
    #expect(bits(w) == [0xbf4bcc7d, 0xbf509977, 0xbe357033, 0xbe9d14b6, 0x3ed8cd94, 0xbf8cc04a, 0xbe772bdc, 0x3fa7b708, 0x3ea97810, 0xbde4645b, 0x3f82aa4a, 0x3e40a3ee, 0x3f7b808c, 0x3f8f941e, 0x3f2b4c5d, 0xbf18b8c8, 0x3f28adbb, 0x3f63e7af, 0x3fb5785a, 0x3d1ba381])
    g.manualSeed(UInt64(1))
    let conv = try Tensor(zeros: [3, 2, 2, 2])
    try conv.kaimingNormal_(a: 0.1, generator: g)
    #expect(bits(conv) == [0xbf424ea2, 0xbebf1b2f, 0xbea69697, 0xbf4cfddd, 0xbd4c1fd2, 0xbe9b2dac, 0xbef993b1, 0xbf4cf132, 0x3e5fb982, 0x3f152b72, 0x3f611ba3, 0xbd4254f7, 0x3d8e0216, 0xbf490ba0, 0xbe2357db, 0xbe18812b, 0xbecb62dd, 0x3e2b0a7c, 0x3e0c456a, 0x3f5a98b3, 0xbce4ce90, 0x3ee7fb91, 0xbf315745, 0x3fab3f59])
    g.manualSeed(UInt64(1))
    let t = try Tensor(zeros: [3, 4])
    try t.kaimingNormal_(nonlinearity: "tanh", generator: g)
    #expect(bits(t) == [0x3f0d16a6, 0x3e63c676, 0x3d528669, 0x3f048c36, 0xbec0d02f, 0xbe0dc3b4, 0xbfa26dbb, 0x3ea2da0f, 0xbf5b3921, 0xbef03c61, 0xbf3e5af6, 0xbd46d3c8])

    #expect(throws: TensorError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")) {
        try Tensor(zeros: [3]).kaimingNormal_(generator: g)
    }
    #expect(throws: TensorError.value("Mode fan not supported, please use one of ['fan_in', 'fan_out']")) {
        try Tensor(zeros: [3, 3]).kaimingNormal_(mode: "fan", generator: g)
    }
    #expect(throws: TensorError.value("Unsupported nonlinearity foo")) {
        try Tensor(zeros: [3, 3]).kaimingNormal_(nonlinearity: "foo", generator: g)
    }
    #expect(throws: TensorError(.notImplementedError, "\"normal_kernel_cpu\" not implemented for 'Long'")) {
        try Tensor(zeros: [3, 3], dtype: .int64).kaimingNormal_(generator: g)
    }
    try Tensor(zeros: [0, 3]).kaimingNormal_(generator: g)  // no-op, as in PyTorch
}

@Test func bulkUniformsContinueTheScalarStream() {
    // Draws straddling several twists, started mid-block, then mixed with scalar draws.
    let a = Generator(seed: 5), b = Generator(seed: 5)
    for _ in 0..<7 { _ = a.next32(); _ = b.next32() }
    var bulk = [Float](repeating: -1, count: 2000)
    bulk.withUnsafeMutableBufferPointer { a.fillUniformFloats($0.baseAddress!, count: 2000) }
    let scalar = (0..<2000).map { _ in b.nextUniformFloat() }
    #expect(bulk == scalar)
    #expect(a.next32() == b.next32())
}
