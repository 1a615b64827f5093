import Tensors

/// Issue 2's matmul figures: big square sgemm throughput and the lesson's 5x784 @ 784x10.
let linalgBenches = BenchGroup(name: "linalg", benches: [
    sgemm(1024, repeats: 7),
    sgemm(2048, repeats: 5),
    Bench(name: "matmul_5x784_784x10", target: .timeAtMost(1.5), flops: 2 * 5 * 784 * 10, repeats: 11) {
        let g = Generator(seed: 0)
        let a = try Tensor.randn([5, 784], generator: g), b = try Tensor.randn([784, 10], generator: g)
        return { _ = try a.matmul(b) }
    },
])

private func sgemm(_ n: Int, repeats: Int) -> Bench {
    Bench(name: "sgemm_\(n)", target: .throughputAtLeast(0.95), flops: 2 * Double(n * n * n), repeats: repeats) {
        let g = Generator(seed: 0)
        let a = try Tensor.randn([n, n], generator: g), b = try Tensor.randn([n, n], generator: g)
        return { _ = try a.matmul(b) }
    }
}
