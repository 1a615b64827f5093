import Testing
import Tensors

@Suite struct JoinTests {
    let a = try! Tensor.zeros([2, 3])
    let b = try! Tensor.ones([2, 2], dtype: .int64)

    @Test func cat() throws {
        expectTensor(try Tensor.cat([a, b], dim: 1), .float32, [2, 5], [0, 0, 0, 1, 1, 0, 0, 0, 1, 1])
        expectTensor(try Tensor.cat([a, Tensor.zeros([0])], dim: 0), .float32, [2, 3], [0, 0, 0, 0, 0, 0])
        expectTensor(try Tensor.cat([i64([1, 2]), i64([3])]), .int64, [3], [1, 2, 3])
        expectTensor(try Tensor.cat([iota([2, 2]).t(), iota([1, 2])], dim: 0), .int64, [3, 2], [0, 2, 1, 3, 0, 1])
        expectError(.runtimeError, "Sizes of tensors must match except in dimension 0. Expected size 3 but got size 2 for tensor number 1 in the list.") {
            _ = try Tensor.cat([a, b], dim: 0)
        }
        expectError(.valueError, "torch.cat(): expected a non-empty list of Tensors") { _ = try Tensor.cat([]) }
        expectError(.runtimeError, "zero-dimensional tensor (at position 0) cannot be concatenated") {
            _ = try Tensor.cat([num(1.0), num(2.0)])
        }
        expectError(.runtimeError, "Tensors must have same number of dimensions: got 2 and 1") { _ = try Tensor.cat([a, Tensor.zeros([3])]) }
        expectError(.indexError, "Dimension out of range (expected to be in range of [-2, 1], but got 2)") { _ = try Tensor.cat([a, a], dim: 2) }
    }

    @Test func stack() throws {
        expectTensor(try Tensor.stack([i64([1, 2]), i64([3, 4])], dim: 1), .int64, [2, 2], [1, 3, 2, 4])
        expectTensor(try Tensor.stack([i64([1, 2]), i64([3, 4])]), .int64, [2, 2], [1, 2, 3, 4])
        expectError(.runtimeError, "stack expects each tensor to be equal size, but got [2, 3] at entry 0 and [2, 2] at entry 1") {
            _ = try Tensor.stack([a, b])
        }
        expectError(.runtimeError, "stack expects a non-empty TensorList") { _ = try Tensor.stack([]) }
        expectError(.indexError, "Dimension out of range (expected to be in range of [-3, 2], but got 3)") { _ = try Tensor.stack([a, a], dim: 3) }
    }

    @Test func whereBroadcasts() throws {
        expectTensor(try Tensor.where(bools([true, false, true]), i64([1, 2, 3]), num(0.5)), .float32, [3], [1, 0.5, 3])
        expectTensor(try Tensor.where(bools([true, false]).view([2, 1]), i64([1, 2, 3]), num(0)), .int64, [2, 3], [1, 2, 3, 0, 0, 0])
        expectError(.runtimeError, "where expected condition to be a boolean tensor, but got a tensor with dtype Float") {
            _ = try Tensor.where(f32([1, 0]), a, num(1.0))
        }
        expectError(.runtimeError, "The size of tensor a (2) must match the size of tensor b (3) at non-singleton dimension 0") {
            _ = try Tensor.where(bools([true, false]), i64([1, 2, 3]), num(0.5))
        }
    }
}

@Suite struct FactoryTests {
    @Test func constants() throws {
        expectTensor(try Tensor.ones([2, 2]), .float32, [2, 2], [1, 1, 1, 1])
        expectTensor(try Tensor.full([2], 3, dtype: .int64), .int64, [2], [3, 3])
        expectTensor(try Tensor.full([2], 1, dtype: .bool), .bool, [2], [1, 1])
        expectTensor(try Tensor.eye(2, 3), .float32, [2, 3], [1, 0, 0, 0, 1, 0])
        expectTensor(try Tensor.eye(2), .float32, [2, 2], [1, 0, 0, 1])
        let t = try Tensor.zeros([2, 3], dtype: .int64)
        expectTensor(try Tensor.onesLike(t), .int64, [2, 3], [1, 1, 1, 1, 1, 1])
        expectTensor(try Tensor.zerosLike(t, dtype: .float32), .float32, [2, 3], [0, 0, 0, 0, 0, 0])
        expectTensor(try Tensor.fullLike(t, 7.9), .int64, [2, 3], [7, 7, 7, 7, 7, 7])
        expectError(.runtimeError, "shape '[2, 2]' is invalid for input of size 3") { _ = try Tensor([1, 2, 3], shape: [2, 2]) }
        expectTensor(try Tensor([1, 0, 2], shape: [3], dtype: .bool), .bool, [3], [1, 0, 1])
        expectError(.runtimeError, "zeros: Dimension size must be non-negative.") { _ = try Tensor.zeros([2, -1]) }
        expectError(.runtimeError, "Trying to create tensor with negative dimension -1: [-1]") { _ = try Tensor.ones([-1]) }
        expectError(.runtimeError, "n must be greater or equal to 0, got -1") { _ = try Tensor.eye(-1) }
        expectError(.runtimeError, "invalid shape dimension -2 at index 0 of shape [-2, 3]") { _ = try Tensor.zeros([2, 3]).view([-2, 3]) }
    }

    @Test func arange() throws {
        expectTensor(try Tensor.arange(5), .int64, [5], [0, 1, 2, 3, 4])
        expectTensor(try Tensor.arange(5, 0, -2), .int64, [3], [5, 3, 1])
        let f = try Tensor.arange(0, 1, 0.1)
        #expect(f.shape == [10])
        #expect(f.dtype == .float32)
        #expect(f.scalars()[9] == 0.8999999761581421)
        expectTensor(try Tensor.arange(1, 2.5, 0.5), .float32, [3], [1, 1.5, 2])
        expectTensor(try Tensor.arange(-3, 3, 2.5), .float32, [3], [-3, -0.5, 2])
        expectError(.runtimeError, "step must be nonzero") { _ = try Tensor.arange(0, 5, 0) }
        expectError(.runtimeError, "upper bound and lower bound inconsistent with step sign") { _ = try Tensor.arange(5, 0, 1) }
    }

    @Test func linspace() throws {
        expectTensor(try Tensor.linspace(0, 1, 5), .float32, [5], [0, 0.25, 0.5, 0.75, 1])
        let l = try Tensor.linspace(-1, 1, 7).scalars()
        #expect(l[3] == -2.9802322387695312e-08)
        #expect(l[1] == Double(Float(-0.6666666)))
        expectTensor(try Tensor.linspace(2, 3, 1), .float32, [1], [2])
        #expect(try Tensor.linspace(-1.3, 2.7, 10).scalars() == [-1.2999999523162842, -0.855555534362793, -0.411111056804657, 0.033333390951156616, 0.4777778387069702, 0.9222222566604614, 1.3666666746139526, 1.8111112117767334, 2.2555556297302246, 2.700000047683716])
        expectError(.runtimeError, "number of steps must be non-negative") { _ = try Tensor.linspace(0, 1, -1) }
    }
}
