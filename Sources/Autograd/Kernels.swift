import Tensors

// Fused loops for backward rules on the hot path (relu, clamp, sigmoid, ...): one pass over
// contiguous float buffers, no temporary masks. Each takes the rule twice, as a float32 and a
// float64 closure: the dtype is switched on once per call, never per element.

extension Tensor {
    /// `f(self[i], other[i])` for two float tensors of one shape, as a new contiguous tensor;
    /// `d` computes it instead when either is float64 (the result is then float64).
    @inline(__always)
    func zipFloats(_ other: Tensor, _ f: (Float, Float) -> Float, double d: (Double, Double) -> Double) throws -> Tensor {
        if dtype == .float64 || other.dtype == .float64 {
            let a = try contiguous().to(.float64), b = try other.expand(shape).contiguous().to(.float64)
            let out = try Tensor.uninitialized(shape, .float64)
            let pa = a.storage.doubles + a.offset, pb = b.storage.doubles + b.offset, po = out.storage.doubles
            for i in 0..<numel { po[i] = d(pa[i], pb[i]) }
            return out
        }
        let a = try contiguous().to(.float32), b = try other.expand(shape).contiguous().to(.float32)
        let out = try Tensor.uninitializedFloats(shape)
        let n = numel
        let pa = a.storage.floats + a.offset, pb = b.storage.floats + b.offset, po = out.storage.floats
        for i in 0..<n { po[i] = f(pa[i], pb[i]) }
        return out
    }

    /// `f(self[i], b[i], c[i])` for three float tensors of one shape (`d` when any is float64).
    @inline(__always)
    func zipFloats(_ b: Tensor, _ c: Tensor, _ f: (Float, Float, Float) -> Float,
                   double d: (Double, Double, Double) -> Double) throws -> Tensor {
        if dtype == .float64 || b.dtype == .float64 || c.dtype == .float64 {
            let a = try contiguous().to(.float64)
            let b = try b.expand(shape).contiguous().to(.float64), c = try c.expand(shape).contiguous().to(.float64)
            let out = try Tensor.uninitialized(shape, .float64)
            let pa = a.storage.doubles + a.offset, pb = b.storage.doubles + b.offset
            let pc = c.storage.doubles + c.offset, po = out.storage.doubles
            for i in 0..<numel { po[i] = d(pa[i], pb[i], pc[i]) }
            return out
        }
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
    static func uninitializedFloats(_ shape: [Int]) throws -> Tensor { try uninitialized(shape, .float32) }

    /// A contiguous `dtype` tensor whose every element the caller writes (no zeroing pass).
    static func uninitialized(_ shape: [Int], _ dtype: DType) throws -> Tensor {
        let (n, strides) = try Tensor.layout(of: shape, dtype: dtype)
        return Tensor(storage: try Storage(uninitialized: dtype, count: n), shape: shape,
                      strides: strides, offset: 0)
    }
}
