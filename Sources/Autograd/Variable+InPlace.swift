import Tensors

// In-place ops through Variables. Under no_grad, or when nothing involved requires grad, they
// just write. With grad mode on:
// - on a leaf that requires grad: PyTorch's error;
// - on a non-leaf (or with an operand that requires grad): the write happens and the Variable's
//   history is rebased onto the op (its grad_fn becomes e.g. AddBackward0), as PyTorch does;
// - through a view: the base's history becomes CopySlices (the written region takes the op's
//   gradient, the rest the old base's) and the view's AsStridedBackward0, as in PyTorch.
// Every in-place write bumps the version of the written data (kept on the view base); a node
// whose saved data changed since it was recorded refuses to run backward, with PyTorch's error.
// Writes through a `detach()`ed alias are not counted (it is a separate Variable).

extension Variable {
    static let leafInPlaceMessage = "a leaf Variable that requires grad is being used in an in-place operation."

    /// Runs an in-place update: `plain` writes the data; `recorded` computes the same result
    /// out of place from a snapshot of this Variable's old value and history.
    private func inPlace(_ operands: [Variable], plain: () throws -> Void,
                         recorded: (Variable) throws -> Variable) throws {
        try inPlaceUnversioned(operands, plain: plain, recorded: recorded)
        versionOwner.version += 1
    }

    private func inPlaceUnversioned(_ operands: [Variable], plain: () throws -> Void,
                                    recorded: (Variable) throws -> Variable) throws {
        guard GradMode.isEnabled else { return try plain() }
        if isLeaf && requiresGrad { throw TensorError.runtime(Variable.leafInPlaceMessage) }
        if let base = viewBase, base.isLeaf && base.requiresGrad {
            throw TensorError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
        }
        guard requiresGrad || operands.contains(where: { $0.requiresGrad }) else { return try plain() }
        if let base = viewBase { return try inPlaceThroughView(base, recorded) }
        let old = Variable(try data.clone(), requiresGrad: requiresGrad)
        old.gradFn = gradFn
        let r = try Variable.castWithin(try recorded(old), to: dtype)
        if r.dtype != dtype {
            throw TensorError.runtime("result type \(Tensor.typeNameForMessages(r.dtype)) can't be cast to the desired output type \(Tensor.typeNameForMessages(dtype))")
        }
        try data.copy_(r.data)
        gradFn = r.gradFn
        requiresGrad = r.requiresGrad
        historyVersion += 1
    }

    /// An in-place op on a view of `base`: write through, then rebase both histories.
    private func inPlaceThroughView(_ base: Variable, _ recorded: (Variable) throws -> Variable) throws {
        let positions = try Variable.positions(of: data, in: base.data, forWriting: true)
        let oldView = Variable(try data.clone(), requiresGrad: requiresGrad)
        oldView.gradFn = gradFn
        let r = try Variable.castWithin(try recorded(oldView), to: dtype)
        if r.dtype != dtype {
            throw TensorError.runtime("result type \(Tensor.typeNameForMessages(r.dtype)) can't be cast to the desired output type \(Tensor.typeNameForMessages(dtype))")
        }
        let oldBase = Variable(base.data, requiresGrad: base.requiresGrad)
        oldBase.gradFn = base.gradFn
        try data.copy_(r.data)
        let baseShape = base.shape, viewShape = shape
        base.gradFn = Node(name: "CopySlices", next: [Variable.edge(to: oldBase), Variable.edge(to: r)]) { g, needs in
            let gc = try g.contiguous().to(g.dtype.floatingResult)
            var gOld: Tensor? = nil
            if needs[0] {
                let z = try gc.clone()
                for i in positions { z.setElement(atStorageIndex: i, 0) }
                gOld = z
            }
            var gNew: Tensor? = nil
            if needs[1] {
                let out = try Tensor.zeros(viewShape, dtype: gc.dtype)
                for (k, i) in positions.enumerated() {
                    out.setElement(atStorageIndex: k, gc.element(atStorageIndex: gc.offset + i))
                }
                gNew = out
            }
            return [gOld, gNew]
        }
        base.requiresGrad = true
        base.historyVersion += 1
        viewVersion = base.historyVersion
        let positionTensor = try Tensor(ints: positions.map { Int64($0) }, shape: [positions.count])
        gradFn = Node(name: "AsStridedBackward0", next: [Variable.edge(to: base)]) { g, _ in
            [try Variable.scatterAdd(g, into: baseShape, at: positionTensor)]
        }
        requiresGrad = true
    }

    /// An in-place result converted back to the written tensor's float dtype (`x32 += y64`
    /// computes in float64 and writes float32, as PyTorch does); other dtypes are left for
    /// the caller's cast error.
    static func castWithin(_ r: Variable, to dtype: DType) throws -> Variable {
        r.dtype != dtype && r.dtype.isFloatingPoint && dtype.isFloatingPoint ? try r.to(dtype) : r
    }

    /// For each element of `view` (row-major), its row-major position in `base`.
    static func positions(of view: Tensor, in base: Tensor, forWriting: Bool) throws -> [Int] {
        var map: [Int: Int]? = nil
        if !base.isContiguous {
            var m: [Int: Int] = [:]
            var k = 0
            base.forEachStorageIndex { m[$0] = k; k += 1 }
            map = m
        }
        var out: [Int] = []
        out.reserveCapacity(view.numel)
        var outside = false
        let n = base.numel
        view.forEachStorageIndex { s in
            let p = map.map { $0[s] ?? -1 } ?? s - base.offset
            if p < 0 || p >= n { outside = true } else { out.append(p) }
        }
        if outside { throw TensorError.runtime("in-place operation through a view that does not lie inside its base is not supported") }
        if forWriting && Set(out).count != out.count {
            throw TensorError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
        return out
    }

    /// `a.add_(b)` / `a += b`.
    public func add_(_ other: Variable) throws {
        try inPlace([other], plain: { try data.add_(other.data) }, recorded: { old in try old.add(other === self ? old : other) })
    }

    /// `a.sub_(b)` / `a -= b`.
    public func sub_(_ other: Variable) throws {
        try inPlace([other], plain: { try data.sub_(other.data) }, recorded: { old in try old.sub(other === self ? old : other) })
    }

    /// `a.mul_(b)` / `a *= b`.
    public func mul_(_ other: Variable) throws {
        try inPlace([other], plain: { try data.mul_(other.data) }, recorded: { old in try old.mul(other === self ? old : other) })
    }

    /// `a.div_(b)` / `a /= b`.
    public func div_(_ other: Variable) throws {
        try inPlace([other], plain: { try data.div_(other.data) }, recorded: { old in try old.div(other === self ? old : other) })
    }

    /// `a.zero_()`; returns `self`.
    @discardableResult
    public func zero_() throws -> Variable {
        try inPlace([], plain: { try data.zero_() }, recorded: { old in
            Variable.make(try Tensor.zerosLike(old.data), "ZeroBackward0", [old]) { g, _ in [try Tensor.zerosLike(g)] }
        })
        return self
    }

    /// `a.fill_(value)`; returns `self`.
    @discardableResult
    public func fill_(_ value: Double) throws -> Variable {
        try inPlace([], plain: { try data.fill_(value) }, recorded: { old in
            Variable.make(try Tensor.fullLike(old.data, value), "FillBackward0", [old]) { g, _ in [try Tensor.zerosLike(g)] }
        })
        return self
    }

    /// `a.clamp_(min=, max=)`.
    public func clamp_(min lo: Double?, max hi: Double?) throws {
        try inPlace([], plain: {
            try data.clamp_(min: lo.map { Tensor(scalar: $0, dtype: dtype) }, max: hi.map { Tensor(scalar: $0, dtype: dtype) })
        }, recorded: { try $0.clamp(min: lo, max: hi) })
    }

    /// `a[idx] = value`. Recorded (CopySlices for basic indexing, IndexPutBackward0 for
    /// advanced) when `a` is a non-leaf or `value` requires grad: the written positions take
    /// `value`'s gradient, the rest keep `a`'s.
    public func setIndex(_ idx: [TensorIndex], _ value: Variable) throws {
        try checkLeafViewWrite(idx)
        try inPlace([value], plain: { try data.indexPut(idx, value.data) }, recorded: { old in
            let out = try old.data.clone()
            try out.indexPut(idx, value.data)
            let s = shape, vs = value.shape
            let name = Variable.isAdvanced(idx) ? "IndexPutBackward0" : "CopySlices"
            return Variable.make(out, name, [old, value]) { g, needs in
                var gOld: Tensor? = nil
                if needs[0] {
                    let z = try g.clone()
                    try z.indexPut(idx, 0)
                    gOld = z
                }
                var gValue: Tensor? = nil
                if needs[1] {
                    let picked = try g.index(idx)
                    gValue = try Variable.reduce(picked, toValueShape: vs)
                }
                _ = s
                return [gOld, gValue]
            }
        })
    }

    /// `a[idx] = number`.
    public func setIndex(_ idx: [TensorIndex], _ value: Double) throws {
        try checkLeafViewWrite(idx)
        try inPlace([], plain: { try data.indexPut(idx, value) }, recorded: { old in
            let out = try old.data.clone()
            try out.indexPut(idx, value)
            let name = Variable.isAdvanced(idx) ? "IndexPutBackward0" : "CopySlices"
            return Variable.make(out, name, [old]) { g, _ in
                let z = try g.clone()
                try z.indexPut(idx, 0)
                return [z]
            }
        })
    }

    /// PyTorch writes `x[0] = v` through a view of `x` (select, slice, unsqueeze), so on a leaf
    /// that requires grad it names the view; `x[:]`, `x[...]` and advanced indices write `x`.
    private func checkLeafViewWrite(_ idx: [TensorIndex]) throws {
        guard GradMode.isEnabled, isLeaf, requiresGrad, !Variable.isAdvanced(idx),
              Variable.lastBasicStep(idx, shape: shape) != nil else { return }
        throw TensorError.runtime("a view of a leaf Variable that requires grad is being used in an in-place operation.")
    }

    /// The gradient of a value broadcast into a selection: summed back to the value's shape
    /// (leading size-1 dims of the value may exceed the selection's rank).
    static func reduce(_ picked: Tensor, toValueShape vs: [Int]) throws -> Tensor {
        var stripped = vs
        while stripped.count > picked.ndim, stripped.first == 1 { stripped.removeFirst() }
        return try picked.sumTo(stripped).reshape(vs)
    }
}

extension Tensor {
    /// "Float", "Long", "Bool" as PyTorch names dtypes in cast errors.
    static func typeNameForMessages(_ d: DType) -> String {
        switch d {
        case .float32: "Float"
        case .float64: "Double"
        case .int64: "Long"
        case .bool: "Bool"
        }
    }
}
