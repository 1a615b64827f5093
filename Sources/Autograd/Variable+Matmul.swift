import Tensors

// Products. Every backward is itself a product, handed to sgemm with transposed *views* of the
// saved operands (BLAS reads them through its transpose flags, no copy).

extension Variable {
    /// `a @ b` / `matmul(a, b)` with every PyTorch shape case. The node is named as PyTorch
    /// reports it: DotBackward0 (1-D @ 1-D), MvBackward0 (2-D @ 1-D), SqueezeBackward4
    /// (1-D @ 2-D), MmBackward0 (2-D @ 2-D), UnsafeViewBackward0 (batched), CloneBackward0
    /// (2-D @ batched).
    public func matmul(_ other: Variable) throws -> Variable {
        let a = data, b = other.data
        let out = try a.matmul(b)
        switch (a.ndim, b.ndim) {
        case (1, 1):
            return Variable.make(out, "DotBackward0", [self, other], saves: crossSaved(other)) { g, needs in
                [needs[0] ? try b.mul(g) : nil, needs[1] ? try a.mul(g) : nil]
            }
        case (2, 1):
            return Variable.make(out, "MvBackward0", [self, other], saves: crossSaved(other)) { g, needs in
                // An outer product by broadcasting multiply, as PyTorch's `grad.outer(vec)`: each
                // element is one IEEE product, so a masked 0 times a negative stays -0 (sgemm's
                // accumulate-from-+0 would give +0).
                [needs[0] ? try g.unsqueeze(1).mul(b.unsqueeze(0)) : nil,
                 needs[1] ? try a.t().matmul(g) : nil]
            }
        case (1, 2):
            return Variable.make(out, "SqueezeBackward4", [self, other], saves: crossSaved(other)) { g, needs in
                [needs[0] ? try b.matmul(g) : nil,
                 needs[1] ? try a.unsqueeze(1).matmul(g.unsqueeze(0)) : nil]
            }
        case (2, 2):
            // Known difference: where a product has inner size 1 and a masked zero meets a
            // negative factor, PyTorch's CPU mm gives -0 for some shapes and +0 for others
            // (`zeros(64, 1) @ -ones(1, 64)` is -0, `zeros(1, 1) @ -ones(1, 2)` is +0); sgemm
            // here always gives +0. Values compare equal; only the printed sign can differ.
            return Variable.make(out, "MmBackward0", [self, other], saves: crossSaved(other)) { g, needs in
                try Variable.mmGrads(a, b, g, needs)
            }
        default:
            let name = a.ndim == 2 ? "CloneBackward0" : "UnsafeViewBackward0"
            return Variable.make(out, name, [self, other], saves: crossSaved(other)) { g, needs in
                // Treat vectors as a row (a) / a column (b), then the batched rule, then sum
                // the broadcast batch dims away.
                let a2 = a.ndim == 1 ? try a.unsqueeze(0) : a
                let b2 = b.ndim == 1 ? try b.unsqueeze(1) : b
                var g2 = g
                if a.ndim == 1 { g2 = try g2.unsqueeze(g2.ndim - (b.ndim == 1 ? 0 : 1)) }
                if b.ndim == 1 { g2 = try g2.unsqueeze(g2.ndim) }
                let ga = needs[0] ? try g2.matmul(b2.transpose(-1, -2)).sumTo(a2.shape).reshape(a.shape) : nil
                let gb = needs[1] ? try a2.transpose(-1, -2).matmul(g2).sumTo(b2.shape).reshape(b.shape) : nil
                return [ga, gb]
            }
        }
    }

    /// `mm(a, b)`: two matrices, no broadcasting (MmBackward0).
    public func mm(_ other: Variable) throws -> Variable {
        let a = data, b = other.data
        return Variable.make(try a.mm(b), "MmBackward0", [self, other], saves: crossSaved(other)) { g, needs in
            try Variable.mmGrads(a, b, g, needs)
        }
    }

    /// `dot(a, b)` of two vectors (DotBackward0).
    public func dot(_ other: Variable) throws -> Variable {
        let a = data, b = other.data
        return Variable.make(try a.dot(b), "DotBackward0", [self, other], saves: crossSaved(other)) { g, needs in
            [needs[0] ? try b.mul(g) : nil, needs[1] ? try a.mul(g) : nil]
        }
    }

    /// dA = g @ B^T, dB = A^T @ g; only the ones needed (the input of a first layer needs none).
    static func mmGrads(_ a: Tensor, _ b: Tensor, _ g: Tensor, _ needs: [Bool]) throws -> [Tensor?] {
        [needs[0] ? try g.mm(b.t()) : nil, needs[1] ? try a.t().mm(g) : nil]
    }
}

extension Variable {
    /// `F.linear(x, w, b)` for a 2-d input: `x @ w.T + b` as PyTorch's addmm (AddmmBackward0;
    /// MmBackward0 without a bias). The product is computed first and the bias added after,
    /// as our sgemm does; other ranks go through matmul and add.
    public static func linear(_ x: Variable, _ w: Variable, _ b: Variable?) throws -> Variable {
        guard x.ndim == 2, w.ndim == 2, b.map({ $0.ndim <= 1 }) ?? true else {
            let y = try x.matmul(w.t())
            return try b.map { try y.add($0) } ?? y
        }
        let xd = x.data, wd = w.data
        let out = try b.map { try xd.addmm(bias: $0.data, wd.t()) } ?? xd.matmul(wd.t())
        let bShape = b?.shape
        let inputs = [x, w] + (b.map { [$0] } ?? [])
        return Variable.make(out, b == nil ? "MmBackward0" : "AddmmBackward0", inputs, saves: [x, w]) { g, needs in
            var grads: [Tensor?] = [needs[0] ? try g.mm(wd) : nil, needs[1] ? try g.t().mm(xd) : nil]
            if let s = bShape { grads.append(needs[2] ? try g.sumTo(s) : nil) }
            return grads
        }
    }
}
