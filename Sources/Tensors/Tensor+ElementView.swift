/// A float32 tensor's element addressing as plain numbers: what an interpreter needs to read or
/// write one element of a vector or matrix in a loop without copying the `Tensor` (whose shape
/// and strides are arrays, so a copy costs reference counting).
///
/// Valid while the tensor it was made from keeps its storage alive; `Autograd.Variable` keeps
/// one in step with its `data`.
public struct ElementView: @unchecked Sendable {
    /// The first element's address; nil unless the tensor is float32 of rank 1 or 2.
    public let base: UnsafeMutablePointer<Float>?
    /// 1 or 2 when `base` is set.
    public let rank: Int
    public let n0: Int, n1: Int
    public let s0: Int, s1: Int

    public init(_ t: Tensor) {
        let r = t.shape.count
        guard t.storage.dtype == .float32, r == 1 || r == 2 else {
            base = nil; rank = r; n0 = 0; n1 = 0; s0 = 0; s1 = 0
            return
        }
        base = t.storage.floats + t.offset
        rank = r
        n0 = t.shape[0]; s0 = t.strides[0]
        n1 = r == 2 ? t.shape[1] : 1
        s1 = r == 2 ? t.strides[1] : 0
    }

    /// The address of element `[i, j]` of a matrix (Python's negative indices), or nil when the
    /// tensor is not a float32 matrix or an index is out of range.
    @inlinable @inline(__always)
    public func address(_ i: Int, _ j: Int) -> UnsafeMutablePointer<Float>? {
        guard let base, rank == 2 else { return nil }
        let ii = i < 0 ? i &+ n0 : i, jj = j < 0 ? j &+ n1 : j
        guard ii >= 0 && ii < n0 && jj >= 0 && jj < n1 else { return nil }
        return base + (ii &* s0 &+ jj &* s1)
    }

    /// The address of element `[i]` of a float32 vector, or nil.
    @inlinable @inline(__always)
    public func address(_ i: Int) -> UnsafeMutablePointer<Float>? {
        guard let base, rank == 1 else { return nil }
        let ii = i < 0 ? i &+ n0 : i
        guard ii >= 0 && ii < n0 else { return nil }
        return base + ii &* s0
    }
}
