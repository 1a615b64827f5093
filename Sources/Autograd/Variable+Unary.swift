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
            [try g.zipFloats(out) { gi, o in gi / (2 * o) }]
        }
    }

    /// `abs(a)` (AbsBackward0): the gradient is `sign(a)`, 0 at 0.
    public func abs() throws -> Variable {
        let a = data
        return Variable.make(try a.absolute(), "AbsBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x > 0 ? gi : x < 0 ? -gi : 0 }]
        }
    }

    /// `sigmoid(a)` (SigmoidBackward0).
    public func sigmoid() throws -> Variable {
        let out = try data.sigmoid()
        return Variable.make(out, "SigmoidBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in gi * o * (1 - o) }]
        }
    }

    /// `tanh(a)` (TanhBackward0).
    public func tanh() throws -> Variable {
        let out = try data.tanh()
        return Variable.make(out, "TanhBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in gi * (1 - o * o) }]
        }
    }

    /// `relu(a)` (ReluBackward0): the gradient passes where the output is positive.
    public func relu() throws -> Variable {
        let out = try data.relu()
        return Variable.make(out, "ReluBackward0", [self], savesOutput: true) { g, _ in
            [try g.zipFloats(out) { gi, o in o > 0 ? gi : 0 }]
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
        return Variable.make(out, "ClampBackward1", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x >= l && x <= h ? gi : 0 }]
        }
    }

    /// `clamp_min(a, min)` (ClampMinBackward0).
    public func clampMin(_ lo: Double) throws -> Variable {
        let a = data
        let out = try a.clampMin(Tensor(scalar: lo, dtype: a.dtype))
        let l = Float(lo)
        return Variable.make(out, "ClampMinBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x >= l ? gi : 0 }]
        }
    }

    /// `clamp_max(a, max)` (ClampMaxBackward0).
    public func clampMax(_ hi: Double) throws -> Variable {
        let a = data
        let out = try a.clampMax(Tensor(scalar: hi, dtype: a.dtype))
        let h = Float(hi)
        return Variable.make(out, "ClampMaxBackward0", [self], saves: [self]) { g, _ in
            [try g.zipFloats(a) { gi, x in x <= h ? gi : 0 }]
        }
    }

    /// `a.clone()` (CloneBackward0): new storage, same values.
    public func clone() throws -> Variable {
        Variable.make(try data.clone(), "CloneBackward0", [self]) { g, _ in [g] }
    }

    /// `a.float()`: `self` when already float32; otherwise a copy that cannot require grad
    /// (only float tensors carry gradients here).
    public func float() throws -> Variable {
        dtype == .float32 ? self : Variable(try data.float())
    }

    /// `a.to(dtype)` for a non-float dtype (`long()`, `bool()`): never differentiable.
    public func to(_ dtype: DType) throws -> Variable {
        dtype == self.dtype ? self : Variable(try data.to(dtype))
    }

    /// `a.long()`.
    public func long() throws -> Variable { try to(.int64) }
    /// `a.bool()`.
    public func bool() throws -> Variable { try to(.bool) }
}
