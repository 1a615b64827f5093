import Tensors

/// Issue 2's elementwise figures over 10M float32 values.
let elementwiseBenches = BenchGroup(name: "elementwise", benches: [
    tenMillion("add_10M") { a, b in { _ = try a.add(b) } },
    tenMillion("mul_10M") { a, b in { _ = try a.mul(b) } },
    tenMillion("sum_10M") { a, _ in { _ = try a.sum() } },
    tenMillion("mean_10M") { a, _ in { _ = try a.mean() } },
])

private func tenMillion(_ name: String, _ make: @escaping @Sendable (Tensor, Tensor) -> () throws -> Void) -> Bench {
    Bench(name: name, target: .timeAtMost(1.2), repeats: 7) {
        let g = Generator(seed: 0)
        let a = try Tensor.rand([10_000_000], generator: g), b = try Tensor.rand([10_000_000], generator: g)
        return make(a, b)
    }
}
