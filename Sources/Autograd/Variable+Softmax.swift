import Tensors

// Softmax family and losses: softmax, log_softmax, logsumexp, nll_loss, mse_loss. Each rule
// reads the saved output (or input) as PyTorch's does.

extension Variable {
    /// `softmax(dim)` (SoftmaxBackward0): `dx = y * (g - sum(g * y, dim))`.
    public func softmax(dim: Int) throws -> Variable {
        let out = try data.softmax(dim: dim)
        let d = ndim == 0 ? 0 : try Tensor.wrapDim(dim, rank: ndim)
        return Variable.make(out, "SoftmaxBackward0", [self], savesOutput: true) { g, _ in
            if out.ndim == 0 { return [try g.mul(Tensor.float(0))] }
            let dot = try g.mul(out).sum(dims: [d], keepdim: true)
            return [try out.mul(g.sub(dot))]
        }
    }

    /// `log_softmax(dim)` (LogSoftmaxBackward0): `dx = g - exp(y) * sum(g, dim)`.
    public func logSoftmax(dim: Int) throws -> Variable {
        let out = try data.logSoftmax(dim: dim)
        let d = ndim == 0 ? 0 : try Tensor.wrapDim(dim, rank: ndim)
        return Variable.make(out, "LogSoftmaxBackward0", [self], savesOutput: true) { g, _ in
            if out.ndim == 0 { return [try g.mul(Tensor.float(0))] }
            return [try g.sub(out.exp().mul(g.sum(dims: [d], keepdim: true)))]
        }
    }

    /// `logsumexp(dim, keepdim)` (LogsumexpBackward0): `dx = g * exp(x - result)`.
    public func logsumexp(dims: [Int], keepdim: Bool = false) throws -> Variable {
        let out = try data.logsumexp(dims: dims, keepdim: keepdim)
        let a = data, s = shape
        let wrapped = ndim == 0 ? [] : Array(Set(try dims.map { try Tensor.wrapDim($0, rank: ndim) })).sorted()
        return Variable.make(out, "LogsumexpBackward0", [self], saves: [self], savesOutput: true) { g, _ in
            var gk = g, ok = out
            if !keepdim { for d in wrapped { gk = try gk.unsqueeze(d); ok = try ok.unsqueeze(d) } }
            return [try gk.expand(s).mul(a.to(out.dtype).sub(ok).exp())]
        }
    }

    /// `nll_loss(input, target, reduction)` (NllLossBackward0) for input `(N, C)` or `(C)`
    /// and int64 target `(N)` or `()`: `-input[i, target[i]]`, averaged ("mean"), summed
    /// ("sum") or per sample ("none"); `ignoreIndex` targets count for nothing.
    public func nllLoss(target: Tensor, reduction: String = "mean", ignoreIndex: Int = -100) throws -> Variable {
        let r = try data.nllLoss(target: target, reduction: reduction, ignoreIndex: ignoreIndex)
        let s = shape
        return Variable.make(r.loss, "NllLossBackward0", [self]) { g, _ in
            // -g / count (mean) or -g at each picked element, worked out in double: for float32
            // that rounds as PyTorch's float arithmetic does (a quotient of two floats).
            let classes = s.count == 1 ? s[0] : s[1]
            let gs = try g.contiguous().scalars()
            var flat = [Double](repeating: 0, count: r.picks.count * classes)
            for (i, t) in r.picks.enumerated() where t >= 0 {
                let gi = reduction == "none" ? gs[i] : gs[0]
                flat[i * classes + t] = reduction == "mean" ? -gi / r.count : -gi
            }
            return [try Tensor(doubles: flat, shape: s).to(r.loss.dtype)]
        }
    }

    /// `mse_loss(input, target, reduction)` (MseLossBackward0): `dx = 2 (x - y) g / N`.
    public func mseLoss(_ target: Variable, reduction: String = "mean") throws -> Variable {
        guard ["mean", "sum", "none"].contains(reduction) else {
            throw TensorError.value("\(reduction) is not a valid value for reduction")
        }
        let diff = try data.sub(target.data)
        let sq = try diff.mul(diff)
        let out = reduction == "mean" ? try sq.mean() : reduction == "sum" ? try sq.sum() : sq
        let n = Double(Swift.max(sq.numel, 1))
        let sa = shape, sb = target.shape
        return Variable.make(out, "MseLossBackward0", [self, target], saves: [self, target]) { g, needs in
            var gd = try diff.mul(g).mul(Tensor.float(2))
            if reduction == "mean" { gd = try gd.div(Tensor.float(n)) }
            return [needs[0] ? try gd.sumTo(sa) : nil, needs[1] ? try gd.neg().sumTo(sb) : nil]
        }
    }
}
