import Tensors

// How an op joins the graph: the output gets a Node whose edges lead to its inputs' nodes
// (or to the inputs themselves when they are leaves), and whose rule captures what backward
// needs. Nothing is recorded under no_grad or when no input requires grad.

extension Variable {
    /// True when an op over `inputs` records history on this thread.
    public static func isRecording(_ inputs: [Variable]) -> Bool {
        GradMode.isEnabled && inputs.contains { $0.requiresGrad }
    }

    /// Where the gradient for `v` goes, or nil when it needs none.
    static func edge(to v: Variable) -> Edge? {
        guard v.requiresGrad else { return nil }
        if let f = v.gradFn { return .node(f) }
        return .leaf(v)
    }

    /// A new Variable holding `data`, produced by the op `name` from `inputs`.
    ///
    /// `rule(g, needs)` returns one gradient per input (nil where `needs[i]` is false); it
    /// must not record (the engine runs it with grad mode off).
    ///
    /// `saves` lists the Variables whose data the rule reads, `savesOutput` whether it reads
    /// the output's: backward refuses to run when any of them was modified in place since.
    static func make(_ data: Tensor, _ name: String, _ inputs: [Variable],
                     saves: [Variable] = [], savesOutput: Bool = false,
                     rule: @escaping (Tensor, [Bool]) throws -> [Tensor?]) -> Variable {
        let out = Variable(data)
        if isRecording(inputs) {
            var rule = rule
            if inputs.contains(where: { $0.dtype != data.dtype && $0.dtype.isFloatingPoint }) {
                // Mixed float dtypes (float32 * float64): each input's gradient arrives in that
                // input's dtype, as PyTorch's engine converts them.
                let dtypes = inputs.map(\.dtype), inner = rule
                rule = { g, needs in
                    try inner(g, needs).enumerated().map { i, gi in
                        guard let gi, i < dtypes.count, dtypes[i].isFloatingPoint, gi.dtype != dtypes[i] else { return gi }
                        return try gi.to(dtypes[i])
                    }
                }
            }
            let node = Node(name: name, next: inputs.map(edge(to:)), rule: rule)
            if !saves.isEmpty || savesOutput {
                node.saved = saves.map(SavedVersion.init)
                if savesOutput { node.saved.append(SavedVersion(out, producer: name)) }
            }
            out.gradFn = node
            out.requiresGrad = true
        }
        return out
    }

    /// Like `make`, for ops whose result shares `input`'s storage.
    static func makeView(_ data: Tensor, _ name: String, _ input: Variable,
                         rule: @escaping (Tensor) throws -> Tensor) -> Variable {
        let out = make(data, name, [input]) { g, _ in [try rule(g)] }
        out.viewBase = input.viewBase ?? input
        return out
    }
}

/// A Variable a node's rule reads, and its data version when the node was recorded.
struct SavedVersion {
    weak var variable: Variable?
    let version: Int
    /// The grad_fn name of the saved Variable at that time (nil for leaves).
    let producer: String?

    init(_ v: Variable) {
        variable = v
        version = v.versionOwner.version
        producer = v.gradFn?.name
    }

    init(_ v: Variable, producer: String) {
        variable = v
        version = v.versionOwner.version
        self.producer = producer
    }

    /// PyTorch's error when the saved data changed in place before backward.
    func check() throws {
        guard let v = variable, v.versionOwner.version != version else { return }
        var what = "[torch.\(Tensor.typeNameForMessages(v.dtype))Tensor \(Tensor.describe(v.shape))]"
        if let p = producer {
            let op = p.firstRange(of: "Backward").map { String(p[..<$0.lowerBound]) } ?? p
            what += ", which is output 0 of \(op),"
        }
        throw TensorError.runtime("one of the variables needed for gradient computation has been modified by an inplace operation: \(what) is at version \(v.versionOwner.version); expected version \(version) instead. Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False).")
    }
}

extension Tensor {
    /// Sums a broadcast gradient back to `shape`: over the leading dims broadcasting added and
    /// over the dims that were size 1 in the input.
    func sumTo(_ target: [Int]) throws -> Tensor {
        if shape == target { return self }
        let lead = ndim - target.count
        guard lead >= 0 else { return try reshape(target) }
        var dims = Array(0..<lead)
        for (i, s) in target.enumerated() where s == 1 && shape[lead + i] != 1 { dims.append(lead + i) }
        if dims.isEmpty { return try reshape(target) }
        return try sum(dims: dims, keepdim: true).reshape(target)
    }

    /// A float32 0-d tensor.
    static func float(_ v: Double) -> Tensor { Tensor(scalar: v, dtype: .float32) }
}
