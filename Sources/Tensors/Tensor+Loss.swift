// The forward of `nll_loss` (its rule is in Autograd's Variable+Softmax.swift).

extension Tensor {
    /// The forward of `nll_loss`: the loss, the picked class per sample (-1 when ignored)
    /// and the number of samples counted. The mean sums in PyTorch's cascade order.
    public func nllLoss(target: Tensor, reduction: String, ignoreIndex: Int) throws -> (loss: Tensor, picks: [Int], count: Double) {
        guard ["mean", "sum", "none"].contains(reduction) else {
            throw TensorError.value("\(reduction) is not a valid value for reduction")
        }
        guard dtype.isFloatingPoint else { throw TensorError.runtime("\"nll_loss_out_frame\" not implemented for '\(Tensor.scalarTypeName(dtype))'") }
        guard target.dtype == .int64 else {
            throw TensorError.runtime("expected target dtype to be Long or Byte, but got \(Tensor.scalarTypeName(target.dtype))")
        }
        guard ndim == 1 || ndim == 2 else {
            if ndim == 0 { throw TensorError.value("Expected 1 or more dimensions (got 0)") }
            throw TensorError(.notImplementedError, "nll_loss of inputs with more than 2 dimensions is not supported in nn")
        }
        let batch = ndim == 1 ? 1 : shape[0], classes = ndim == 1 ? shape[0] : shape[1]
        if ndim == 2 && (target.ndim == 0 || target.shape[0] != batch) {
            throw TensorError.value("Expected input batch_size (\(batch)) to match target batch_size (\(target.ndim == 0 ? 1 : target.shape[0])).")
        }
        guard target.ndim == ndim - 1 else {
            throw TensorError.runtime("0D or 1D target tensor expected, multi-target not supported")
        }
        let x = try contiguous()
        let ts = try target.contiguous()
        var picks = [Int](repeating: -1, count: batch)
        for b in 0..<batch {
            let t = Int(ts.storage.ints[ts.offset + b])
            if t == ignoreIndex { continue }
            guard t >= 0 && t < classes else { throw TensorError.index("Target \(t) is out of bounds.") }
            picks[b] = t
        }
        let loss = dtype == .float64
            ? try x.nllReduce(Double.self, picks, classes: classes, reduction: reduction, vector: ndim == 1)
            : try x.nllReduce(Float.self, picks, classes: classes, reduction: reduction, vector: ndim == 1)
        return (loss, picks, Double(picks.filter { $0 >= 0 }.count))
    }

    /// The losses `-x[b, picks[b]]` of this contiguous `T` tensor, per sample ("none") or
    /// summed in PyTorch's cascade order and, for "mean", divided by the samples counted.
    private func nllReduce<T: FloatElement>(_: T.Type, _ picks: [Int], classes: Int, reduction: String, vector: Bool) throws -> Tensor {
        let batch = picks.count, p = base(T.self) + offset
        var losses = [T](repeating: 0, count: batch)
        for b in 0..<batch where picks[b] >= 0 { losses[b] = -p[b * classes + picks[b]] }
        if reduction == "none" {
            if vector { return Tensor(scalar: Double(losses[0]), dtype: T.dtype) }
            return try Tensor(elements: losses, shape: [batch])
        }
        // Cascade summation: partial sums at levels of 2^p samples keep the error small.
        let levels = 8
        let power = Swift.max(4, (Tensor.ceilLog2(batch)) / 2)
        let mask = (1 << power) - 1
        var partial = [T](repeating: 0, count: levels)
        for b in 0..<batch where picks[b] >= 0 {
            partial[0] += losses[b]
            var j = 0
            while j + 1 < levels {
                if b & (mask << (j * power)) != 0 { break }
                partial[j + 1] += partial[j]
                partial[j] = 0
                j += 1
            }
        }
        var total: T = 0
        for q in partial { total += q }
        if reduction == "mean" { total /= T(picks.filter { $0 >= 0 }.count) }
        return Tensor(scalar: Double(total), dtype: T.dtype)
    }

    static func ceilLog2(_ n: Int) -> Int {
        var p = 0
        while (1 << p) < n { p += 1 }
        return p
    }
}
