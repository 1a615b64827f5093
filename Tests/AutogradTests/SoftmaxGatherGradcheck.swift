import Autograd
import Foundation
import Tensors
import Testing

// Finite-difference checks for the rules PyTorch-style code needs: the softmax family, the
// losses, gather, cumsum, sort values and lerp. References are plain Double loops over (2, 4)
// inputs (rows along dim 1).

/// Applies `f` to each row of a 2-d D (dim 1), or each column (dim 0).
private func lanes(_ x: D, dim: Int, _ f: ([Double]) -> [Double]) -> D {
    let (r, c) = (x.shape[0], x.shape[1])
    var out = x
    if dim == 1 {
        for i in 0..<r { out.v.replaceSubrange(i * c..<(i + 1) * c, with: f(Array(x.v[i * c..<(i + 1) * c]))) }
    } else {
        for j in 0..<c {
            let col = f((0..<r).map { x.v[$0 * c + j] })
            for i in 0..<r { out.v[i * c + j] = col[i] }
        }
    }
    return out
}

private func softmaxRow(_ v: [Double]) -> [Double] {
    let m = v.max()!, e = v.map { Foundation.exp($0 - m) }, s = e.reduce(0, +)
    return e.map { $0 / s }
}

@Suite struct SoftmaxGradcheck {
    let a = D.random([2, 4], seed: 31, lo: -2, hi: 2)

    @Test func softmax() throws {
        for dim in [0, 1, -1] {
            try gradcheck([a], { try $0[0].softmax(dim: dim) }) { lanes($0[0], dim: dim == 0 ? 0 : 1, softmaxRow) }
        }
    }
    @Test func logSoftmax() throws {
        for dim in [0, 1] {
            try gradcheck([a], { try $0[0].logSoftmax(dim: dim) }) { lanes($0[0], dim: dim) { softmaxRow($0).map(Foundation.log) } }
        }
    }
    @Test func logsumexp() throws {
        try gradcheck([a], { try $0[0].logsumexp(dims: [1], keepdim: true) }) { x in
            let l = lanes(x[0], dim: 1) { v in
                let s = Foundation.log(v.map(Foundation.exp).reduce(0, +))
                return [Double](repeating: s, count: v.count)
            }
            return D([2, 1], [l.v[0], l.v[4]])
        }
        try gradcheck([a], { try $0[0].logsumexp(dims: [0]) }) { x in
            D([4], (0..<4).map { j in Foundation.log(Foundation.exp(x[0].v[j]) + Foundation.exp(x[0].v[4 + j])) })
        }
    }
    @Test func nllLossAndCrossEntropy() throws {
        let target = try Tensor(ints: [3, 1], shape: [2])
        for (reduction, scale) in [("mean", 0.5), ("sum", 1.0)] {
            try gradcheck([a], { try $0[0].nllLoss(target: target, reduction: reduction) }) { x in
                D([], [-(x[0].v[3] + x[0].v[4 + 1]) * scale])
            }
            try gradcheck([a], { try $0[0].logSoftmax(dim: 1).nllLoss(target: target, reduction: reduction) }) { x in
                let l = lanes(x[0], dim: 1) { softmaxRow($0).map(Foundation.log) }
                return D([], [-(l.v[3] + l.v[5]) * scale])
            }
        }
        try gradcheck([a], { try $0[0].nllLoss(target: target, reduction: "none") }) { x in D([2], [-x[0].v[3], -x[0].v[5]]) }
    }
    @Test func mseLoss() throws {
        let b = D.random([2, 4], seed: 32)
        try gradcheck([a, b], { try $0[0].mseLoss($0[1]) }) { x in
            D([], [zip(x[0].v, x[1].v).map { ($0 - $1) * ($0 - $1) }.reduce(0, +) / 8])
        }
    }
}

@Suite struct GatherScanGradcheck {
    let a = D.random([2, 4], seed: 41, lo: -2, hi: 2)

    @Test func gather() throws {
        // Index 0 is picked twice in row 0: its gradient adds up.
        let idx = try Tensor(ints: [0, 0, 3, 2, 1, 2], shape: [2, 3])
        try gradcheck([a], { try $0[0].gather(dim: 1, index: idx) }) { x in
            D([2, 3], [x[0].v[0], x[0].v[0], x[0].v[3], x[0].v[6], x[0].v[5], x[0].v[6]])
        }
        let idx0 = try Tensor(ints: [1, 0, 1, 1], shape: [1, 4])
        try gradcheck([a], { try $0[0].gather(dim: 0, index: idx0) }) { x in D([1, 4], [x[0].v[4], x[0].v[1], x[0].v[6], x[0].v[7]]) }
    }
    @Test func cumsum() throws {
        for dim in [0, 1] {
            try gradcheck([a], { try $0[0].cumsum(dim: dim) }) { lanes($0[0], dim: dim) { v in
                var s = 0.0
                return v.map { s += $0; return s }
            } }
        }
    }
    @Test func sortValues() throws {
        let r = try a.tensor.sort(dim: 1, descending: true)
        try gradcheck([a], { try $0[0].picked(dim: 1, index: r.indices, name: "SortBackward0", out: $0[0].data.gather(dim: 1, index: r.indices)) }) {
            lanes($0[0], dim: 1) { $0.sorted(by: >) }
        }
    }
    @Test func linear() throws {
        let w = D.random([3, 4], seed: 43), b = D.random([3], seed: 44)
        func ref(_ x: D, _ w: D, _ b: D?) -> D {
            D([2, 3], (0..<6).map { k in
                let (i, j) = (k / 3, k % 3)
                return (0..<4).reduce(b?.v[j] ?? 0) { $0 + x.v[i * 4 + $1] * w.v[j * 4 + $1] }
            })
        }
        try gradcheck([a, w, b], { try Variable.linear($0[0], $0[1], $0[2]) }) { ref($0[0], $0[1], $0[2]) }
        try gradcheck([a, w], { try Variable.linear($0[0], $0[1], nil) }) { ref($0[0], $0[1], nil) }
        #expect(try Variable.linear(a.variable(), w.variable(), b.variable()).gradFn?.name == "AddmmBackward0")
    }
    @Test func lerp() throws {
        let b = D.random([4], seed: 42)
        for w in [0.25, 0.75] {
            try gradcheck([a, b], { try $0[0].lerp($0[1], weight: w) }) { x in D.zip(x[0], x[1]) { $0 + w * ($1 - $0) } }
        }
    }
}
