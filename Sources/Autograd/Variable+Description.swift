import Tensors

extension Variable: CustomStringConvertible {
    /// PyTorch's repr: the tensor plus `grad_fn=<Name>` for results of recorded ops or
    /// `requires_grad=True` for leaves that want gradients.
    ///
    ///     tensor(0.4545, grad_fn=<MeanBackward0>)
    ///     tensor([1., 2.], requires_grad=True)
    public var description: String {
        if let f = gradFn { return data.description(suffixes: ["grad_fn=<\(f.name)>"]) }
        if requiresGrad { return data.description(suffixes: ["requires_grad=True"]) }
        return data.description
    }
}
