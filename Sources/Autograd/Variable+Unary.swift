#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Tensors

// Pointwise functions. Rules that depend on the output (exp, sqrt, sigmoid, tanh, relu) save
// the output rather than the input, as PyTorch does.

extension Variable {
    /// `exp(a)` (ExpBackward0).
    public func exp() throws -> Variable {
        let out = try data.exp()
        return Variable.make(out, "ExpBackward0", [self], savesOutput: true) { g, _ in [try g.mul(out)] }
    }

    /// `log(a)` (LogBackward0).
    public func log() throws -> Variable {
        let a = data
        return Variable.make(try a.log(), "LogBackward0", [self], saves: [self]) { g, _ in [try g.div(a)] }
    }

    /// `sqrt(a)` (SqrtBackward0).
    public func sqrt() throws -> Variable {
        let out = try data.sqrt()
        return Variable.make(out, "SqrtBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in gi / (2 * o) } double: { gi, o in gi / (2 * o) }]
        }
    }

    /// `abs(a)` (AbsBackward0): the gradient is `sign(a)`, 0 at 0.
    public func abs() throws -> Variable {
        let a = data
        return Variable.make(try a.absolute(), "AbsBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x > 0 ? gi : x < 0 ? -gi : 0 } double: { gi, x in x > 0 ? gi : x < 0 ? -gi : 0 }]
        }
    }

    /// `sigmoid(a)` (SigmoidBackward0).
    public func sigmoid() throws -> Variable {
        let out = try data.sigmoid()
        return Variable.make(out, "SigmoidBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in gi * o * (1 - o) } double: { gi, o in gi * o * (1 - o) }]
        }
    }

    /// `tanh(a)` (TanhBackward0).
    public func tanh() throws -> Variable {
        let out = try data.tanh()
        return Variable.make(out, "TanhBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in gi * (1 - o * o) } double: { gi, o in gi * (1 - o * o) }]
        }
    }

    /// `relu(a)` (ReluBackward0): the gradient passes where the output is positive.
    public func relu() throws -> Variable {
        let out = try data.relu()
        return Variable.make(out, "ReluBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in o > 0 ? gi : 0 } double: { gi, o in o > 0 ? gi : 0 }]
        }
    }

    /// `clamp(a, min=, max=)` with numbers (ClampBackward1); at least one bound is given.
    /// The gradient passes where `min <= a <= max`.
    public func clamp(min lo: Double?, max hi: Double?) throws -> Variable {
        guard lo != nil || hi != nil else {
            throw TensorError.runtime("torch.clamp: At least one of 'min' or 'max' must not be None")
        }
        let a = data
        let out = try a.clamp(min: lo.map { Tensor(scalar: $0, dtype: a.dtype) },
                              max: hi.map { Tensor(scalar: $0, dtype: a.dtype) })
        let l = Float(lo ?? -.infinity), h = Float(hi ?? .infinity)
        let ld = lo ?? -.infinity, hd = hi ?? .infinity
        return Variable.make(out, "ClampBackward1", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x >= l && x <= h ? gi : 0 } double: { gi, x in x >= ld && x <= hd ? gi : 0 }]
        }
    }

    /// `clamp_min(a, min)` (ClampMinBackward0).
    public func clampMin(_ lo: Double) throws -> Variable {
        let a = data
        let out = try a.clampMin(Tensor(scalar: lo, dtype: a.dtype))
        let l = Float(lo)
        return Variable.make(out, "ClampMinBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x >= l ? gi : 0 } double: { gi, x in x >= lo ? gi : 0 }]
        }
    }

    /// `clamp_max(a, max)` (ClampMaxBackward0).
    public func clampMax(_ hi: Double) throws -> Variable {
        let a = data
        let out = try a.clampMax(Tensor(scalar: hi, dtype: a.dtype))
        let h = Float(hi)
        return Variable.make(out, "ClampMaxBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x <= h ? gi : 0 } double: { gi, x in x <= hi ? gi : 0 }]
        }
    }

    /// `a.clone()` (CloneBackward0): new storage, same values.
    public func clone() throws -> Variable {
        Variable.make(try data.clone(), "CloneBackward0", [self]) { g, _ in [g] }
    }

    /// `a.float()`: `self` when already float32; otherwise a converted copy (recorded as
    /// ToCopyBackward0 from float64, whose gradient converts back).
    public func float() throws -> Variable { try to(.float32) }

    /// `a.double()`: `self` when already float64; otherwise a converted copy.
    public func double() throws -> Variable { try to(.float64) }

    /// `a.to(dtype)`: `self` when it already has the dtype. Between float dtypes the copy is
    /// differentiable (ToCopyBackward0, the gradient converted back); to int64 or bool, or from
    /// them, it never is.
    public func to(_ dtype: DType) throws -> Variable {
        if dtype == self.dtype { return self }
        let out = try data.to(dtype)
        guard dtype.isFloatingPoint && self.dtype.isFloatingPoint else { return Variable(out) }
        let from = self.dtype
        return Variable.make(out, "ToCopyBackward0", [self]) { g, _ in [try g.to(from)] }
    }

    /// `a.long()`.
    public func long() throws -> Variable { try to(.int64) }
    /// `a.bool()`.
    public func bool() throws -> Variable { try to(.bool) }
}
