import Autograd
import Tensors
import Testing

// Lesson 8's check: the hand-written backward pass (mse_grad, relu_grad, lin_grad) of a
// 2-layer MLP (784 -> 50 -> relu -> 1, MSE) gives the same gradients as autograd.


private func lin(_ x: Tensor, _ w: Tensor, _ b: Tensor) throws -> Tensor { try x.matmul(w).add(b) }

private func mseGrad(_ inp: Tensor, _ targ: Tensor) throws -> Tensor {
    // inp.g = 2. * (inp.squeeze() - targ).unsqueeze(-1) / inp.shape[0]
    try inp.squeeze().sub(targ).unsqueeze(-1).mul(Tensor(scalar: 2, dtype: .float32))
        .div(Tensor(scalar: Double(inp.shape[0]), dtype: .float32))
}

private func reluGrad(_ inp: Tensor, _ outG: Tensor) throws -> Tensor {
    // inp.g = (inp > 0).float() * out.g
    try inp.gt(Tensor(scalar: 0, dtype: .float32)).float().mul(outG)
}

private func linGrad(_ inp: Tensor, _ outG: Tensor, _ w: Tensor) throws -> (inp: Tensor, w: Tensor, b: Tensor) {
    // inp.g = out.g @ w.t(); w.g = inp.t() @ out.g; b.g = out.g.sum(0)
    (try outG.matmul(w.t()), try inp.t().matmul(outG), try outG.sum(dims: [0]))
}

@Test func handWrittenBackwardEqualsAutograd() throws {
    let n = 200
    let x = D.random([n, 784], seed: 81), y = D.random([n], seed: 82)
    let w1 = D.random([784, 50], seed: 83, lo: -0.06, hi: 0.06), b1 = D.random([50], seed: 84, lo: -0.1, hi: 0.1)
    let w2 = D.random([50, 1], seed: 85, lo: -0.2, hi: 0.2), b2 = D.random([1], seed: 86)

    // forward_and_backward, by hand.
    let l1 = try lin(x.tensor, w1.tensor, b1.tensor)
    let l2 = try l1.relu()
    let out = try lin(l2, w2.tensor, b2.tensor)
    let outG = try mseGrad(out, y.tensor)
    let (l2G, w2G, b2G) = try linGrad(l2, outG, w2.tensor)
    let l1G = try reluGrad(l1, l2G)
    let (xG, w1G, b1G) = try linGrad(x.tensor, l1G, w1.tensor)

    // The same with autograd (the input requires grad too, so inp.g is compared as well).
    let vx = x.variable(), vw1 = w1.variable(), vb1 = b1.variable(), vw2 = w2.variable(), vb2 = b2.variable()
    let h = try vx.matmul(vw1).add(vb1).relu()
    let vout = try h.matmul(vw2).add(vb2)
    let loss = try vout.squeeze().sub(Variable(y.tensor)).pow(2).mean()
    #expect(loss.gradFn?.name == "MeanBackward0")
    try loss.backward()

    func close(_ a: Variable?, _ b: Tensor, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let a else { Issue.record("no gradient", sourceLocation: sourceLocation); return }
        #expect(a.shape == b.shape, sourceLocation: sourceLocation)
        let scale = b.scalars().map(Swift.abs).max() ?? 1
        for (p, q) in zip(a.data.scalars(), b.scalars()) where Swift.abs(p - q) > 1e-5 * scale + 1e-7 {
            Issue.record("autograd \(p) vs manual \(q)", sourceLocation: sourceLocation)
            return
        }
    }
    close(vw1.grad, w1G)
    close(vb1.grad, b1G)
    close(vw2.grad, w2G)
    close(vb2.grad, b2G)
    close(vx.grad, xG)

}
