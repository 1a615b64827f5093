import Autograd
import Tensors

// PLACEHOLDER owned by the tensor-binding helper (lang-tensors): replace this file with the
// full PyTorch-style API. It only gives the evaluator enough to run its own tests and the
// scalar-indexing benchmark: `zeros(r, c)`, `tensor(list of lists)`, one-element `item`, and
// a plain repr.

/// The binding the interpreter installs.
func makeTensorBinding() -> TensorBinding { MinimalTensorBinding() }

final class MinimalTensorBinding: TensorBinding {
    func install(into rt: Runtime) {
        rt.defineBuiltin("zeros") { _, args, _ in
            let shape = try args.map { v -> Int in
                guard case .int(let i) = v else { throw PyError.type("zeros(): expected ints") }
                return i
            }
            return .tensor(Variable(try Tensor(zeros: shape)))
        }
        rt.defineBuiltin("tensor") { _, args, _ in
            guard let first = args.first else { throw PyError.type("tensor() missing data") }
            var shape: [Int] = []
            var flat: [Float] = []
            func walk(_ v: Value, _ depth: Int) throws {
                if case .object(let o) = v, let l = o as? PyList {
                    if depth == shape.count { shape.append(l.items.count) }
                    for x in l.items { try walk(x, depth + 1) }
                } else {
                    switch v {
                    case .int(let i): flat.append(Float(i))
                    case .float(let d): flat.append(Float(d))
                    case .bool(let b): flat.append(b ? 1 : 0)
                    default: throw PyError.type("tensor(): unsupported element")
                    }
                }
            }
            try walk(first, 0)
            return .tensor(Variable(try Tensor(floats: flat, shape: shape)))
        }
    }
    func getAttr(_ rt: Runtime, _ t: Variable, _ name: String) throws -> Value? {
        if name == "item" {
            return .object(PyBuiltin("item") { rt, _, _ in try self.item(rt, t) })
        }
        return nil
    }
    func setAttr(_ rt: Runtime, _ t: Variable, _ name: String, _ v: Value) throws {
        throw PyError.attribute("'Tensor' object attribute '\(name)' is not supported yet")
    }
    func binary(_ rt: Runtime, _ op: BinaryOp, _ a: Value, _ b: Value) throws -> Value? { nil }
    func inplace(_ rt: Runtime, _ op: BinaryOp, _ a: Variable, _ b: Value) throws -> Value? { nil }
    func unary(_ rt: Runtime, _ op: UnaryOp, _ t: Variable) throws -> Value {
        throw PyError.type("bad operand type for unary \(op.rawValue): 'Tensor'")
    }
    func compare(_ rt: Runtime, _ op: CompareOp, _ a: Value, _ b: Value) throws -> Value? { nil }
    func getItem(_ rt: Runtime, _ t: Variable, _ index: Value) throws -> Value {
        throw PyError.type("tensor indexing is not supported yet")
    }
    func setItem(_ rt: Runtime, _ t: Variable, _ index: Value, _ v: Value) throws {
        throw PyError.type("tensor indexing is not supported yet")
    }
    func repr(_ rt: Runtime, _ t: Variable) throws -> String {
        let xs = t.data.scalars().map { formatFloatRepr(Double(Float($0))) }
        return t.data.ndim == 0 ? "tensor(\(xs.first ?? ""))" : "tensor([\(xs.joined(separator: ", "))])"
    }
    func truth(_ rt: Runtime, _ t: Variable) throws -> Bool {
        guard t.data.numel == 1 else {
            throw PyError.runtime("Boolean value of Tensor with more than one value is ambiguous")
        }
        return t.data.scalars()[0] != 0
    }
    func len(_ rt: Runtime, _ t: Variable) throws -> Int {
        guard let n = t.data.shape.first else { throw PyError.type("len() of a 0-d tensor") }
        return n
    }
    func iterate(_ rt: Runtime, _ t: Variable) throws -> [Value] {
        throw PyError.type("iterating a tensor is not supported yet")
    }
    func format(_ rt: Runtime, _ t: Variable, _ spec: String) throws -> String {
        try formatValue(rt, try item(rt, t), spec)
    }
    func item(_ rt: Runtime, _ t: Variable) throws -> Value {
        guard t.data.numel == 1 else {
            throw PyError.runtime("a Tensor with \(t.data.numel) elements cannot be converted to Scalar")
        }
        let x = t.data.scalars()[0]
        return t.data.dtype == .float32 ? .float(x) : (t.data.dtype == .bool ? .bool(x != 0) : .int(Int(x)))
    }
}
