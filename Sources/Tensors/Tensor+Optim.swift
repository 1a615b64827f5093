// The elementwise updates of torch.optim, with PyTorch's CPU rounding: `add(x, alpha=a)` is
// one fused multiply-add, `addcmul`/`addcdiv` are separate multiply, divide and add.

import CGemm

extension Tensor {
    /// Elementwise pointwise over equal-shaped float32 tensors, into a new contiguous tensor.
    static func pointwiseFloats(_ ts: [Tensor], _ f: ([Float]) -> Float) throws -> Tensor {
        if ts.contains(where: { $0.dtype == .float64 }) {
            throw TensorError.notImplemented("optimizer steps on float64 parameters are not supported in nnbook yet; use float32")
        }
        let cs = try ts.map { try $0.to(.float32).contiguous() }
        let shape = cs[0].shape
        for c in cs where c.shape != shape {
            throw TensorError.runtime("The size of tensor a (\(Tensor.describe(shape))) must match the size of tensor b (\(Tensor.describe(c.shape)))")
        }
        let out = try Tensor(zeros: shape, dtype: .float32)
        var args = [Float](repeating: 0, count: cs.count)
        for i in 0..<out.numel {
            for k in 0..<cs.count { args[k] = cs[k].storage.floats[cs[k].offset + i] }
            out.storage.floats[i] = f(args)
        }
        return out
    }

    /// `a.add(b, alpha=alpha)`: `a + alpha * b` as one fused multiply-add.
    public static func fusedAdd(_ a: Tensor, _ b: Tensor, _ alpha: Float) throws -> Tensor {
        // Every parameter, every step: one plain pass (the general loop above took a fifth of a
        // minibatch-training lesson's time).
        let x = try a.to(.float32).contiguous(), y = try b.to(.float32).contiguous()
        guard x.shape == y.shape else {
            throw TensorError.runtime("The size of tensor a (\(Tensor.describe(x.shape))) must match the size of tensor b (\(Tensor.describe(y.shape)))")
        }
        let out = try Tensor.empty(x.shape, .float32)
        nnb_fused_add(x.numel, x.storage.floats + x.offset, y.storage.floats + y.offset, alpha, out.storage.floats)
        return out
    }

    /// Adam's moments: `m.lerp_(g, 1 - beta1)` and `v.mul_(beta2).addcmul_(g, g, value=1 - beta2)`.
    public static func adamMoments(_ m: Tensor, _ v: Tensor, _ g: Tensor, beta1: Double, beta2: Double) throws -> (Tensor, Tensor) {
        let w = Float(1 - beta1), b2 = Float(beta2), c2 = Float(1 - beta2)
        let small = Swift.abs(w) < 0.5
        let m2 = try pointwiseFloats([m, g]) { x in
            let diff = x[1] - x[0]
            return small ? x[0].addingProduct(w, diff) : x[1].addingProduct(w - 1, diff)
        }
        let v2 = try pointwiseFloats([v, g]) { x in (x[0] * b2) + c2 * x[1] * x[1] }
        return (m2, v2)
    }

    /// Adam's step: `p.addcdiv_(m, v.sqrt() / bc2Sqrt + eps, value=-stepSize)`.
    public static func adamUpdate(_ p: Tensor, _ m: Tensor, _ v: Tensor, stepSize: Double, bc2Sqrt: Double, eps: Double) throws -> Tensor {
        let s = Float(-stepSize), b = Float(bc2Sqrt), e = Float(eps)
        return try pointwiseFloats([p, m, v]) { x in
            let denom = x[2].squareRoot() / b + e
            return x[0] + s * x[1] / denom
        }
    }
}
