import NNEngine
import NNSyntax
import Autograd
import Tensors

// The tensor API of nn: PyTorch's names bound to the Tensors module (and, through `Grad`, to
// autograd). This file holds the binding object and the value protocol (attributes, repr,
// truth, len, iteration, formatting); the other Tensor+*.swift files hold the builtins.

/// The binding the interpreter installs.
func makeTensorBinding() -> TensorBinding { NNTensorBinding() }

/// A tensor method: receiver, positional args, keyword args.
typealias TensorMethod = (Runtime, NNTensorBinding, Variable, [Value], Kwargs) throws -> Value

final class NNTensorBinding: TensorBinding {
    /// The interpreter's RNG (PyTorch's CPU generator), seeded with the interpreter's seed.
    var generator = Generator(seed: 0)

    func install(into rt: Runtime) {
        generator = Generator(seed: rt.seed)
        _ = NNTensorBinding.methodsInstalled
        let before = Set(rt.builtins.keys)
        installFactories(rt)
        installFunctions(rt)
        // The tensor builtins just defined are also `torch.*` (the `math` alias is not).
        let tensorNames = rt.builtins.keys.filter { !before.contains($0) && $0 != "math" }
        installLessonHelpers(rt)
        installDisplays(rt)
        installTorchModules(rt, tensorFunctions: tensorNames)
        bindConventionalNames(rt)
    }

    /// Fills `BuiltinTypes.tensor.dict` once per process (it is shared by every interpreter).
    static let methodsInstalled: Bool = {
        for (name, m) in tensorMethods {
            BuiltinTypes.tensor.dict[name] = .object(PyMethodDescr(name) { rt, recv, args, kw in
                guard let t = rt.variable(recv), let b = rt.tensors as? NNTensorBinding else {
                    throw PyError.type("descriptor '\(name)' for 'Tensor' objects doesn't apply to a '\(recv.typeName)' object")
                }
                return try m(rt, b, t, args, kw)
            })
        }
        return true
    }()

    // MARK: Attributes

    func getAttr(_ rt: Runtime, _ t: Variable, _ name: String) throws -> Value? {
        switch name {
        case "shape": return TupleLike.size(t.data.shape)
        case "ndim": return .int(t.data.ndim)
        case "dtype": return DTypeObjects.value(t.data.dtype)
        case "T", "mT":
            return try Grad.v { name == "T" ? try t.T() : try t.transpose(-2, -1) }
        case "data": return .tensor(Variable(t.data))
        case "grad": return t.grad.map { .tensor($0) } ?? Value.none
        case "requires_grad": return .bool(t.requiresGrad)
        case "grad_fn": return t.gradFn.map { GradFnObjects.value($0) } ?? Value.none
        case "is_leaf": return .bool(t.isLeaf)
        case "device": return .str("cpu")
        default:
            if let a = t.userAttributes as? TensorUserAttributes, let v = a.values[name] { return v }
            if let m = BuiltinTypes.tensor.dict[name] {
                if case .object(is PyMethodDescr) = m { return .object(PyBoundMethod(receiver: .tensor(t), function: m)) }
                // What lesson code patched onto torch.Tensor: properties, functions, plain values.
                return try rt.bind(m, .tensor(t), cls: BuiltinTypes.tensor)
            }
            return nil
        }
    }

    func setAttr(_ rt: Runtime, _ t: Variable, _ name: String, _ v: Value) throws {
        switch name {
        case "requires_grad":
            let b = try rt.truth(v)
            if !t.isLeaf && !b {
                throw PyError.runtime("you can only change requires_grad flags of leaf variables. If you want to use a computed variable in a subgraph that doesn't require differentiation use var_no_grad = var.detach().")
            }
            if t.isLeaf { _ = try Grad.wrap { try t.requiresGrad_(b) } }
        case "grad":
            switch v {
            case .none: t.grad = nil
            case .tensor(let g):
                guard g.data.shape == t.data.shape else {
                    throw PyError.runtime("assigned grad has data of a different size")
                }
                try Grad.wrap { try t.setGrad(g) }
            default: throw PyError.type("assigned grad expected to be a Tensor or None but got grad of type \(v.typeName)")
            }
        case "data":
            guard case .tensor(let d) = v else { throw PyError.type("Variable data has to be a tensor, but got \(v.typeName)") }
            t.data = d.data
        case "shape", "ndim", "dtype", "T", "grad_fn", "is_leaf", "device":
            throw PyError.attribute("attribute '\(name)' of 'torch._C.TensorBase' objects is not writable")
        default:
            if BuiltinTypes.tensor.lookup(name) != nil {
                throw PyError.attribute("'Tensor' object attribute '\(name)' is read-only")
            }
            t.nnAttributes.values[name] = v
        }
    }

    // MARK: Value protocol

    func repr(_ rt: Runtime, _ t: Variable) throws -> String {
        var suffixes: [String] = []
        if let f = t.gradFn {
            suffixes.append("grad_fn=<\(f.name)>")
        } else if t.requiresGrad {
            suffixes.append("requires_grad=True")
        }
        let text = t.data.description(suffixes: suffixes)
        if let a = t.userAttributes as? TensorUserAttributes, a.isParameter { return "Parameter containing:\n" + text }
        return text
    }

    func truth(_ rt: Runtime, _ t: Variable) throws -> Bool {
        let n = t.data.numel
        if n == 0 { throw PyError.runtime("Boolean value of Tensor with no values is ambiguous") }
        if n > 1 { throw PyError.runtime("Boolean value of Tensor with more than one value is ambiguous") }
        return try Grad.wrap { try t.data.item() } != 0
    }

    func len(_ rt: Runtime, _ t: Variable) throws -> Int {
        guard let n = t.data.shape.first else { throw PyError.type("len() of a 0-d tensor") }
        return n
    }

    func iterate(_ rt: Runtime, _ t: Variable) throws -> [Value] {
        guard let n = t.data.shape.first else { throw PyError.type("iteration over a 0-d tensor") }
        var rows: [Value] = []
        rows.reserveCapacity(n)
        for i in 0..<n {
            rows.append(try Grad.v { try t.index([.int(i)]) })
        }
        return rows
    }

    func format(_ rt: Runtime, _ t: Variable, _ spec: String) throws -> String {
        if t.data.ndim == 0 { return try formatValue(rt, try item(rt, t), spec) }
        if spec.isEmpty { return try repr(rt, t) }
        throw PyError.type("unsupported format string passed to Tensor.__format__")
    }

    func item(_ rt: Runtime, _ t: Variable) throws -> Value {
        // `float(t)`, `int(t)`, `math.f(t)`: Python's conversion words it differently from `.item()`.
        guard t.data.numel == 1 else { throw PyError.value("only one element tensors can be converted to Python scalars") }
        let x = try Grad.wrap { try t.data.item() }
        switch t.data.dtype {
        case .float32, .float64: return .float(x)
        // The only element sits at the offset; read int64 exactly (a Double loses digits past 2^53).
        case .int64: return .int(Int(t.data.storage.ints[t.data.offset]))
        case .bool: return .bool(x != 0)
        }
    }

    /// `t.tolist()`: nested lists of Python numbers; MemoryError (as torch) when the lists
    /// alone would be too many, e.g. the 2**62 empty rows of `zeros(2**62, 0)`.
    static func toList(_ t: Tensor) throws -> Value {
        var lists = 1
        for s in t.shape.dropLast() {
            let (m, overflow) = lists.multipliedReportingOverflow(by: s)
            if overflow || m > 1 << 28 { throw PyError(BuiltinTypes.memoryError, "") }
            lists = m
            if s == 0 { break }
        }
        var flat: [Value] = []
        flat.reserveCapacity(t.numel)
        t.forEachStorageIndex { i in
            switch t.dtype {
            case .float32: flat.append(.float(Double(t.storage.floats[i])))
            case .float64: flat.append(.float(t.storage.doubles[i]))
            case .int64: flat.append(.int(Int(t.storage.ints[i])))
            case .bool: flat.append(.bool(t.storage.bools[i]))
            }
        }
        func at(_ v: Value) -> Value { v }
        if t.ndim == 0 { return at(flat[0]) }
        var pos = 0
        func build(_ d: Int) -> Value {
            if d == t.ndim - 1 {
                let items = (0..<t.shape[d]).map { k in at(flat[pos + k]) }
                pos += t.shape[d]
                return .object(PyList(items))
            }
            return .object(PyList((0..<t.shape[d]).map { _ in build(d + 1) }))
        }
        return build(0)
    }
}

/// `grad_fn` values: objects whose repr is PyTorch's `<MeanBackward0 object at 0x...>` and
/// whose `name()` is the node name. Equal nodes give equal addresses (`a.grad_fn` twice).
enum GradFnObjects {
    static let cls: PyClass = {
        let c = PyClass(name: "Node", base: BuiltinTypes.object, isBuiltin: true)
        c.dict["__repr__"] = .object(PyBuiltin("__repr__", acceptsTScalar: false) { _, args, _ in
            guard case .object(let i as PyInstance)? = args.first, case .str(let n)? = i.attrs["__node__"] else {
                throw PyError.type("bad grad_fn")
            }
            var at = ""
            if case .str(let addr)? = i.attrs["__address__"] { at = " at " + addr }
            return .str("<\(n) object\(at)>")
        })
        c.dict["name"] = .object(PyMethodDescr("name") { _, recv, _, _ in
            guard case .object(let i as PyInstance) = recv, let n = i.attrs["__node__"] else { throw PyError.type("bad grad_fn") }
            return n
        })
        return c
    }()

    static func value(_ n: Node) -> Value {
        let i = PyInstance(cls: cls)
        i.attrs["__node__"] = .str(n.name)
        // PyTorch shows the node's address; ours is the Node's identity (stable while it lives).
        i.attrs["__address__"] = .str("0x" + String(UInt(bitPattern: ObjectIdentifier(n)), radix: 16))
        return .object(i)
    }
}
