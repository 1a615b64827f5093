import Tensors

/// A tensor as nn code sees it: data plus PyTorch's autograd state.
///
/// Contract shared by `Autograd` and `NNLang`: an nn tensor value *is* a `Variable` (identity
/// matters: `x.grad is x.grad`). Differentiable ops take and return Variables and record a
/// `Node` when any input requires grad and grad mode is on; `backward()` walks those nodes.
public final class Variable {
    /// The values. Views of one Variable's data share its storage, as in PyTorch.
    public var data: Tensor
    /// True for leaves the user asked gradients for, and for results computed from them.
    public var requiresGrad: Bool
    /// The accumulated gradient (leaves only, as in PyTorch), or nil.
    public var grad: Variable?
    /// The op that produced this value; nil for leaves.
    public var gradFn: Node?
    /// An opaque slot for the language layer (user attributes such as `inp.g`).
    public var userAttributes: AnyObject?

    public init(_ data: Tensor, requiresGrad: Bool = false) {
        self.data = data
        self.requiresGrad = requiresGrad
    }

    /// A leaf is a value no recorded op produced (PyTorch's `is_leaf`).
    public var isLeaf: Bool { gradFn == nil }
}

/// One recorded op in the graph: PyTorch's `grad_fn` (its name prints as `<MulBackward0>`).
open class Node {
    /// PyTorch's class name for this backward function, e.g. `MulBackward0`.
    public let name: String
    public init(name: String) { self.name = name }
}
