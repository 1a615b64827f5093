import NNEngine
import NNSyntax
import Autograd
import Tensors

// Argument binding for the tensor builtins: PyTorch's signatures, positional and keyword,
// and the conversions nn values go through on their way to the Tensors API.

/// The arguments of one builtin call, bound to parameter names as Python binds them.
struct BoundArgs {
    let fname: String
    private var values: [Value?]
    private let names: [String]

    /// Binds `args`/`kw` to `names` (all positional-or-keyword); `required` leading names must be given.
    init(_ fname: String, _ args: [Value], _ kw: Kwargs, _ names: [String], required: Int = 0) throws {
        self.fname = fname
        self.names = names
        values = Array(repeating: nil, count: names.count)
        guard args.count <= names.count else {
            throw PyError.type("\(fname)() takes \(names.count) positional argument\(names.count == 1 ? "" : "s") but \(args.count) were given")
        }
        for (i, a) in args.enumerated() { values[i] = a }
        for (k, v) in kw {
            guard let i = names.firstIndex(of: k) else {
                throw PyError.type("\(fname)() got an unexpected keyword argument '\(k)'")
            }
            if values[i] != nil { throw PyError.type("\(fname)() got multiple values for argument '\(k)'") }
            values[i] = v
        }
        for i in 0..<Swift.min(required, names.count) where values[i] == nil {
            throw PyError.type("\(fname)() missing required argument '\(names[i])' (pos \(i + 1))")
        }
    }

    /// The argument named `name`, nil when absent or None.
    subscript(_ name: String) -> Value? {
        guard let i = names.firstIndex(of: name), let v = values[i] else { return nil }
        if case .none = v { return nil }
        return v
    }

    /// A required argument as given, None included (binding already checked it is present), so
    /// `cat(None)` reaches the conversion's TypeError instead of a nil unwrap.
    func given(_ name: String) -> Value {
        guard let i = names.firstIndex(of: name), let v = values[i] else { return .none }
        return v
    }

    /// A required int argument: None is PyTorch's TypeError, not a missing value.
    func requiredInt(_ name: String) throws -> Int { try TensorArgs.int(given(name), fname, name) }
    /// A required number argument: None is PyTorch's TypeError, not a missing value.
    func requiredDouble(_ name: String) throws -> Double { try TensorArgs.double(given(name), fname, name) }

    func int(_ name: String) throws -> Int? { try self[name].map { try TensorArgs.int($0, fname, name) } }
    func double(_ name: String) throws -> Double? { try self[name].map { try TensorArgs.double($0, fname, name) } }
    func bool(_ name: String, _ def: Bool) throws -> Bool { try self[name].map { try TensorArgs.bool($0, fname, name) } ?? def }
    func dtype(_ name: String) throws -> DType? { try self[name].map { try TensorArgs.dtype($0, fname) } }
    /// `dim` as PyTorch takes it: an int, a tuple/list of ints, or None (all dims).
    func dims(_ name: String) throws -> [Int]? {
        guard let v = self[name] else { return nil }
        if let i = TensorArgs.intValue(v) { return [i] }
        return try TensorArgs.ints(v, fname, name)
    }
}

/// Conversions from nn values to what the Tensors API takes.
enum TensorArgs {
    /// An exact int from an int or bool value (or a one-element int tensor).
    static func intValue(_ v: Value) -> Int? {
        switch v {
        case .int(let i): return i
        case .bool(let b): return b ? 1 : 0
        case .tensor(let t) where t.data.numel == 1 && !t.data.dtype.isFloatingPoint:
            return (try? t.data.item()).flatMap { Int(exactly: $0) }
        default: return nil
        }
    }

    static func int(_ v: Value, _ fname: String, _ arg: String) throws -> Int {
        if let i = intValue(v) { return i }
        throw PyError.type("\(fname)(): argument '\(arg)' must be int, not \(v.typeName)")
    }

    static func double(_ v: Value, _ fname: String, _ arg: String) throws -> Double {
        switch v {
        case .int(let i): return Double(i)
        case .float(let d): return d
        case .bool(let b): return b ? 1 : 0
        case .tscalar(let f): return Double(f)
        case .tensor(let t) where t.data.numel == 1: return try t.data.item()
        default: throw PyError.type("\(fname)(): argument '\(arg)' must be Number, not \(v.typeName)")
        }
    }

    static func bool(_ v: Value, _ fname: String, _ arg: String) throws -> Bool {
        switch v {
        case .bool(let b): return b
        case .int(let i): return i != 0
        default: throw PyError.type("\(fname)(): argument '\(arg)' must be bool, not \(v.typeName)")
        }
    }

    /// The items of a tuple, list, Size or other tuple-like value, or nil for non-sequences.
    static func sequence(_ v: Value) -> [Value]? {
        switch v {
        case .object(let t as PyTuple): return t.items
        case .object(let l as PyList): return l.items
        case .object(let i as PyInstance): return TupleLike.items(i)
        default: return nil
        }
    }

    /// A list of ints from a tuple/list/Size.
    static func ints(_ v: Value, _ fname: String, _ arg: String) throws -> [Int] {
        guard let items = sequence(v) else {
            throw PyError.type("\(fname)(): argument '\(arg)' must be tuple of ints, not \(v.typeName)")
        }
        var out: [Int] = []
        for (k, x) in items.enumerated() {
            guard let i = intValue(x) else {
                throw PyError.type("\(fname)(): argument '\(arg)' must be tuple of ints, but found element of type \(x.typeName) at pos \(k)")
            }
            out.append(i)
        }
        return out
    }

    /// Sizes given as varargs (`randn(3, 4)`) or as one sequence (`randn((3, 4))`, `zeros(x.shape)`).
    static func sizes(_ args: [Value], _ fname: String) throws -> [Int] {
        if args.count == 1, sequence(args[0]) != nil { return try ints(args[0], fname, "size") }
        var out: [Int] = []
        for (k, v) in args.enumerated() {
            guard let i = intValue(v) else {
                // PyTorch's wording depends on where the odd one sits.
                if args.count == 1 {
                    throw PyError.type("\(fname)(): argument 'size' (position 1) must be tuple of ints, not \(v.typeName)")
                }
                if k > 0 {
                    throw PyError.type("\(fname)(): argument 'size' failed to unpack the object at pos \(k + 1) with error \"type must be tuple of ints,but got \(v.typeName)\"")
                }
                throw PyError.type("\(fname)(): argument 'size' must be tuple of ints, but found element of type \(v.typeName) at pos \(k)")
            }
            out.append(i)
        }
        return out
    }

    /// A dtype value (`float32`, `int64`, `bool`, ...) as a DType.
    static func dtype(_ v: Value, _ fname: String) throws -> DType {
        if let d = DTypeObjects.dtype(of: v) { return d }
        if case .object(let c as PyClass) = v {
            // Python's own `float`, `int` and `bool` as dtypes, as PyTorch accepts them.
            if c === BuiltinTypes.float { return .float64 }
            if c === BuiltinTypes.int { return .int64 }
            if c === BuiltinTypes.bool { return .bool }
        }
        throw PyError.type("\(fname)(): argument 'dtype' must be torch.dtype, not \(v.typeName)")
    }

    /// A tensor operand: tensors as they are, Python numbers as 0-d tensors of their kind
    /// (bool, int64, the default float dtype), lists through `tensor(...)`.
    static func tensor(_ v: Value, _ fname: String = "tensor") throws -> Tensor {
        switch v {
        case .tensor(let t): return t.data
        case .tscalar(let f): return Tensor(scalar: Double(f), dtype: .float32)
        // Exact: a Double would round ints past 2**53 (`t + (2**62 + 1)`).
        case .int(let i): return try Tensor(ints: [Int64(i)], shape: [])
        case .float(let d): return Tensor(scalar: d, dtype: .defaultFloat)
        case .bool(let b): return Tensor(scalar: b ? 1 : 0, dtype: .bool)
        case .object(let o) where o is PyList || o is PyTuple: return try TensorData.make(v, dtype: nil)
        default: throw PyError.type("\(fname)(): argument 'input' must be Tensor, not \(v.typeName)")
        }
    }

    /// `tensor(v)`, except that a Python float meeting a float64 tensor (`partner`) becomes a
    /// float64 0-d tensor: PyTorch keeps a wrapped number's double value, so `x64 * 0.1`
    /// multiplies by 0.1 and not by its float32 rounding.
    static func tensor(_ v: Value, _ fname: String = "tensor", partner: DType?) throws -> Tensor {
        if case .float(let d) = v, partner == .float64 { return Tensor(scalar: d, dtype: .float64) }
        return try tensor(v, fname)
    }

    /// `variable(v)` with `tensor(_:_:partner:)`'s rule for Python floats.
    static func variable(_ v: Value, _ fname: String = "tensor", partner: DType?) throws -> Variable {
        if case .tensor(let t) = v { return t }
        return Variable(try tensor(v, fname, partner: partner))
    }

    /// The Variable behind a tensor argument (boxing numbers and lists as new constants).
    static func variable(_ v: Value, _ fname: String = "tensor") throws -> Variable {
        if case .tensor(let t) = v { return t }
        return Variable(try tensor(v, fname))
    }
}

/// Turning nested lists of numbers into tensors (`tensor(data)`), with PyTorch's dtype inference.
enum TensorData {
    static func make(_ data: Value, dtype: DType?) throws -> Tensor {
        if case .tensor(let t) = data { return try t.data.to(dtype ?? t.data.dtype).clone() }
        var shape: [Int] = []
        var shapeFixed = false
        var flat: [Double] = []
        // Exact values while every element is an int or bool (Doubles lose digits past 2^53).
        var exact: [Int64] = []
        var kind = DType.bool
        var sawAny = false
        func walk(_ v: Value, _ depth: Int) throws {
            if let items = TensorArgs.sequence(v) {
                if !shapeFixed && depth == shape.count {
                    shape.append(items.count)
                } else if depth >= shape.count {
                    throw PyError.type("not a sequence")
                } else if shape[depth] != items.count {
                    throw PyError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got \(items.count))")
                }
                if items.isEmpty { shapeFixed = true }
                for x in items { try walk(x, depth + 1) }
                return
            }
            shapeFixed = true
            if depth != shape.count {
                throw PyError.value("expected sequence of length \(shape[depth]) at dim \(depth) (got 0)")
            }
            sawAny = true
            switch v {
            case .bool(let b):
                flat.append(b ? 1 : 0)
                exact.append(b ? 1 : 0)
            case .int(let i):
                flat.append(Double(i))
                exact.append(Int64(i))
                if kind == .bool { kind = .int64 }
            case .float(let d):
                flat.append(d)
                kind = DType.promote(kind, .defaultFloat)
            case .tscalar(let f):
                flat.append(Double(f))
                kind = DType.promote(kind, .float32)
            case .tensor(let t):
                guard t.data.numel == 1 else {
                    throw PyError.value("only one element tensors can be converted to Python scalars")
                }
                flat.append(try t.data.item())
                kind = DType.promote(kind, t.data.dtype)
            default:
                throw PyError.type("new(): invalid data type '\(v.typeName)'")
            }
        }
        try walk(data, 0)
        // An empty list makes a float tensor, as in PyTorch.
        let dt = dtype ?? (sawAny ? kind : .defaultFloat)
        if dt == .int64 && exact.count == flat.count { return try Tensor(ints: exact, shape: shape) }
        return try Tensor(flat, shape: shape, dtype: dt)
    }
}
