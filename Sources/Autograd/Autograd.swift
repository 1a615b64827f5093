// Autograd: reverse-mode automatic differentiation over `Tensors`, with PyTorch's semantics.
//
// An nn tensor value is a `Variable` (data + requiresGrad + grad + gradFn). Every op of the
// tensor API has a method on Variable with the Tensor method's name and arguments; an op records
// a `Node` (named like PyTorch's grad_fn, e.g. MulBackward0) when grad mode is on and an input
// requires grad. One rule per primitive: the forward captures what backward needs; backward
// returns one gradient per input (nil when not needed); broadcast gradients are summed back to
// each input's shape; gradients reaching one node are added; leaves accumulate into `.grad`.
//
// The API the language binding calls:
//
//     Variable(tensor) / Variable.leaf(tensor, requiresGrad: true)   // torch.tensor(..., requires_grad=)
//     x.requiresGrad_(true); x.requiresGrad; x.isLeaf; x.gradFn?.name; x.detach()
//     x.grad; try x.setGrad(g or nil)                                  // x.grad = g / None
//     try loss.backward(); try y.backward(gradient: g, retainGraph: false)
//     let saved = GradMode.enter(enabled: false) ... GradMode.restore(saved)   // with no_grad():
//     x.description                                                    // repr with grad_fn=/requires_grad=
//     arithmetic:  add sub mul div pow(Double) pow(Variable) Variable.pow(Double, x) neg rsub rdiv
//     pointwise:   exp log sqrt abs sigmoid tanh relu clamp(min:max:) clampMin clampMax clone float long bool to
//     reductions:  sum mean var std (dims:keepdim:[correction:]) max() min() max(dim:) min(dim:) amax amin argmax argmin
//     products:    matmul mm dot Variable.einsum(equation, operands)
//     views:       view reshape transpose permute t T expand expandAs unsqueeze squeeze contiguous
//     indexing:    index([TensorIndex]); setIndex(idx, Variable or Double)
//     joins:       Variable.cat Variable.stack Variable.where
//     in place:    add_ sub_ mul_ div_ zero_ fill_ clamp_ (PyTorch's leaf error; write under no_grad)
//     no grad:     eq ne lt le gt ge floorDivide bitwiseAnd/Or/Xor/Not
//     versions:    in-place writes after a value was saved for backward -> PyTorch's error at backward
//     debugging:   DebugCounters.current.liveNodes / .nodesHoldingSavedTensors (per thread)
//
// Python numbers are passed as 0-d Variables (the binding picks the dtype as PyTorch would).
