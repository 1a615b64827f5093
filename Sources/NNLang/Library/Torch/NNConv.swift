import NNEngine
import NNSyntax

// `nn.Conv2d` and its base `torch.nn.modules.conv._ConvNd` are named, so lesson code can look at
// them (`nn.Conv2d??`, as fast.ai's 02_fully_connected does), but nnbook has no convolution
// kernels: making one is an explicit NotImplementedError, never a layer that computes nothing.

extension NNModules {
    static let convUnsupported = "convolutions are not implemented in nnbook (its layers are Linear, ReLU, Flatten and the containers)"

    /// `torch.nn.modules.conv._ConvNd`: the shared base, with PyTorch's method names.
    static let convNd: PyClass = {
        let c = layer("_ConvNd")
        c.dict["__module__"] = .str("torch.nn.modules.conv")
        c.dict["__doc__"] = .str("Base of the convolution layers. " + convUnsupported + ".")
        for name in ["__init__", "reset_parameters", "forward"] {
            method(c, name) { _, m, _, _ in throw PyError(BuiltinTypes.notImplementedError, "\(m.cls.name).\(name): " + convUnsupported) }
        }
        return c
    }()

    /// `nn.Conv1d`, `nn.Conv2d`, `nn.Conv3d`.
    static let convs: [PyClass] = ["Conv1d", "Conv2d", "Conv3d"].map { name in
        let c = layer(name, base: convNd)
        c.dict["__module__"] = .str("torch.nn.modules.conv")
        c.dict["__doc__"] = .str("Applies a \(name.dropFirst(4)) convolution in PyTorch. " + convUnsupported + ".")
        return c
    }

    /// `torch.nn.modules.conv`'s names.
    static var convModule: [String: Value] {
        var d: [String: Value] = ["_ConvNd": .object(convNd)]
        for c in convs { d[c.name] = .object(c) }
        return d
    }
}
