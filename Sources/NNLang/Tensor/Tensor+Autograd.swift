import Autograd
import Tensors

// The seam between the tensor binding and autograd. Every differentiable op of the binding goes
// through `Grad.op(...)`, naming PyTorch's backward node, so that switching to the Autograd
// module's differentiable ops is one change here (or one line per op).
//
// Until the Autograd module has its ops, results of ops on tensors that require grad carry a
// named `Node` (so `requires_grad`, `grad_fn`, `is_leaf` and reprs behave as in PyTorch) but
// `backward()` raises NotImplementedError.

enum Grad {
    /// The result of a differentiable op named `name` (PyTorch's backward class, e.g.
    /// `MulBackward0`) on `inputs`.
    @inline(__always)
    static func op(_ rt: Runtime, _ name: String, _ inputs: [Variable], _ f: () throws -> Tensor) throws -> Variable {
        let out = Variable(try wrap { try f() })
        if rt.gradEnabled, inputs.contains(where: { $0.requiresGrad }) {
            out.requiresGrad = true
            out.gradFn = Node(name: name)
        }
        return out
    }

    /// A non-differentiable result (comparisons, argmax, integer results).
    static func constant(_ f: () throws -> Tensor) throws -> Variable { Variable(try wrap { try f() }) }

    /// PyTorch's check before an in-place op: a leaf that requires grad may not be modified
    /// while grad mode is on.
    static func checkInPlace(_ rt: Runtime, _ t: Variable) throws {
        if rt.gradEnabled && t.requiresGrad && t.isLeaf {
            throw PyError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// After an in-place op: the result depends on the other operands too.
    static func markInPlace(_ rt: Runtime, _ t: Variable, _ others: [Variable], _ name: String) {
        if rt.gradEnabled, t.requiresGrad || others.contains(where: { $0.requiresGrad }) {
            t.requiresGrad = true
            t.gradFn = Node(name: name)
        }
    }

    /// `t.backward(gradient)`.
    static func backward(_ rt: Runtime, _ t: Variable, gradient: Variable?) throws {
        guard t.requiresGrad else {
            throw PyError.runtime("element 0 of tensors does not require grad and does not have a grad_fn")
        }
        if gradient == nil && t.data.numel != 1 {
            throw PyError.runtime("grad can be implicitly created only for scalar outputs")
        }
        throw PyError(BuiltinTypes.notImplementedError,
                      "backward() needs the Autograd module's gradient rules, which are not merged yet")
    }

    /// Runs a Tensors call, turning its errors into nn exceptions.
    @inline(__always)
    static func wrap<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as PyError { throw e } catch { throw asPyError(error) }
    }
}

/// User attributes of a tensor (`inp.g = ...`), kept in `Variable.userAttributes`.
final class TensorUserAttributes {
    var values: [String: Value] = [:]
}

extension Variable {
    var nnAttributes: TensorUserAttributes {
        if let a = userAttributes as? TensorUserAttributes { return a }
        let a = TensorUserAttributes()
        userAttributes = a
        return a
    }
}
