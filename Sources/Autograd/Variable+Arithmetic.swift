import Tensors

// Binary arithmetic with broadcasting. Each rule sums its gradient back to its input's shape.
// Python numbers reach these as 0-d Variables (the binding wraps them); the `Double`
// overloads are shorthands that wrap a float32 0-d tensor.

extension Variable {
    /// `a + b` (AddBackward0).
    public func add(_ other: Variable) throws -> Variable {
        let sa = shape, sb = other.shape
        return Variable.make(try data.add(other.data), "AddBackward0", [self, other]) { g, needs in
            [needs[0] ? try g.sumTo(sa) : nil, needs[1] ? try g.sumTo(sb) : nil]
        }
    }

    /// `a - b` (SubBackward0).
    public func sub(_ other: Variable) throws -> Variable {
        let sa = shape, sb = other.shape
        return Variable.make(try data.sub(other.data), "SubBackward0", [self, other]) { g, needs in
            [needs[0] ? try g.sumTo(sa) : nil, needs[1] ? try g.neg().sumTo(sb) : nil]
        }
    }

    /// `a * b` (MulBackward0).
    public func mul(_ other: Variable) throws -> Variable {
        let a = data, b = other.data
        return Variable.make(try a.mul(b), "MulBackward0", [self, other], saves: crossSaved(other)) { g, needs in
            [needs[0] ? try g.mul(b).sumTo(a.shape) : nil, needs[1] ? try g.mul(a).sumTo(b.shape) : nil]
        }
    }

    /// `a / b` (DivBackward0): true division, ints give float.
    public func div(_ other: Variable) throws -> Variable {
        let a = data, b = other.data
        let out = try a.div(b)
        return Variable.make(out, "DivBackward0", [self, other], saves: [other], savesOutput: other.requiresGrad) { g, needs in
            [needs[0] ? try g.div(b).sumTo(a.shape) : nil,
             needs[1] ? try g.mul(out).div(b).neg().sumTo(b.shape) : nil]
        }
    }

    /// `-a` (NegBackward0).
    public func neg() throws -> Variable {
        Variable.make(try data.neg(), "NegBackward0", [self]) { g, _ in [try g.neg()] }
    }

    /// `scalar - a`, Python's reflected subtraction with a number (RsubBackward1).
    public func rsub(_ scalar: Variable) throws -> Variable {
        let sa = shape
        return Variable.make(try scalar.data.sub(data), "RsubBackward1", [self, scalar]) { g, needs in
            [needs[0] ? try g.neg().sumTo(sa) : nil, nil]
        }
    }

    /// `scalar / a`, Python's reflected division with a number. PyTorch computes it as
    /// `a.reciprocal() * scalar`, so its node is MulBackward0.
    public func rdiv(_ scalar: Variable) throws -> Variable {
        let a = data, s = scalar.data
        let out = try s.div(a)
        return Variable.make(out, "MulBackward0", [self, scalar], saves: [self], savesOutput: true) { g, needs in
            [needs[0] ? try g.mul(out).div(a).neg().sumTo(a.shape) : nil, nil]
        }
    }

    /// `a ** p` for a number `p` (PowBackward0).
    public func pow(_ exponent: Double) throws -> Variable {
        let a = data
        return Variable.make(try a.pow(exponent), "PowBackward0", [self], saves: [self]) { g, _ in
            if exponent == 0 { return [try Tensor.zerosLike(a, dtype: g.dtype)] }
            return [try g.mul(a.pow(exponent - 1).mul(Tensor(scalar: exponent, dtype: g.dtype == .float64 ? .float64 : .float32)))]
        }
    }

    /// `a ** b` for two tensors (PowBackward1).
    public func pow(_ exponent: Variable) throws -> Variable {
        let a = data, b = exponent.data
        let out = try a.pow(b)
        return Variable.make(out, "PowBackward1", [self, exponent], saves: [self, exponent], savesOutput: true) { g, needs in
            // d/da = b * a^(b-1) (0 where b == 0); d/db = a^b * log(a) (0 where a == 0, b >= 0).
            let ga = needs[0] ? try g.mul(try b.expand(out.shape).zipFloats(a.expand(out.shape)) { e, x in
                e == 0 ? 0 : e * libmPow(x, e - 1)
            } double: { e, x in
                e == 0 ? 0 : e * libmPow(x, e - 1)
            }).sumTo(a.shape) : nil
            let gb = needs[1] ? try g.mul(try out.zipFloats(a.expand(out.shape), b.expand(out.shape)) { o, x, e in
                x == 0 && e >= 0 ? 0 : o * libmLogf(x)
            } double: { o, x, e in
                x == 0 && e >= 0 ? 0 : o * libmLog(x)
            }).sumTo(b.shape) : nil
            return [ga, gb]
        }
    }

    /// `base ** a` for a number `base` (PowBackward2).
    public static func pow(_ base: Double, _ exponent: Variable) throws -> Variable {
        // A float64 exponent keeps the base's double value (float32 rounds it, as PyTorch does).
        let dt: DType = exponent.dtype == .float64 ? .float64 : .float32
        let out = try Tensor(scalar: base, dtype: dt).pow(exponent.data)
        let logBase = Tensor(scalar: libmLog(base), dtype: dt)
        return make(out, "PowBackward2", [exponent], savesOutput: true) { g, _ in
            [base == 0 ? try Tensor.zerosLike(g) : try g.mul(out).mul(logBase)]
        }
    }

    // MARK: Number shorthands (0-d scalars: float64 for a float64 tensor, else float32)

    /// A Python float meeting this tensor, as PyTorch wraps it.
    func number(_ s: Double) -> Variable { Variable(Tensor(scalar: s, dtype: dtype == .float64 ? .float64 : .float32)) }

    /// `a + s` with a float number.
    public func add(_ s: Double) throws -> Variable { try add(number(s)) }
    /// `a - s` with a float number.
    public func sub(_ s: Double) throws -> Variable { try sub(number(s)) }
    /// `a * s` with a float number.
    public func mul(_ s: Double) throws -> Variable { try mul(number(s)) }
    /// `a / s` with a float number.
    public func div(_ s: Double) throws -> Variable { try div(number(s)) }

    /// For a product: each operand is read by the other's gradient.
    func crossSaved(_ other: Variable) -> [Variable] {
        var s: [Variable] = []
        if other.requiresGrad { s.append(self) }
        if requiresGrad { s.append(other) }
        return s
    }
}
