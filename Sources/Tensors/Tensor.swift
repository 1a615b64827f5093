/// A dense, strided view onto a `Storage`: PyTorch's tensor without autograd.
///
/// Many tensors may share one storage (views); `shape`, `strides` (in elements) and `offset`
/// say which elements this one sees. Autograd wraps `Tensor` in its own reference type; this
/// value type is the plain data.
///
///     let x = try Tensor(floats: [1, 2, 3, 4], shape: [2, 2])
///     x.shape    // [2, 2]
///     x.strides  // [2, 1]
public struct Tensor: @unchecked Sendable {
    /// The buffer this view reads and writes, shared with every other view of it.
    /// (`private(set) var` only so ``isSoleDenseOwner()`` can ask whether it is shared.)
    public private(set) var storage: Storage
    /// The size of each dim (`x.shape`).
    public internal(set) var shape: [Int]
    /// Elements to skip per step along each dim (`x.stride()`); 0 on expanded dims.
    public internal(set) var strides: [Int]
    /// The storage index of the first element (`x.storage_offset()`).
    public internal(set) var offset: Int

    /// A view of `storage`. The caller guarantees every addressed element lies inside it.
    public init(storage: Storage, shape: [Int], strides: [Int], offset: Int) {
        precondition(shape.count == strides.count, "shape and strides differ in rank")
        self.storage = storage
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// True when this tensor covers all of its storage in row-major order and no other tensor
    /// (view, copy or saved value) holds that storage: it can then be handed over instead of
    /// copied, as PyTorch's AccumulateGrad steals a gradient nobody else references.
    public mutating func isSoleDenseOwner() -> Bool {
        offset == 0 && storage.count == numel && isContiguous && isKnownUniquelyReferenced(&storage)
    }

    /// A new zero-filled contiguous tensor.
    public init(zeros shape: [Int], dtype: DType = .float32) throws {
        let (n, strides) = try Tensor.layout(of: shape, dtype: dtype)
        self.init(storage: try Storage(dtype: dtype, count: n), shape: shape, strides: strides, offset: 0)
    }

    /// A new contiguous float32 tensor holding `floats` in row-major order.
    public init(floats: [Float], shape: [Int]) throws {
        try self.init(elements: floats, shape: shape, dtype: .float32)
    }

    /// A new contiguous float64 tensor holding `doubles` in row-major order.
    public init(doubles: [Double], shape: [Int]) throws {
        try self.init(elements: doubles, shape: shape, dtype: .float64)
    }

    /// A new contiguous float32 or float64 tensor (`T`'s dtype) holding `elements`.
    public init<T: FloatElement>(elements: [T], shape: [Int]) throws {
        try self.init(elements: elements, shape: shape, dtype: T.dtype)
    }

    /// A new contiguous int64 tensor holding `ints` in row-major order.
    public init(ints: [Int64], shape: [Int]) throws {
        try self.init(elements: ints, shape: shape, dtype: .int64)
    }

    /// A new contiguous bool tensor holding `bools` in row-major order.
    public init(bools: [Bool], shape: [Int]) throws {
        try self.init(elements: bools, shape: shape, dtype: .bool)
    }

    /// A new contiguous tensor of `dtype` holding `elements` (of that dtype's Swift type) in
    /// row-major order.
    private init<T>(elements: [T], shape: [Int], dtype: DType) throws {
        try self.init(zeros: shape, dtype: dtype)
        guard elements.count == numel else {
            throw TensorError.runtime("shape '\(Tensor.describe(shape))' is invalid for input of size \(elements.count)")
        }
        precondition(MemoryLayout<T>.stride == dtype.itemSize, "elements of the dtype's own size")
        elements.withUnsafeBytes { src in
            if let base = src.baseAddress { storage.raw.copyMemory(from: base, byteCount: src.count) }
        }
    }

    /// A 0-d tensor.
    public init(scalar: Double, dtype: DType) {
        // A one-element allocation cannot exceed the size limit.
        let s = try! Storage(dtype: dtype, count: 1)
        self.init(storage: s, shape: [], strides: [], offset: 0)
        setElement(atStorageIndex: 0, scalar)
    }

    /// The element type (`x.dtype`).
    public var dtype: DType { storage.dtype }
    /// The number of dims (`x.ndim`, `x.dim()`).
    public var ndim: Int { shape.count }
    /// The number of elements (`x.numel()`).
    ///
    /// Every way of making a tensor checks that this product fits in `Int` (``layout(of:dtype:)``,
    /// ``count(of:)``), so the wrapping multiply below never actually wraps; it only keeps a
    /// broken invariant from becoming a trap.
    public var numel: Int {
        var n = 1
        for s in shape {
            if s == 0 { return 0 }
            n = n &* s
        }
        return n
    }

    /// True when elements are laid out row-major with no gaps (size-1 dims may have any stride).
    /// A tensor with no elements always is, as in PyTorch (`zeros(3, 0).t().is_contiguous()`).
    public var isContiguous: Bool {
        if shape.contains(0) { return true }
        var expected = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) where shape[d] != 1 {
            if strides[d] != expected { return false }
            expected *= shape[d]
        }
        return true
    }

    /// Row-major strides for `shape` (a size-0 dim counts as 1, as in PyTorch).
    ///
    /// For shapes already checked by ``checkedContiguousStrides(_:)`` (every allocation is); the
    /// multiply wraps instead of trapping if handed an unchecked one.
    public static func contiguousStrides(_ shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = acc
            acc = acc &* max(shape[d], 1)
        }
        return strides
    }

    /// Row-major strides for `shape`, or PyTorch's error when one does not fit in `Int`
    /// (`zeros(1, 2**62, 0, 3)`: no elements, but the stride of dim 0 would be 3 * 2**62).
    public static func checkedContiguousStrides(_ shape: [Int]) throws -> [Int] {
        var strides = [Int](repeating: 1, count: shape.count)
        var acc = 1
        for d in stride(from: shape.count - 1, through: 0, by: -1) {
            strides[d] = acc
            guard d > 0 else { break }
            let (m, overflow) = acc.multipliedReportingOverflow(by: max(shape[d], 1))
            if overflow { throw TensorError.runtime("Stride calculation overflowed") }
            acc = m
        }
        return strides
    }

    /// The element count and row-major strides of a new `dtype` tensor of `shape`, checked as
    /// PyTorch checks them: no negative size, the size product and its byte count fit in `Int`
    /// (multiplied left to right, so `[2**62, 2**62, 0]` is rejected), and so do the strides.
    public static func layout(of shape: [Int], dtype: DType) throws -> (count: Int, strides: [Int]) {
        try checkShape(shape)
        let n = try count(of: shape)
        if n.multipliedReportingOverflow(by: dtype.itemSize).overflow {
            throw TensorError.runtime("Storage size calculation overflowed with sizes=\(describe(shape))")
        }
        return (n, try checkedContiguousStrides(shape))
    }

    /// Rejects negative sizes with PyTorch's wording.
    public static func checkShape(_ shape: [Int]) throws {
        for s in shape where s < 0 {
            throw TensorError.runtime("Trying to create tensor with negative dimension \(s): \(describe(shape))")
        }
    }

    /// The element count of `shape`, or PyTorch's error when the product (taken left to right)
    /// overflows.
    public static func count(of shape: [Int]) throws -> Int {
        var n = 1
        for s in shape {
            let (m, overflow) = n.multipliedReportingOverflow(by: s)
            if overflow { throw TensorError.runtime("Storage size calculation overflowed with sizes=\(describe(shape))") }
            n = m
        }
        return n
    }

    /// `[2, 3]` as PyTorch prints a shape inside messages.
    public static func describe(_ shape: [Int]) -> String {
        "[" + shape.map(String.init).joined(separator: ", ") + "]"
    }

    // MARK: Element access (slow path: printing, tolist, tests)

    /// The element at a storage index, widened to Double (bools as 0/1).
    @inlinable public func element(atStorageIndex i: Int) -> Double {
        switch storage.dtype {
        case .float32: Double(storage.floats[i])
        case .float64: storage.doubles[i]
        case .int64: Double(storage.ints[i])
        case .bool: storage.bools[i] ? 1 : 0
        }
    }

    /// Writes `value` (converted to this dtype, as PyTorch's `fill_` would) at a storage index.
    @inlinable public func setElement(atStorageIndex i: Int, _ value: Double) {
        let s = storage  // a read: writing through `storage.floats` would name its setter
        switch s.dtype {
        case .float32: s.floats[i] = Float(value)
        case .float64: s.doubles[i] = value
        case .int64: s.ints[i] = value.isFinite ? Int64(exactly: value.rounded(.towardZero)) ?? Int64.min : Int64.min
        case .bool: s.bools[i] = value != 0
        }
    }

    /// The storage index of a multi-index (no bounds checks: internal use).
    @inlinable public func storageIndex(_ index: [Int]) -> Int {
        var i = offset
        for d in 0..<index.count { i += index[d] * strides[d] }
        return i
    }

    /// Calls `body` with the storage index of every element in row-major order.
    @inlinable public func forEachStorageIndex(_ body: (Int) throws -> Void) rethrows {
        let n = numel
        if n == 0 { return }
        if shape.isEmpty { try body(offset); return }
        if isContiguous {
            for i in offset..<(offset + n) { try body(i) }
            return
        }
        var idx = [Int](repeating: 0, count: shape.count)
        var pos = offset
        let last = shape.count - 1
        for _ in 0..<n {
            try body(pos)
            var d = last
            while d >= 0 {
                idx[d] += 1
                pos += strides[d]
                if idx[d] < shape[d] { break }
                pos -= strides[d] * shape[d]
                idx[d] = 0
                d -= 1
            }
        }
    }

    /// Every element widened to Double, row-major.
    public func scalars() -> [Double] {
        var out = [Double]()
        out.reserveCapacity(numel)
        forEachStorageIndex { out.append(element(atStorageIndex: $0)) }
        return out
    }
}
