import Tensors

/// Strided, broadcast and per-dim work on a 50000x784 float32 matrix (Fashion-MNIST's
/// training set shape): what the lessons' `stats`, normalisation and gradient code run.
let reductionBenches = BenchGroup(name: "reductions", benches: [
    matrix("sum_dim0_50000x784") { x in { _ = try x.sum(dim: 0) } },
    matrix("mean_dim1_50000x784") { x in { _ = try x.mean(dim: 1) } },
    matrix("std_all_50000x784") { x in { _ = try x.std() } },
    matrix("amax_all_50000x784") { x in { _ = try x.amax() } },
    matrix("argmax_dim0_50000x784") { x in { _ = try x.argmax(dim: 0) } },
    matrix("sub_rowvec_50000x784") { x in
        let m = try x.mean(dim: 0)
        return { _ = try x.sub(m) }
    },
    matrix("add_transposed_50000x784") { x in { _ = try x.T.add(x.T) } },
    matrix("gather_rows_50000x784") { x in
        let idx = try Tensor.arange(0, 50000, 7)
        return { _ = try x.index([.tensor(idx)]) }
    },
])

private func matrix(_ name: String, _ make: @escaping @Sendable (Tensor) throws -> () throws -> Void) -> Bench {
    Bench(name: name, target: .timeAtMost(1.5), repeats: 5) {
        let g = Generator(seed: 0)
        return try make(try Tensor.rand([50000, 784], generator: g))
    }
}
