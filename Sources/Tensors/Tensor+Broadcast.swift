// Broadcasting: PyTorch's (numpy's) rule, aligned from the trailing dim; size 1 stretches.

extension Tensor {
    /// The broadcast shape of `a` and `b`, or PyTorch's error naming the first mismatch met
    /// scanning from the trailing dim (`[2, 3]` and `[3, 2]` fail at dim 1, as in torch); dims
    /// are numbered in the result's rank.
    public static func broadcastShapes(_ a: [Int], _ b: [Int]) throws -> [Int] {
        if a == b { return a }
        let n = max(a.count, b.count)
        var out = [Int](repeating: 1, count: n)
        for i in stride(from: n - 1, through: 0, by: -1) {
            let da = i - (n - a.count), db = i - (n - b.count)
            let x = da >= 0 ? a[da] : 1, y = db >= 0 ? b[db] : 1
            if x == y || y == 1 {
                out[i] = x
            } else if x == 1 {
                out[i] = y
            } else {
                throw TensorError.runtime("The size of tensor a (\(x)) must match the size of tensor b (\(y)) at non-singleton dimension \(i)")
            }
        }
        return out
    }

    /// This tensor expanded (a stride-0 view) to `target`, which must be its broadcast with
    /// `target`; otherwise PyTorch's in-place broadcast error.
    public func broadcast(to target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let b = try Tensor.broadcastShapes(target, shape)
        guard b == target else {
            throw TensorError.runtime("output with shape \(Tensor.describe(target)) doesn't match the broadcast shape \(Tensor.describe(b))")
        }
        return try expand(target)
    }
}
