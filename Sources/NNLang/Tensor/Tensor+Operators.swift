import NNEngine
import NNSyntax
import Autograd
import Tensors

// Operators on tensors: `+ - * / // % ** @ & | ^`, unary `- + ~`, comparisons and `in`, and
// the in-place forms `+=` ... that PyTorch runs in place.

extension NNTensorBinding {
    /// A binary operand: tensors, Python numbers (as 0-d tensors of their kind); nil otherwise
    /// (lists and other values do not mix with tensors in operators, as in PyTorch).
    /// A Python float meeting a float64 tensor (`partner`) keeps its double value.
    func operand(_ v: Value, partner: Value? = nil) throws -> Variable? {
        switch v {
        case .tensor(let t): return t
        case .int, .float, .bool, .tscalar:
            if case .tensor(let p)? = partner { return Variable(try TensorArgs.tensor(v, partner: p.data.dtype)) }
            return Variable(try TensorArgs.tensor(v))
        default: return nil
        }
    }

    func binary(_ rt: Runtime, _ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        guard let x = try operand(a, partner: b), let y = try operand(b, partner: a) else { return nil }
        if op == .pow {
            // A negative Python-int exponent of an integer tensor is PyTorch's error (a tensor
            // exponent is not: `t ** tensor([-1])` computes, as integer pow does).
            if case .tensor = a, case .int(let e) = b, e < 0, !x.data.dtype.isFloatingPoint {
                throw PyError.runtime("Integers to negative integer powers are not allowed.")
            }
            // Python-number exponents and bases use PowBackward0 / PowBackward2, as PyTorch does.
            if case .tensor = a, !b.isTensorValue, x.data.dtype.isFloatingPoint, let e = NNTensorBinding.number(b) {
                return try Grad.v { try x.pow(e) }
            }
            if case .tensor = b, !a.isTensorValue, y.data.dtype.isFloatingPoint, let base = NNTensorBinding.number(a) {
                return try Grad.v { try Variable.pow(base, y) }
            }
        }
        guard let r = try NNTensorBinding.apply(op, x, y) else { return nil }
        return .tensor(r)
    }

    static func apply(_ op: BinaryOp, _ x: Variable, _ y: Variable) throws -> Variable? {
        try Grad.wrap {
            switch op {
            case .add: return try x.add(y)
            case .sub: return try x.sub(y)
            case .mul: return try x.mul(y)
            case .div: return try x.div(y)
            case .pow: return try x.pow(y)
            case .matMul: return try x.matmul(y)
            case .floorDiv: return try Grad.constant { try x.data.floorDivide(y.data) }
            case .mod: return try Grad.op("RemainderBackward0", [x, y]) { try x.data.remainder(y.data) }
            case .bitAnd: return try Grad.constant { try x.data.bitwiseAnd(y.data) }
            case .bitOr: return try Grad.constant { try x.data.bitwiseOr(y.data) }
            case .bitXor: return try Grad.constant { try x.data.bitwiseXor(y.data) }
            case .lShift, .rShift: return nil
            }
        }
    }

    func inplace(_ rt: Runtime, _ op: BinaryOp, _ a: Variable, _ b: Value) throws -> Value? {
        guard let y = try operand(b, partner: .tensor(a)) else { return nil }
        try Grad.wrap {
            switch op {
            case .add: try a.add_(y)
            case .sub: try a.sub_(y)
            case .mul: try a.mul_(y)
            case .div: try a.div_(y)
            case .floorDiv, .mod, .pow, .bitAnd, .bitOr, .bitXor:
                // No gradient rules: allowed only where nothing records.
                guard let r = try NNTensorBinding.apply(op, a, y) else { return }
                if Variable.isRecording([a, y]) || (GradMode.isEnabled && a.isLeaf && a.requiresGrad) {
                    throw PyError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
                }
                if r.data.dtype.isFloatingPoint && !a.data.dtype.isFloatingPoint {
                    let from = r.data.dtype == .float64 ? "Double" : "Float"
                    throw PyError.runtime("result type \(from) can't be cast to the desired output type \(a.data.dtype == .int64 ? "Long" : "Bool")")
                }
                try a.data.copy_(r.data)
            case .matMul:
                throw PyError.runtime("In-place matmul is not supported. Use 'a = a @ b' instead of 'a @= b'.")
            case .lShift, .rShift:
                throw PyError.type("unsupported operand type(s) for \(op.rawValue)=: 'Tensor' and '\(b.typeName)'")
            }
        }
        return .tensor(a)
    }

    func unary(_ rt: Runtime, _ op: UnaryOp, _ t: Variable) throws -> Value {
        switch op {
        case .neg: return try Grad.v { try t.neg() }
        case .pos: return .tensor(t)
        case .invert:
            // Python's `~` checks the dtype before the kernel does (`bitwise_not()` keeps the
            // kernel's NotImplementedError).
            if t.data.dtype.isFloatingPoint {
                throw PyError.type("~ (operator.invert) is only implemented on integer and Boolean-type tensors")
            }
            return .tensor(try Grad.constant { try t.data.bitwiseNot() })
        case .not: return .bool(!(try truth(rt, t)))
        }
    }

    func compare(_ rt: Runtime, _ op: CompareOp, _ a: Value, _ b: Value) throws -> Value? {
        if op == .in || op == .notIn {
            // `x in t`: `(t == x).any()`.
            guard case .tensor(let t) = a, let y = try operand(b, partner: a) else { return nil }
            let hit = try Grad.wrap { try t.data.eq(y.data).scalars().contains { $0 != 0 } }
            return .bool(op == .in ? hit : !hit)
        }
        guard let x = try operand(a, partner: b), let y = try operand(b, partner: a) else {
            // PyTorch: `t == None` is False, `t != None` is True; ordering raises.
            switch op {
            case .eq: return .bool(false)
            case .ne: return .bool(true)
            default: return nil
            }
        }
        let r: Tensor = try Grad.wrap {
            switch op {
            case .eq: return try x.data.eq(y.data)
            case .ne: return try x.data.ne(y.data)
            case .lt: return try x.data.lt(y.data)
            case .le: return try x.data.le(y.data)
            case .gt: return try x.data.gt(y.data)
            case .ge: return try x.data.ge(y.data)
            default: throw PyError.type("unsupported comparison \(op.rawValue) for Tensor")
            }
        }
        return .tensor(Variable(r))
    }
}

extension Value {
    var isTensorValue: Bool {
        switch self {
        case .tensor, .tscalar: return true
        default: return false
        }
    }
}
