#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Binary elementwise ops with broadcasting and PyTorch's type promotion.
//
// Python numbers are passed as 0-d tensors: `Tensor(scalar: 2, dtype: .int64)` for an int,
// `.float32` for a float (`.float64` when it meets a float64 tensor, so it keeps its digits),
// `.bool` for a bool. PyTorch's rule (`resultType`): tensors with dims decide among themselves,
// and a 0-d operand only wins when it is of a higher category: int tensor * 2.5 -> float32,
// int tensor + 2 -> int64, float32 tensor + 0-d float64 -> float32, float32 + float64 -> float64.

/// A kernel writing `out = op(a, b)`; `a` and `b` are broadcast to `out` and hold the compute dtype.
typealias BinaryKernel = (Tensor, Tensor, Tensor) throws -> Void

extension DType {
    /// bool 0 < int64 1 < float32 = float64 2: a result may be written into a tensor of equal
    /// or higher category only (`x32 += y64` computes in float64 and writes float32).
    var category: Int {
        switch self {
        case .bool: 0
        case .int64: 1
        case .float32, .float64: 2
        }
    }
}

extension DType {
    /// The dtype of a result that is always floating point (true division, `mean`, `exp`):
    /// itself when floating, else the thread's default (float32 unless `set_default_dtype`).
    public var floatingResult: DType { isFloatingPoint ? self : .defaultFloat }
}

/// libm's double `pow` (inside `extension Tensor` the name means the tensor method).
@inline(__always) func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }

extension Tensor {
    /// PyTorch's result type of `self op other` (see ``DType/result(_:zeroDim:_:zeroDim:)``).
    public func resultType(_ other: Tensor) -> DType {
        DType.result(dtype, zeroDim: ndim == 0, other.dtype, zeroDim: other.ndim == 0)
    }

    /// Broadcasts, converts both operands to `compute`, and runs `kernel` into a new tensor.
    func binary(_ other: Tensor, compute: DType, result: DType, _ kernel: BinaryKernel) throws -> Tensor {
        let shape = try Tensor.broadcastShapes(self.shape, other.shape)
        let a = try to(compute).expand(shape), b = try other.to(compute).expand(shape)
        let out = try Tensor.empty(shape, result, like: [a, b])
        try kernel(a, b, out)
        return out
    }

    /// The in-place form: `self = op(self, other)` written through this view. The result type
    /// must be castable to this dtype and the broadcast shape must be this shape.
    func binaryInPlace(_ other: Tensor, compute: DType, _ kernel: BinaryKernel) throws {
        guard compute.category <= dtype.category else {
            throw TensorError.runtime("result type \(Tensor.typeName(compute)) can't be cast to the desired output type \(Tensor.typeName(dtype))")
        }
        try checkWritable()
        let b = try other.broadcast(to: shape)
        try checkNoPartialOverlap(other)
        if compute == dtype {
            // Same view or disjoint memory: each output element reads only its own inputs.
            // Another view of the same storage (`b[:, 0] += b[:, 1]`) is read first.
            let aliased = other.storage === storage && !(b.offset == offset && b.strides == strides) && b.overlaps(self)
            try kernel(self, aliased ? try b.copy(to: compute) : try b.to(compute), self)
            return
        }
        try copy_(try binary(other, compute: compute, result: compute, kernel))
    }

    /// Throws PyTorch's error when this view maps several elements to one memory location
    /// (an expanded tensor), which an in-place op cannot write.
    func checkWritable() throws {
        for d in 0..<ndim where strides[d] == 0 && shape[d] > 1 {
            throw TensorError.runtime("unsupported operation: more than one element of the written-to tensor refers to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// PyTorch's refusal to write a view from a source that shares part of its memory: both
    /// dense (a permutation of a contiguous layout) and their element ranges intersect
    /// without being the same view. Layouts it cannot judge cheaply (strided, expanded) pass.
    func checkNoPartialOverlap(_ src: Tensor) throws {
        guard src.storage === storage, numel > 0, src.numel > 0, isNonOverlappingAndDense, src.isNonOverlappingAndDense else { return }
        let a0 = offset, a1 = offset + numel, b0 = src.offset, b1 = src.offset + src.numel
        let partial = (a0 == b0 && a1 == b1) ? src.strides != strides : (a0 < b1 && b0 < a1)
        if partial {
            throw TensorError.runtime("unsupported operation: some elements of the input tensor and the written-to tensor refer to a single memory location. Please clone() the tensor before performing the operation.")
        }
    }

    /// The storage index range this view touches (lo...hi), nil when it has no elements.
    func storageSpan() -> (Int, Int)? {
        if numel == 0 { return nil }
        var lo = offset, hi = offset
        for d in 0..<ndim {
            let ext = (shape[d] - 1) * strides[d]
            if ext < 0 { lo += ext } else { hi += ext }
        }
        return (lo, hi)
    }

    /// True when the two views' storage ranges intersect (same storage assumed).
    func overlaps(_ other: Tensor) -> Bool {
        guard let (a0, a1) = storageSpan(), let (b0, b1) = other.storageSpan() else { return false }
        return a0 <= b1 && b0 <= a1
    }

    static func boolSubtractionError() -> TensorError {
        TensorError.notImplemented("Subtraction, the `-` operator, with two bool tensors is not supported. Use the `^` or `logical_xor()` operator instead.")
    }

    static func unsupportedDType(_ name: String, _ dtype: DType) -> TensorError {
        TensorError.notImplemented("\"\(name)\" not implemented for '\(typeName(dtype))'")
    }

    // MARK: Kernels

    static func addKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in x + y }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in x + y }
        case .int64: try map2(a, b, into: o) { (x: Int64, y: Int64) in x &+ y }
        case .bool: try map2(a, b, into: o) { (x: Bool, y: Bool) in x || y }
        }
    }

    static func subKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in x - y }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in x - y }
        case .int64: try map2(a, b, into: o) { (x: Int64, y: Int64) in x &- y }
        case .bool: throw boolSubtractionError()
        }
    }

    static func mulKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in x * y }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in x * y }
        case .int64: try map2(a, b, into: o) { (x: Int64, y: Int64) in x &* y }
        case .bool: try map2(a, b, into: o) { (x: Bool, y: Bool) in x && y }
        }
    }

    static func divKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        if a.dtype == .float64 { return try map2(a, b, into: o) { (x: Double, y: Double) in x / y } }
        try map2(a, b, into: o) { (x: Float, y: Float) in x / y }
    }

    /// Throws PyTorch's error when an integer divisor holds a zero.
    static func checkNoIntZero(_ b: Tensor) throws {
        var zero = false
        b.forEachStorageIndex { p in if b.storage.ints[p] == 0 { zero = true } }
        if zero { throw TensorError.runtime("ZeroDivisionError") }
    }

    static func floorDivideKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in floorDiv(x, y) }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in floorDiv(x, y) }
        case .int64:
            try checkNoIntZero(b)
            try map2(a, b, into: o) { (x: Int64, y: Int64) in
                let (q, overflow) = x.dividedReportingOverflow(by: y)
                if overflow { return q }
                return (x % y != 0 && ((x < 0) != (y < 0))) ? q - 1 : q
            }
        case .bool: throw unsupportedDType("div_floor_cpu", .bool)
        }
    }

    /// Python's `//` on floats, as PyTorch computes it (fmod-based, rounded quotient).
    @inline(__always) static func floorDiv<T: FloatElement>(_ a: T, _ b: T) -> T {
        if b == 0 { return a / b }
        let mod = T.fmod(a, b)
        var div = (a - mod) / b
        if mod != 0 && (b < 0) != (mod < 0) { div -= 1 }
        if div != 0 {
            var f = div.rounded(.down)
            if div - f > 0.5 { f += 1 }
            return f
        }
        return T(signOf: a / b, magnitudeOf: 0)
    }

    /// Python's `%` on floats: fmod, moved to the divisor's sign.
    @inline(__always) static func remainder<T: FloatElement>(_ x: T, _ y: T) -> T {
        var m = T.fmod(x, y)
        if m != 0 && (y < 0) != (m < 0) { m += y }
        return m
    }

    static func remainderKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in remainder(x, y) }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in remainder(x, y) }
        case .int64:
            try checkNoIntZero(b)
            try map2(a, b, into: o) { (x: Int64, y: Int64) -> Int64 in
                let (r, overflow) = x.remainderReportingOverflow(dividingBy: y)
                if overflow { return 0 }
                return (r != 0 && (r < 0) != (y < 0)) ? r + y : r
            }
        case .bool: throw unsupportedDType("remainder_cpu", .bool)
        }
    }

    /// `x ** y` on floats; a scalar exponent takes PyTorch's special cases, so `x**2` is
    /// exactly `x*x`. Other exponents go through `map2`'s scalar fast path: a closure that
    /// captured the exponent was left unspecialised (a call per element, 40% slower).
    static func floatPow<T: FloatElement>(_ a: Tensor, _ b: Tensor, _ o: Tensor, _: T.Type) throws {
        if b.strides.allSatisfy({ $0 == 0 }) && b.numel > 0 {
            switch b.base(T.self)[b.offset] {
            case 2: return try map1(a, into: o) { (x: T) in x * x }
            case 3: return try map1(a, into: o) { (x: T) in x * x * x }
            case 0.5: return try map1(a, into: o) { (x: T) in x.squareRoot() }
            case -0.5: return try map1(a, into: o) { (x: T) in 1 / x.squareRoot() }
            case -1: return try map1(a, into: o) { (x: T) in 1 / x }
            case -2: return try map1(a, into: o) { (x: T) in 1 / (x * x) }
            default: break
            }
        }
        try map2(a, b, into: o) { (x: T, y: T) in T.pow(x, y) }
    }

    static func powKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try floatPow(a, b, o, Float.self)
        case .float64: try floatPow(a, b, o, Double.self)
        case .int64:
            // Integer pow wraps like PyTorch's; a negative exponent gives 1 for base 1, +-1 for
            // base -1 and 0 otherwise (a Python-int exponent < 0 is refused by the caller).
            try map2(a, b, into: o) { (x: Int64, y: Int64) -> Int64 in
                if y < 0 { return x == 1 ? 1 : x == -1 ? (y & 1 == 1 ? -1 : 1) : 0 }
                var result: Int64 = 1, base = x, e = y
                while e > 0 {
                    if e & 1 == 1 { result = result &* base }
                    base = base &* base
                    e >>= 1
                }
                return result
            }
        case .bool: try map2(a, b, into: o) { (x: Bool, y: Bool) in x || !y }
        }
    }

    /// The larger of two floats, NaN when either is.
    @inline(__always) static func nanMax<T: FloatElement>(_ x: T, _ y: T) -> T { x.isNaN || y.isNaN ? .nan : Swift.max(x, y) }
    /// The smaller of two floats, NaN when either is.
    @inline(__always) static func nanMin<T: FloatElement>(_ x: T, _ y: T) -> T { x.isNaN || y.isNaN ? .nan : Swift.min(x, y) }

    static func maximumKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in nanMax(x, y) }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in nanMax(x, y) }
        case .int64: try map2(a, b, into: o) { (x: Int64, y: Int64) in Swift.max(x, y) }
        case .bool: try map2(a, b, into: o) { (x: Bool, y: Bool) in x || y }
        }
    }

    static func minimumKernel(_ a: Tensor, _ b: Tensor, _ o: Tensor) throws {
        switch a.dtype {
        case .float32: try map2(a, b, into: o) { (x: Float, y: Float) in nanMin(x, y) }
        case .float64: try map2(a, b, into: o) { (x: Double, y: Double) in nanMin(x, y) }
        case .int64: try map2(a, b, into: o) { (x: Int64, y: Int64) in Swift.min(x, y) }
        case .bool: try map2(a, b, into: o) { (x: Bool, y: Bool) in x && y }
        }
    }

    /// The six comparisons, selected by `op` outside the element loop.
    enum Comparison { case eq, ne, lt, le, gt, ge }

    /// `op` elementwise on a comparable element type (float32, float64, int64).
    static func compareMap<T: Comparable>(_ op: Comparison, _ a: Tensor, _ b: Tensor, _ o: Tensor, _: T.Type) throws {
        switch op {
        case .eq: try map2(a, b, into: o) { (x: T, y: T) in x == y }
        case .ne: try map2(a, b, into: o) { (x: T, y: T) in x != y }
        case .lt: try map2(a, b, into: o) { (x: T, y: T) in x < y }
        case .le: try map2(a, b, into: o) { (x: T, y: T) in x <= y }
        case .gt: try map2(a, b, into: o) { (x: T, y: T) in x > y }
        case .ge: try map2(a, b, into: o) { (x: T, y: T) in x >= y }
        }
    }

    static func compareKernel(_ op: Comparison) -> BinaryKernel {
        { a, b, o in
            switch a.dtype {
            case .float32: try compareMap(op, a, b, o, Float.self)
            case .float64: try compareMap(op, a, b, o, Double.self)
            case .int64: try compareMap(op, a, b, o, Int64.self)
            case .bool:
                // false < true, as for ints.
                switch op {
                case .eq: try map2(a, b, into: o) { (x: Bool, y: Bool) in x == y }
                case .ne: try map2(a, b, into: o) { (x: Bool, y: Bool) in x != y }
                case .lt: try map2(a, b, into: o) { (x: Bool, y: Bool) in !x && y }
                case .le: try map2(a, b, into: o) { (x: Bool, y: Bool) in !x || y }
                case .gt: try map2(a, b, into: o) { (x: Bool, y: Bool) in x && !y }
                case .ge: try map2(a, b, into: o) { (x: Bool, y: Bool) in x || !y }
                }
            }
        }
    }

    enum Bitwise { case and, or, xor }

    static func bitwiseKernel(_ op: Bitwise) -> BinaryKernel {
        { a, b, o in
            switch a.dtype {
            case .float32, .float64:
                let name = op == .and ? "bitwise_and_cpu" : op == .or ? "bitwise_or_cpu" : "bitwise_xor_cpu"
                throw unsupportedDType(name, a.dtype)
            case .int64:
                switch op {
                case .and: try map2(a, b, into: o) { (x: Int64, y: Int64) in x & y }
                case .or: try map2(a, b, into: o) { (x: Int64, y: Int64) in x | y }
                case .xor: try map2(a, b, into: o) { (x: Int64, y: Int64) in x ^ y }
                }
            case .bool:
                switch op {
                case .and: try map2(a, b, into: o) { (x: Bool, y: Bool) in x && y }
                case .or: try map2(a, b, into: o) { (x: Bool, y: Bool) in x || y }
                case .xor: try map2(a, b, into: o) { (x: Bool, y: Bool) in x != y }
                }
            }
        }
    }

    // MARK: Public binary ops

    /// `self + other` (`add`), broadcasting; bool + bool is logical or.
    public func add(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c) { try Tensor.addKernel($0, $1, $2) }
    }

    /// `self - other` (`sub`); two bool tensors are PyTorch's error.
    public func sub(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        if c == .bool { throw Tensor.boolSubtractionError() }
        return try binary(other, compute: c, result: c, Tensor.subKernel)
    }

    /// `self * other` (`mul`); bool * bool is logical and.
    public func mul(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c) { try Tensor.mulKernel($0, $1, $2) }
    }

    /// `self / other`: true division, always floating point (int / int gives float32).
    public func div(_ other: Tensor) throws -> Tensor {
        let c = resultType(other).floatingResult
        return try binary(other, compute: c, result: c) { try Tensor.divKernel($0, $1, $2) }
    }

    /// `self // other` (`floor_divide`) with Python's rounding toward negative infinity.
    public func floorDivide(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.floorDivideKernel)
    }

    /// `self % other` (`remainder`): the result has the divisor's sign, as in Python.
    public func remainder(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.remainderKernel)
    }

    /// `self ** other` (`pow`); integer pow wraps, negative integer exponents follow PyTorch.
    public func pow(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.powKernel)
    }

    /// `self ** exponent` for a Python float exponent (float32, or float64 for a float64 tensor).
    public func pow(_ exponent: Double) throws -> Tensor {
        try pow(Tensor(scalar: exponent, dtype: dtype == .float64 ? .float64 : .float32))
    }

    /// Elementwise maximum (`maximum`); NaN propagates.
    public func maximum(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c) { try Tensor.maximumKernel($0, $1, $2) }
    }

    /// Elementwise minimum (`minimum`); NaN propagates.
    public func minimum(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c) { try Tensor.minimumKernel($0, $1, $2) }
    }

    func compare(_ other: Tensor, _ op: Comparison) throws -> Tensor {
        try binary(other, compute: resultType(other), result: .bool, Tensor.compareKernel(op))
    }

    /// `self == other` elementwise (`eq`), a bool tensor.
    public func eq(_ other: Tensor) throws -> Tensor { try compare(other, .eq) }
    /// `self != other` elementwise (`ne`), a bool tensor.
    public func ne(_ other: Tensor) throws -> Tensor { try compare(other, .ne) }
    /// `self < other` elementwise (`lt`), a bool tensor.
    public func lt(_ other: Tensor) throws -> Tensor { try compare(other, .lt) }
    /// `self <= other` elementwise (`le`), a bool tensor.
    public func le(_ other: Tensor) throws -> Tensor { try compare(other, .le) }
    /// `self > other` elementwise (`gt`), a bool tensor.
    public func gt(_ other: Tensor) throws -> Tensor { try compare(other, .gt) }
    /// `self >= other` elementwise (`ge`), a bool tensor.
    public func ge(_ other: Tensor) throws -> Tensor { try compare(other, .ge) }

    /// `self & other` (`bitwise_and`): logical and on bools, bitwise on int64.
    public func bitwiseAnd(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.bitwiseKernel(.and))
    }

    /// `self | other` (`bitwise_or`): logical or on bools, bitwise on int64.
    public func bitwiseOr(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.bitwiseKernel(.or))
    }

    /// `self ^ other` (`bitwise_xor`): logical xor on bools, bitwise on int64.
    public func bitwiseXor(_ other: Tensor) throws -> Tensor {
        let c = resultType(other)
        return try binary(other, compute: c, result: c, Tensor.bitwiseKernel(.xor))
    }

    // MARK: In-place binary ops (write through views)

    /// `self += other` (`add_`).
    public func add_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other)) { try Tensor.addKernel($0, $1, $2) }
    }

    /// `self -= other` (`sub_`).
    public func sub_(_ other: Tensor) throws {
        let c = resultType(other)
        if c == .bool { throw Tensor.boolSubtractionError() }
        try binaryInPlace(other, compute: c, Tensor.subKernel)
    }

    /// `self *= other` (`mul_`).
    public func mul_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other)) { try Tensor.mulKernel($0, $1, $2) }
    }

    /// `self /= other` (`div_`): true division, so an int64 tensor is PyTorch's cast error.
    public func div_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other).floatingResult) { try Tensor.divKernel($0, $1, $2) }
    }

    /// `self **= other` (`pow_`).
    public func pow_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other), Tensor.powKernel)
    }

    /// `self //= other` (`floor_divide_`).
    public func floorDivide_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other), Tensor.floorDivideKernel)
    }

    /// `self %= other` (`remainder_`).
    public func remainder_(_ other: Tensor) throws {
        try binaryInPlace(other, compute: resultType(other), Tensor.remainderKernel)
    }

    /// `zero_()`: sets every element (through views) to zero.
    public func zero_() throws { try fillElements(0) }

    /// `fill_(value)`: sets every element (through views) to `value` converted to this dtype.
    public func fill_(_ value: Double) throws { try fillElements(value) }
}
