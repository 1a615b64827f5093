import NNEngine
import NNSyntax
import Autograd
import Tensors

// The lesson's test helpers, as fast.ai defines them and tools/torch_prelude.py mirrors them:
// silent on success, AssertionError with both values on failure.

extension NNTensorBinding {
    func installLessonHelpers(_ rt: Runtime) {
        installData(rt)
        rt.defineBuiltin("test_eq") { rt, args, kw in
            let a = try BoundArgs("test_eq", args, kw, ["a", "b"], required: 2)
            let x = a["a"] ?? .none, y = a["b"] ?? .none
            var ok: Bool
            var shownX = x, shownY = y
            if x.isTensorValue || y.isTensorValue {
                let p = try TensorArgs.tensor(x, "test_eq"), q = try TensorArgs.tensor(y, "test_eq")
                shownX = .tensor(TensorArgs.asVariable(x, p))
                shownY = .tensor(TensorArgs.asVariable(y, q))
                ok = try Grad.wrap { try p.equal(q) }
            } else {
                ok = try rt.equals(x, y)
            }
            if !ok {
                throw PyError(BuiltinTypes.assertionError, "test_eq failed:\n\(try rt.repr(shownX))\n!=\n\(try rt.repr(shownY))")
            }
            return .none
        }
        rt.defineBuiltin("test_near") { rt, args, kw in
            let a = try BoundArgs("test_near", args, kw, ["a", "b"], required: 2)
            let p = try NNTensorBinding.floatCopy(a["a"] ?? .none, "test_near")
            let q = try NNTensorBinding.floatCopy(a["b"] ?? .none, "test_near")
            if !(try Grad.wrap { try p.allclose(q, rtol: 1e-3, atol: 1e-5) }) {
                throw PyError(BuiltinTypes.assertionError, "test_near failed:\n\(p.description)\n!~\n\(q.description)")
            }
            return .none
        }
        rt.defineBuiltin("test_near_zero") { rt, args, kw in
            let a = try BoundArgs("test_near_zero", args, kw, ["a", "tol"], required: 1)
            let p = try NNTensorBinding.floatCopy(a["a"] ?? .none, "test_near_zero")
            let tolValue = a["tol"] ?? .float(1e-3)
            let tol = try TensorArgs.double(tolValue, "test_near_zero", "tol")
            if !p.scalars().allSatisfy({ Swift.abs($0) < tol }) {
                throw PyError(BuiltinTypes.assertionError, "test_near_zero failed: \(p.description) (tolerance \(try rt.str(tolValue)))")
            }
            return .none
        }
    }

    /// `a.detach().float()` for tensors, `tensor(float(a))` for numbers.
    static func floatCopy(_ v: Value, _ fname: String) throws -> Tensor {
        switch v {
        case .tensor(let t): return try Grad.wrap { try t.data.to(.float32) }
        case .tscalar(let f): return Tensor(scalar: Double(f), dtype: .float32)
        case .int, .float, .bool: return Tensor(scalar: try TensorArgs.double(v, fname, "a"), dtype: .float32)
        default: throw PyError.type("float() argument must be a string or a real number, not '\(v.typeName)'")
        }
    }
}

extension TensorArgs {
    /// The Variable to show for an operand that was converted to `t` (tensors as themselves).
    static func asVariable(_ v: Value, _ t: Tensor) -> Variable {
        if case .tensor(let x) = v { return x }
        return Variable(t)
    }
}
