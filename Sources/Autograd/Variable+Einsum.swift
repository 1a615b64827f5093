import Tensors

// einsum's gradient is an einsum: for operand i, contract the other operands with the output
// gradient into operand i's labels. Labels operand i sums away on its own come back by
// broadcasting, broadcast size-1 dims are summed, and a repeated label (a diagonal) writes the
// gradient onto the diagonal of zeros.

extension Variable {
    /// `einsum(equation, *operands)`, differentiable in every operand.
    ///
    /// The node is named after the op PyTorch's einsum ends with for the same equation:
    /// ViewBackward0 when labels are contracted across operands, MulBackward0 for a pure
    /// product, SumBackward1 / PermuteBackward0 for a single operand.
    public static func einsum(_ equation: String, _ operands: [Variable]) throws -> Variable {
        let out = try Tensor.einsum(equation, operands.map(\.data))
        // The forward accepted the equation, so it parses.
        let parsed = EinsumLabels(equation, ranks: operands.map(\.ndim))
        let datas = operands.map(\.data)
        return make(out, parsed.nodeName, operands, saves: operands) { g, needs in
            try needs.enumerated().map { i, need in
                need ? try parsed.gradient(of: i, datas, g) : nil
            }
        }
    }
}

/// An einsum equation as label lists, ellipses replaced by letters the equation does not use.
struct EinsumLabels {
    var inputs: [[Character]]
    var output: [Character]

    init(_ equation: String, ranks: [Int]) {
        let text = equation.filter { $0 != " " }
        let arrow = text.firstRange(of: "->")
        let lhs = arrow.map { String(text[..<$0.lowerBound]) } ?? text
        let rhs = arrow.map { String(text[$0.upperBound...]) }
        var ins = lhs.split(separator: ",", omittingEmptySubsequences: false).map { String($0).replacing("...", with: ".") }
        let used = Set(text.filter(\.isLetter))
        let spare = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz").filter { !used.contains($0) }
        // Each operand's ellipsis covers its rank minus its letters; they align on the right.
        var ellipsisRanks: [Int] = []
        for (k, s) in ins.enumerated() {
            let letters = s.filter { $0 != "." }.count
            ellipsisRanks.append(s.contains(".") && k < ranks.count ? Swift.max(ranks[k] - letters, 0) : 0)
        }
        let e = ellipsisRanks.max() ?? 0
        let ell = Array(spare.prefix(e))
        for k in ins.indices {
            let mine = String(ell.suffix(ellipsisRanks[k]))
            ins[k] = ins[k].replacing(".", with: mine)
        }
        inputs = ins.map { Array($0) }
        if let rhs {
            output = Array(rhs.replacing("...", with: String(ell)))
        } else {
            // Implicit output: the ellipsis, then the letters used once, sorted (upper case first).
            var counts: [Character: Int] = [:]
            for c in lhs where c.isLetter { counts[c, default: 0] += 1 }
            output = ell + counts.filter { $0.value == 1 }.keys.sorted()
        }
    }

    var nodeName: String {
        let outSet = Set(output)
        let inLabels = Set(inputs.joined())
        if inputs.count == 1 {
            return inLabels.count > outSet.count ? "SumBackward1" : "PermuteBackward0"
        }
        return inLabels.subtracting(outSet).isEmpty ? "MulBackward0" : "ViewBackward0"
    }

    func gradient(of i: Int, _ operands: [Tensor], _ g: Tensor) throws -> Tensor {
        let mine = inputs[i]
        let shape = operands[i].shape
        var unique: [Character] = []
        var size: [Character: Int] = [:]
        for (d, c) in mine.enumerated() where size[c] == nil {
            unique.append(c)
            size[c] = shape[d]
        }
        var available = Set(output)
        for (k, labels) in inputs.enumerated() where k != i { available.formUnion(labels) }
        let kept = unique.filter { available.contains($0) }

        var others = inputs.indices.filter { $0 != i }.map { String(inputs[$0]) }
        others.append(String(output))
        let equation = others.joined(separator: ",") + "->" + String(kept)
        var r = try Tensor.einsum(equation, inputs.indices.filter { $0 != i }.map { operands[$0] } + [g])

        // Broadcast size-1 labels of this operand: sum the gradient back to size 1.
        let broadcast = kept.enumerated().filter { size[$0.element] == 1 && r.shape[$0.offset] != 1 }.map(\.offset)
        if !broadcast.isEmpty { r = try r.sum(dims: broadcast, keepdim: true) }
        // Labels only this operand had: the gradient is the same along them.
        var labels = kept
        for c in unique where !kept.contains(c) {
            r = try r.unsqueeze(r.ndim)
            labels.append(c)
        }
        r = try r.permute(unique.map { c in labels.firstIndex(of: c) ?? 0 })
        r = try r.expand(unique.map { size[$0] ?? 1 })
        if unique.count == mine.count {
            return try r.permute(mine.map { c in unique.firstIndex(of: c) ?? 0 })
        }
        // A repeated label: write onto the diagonal of zeros.
        let z = try Tensor.zeros(shape, dtype: r.dtype)
        var strides = [Int](repeating: 0, count: unique.count)
        for (d, c) in mine.enumerated() { strides[unique.firstIndex(of: c) ?? 0] += z.strides[d] }
        let diagonal = Tensor(storage: z.storage, shape: unique.map { size[$0] ?? 1 }, strides: strides, offset: 0)
        try diagonal.copy_(r)
        return z
    }
}
