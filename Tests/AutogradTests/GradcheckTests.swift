import Autograd
import Foundation
import Tensors
import Testing

// Finite-difference checks, one per rule, against the double-precision reference.

@Suite struct ArithmeticGradcheck {
    let a = D.random([3, 4], seed: 1), b = D.random([4], seed: 2), c = D.random([3, 1], seed: 3)
    let pos = D.random([3, 4], seed: 4, lo: 0.5, hi: 2), posB = D.random([4], seed: 5, lo: 0.5, hi: 2)

    @Test func add() throws {
        try gradcheck([a, b], { try $0[0].add($0[1]) }) { D.zip($0[0], $0[1], +) }
        try gradcheck([c, b], { try $0[0].add($0[1]) }) { D.zip($0[0], $0[1], +) }
    }
    @Test func sub() throws {
        try gradcheck([a, c], { try $0[0].sub($0[1]) }) { D.zip($0[0], $0[1], -) }
    }
    @Test func mul() throws {
        try gradcheck([a, b], { try $0[0].mul($0[1]) }) { D.zip($0[0], $0[1], *) }
        try gradcheck([a, a], { try $0[0].mul($0[1]) }) { D.zip($0[0], $0[1], *) }
    }
    @Test func mulSameInputTwice() throws {
        // x * x: both edges lead to one leaf, gradients add up to 2x.
        try gradcheck([a], { try $0[0].mul($0[0]) }) { $0[0].map { $0 * $0 } }
    }
    @Test func div() throws {
        try gradcheck([a, posB], { try $0[0].div($0[1]) }) { D.zip($0[0], $0[1], /) }
    }
    @Test func neg() throws {
        try gradcheck([a], { try $0[0].neg() }) { $0[0].map { -$0 } }
    }
    @Test func rsubAndRdiv() throws {
        try gradcheck([a], { try $0[0].rsub(Variable(Tensor(scalar: 2, dtype: .float32))) }) { $0[0].map { 2 - $0 } }
        try gradcheck([pos], { try $0[0].rdiv(Variable(Tensor(scalar: 3, dtype: .float32))) }) { $0[0].map { 3 / $0 } }
    }
    @Test func scalarOperands() throws {
        try gradcheck([a], { try $0[0].mul(2.5).add(1).sub(0.5).div(4) }) { $0[0].map { ($0 * 2.5 + 1 - 0.5) / 4 } }
    }
    @Test func powScalarExponent() throws {
        try gradcheck([a], { try $0[0].pow(2) }) { $0[0].map { $0 * $0 } }
        try gradcheck([a], { try $0[0].pow(3) }) { $0[0].map { $0 * $0 * $0 } }
        try gradcheck([pos], { try $0[0].pow(0.5) }) { $0[0].map { Foundation.sqrt($0) } }
        try gradcheck([pos], { try $0[0].pow(-1.5) }) { $0[0].map { Foundation.pow($0, -1.5) } }
        try gradcheck([a], { try $0[0].pow(0) }) { $0[0].map { _ in 1 } }
    }
    @Test func powScalarBase() throws {
        try gradcheck([a], { try Variable.pow(2, $0[0]) }) { $0[0].map { Foundation.pow(2, $0) } }
    }
    @Test func powTensorTensor() throws {
        try gradcheck([pos, b], { try $0[0].pow($0[1]) }) { D.zip($0[0], $0[1]) { Foundation.pow($0, $1) } }
    }
}

@Suite struct PointwiseGradcheck {
    let a = D.random([2, 5], seed: 11, lo: -2, hi: 2), pos = D.random([2, 5], seed: 12, lo: 0.3, hi: 3)

    @Test func exp() throws { try gradcheck([a], { try $0[0].exp() }) { $0[0].map(Foundation.exp) } }
    @Test func log() throws { try gradcheck([pos], { try $0[0].log() }) { $0[0].map(Foundation.log) } }
    @Test func sqrt() throws { try gradcheck([pos], { try $0[0].sqrt() }) { $0[0].map(Foundation.sqrt) } }
    @Test func abs() throws { try gradcheck([a], { try $0[0].abs() }) { $0[0].map(Swift.abs) } }
    @Test func sigmoid() throws {
        try gradcheck([a], { try $0[0].sigmoid() }) { $0[0].map { 1 / (1 + Foundation.exp(-$0)) } }
    }
    @Test func tanh() throws { try gradcheck([a], { try $0[0].tanh() }) { $0[0].map(Foundation.tanh) } }
    @Test func relu() throws { try gradcheck([a], { try $0[0].relu() }) { $0[0].map { Swift.max($0, 0) } } }
    @Test func clamp() throws {
        try gradcheck([a], { try $0[0].clamp(min: -0.5, max: 1) }) { $0[0].map { Swift.min(Swift.max($0, -0.5), 1) } }
        try gradcheck([a], { try $0[0].clamp(min: nil, max: 0.3) }) { $0[0].map { Swift.min($0, 0.3) } }
    }
    @Test func clampMinMax() throws {
        try gradcheck([a], { try $0[0].clampMin(0.2) }) { $0[0].map { Swift.max($0, 0.2) } }
        try gradcheck([a], { try $0[0].clampMax(0.2) }) { $0[0].map { Swift.min($0, 0.2) } }
    }
    @Test func cloneAndFloat() throws {
        try gradcheck([a], { try $0[0].clone().mul($0[0].float()) }) { $0[0].map { $0 * $0 } }
    }
    @Test func detachStopsGradient() throws {
        // x * x.detach(): only the first factor is differentiated, the second is a constant.
        try gradcheck([a], { try $0[0].mul($0[0].detach()) }) { x in D.zip(x[0], a, *) }
    }
}

@Suite struct ReductionGradcheck {
    let a = D.random([3, 4, 2], seed: 21)

    @Test func sum() throws {
        try gradcheck([a], { try $0[0].sum() }) { $0[0].sum() }
        try gradcheck([a], { try $0[0].sum(dims: [1]) }) { $0[0].sum([1]) }
        try gradcheck([a], { try $0[0].sum(dims: [0, -1], keepdim: true) }) { $0[0].sum([0, 2], keepdim: true) }
    }
    @Test func mean() throws {
        try gradcheck([a], { try $0[0].mean() }) { $0[0].mean() }
        try gradcheck([a], { try $0[0].mean(dims: [2]) }) { $0[0].mean([2]) }
        try gradcheck([a], { try $0[0].mean(dims: [0], keepdim: true) }) { $0[0].mean([0], keepdim: true) }
    }
    @Test func variance() throws {
        try gradcheck([a], { try $0[0].var() }) { $0[0].variance() }
        try gradcheck([a], { try $0[0].var(dims: [1], keepdim: true) }) { $0[0].variance([1], keepdim: true) }
        try gradcheck([a], { try $0[0].var(dims: [0], correction: 0) }) { $0[0].variance([0], correction: 0) }
    }
    @Test func std() throws {
        try gradcheck([a], { try $0[0].std() }) { $0[0].variance().map(Foundation.sqrt) }
        try gradcheck([a], { try $0[0].std(dims: [2]) }) { $0[0].variance([2]).map(Foundation.sqrt) }
    }
    @Test func maxMinAll() throws {
        try gradcheck([a], { try $0[0].max() }) { D([], [$0[0].v.max()!]) }
        try gradcheck([a], { try $0[0].min() }) { D([], [$0[0].v.min()!]) }
    }
    @Test func maxMinDim() throws {
        let x = D.random([3, 4], seed: 22)
        func along(_ d: D, largest: Bool, keepdim: Bool) -> D {
            var out = [Double]()
            for i in 0..<3 {
                let row = (0..<4).map { d.v[i * 4 + $0] }
                out.append(largest ? row.max()! : row.min()!)
            }
            return D(keepdim ? [3, 1] : [3], out)
        }
        try gradcheck([x], { try $0[0].max(dim: 1).values }) { along($0[0], largest: true, keepdim: false) }
        try gradcheck([x], { try $0[0].min(dim: -1, keepdim: true).values }) { along($0[0], largest: false, keepdim: true) }
    }
    @Test func amax() throws {
        let x = D.random([3, 4], seed: 23)
        try gradcheck([x], { try $0[0].amax(dims: [0]) }) { d in
            D([4], (0..<4).map { j in (0..<3).map { d[0].v[$0 * 4 + j] }.max()! })
        }
    }
}

@Suite struct ViewGradcheck {
    let a = D.random([2, 3, 4], seed: 31)

    /// Gradcheck of a pure data-movement op against a gather built from the op's positions.
    func checkMovement(_ x: D, sourceLocation: SourceLocation = #_sourceLocation,
                       _ v: (Variable) throws -> Variable, _ t: (Tensor) throws -> Tensor) throws {
        let (pos, shape) = try positions(x.shape, t)
        try gradcheck([x], sourceLocation: sourceLocation, { try v($0[0]) }) { $0[0].gather(pos, shape) }
    }

    @Test func view() throws { try checkMovement(a, { try $0.view([6, 4]) }, { try $0.view([6, 4]) }) }
    @Test func reshape() throws {
        try checkMovement(a, { try $0.reshape([-1]) }, { try $0.reshape([-1]) })
        try checkMovement(a, { try $0.transpose(0, 2).reshape([4, 6]) }, { try $0.transpose(0, 2).reshape([4, 6]) })
    }
    @Test func transpose() throws { try checkMovement(a, { try $0.transpose(0, 2) }, { try $0.transpose(0, 2) }) }
    @Test func permute() throws { try checkMovement(a, { try $0.permute([1, 2, 0]) }, { try $0.permute([1, 2, 0]) }) }
    @Test func t() throws {
        let m = D.random([3, 5], seed: 32)
        try checkMovement(m, { try $0.t() }, { try $0.t() })
        try checkMovement(m, { try $0.T() }, { $0.T })
    }
    @Test func expand() throws {
        let v = D.random([3, 1], seed: 33)
        try checkMovement(v, { try $0.expand([2, 3, 4]) }, { try $0.expand([2, 3, 4]) })
        try gradcheck([v, D.random([3, 5], seed: 34)], { try $0[0].expandAs($0[1]).mul($0[1]) }) {
            D.zip($0[0], $0[1], *)
        }
    }
    @Test func unsqueezeSqueeze() throws {
        try checkMovement(a, { try $0.unsqueeze(1) }, { try $0.unsqueeze(1) })
        let s = D.random([2, 1, 3, 1], seed: 35)
        try checkMovement(s, { try $0.squeeze() }, { $0.squeeze() })
        try checkMovement(s, { try $0.squeeze(1) }, { try $0.squeeze(1) })
        try checkMovement(s, { try $0.squeeze([1, 3]) }, { try $0.squeeze([1, 3]) })
    }
    @Test func contiguous() throws {
        try checkMovement(a, { try $0.transpose(0, 1).contiguous() }, { try $0.transpose(0, 1).contiguous() })
    }
    @Test func basicIndexing() throws {
        let cases: [[TensorIndex]] = [
            [.int(1)],
            [.slice(start: 1, stop: nil, step: nil)],
            [.ellipsis, .int(-1)],
            [.int(0), .slice(start: 0, stop: 3, step: 2), .newAxis],
            [.slice(start: nil, stop: nil, step: nil), .int(2)],
        ]
        for idx in cases { try checkMovement(a, { try $0.index(idx) }, { try $0.index(idx) }) }
    }
    @Test func advancedIndexing() throws {
        let rows = try Tensor(ints: [0, 1, 1, 0, 1], shape: [5])
        let mask = try Tensor(bools: [true, false, true, true], shape: [4])
        let cases: [[TensorIndex]] = [
            [.tensor(rows)],                                    // repeated rows accumulate
            [.slice(start: nil, stop: nil, step: nil), .tensor(try Tensor(ints: [2, 2, 0], shape: [3]))],
            [.ellipsis, .tensor(mask)],
            [.int(1), .tensor(try Tensor(ints: [0, 0, 2], shape: [3])), .tensor(try Tensor(ints: [1, 1, 3], shape: [3]))],
        ]
        for idx in cases { try checkMovement(a, { try $0.index(idx) }, { try $0.index(idx) }) }
        let m = D.random([3, 4], seed: 36)
        let big = try m.tensor.gt(Tensor(scalar: 0, dtype: .float32))
        try checkMovement(m, { try $0.index([.tensor(big)]) }, { try $0.index([.tensor(big)]) })
    }
}

@Suite struct ProductGradcheck {
    func check(_ sa: [Int], _ sb: [Int], sourceLocation: SourceLocation = #_sourceLocation) throws {
        try gradcheck([D.random(sa, seed: 41), D.random(sb, seed: 42)], sourceLocation: sourceLocation,
                      { try $0[0].matmul($0[1]) }) { D.matmul($0[0], $0[1]) }
    }
    @Test func dot() throws { try check([4], [4]) }
    @Test func mv() throws { try check([3, 4], [4]) }
    @Test func vm() throws { try check([4], [4, 3]) }
    @Test func mm() throws {
        try check([3, 4], [4, 2])
        try gradcheck([D.random([3, 4], seed: 43), D.random([4, 2], seed: 44)], { try $0[0].mm($0[1]) }) { D.matmul($0[0], $0[1]) }
        try gradcheck([D.random([4], seed: 45), D.random([4], seed: 46)], { try $0[0].dot($0[1]) }) { D.matmul($0[0], $0[1]) }
    }
    @Test func mmOfTransposedViews() throws {
        try gradcheck([D.random([4, 3], seed: 47), D.random([2, 4], seed: 48)],
                      { try $0[0].t().matmul($0[1].t()) }) { x in
            let at = try! positions([4, 3]) { try $0.t() }, bt = try! positions([2, 4]) { try $0.t() }
            return D.matmul(x[0].gather(at.pos, at.shape), x[1].gather(bt.pos, bt.shape))
        }
    }
    @Test func batched() throws {
        try check([2, 3, 4], [4, 5])
        try check([2, 3, 4], [2, 4, 5])
        try check([2, 3, 4], [4])
        try check([4], [2, 4, 3])
        try check([3, 1, 2, 4], [2, 4, 3])
        try check([3, 4], [2, 4, 5])
    }
}

@Suite struct JoinGradcheck {
    @Test func cat() throws {
        let x = D.random([2, 3], seed: 51), y = D.random([4, 3], seed: 52), z = D.random([2, 2], seed: 53)
        try gradcheck([x, y], { try Variable.cat([$0[0], $0[1]]) }) { D([6, 3], $0[0].v + $0[1].v) }
        try gradcheck([x, z], { try Variable.cat([$0[0], $0[1]], dim: -1) }) { d in
            var out: [Double] = []
            for i in 0..<2 {
                out += d[0].v[(i * 3)..<(i * 3 + 3)]
                out += d[1].v[(i * 2)..<(i * 2 + 2)]
            }
            return D([2, 5], out)
        }
    }
    @Test func stack() throws {
        let x = D.random([2, 3], seed: 54), y = D.random([2, 3], seed: 55)
        try gradcheck([x, y], { try Variable.stack([$0[0], $0[1]]) }) { D([2, 2, 3], $0[0].v + $0[1].v) }
        try gradcheck([x, y], { try Variable.stack([$0[0], $0[1]], dim: 2) }) { d in
            D([2, 3, 2], (0..<6).flatMap { [d[0].v[$0], d[1].v[$0]] })
        }
    }
    @Test func whereBroadcasting() throws {
        let x = D.random([3, 4], seed: 56), y = D.random([4], seed: 57)
        let cond = try x.tensor.gt(Tensor(scalar: 0, dtype: .float32))
        let c = cond.scalars()
        try gradcheck([x, y], { try Variable.where(Variable(cond), $0[0], $0[1]) }) { d in
            D([3, 4], (0..<12).map { c[$0] != 0 ? d[0].v[$0] : d[1].v[$0 % 4] })
        }
    }
}

@Suite struct CompositeGradcheck {
    @Test func mseOfLinearRelu() throws {
        // A small version of the lesson's model: every rule in one graph.
        let x = D.random([5, 3], seed: 61), w = D.random([3, 4], seed: 62), b = D.random([4], seed: 63)
        let w2 = D.random([4, 1], seed: 64), y = D.random([5], seed: 65)
        try gradcheck([x, w, b, w2], { v in
            let h = try v[0].matmul(v[1]).add(v[2]).relu()
            let out = try h.matmul(v[3]).squeeze(-1)
            return try out.sub(Variable(y.tensor)).pow(2).mean()
        }) { v in
            let h = D.zip(D.matmul(v[0], v[1]), v[2], +).map { Swift.max($0, 0) }
            let out = D.matmul(h, v[3])
            return D.zip(D([5], out.v), y) { ($0 - $1) * ($0 - $1) }.mean()
        }
    }
    @Test func inPlaceOnNonLeafRebasesHistory() throws {
        let a = D.random([2, 3], seed: 66), b = D.random([3], seed: 67)
        try gradcheck([a, b], { v in
            let y = try v[0].mul(2)
            try y.mul_(v[1])
            try y.add_(v[0])
            return y
        }) { v in D.zip(D.zip(v[0].map { $0 * 2 }, v[1], *), v[0], +) }
    }
    @Test func setIndexRecords() throws {
        let a = D.random([3, 4], seed: 68), r = D.random([4], seed: 69)
        try gradcheck([a, r], { v in
            let y = try v[0].mul(3)
            try y.setIndex([.int(1)], v[1])
            return y
        }) { v in
            var out = v[0].map { $0 * 3 }
            for j in 0..<4 { out.v[4 + j] = v[1].v[j] }
            return out
        }
    }
}

@Suite struct EinsumGradcheck {
    func check(_ eq: String, _ shapes: [[Int]], reference: String? = nil, name: String,
               sourceLocation: SourceLocation = #_sourceLocation) throws {
        let inputs = shapes.enumerated().map { D.random($0.element, seed: 90 + UInt64($0.offset)) }
        try gradcheck(inputs, sourceLocation: sourceLocation, { v in
            let r = try Variable.einsum(eq, v)
            #expect(r.gradFn?.name == name, sourceLocation: sourceLocation)
            return r
        }) { D.einsum(reference ?? eq, $0) }
    }

    @Test func products() throws {
        try check("ij,jk->ik", [[3, 4], [4, 5]], name: "ViewBackward0")
        try check("ij,j->i", [[3, 4], [4]], name: "ViewBackward0")
        try check("bij,bjk->bik", [[2, 3, 4], [2, 4, 5]], name: "ViewBackward0")
        try check("i,i->", [[4], [4]], name: "ViewBackward0")
        try check("i,j->ij", [[3], [4]], name: "MulBackward0")
        try check("ij,ij->ij", [[3, 4], [3, 4]], name: "MulBackward0")
        try check("ij,jk,kl->il", [[2, 3], [3, 4], [4, 2]], name: "ViewBackward0")
    }
    @Test func singleOperand() throws {
        try check("ii->", [[4, 4]], name: "SumBackward1")
        try check("ii->i", [[4, 4]], name: "PermuteBackward0")
        try check("ij->ji", [[3, 4]], name: "PermuteBackward0")
        try check("ij->", [[3, 4]], name: "SumBackward1")
        try check("ij->j", [[3, 4]], name: "SumBackward1")
    }
    @Test func implicitAndEllipsis() throws {
        try check("ij,jk", [[3, 4], [4, 5]], reference: "ij,jk->ik", name: "ViewBackward0")
        try check("...ij,...jk->...ik", [[2, 3, 4], [1, 4, 5]], reference: "bij,bjk->bik", name: "ViewBackward0")
        try check("...ij,jk->...ik", [[2, 3, 4], [4, 5]], reference: "bij,jk->bik", name: "ViewBackward0")
        try check("ij,kj->ik", [[3, 4], [2, 4]], name: "ViewBackward0")
        try check("ijk,ik->j", [[2, 3, 4], [2, 4]], name: "ViewBackward0")
    }
}

@Suite struct CopySlicesGradcheck {
    let a = D.random([3, 4], seed: 101), r = D.random([2], seed: 102)

    @Test func inPlaceOnARowView() throws {
        try gradcheck([a, r], { v in
            let y = try v[0].mul(3)
            let cols = try y.index([.int(1), .slice(start: 1, stop: 3, step: nil)])
            try cols.mul_(v[1])
            return y
        }) { v in
            var out = v[0].map { $0 * 3 }
            for j in 0..<2 { out.v[4 + 1 + j] *= v[1].v[j] }
            return out
        }
    }

    @Test func theViewItselfCarriesTheNewHistory() throws {
        try gradcheck([a, r], { v in
            let y = try v[0].mul(3)
            let cols = try y.index([.int(1), .slice(start: 1, stop: 3, step: nil)])
            try cols.add_(v[1])
            return try cols.mul(cols)
        }) { v in
            D([2], (0..<2).map { j in
                let e = v[0].v[4 + 1 + j] * 3 + v[1].v[j]
                return e * e
            })
        }
    }

    @Test func writingIntoAPlainTensorThroughAView() throws {
        try gradcheck([a], { v in
            let z = Variable(try Tensor.zeros([2, 3, 4]))
            try z.index([.int(1)]).add_(v[0].exp())
            return z
        }) { v in D([2, 3, 4], [Double](repeating: 0, count: 12) + v[0].v.map(Foundation.exp)) }
    }

    @Test func transposedBase() throws {
        try gradcheck([a], { v in
            let y = try v[0].mul(2).t()
            try y.index([.int(0)]).mul_(Variable(Tensor(scalar: -1, dtype: .float32)))
            return y
        }) { v in
            var out = [Double]()
            for j in 0..<4 { for i in 0..<3 { out.append(v[0].v[i * 4 + j] * 2 * (j == 0 ? -1 : 1)) } }
            return D([4, 3], out)
        }
    }
}

@Suite struct StaleViewGradcheck {
    let a = D.random([3, 4], seed: 111)

    @Test func viewOfABaseRewrittenInPlace() throws {
        try gradcheck([a], { v in
            let y = try v[0].mul(1)
            let row = try y.index([.int(0)])
            try y.mul_(Variable(Tensor(scalar: 3, dtype: .float32)))
            #expect(row.gradFn?.name == "AsStridedBackward0")
            return row
        }) { v in D([4], (0..<4).map { v[0].v[$0] * 3 }) }
    }

    @Test func inPlaceWithItselfAsOperand() throws {
        // y *= y on a non-leaf: the operand is the old value (PyTorch refuses at backward).
        try gradcheck([a], { v in
            let y = try v[0].mul(1)
            try y.mul_(y)
            return y
        }) { v in v[0].map { $0 * $0 } }
    }
}
