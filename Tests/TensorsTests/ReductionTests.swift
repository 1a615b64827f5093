import Testing
import Tensors

@Suite struct ReductionTests {
    let x = try! f32([1, 5, 3, 4, 2, 6], [2, 3])
    let i = try! i64([1, 5, 3, 4, 2, 6], [2, 3])
    let b = try! bools([true, false, true])

    @Test func sum() throws {
        expectTensor(try x.sum(), .float32, [], [21])
        expectTensor(try x.sum(dim: 0), .float32, [3], [5, 7, 9])
        expectTensor(try x.sum(dim: 1, keepdim: true), .float32, [2, 1], [9, 12])
        expectTensor(try x.sum(dims: [0, 1]), .float32, [], [21])
        expectTensor(try x.sum(dim: -1), .float32, [2], [9, 12])
        expectTensor(try i.sum(), .int64, [], [21])
        expectTensor(try b.sum(), .int64, [], [2])
        expectTensor(try i.sum(dim: 0), .int64, [3], [5, 7, 9])
        expectTensor(try Tensor.zeros([0]).sum(), .float32, [], [0])
        let y = try Tensor.arange(0, 24, 1).float().view([2, 3, 4])
        expectTensor(try y.sum(dims: [0, 2]), .float32, [3], [60, 92, 124])
        expectTensor(try y.transpose(0, 2).sum(dims: [1], keepdim: true), .float32, [4, 1, 2],
                     [12, 48, 15, 51, 18, 54, 21, 57])
        expectError(.runtimeError, "dim 0 appears multiple times in the list of dims") { _ = try x.sum(dims: [0, 0]) }
        expectError(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)") { _ = try x.sum(dim: 2) }
        expectTensor(try Tensor(scalar: 3, dtype: .float32).sum(dim: 0), .float32, [], [3])
    }

    @Test func meanVarStd() throws {
        expectTensor(try x.mean(), .float32, [], [3.5])
        expectTensor(try x.mean(dim: 0), .float32, [3], [2.5, 3.5, 4.5])
        expectTensor(try x.std(), .float32, [], [1.8708287477493286])
        expectTensor(try x.var(dim: 1), .float32, [2], [4, 4])
        expectTensor(try x.std(dim: 0, keepdim: true), .float32, [1, 3], [2.1213202476501465, 2.1213202476501465, 2.1213202476501465])
        let y = try Tensor.arange(0, 24, 1).float().view([2, 3, 4])
        expectTensor(try y.transpose(0, 2).var(dims: [1]), .float32, [4, 2], [16, 16, 16, 16, 16, 16, 16, 16])
        expectTensor(try f32([2]).std(), .float32, [], [.nan])
        expectTensor(try Tensor.zeros([0]).mean(), .float32, [], [.nan])
        expectError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Long") { _ = try i.mean() }
        expectError(.notImplementedError, "mean(): could not infer output dtype. Input dtype must be either a floating point or complex dtype. Got: Bool") { _ = try b.mean() }
        expectError(.notImplementedError, "std and var only support floating point and complex dtypes") { _ = try i.std() }
    }

    @Test func varianceIsCentredAccurately() throws {
        let x = try Tensor.arange(0, 1000, 1).float().mul(num(0.001)).add(num(1000))
        expectTensor(try x.var(), .float32, [], [0.08341662585735321])
        expectTensor(try x.std(), .float32, [], [0.2888193726539612])
        let y = try Tensor.arange(0, 120, 1).float().mul(num(0.37)).remainder(num(5)).add(num(100)).view([4, 5, 6])
        let want = [1.9170149564743042, 2.4039690494537354, 1.9094045162200928, 2.2735366821289062, 2.1431002616882324]
        expectTensor(try y.var(dims: [0, 2]), .float32, [5], want)
        expectTensor(try y.transpose(0, 2).var(dims: [0, 2]), .float32, [5], want)
        let s = try y.std(dim: 1).scalars()
        for (g, w) in zip(s[0..<5], [1.78072988986969, 1.780728816986084, 1.780731439590454, 1.7807285785675049, 1.4390957355499268]) {
            #expect(Swift.abs(g - w) < 1e-5)
        }
    }

    @Test func meanOfManyFloatsIsAccurate() throws {
        // 0.1 is not exact in float32; a naive float32 running sum of 10M of them drifts to
        // ~1087937 (mean 0.1088). PyTorch prints mean 0.1000.
        let n = 10_000_000
        let t = try Tensor.full([n], 0.1)
        let m = try t.mean().item()
        #expect(Swift.abs(m - 0.1) < 1e-7)
        let s = try t.view([1000, 10_000]).sum(dim: 1).scalars()
        #expect(s.allSatisfy { Swift.abs($0 - 1000) < 1e-3 })
    }

    @Test func maxMinArg() throws {
        expectTensor(try x.amax(), .float32, [], [6])
        expectTensor(try x.amin(), .float32, [], [1])
        let (v, ix) = try x.maxWithIndices(dim: 1)
        expectTensor(v, .float32, [2], [5, 6])
        expectTensor(ix, .int64, [2], [1, 2])
        let (mv, mi) = try x.minWithIndices(dim: 0, keepdim: true)
        expectTensor(mv, .float32, [1, 3], [1, 2, 3])
        expectTensor(mi, .int64, [1, 3], [0, 1, 0])
        let (iv, ii) = try i.maxWithIndices(dim: 0)
        expectTensor(iv, .int64, [3], [4, 5, 6])
        expectTensor(ii, .int64, [3], [1, 0, 1])
        expectTensor(try x.argmax(), .int64, [], [5])
        expectTensor(try x.argmin(), .int64, [], [0])
        expectTensor(try x.argmax(dim: 1), .int64, [2], [1, 2])
        expectTensor(try x.argmax(dim: 0, keepdim: true), .int64, [1, 3], [1, 0, 1])
        let nan = try f32([1, 3, 3, .nan, 0])
        expectTensor(try nan.argmax(), .int64, [], [3])
        expectTensor(try nan.amax(), .float32, [], [.nan])
        expectTensor(try f32([1, 3, 3]).argmax(), .int64, [], [1])
        expectTensor(try x.amax(dims: [1]), .float32, [2], [5, 6])
        expectTensor(try x.amax(dims: [0, 1]), .float32, [], [6])
        expectTensor(try b.amax(), .bool, [], [1])
        let (bv, bi) = try Tensor(bools: [true, false, false, false], shape: [2, 2]).maxWithIndices(dim: 1)
        expectTensor(bv, .bool, [2], [1, 0])
        expectTensor(bi, .int64, [2], [0, 0])
        let (sv, si) = try Tensor(scalar: 3, dtype: .float32).maxWithIndices(dim: 0)
        expectTensor(sv, .float32, [], [3])
        expectTensor(si, .int64, [], [0])
        expectError(.runtimeError, "max(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.") { _ = try Tensor.zeros([0]).amax() }
        expectError(.indexError, "max(): Expected reduction dim 0 to have non-zero size.") { _ = try Tensor.zeros([0, 3]).maxWithIndices(dim: 0) }
        expectError(.indexError, "argmax(): Expected reduction dim to be specified for input.numel() == 0.") { _ = try Tensor.zeros([0]).argmax() }
    }
}

@Suite struct ExtremeValueTests {
    @Test func simdMaxMinMatchTheScan() throws {
        for n in [1, 5, 8, 9, 31, 100] {
            let vals = (0..<n).map { Double(($0 * 37) % 23) - 11.5 }
            let t = try Tensor(vals, shape: [n])
            expectTensor(try t.amax(), .float32, [], [vals.max()!])
            expectTensor(try t.amin(), .float32, [], [vals.min()!])
            for k in [0, n / 2, n - 1] {
                var withNaN = vals
                withNaN[k] = .nan
                expectTensor(try Tensor(withNaN, shape: [n]).amax(), .float32, [], [.nan])
                expectTensor(try Tensor(withNaN, shape: [n]).amin(), .float32, [], [.nan])
            }
        }
        expectTensor(try f32([-.infinity, -3]).amax(), .float32, [], [-3])
    }
}
