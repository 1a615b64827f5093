import Tensors

// cat, stack and where: the gradient is cut back into the pieces (or masked per branch).

extension Variable {
    /// `cat(tensors, dim)` (CatBackward0).
    public static func cat(_ vs: [Variable], dim: Int = 0) throws -> Variable {
        let out = try Tensor.cat(vs.map(\.data), dim: dim)
        let shapes = vs.map(\.shape)
        let d = try Tensor.wrapDim(dim, rank: out.ndim)
        return make(out, "CatBackward0", vs) { g, needs in
            var start = 0
            var grads: [Tensor?] = []
            for (i, s) in shapes.enumerated() {
                // PyTorch's cat skips 1-D empty inputs of any length; they get no gradient slot.
                let len = s.count == out.ndim ? s[d] : 0
                if needs[i] && s.count == out.ndim {
                    var idx = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: d)
                    idx.append(.slice(start: start, stop: start + len, step: 1))
                    grads.append(try g.index(idx))
                } else {
                    grads.append(needs[i] ? try Tensor.zeros(s) : nil)
                }
                start += len
            }
            return grads
        }
    }

    /// `stack(tensors, dim)` (StackBackward0).
    public static func stack(_ vs: [Variable], dim: Int = 0) throws -> Variable {
        let out = try Tensor.stack(vs.map(\.data), dim: dim)
        let d = try Tensor.wrapDim(dim, rank: out.ndim)
        return make(out, "StackBackward0", vs) { g, needs in
            try needs.enumerated().map { i, need in
                guard need else { return nil }
                var idx = [TensorIndex](repeating: .slice(start: nil, stop: nil, step: nil), count: d)
                idx.append(.int(i))
                return try g.index(idx)
            }
        }
    }

    /// `where(condition, a, b)` (WhereBackward0): `a`'s gradient where the condition holds,
    /// `b`'s elsewhere, each summed back to its own (broadcast) shape.
    public static func `where`(_ condition: Variable, _ a: Variable, _ b: Variable) throws -> Variable {
        let c = condition.data
        let out = try Tensor.where(c, a.data, b.data)
        let sa = a.shape, sb = b.shape
        return make(out, "WhereBackward0", [a, b], saves: [condition]) { g, needs in
            let zero = Tensor.float(0)
            return [needs[0] ? try Tensor.where(c, g, zero).sumTo(sa) : nil,
                    needs[1] ? try Tensor.where(c, zero, g).sumTo(sb) : nil]
        }
    }
}
