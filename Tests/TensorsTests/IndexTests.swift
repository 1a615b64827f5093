import Testing
import Tensors

func sl(_ start: Int? = nil, _ stop: Int? = nil, _ step: Int? = nil) -> TensorIndex {
    .slice(start: start, stop: stop, step: step)
}

@Suite struct IndexTests {
    let x = try! iota([3, 4])
    let y = try! iota([2, 3, 4])

    @Test func basicIndexingGivesViews() throws {
        let r = try x.index([.int(1)])
        expectTensor(r, .int64, [4], [4, 5, 6, 7])
        #expect(r.storage === x.storage)
        expectTensor(try x.index([.int(-1), sl(1)]), .int64, [3], [9, 10, 11])
        let s = try x.index([sl(), sl(nil, nil, 2)])
        expectTensor(s, .int64, [3, 2], [0, 2, 4, 6, 8, 10])
        #expect(s.strides == [4, 2])
        #expect(s.storage === x.storage)
        expectTensor(try x.index([sl(1), sl(-3, -1)]), .int64, [2, 2], [5, 6, 9, 10])
        expectTensor(try x.index([.newAxis, .ellipsis, .int(1)]), .int64, [1, 3], [1, 5, 9])
        expectTensor(try x.index([.ellipsis, .newAxis]), .int64, [3, 4, 1], (0..<12).map(Double.init))
        expectTensor(try x.index([sl(10, 20)]), .int64, [0, 4], [])
        expectTensor(try x.index([sl(-100, 2)]), .int64, [2, 4], (0..<8).map(Double.init))
        expectTensor(try x.index([.ellipsis, .ellipsis]), .int64, [3, 4], (0..<12).map(Double.init))
    }

    @Test func masks() throws {
        expectTensor(try x.index([.tensor(x.gt(num(5)))]), .int64, [6], [6, 7, 8, 9, 10, 11])
        expectTensor(try x.index([.tensor(bools([true, false, true]))]), .int64, [2, 4], [0, 1, 2, 3, 8, 9, 10, 11])
        expectTensor(try x.index([sl(), .tensor(bools([true, false, true, false]))]), .int64, [3, 2], [0, 2, 4, 6, 8, 10])
        expectTensor(try x.index([.tensor(Tensor(bools: [true], shape: []))]), .int64, [1, 3, 4], (0..<12).map(Double.init))
        expectTensor(try x.index([.tensor(Tensor(bools: [false], shape: []))]), .int64, [0, 3, 4], [])
        expectError(.indexError, "The shape of the mask [4] at index 0 does not match the shape of the indexed tensor [3, 4] at index 0") {
            _ = try x.index([.tensor(bools([true, false, true, true]))])
        }
        expectError(.indexError, "The shape of the mask [3] at index 0 does not match the shape of the indexed tensor [3, 4] at index 1") {
            _ = try x.index([sl(), .tensor(bools([true, false, true]))])
        }
        expectError(.indexError, "The shape of the mask [3, 3] at index 1 does not match the shape of the indexed tensor [3, 4] at index 1") {
            _ = try x.index([.tensor(Tensor.ones([3, 3], dtype: .bool))])
        }
    }

    @Test func advancedIndexing() throws {
        let r = try x.index([.tensor(i64([2, 0]))])
        expectTensor(r, .int64, [2, 4], [8, 9, 10, 11, 0, 1, 2, 3])
        #expect(r.storage !== x.storage)
        expectTensor(try x.index([.tensor(i64([2, 0])), .tensor(i64([1, 3]))]), .int64, [2], [9, 3])
        expectTensor(try x.index([.tensor(i64([0, 2], [2, 1])), .tensor(i64([1, 3]))]), .int64, [2, 2], [1, 3, 9, 11])
        expectTensor(try x.index([sl(1), .tensor(i64([0, -1]))]), .int64, [2, 2], [4, 7, 8, 11])
        expectTensor(try x.index([.tensor(i64([0, 1])), sl(1, 3)]), .int64, [2, 2], [1, 2, 5, 6])
        // Advanced dims separated by a slice or None go first; an int is applied first.
        expectTensor(try y.index([.tensor(i64([0, 1])), sl(), .tensor(i64([0, 1]))]), .int64, [2, 3], [0, 4, 8, 13, 17, 21])
        expectTensor(try y.index([sl(), .tensor(i64([0, 2])), .tensor(i64([1, 3]))]), .int64, [2, 2], [1, 11, 13, 23])
        expectTensor(try y.index([.int(0), sl(), .tensor(i64([0, 1]))]), .int64, [3, 2], [0, 1, 4, 5, 8, 9])
        expectTensor(try y.index([sl(), .tensor(i64([0, 1])), .newAxis, .tensor(i64([1, 2]))]), .int64, [2, 2, 1], [1, 13, 6, 18])
        expectTensor(try y.index([.ellipsis, .tensor(i64([0, 2]))]), .int64, [2, 3, 2], [0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22])
    }

    @Test func indexErrors() throws {
        expectError(.indexError, "index 5 is out of bounds for dimension 0 with size 3") { _ = try x.index([.tensor(i64([0, 5]))]) }
        expectError(.indexError, "index 5 is out of bounds for dimension 0 with size 4") { _ = try x.index([sl(), .tensor(i64([0, 5]))]) }
        expectError(.indexError, "index -5 is out of bounds for dimension 0 with size 4") { _ = try x.index([sl(), .tensor(i64([-5]))]) }
        expectError(.indexError, "shape mismatch: indexing tensors could not be broadcast together with shapes [2], [3]") {
            _ = try x.index([.tensor(i64([0, 1])), .tensor(i64([0, 1, 2]))])
        }
        expectError(.indexError, "tensors used as indices must be long, int, byte or bool tensors") { _ = try x.index([.tensor(f32([0]))]) }
        expectError(.indexError, "index 5 is out of bounds for dimension 0 with size 3") { _ = try x.index([.int(5)]) }
        expectError(.indexError, "too many indices for tensor of dimension 2") { _ = try x.index([.int(1), .int(2), .int(3)]) }
        expectError(.valueError, "step must be greater than zero") { _ = try x.index([sl(nil, nil, -1)]) }
        expectError(.valueError, "slice step cannot be zero") { _ = try x.index([sl(nil, nil, 0)]) }
    }

    @Test func assignmentThroughEveryForm() throws {
        let z = try Tensor.zeros([3, 4])
        // x[1:3, 1:3] += 100. as the language runs it: get view, add, set.
        let v = try z.index([sl(1, 3), sl(1, 3)])
        try z.indexPut([sl(1, 3), sl(1, 3)], v.add(num(100.0)))
        try z.indexPut([.int(0)], f32([1, 2, 3, 4]))
        try z.indexPut([sl(), .int(0)], 7)
        try z.indexPut([.tensor(z.gt(num(99)))], -1)
        try z.indexPut([.tensor(i64([0, 2])), .tensor(i64([3, 3]))], f32([5, 6]))
        try z.indexPut([.ellipsis, .int(-1)], z.index([.ellipsis, .int(-1)]).add(num(1)))
        expectTensor(z, .float32, [3, 4], [7, 2, 3, 6, 7, -1, -1, 1, 7, -1, -1, 7])

        let w = try iota([2, 3])
        try w.indexPut([.tensor(w.remainder(num(2)).eq(num(0)))], 0)
        try w.indexPut([sl(), .tensor(i64([0, 2]))], i64([9, 8, 7, 6], [2, 2]))
        expectTensor(w, .int64, [2, 3], [9, 1, 8, 7, 0, 6])
        try w.indexPut([.newAxis, .int(1)], i64([1, 2, 3], [1, 1, 3]))
        expectTensor(w, .int64, [2, 3], [9, 1, 8, 1, 2, 3])
    }

    @Test func assignmentErrors() throws {
        let z = try iota([3, 4])
        expectError(.runtimeError, "The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.  Target sizes: [2, 4].  Tensor sizes: [3]") {
            try z.indexPut([sl(0, 2)], i64([0, 0, 0]))
        }
        expectError(.runtimeError, "shape mismatch: value tensor of shape [3] cannot be broadcast to indexing result of shape [2, 4]") {
            try z.indexPut([.tensor(i64([0, 1]))], i64([0, 0, 0]))
        }
        expectError(.runtimeError, "Index put requires the source and destination dtypes match, got Long for the destination and Float for the source.") {
            try z.indexPut([.tensor(i64([0, 1]))], Tensor.zeros([2, 4]))
        }
        expectError(.runtimeError, "shape mismatch: value tensor of shape [2] cannot be broadcast to indexing result of shape [6]") {
            try z.indexPut([.tensor(z.gt(num(5)))], i64([1, 2]))
        }
    }

    @Test func zeroDimIndexing() throws {
        let z = num(3.0)
        expectError(.indexError, "invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number") {
            _ = try z.index([.int(0)])
        }
        expectError(.indexError, "slice() cannot be applied to a 0-dim tensor.") { _ = try z.index([sl()]) }
        expectTensor(try z.index([.newAxis]), .float32, [1], [3])
        expectTensor(try z.index([.ellipsis]), .float32, [], [3])
        expectTensor(try z.index([.tensor(Tensor(bools: [true], shape: []))]), .float32, [1], [3])
        try z.indexPut([.ellipsis], 5)
        #expect(try z.item() == 5)
    }

    @Test func scalarFastPaths() throws {
        let m = try iota([3, 4]).float()
        #expect(try m.scalar(at: 1, 2) == 6)
        #expect(try m.scalar(at: -1, -1) == 11)
        #expect(try m.t().scalar(at: 3, 0) == 3)
        try m.setScalar(42, at: 2, -4)
        #expect(try m.scalar(at: [2, 0]) == 42)
        let v = try m.index([.int(1)])
        #expect(try v.scalar(at: -1) == 7)
        try v.setScalar(-1, at: 0)
        #expect(try m.scalar(at: 1, 0) == -1)
        expectError(.indexError, "index 3 is out of bounds for dimension 0 with size 3") { _ = try m.scalar(at: 3, 0) }
        expectError(.indexError, "index -5 is out of bounds for dimension 1 with size 4") { _ = try m.scalar(at: 0, -5) }
        expectError(.indexError, "too many indices for tensor of dimension 1") { _ = try v.scalar(at: 0, 0) }
        expectError(.runtimeError, "a Tensor with 12 elements cannot be converted to Scalar") { _ = try m.item() }
        #expect(try m.index([.int(2), .int(3)]).item() == 11)
        let n = try i64([5, 6])
        try n.setScalar(2.9, at: 1)
        #expect(n.scalars() == [5, 2])
    }
}

@Suite struct IndexBoundsTests {
    @Test func advancedBoundsNameThePositionAmongTensorIndices() throws {
        let y = try Tensor.zeros([2, 3, 4])
        expectError(.indexError, "index 9 is out of bounds for dimension 0 with size 4") { _ = try y.index([sl(), sl(), .tensor(i64([9]))]) }
        expectError(.indexError, "index 9 is out of bounds for dimension 2 with size 4") { _ = try y.index([.tensor(i64([0])), .tensor(i64([0])), .tensor(i64([9]))]) }
        expectError(.indexError, "index 9 is out of bounds for dimension 1 with size 4") { _ = try y.index([.tensor(i64([0])), sl(), .tensor(i64([9]))]) }
    }
}

@Suite struct HostileInputTests {
    @Test func extremeValuesThrowInsteadOfTrapping() throws {
        let x = try iota([3, 4])
        expectTensor(try x.index([sl(nil, nil, Int.max)]), .int64, [1, 4], [0, 1, 2, 3])
        expectTensor(try x.index([sl(Int.min, Int.max)]), .int64, [3, 4], (0..<12).map(Double.init))
        expectError(.indexError, "index \(Int.min) is out of bounds for dimension 0 with size 3") { _ = try x.index([.int(Int.min)]) }
        #expect(throws: TensorError.self) { _ = try Tensor.zeros([1]).expand([Int.max, Int.max]) }
        #expect(throws: TensorError.self) { _ = try Tensor.arange(0, 1e15, 1) }
        #expect(throws: TensorError.self) { _ = try Tensor.arange(Int64.min, Int64.max, 1) }
        #expect(throws: TensorError.self) { _ = try Tensor.zeros([Int.max, 2]) }
        #expect(throws: TensorError.self) { _ = try Tensor.linspace(0, 1, Int.max) }
        expectTensor(try f32([.nan, .infinity, -1e30, 2.7]).long(), .int64, [4], [Double(Int64.min), Double(Int64.min), Double(Int64.min), 2])
    }
}
