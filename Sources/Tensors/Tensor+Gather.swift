// `gather`, `scatter_` and `scatter_add`: element moves along one dim, addressed by an int64
// index tensor of the same rank (PyTorch's checks and wording).

extension Tensor {
    /// Calls `body(indexPosition, selfStorageIndex)` for every element of `index`, where the
    /// self position is the index element's position with `dim` replaced by its value.
    private func walkIndex(_ dim: Int, _ index: Tensor, _ what: String,
                           _ body: (_ indexStorage: Int, _ selfStorage: Int, _ linear: Int) throws -> Void) throws {
        guard index.dtype == .int64 else {
            throw TensorError.runtime("\(what)(): Expected dtype int64 for index")
        }
        let rank = Swift.max(ndim, 1)
        let d = try Tensor.wrapDim(dim, rank: rank)
        guard Swift.max(index.ndim, 1) == rank else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as \(what == "gather" ? "input" : "self") tensor")
        }
        let selfShape = ndim == 0 ? [1] : shape, selfStrides = ndim == 0 ? [0] : strides
        let idxShape = index.ndim == 0 ? [1] : index.shape, idxStrides = index.ndim == 0 ? [0] : index.strides
        for k in 0..<rank where k != d && idxShape[k] > selfShape[k] {
            throw TensorError.runtime("Size does not match at dimension \(k) expected index \(Tensor.describe(index.shape)) to be no larger than self \(Tensor.describe(shape)) apart from dimension \(d)")
        }
        let n = index.numel
        if n == 0 { return }
        var pos = [Int](repeating: 0, count: rank)
        for linear in 0..<n {
            var ip = index.offset, sp = offset
            for k in 0..<rank {
                ip += pos[k] * idxStrides[k]
                if k != d { sp += pos[k] * selfStrides[k] }
            }
            let v = Int(index.storage.ints[ip])
            guard v >= -selfShape[d] && v < selfShape[d] else {
                throw TensorError.runtime("index \(v) is out of bounds for dimension \(d) with size \(selfShape[d])")
            }
            sp += (v < 0 ? v + selfShape[d] : v) * selfStrides[d]
            try body(ip, sp, linear)
            var k = rank - 1
            while k >= 0 {
                pos[k] += 1
                if pos[k] < idxShape[k] { break }
                pos[k] = 0
                k -= 1
            }
        }
    }

    /// `gather(dim, index)`: `out[i][j] = self[index[i][j]][j]` for dim 0 (and so on).
    public func gather(dim: Int, index: Tensor) throws -> Tensor {
        let out = try Tensor(zeros: index.shape, dtype: dtype)
        try walkIndex(dim, index, "gather") { _, sp, linear in
            out.setElement(atStorageIndex: linear, element(atStorageIndex: sp))
        }
        return out
    }

    /// `scatter_(dim, index, src)`: `self[index[i][j]][j] = src[i][j]` for dim 0; with
    /// `accumulate`, adds instead (`scatter_add_`).
    public func scatter_(dim: Int, index: Tensor, src: Tensor, accumulate: Bool = false) throws {
        try checkWritable()
        guard src.dtype == dtype else {
            throw TensorError.runtime("scatter(): Expected self.dtype to be equal to src.dtype")
        }
        let s = try src.contiguous()
        guard Swift.max(s.ndim, 1) == Swift.max(index.ndim, 1) else {
            throw TensorError.runtime("Index tensor must have the same number of dimensions as src tensor")
        }
        for k in 0..<Swift.min(index.ndim, s.ndim) where index.shape[k] > s.shape[k] {
            throw TensorError.runtime("Size does not match at dimension \(k) expected index \(Tensor.describe(index.shape)) to be no larger than src \(Tensor.describe(src.shape))")
        }
        let srcStrides = s.strides
        try walkIndex(dim, index, accumulate ? "scatter_add" : "scatter") { _, sp, linear in
            // `linear` walks the index row-major; the src element at the same position.
            var rem = linear, at = s.offset
            let idxShape = index.ndim == 0 ? [1] : index.shape
            for k in stride(from: idxShape.count - 1, through: 0, by: -1) {
                let p = rem % idxShape[k]
                rem /= idxShape[k]
                if k < srcStrides.count { at += p * srcStrides[k] }
            }
            let x = s.element(atStorageIndex: at)
            setElement(atStorageIndex: sp, accumulate ? element(atStorageIndex: sp) + x : x)
        }
    }

    /// `scatter_(dim, index, value)`: writes one number at every indexed place.
    public func scatter_(dim: Int, index: Tensor, value: Double) throws {
        try checkWritable()
        try walkIndex(dim, index, "scatter") { _, sp, _ in setElement(atStorageIndex: sp, value) }
    }
}
