#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's double `exp` (inside `extension Tensor` the name means the tensor method).
@inline(__always) private func doubleExp(_ x: Double) -> Double { exp(x) }
/// libm's double `log`.
@inline(__always) private func doubleLog(_ x: Double) -> Double { log(x) }
/// libm's double `tanh`.
@inline(__always) private func doubleTanh(_ x: Double) -> Double { tanh(x) }

// Unary elementwise ops. Transcendental functions promote int and bool to float32, as PyTorch
// does; the rest keep the dtype.

extension Tensor {
    /// A floating-point version of this tensor for ops that always compute in floating point
    /// (float64 stays float64; ints and bools become float32).
    func floatOperand() throws -> Tensor { try to(dtype.floatingResult) }

    /// Maps a float function over this tensor: `f` on float32 (ints and bools converted
    /// first), `d` on float64. The dtype is switched on once, outside the element loop.
    @inline(__always)
    func floatUnary(_ f: (Float) -> Float, _ d: (Double) -> Double) throws -> Tensor {
        let a = try floatOperand()
        let out = try a.emptyLike(a.dtype)
        if a.dtype == .float64 {
            try Tensor.map1(a, into: out, d)
        } else {
            try Tensor.map1(a, into: out, f)
        }
        return out
    }

    /// `-self` (`neg`); a bool tensor is PyTorch's error.
    public func neg() throws -> Tensor {
        let out = try emptyLike(dtype)
        switch dtype {
        case .float32: try Tensor.map1(self, into: out) { (x: Float) in -x }
        case .float64: try Tensor.map1(self, into: out) { (x: Double) in -x }
        case .int64: try Tensor.map1(self, into: out) { (x: Int64) in 0 &- x }
        case .bool:
            throw TensorError.notImplemented("Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.")
        }
        return out
    }

    /// `abs()` / `absolute()`. Named `absolute` (PyTorch's alias) because a member called
    /// `abs` would hide Swift's global `abs` inside every Tensor extension.
    public func absolute() throws -> Tensor {
        let out = try emptyLike(dtype)
        switch dtype {
        case .float32: try Tensor.map1(self, into: out) { (x: Float) in Swift.abs(x) }
        case .float64: try Tensor.map1(self, into: out) { (x: Double) in Swift.abs(x) }
        case .int64: try Tensor.map1(self, into: out) { (x: Int64) in x < 0 ? 0 &- x : x }
        case .bool: try Tensor.map1(self, into: out) { (x: Bool) in x }
        }
        return out
    }

    /// `~self` (`bitwise_not`): logical not on bools, bitwise on int64.
    public func bitwiseNot() throws -> Tensor {
        let out = try emptyLike(dtype)
        switch dtype {
        case .float32, .float64: throw Tensor.unsupportedDType("bitwise_not_cpu", dtype)
        case .int64: try Tensor.map1(self, into: out) { (x: Int64) in ~x }
        case .bool: try Tensor.map1(self, into: out) { (x: Bool) in !x }
        }
        return out
    }

    /// `logical_not()`: a bool tensor, true where this is zero.
    public func logicalNot() throws -> Tensor { try eq(Tensor(scalar: 0, dtype: dtype)) }

    /// `sqrt()` (float32 result, float64 for float64).
    public func sqrt() throws -> Tensor { try floatUnary({ $0.squareRoot() }, { $0.squareRoot() }) }
    /// `exp()` (float32 result, float64 for float64).
    public func exp() throws -> Tensor { try floatUnary({ expf($0) }, { doubleExp($0) }) }
    /// `log()` (float32 result, float64 for float64): natural logarithm.
    public func log() throws -> Tensor { try floatUnary({ logf($0) }, { doubleLog($0) }) }
    /// `tanh()` (float32 result).
    ///
    /// Computed in double from `exp` (see ``tanhFloat(_:)``): glibc's `tanhf` is about ten times
    /// slower than numpy's tanh, and tanh is the activation of the early lessons.
    public func tanh() throws -> Tensor { try floatUnary({ Tensor.tanhFloat($0) }, { doubleTanh($0) }) }

    /// tanh of a float via double arithmetic, within 1 ulp of libm's `tanhf` (the double
    /// result has ~47 good bits before the final rounding to float's 24).
    @inline(__always) public static func tanhFloat(_ x: Float) -> Float {
        let d = Double(x)
        let a = Swift.abs(d)
        if a < 0.0078125 {
            // Taylor to x^7: the next term is below 2^-40 relative here.
            let z = d * d
            // As d * (1 + ...), so -0 stays -0.
            return Float(d * (1 + z * (-1.0 / 3 + z * (2.0 / 15 + z * (-17.0 / 315)))))
        }
        // Past 9.5, tanh rounds to +-1 in float; the clamp also keeps exp finite. NaN falls
        // through both comparisons and stays NaN.
        if a > 9.5 { return x > 0 ? 1 : -1 }
        let e = doubleExp(2 * d)
        return Float((e - 1) / (e + 1))
    }
    /// `sigmoid()` (float32 result): 1 / (1 + exp(-x)).
    public func sigmoid() throws -> Tensor { try floatUnary({ 1 / (1 + expf(-$0)) }, { 1 / (1 + doubleExp(-$0)) }) }

    /// `relu()`: max(x, 0), keeping the dtype; NaN stays NaN.
    public func relu() throws -> Tensor {
        let out = try emptyLike(dtype)
        switch dtype {
        case .float32: try Tensor.map1(self, into: out) { (x: Float) in x > 0 || x.isNaN ? x : 0 }
        case .float64: try Tensor.map1(self, into: out) { (x: Double) in x > 0 || x.isNaN ? x : 0 }
        case .int64: try Tensor.map1(self, into: out) { (x: Int64) in Swift.max(x, 0) }
        case .bool: throw TensorError.notImplemented("Boolean inputs not supported for relu")
        }
        return out
    }

    /// `floor()`; ints and bools are returned unchanged (copied).
    public func floor() throws -> Tensor { try rounding(.down) }
    /// `ceil()`; ints and bools are returned unchanged (copied).
    public func ceil() throws -> Tensor { try rounding(.up) }
    /// `round()`: half to even, like PyTorch; ints and bools are copied.
    public func round() throws -> Tensor { try rounding(.toNearestOrEven) }

    func rounding(_ rule: FloatingPointRoundingRule) throws -> Tensor {
        if dtype == .bool {
            let name = rule == .down ? "floor" : rule == .up ? "ceil" : "round"
            throw Tensor.unsupportedDType("\(name)_vml_cpu", .bool)
        }
        guard dtype.isFloatingPoint else { return try clone() }
        let out = try emptyLike(dtype)
        if dtype == .float64 {
            switch rule {
            case .down: try Tensor.map1(self, into: out) { (x: Double) in x.rounded(.down) }
            case .up: try Tensor.map1(self, into: out) { (x: Double) in x.rounded(.up) }
            default: try Tensor.map1(self, into: out) { (x: Double) in x.rounded(.toNearestOrEven) }
            }
            return out
        }
        switch rule {
        case .down: try Tensor.map1(self, into: out) { (x: Float) in x.rounded(.down) }
        case .up: try Tensor.map1(self, into: out) { (x: Float) in x.rounded(.up) }
        default: try Tensor.map1(self, into: out) { (x: Float) in x.rounded(.toNearestOrEven) }
        }
        return out
    }

    /// `sign()`: -1, 0 or 1 in this dtype (NaN stays NaN; bools unchanged).
    public func sign() throws -> Tensor {
        let out = try emptyLike(dtype)
        switch dtype {
        case .float32: try Tensor.map1(self, into: out) { (x: Float) in x > 0 ? 1 : x < 0 ? -1 : x.isNaN ? x : 0 }
        case .float64: try Tensor.map1(self, into: out) { (x: Double) in x > 0 ? 1 : x < 0 ? -1 : x.isNaN ? x : 0 }
        case .int64: try Tensor.map1(self, into: out) { (x: Int64) in x > 0 ? 1 : x < 0 ? -1 : 0 }
        case .bool: try Tensor.map1(self, into: out) { (x: Bool) in x }
        }
        return out
    }

    /// `clamp(min=, max=)` with tensor or 0-d (Python number) bounds, broadcasting and
    /// promoting like PyTorch: min(max(x, lo), hi), so hi wins when lo > hi.
    public func clamp(min lo: Tensor?, max hi: Tensor?) throws -> Tensor {
        guard lo != nil || hi != nil else {
            throw TensorError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        var r = self
        if let lo { r = try r.maximum(lo) }
        if let hi { r = try r.minimum(hi) }
        return r.storage === storage ? try r.clone() : r
    }

    /// `clamp_min(lo)`.
    public func clampMin(_ lo: Tensor) throws -> Tensor { try clamp(min: lo, max: nil) }
    /// `clamp_max(hi)`.
    public func clampMax(_ hi: Tensor) throws -> Tensor { try clamp(min: nil, max: hi) }

    /// `clamp_(min=, max=)` in place (the result type must fit this dtype).
    public func clamp_(min lo: Tensor?, max hi: Tensor?) throws {
        var c = dtype
        if let lo { c = DType.result(c, zeroDim: ndim == 0, lo.dtype, zeroDim: lo.ndim == 0) }
        if let hi { c = DType.result(c, zeroDim: ndim == 0, hi.dtype, zeroDim: hi.ndim == 0) }
        guard c.category <= dtype.category else {
            throw TensorError.runtime("result type \(Tensor.typeName(c)) can't be cast to the desired output type \(Tensor.typeName(dtype))")
        }
        let r = try clamp(min: lo, max: hi)
        guard r.shape == shape else {
            throw TensorError.runtime("output with shape \(Tensor.describe(shape)) doesn't match the broadcast shape \(Tensor.describe(r.shape))")
        }
        try copy_(r)
    }

    /// `relu_()` in place.
    public func relu_() throws { try copy_(try relu()) }
    /// `neg_()` in place.
    public func neg_() throws { try copy_(try neg()) }
}
