import Tensors

// Ops PyTorch does not differentiate: comparisons, bitwise and integer ops. They take and
// return Variables so nn code sees one tensor type; results never require grad.

extension Variable {
    /// `a == b` (bool, no grad).
    public func eq(_ other: Variable) throws -> Variable { Variable(try data.eq(other.data)) }
    /// `a != b` (bool, no grad).
    public func ne(_ other: Variable) throws -> Variable { Variable(try data.ne(other.data)) }
    /// `a < b` (bool, no grad).
    public func lt(_ other: Variable) throws -> Variable { Variable(try data.lt(other.data)) }
    /// `a <= b` (bool, no grad).
    public func le(_ other: Variable) throws -> Variable { Variable(try data.le(other.data)) }
    /// `a > b` (bool, no grad).
    public func gt(_ other: Variable) throws -> Variable { Variable(try data.gt(other.data)) }
    /// `a >= b` (bool, no grad).
    public func ge(_ other: Variable) throws -> Variable { Variable(try data.ge(other.data)) }
    /// `a // b` (no grad, as PyTorch's floor_divide).
    public func floorDivide(_ other: Variable) throws -> Variable { Variable(try data.floorDivide(other.data)) }
    /// `a & b` for int and bool tensors.
    public func bitwiseAnd(_ other: Variable) throws -> Variable { Variable(try data.bitwiseAnd(other.data)) }
    /// `a | b` for int and bool tensors.
    public func bitwiseOr(_ other: Variable) throws -> Variable { Variable(try data.bitwiseOr(other.data)) }
    /// `a ^ b` for int and bool tensors.
    public func bitwiseXor(_ other: Variable) throws -> Variable { Variable(try data.bitwiseXor(other.data)) }
    /// `~a` for int and bool tensors.
    public func bitwiseNot() throws -> Variable { Variable(try data.bitwiseNot()) }

    // MARK: Single-dim shorthands of the reductions

    /// `a.sum(dim, keepdim=)` (SumBackward1).
    public func sum(dim: Int, keepdim: Bool = false) throws -> Variable { try sum(dims: [dim], keepdim: keepdim) }
    /// `a.mean(dim, keepdim=)` (MeanBackward1).
    public func mean(dim: Int, keepdim: Bool = false) throws -> Variable { try mean(dims: [dim], keepdim: keepdim) }
    /// `a.var(dim, keepdim=, correction=)` (VarBackward0).
    public func `var`(dim: Int, keepdim: Bool = false, correction: Int = 1) throws -> Variable {
        try self.var(dims: [dim], keepdim: keepdim, correction: correction)
    }
    /// `a.std(dim, keepdim=, correction=)` (StdBackward0).
    public func std(dim: Int, keepdim: Bool = false, correction: Int = 1) throws -> Variable {
        try std(dims: [dim], keepdim: keepdim, correction: correction)
    }
}
