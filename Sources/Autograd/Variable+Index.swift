import Tensors

// Subscripts. Basic indexing (ints, slices, None, ...) gives a view whose gradient is written
// into zeros at the same places; advanced indexing (masks, int tensors) gathers a copy whose
// gradient is scattered back with accumulation (repeated indices add up).

extension Variable {
    /// `a[idx]` (SelectBackward0 / SliceBackward0 / UnsqueezeBackward0 / AliasBackward0 for
    /// basic forms, named after the last component applied; IndexBackward0 with a tensor).
    public func index(_ idx: [TensorIndex]) throws -> Variable {
        let out = try data.index(idx)
        let s = shape
        if Variable.isAdvanced(idx) {
            return Variable.make(out, "IndexBackward0", [self]) { g, _ in
                [try Variable.scatterAdd(g, into: s, at: Variable.sourcePositions(shape: s, idx))]
            }
        }
        return Variable.makeView(out, Variable.basicName(idx, shape: s), self) { g in
            let z = try Tensor.zeros(s, dtype: g.dtype)
            try z.indexPut(idx, g)
            return z
        }
    }

    static func isAdvanced(_ idx: [TensorIndex]) -> Bool {
        idx.contains { if case .tensor = $0 { true } else { false } }
    }

    /// PyTorch applies the components left to right; the node shown is the last one that did
    /// something (a full `:` does nothing unless it is all there is).
    static func basicName(_ idx: [TensorIndex], shape: [Int]) -> String {
        if let name = lastBasicStep(idx, shape: shape) { return name }
        let onlyEllipsis = idx.allSatisfy { if case .ellipsis = $0 { true } else { false } }
        return onlyEllipsis || idx.isEmpty ? "AliasBackward0" : "SliceBackward0"
    }

    /// The node of the last basic component that makes a view (select, narrowing slice,
    /// unsqueeze); nil when every component leaves the tensor as it is (`:`, `...`).
    static func lastBasicStep(_ idx: [TensorIndex], shape: [Int]) -> String? {
        var name: String? = nil
        var dim = 0
        let explicit = idx.filter { if case .newAxis = $0 { false } else if case .ellipsis = $0 { false } else { true } }.count
        for c in idx {
            switch c {
            case .int:
                name = "SelectBackward0"
                dim += 1
            case .slice(let start, let stop, let step):
                let size = dim < shape.count ? shape[dim] : 0
                let full = (start ?? 0) == 0 && (stop.map { $0 >= size } ?? true) && (step ?? 1) == 1
                if !full { name = "SliceBackward0" }
                dim += 1
            case .newAxis:
                name = "UnsqueezeBackward0"
            case .ellipsis:
                dim += Swift.max(shape.count - explicit, 0)
            case .tensor:
                break
            }
        }
        return name
    }

    /// For each element of `x[idx]`, the flat (row-major) position in `x` it came from.
    static func sourcePositions(shape: [Int], _ idx: [TensorIndex]) throws -> Tensor {
        let n = shape.reduce(1, *)
        return try Tensor.arange(Int64(n)).view(shape).index(idx).contiguous()
    }

    /// Zeros of `shape` with `g[i]` added at flat position `positions[i]`.
    static func scatterAdd(_ g: Tensor, into shape: [Int], at positions: Tensor) throws -> Tensor {
        let pos = positions.storage.ints + positions.offset
        if g.dtype == .float64 {
            let out = try Tensor.zeros(shape, dtype: .float64)
            let gc = try g.contiguous()
            let src = gc.storage.doubles + gc.offset, dst = out.storage.doubles
            for i in 0..<positions.numel { dst[Int(pos[i])] += src[i] }
            return out
        }
        let out = try Tensor.zeros(shape, dtype: .float32)
        let gc = try g.contiguous().to(.float32)
        let src = gc.storage.floats + gc.offset, dst = out.storage.floats
        for i in 0..<positions.numel { dst[Int(pos[i])] += src[i] }
        return out
    }
}
