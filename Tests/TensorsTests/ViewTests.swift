import Testing
import Tensors

/// Expects `body` to throw a TensorError of `kind` with exactly `message`.
func expectError(_ kind: TensorError.Kind, _ message: String,
                 sourceLocation: SourceLocation = #_sourceLocation,
                 _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("expected \(kind.rawValue): \(message)", sourceLocation: sourceLocation)
    } catch let e as TensorError {
        #expect(e.kind == kind, sourceLocation: sourceLocation)
        #expect(e.message == message, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error \(error)", sourceLocation: sourceLocation)
    }
}

/// `arange(n)` reshaped, as int64.
func iota(_ shape: [Int]) throws -> Tensor {
    try Tensor.arange(Int64(shape.reduce(1, *))).view(shape)
}

@Suite struct ViewTests {
    @Test func permuteAndContiguous() throws {
        let x = try iota([2, 3, 4])
        let y = try x.permute([2, 0, 1])
        #expect(y.shape == [4, 2, 3])
        #expect(y.strides == [1, 12, 4])
        #expect(!y.isContiguous)
        #expect(y.storage === x.storage)
        let c = try x.transpose(0, 2).contiguous().view([-1])
        #expect(Array(c.scalars()[0..<6]) == [0, 12, 4, 16, 8, 20])
        #expect(c.isContiguous)
    }

    @Test func reshapeCopiesOnlyWhenItMust() throws {
        let x = try iota([2, 3, 4])
        let v = try x.reshape([6, 4])
        #expect(v.strides == [4, 1])
        #expect(v.storage === x.storage)
        let y = try x.permute([2, 0, 1]).reshape([4, 6])
        #expect(y.strides == [1, 4])
        #expect(y.storage === x.storage)
        let z = try x.transpose(1, 2).reshape([-1])
        #expect(z.storage !== x.storage)
        #expect(Array(z.scalars()[0..<6]) == [0, 4, 8, 1, 5, 9])
        let w = try Tensor.zeros([4, 6]).index([.slice(start: nil, stop: nil, step: nil), .slice(start: 1, stop: 5, step: nil)])
        #expect(try w.view([4, 2, 2]).strides == [6, 2, 1])
    }

    @Test func viewErrors() throws {
        let x = try iota([2, 3, 4])
        expectError(.runtimeError, "view size is not compatible with input tensor's size and stride (at least one dimension spans across two contiguous subspaces). Use .reshape(...) instead.") {
            _ = try x.transpose(1, 2).view([-1])
        }
        expectError(.runtimeError, "shape '[5, -1]' is invalid for input of size 24") { _ = try x.view([5, -1]) }
        expectError(.runtimeError, "only one dimension can be inferred") { _ = try x.view([-1, -1]) }
    }

    @Test func unsqueezeSqueeze() throws {
        let x = try iota([2, 3, 4])
        #expect(try x.unsqueeze(1).strides == [12, 12, 4, 1])
        #expect(try x.unsqueeze(-1).strides == [12, 4, 1, 1])
        #expect(try x.unsqueeze(3).shape == [2, 3, 4, 1])
        expectError(.indexError, "Dimension out of range (expected to be in range of [-4, 3], but got 4)") { _ = try x.unsqueeze(4) }
        let z = try Tensor.zeros([2, 1, 3, 1])
        #expect(z.squeeze().shape == [2, 3])
        #expect(try z.squeeze(1).shape == [2, 3, 1])
        #expect(try z.squeeze(0).shape == [2, 1, 3, 1])
        #expect(try z.squeeze([1, 3]).shape == [2, 3])
    }

    @Test func transposeAndT() throws {
        let x = try iota([2, 3, 4])
        #expect(x.T.shape == [4, 3, 2])
        #expect(x.T.strides == [1, 4, 12])
        let m = try iota([2, 3])
        #expect(try m.t().strides == [1, 3])
        #expect(try m.t().scalars() == [0, 3, 1, 4, 2, 5])
        expectError(.runtimeError, "t() expects a tensor with <= 2 dimensions, but self is 3D") { _ = try x.t() }
        expectError(.indexError, "Dimension out of range (expected to be in range of [-3, 2], but got 3)") { _ = try x.transpose(0, 3) }
        expectError(.runtimeError, "permute(sparse_coo): number of dimensions in the tensor input does not match the length of the desired ordering of dimensions i.e. input.dim() = 3 is not equal to len(dims) = 2") { _ = try x.permute([0, 1]) }
        expectError(.runtimeError, "permute(): duplicate dims are not allowed.") { _ = try x.permute([0, 0, 1]) }
    }

    @Test func expand() throws {
        let v = try Tensor([1, 2, 3], shape: [3], dtype: .int64)
        let e = try v.expand([2, 3])
        #expect(e.strides == [0, 1])
        #expect(e.scalars() == [1, 2, 3, 1, 2, 3])
        #expect(try v.unsqueeze(1).expand([-1, 2]).scalars() == [1, 1, 2, 2, 3, 3])
        #expect(try v.expandAs(Tensor.zeros([4, 3])).shape == [4, 3])
        let x = try iota([2, 3, 4])
        expectError(.runtimeError, "expand(torch.LongTensor{[2, 3, 4]}, size=[3, 4]): the number of sizes provided (2) must be greater or equal to the number of dimensions in the tensor (3)") { _ = try x.expand([3, 4]) }
        expectError(.runtimeError, "The expanded size of the tensor (5) must match the existing size (4) at non-singleton dimension 2.  Target sizes: [2, 3, 5].  Tensor sizes: [2, 3, 4]") { _ = try x.expand([2, 3, 5]) }
        expectError(.runtimeError, "The expanded size of the tensor (-1) isn't allowed in a leading, non-existing dimension 0") {
            _ = try Tensor([1, 2], shape: [2], dtype: .int64).expand([-1, 2])
        }
    }

    @Test func cloneAndCasts() throws {
        let x = try Tensor([1.5, -2.7, 0, 3], shape: [2, 2])
        let c = try x.clone()
        #expect(c.storage !== x.storage)
        #expect(c.scalars() == x.scalars())
        #expect(try x.to(.float32).storage === x.storage)
        let l = try x.long()
        #expect(l.dtype == .int64)
        #expect(l.scalars() == [1, -2, 0, 3])
        let b = try x.bool()
        #expect(b.dtype == .bool)
        #expect(b.scalars() == [1, 1, 0, 1])
        #expect(try b.float().scalars() == [1, 1, 0, 1])
        #expect(try Tensor([Double.nan, 1e30], shape: [2]).long().dtype == .int64)
    }

    @Test func copyThroughView() throws {
        let x = try Tensor.zeros([3, 4])
        let col = try x.index([.slice(start: nil, stop: nil, step: nil), .int(1)])
        try col.copy_(Tensor([1, 2, 3], shape: [3]))
        #expect(x.scalars() == [0, 1, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0])
        expectError(.runtimeError, "output with shape [3] doesn't match the broadcast shape [2, 3]") {
            try col.copy_(Tensor.zeros([2, 3]))
        }
        expectError(.runtimeError, "The size of tensor a (3) must match the size of tensor b (4) at non-singleton dimension 0") {
            try col.copy_(Tensor.zeros([4]))
        }
    }
}

@Suite struct LayoutTests {
    /// Results keep the memory order of a dense first operand, as PyTorch's preserve format.
    @Test func resultsFollowTheInputsMemoryOrder() throws {
        let x = try Tensor.arange(0, 12, 1).float().view([3, 4])
        #expect(try x.t().clone().strides == [1, 4])
        #expect(try x.t().add(num(1.0)).strides == [1, 4])
        #expect(try x.t().exp().strides == [1, 4])
        #expect(try x.t().long().strides == [1, 4])
        #expect(try x.t().add(x.t()).strides == [1, 4])
        #expect(try x.t().add(Tensor.zeros([4, 3])).strides == [1, 4])
        #expect(try Tensor.zeros([4, 3]).add(x.t()).strides == [3, 1])
        let y = try Tensor.zeros([2, 3, 4]).permute([2, 0, 1])
        #expect(try y.add(num(1.0)).strides == [1, 12, 4])
        #expect(try y.clone().strides == [1, 12, 4])
        #expect(try x.t().contiguous().strides == [3, 1])
        #expect(try Tensor.where(x.t().gt(num(1.0)), x.t(), num(0.0)).strides == [1, 4])
        #expect(try x.t().index([.newAxis]).clone().strides == [4, 1, 4])
        expectTensor(try x.t().add(x.t()), .float32, [4, 3], [0, 8, 16, 2, 10, 18, 4, 12, 20, 6, 14, 22])
        expectTensor(try x.t().sum(dim: 0), .float32, [3], [6, 22, 38])
    }

    @Test func tiledTransposeCopy() throws {
        let m = try iota([70, 45])
        let t = try m.t().contiguous()
        #expect(t.strides == [70, 1])
        var want: [Double] = []
        for c in 0..<45 { for r in 0..<70 { want.append(Double(r * 45 + c)) } }
        #expect(t.scalars() == want)
        let sub = try m.index([sl(1, 66, 2), sl(3, 40)]).t().contiguous()
        #expect(sub.scalars() == (try m.index([sl(1, 66, 2), sl(3, 40)]).t().scalars()))
    }
}
