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
    /// The bounds `address(i, j)` checks: (n0, n1) for a float32 matrix, (0, 0) otherwise, so
    /// that one unsigned comparison per index decides (a closed view has every bound 0).
    public let m0: Int, m1: Int
    /// The bound `address(i)` checks: n0 for a float32 vector, 0 otherwise.
    public let v0: Int

    public init(_ t: Tensor) {
        let r = t.shape.count
        guard t.storage.dtype == .float32, r == 1 || r == 2 else {
            base = nil; rank = r; n0 = 0; n1 = 0; s0 = 0; s1 = 0; m0 = 0; m1 = 0; v0 = 0
            return
        }
        base = t.storage.floats + t.offset
        rank = r
        n0 = t.shape[0]; s0 = t.strides[0]
        n1 = r == 2 ? t.shape[1] : 1
        s1 = r == 2 ? t.strides[1] : 0
        m0 = r == 2 ? n0 : 0
        m1 = r == 2 ? n1 : 0
        v0 = r == 1 ? n0 : 0
    }

    private init(closing v: ElementView) {
        base = v.base; rank = v.rank; n0 = v.n0; n1 = v.n1; s0 = v.s0; s1 = v.s1
        m0 = 0; m1 = 0; v0 = 0
    }

    /// The same addressing with no element in reach: `address` always returns nil.
    public var closed: ElementView { ElementView(closing: self) }

    /// The address of element `[i, j]` of a matrix (Python's negative indices), or nil when the
    /// tensor is not a float32 matrix or an index is out of range.
    @inlinable @inline(__always)
    public func address(_ i: Int, _ j: Int) -> UnsafeMutablePointer<Float>? {
        // In-range indices cost one unsigned comparison each (a negative index compares as huge).
        if UInt(bitPattern: i) < UInt(bitPattern: m0) && UInt(bitPattern: j) < UInt(bitPattern: m1) {
            return base.unsafelyUnwrapped + (i &* s0 &+ j &* s1)
        }
        let ii = i < 0 ? i &+ m0 : i, jj = j < 0 ? j &+ m1 : j
        guard UInt(bitPattern: ii) < UInt(bitPattern: m0) && UInt(bitPattern: jj) < UInt(bitPattern: m1) else { return nil }
        return base.unsafelyUnwrapped + (ii &* s0 &+ jj &* s1)
    }

    /// The address of element `[i]` of a float32 vector, or nil.
    @inlinable @inline(__always)
    public func address(_ i: Int) -> UnsafeMutablePointer<Float>? {
        let ii = i < 0 ? i &+ v0 : i
        guard UInt(bitPattern: ii) < UInt(bitPattern: v0) else { return nil }
        return base.unsafelyUnwrapped + ii &* s0
    }
}
