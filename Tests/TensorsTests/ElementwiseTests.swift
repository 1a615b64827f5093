import Testing
import Tensors

func f32(_ v: [Double], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(v, shape: shape ?? [v.count], dtype: .float32) }
func i64(_ v: [Int64], _ shape: [Int]? = nil) throws -> Tensor { try Tensor(ints: v, shape: shape ?? [v.count]) }
func bools(_ v: [Bool]) throws -> Tensor { try Tensor(bools: v, shape: [v.count]) }
/// A Python number as the language passes it: a 0-d tensor of its category's dtype.
func num(_ v: Double) -> Tensor { Tensor(scalar: v, dtype: .float32) }
func num(_ v: Int) -> Tensor { Tensor(scalar: Double(v), dtype: .int64) }

/// Checks dtype, shape and values (floats within a relative 1e-6 of PyTorch's).
func expectTensor(_ t: Tensor, _ dtype: DType, _ shape: [Int], _ values: [Double],
                  sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(t.dtype == dtype, sourceLocation: sourceLocation)
    #expect(t.shape == shape, sourceLocation: sourceLocation)
    let got = t.scalars()
    #expect(got.count == values.count, sourceLocation: sourceLocation)
    for (g, w) in zip(got, values) {
        let ok = (g.isNaN && w.isNaN) || g == w || Swift.abs(g - w) <= 1e-6 * Swift.max(1, Swift.abs(w))
        #expect(ok, "got \(got), want \(values)", sourceLocation: sourceLocation)
        if !ok { break }
    }
}

@Suite struct ElementwiseTests {
    let a = try! f32([1, -2, 3, 4, 5, -6], [2, 3])
    let i = try! i64([7, -7, 8])
    let b = try! bools([true, false, true])

    @Test func broadcastingAndPromotion() throws {
        expectTensor(try a.add(f32([10, 20, 30])), .float32, [2, 3], [11, 18, 33, 14, 25, 24])
        expectTensor(try i.mul(num(2.5)), .float32, [3], [17.5, -17.5, 20])
        expectTensor(try i.add(num(2)), .int64, [3], [9, -5, 10])
        expectTensor(try b.add(num(1)), .int64, [3], [2, 1, 2])
        expectTensor(try b.add(b), .bool, [3], [1, 0, 1])
        expectTensor(try b.mul(b), .bool, [3], [1, 0, 1])
        expectTensor(try i.div(i64([2, 2, 3])), .float32, [3], [3.5, -3.5, 2.6666667461395264])
        expectTensor(try a.add(num(2)), .float32, [2, 3], [3, 0, 5, 6, 7, -4])
        expectTensor(try i.add(num(2.0)), .float32, [3], [9, -5, 10])
        expectTensor(try num(10).sub(i), .int64, [3], [3, 17, 2])
        expectError(.runtimeError, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 1") {
            _ = try Tensor.zeros([2, 3]).add(Tensor.zeros([4]))
        }
        let col = try f32([1, 2], [2, 1]), row = try f32([10, 20, 30], [1, 3])
        expectTensor(try col.mul(row), .float32, [2, 3], [10, 20, 30, 20, 40, 60])
    }

    @Test func floorDivideAndRemainderFollowPython() throws {
        let x = try i64([7, -7, 7, -7]), y = try i64([2, 2, -2, -2])
        expectTensor(try x.floorDivide(y), .int64, [4], [3, -4, -4, 3])
        expectTensor(try x.remainder(y), .int64, [4], [1, 1, -1, -1])
        let p = try f32([7.5, -7.5, 7.5, -7.5]), q = try f32([2, 2, -2, -2])
        expectTensor(try p.floorDivide(q), .float32, [4], [3, -4, -4, 3])
        expectTensor(try p.remainder(q), .float32, [4], [1.5, 0.5, -0.5, -1.5])
        expectError(.runtimeError, "ZeroDivisionError") { _ = try i64([1, 2]).floorDivide(i64([0, 1])) }
        expectError(.runtimeError, "ZeroDivisionError") { _ = try i64([1, 2]).remainder(num(0)) }
        expectTensor(try i64([Int64.min]).floorDivide(num(-1)), .int64, [1], [Double(Int64.min)])
    }

    @Test func pow() throws {
        expectTensor(try i.pow(num(2)), .int64, [3], [49, 49, 64])
        // A tensor exponent < 0 computes (PyTorch: only a Python-int exponent is refused).
        expectTensor(try i.pow(num(-1)), .int64, [3], [0, 0, 0])
        expectTensor(try i64([2, 1, -1, -1, 0]).pow(i64([-1, -5, -3, -2, -1])), .int64, [5], [0, 1, -1, 1, 0])
        // 3**63 wraps as int64 arithmetic does in PyTorch: checked exactly, not through a Double.
        let wrapped = try i64([3]).pow(i64([63]))
        #expect(wrapped.dtype == .int64 && wrapped.shape == [1])
        #expect(wrapped.storage.ints[wrapped.offset] == -3237885987332494933)
        expectTensor(try f32([4, 2]).pow(0.5), .float32, [2], [2, 1.4142135381698608])
        expectTensor(try f32([2, 3]).pow(f32([3, -1])), .float32, [2], [8, 0.3333333432674408])
        expectTensor(try i.pow(num(0.5)), .float32, [3], [2.6457513110645907, .nan, 2.8284270763397217])
    }

    @Test func comparisonsAndLogic() throws {
        expectTensor(try i64([1, 2, 3]).lt(f32([2, 2, 2])), .bool, [3], [1, 0, 0])
        expectTensor(try i64([1, 2, 3]).eq(num(2)), .bool, [3], [0, 1, 0])
        expectTensor(try i64([1, 2, 3]).ge(num(2)), .bool, [3], [0, 1, 1])
        expectTensor(try i64([1, 2, 3]).ne(num(2)), .bool, [3], [1, 0, 1])
        expectTensor(try f32([1, .nan]).le(f32([1, 1])), .bool, [2], [1, 0])
        expectTensor(try f32([1, 2]).gt(f32([1, 1])), .bool, [2], [0, 1])
        expectTensor(try b.bitwiseAnd(bools([true, true, false])), .bool, [3], [1, 0, 0])
        expectTensor(try b.bitwiseOr(bools([false, false, false])), .bool, [3], [1, 0, 1])
        expectTensor(try b.bitwiseXor(bools([true, true, false])), .bool, [3], [0, 1, 1])
        expectTensor(try i64([12, 10]).bitwiseAnd(i64([10, 6])), .int64, [2], [8, 2])
        expectError(.notImplementedError, "\"bitwise_and_cpu\" not implemented for 'Float'") { _ = try f32([1]).bitwiseAnd(f32([1])) }
        expectTensor(try b.bitwiseNot(), .bool, [3], [0, 1, 0])
        expectTensor(try i64([0, 5]).bitwiseNot(), .int64, [2], [-1, -6])
        expectTensor(try f32([1, .nan, 3]).maximum(f32([2, 1, 1])), .float32, [3], [2, .nan, 3])
        expectTensor(try i64([1, 5]).minimum(f32([2.5, 1])), .float32, [2], [1, 1])
    }

    @Test func boolErrors() throws {
        expectError(.notImplementedError, "\"div_floor_cpu\" not implemented for 'Bool'") { _ = try b.floorDivide(b) }
        expectError(.notImplementedError, "\"remainder_cpu\" not implemented for 'Bool'") { _ = try b.remainder(b) }
        expectError(.notImplementedError, "Boolean inputs not supported for relu") { _ = try b.relu() }
        expectError(.runtimeError, "torch.clamp: At least one of 'min' or 'max' must not be None") { _ = try f32([1]).clamp(min: nil, max: nil) }
        expectError(.notImplementedError, "Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.") { _ = try b.sub(b) }
        expectError(.notImplementedError, "Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.") { _ = try b.neg() }
    }

    @Test func unary() throws {
        expectTensor(try f32([0.5, 1, 4]).sqrt(), .float32, [3], [0.7071067690849304, 1, 2])
        expectTensor(try f32([0.5, -1, 2]).exp(), .float32, [3], [1.6487212181091309, 0.3678794503211975, 7.389056205749512])
        expectTensor(try f32([0.5, 1, 4]).log(), .float32, [3], [-0.6931471824645996, 0, 1.3862943649291992])
        expectTensor(try f32([-2, 0, 3]).sigmoid(), .float32, [3], [0.11920291930437088, 0.5, 0.9525741338729858])
        expectTensor(try f32([-2, 0, 0.5]).tanh(), .float32, [3], [-0.9640275835990906, 0, 0.46211716532707214])
        expectTensor(try i64([1, 4]).sqrt(), .float32, [2], [1, 2])
        expectTensor(try f32([-1.5, 0, 2]).relu(), .float32, [3], [0, 0, 2])
        expectTensor(try i64([-3, 0, 2]).relu(), .int64, [3], [0, 0, 2])
        expectTensor(try f32([-2.5, -1.5, -0.5, 0.5, 1.5, 2.5]).round(), .float32, [6], [-2, -2, -0.0, 0, 2, 2])
        expectTensor(try f32([-2.5, -1.5, 2.5]).floor(), .float32, [3], [-3, -2, 2])
        expectTensor(try f32([-2.5, -1.5, 2.5]).ceil(), .float32, [3], [-2, -1, 3])
        expectTensor(try f32([-2.5, 0, 2.5]).sign(), .float32, [3], [-1, 0, 1])
        expectTensor(try i64([-3, 0, 2]).sign(), .int64, [3], [-1, 0, 1])
        expectTensor(try i64([-3, 0, 2]).absolute(), .int64, [3], [3, 0, 2])
        expectTensor(try f32([-3, 0, 2]).neg(), .float32, [3], [3, 0, -2])
    }

    @Test func clamp() throws {
        expectTensor(try f32([-3, 0.5, 2]).clamp(min: num(-1), max: num(1)), .float32, [3], [-1, 0.5, 1])
        expectTensor(try i64([-3, 0, 2]).clamp(min: num(-1), max: nil), .int64, [3], [-1, 0, 2])
        expectTensor(try i64([-3, 0, 2]).clamp(min: num(0.5), max: nil), .float32, [3], [0.5, 0.5, 2])
        expectTensor(try f32([-3, 0.5, 2]).clamp(min: num(2), max: num(1)), .float32, [3], [1, 1, 1])
        expectTensor(try f32([-3, 0.5, 2]).clampMax(num(0)), .float32, [3], [-3, 0, 0])
        expectTensor(try f32([-3, 0.5, 2]).clampMin(num(0)), .float32, [3], [0, 0.5, 2])
        let x = try f32([-3, 0.5, 2])
        try x.clamp_(min: num(0), max: nil)
        expectTensor(x, .float32, [3], [0, 0.5, 2])
        expectError(.runtimeError, "result type Float can't be cast to the desired output type Long") {
            try i64([1]).clamp_(min: num(0.5), max: nil)
        }
    }

    @Test func inPlaceWritesThroughViews() throws {
        let x = try Tensor.zeros([3, 4])
        let v = try x.index([.slice(start: 1, stop: 3, step: nil), .slice(start: 1, stop: 3, step: nil)])
        try v.add_(num(100.0))
        expectTensor(x, .float32, [3, 4], [0, 0, 0, 0, 0, 100, 100, 0, 0, 100, 100, 0])
        try v.mul_(f32([1, 2]))
        try v.sub_(num(1))
        try v.div_(num(2))
        expectTensor(x, .float32, [3, 4], [0, 0, 0, 0, 0, 49.5, 99.5, 0, 0, 49.5, 99.5, 0])
        let n = try i64([1, 2, 3])
        try n.add_(b)
        expectTensor(n, .int64, [3], [2, 2, 4])
        expectError(.runtimeError, "result type Float can't be cast to the desired output type Long") { try n.add_(num(2.5)) }
        expectError(.runtimeError, "result type Float can't be cast to the desired output type Long") { try n.div_(num(2)) }
        expectError(.runtimeError, "output with shape [3] doesn't match the broadcast shape [2, 3]") {
            try n.add_(Tensor.zeros([2, 3], dtype: .int64))
        }
        // Aliasing: the same view is fine, a partial overlap is PyTorch's error.
        let m = try f32([1, 2, 3, 4], [2, 2])
        try m.add_(m)
        expectTensor(m, .float32, [2, 2], [2, 4, 6, 8])
        expectError(.runtimeError, "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.") {
            try m.add_(m.t())
        }
        // Strided aliases are not judged (PyTorch computes them, reading the source first).
        let col0 = try m.index([.slice(start: nil, stop: nil, step: nil), .int(0)])
        let col1 = try m.index([.slice(start: nil, stop: nil, step: nil), .int(1)])
        try col0.add_(col1)
        expectTensor(m, .float32, [2, 2], [6, 4, 14, 8])
        try col0.sub_(col1)
        // copy_ between dense views of one storage that partly coincide is refused.
        let w = try f32([0, 1, 2, 3])
        let lo = try w.index([TensorIndex.slice(start: 0, stop: 2, step: nil)]), hi = try w.index([TensorIndex.slice(start: 1, stop: 3, step: nil)])
        expectError(.runtimeError, "unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.") {
            try hi.copy_(lo)
        }
        try w.indexPut([TensorIndex.slice(start: 0, stop: 2, step: nil)], try w.index([TensorIndex.int(1)]))
        expectTensor(w, .float32, [4], [1, 1, 2, 3])
        let row0 = try m.index([.int(0)]), row1 = try m.index([.int(1)])
        try row0.add_(row1)
        expectTensor(m, .float32, [2, 2], [8, 12, 6, 8])
        let e = try Tensor.zeros([3]).expand([2, 3])
        let overlapMessage = "unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation."
        expectError(.runtimeError, overlapMessage) { try e.add_(num(1.0)) }
        expectError(.runtimeError, overlapMessage) { try e.copy_(Tensor.ones([2, 3])) }
        expectError(.runtimeError, overlapMessage) { try e.clamp_(min: num(0.0), max: num(1.0)) }
        try e.fill_(1)
        #expect(e.scalars() == [1, 1, 1, 1, 1, 1])
        let z = try f32([1, 2, 3])
        try z.zero_()
        expectTensor(z, .float32, [3], [0, 0, 0])
        try z.fill_(2.5)
        expectTensor(z, .float32, [3], [2.5, 2.5, 2.5])
        let s = try Tensor.zeros([2, 3]).index([.slice(start: nil, stop: nil, step: 2), .slice(start: nil, stop: nil, step: 2)])
        try s.fill_(1)
        #expect(s.scalars() == [1, 1])
    }

    @Test func stridedAndExpandedOperands() throws {
        let x = try iota([3, 4]).float()
        let t = x.T
        expectTensor(try t.add(t), .float32, [4, 3], [0, 8, 16, 2, 10, 18, 4, 12, 20, 6, 14, 22])
        expectTensor(try x.index([.slice(start: nil, stop: nil, step: 2), .slice(start: 1, stop: nil, step: 2)]).mul(num(2.0)),
                     .float32, [2, 2], [2, 6, 18, 22])
        expectTensor(try Tensor.full([2, 2], 3).sub(f32([1, 2], [2, 1])), .float32, [2, 2], [2, 2, 1, 1])
    }
}

/// PyTorch reports the first mismatch met scanning from the trailing dim, numbered in the
/// result's rank (messages from torch 2.x).
@Suite struct BroadcastErrorTests {
    @Test(arguments: [
        ([2, 3], [3, 2], "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1"),
        ([4, 2, 3], [3, 3], "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 1"),
        ([2, 3], [5, 4, 3], "The size of tensor a (2) must match the size of tensor b (4) at non-singleton dimension 1"),
        ([2, 3, 4], [3, 2, 4], "The size of tensor a (3) must match the size of tensor b (2) at non-singleton dimension 1"),
        ([7, 1, 2], [7, 5, 3], "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 2"),
        ([2], [3], "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0"),
    ])
    func mismatchMessage(a: [Int], b: [Int], message: String) {
        do {
            _ = try Tensor.broadcastShapes(a, b)
            Issue.record("expected an error")
        } catch let e as TensorError {
            #expect(e.message == message)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
