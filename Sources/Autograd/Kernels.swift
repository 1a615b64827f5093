import Tensors

// Fused loops for backward rules on the hot path (relu, clamp, sigmoid, ...): one pass over
// contiguous float32 buffers, no temporary masks.

extension Tensor {
    /// `f(self[i], other[i])` for two float32 tensors of one shape, as a new contiguous tensor.
    @inline(__always)
    func zipFloats(_ other: Tensor, _ f: (Float, Float) -> Float) throws -> Tensor {
        let a = try contiguous().to(.float32), b = try other.expand(shape).contiguous().to(.float32)
        let out = try Tensor.uninitializedFloats(shape)
        let n = numel
        let pa = a.storage.floats + a.offset, pb = b.storage.floats + b.offset, po = out.storage.floats
        for i in 0..<n { po[i] = f(pa[i], pb[i]) }
        return out
    }

    /// `f(self[i], b[i], c[i])` for three float32 tensors of one shape.
    @inline(__always)
    func zipFloats(_ b: Tensor, _ c: Tensor, _ f: (Float, Float, Float) -> Float) throws -> Tensor {
        let a = try contiguous().to(.float32)
        let b = try b.expand(shape).contiguous().to(.float32), c = try c.expand(shape).contiguous().to(.float32)
        let out = try Tensor.uninitializedFloats(shape)
        let n = numel
        let pa = a.storage.floats + a.offset, pb = b.storage.floats + b.offset
        let pc = c.storage.floats + c.offset, po = out.storage.floats
        for i in 0..<n { po[i] = f(pa[i], pb[i], pc[i]) }
        return out
    }

    /// A contiguous float32 tensor whose every element the caller writes (no zeroing pass).
    static func uninitializedFloats(_ shape: [Int]) throws -> Tensor {
        let (n, strides) = try Tensor.layout(of: shape, dtype: .float32)
        return Tensor(storage: try Storage(uninitialized: .float32, count: n), shape: shape,
                      strides: strides, offset: 0)
    }
}
