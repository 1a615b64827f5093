// `lerp` and the elementwise updates of torch.optim, with PyTorch's CPU rounding: `add(x, alpha=a)` is
// one fused multiply-add, `addcmul`/`addcdiv` are separate multiply, divide and add.

import CGemm

extension Tensor {
    /// `f` elementwise over equal-shaped tensors, read as `T` (converted when their dtype
    /// differs), into a new contiguous `T` tensor.
    static func pointwise<T: FloatElement>(_ ts: [Tensor], _: T.Type, _ f: ([T]) -> T) throws -> Tensor {
        let cs = try ts.map { try $0.to(T.dtype).contiguous() }
        let shape = cs[0].shape
        for c in cs where c.shape != shape {
            throw TensorError.runtime("The size of tensor a (\(Tensor.describe(shape))) must match the size of tensor b (\(Tensor.describe(c.shape)))")
        }
        let out = try Tensor.empty(shape, T.dtype)
        let dst = out.base(T.self), srcs = cs.map { $0.base(T.self) + $0.offset }
        var args = [T](repeating: 0, count: cs.count)
        for i in 0..<out.numel {
            for k in 0..<cs.count { args[k] = srcs[k][i] }
            dst[i] = f(args)
        }
        return out
    }

    /// `lerp` with a number weight, PyTorch's kernel: one fused multiply-add from the nearer
    /// end (`x + w (y - x)` when `|w| < 0.5`, else `y - (1 - w)(y - x)`), in `T`.
    @inline(__always) static func lerp<T: FloatElement>(_ x: T, _ y: T, _ w: T) -> T {
        let diff = y - x
        return Swift.abs(w) < 0.5 ? x.addingProduct(w, diff) : y.addingProduct(w - 1, diff)
    }

    /// `self.lerp(end, weight)` for a number weight: both tensors of one floating dtype
    /// (PyTorch's errors otherwise), broadcast together.
    public func lerp(_ end: Tensor, weight: Double) throws -> Tensor {
        guard end.dtype == dtype else {
            throw TensorError.runtime("expected dtype \(Tensor.cTypeName(dtype)) for `end` but got dtype \(Tensor.cTypeName(end.dtype))")
        }
        let shape = try Tensor.broadcastShapes(self.shape, end.shape)
        let a = try broadcast(to: shape), b = try end.broadcast(to: shape)
        switch dtype {
        case .float32: return try Tensor.pointwise([a, b], Float.self) { x in Tensor.lerp(x[0], x[1], Float(weight)) }
        case .float64: return try Tensor.pointwise([a, b], Double.self) { x in Tensor.lerp(x[0], x[1], weight) }
        case .int64, .bool: throw Tensor.notImplemented("lerp_kernel_scalar", dtype)
        }
    }

    /// True when any of `ts` is float64: the optimizer's arithmetic is then in double.
    static func anyDouble(_ ts: [Tensor]) -> Bool { ts.contains { $0.dtype == .float64 } }

    /// `a.add(b, alpha=alpha)`: `a + alpha * b` as one fused multiply-add (alpha rounded to
    /// float for float32 tensors, as PyTorch's scalar is).
    public static func fusedAdd(_ a: Tensor, _ b: Tensor, _ alpha: Double) throws -> Tensor {
        if anyDouble([a, b]) {
            return try pointwise([a, b], Double.self) { x in x[0].addingProduct(alpha, x[1]) }
        }
        // Every parameter, every step: one plain pass (the general loop above took a fifth of a
        // minibatch-training lesson's time).
        let x = try a.to(.float32).contiguous(), y = try b.to(.float32).contiguous()
        guard x.shape == y.shape else {
            throw TensorError.runtime("The size of tensor a (\(Tensor.describe(x.shape))) must match the size of tensor b (\(Tensor.describe(y.shape)))")
        }
        let out = try Tensor.empty(x.shape, .float32)
        nnb_fused_add(x.numel, x.storage.floats + x.offset, y.storage.floats + y.offset, Float(alpha), out.storage.floats)
        return out
    }

    /// Adam's moments: `m.lerp_(g, 1 - beta1)` and `v.mul_(beta2).addcmul_(g, g, value=1 - beta2)`.
    public static func adamMoments(_ m: Tensor, _ v: Tensor, _ g: Tensor, beta1: Double, beta2: Double) throws -> (Tensor, Tensor) {
        func run<T: FloatElement>(_: T.Type) throws -> (Tensor, Tensor) {
            let w = T(1 - beta1), b2 = T(beta2), c2 = T(1 - beta2)
            let m2 = try pointwise([m, g], T.self) { x in lerp(x[0], x[1], w) }
            let v2 = try pointwise([v, g], T.self) { x in (x[0] * b2) + c2 * x[1] * x[1] }
            return (m2, v2)
        }
        return anyDouble([m, v, g]) ? try run(Double.self) : try run(Float.self)
    }

    /// Adam's step: `p.addcdiv_(m, v.sqrt() / bc2Sqrt + eps, value=-stepSize)`.
    public static func adamUpdate(_ p: Tensor, _ m: Tensor, _ v: Tensor, stepSize: Double, bc2Sqrt: Double, eps: Double) throws -> Tensor {
        func run<T: FloatElement>(_: T.Type) throws -> Tensor {
            let s = T(-stepSize), b = T(bc2Sqrt), e = T(eps)
            return try pointwise([p, m, v], T.self) { x in
                let denom = x[2].squareRoot() / b + e
                return x[0] + s * x[1] / denom
            }
        }
        return anyDouble([p, m, v]) ? try run(Double.self) : try run(Float.self)
    }
}
