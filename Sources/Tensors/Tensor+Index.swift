// Indexing with PyTorch's rules: ints, slices, None and ... give views (basic indexing);
// bool masks and int64 tensors (advanced indexing) give copies; assignment works through all.

/// One component of a subscript such as `x[1:3, None, ..., mask]`.
public enum TensorIndex: Sendable {
    /// Selects one position and drops the dim (negative counts from the end).
    case int(Int)
    /// `start:stop:step` with Python's defaults and clamping; `step` must be positive.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `None`: inserts a size-1 dim.
    case newAxis
    /// `...`: as many full slices as the other components leave.
    case ellipsis
    /// A bool tensor is a mask over as many dims as it has; an int64 tensor picks positions.
    case tensor(Tensor)
}

/// Where an advanced index applies: a dim of the basic-indexed view and an int64 tensor.
private struct AdvancedIndex {
    var dim: Int
    var index: Tensor
}

extension Tensor {
    /// `x[idx]`: a view for basic indexing, a copy when any component is a tensor.
    public func index(_ idx: [TensorIndex]) throws -> Tensor {
        let (view, adv) = try basicIndex(idx)
        if adv.isEmpty { return view }
        let (shape, positions) = try Tensor.advancedPositions(view, adv)
        let out = try Tensor.empty(shape, dtype)
        switch dtype {
        case .float32: Tensor.gather(Float.self, from: self, positions, into: out)
        case .float64: Tensor.gather(Double.self, from: self, positions, into: out)
        case .int64: Tensor.gather(Int64.self, from: self, positions, into: out)
        case .bool: Tensor.gather(Bool.self, from: self, positions, into: out)
        }
        return out
    }

    /// `x[idx] = value`: writes `value` (broadcast) into every selected element.
    ///
    /// With basic indexing the value is converted to this dtype (`copy_`); with advanced
    /// indexing the dtypes must match, as in PyTorch (pass Python numbers to the `Double`
    /// overload instead).
    public func indexPut(_ idx: [TensorIndex], _ value: Tensor) throws {
        let (view, adv) = try basicIndex(idx)
        if adv.isEmpty {
            let v = try Tensor.stripLeadingOnes(value, to: view.ndim).expand(view.shape)
            try view.copy_(v)
            return
        }
        let (shape, positions) = try Tensor.advancedPositions(view, adv)
        guard value.dtype == dtype else {
            throw TensorError.runtime("Index put requires the source and destination dtypes match, got \(Tensor.typeName(dtype)) for the destination and \(Tensor.typeName(value.dtype)) for the source.")
        }
        let stripped = Tensor.stripLeadingOnes(value, to: shape.count)
        guard let b = try? Tensor.broadcastShapes(shape, stripped.shape), b == shape else {
            throw TensorError.runtime("shape mismatch: value tensor of shape \(Tensor.describe(value.shape)) cannot be broadcast to indexing result of shape \(Tensor.describe(shape))")
        }
        let src = try stripped.expand(shape).copy(to: dtype)
        switch dtype {
        case .float32: Tensor.scatter(Float.self, src, positions, into: self)
        case .float64: Tensor.scatter(Double.self, src, positions, into: self)
        case .int64: Tensor.scatter(Int64.self, src, positions, into: self)
        case .bool: Tensor.scatter(Bool.self, src, positions, into: self)
        }
    }

    /// `x[idx] = number`: writes a Python number (converted to this dtype) into the selection.
    public func indexPut(_ idx: [TensorIndex], _ value: Double) throws {
        let (view, adv) = try basicIndex(idx)
        if adv.isEmpty {
            try view.fillElements(value)
            return
        }
        let (_, positions) = try Tensor.advancedPositions(view, adv)
        for o in positions.outer {
            for f in positions.inner { setElement(atStorageIndex: o + f, value) }
        }
    }

    private static func stripLeadingOnes(_ t: Tensor, to rank: Int) -> Tensor {
        var t = t
        while t.ndim > rank && t.shape[0] == 1 {
            t.shape.removeFirst()
            t.strides.removeFirst()
        }
        return t
    }

    private static func gather<T>(_: T.Type, from src: Tensor, _ positions: Positions, into out: Tensor) {
        let s = src.base(T.self), d = out.base(T.self)
        var k = 0
        if positions.innerIsUnitStride {
            let n = positions.inner.count
            for o in positions.outer {
                (d + k).update(from: s + o, count: n)
                k += n
            }
            return
        }
        for o in positions.outer {
            for f in positions.inner {
                d[k] = s[o + f]
                k += 1
            }
        }
    }

    private static func scatter<T>(_: T.Type, _ src: Tensor, _ positions: Positions, into dst: Tensor) {
        let s = src.base(T.self), d = dst.base(T.self)
        var k = 0
        for o in positions.outer {
            for f in positions.inner {
                d[o + f] = s[k]
                k += 1
            }
        }
    }

    /// Applies ints, slices, None and ... as a view; returns it with the tensor components
    /// (masks turned into int64 positions) keyed by their dim in that view.
    private func basicIndex(_ idx: [TensorIndex]) throws -> (Tensor, [AdvancedIndex]) {
        var consumed = 0
        for i in idx {
            switch i {
            case .int, .slice: consumed += 1
            case .tensor(let t): consumed += t.dtype == .bool ? t.ndim : 1
            case .newAxis, .ellipsis: break
            }
        }
        if ndim == 0 {
            for i in idx {
                if case .int = i {
                    throw TensorError.index("invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number")
                }
                if case .slice = i { throw TensorError.index("slice() cannot be applied to a 0-dim tensor.") }
            }
        }
        guard consumed <= ndim else {
            throw TensorError.index("too many indices for tensor of dimension \(ndim)")
        }
        var newShape: [Int] = [], newStrides: [Int] = []
        var off = offset
        var adv: [AdvancedIndex] = []
        var d = 0
        var sawEllipsis = false
        for i in idx {
            switch i {
            case .ellipsis:
                let n = sawEllipsis ? 0 : ndim - consumed
                sawEllipsis = true
                for _ in 0..<n {
                    newShape.append(shape[d])
                    newStrides.append(strides[d])
                    d += 1
                }
            case .newAxis:
                newShape.append(1)
                newStrides.append(1)
            case .int(let k):
                let size = shape[d]
                guard k >= -size && k < size else {
                    throw TensorError.index("index \(k) is out of bounds for dimension \(d) with size \(size)")
                }
                off += (k < 0 ? k + size : k) * strides[d]
                d += 1
            case .slice(let start, let stop, let step):
                let st = step ?? 1
                guard st > 0 else {
                    throw TensorError.value(st == 0 ? "slice step cannot be zero" : "step must be greater than zero")
                }
                let size = shape[d]
                func clamp(_ v: Int?, _ dflt: Int) -> Int {
                    guard let v else { return dflt }
                    let w = v < 0 ? v + size : v
                    return min(max(w, 0), size)
                }
                let lo = clamp(start, 0), hi = clamp(stop, size)
                let len = hi > lo ? (hi - lo - 1) / st + 1 : 0
                if len > 0 { off += lo * strides[d] }
                newShape.append(len)
                newStrides.append(len > 1 ? strides[d] * st : strides[d])  // a huge step only ever takes one element
                d += 1
            case .tensor(let t):
                switch t.dtype {
                case .float32, .float64:
                    throw TensorError.index("tensors used as indices must be long, int, byte or bool tensors")
                case .int64:
                    adv.append(AdvancedIndex(dim: newShape.count, index: t))
                    newShape.append(shape[d])
                    newStrides.append(strides[d])
                    d += 1
                case .bool:
                    if t.ndim == 0 {
                        // x[True] adds a dim of size 1, x[False] one of size 0.
                        adv.append(AdvancedIndex(dim: newShape.count,
                                                 index: try Tensor.zeros([t.element(atStorageIndex: t.offset) != 0 ? 1 : 0], dtype: .int64)))
                        newShape.append(1)
                        newStrides.append(0)
                        continue
                    }
                    for j in 0..<t.ndim where t.shape[j] != shape[d + j] {
                        throw TensorError.index("The shape of the mask \(Tensor.describe(t.shape)) at index \(j) does not match the shape of the indexed tensor \(Tensor.describe(shape)) at index \(d + j)")
                    }
                    for (j, positions) in try t.nonzeroColumns().enumerated() {
                        adv.append(AdvancedIndex(dim: newShape.count, index: positions))
                        newShape.append(shape[d + j])
                        newStrides.append(strides[d + j])
                    }
                    d += t.ndim
                }
            }
        }
        while d < ndim {
            newShape.append(shape[d])
            newStrides.append(strides[d])
            d += 1
        }
        return (Tensor(storage: storage, shape: newShape, strides: newStrides, offset: off), adv)
    }

    /// For a bool tensor: one 1-D int64 tensor per dim holding the coordinates of its true
    /// elements in row-major order.
    func nonzeroColumns() throws -> [Tensor] {
        var coords: [[Int64]] = Array(repeating: [], count: ndim)
        var idx = [Int](repeating: 0, count: ndim)
        let n = numel
        var k = 0
        forEachStorageIndex { p in
            if storage.bools[p] {
                for d in 0..<ndim { coords[d].append(Int64(idx[d])) }
            }
            k += 1
            if k < n {
                var d = ndim - 1
                while d >= 0 {
                    idx[d] += 1
                    if idx[d] < shape[d] { break }
                    idx[d] = 0
                    d -= 1
                }
            }
        }
        return try coords.map { try Tensor(ints: $0, shape: [$0.count]) }
    }

    /// The storage index of each result element of advanced indexing, in row-major order:
    /// `outer[i] + inner[j]` (the trailing non-indexed dims form `inner`, so whole rows are
    /// copied without a position per element).
    struct Positions {
        var outer: [Int]
        var inner: [Int]
        var innerIsUnitStride: Bool { inner.enumerated().allSatisfy { $0.offset == $0.element } }
    }

    /// The result shape of advanced indexing on `view` and where each result element lives.
    private static func advancedPositions(_ view: Tensor, _ adv: [AdvancedIndex]) throws -> ([Int], Positions) {
        var bshape: [Int] = []
        for (k, a) in adv.enumerated() {
            do {
                bshape = k == 0 ? a.index.shape : try broadcastShapes(bshape, a.index.shape)
            } catch {
                let shapes = adv.map { describe($0.index.shape) }.joined(separator: ", ")
                throw TensorError.index("shape mismatch: indexing tensors could not be broadcast together with shapes \(shapes)")
            }
        }
        let bcount = try count(of: bshape)
        if bcount > Storage.maxBytes / 8 {
            throw TensorError(.memoryError, Storage.oomMessage(count: bcount, dtype: .int64))
        }
        // Offset contributed by the advanced dims for each broadcast position.
        var advOffsets = [Int](repeating: 0, count: bcount)
        for (k, a) in adv.enumerated() {
            let size = view.shape[a.dim], st = view.strides[a.dim]
            let ix = try a.index.expand(bshape).contiguous()
            let p = ix.storage.ints + ix.offset
            for i in 0..<bcount {
                let v = Int(p[i])
                guard v >= -size && v < size else {
                    // PyTorch numbers the dim by the index's position among the tensor indices.
                    throw TensorError.index("index \(v) is out of bounds for dimension \(k) with size \(size)")
                }
                advOffsets[i] += (v < 0 ? v + size : v) * st
            }
        }
        let dims = adv.map(\.dim)
        let adjacent = zip(dims, dims.dropFirst()).allSatisfy { $1 == $0 + 1 }
        let advSet = Set(dims)
        var before: [Int] = [], after: [Int] = []
        for d in 0..<view.ndim where !advSet.contains(d) {
            if adjacent && d < dims[0] { before.append(d) } else { after.append(d) }
        }
        let shape = before.map { view.shape[$0] } + bshape + after.map { view.shape[$0] }
        // The position tables hold one Int per outer and per inner element: refuse sizes the
        // output itself could not have (a MemoryError, not a failed array allocation).
        let outerCount = try count(of: before.map { view.shape[$0] } + bshape)
        let innerCount = try count(of: after.map { view.shape[$0] })
        if outerCount > Storage.maxBytes / 8 || innerCount > Storage.maxBytes / 8 {
            throw TensorError(.memoryError, Storage.oomMessage(count: Swift.max(outerCount, innerCount), dtype: .int64))
        }
        _ = try count(of: shape)
        let beforeOffs = offsets(before.map { view.shape[$0] }, before.map { view.strides[$0] })
        let afterOffs = offsets(after.map { view.shape[$0] }, after.map { view.strides[$0] })
        var outer: [Int] = []
        outer.reserveCapacity(beforeOffs.count * bcount)
        for bo in beforeOffs {
            for ao in advOffsets { outer.append(view.offset + bo + ao) }
        }
        return (shape, Positions(outer: outer, inner: afterOffs))
    }

    /// Storage offsets (from 0) of every element of a strided block, row-major.
    private static func offsets(_ shape: [Int], _ strides: [Int]) -> [Int] {
        var out = [0]
        for d in 0..<shape.count {
            var next: [Int] = []
            next.reserveCapacity(out.count * shape[d])
            for o in out {
                for i in 0..<shape[d] { next.append(o + i * strides[d]) }
            }
            out = next
        }
        return out
    }
}

// MARK: Scalar fast paths for the interpreter

extension Tensor {
    /// Wraps index `i` of dim `d` or throws PyTorch's IndexError.
    @inlinable @inline(__always)
    func wrapIndex(_ i: Int, _ d: Int) throws -> Int {
        let size = shape[d]
        if i >= 0 && i < size { return i }
        if i < 0 && i >= -size { return i + size }
        throw TensorError.index("index \(i) is out of bounds for dimension \(d) with size \(size)")
    }

    @inlinable @inline(__always)
    func checkScalarRank(_ n: Int) throws {
        if ndim < n { throw TensorError.index("too many indices for tensor of dimension \(ndim)") }
        if ndim > n {
            throw TensorError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
    }

    /// The element `x[i]` of a 1-D tensor as a Double, without allocating.
    @inlinable public func scalar(at i: Int) throws -> Double {
        try checkScalarRank(1)
        return element(atStorageIndex: offset + (try wrapIndex(i, 0)) * strides[0])
    }

    /// The element `x[i, j]` of a 2-D tensor as a Double, without allocating.
    @inlinable public func scalar(at i: Int, _ j: Int) throws -> Double {
        try checkScalarRank(2)
        return element(atStorageIndex: offset + (try wrapIndex(i, 0)) * strides[0] + (try wrapIndex(j, 1)) * strides[1])
    }

    /// The element at a full multi-index (one int per dim) as a Double.
    @inlinable public func scalar(at index: [Int]) throws -> Double {
        try checkScalarRank(index.count)
        var p = offset
        for d in 0..<index.count { p += (try wrapIndex(index[d], d)) * strides[d] }
        return element(atStorageIndex: p)
    }

    /// `x[i] = v` on a 1-D tensor (v converted to this dtype), without allocating.
    @inlinable public func setScalar(_ v: Double, at i: Int) throws {
        try checkScalarRank(1)
        setElement(atStorageIndex: offset + (try wrapIndex(i, 0)) * strides[0], v)
    }

    /// `x[i, j] = v` on a 2-D tensor (v converted to this dtype), without allocating.
    @inlinable public func setScalar(_ v: Double, at i: Int, _ j: Int) throws {
        try checkScalarRank(2)
        setElement(atStorageIndex: offset + (try wrapIndex(i, 0)) * strides[0] + (try wrapIndex(j, 1)) * strides[1], v)
    }

    /// `x[i, j, ...] = v` at a full multi-index.
    @inlinable public func setScalar(_ v: Double, at index: [Int]) throws {
        try checkScalarRank(index.count)
        var p = offset
        for d in 0..<index.count { p += (try wrapIndex(index[d], d)) * strides[d] }
        setElement(atStorageIndex: p, v)
    }

    /// `.item()`: the only element as a Double, or PyTorch's error when there are more.
    public func item() throws -> Double {
        guard numel == 1 else {
            throw TensorError.runtime("a Tensor with \(numel) elements cannot be converted to Scalar")
        }
        return element(atStorageIndex: storageIndex([Int](repeating: 0, count: ndim)))
    }
}
