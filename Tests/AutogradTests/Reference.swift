import Autograd
import Foundation
import Tensors
import Testing

// The tests' own double-precision reference: a tiny N-d array evaluated in Double, and a
// gradcheck comparing autograd's float32 gradients with central differences of that reference.

/// A row-major array of Doubles.
struct D {
    var shape: [Int]
    var v: [Double]

    init(_ shape: [Int], _ v: [Double]) {
        precondition(shape.reduce(1, *) == v.count, "test bug: shape/values")
        self.shape = shape
        self.v = v
    }

    /// Deterministic pseudo-random values in [lo, hi), already rounded to float32 so autograd
    /// and the reference start from the same point.
    static func random(_ shape: [Int], seed: UInt64, lo: Double = -1, hi: Double = 1) -> D {
        var s = seed &* 6364136223846793005 &+ 1442695040888963407
        let n = shape.reduce(1, *)
        var out = [Double]()
        for _ in 0..<n {
            s = s &* 6364136223846793005 &+ 1442695040888963407
            let u = Double(s >> 11) / Double(1 << 53)
            out.append(Double(Float(lo + (hi - lo) * u)))
        }
        return D(shape, out)
    }

    var count: Int { v.count }

    func map(_ f: (Double) -> Double) -> D { D(shape, v.map(f)) }

    /// Row-major strides.
    static func strides(_ shape: [Int]) -> [Int] {
        var st = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) { st[d] = acc; acc *= shape[d] }
        return st
    }

    /// Multi-index of flat position `i` in `shape`.
    static func unflatten(_ i: Int, _ shape: [Int]) -> [Int] {
        var idx = [Int](repeating: 0, count: shape.count)
        var r = i
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] > 0 {
            idx[d] = r % shape[d]
            r /= shape[d]
        }
        return idx
    }

    /// The element of `self` that broadcasting reads for multi-index `idx` of a larger shape.
    func at(broadcast idx: [Int]) -> Double {
        let lead = idx.count - shape.count
        let st = D.strides(shape)
        var p = 0
        for d in 0..<shape.count where shape[d] != 1 { p += idx[lead + d] * st[d] }
        return v[p]
    }

    static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int] {
        let n = max(a.count, b.count)
        return (0..<n).map { i in
            let x = i - (n - a.count) >= 0 ? a[i - (n - a.count)] : 1
            let y = i - (n - b.count) >= 0 ? b[i - (n - b.count)] : 1
            return x == 1 ? y : x
        }
    }

    static func zip(_ a: D, _ b: D, _ f: (Double, Double) -> Double) -> D {
        let s = broadcastShape(a.shape, b.shape)
        let n = s.reduce(1, *)
        return D(s, (0..<n).map { i in
            let idx = unflatten(i, s)
            return f(a.at(broadcast: idx), b.at(broadcast: idx))
        })
    }

    /// Sum over `dims` (all when nil).
    func sum(_ dims: [Int]? = nil, keepdim: Bool = false) -> D {
        let ds = Set((dims ?? Array(0..<shape.count)).map { $0 < 0 ? $0 + shape.count : $0 })
        let kept = shape.enumerated().map { ds.contains($0.offset) ? 1 : $0.element }
        var out = [Double](repeating: 0, count: kept.reduce(1, *))
        let st = D.strides(kept)
        for i in 0..<count {
            let idx = D.unflatten(i, shape)
            var p = 0
            for d in 0..<shape.count where !ds.contains(d) { p += idx[d] * st[d] }
            out[p] += v[i]
        }
        let final = keepdim ? kept : shape.enumerated().filter { !ds.contains($0.offset) }.map(\.element)
        return D(final, out)
    }

    func mean(_ dims: [Int]? = nil, keepdim: Bool = false) -> D {
        let s = sum(dims, keepdim: keepdim)
        return s.map { $0 * Double(s.count) / Double(count) }
    }

    func variance(_ dims: [Int]? = nil, keepdim: Bool = false, correction: Int = 1) -> D {
        let m = mean(dims, keepdim: true)
        let sq = D.zip(self, m) { ($0 - $1) * ($0 - $1) }.sum(dims, keepdim: keepdim)
        let n = count / m.count
        return sq.map { $0 / Double(n - correction) }
    }

    /// Picks `self.v[positions[i]]` into an array of `shape`.
    func gather(_ positions: [Int], _ shape: [Int]) -> D { D(shape, positions.map { v[$0] }) }

    /// Matrix product with PyTorch's shape rules (vectors promoted, batch dims broadcast).
    static func matmul(_ a: D, _ b: D) -> D {
        let a2 = a.shape.count == 1 ? D([1] + a.shape, a.v) : a
        let b2 = b.shape.count == 1 ? D(b.shape + [1], b.v) : b
        let m = a2.shape[a2.shape.count - 2], k = a2.shape[a2.shape.count - 1], n = b2.shape[b2.shape.count - 1]
        let batch = broadcastShape(Array(a2.shape.dropLast(2)), Array(b2.shape.dropLast(2)))
        let nb = batch.reduce(1, *)
        var out = [Double]()
        for bi in 0..<nb {
            let bidx = unflatten(bi, batch)
            for i in 0..<m {
                for j in 0..<n {
                    var acc = 0.0
                    for p in 0..<k {
                        acc += a2.at(broadcast: bidx + [i, p]) * b2.at(broadcast: bidx + [p, j])
                    }
                    out.append(acc)
                }
            }
        }
        var shape = batch
        if a.shape.count > 1 { shape.append(m) }
        if b.shape.count > 1 { shape.append(n) }
        return D(shape, out)
    }

    var tensor: Tensor { try! Tensor(floats: v.map { Float($0) }, shape: shape) }
    func variable(requiresGrad: Bool = true) -> Variable { Variable(tensor, requiresGrad: requiresGrad) }
}

/// Where the elements of `op(x)` come from: `op` applied to the flat positions of `x` (an int64
/// tensor), so views and indexing get an exact double-precision reference by gathering.
func positions(_ shape: [Int], _ op: (Tensor) throws -> Tensor) throws -> (pos: [Int], shape: [Int]) {
    let n = shape.reduce(1, *)
    let t = try op(Tensor.arange(Int64(n)).view(shape))
    return (t.scalars().map { Int($0) }, t.shape)
}

/// Checks autograd against central differences of `reference` at `inputs`.
///
/// The loss is `sum(f(x) * w)` with fixed pseudo-random `w`, so every output element matters.
func gradcheck(_ inputs: [D], rtol: Double = 2e-3, atol: Double = 2e-4,
               sourceLocation: SourceLocation = #_sourceLocation,
               _ f: ([Variable]) throws -> Variable, reference: ([D]) -> D) throws {
    let vars = inputs.map { $0.variable() }
    let out = try f(vars)
    let expected = reference(inputs)
    #expect(out.shape == expected.shape, "forward shape", sourceLocation: sourceLocation)
    let got = out.data.scalars()
    for (g, e) in zip(got, expected.v) where abs(g - e) > 1e-4 + 1e-4 * abs(e) {
        Issue.record("forward \(g) != reference \(e)", sourceLocation: sourceLocation)
        break
    }
    let w = D.random(expected.shape, seed: 99, lo: 0.5, hi: 1.5)
    try out.backward(gradient: Variable(w.tensor))
    func loss(_ xs: [D]) -> Double {
        let y = reference(xs)
        return zip(y.v, w.v).reduce(0) { $0 + $1.0 * $1.1 }
    }
    let eps = 1e-6
    for (i, x) in inputs.enumerated() {
        let auto = vars[i].grad?.data.scalars() ?? [Double](repeating: 0, count: x.count)
        #expect(vars[i].grad == nil || vars[i].grad?.shape == x.shape, "grad shape of input \(i)", sourceLocation: sourceLocation)
        for j in 0..<x.count {
            var plus = inputs, minus = inputs
            plus[i].v[j] += eps
            minus[i].v[j] -= eps
            let numeric = (loss(plus) - loss(minus)) / (2 * eps)
            if abs(auto[j] - numeric) > atol + rtol * abs(numeric) {
                Issue.record("input \(i) element \(j): autograd \(auto[j]) vs finite difference \(numeric)",
                             sourceLocation: sourceLocation)
                return
            }
        }
    }
}

extension D {
    /// Einstein summation in Double for letter-only equations with an explicit output; a label
    /// of size 1 in one operand broadcasts against the others.
    static func einsum(_ equation: String, _ ops: [D]) -> D {
        let arrow = equation.firstRange(of: "->")!
        let ins = equation[..<arrow.lowerBound].split(separator: ",", omittingEmptySubsequences: false).map(Array.init)
        let out = Array(equation[arrow.upperBound...])
        var size: [Character: Int] = [:]
        for (k, labels) in ins.enumerated() {
            for (d, c) in labels.enumerated() { size[c] = max(size[c] ?? 1, ops[k].shape[d]) }
        }
        let all = Array(Set(ins.joined()).union(out)).sorted()
        let total = all.reduce(1) { $0 * size[$1]! }
        let outShape = out.map { size[$0]! }
        var result = [Double](repeating: 0, count: outShape.reduce(1, *))
        let outStrides = strides(outShape)
        for flat in 0..<total {
            let idx = unflatten(flat, all.map { size[$0]! })
            var value: [Character: Int] = [:]
            for (k, c) in all.enumerated() { value[c] = idx[k] }
            var prod = 1.0
            var valid = true
            for (k, labels) in ins.enumerated() {
                var p = 0
                let st = strides(ops[k].shape)
                var seen: [Character: Int] = [:]
                for (d, c) in labels.enumerated() {
                    let v = ops[k].shape[d] == 1 ? 0 : value[c]!
                    if let s = seen[c], s != v { valid = false }
                    seen[c] = v
                    p += v * st[d]
                }
                prod *= ops[k].v[p]
            }
            if !valid { continue }
            var o = 0
            for (d, c) in out.enumerated() { o += value[c]! * outStrides[d] }
            result[o] += prod
        }
        return D(outShape, result)
    }
}
