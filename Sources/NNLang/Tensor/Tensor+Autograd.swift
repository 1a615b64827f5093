import NNEngine
import NNSyntax
import Autograd
import Tensors

// The seam between the tensor binding and autograd: differentiable ops call the Autograd
// module's Variable API through `Grad.v`; the few ops Autograd has no rule for go through
// `Grad.op`, which refuses to run where a gradient would be needed.

enum Grad {
    /// The result of an op that has no gradient rule in Autograd (einsum, remainder, ...):
    /// computed on the data; when it would have to record history, PyTorch would give a
    /// gradient we cannot, so this raises instead of silently dropping it.
    static func op(_ name: String, _ inputs: [Variable], _ f: () throws -> Tensor) throws -> Variable {
        if Variable.isRecording(inputs) {
            throw PyError(BuiltinTypes.notImplementedError,
                          "nn has no gradient rule for \(name) yet; compute it under no_grad() or on detached tensors")
        }
        return Variable(try wrap { try f() })
    }

    /// A differentiable op of the Autograd module, as an nn value.
    @inline(__always)
    static func v(_ f: () throws -> Variable) throws -> Value { .tensor(try wrap { try f() }) }

    /// A non-differentiable result (comparisons, argmax, integer results).
    static func constant(_ f: () throws -> Tensor) throws -> Variable { Variable(try wrap { try f() }) }

    /// Runs a Tensors/Autograd call, turning its errors into nn exceptions.
    @inline(__always) @discardableResult
    static func wrap<T>(_ f: () throws -> T) throws -> T {
        do { return try f() } catch let e as PyError { throw e } catch var t as TensorError {
            // The layers below word messages exactly as PyTorch (`torch.Size([2])`); nn output
            // drops the `torch.` prefix everywhere, as the PyTorch oracle's output does.
            if t.message.contains("torch.") { t.message = t.message.replacing("torch.", with: "") }
            throw asPyError(t)
        } catch { throw asPyError(error) }
    }
}

/// User attributes of a tensor (`inp.g = ...`), kept in `Variable.userAttributes`.
final class TensorUserAttributes {
    var values: [String: Value] = [:]
    /// Made by `nn.Parameter` (its repr says so, and Module registers it).
    var isParameter = false
}

extension Variable {
    var nnAttributes: TensorUserAttributes {
        if let a = userAttributes as? TensorUserAttributes { return a }
        let a = TensorUserAttributes()
        userAttributes = a
        return a
    }
}

extension NNTensorBinding {
    /// PyTorch's check before writing into a tensor outside the recorded ops (`normal_`, ...).
    static func checkLeafInPlace(_ t: Variable) throws {
        if GradMode.isEnabled && t.isLeaf && t.requiresGrad {
            throw PyError.runtime("a leaf Variable that requires grad is being used in an in-place operation.")
        }
    }

    /// A Python number (not a tensor).
    static func isNumber(_ v: Value) -> Bool {
        switch v {
        case .int, .float, .bool: return true
        default: return false
        }
    }
}
