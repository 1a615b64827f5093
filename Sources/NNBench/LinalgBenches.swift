import Tensors

/// Issue 2's matmul figures (big square sgemm throughput) and issue 18's minibatch products:
/// the lessons' forward shapes and the two transposed products each one's backward pass makes
/// (`g @ w.T` for the input's gradient, `x.T @ g` for the weight's).
let linalgBenches = BenchGroup(name: "linalg", benches: [
    sgemm(1024, repeats: 7),
    sgemm(2048, repeats: 5),
    Bench(name: "matmul_5x784_784x10", target: .timeAtMost(1.0), flops: 2 * 5 * 784 * 10, repeats: 11) {
        let g = Generator(seed: 0)
        let a = try Tensor.randn([5, 784], generator: g), b = try Tensor.randn([784, 10], generator: g)
        return { _ = try a.matmul(b) }
    },
] + minibatch(5, 784, 10, forward: false) + minibatch(64, 784, 50) + minibatch(64, 50, 10))

private func sgemm(_ n: Int, repeats: Int) -> Bench {
    Bench(name: "sgemm_\(n)", target: .throughputAtLeast(0.95), flops: 2 * Double(n * n * n), repeats: repeats) {
        let g = Generator(seed: 0)
        let a = try Tensor.randn([n, n], generator: g), b = try Tensor.randn([n, n], generator: g)
        return { _ = try a.matmul(b) }
    }
}

/// x [m, k] @ w [k, n], then g [m, n] @ w.T and x.T @ g, named as Benchmarks/linalg.py names them;
/// and nn.Linear's forward, x @ W.T with W [n, k].
private func minibatch(_ m: Int, _ k: Int, _ n: Int, forward: Bool = true) -> [Bench] {
    let flops = 2 * Double(m * k * n)
    func bench(_ name: String, _ call: @escaping @Sendable (Tensor, Tensor, Tensor) throws -> Void) -> Bench {
        Bench(name: name, target: .timeAtMost(1.0), flops: flops, repeats: 11) {
            let gen = Generator(seed: 0)
            let x = try Tensor.randn([m, k], generator: gen), w = try Tensor.randn([k, n], generator: gen)
            let g = try Tensor.randn([m, n], generator: gen)
            return { try call(x, w, g) }
        }
    }
    var out: [Bench] = []
    if forward {
        out.append(bench("mm_\(m)x\(k)_\(k)x\(n)") { x, w, _ in _ = try x.matmul(w) })
        out.append(Bench(name: "mm_\(m)x\(k)_\(n)x\(k).T", target: .timeAtMost(1.0), flops: flops, repeats: 11) {
            let gen = Generator(seed: 0)
            let x = try Tensor.randn([m, k], generator: gen), w = try Tensor.randn([n, k], generator: gen)
            return { _ = try x.matmul(try w.t()) }
        })
    }
    out.append(bench("mm_\(m)x\(n)_\(k)x\(n).T") { _, w, g in _ = try g.matmul(try w.t()) })
    out.append(bench("mm_\(m)x\(k).T_\(m)x\(n)") { x, _, g in _ = try x.t().matmul(g) })
    return out
}
