import Autograd
import Tensors

/// Issue 4's figure: the lesson's MLP (50000x784 -> 50 -> relu -> 1, MSE), forward plus
/// `loss.backward()`, against numpy's forward and hand-written backward (Benchmarks/autograd.py).
/// Autograd computes no gradient for the input (it does not require grad); the first figure's
/// reference does (the lesson's lin_grad), the second's does not.
let autogradBenches = BenchGroup(name: "autograd", benches: [
    mlp(name: "mlp_forward_backward"),
    mlp(name: "mlp_forward_backward_params"),
    // The same model written in nn (Benchmarks/autograd_mlp.nn), run by the interpreter.
    langBench("mlp_nn_forward_backward", "autograd_mlp.nn", .timeAtMost(1.2)),
])

private func mlp(name: String) -> Bench {
    Bench(name: name, target: .timeAtMost(1.2), repeats: 5) {
        let g = Generator(seed: 0)
        let n = 50000, m = 784, h = 50
        let x = Variable(try Tensor.randn([n, m], generator: g))
        let y = Variable(try Tensor.randn([n], generator: g))
        let w1 = Variable(try Tensor.randn([m, h], generator: g).div(Tensor(scalar: Double(m).squareRoot(), dtype: .float32)), requiresGrad: true)
        let b1 = Variable(try Tensor.zeros([h]), requiresGrad: true)
        let w2 = Variable(try Tensor.randn([h, 1], generator: g).div(Tensor(scalar: Double(h).squareRoot(), dtype: .float32)), requiresGrad: true)
        let b2 = Variable(try Tensor.zeros([1]), requiresGrad: true)
        return {
            for p in [w1, b1, w2, b2] { p.grad = nil }
            let l2 = try x.matmul(w1).add(b1).relu()
            let out = try l2.matmul(w2).add(b2)
            let loss = try out.squeeze(-1).sub(y).pow(2).mean()
            try loss.backward()
        }
    }
}

