// The `torch.nn.init` fills beyond `kaiming_normal_`: each draws exactly what
// PyTorch's CPU generator draws for the same seed.

extension Tensor {
    /// `_calculate_fan_in_and_fan_out`: (size(1), size(0)) times the receptive field.
    public func fans() throws -> (fanIn: Int, fanOut: Int) {
        guard ndim >= 2 else {
            throw TensorError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = shape.dropFirst(2).reduce(1, *)
        return (shape[1] * receptive, shape[0] * receptive)
    }

    /// The fan `mode` picks (`fan_in` or `fan_out`), as `kaiming_*` computes it.
    func fan(_ mode: String) throws -> Int {
        let lowered = mode.lowercased()
        guard lowered == "fan_in" || lowered == "fan_out" else {
            throw TensorError.value("Mode \(lowered) not supported, please use one of ['fan_in', 'fan_out']")
        }
        let f = try fans()
        return lowered == "fan_in" ? f.fanIn : f.fanOut
    }

    /// `init.kaiming_uniform_(t, a, mode, nonlinearity)`: uniform in `+-sqrt(3) * gain / sqrt(fan)`.
    public func kaimingUniform_(a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                                generator: Generator) throws {
        if shape.contains(0) { return }
        let std = try Tensor.gain(nonlinearity, a) / Double(try fan(mode)).squareRoot()
        let bound = 3.0.squareRoot() * std
        try uniform_(from: -bound, to: bound, generator: generator)
    }

    /// `init.xavier_uniform_(t, gain)`: uniform in `+-gain * sqrt(6 / (fan_in + fan_out))`.
    public func xavierUniform_(gain: Double = 1, generator: Generator) throws {
        let f = try fans()
        let std = gain * (2.0 / Double(f.fanIn + f.fanOut)).squareRoot()
        let a = 3.0.squareRoot() * std
        try uniform_(from: -a, to: a, generator: generator)
    }

    /// `init.xavier_normal_(t, gain)`: normal with std `gain * sqrt(2 / (fan_in + fan_out))`.
    public func xavierNormal_(gain: Double = 1, generator: Generator) throws {
        let f = try fans()
        let std = gain * (2.0 / Double(f.fanIn + f.fanOut)).squareRoot()
        try normal_(mean: 0, std: std, generator: generator)
    }
}
