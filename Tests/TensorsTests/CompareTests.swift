import Testing
import Tensors

@Suite struct CompareTests {
    let x = try! f32([1, 0, 2, 3], [2, 2])

    @Test func allAny() throws {
        expectTensor(try x.all(), .bool, [], [0])
        expectTensor(try x.any(), .bool, [], [1])
        expectTensor(try x.all(dim: 1), .bool, [2], [0, 1])
        expectTensor(try x.any(dim: 0, keepdim: true), .bool, [1, 2], [1, 1])
        expectTensor(try i64([1, 2]).all(), .bool, [], [1])
        expectTensor(try Tensor.zeros([0]).all(), .bool, [], [1])
        expectTensor(try Tensor.zeros([0]).any(), .bool, [], [0])
    }

    @Test func allcloseAndEqual() throws {
        #expect(try !x.allclose(x.add(num(1e-6))))
        #expect(try x.allclose(x.add(num(1e-6)), rtol: 1e-3, atol: 1e-5))
        #expect(try !x.allclose(f32([1, 0])))
        #expect(try x.allclose(f32([1, 0, 2, 3], [2, 2])))
        #expect(try !f32([.nan]).allclose(f32([.nan])))
        #expect(try f32([.nan]).allclose(f32([.nan]), equalNan: true))
        expectError(.runtimeError, "Float did not match Long") { _ = try x.allclose(i64([1, 2])) }
        #expect(try x.equal(x.clone()))
        #expect(try !x.equal(x.index([.int(0)])))
        #expect(try i64([1, 2]).equal(f32([1, 2])))
    }

    @Test func iscloseFlagsInRowMajorOrder() throws {
        // A transposed operand and a broadcast one: flags follow the broadcast shape row by row.
        let m = try f32([1, 2, 3, 4, 5, 6], [2, 3])
        let t = try f32([1, 4, 2, 5.5, 3, 6], [3, 2]).t()
        expectTensor(try m.isclose(t), .bool, [2, 3], [1, 1, 1, 1, 0, 1])
        expectTensor(try m.isclose(f32([1, 9, 6])), .bool, [2, 3], [1, 0, 0, 0, 0, 1])
        // |x - y| must be finite: inf is close only to itself.
        expectTensor(try f32([1, .infinity, .infinity]).isclose(f32([.infinity, .infinity, -.infinity])),
                     .bool, [3], [0, 1, 0])
        expectTensor(try i64([1, 2]).isclose(i64([1, 3])), .bool, [2], [1, 0])
    }

    @Test func allcloseOverTwoHalves() throws {
        // Past 2^18 elements the flat scan runs on two threads; a miss in either half counts.
        let n = 300_000
        let x = try f32((0..<n).map { Double($0) })
        for miss in [5, n - 1] {
            let y = try x.clone()
            try y.indexPut([.int(miss)], -1.0)
            #expect(try !x.allclose(y))
            #expect(try x.isclose(y).sum().item() == Double(n - 1))
        }
        #expect(try x.allclose(x.clone()))
    }

    @Test func flattenAndSumToSize() throws {
        let t = try Tensor.zeros([2, 3, 4])
        #expect(try t.flatten().shape == [24])
        #expect(try t.flatten(startDim: 1).shape == [2, 12])
        #expect(try t.flatten(startDim: 0, endDim: 1).shape == [6, 4])
        #expect(try num(1.0).flatten().shape == [1])
        expectError(.runtimeError, "flatten() has invalid args: start_dim cannot come after end_dim") { _ = try t.flatten(startDim: 2, endDim: 1) }
        expectTensor(try Tensor.ones([2, 3, 4]).sumToSize([3, 1]), .float32, [3, 1], [8, 8, 8])
        expectTensor(try iota([2, 3]).sumToSize([1, 3]), .int64, [1, 3], [3, 5, 7])
        expectError(.runtimeError, "size {[4]} is not expandable to size {[2, 3]}.") { _ = try Tensor.ones([2, 3]).sumToSize([4]) }
    }
}
