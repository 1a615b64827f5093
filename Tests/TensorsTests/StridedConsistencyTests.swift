import Testing
import Tensors

/// A tiny deterministic generator for test shapes (not the library RNG).
struct SplitMix {
    var state: UInt64
    mutating func next(_ n: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(n))
    }
}

/// Strided kernels (permuted, sliced, broadcast operands) must agree exactly with the same
/// op on contiguous copies.
@Suite struct StridedConsistencyTests {
    /// A random non-contiguous view with `shape`: a permuted, step-sliced window of a bigger tensor.
    func stridedView(_ shape: [Int], _ rng: inout SplitMix) throws -> Tensor {
        let n = shape.count
        var perm = Array(0..<n)
        for i in stride(from: n - 1, to: 0, by: -1) { perm.swapAt(i, rng.next(i + 1)) }
        // Base shape in permuted order with room for a step of 1 or 2 and an offset.
        var baseShape = [Int](repeating: 0, count: n)
        var steps = [Int](repeating: 1, count: n)
        for d in 0..<n {
            steps[d] = 1 + rng.next(2)
            baseShape[perm[d]] = shape[d] * steps[d] + 1
        }
        let count = baseShape.reduce(1, *)
        let values = (0..<count).map { Double(($0 * 7919) % 1000) / 8 - 60 }
        let base = try Tensor(values, shape: baseShape)
        var idx: [TensorIndex] = []
        for p in 0..<n {
            let d = perm.firstIndex(of: p)!
            idx.append(.slice(start: 1, stop: 1 + shape[d] * steps[d], step: steps[d]))
        }
        let inv = (0..<n).map { d in perm[d] }
        let v = try base.index(idx).permute(inv)
        #expect(v.shape == shape)
        return v
    }

    @Test(arguments: 0..<40) func elementwiseAndReductions(seed: Int) throws {
        var rng = SplitMix(state: UInt64(seed))
        let rank = 1 + rng.next(4)
        let shape = (0..<rank).map { _ in 1 + rng.next(5) }
        let a = try stridedView(shape, &rng)
        // b broadcasts: some dims set to 1, maybe fewer leading dims.
        var bShape = shape.map { rng.next(3) == 0 ? 1 : $0 }
        if rng.next(2) == 0 { bShape.removeFirst() }
        let b = try stridedView(bShape, &rng)
        let ac = try a.contiguous(), bc = try b.contiguous()
        #expect(ac.isContiguous)
        #expect(try a.add(b).scalars() == ac.add(bc).scalars())
        #expect(try a.mul(b).scalars() == ac.mul(bc).scalars())
        #expect(try b.sub(a).scalars() == bc.sub(ac).scalars())
        #expect(try a.gt(b).scalars() == ac.gt(bc).scalars())
        #expect(try Tensor.where(a.gt(b), a, b).scalars() == Tensor.where(ac.gt(bc), ac, bc).scalars())
        #expect(try a.exp().scalars() == ac.exp().scalars())
        #expect(try a.long().scalars() == ac.long().scalars())
        let d = rng.next(rank)
        let s1 = try a.sum(dim: d).scalars(), s2 = try ac.sum(dim: d).scalars()
        #expect(zip(s1, s2).allSatisfy { Swift.abs($0 - $1) < 1e-3 })
        let v1 = try a.var(dim: d).scalars(), v2 = try ac.var(dim: d).scalars()
        #expect(zip(v1, v2).allSatisfy { ($0.isNaN && $1.isNaN) || Swift.abs($0 - $1) < 1e-3 })
        #expect(try a.amax(dims: [d]).scalars() == ac.amax(dims: [d]).scalars())
        #expect(try a.argmin(dim: d).scalars() == ac.argmin(dim: d).scalars())
        #expect(try a.clone().scalars() == ac.scalars())
        // In place through the strided view.
        let target = try a.clone()
        try a.add_(b)
        #expect(try a.scalars() == target.add(bc).scalars())
    }
}
