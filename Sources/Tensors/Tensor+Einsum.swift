// einsum with PyTorch's equation grammar, broadcasting and error texts. Each operand becomes a
// strided view with one dimension per distinct label (a repeated label is a diagonal: its
// strides add up; a broadcast size-1 label gets stride 0). Operands are then contracted left to
// right; a contraction of two operands is one batched GEMM after a permute and reshape
// (batch, free and contracted labels), everything else one general summation loop.

extension Tensor {
    /// `einsum(equation, *operands)`: Einstein summation as PyTorch defines it.
    ///
    /// Labels are letters; `...` stands for broadcast dimensions; without `->` the output is
    /// the ellipsis dimensions followed by the labels used exactly once, in alphabetical order
    /// (upper case first).
    ///
    ///     try Tensor.einsum("ik,kj->ij", [a, b])   // a @ b
    ///     try Tensor.einsum("ii", [m])             // trace
    ///     try Tensor.einsum("bij,bjk->bik", [x, y])
    public static func einsum(_ equation: String, _ operands: [Tensor]) throws -> Tensor {
        guard !operands.isEmpty else {
            throw TensorError.runtime(
                "einsum(): must specify the equation string and at least one operand, or at least one operand and its subscripts list")
        }
        let spec = try EinsumSpec(equation, operands)
        return try spec.evaluate()
    }
}

/// A view of one operand with one dimension per label.
struct LabelledTensor {
    var tensor: Tensor
    var labels: [Int]
}

/// A parsed and checked einsum equation bound to its operands.
struct EinsumSpec {
    /// Letters are 0..<52 (A-Z then a-z, PyTorch's order); ellipsis dimension k is 52 + k.
    static let ellipsisBase = 52
    var inputs: [LabelledTensor] = []
    var output: [Int] = []
    var sizes: [Int: Int] = [:]

    static func letterIndex(_ c: UInt8) -> Int? {
        switch c {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): Int(c - UInt8(ascii: "A"))
        case UInt8(ascii: "a")...UInt8(ascii: "z"): Int(c - UInt8(ascii: "a")) + 26
        default: nil
        }
    }

    static func letterName(_ label: Int) -> String {
        let c = label < 26 ? UInt8(ascii: "A") + UInt8(label) : UInt8(ascii: "a") + UInt8(label - 26)
        return String(UnicodeScalar(c))
    }

    init(_ equation: String, _ operands: [Tensor]) throws {
        let chars = Array(equation.utf8)
        var arrow: Int? = nil
        if chars.count >= 2 {
            for i in 0..<(chars.count - 1) where chars[i] == UInt8(ascii: "-") && chars[i + 1] == UInt8(ascii: ">") {
                arrow = i
                break
            }
        }
        let lhsEnd = arrow ?? chars.count

        // Left-hand side: labels per operand, `nil` marking where the ellipsis sits.
        var subscripts: [[Int?]] = [[]]
        var hasEllipsis = [false]
        var i = 0
        while i < lhsEnd {
            let c = chars[i]
            let op = subscripts.count - 1
            if c == UInt8(ascii: " ") {
            } else if c == UInt8(ascii: ".") {
                guard !hasEllipsis[op] else {
                    throw TensorError.runtime("einsum(): found '.' for operand \(op) for which an ellipsis was already found")
                }
                guard i + 2 < lhsEnd, chars[i + 1] == UInt8(ascii: "."), chars[i + 2] == UInt8(ascii: ".") else {
                    throw TensorError.runtime("einsum(): found '.' for operand \(op) that is not part of any ellipsis")
                }
                i += 2
                hasEllipsis[op] = true
                subscripts[op].append(nil)
            } else if c == UInt8(ascii: ",") {
                guard op + 1 < operands.count else {
                    throw TensorError.runtime("einsum(): fewer operands were provided than specified in the equation")
                }
                subscripts.append([])
                hasEllipsis.append(false)
            } else if let l = EinsumSpec.letterIndex(c) {
                subscripts[op].append(l)
            } else {
                throw TensorError.runtime(
                    "einsum(): invalid subscript given at index \(i) in the equation string, subscripts must be in [a-zA-Z]")
            }
            i += 1
        }
        guard subscripts.count == operands.count else {
            throw TensorError.runtime("einsum(): more operands were provided than specified in the equation")
        }

        // Dimension counts, and how many dimensions the ellipsis covers overall.
        var ellipsisRank = 0
        var counts = [Int](repeating: 0, count: 52)
        for (k, subs) in subscripts.enumerated() {
            let named = subs.count - (hasEllipsis[k] ? 1 : 0)
            let ndim = operands[k].ndim
            if hasEllipsis[k] {
                guard named <= ndim else {
                    throw TensorError.runtime(
                        "einsum(): the number of subscripts in the equation (\(named)) is more than the number of dimensions (\(ndim)) for operand \(k)")
                }
                ellipsisRank = max(ellipsisRank, ndim - named)
            } else if named != ndim {
                throw TensorError.runtime(
                    "einsum(): the number of subscripts in the equation (\(named)) does not match the number of dimensions (\(ndim)) for operand \(k) and no ellipsis was given")
            }
            for case let l? in subs { counts[l] += 1 }
        }

        // Output labels.
        let anyEllipsis = hasEllipsis.contains(true)
        if let arrow {
            var seen = Set<Int>()
            var outEllipsis = false
            var j = arrow + 2
            while j < chars.count {
                let c = chars[j]
                if c == UInt8(ascii: " ") {
                } else if c == UInt8(ascii: ".") {
                    guard !outEllipsis else {
                        throw TensorError.runtime("einsum(): found '.' for output but an ellipsis (...) was already found")
                    }
                    guard j + 2 < chars.count, chars[j + 1] == UInt8(ascii: "."), chars[j + 2] == UInt8(ascii: ".") else {
                        throw TensorError.runtime("einsum(): found '.' for output that is not part of any ellipsis (...)")
                    }
                    j += 2
                    outEllipsis = true
                    output += (0..<ellipsisRank).map { EinsumSpec.ellipsisBase + $0 }
                } else if let l = EinsumSpec.letterIndex(c) {
                    guard counts[l] > 0 else {
                        throw TensorError.runtime(
                            "einsum(): output subscript \(EinsumSpec.letterName(l)) does not appear in the equation for any input operand")
                    }
                    guard seen.insert(l).inserted else {
                        throw TensorError.runtime(
                            "einsum(): output subscript \(EinsumSpec.letterName(l)) appears more than once in the output")
                    }
                    output.append(l)
                } else {
                    throw TensorError.runtime(
                        "einsum(): invalid subscript given at index \(j) in the equation string, subscripts must be in [a-zA-Z]")
                }
                j += 1
            }
        } else {
            if anyEllipsis { output += (0..<ellipsisRank).map { EinsumSpec.ellipsisBase + $0 } }
            output += (0..<52).filter { counts[$0] == 1 }
        }

        // Bind each operand: one view dimension per distinct label, with broadcasting.
        var firstDtype: DType? = nil
        for (k, subs) in subscripts.enumerated() {
            let t = operands[k]
            if firstDtype == nil { firstDtype = t.dtype }
            var dimLabels: [Int] = []
            for s in subs {
                if let l = s {
                    dimLabels.append(l)
                } else {
                    let e = t.ndim - (subs.count - 1)
                    dimLabels += (0..<e).map { EinsumSpec.ellipsisBase + ellipsisRank - e + $0 }
                }
            }
            var labels: [Int] = [], shape: [Int] = [], strides: [Int] = []
            for (d, l) in dimLabels.enumerated() {
                let size = t.shape[d]
                if let at = labels.firstIndex(of: l) {
                    guard shape[at] == size else {
                        throw TensorError.runtime(
                            "einsum(): subscript \(EinsumSpec.letterName(l)) is repeated for operand \(k) but the sizes don't match, \(size) != \(shape[at])")
                    }
                    strides[at] += t.strides[d]
                    continue
                }
                if let seen = sizes[l], seen != size, seen != 1, size != 1 {
                    if l >= EinsumSpec.ellipsisBase {
                        throw TensorError.runtime(
                            "einsum(): dimension \(d) covered by ellipsis in operand \(k)has size \(size) which does not broadcast with previously seen ellipsis with size \(seen) for the respective dimension")
                    }
                    throw TensorError.runtime(
                        "einsum(): subscript \(EinsumSpec.letterName(l)) has size \(size) for operand \(k) which does not broadcast with previously seen size \(seen)")
                }
                if sizes[l] == nil || sizes[l] == 1 { sizes[l] = size }
                labels.append(l)
                shape.append(size)
                strides.append(t.strides[d])
            }
            inputs.append(LabelledTensor(
                tensor: Tensor(storage: t.storage, shape: shape, strides: strides, offset: t.offset), labels: labels))
        }
        // Every label's final size is known now: broadcast the size-1 ones with stride 0.
        for k in inputs.indices {
            var v = inputs[k].tensor
            for (d, l) in inputs[k].labels.enumerated() where v.shape[d] != sizes[l]! {
                v.shape[d] = sizes[l]!
                v.strides[d] = 0
            }
            inputs[k].tensor = v
        }
    }

    func evaluate() throws -> Tensor {
        var current = inputs[0]
        if inputs.count == 1 {
            current = try EinsumSpec.sumLoop([current], keep: output, sizes: sizes)
        }
        for k in 1..<max(1, inputs.count) {
            var keep = Set(output)
            for later in inputs[(k + 1)...] { keep.formUnion(later.labels) }
            current = try contract(current, inputs[k], keep: keep)
        }
        // Final order of the output labels.
        let perm = output.map { current.labels.firstIndex(of: $0)! }
        let t = current.tensor
        let view = Tensor(storage: t.storage, shape: perm.map { t.shape[$0] }, strides: perm.map { t.strides[$0] },
                          offset: t.offset)
        return try view.contiguous()
    }

    /// One pairwise step: the labels of `a` and `b` that survive are those in `keep`.
    func contract(_ a0: LabelledTensor, _ b0: LabelledTensor, keep: Set<Int>) throws -> LabelledTensor {
        var a = a0, b = b0
        let inA = Set(a.labels), inB = Set(b.labels)
        let contracted = a.labels.filter { inB.contains($0) && !keep.contains($0) }
        if a.tensor.dtype != b.tensor.dtype || a.tensor.dtype == .bool {
            // No GEMM for these: PyTorch's bmm refuses them, a product without sums promotes.
            if !contracted.isEmpty {
                if a.tensor.dtype != b.tensor.dtype {
                    throw TensorError.runtime(
                        "expected scalar type \(Tensor.scalarTypeName(a.tensor.dtype)) but found \(Tensor.scalarTypeName(b.tensor.dtype))")
                }
                throw Tensor.notImplemented("bmm", .bool)
            }
            let labels = a.labels.filter { keep.contains($0) } + b.labels.filter { keep.contains($0) && !inA.contains($0) }
            return try EinsumSpec.sumLoop([a, b], keep: labels, sizes: sizes)
        }
        // Labels only one side has and nobody needs are summed away first.
        if a.labels.contains(where: { !inB.contains($0) && !keep.contains($0) }) {
            a = try EinsumSpec.sumLoop([a], keep: a.labels.filter { inB.contains($0) || keep.contains($0) }, sizes: sizes)
        }
        if b.labels.contains(where: { !inA.contains($0) && !keep.contains($0) }) {
            b = try EinsumSpec.sumLoop([b], keep: b.labels.filter { inA.contains($0) || keep.contains($0) }, sizes: sizes)
        }
        let batch = a.labels.filter { inB.contains($0) && keep.contains($0) }
        let freeA = a.labels.filter { !inB.contains($0) }
        let freeB = b.labels.filter { !inA.contains($0) }
        let batchShape = batch.map { sizes[$0]! }
        // Products of label sizes can exceed Int when another size is 0: count(of:) throws then.
        let m = try Tensor.count(of: freeA.map { sizes[$0]! })
        let n = try Tensor.count(of: freeB.map { sizes[$0]! })
        let k = try Tensor.count(of: contracted.map { sizes[$0]! })

        let a3 = try EinsumSpec.arrange(a, batch + freeA + contracted).reshape(batchShape + [m, k])
        let b3 = try EinsumSpec.arrange(b, batch + contracted + freeB).reshape(batchShape + [k, n])
        let r = try Tensor.batchedProduct(a3, b3, batch: batchShape,
                                          aBatchStrides: Array(a3.strides.prefix(batch.count)),
                                          bBatchStrides: Array(b3.strides.prefix(batch.count)),
                                          aVector: false, bVector: false)
        let labels = batch + freeA + freeB
        let shape = labels.map { sizes[$0]! }
        let result = Tensor(storage: r.storage, shape: shape, strides: Tensor.contiguousStrides(shape), offset: 0)
        return LabelledTensor(tensor: result, labels: labels)
    }

    /// `x` with its dimensions in the order of `labels`.
    static func arrange(_ x: LabelledTensor, _ labels: [Int]) -> Tensor {
        let perm = labels.map { x.labels.firstIndex(of: $0)! }
        let t = x.tensor
        return Tensor(storage: t.storage, shape: perm.map { t.shape[$0] }, strides: perm.map { t.strides[$0] },
                      offset: t.offset)
    }

    /// The general loop: out[keep] = sum over the other labels of the product of the operands.
    /// Bools multiply as logical and; a sum of bools counts them (int64), as PyTorch does.
    static func sumLoop(_ ops: [LabelledTensor], keep: [Int], sizes: [Int: Int]) throws -> LabelledTensor {
        if ops.count == 1 {
            // One operand: a reduction then a permutation, with the reduction kernels.
            let x = ops[0]
            let reducedDims = x.labels.indices.filter { !keep.contains(x.labels[$0]) }
            var t = x.tensor
            var labels = x.labels
            if !reducedDims.isEmpty {
                t = try t.sum(dims: reducedDims)
                labels = labels.filter { keep.contains($0) }
            }
            t = try arrange(LabelledTensor(tensor: t, labels: labels), keep).contiguous()
            return LabelledTensor(tensor: t, labels: keep)
        }
        var all: [Int] = []
        for op in ops { for l in op.labels where !all.contains(l) { all.append(l) } }
        let reduced = all.filter { !keep.contains($0) }
        var dtype = ops[0].tensor.dtype
        for op in ops.dropFirst() { dtype = DType.promote(dtype, op.tensor.dtype) }
        if dtype == .bool && !reduced.isEmpty { dtype = .int64 }
        let outShape = keep.map { sizes[$0]! }
        let out = try Tensor(zeros: outShape, dtype: dtype)

        // Per-operand strides over the kept labels, then over the reduced labels.
        func strides(_ labels: [Int]) -> [[Int]] {
            ops.map { op in labels.map { l in op.labels.firstIndex(of: l).map { op.tensor.strides[$0] } ?? 0 } }
        }
        let keepStrides = strides(keep), reducedStrides = strides(reduced)
        let reducedShape = reduced.map { sizes[$0]! }
        let outCount = out.numel
        if outCount == 0 { return LabelledTensor(tensor: out, labels: keep) }
        let innerCount = try Tensor.count(of: reducedShape)

        var outIndex = [Int](repeating: 0, count: keep.count)
        var base = ops.map { $0.tensor.offset }
        // This loop is slow per element: poll the cell's deadline every ~1M products.
        var untilPoll = 1 << 20
        for o in 0..<outCount {
            var acc = 0.0
            var accInt: Int64 = 0
            var inner = [Int](repeating: 0, count: reduced.count)
            var pos = base
            for _ in 0..<innerCount {
                untilPoll &-= 1
                if untilPoll == 0 {
                    untilPoll = 1 << 20
                    try Cancellation.check()
                }
                if dtype.isFloatingPoint {
                    var p = 1.0
                    for (j, op) in ops.enumerated() { p *= op.tensor.element(atStorageIndex: pos[j]) }
                    acc += p
                } else {
                    var p: Int64 = 1
                    for (j, op) in ops.enumerated() { p = p &* EinsumSpec.intElement(op.tensor, pos[j]) }
                    accInt = accInt &+ p
                }
                var d = reduced.count - 1
                while d >= 0 {
                    inner[d] += 1
                    for j in ops.indices { pos[j] += reducedStrides[j][d] }
                    if inner[d] < reducedShape[d] { break }
                    for j in ops.indices { pos[j] -= reducedStrides[j][d] * reducedShape[d] }
                    inner[d] = 0
                    d -= 1
                }
            }
            switch dtype {
            case .float32: out.storage.floats[o] = Float(acc)
            case .float64: out.storage.doubles[o] = acc
            case .int64: out.storage.ints[o] = accInt
            case .bool: out.storage.bools[o] = accInt != 0
            }
            var d = keep.count - 1
            while d >= 0 {
                outIndex[d] += 1
                for j in ops.indices { base[j] += keepStrides[j][d] }
                if outIndex[d] < outShape[d] { break }
                for j in ops.indices { base[j] -= keepStrides[j][d] * outShape[d] }
                outIndex[d] = 0
                d -= 1
            }
        }
        return LabelledTensor(tensor: out, labels: keep)
    }

    static func intElement(_ t: Tensor, _ i: Int) -> Int64 {
        switch t.dtype {
        case .int64: t.storage.ints[i]
        case .bool: t.storage.bools[i] ? 1 : 0
        case .float32: Int64(exactly: t.storage.floats[i].rounded(.towardZero)) ?? 0
        case .float64: Int64(exactly: t.storage.doubles[i].rounded(.towardZero)) ?? 0
        }
    }
}
