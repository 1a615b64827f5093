import NNSyntax
import Autograd
import Tensors

/// Scalar indexing of float32 tensors without building an index tuple or a 0-d tensor:
/// `t[i, j]` reads an unboxed `.tscalar`, `c[i, j] += x` writes in place. Anything unusual
/// (autograd, other dtypes, out-of-range indices) returns nil/false and takes the slow path,
/// which produces PyTorch's results and errors. The tensor is only borrowed (no copies of
/// its shape/strides arrays, no retains) on this path.
enum TensorFast {
    @inline(__always) static func read2(_ v: Variable, _ i: Int, _ j: Int) -> Value? {
        if v.requiresGrad { return nil }
        return read2(v.data, i, j)
    }

    @inline(__always) static func read2(_ d: borrowing Tensor, _ i: Int, _ j: Int) -> Value? {
        guard let p = index2(d, i, j) else { return nil }
        return .tscalar(d.storage.floats[p])
    }

    @inline(__always) static func read1(_ v: Variable, _ i: Int) -> Value? {
        if v.requiresGrad { return nil }
        return read1(v.data, i)
    }

    @inline(__always) static func read1(_ d: borrowing Tensor, _ i: Int) -> Value? {
        guard d.storage.dtype == .float32, d.shape.count == 1 else { return nil }
        let n = d.shape[0]
        let ii = i < 0 ? i + n : i
        guard ii >= 0 && ii < n else { return nil }
        return .tscalar(d.storage.floats[d.offset + ii * d.strides[0]])
    }

    /// The storage index of `d[i, j]` when the fast path applies.
    @inline(__always) static func index2(_ d: borrowing Tensor, _ i: Int, _ j: Int) -> Int? {
        guard d.storage.dtype == .float32, d.shape.count == 2 else { return nil }
        let n0 = d.shape[0], n1 = d.shape[1]
        let ii = i < 0 ? i + n0 : i
        let jj = j < 0 ? j + n1 : j
        guard ii >= 0 && ii < n0 && jj >= 0 && jj < n1 else { return nil }
        return d.offset + ii * d.strides[0] + jj * d.strides[1]
    }

    @inline(__always) static func asFloat(_ x: Value) -> Float? {
        switch x {
        case .tscalar(let f): return f
        case .float(let d): return Float(d)
        case .int(let i): return Float(i)
        default: return nil
        }
    }

    @inline(__always) static func write2(_ v: Variable, _ i: Int, _ j: Int, _ x: Value) -> Bool {
        if v.requiresGrad { return false }
        guard let f = asFloat(x) else { return false }
        return write2(v.data, i, j, f)
    }

    @inline(__always) static func write2(_ d: borrowing Tensor, _ i: Int, _ j: Int, _ f: Float) -> Bool {
        guard let p = index2(d, i, j) else { return false }
        d.storage.floats[p] = f
        return true
    }

    /// Whether `augWrite2` can update element (i, j) of `v` in place (it exists, float32, no grad).
    @inline(__always) static func canAugWrite2(_ v: Variable, _ i: Int, _ j: Int) -> Bool {
        !v.requiresGrad && index2(v.data, i, j) != nil
    }

    @inline(__always) static func augWrite2(_ v: Variable, _ i: Int, _ j: Int, _ op: BinaryOp, _ x: Value) -> Bool {
        if v.requiresGrad { return false }
        guard let f = asFloat(x) else { return false }
        return augWrite2(v.data, i, j, op, f)
    }

    @inline(__always) static func augWrite2(_ d: borrowing Tensor, _ i: Int, _ j: Int, _ op: BinaryOp, _ f: Float) -> Bool {
        guard let p = index2(d, i, j) else { return false }
        let s = d.storage.floats
        switch op {
        case .add: s[p] += f
        case .sub: s[p] -= f
        case .mul: s[p] *= f
        case .div: s[p] /= f
        default: return false
        }
        return true
    }
}
