import Autograd
import Tensors

// Operators on tensors: `+ - * / // % ** @ & | ^`, unary `- + ~`, comparisons and `in`, and
// the in-place forms `+=` ... that PyTorch runs in place.

extension NNTensorBinding {
    /// A binary operand: tensors, Python numbers (as 0-d tensors of their kind); nil otherwise
    /// (lists and other values do not mix with tensors in operators, as in PyTorch).
    func operand(_ v: Value) throws -> Variable? {
        switch v {
        case .tensor(let t): return t
        case .int, .float, .bool, .tscalar: return Variable(try TensorArgs.tensor(v))
        default: return nil
        }
    }

    func binary(_ rt: Runtime, _ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? {
        guard let x = try operand(a), let y = try operand(b) else { return nil }
        // Python-number exponents keep the Tensors fast paths (x**2, x**0.5).
        if op == .pow, case .tensor = a, !(b.isTensorValue), let e = try? TensorArgs.double(b, "pow", "exponent") {
            if x.data.dtype == .float32 || (e.rounded() == e && e >= 0) {
                return .tensor(try Grad.op(rt, "PowBackward0", [x]) {
                    x.data.dtype == .float32 ? try x.data.pow(e) : try x.data.pow(y.data)
                })
            }
        }
        guard let r = try NNTensorBinding.apply(rt, op, x, y) else { return nil }
        return .tensor(r)
    }

    static func apply(_ rt: Runtime, _ op: BinaryOp, _ x: Variable, _ y: Variable) throws -> Variable? {
        switch op {
        case .add: return try Grad.op(rt, "AddBackward0", [x, y]) { try x.data.add(y.data) }
        case .sub: return try Grad.op(rt, "SubBackward0", [x, y]) { try x.data.sub(y.data) }
        case .mul: return try Grad.op(rt, "MulBackward0", [x, y]) { try x.data.mul(y.data) }
        case .div: return try Grad.op(rt, "DivBackward0", [x, y]) { try x.data.div(y.data) }
        case .floorDiv: return try Grad.constant { try x.data.floorDivide(y.data) }
        case .mod: return try Grad.op(rt, "RemainderBackward0", [x, y]) { try x.data.remainder(y.data) }
        case .pow: return try Grad.op(rt, "PowBackward1", [x, y]) { try x.data.pow(y.data) }
        case .matMul:
            let name = x.data.ndim == 2 && y.data.ndim == 2 ? "MmBackward0" : x.data.ndim == 1 && y.data.ndim == 1 ? "DotBackward0" : x.data.ndim == 2 && y.data.ndim == 1 ? "MvBackward0" : "MmBackward0"
            return try Grad.op(rt, name, [x, y]) { try x.data.matmul(y.data) }
        case .bitAnd: return try Grad.constant { try x.data.bitwiseAnd(y.data) }
        case .bitOr: return try Grad.constant { try x.data.bitwiseOr(y.data) }
        case .bitXor: return try Grad.constant { try x.data.bitwiseXor(y.data) }
        case .lShift, .rShift: return nil
        }
    }

    func inplace(_ rt: Runtime, _ op: BinaryOp, _ a: Variable, _ b: Value) throws -> Value? {
        guard let y = try operand(b) else { return nil }
        try Grad.checkInPlace(rt, a)
        try Grad.wrap {
            switch op {
            case .add: try a.data.add_(y.data)
            case .sub: try a.data.sub_(y.data)
            case .mul: try a.data.mul_(y.data)
            case .div: try a.data.div_(y.data)
            case .floorDiv: try a.data.floorDivide_(y.data)
            case .mod: try a.data.remainder_(y.data)
            case .pow: try a.data.pow_(y.data)
            case .bitAnd: try a.data.copy_(try a.data.bitwiseAnd(y.data))
            case .bitOr: try a.data.copy_(try a.data.bitwiseOr(y.data))
            case .bitXor: try a.data.copy_(try a.data.bitwiseXor(y.data))
            case .matMul:
                throw PyError.runtime("In-place matmul is not supported. Use 'a = a @ b' instead of 'a @= b'.")
            case .lShift, .rShift:
                throw PyError.type("unsupported operand type(s) for \(op.rawValue)=: 'Tensor' and '\(b.typeName)'")
            }
        }
        Grad.markInPlace(rt, a, [y], op == .sub ? "SubBackward0" : op == .mul ? "MulBackward0" : op == .div ? "DivBackward0" : "AddBackward0")
        return .tensor(a)
    }

    func unary(_ rt: Runtime, _ op: UnaryOp, _ t: Variable) throws -> Value {
        switch op {
        case .neg: return .tensor(try Grad.op(rt, "NegBackward0", [t]) { try t.data.neg() })
        case .pos: return .tensor(t)
        case .invert: return .tensor(try Grad.constant { try t.data.bitwiseNot() })
        case .not: return .bool(!(try truth(rt, t)))
        }
    }

    func compare(_ rt: Runtime, _ op: CompareOp, _ a: Value, _ b: Value) throws -> Value? {
        if op == .in || op == .notIn {
            // `x in t`: `(t == x).any()`.
            guard case .tensor(let t) = a, let y = try operand(b) else { return nil }
            let hit = try Grad.wrap { try t.data.eq(y.data).scalars().contains { $0 != 0 } }
            return .bool(op == .in ? hit : !hit)
        }
        guard let x = try operand(a), let y = try operand(b) else {
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
