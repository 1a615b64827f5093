import Tensors

// Reverse-mode execution: walk the graph below an output in dependency order, call each
// node's rule once with the sum of the gradients that reached it, accumulate into leaves.

extension Variable {
    /// `y.retain_grad()`: after backward, `y.grad` holds the gradient of this non-leaf too.
    public func retainGrad() throws { try Engine.retainGrad(self) }

    /// `loss.backward()`: gradients of this scalar into every leaf that requires grad.
    ///
    /// Gradients accumulate into `.grad` across calls. Unless `retainGraph`, the saved tensors
    /// of every node walked are freed, and a second backward through them is PyTorch's error.
    public func backward(retainGraph: Bool = false) throws {
        try backward(gradient: nil, retainGraph: retainGraph)
    }

    /// `y.backward(gradient)`: the vector-Jacobian product with `gradient` (same shape as
    /// `self`); `nil` is allowed only for a single-element output, as in PyTorch.
    public func backward(gradient: Variable?, retainGraph: Bool = false) throws {
        if !requiresGrad {
            throw TensorError.runtime("element 0 of tensors does not require grad and does not have a grad_fn")
        }
        let seed: Tensor
        if let gradient {
            if gradient.shape != shape {
                throw TensorError.runtime("Mismatch in shape: grad_output[0] has a shape of torch.Size(\(Tensor.describe(gradient.shape))) and output[0] has a shape of torch.Size(\(Tensor.describe(shape))).")
            }
            seed = try gradient.data.to(dtype)
        } else {
            if data.numel != 1 {
                throw TensorError.runtime("grad can be implicitly created only for scalar outputs")
            }
            seed = try Tensor.onesLike(data)
        }
        guard let root = gradFn else {
            try Engine.accumulate(seed, into: self)
            return
        }
        try Engine.run(root: root, seed: seed, retainGraph: retainGraph)
    }
}

enum Engine {
    static let freedMessage = "Trying to backward through the graph a second time (or directly access saved tensors after they have already been freed). Saved intermediate values of the graph are freed when you call .backward() or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or if you need to access saved tensors after calling backward."

    static func run(root: Node, seed: Tensor, retainGraph: Bool) throws {
        // Count, for every node reachable from the root, how many edges point at it.
        var pending: [ObjectIdentifier: Int] = [ObjectIdentifier(root): 0]
        var stack = [root]
        var order: [Node] = []
        while let n = stack.popLast() {
            order.append(n)
            for case .node(let m)? in n.next {
                let id = ObjectIdentifier(m)
                if let c = pending[id] {
                    pending[id] = c + 1
                } else {
                    pending[id] = 1
                    stack.append(m)
                }
            }
        }
        if order.contains(where: { $0.rule == nil }) { throw TensorError.runtime(freedMessage) }

        var grads: [ObjectIdentifier: Tensor] = [ObjectIdentifier(root): seed]
        var ready = [root]
        // Gradients of the graph are plain tensors: backward never records.
        let saved = GradMode.enter(enabled: false)
        defer { GradMode.restore(saved) }
        while let n = ready.popLast() {
            var inputGrads: [Tensor?] = []
            // A node no gradient reached is still visited, so the nodes below it get ready.
            if let g = grads.removeValue(forKey: ObjectIdentifier(n)), let rule = n.rule {
                for r in n.retained {
                    if let v = r.variable, v.gradFn === n { try accumulate(g, into: v) }
                }
                for s in n.saved { try s.check() }
                inputGrads = try rule(g, n.next.map { $0 != nil })
            }
            if !retainGraph {
                n.rule = nil
                n.saved = []
            }
            for (i, edge) in n.next.enumerated() {
                guard let edge else { continue }
                // Taken out of the list, so a gradient that nothing else kept is held here alone.
                var gi: Tensor? = nil
                if i < inputGrads.count { swap(&gi, &inputGrads[i]) }
                switch edge {
                case .leaf(let v):
                    if gi != nil { try accumulate(taking: &gi!, into: v) }
                case .node(let m):
                    let mid = ObjectIdentifier(m)
                    if let gi {
                        if let prev = grads[mid] { grads[mid] = try prev.add(gi) } else { grads[mid] = gi }
                    }
                    let left = (pending[mid] ?? 1) - 1
                    pending[mid] = left
                    if left == 0 { ready.append(m) }
                }
            }
        }
    }

    /// `y.retain_grad()`: a non-leaf keeps the gradient backward computes for it (a no-op on
    /// leaves, which keep theirs anyway).
    static func retainGrad(_ v: Variable) throws {
        guard v.requiresGrad else { throw TensorError.runtime("can't retain_grad on Tensor that has requires_grad=False") }
        guard let n = v.gradFn else { return }
        if !n.retained.contains(where: { $0.variable === v }) { n.retained.append(WeakVariable(variable: v)) }
    }

    /// `accumulate(g, into: v)`, except that a first gradient held by nothing else becomes
    /// `v.grad` as it is, not a copy (a 50000x784 input's gradient is 157 MB).
    static func accumulate(taking g: inout Tensor, into v: Variable) throws {
        if v.grad == nil && g.isSoleDenseOwner() {
            v.grad = Variable(g)
        } else {
            try accumulate(g, into: v)
        }
    }

    /// Adds `g` into `v.grad` (in place after the first time, like PyTorch).
    static func accumulate(_ g: Tensor, into v: Variable) throws {
        if let existing = v.grad {
            if existing.data.shape == g.shape && existing.data.isContiguous {
                try existing.data.add_(g)
            } else {
                existing.data = try existing.data.add(g)
            }
        } else {
            // Always a fresh contiguous copy: `g` may be a broadcast view, or the same tensor
            // a rule handed to several inputs.
            v.grad = Variable(try g.clone())
        }
    }
}
