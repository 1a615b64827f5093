import Foundation
import NNLang
import Tensors

/// Issue 18's figures whose reference is PyTorch itself (Benchmarks/pytorch.py, run with a Python
/// that has torch; skipped with a message without one): the random draws every lesson makes,
/// a 10-element add (small tensors must stay cheap), `get_data()` after its first call, and
/// one training epoch of the lesson MLP written as PyTorch code.
let torchBenches = BenchGroup(name: "pytorch", benches: [
    random("randn_512x512") { g in { _ = try Tensor.randn([512, 512], generator: g) } },
    random("rand_512x512") { g in { _ = try Tensor.rand([512, 512], generator: g) } },
    random("randint_100k") { g in { _ = try Tensor.randint(low: 0, high: 10, [100_000], generator: g) } },
    random("randperm_50k") { g in { _ = try Tensor.randperm(50_000, generator: g) } },
    Bench(name: "add_10", target: .timeAtMost(1.0), repeats: 11) {
        let g = Generator(seed: 0)
        let a = try Tensor.rand([10], generator: g), b = try Tensor.rand([10], generator: g)
        return { _ = try a.add(b) }
    },
    // The cache is built by the warm-up call (or an earlier run); every timed call maps it.
    Bench(name: "get_data", target: .secondsUnder(0.05), repeats: 5) {
        return { _ = try IDX.fashionMNIST() }
    },
    // Issue 13: one epoch of the lesson MLP through nn.Module + DataLoader + F.cross_entropy.
    langBench("torch_mlp_epoch", "torch_mlp_epoch.py", .timeAtMost(1.0), repeats: 3),
])

private func random(_ name: String, _ make: @escaping @Sendable (Generator) -> () throws -> Void) -> Bench {
    Bench(name: name, target: .timeAtMost(1.0), repeats: 7) { make(Generator(seed: 0)) }
}
