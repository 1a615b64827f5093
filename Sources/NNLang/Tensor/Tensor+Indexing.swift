import NNEngine
import NNSyntax
import Autograd
import Tensors

// `t[index]` and `t[index] = v` with PyTorch's rules (Tensors does the work), plus the
// scalar fast path of the lesson's loops: `c[i, j] += a[i, k] * b[k, j]` on float tensors reads
// and writes through Tensors' non-allocating accessors and moves `.tscalar` values.

extension NNTensorBinding {
    func getItem(_ rt: Runtime, _ t: Variable, _ index: Value) throws -> Value {
        // Fast path: a full int index into a float tensor without autograd state.
        if t.data.dtype == .float32 && !t.requiresGrad {
            switch index {
            case .int(let i) where t.data.ndim == 1:
                return .tscalar(Float(try Grad.wrap { try t.data.scalar(at: i) }))
            case .object(let o):
                if let tup = o as? PyTuple, tup.items.count == t.data.ndim, tup.items.count == 2,
                   case .int(let i) = tup.items[0], case .int(let j) = tup.items[1] {
                    return .tscalar(Float(try Grad.wrap { try t.data.scalar(at: i, j) }))
                }
            default: break
            }
        }
        let idx = try NNTensorBinding.tensorIndex(index)
        return try Grad.v { try t.index(idx) }
    }

    func setItem(_ rt: Runtime, _ t: Variable, _ index: Value, _ v: Value) throws {
        // Fast path: `c[i, j] = x` with a full int index and a number.
        if t.data.dtype == .float32 && !t.requiresGrad, let x = NNTensorBinding.number(v) {
            switch index {
            case .int(let i) where t.data.ndim == 1:
                try Grad.wrap { try t.data.setScalar(x, at: i) }
                return
            case .object(let o):
                if let tup = o as? PyTuple, tup.items.count == t.data.ndim, tup.items.count == 2,
                   case .int(let i) = tup.items[0], case .int(let j) = tup.items[1] {
                    try Grad.wrap { try t.data.setScalar(x, at: i, j) }
                    return
                }
            default: break
            }
        }
        let idx = try NNTensorBinding.tensorIndex(index)
        switch v {
        case .int, .float, .bool, .tscalar:
            let x = try TensorArgs.double(v, "__setitem__", "value")
            try Grad.wrap { try t.setIndex(idx, x) }
        case .tensor(let src):
            try Grad.wrap { try t.setIndex(idx, src) }
        default:
            let src = try TensorArgs.tensor(v, "__setitem__")
            try Grad.wrap { try t.setIndex(idx, Variable(src)) }
        }
    }

    /// A Python number (or unboxed scalar) as a Double; nil for anything else.
    @inline(__always) static func number(_ v: Value) -> Double? {
        switch v {
        case .tscalar(let f): return Double(f)
        case .float(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }

    /// nn subscript values to Tensors' index components.
    static func tensorIndex(_ index: Value) throws -> [TensorIndex] {
        if case .object(let t as PyTuple) = index { return try t.items.map(component) }
        return [try component(index)]
    }

    static func component(_ v: Value) throws -> TensorIndex {
        switch v {
        case .int(let i): return .int(i)
        case .bool(let b): return .tensor(Tensor(scalar: b ? 1 : 0, dtype: .bool))
        case .none: return .newAxis
        case .tensor(let t):
            if t.data.dtype.isFloatingPoint {
                throw PyError.index("tensors used as indices must be long, int, byte or bool tensors")
            }
            return .tensor(t.data)
        case .tscalar:
            throw PyError.index("tensors used as indices must be long, int, byte or bool tensors")
        case .object(let s as PySlice):
            func bound(_ x: Value) throws -> Int? {
                if case .none = x { return nil }
                guard let i = TensorArgs.intValue(x) else {
                    throw PyError.type("slice indices must be integers or None or have an __index__ method")
                }
                return i
            }
            return .slice(start: try bound(s.start), stop: try bound(s.stop), step: try bound(s.step))
        case .object(let l as PyList):
            // A list of ints (or bools) indexes like an int64 (bool) tensor; an empty list is an
            // empty int64 index (PyTorch: `t[[]]` selects nothing), not a float tensor.
            let t = try TensorData.make(.object(l), dtype: nil)
            if t.numel == 0 && t.dtype == .float32 { return .tensor(try Tensor(zeros: t.shape, dtype: .int64)) }
            return .tensor(t)
        case .object(let r as PyRange):
            // A range indexes like the int64 tensor of its values (`x[range(n), target]`).
            let n = r.count
            guard n <= 1 << 32 else { throw PyError(BuiltinTypes.memoryError, "") }
            return .tensor(try Tensor(ints: (0..<n).map { Int64(r.at($0)) }, shape: [n]))
        default:
            if v.typeName == "ellipsis" { return .ellipsis }
            throw PyError.index("only integers, slices (`:`), ellipsis (`...`), None and long or byte Variables are valid indices (got \(v.typeName))")
        }
    }
}
