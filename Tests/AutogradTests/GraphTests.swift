import Autograd
import Foundation
import Tensors
import Testing

// grad_fn names, reprs, accumulation, grad mode, errors and freeing, checked against what
// PyTorch 2 does for the same calls (expected strings recorded from torch).

private func leaf(_ shape: [Int], seed: UInt64 = 7) -> Variable { D.random(shape, seed: seed).variable() }
private func floats(_ v: [Float], _ shape: [Int]) throws -> Tensor { try Tensor(floats: v, shape: shape) }
private func message(_ body: () throws -> Void) -> String? {
    do { try body() } catch let e as TensorError { return e.message } catch { return "\(error)" }
    return nil
}

@Suite struct GradFnNames {
    @Test func namesMatchPyTorch() throws {
        let x = leaf([3, 4]), v = leaf([4], seed: 8), b = leaf([2, 4, 5], seed: 9)
        let two = Variable(Tensor(scalar: 2, dtype: .float32))
        let mask = try x.data.gt(Tensor(scalar: 0, dtype: .float32))
        let cases: [(String, Variable?)] = [
            ("AddBackward0", try x.add(two)), ("SubBackward0", try x.sub(two)), ("RsubBackward1", try x.rsub(two)),
            ("MulBackward0", try x.mul(two)), ("DivBackward0", try x.div(two)), ("MulBackward0", try x.rdiv(two)),
            ("PowBackward0", try x.pow(2)), ("PowBackward2", try Variable.pow(2, x)), ("PowBackward1", try x.pow(x)),
            ("NegBackward0", try x.neg()),
            ("MvBackward0", try x.matmul(v)), ("DotBackward0", try v.matmul(v)), ("SqueezeBackward4", try v.matmul(x.t())),
            ("MmBackward0", try x.matmul(x.t())), ("MmBackward0", try x.mm(x.t())),
            ("UnsafeViewBackward0", try b.matmul(leaf([5, 2]))), ("UnsafeViewBackward0", try b.matmul(leaf([2, 5, 3]))),
            ("UnsafeViewBackward0", try b.matmul(leaf([5]))), ("UnsafeViewBackward0", try v.matmul(b)),
            ("CloneBackward0", try x.t().matmul(leaf([2, 3, 5]))),
            ("SumBackward0", try x.sum()), ("SumBackward1", try x.sum(dims: [0])),
            ("MeanBackward0", try x.mean()), ("MeanBackward1", try x.mean(dims: [1])),
            ("StdBackward0", try x.std()), ("StdBackward0", try x.std(dims: [0])),
            ("VarBackward0", try x.var()), ("VarBackward0", try x.var(dims: [1])),
            ("MaxBackward1", try x.max()), ("MaxBackward0", try x.max(dim: 0).values),
            ("MinBackward1", try x.min()), ("MinBackward0", try x.min(dim: 0).values), ("AmaxBackward0", try x.amax(dims: [0])),
            ("ViewBackward0", try x.view([12])), ("ViewBackward0", try x.reshape([12])),
            ("UnsafeViewBackward0", try x.t().reshape([12])), ("TransposeBackward0", try x.transpose(0, 1)),
            ("PermuteBackward0", try x.permute([1, 0])), ("TBackward0", try x.t()), ("PermuteBackward0", try x.T()),
            ("ExpandBackward0", try v.expand([3, 4])), ("ExpandBackward0", try v.expandAs(x)),
            ("UnsqueezeBackward0", try x.unsqueeze(0)), ("SqueezeBackward0", try x.unsqueeze(0).squeeze()),
            ("SqueezeBackward1", try x.unsqueeze(0).squeeze(0)), ("CloneBackward0", try x.t().contiguous()),
            ("SelectBackward0", try x.index([.int(0)])), ("SliceBackward0", try x.index([.slice(start: 1, stop: 3, step: nil)])),
            ("SelectBackward0", try x.index([.slice(start: nil, stop: nil, step: nil), .int(0)])),
            ("SliceBackward0", try x.index([.int(0), .slice(start: 1, stop: 3, step: nil)])),
            ("UnsqueezeBackward0", try x.index([.newAxis])), ("AliasBackward0", try x.index([.ellipsis])),
            ("SliceBackward0", try x.index([.slice(start: nil, stop: nil, step: nil)])),
            ("SelectBackward0", try x.index([.ellipsis, .int(1)])), ("IndexBackward0", try x.index([.tensor(mask)])),
            ("IndexBackward0", try x.index([.tensor(try Tensor(ints: [0, 0], shape: [2]))])),
            ("ClampBackward1", try x.clamp(min: -1, max: 1)), ("ClampMinBackward0", try x.clampMin(0)),
            ("ClampMaxBackward0", try x.clampMax(0)), ("ClampBackward1", try x.clamp(min: 0, max: nil)),
            ("ReluBackward0", try x.relu()), ("ExpBackward0", try x.exp()), ("LogBackward0", try x.log()),
            ("SqrtBackward0", try x.sqrt()), ("AbsBackward0", try x.abs()), ("SigmoidBackward0", try x.sigmoid()),
            ("TanhBackward0", try x.tanh()), ("CatBackward0", try Variable.cat([x, x])),
            ("StackBackward0", try Variable.stack([x, x])), ("WhereBackward0", try Variable.where(Variable(mask), x, x.mul(two))),
            ("CloneBackward0", try x.clone()),
        ]
        for (expected, v) in cases {
            #expect(v?.gradFn?.name == expected)
            #expect(v?.requiresGrad == true)
        }
        // float() of a float tensor and contiguous() of a contiguous one are the tensor itself.
        #expect(try x.float() === x)
        #expect(try x.contiguous() === x)
    }

    @Test func nonDifferentiableResultsHaveNoGrad() throws {
        let x = leaf([3, 4])
        for v in [try x.long().float(), try x.argmax(), try x.max(dim: 1).indices, try x.long(), try x.bool(), x.detach()] {
            #expect(v.gradFn == nil)
            #expect(!v.requiresGrad)
        }
    }

    @Test func nextFunctions() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let z = try x.mul(Variable(Tensor(scalar: 2, dtype: .float32)))
        #expect(z.gradFn?.nextFunctionNames == ["AccumulateGrad", nil])
        #expect(try z.sum().gradFn?.nextFunctionNames == ["MulBackward0"])
    }
}

@Suite struct Reprs {
    @Test func suffixes() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        #expect(try x.mean().description == "tensor(1.5000, grad_fn=<MeanBackward0>)")
        #expect(x.description == "tensor([1., 2.], requires_grad=True)")
        #expect(try x.mul(2).description == "tensor([2., 4.], grad_fn=<MulBackward0>)")
        #expect(x.detach().description == "tensor([1., 2.])")
        #expect(try GradMode.withNoGrad { try x.mul(2) }.description == "tensor([2., 4.])")
        let y = Variable(try Tensor.arange(0, 12, 1).float().view([3, 4]), requiresGrad: true)
        #expect(try y.mul(3).description == """
            tensor([[ 0.,  3.,  6.,  9.],
                    [12., 15., 18., 21.],
                    [24., 27., 30., 33.]], grad_fn=<MulBackward0>)
            """)
        #expect(try y.sum(dims: [0]).description == "tensor([12., 15., 18., 21.], grad_fn=<SumBackward1>)")
        let z = Variable(try Tensor.arange(0, 30, 1).float(), requiresGrad: true)
        #expect(try z.mul(1).description == """
            tensor([ 0.,  1.,  2.,  3.,  4.,  5.,  6.,  7.,  8.,  9., 10., 11., 12., 13.,
                    14., 15., 16., 17., 18., 19., 20., 21., 22., 23., 24., 25., 26., 27.,
                    28., 29.], grad_fn=<MulBackward0>)
            """)
    }
}

@Suite struct BackwardSemantics {
    @Test func retainGradKeepsNonLeafGradients() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let y = try x.mul(x)
        try y.retainGrad()
        let z = try y.mul(3)
        try z.retainGrad()
        try z.sum().backward()
        #expect(y.grad?.data.scalars() == [3, 3])
        #expect(z.grad?.data.scalars() == [1, 1])
        #expect(x.grad?.data.scalars() == [6, 12])
        let w = try x.mul(2)
        #expect(w.grad == nil, "without retainGrad a non-leaf keeps no gradient")
        #expect(throws: TensorError.runtime("can't retain_grad on Tensor that has requires_grad=False")) {
            try Variable(try floats([1], [1])).retainGrad()
        }
    }

    @Test func accumulatesAcrossCalls() throws {
        let x = Variable(try floats([1, 2, 3], [3]), requiresGrad: true)
        try x.mul(x).sum().backward()
        let g = x.grad
        #expect(g?.data.scalars() == [2, 4, 6])
        try x.mul(3).sum().backward()
        #expect(x.grad?.data.scalars() == [5, 7, 9])
        #expect(x.grad === g, "accumulation is in place: x.grad keeps its identity")
        #expect(x.grad?.requiresGrad == false)
        try x.setGrad(nil)
        try x.sum().backward()
        #expect(x.grad?.data.scalars() == [1, 1, 1])
        try x.grad?.zero_()
        #expect(x.grad?.data.scalars() == [0, 0, 0])
    }

    @Test func sharedSubgraphGetsSummedGradient() throws {
        // y is used twice; its node runs once, with the sum of both gradients.
        let x = Variable(try floats([1, -2], [2]), requiresGrad: true)
        let y = try x.exp()
        try y.mul(y).add(y).sum().backward()
        let e = [Foundation.exp(1.0), Foundation.exp(-2.0)]
        for (g, ei) in zip(x.grad?.data.scalars() ?? [], e) { #expect(Swift.abs(g - (2 * ei * ei + ei)) < 1e-4) }
    }

    @Test func backwardWithGradient() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        try x.mul(x).backward(gradient: Variable(try floats([1, 10], [2])))
        #expect(x.grad?.data.scalars() == [2, 40])
        // A leaf itself: the gradient goes straight into .grad.
        try x.backward(gradient: Variable(try floats([1, 1], [2])))
        #expect(x.grad?.data.scalars() == [3, 41])
    }

    @Test func firstGradientIsNeverAnotherTensorsStorage() throws {
        // A leaf's first gradient is handed over when nothing else holds it, copied otherwise:
        // here it is the caller's `gradient`, then one tensor that add's rule gives both inputs.
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let g = Variable(try floats([5, 7], [2]))
        try x.add(Variable(Tensor(scalar: 1, dtype: .float32))).backward(gradient: g)
        try g.data.fill_(0)
        #expect(x.grad?.data.scalars() == [5, 7])
        let a = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let b = Variable(try floats([3, 4], [2]), requiresGrad: true)
        try a.add(b).backward(gradient: Variable(try floats([1, 1], [2])))
        try a.grad?.data.fill_(9)
        #expect(b.grad?.data.scalars() == [1, 1])
        // The same leaf twice: the second gradient adds into the first, whichever was taken.
        let w = Variable(try floats([1, 2, 3, 4], [2, 2]), requiresGrad: true)
        try w.matmul(w).sum().backward()
        #expect(w.grad?.data.scalars() == [7, 11, 9, 13])
    }

    @Test func errorsWordedLikePyTorch() throws {
        let x = leaf([3, 4])
        #expect(message { try x.sum(dims: [0]).backward() } == "grad can be implicitly created only for scalar outputs")
        #expect(message { try Variable(try Tensor.ones([2])).sum().backward() }
                == "element 0 of tensors does not require grad and does not have a grad_fn")
        let l = try x.mul(x).sum()
        try l.backward()
        #expect(message { try l.backward() }?.hasPrefix("Trying to backward through the graph a second time") == true)
        #expect(message { try Variable(try Tensor.ones([2], dtype: .int64)).requiresGrad_() }
                == "only Tensors of floating point dtype can require gradients")
        #expect(message { try x.mul(2).requiresGrad_(false) }?.hasPrefix("you can only change requires_grad flags of leaf variables.") == true)
        #expect(message { try x.setGrad(Variable(try Tensor.ones([2]))) }
                == "attempting to assign a gradient of size '[2]' to a tensor of size '[3, 4]'. Please ensure that the gradient and the tensor are the same size")
        #expect(message { try x.sum().backward(gradient: Variable(try Tensor.ones([2]))) }
                == "Mismatch in shape: grad_output[0] has a shape of torch.Size([2]) and output[0] has a shape of torch.Size([]).")
        #expect(message { try x.add_(Variable(try Tensor.ones([4]))) }
                == "a leaf Variable that requires grad is being used in an in-place operation.")
        // PyTorch writes `x[0] = 0` through a select view; `x[:]` and advanced indices write x.
        #expect(message { try x.setIndex([.int(0)], 0) } == "a view of a leaf Variable that requires grad is being used in an in-place operation.")
        #expect(message { try x.setIndex([.slice(start: nil, stop: nil, step: nil)], 0) } == "a leaf Variable that requires grad is being used in an in-place operation.")
        #expect(message { try x.setIndex([.tensor(try Tensor(ints: [0], shape: [1]))], 0) } == "a leaf Variable that requires grad is being used in an in-place operation.")
    }

    @Test func retainGraphAllowsASecondBackward() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let l = try x.mul(x).sum()
        try l.backward(retainGraph: true)
        try l.backward()
        #expect(x.grad?.data.scalars() == [4, 8])
    }

    @Test func nonLeafGradIsNotKept() throws {
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let y = try x.mul(2)
        try y.sum().backward()
        #expect(y.grad == nil)
        #expect(!y.isLeaf && x.isLeaf)
    }
}

@Suite struct GradModeTests {
    @Test func noGradNestsAndRestores() throws {
        let x = leaf([2])
        #expect(GradMode.isEnabled)
        let outer = GradMode.enter(enabled: false)
        #expect(try x.mul(2).gradFn == nil)
        let inner = GradMode.enter(enabled: false)
        #expect(!GradMode.isEnabled)
        GradMode.restore(inner)
        #expect(!GradMode.isEnabled, "leaving the inner no_grad keeps the outer one")
        GradMode.restore(outer)
        #expect(GradMode.isEnabled)
        #expect(try x.mul(2).gradFn?.name == "MulBackward0")
    }

    @Test func inPlaceUpdateUnderNoGrad() throws {
        // The training-loop pattern: w -= lr * w.grad inside no_grad.
        let w = Variable(try floats([1, 2], [2]), requiresGrad: true)
        try w.mul(w).sum().backward()
        try GradMode.withNoGrad {
            try w.sub_(w.grad!.mul(0.5))
            try w.grad!.zero_()
        }
        #expect(w.data.scalars() == [0, 0])
        #expect(w.isLeaf && w.requiresGrad && w.gradFn == nil)
        #expect(w.grad?.data.scalars() == [0, 0])
    }

    @Test func gradModeIsPerThread() throws {
        final class Box: @unchecked Sendable { var seenByOther: Bool? }
        let box = Box()
        let entered = DispatchSemaphore(value: 0), checked = DispatchSemaphore(value: 0), done = DispatchSemaphore(value: 0)
        let t = Thread {
            let saved = GradMode.enter(enabled: false)
            entered.signal()
            checked.wait()
            box.seenByOther = GradMode.isEnabled
            GradMode.restore(saved)
            done.signal()
        }
        t.start()
        entered.wait()
        #expect(GradMode.isEnabled, "another thread's no_grad does not switch this one off")
        checked.signal()
        done.wait()
        #expect(box.seenByOther == false)
    }
}

@Suite struct InPlace {
    @Test func inPlaceOnNonLeafRecords() throws {
        let x = leaf([3])
        let y = try x.mul(2)
        try y.add_(Variable(Tensor(scalar: 1, dtype: .float32)))
        #expect(y.gradFn?.name == "AddBackward0")
        let z = try Tensor.zeros([3])
        let plain = Variable(z)
        try plain.add_(x)
        #expect(plain.gradFn?.name == "AddBackward0" && plain.requiresGrad)
        let w = try x.mul(1)
        try w.setIndex([.int(0)], 5)
        #expect(w.gradFn?.name == "CopySlices")
    }

    @Test func inPlaceThroughViewsRebasesBaseAndView() throws {
        let x = leaf([3, 4])
        let y = try x.mul(1)
        let v = try y.index([.int(0)])
        try v.mul_(Variable(Tensor(scalar: 2, dtype: .float32)))
        #expect(v.gradFn?.name == "AsStridedBackward0")
        #expect(y.gradFn?.name == "CopySlices")
        let z = Variable(try Tensor.zeros([3, 4]))
        let row = try z.index([.int(1)])
        try row.add_(try x.index([.int(0)]))
        #expect(row.gradFn?.name == "AsStridedBackward0" && z.gradFn?.name == "CopySlices" && z.requiresGrad)
        #expect(message { try x.index([.int(0)]).zero_() }
                == "a view of a leaf Variable that requires grad is being used in an in-place operation.")
    }

    @Test func plainTensorsJustWrite() throws {
        let a = Variable(try floats([1, 2, 3], [3]))
        try a.setIndex([.tensor(try a.data.gt(Tensor(scalar: 1.5, dtype: .float32)))], 0)
        try a.clamp_(min: 0.5, max: nil)
        try a.fill_(4)
        #expect(a.data.scalars() == [4, 4, 4])
        #expect(a.gradFn == nil)
    }
}

@Suite struct Freeing {
    @Test func trainingLoopDoesNotGrowTheGraph() throws {
        let counter = DebugCounters.current
        let baseLive = counter.liveNodes, baseSaved = counter.nodesHoldingSavedTensors
        let x = D.random([16, 8], seed: 71).variable(requiresGrad: false)
        let y = D.random([16], seed: 72).variable(requiresGrad: false)
        let w1 = D.random([8, 6], seed: 73).variable(), b1 = D.random([6], seed: 74).variable()
        let w2 = D.random([6, 1], seed: 75).variable()
        var firstLoss = 0.0, lastLoss = 0.0
        var perStep = 0
        for step in 0..<1000 {
            let h = try x.matmul(w1).add(b1).relu()
            let loss = try h.matmul(w2).squeeze(-1).sub(y).pow(2).mean()
            if step == 0 { perStep = counter.liveNodes - baseLive; firstLoss = try loss.data.item() }
            lastLoss = try loss.data.item()
            try loss.backward()
            #expect(counter.nodesHoldingSavedTensors == baseSaved)
            try GradMode.withNoGrad {
                for p in [w1, b1, w2] {
                    try p.sub_(p.grad!.mul(0.05))
                    try p.grad!.zero_()
                }
            }
        }
        #expect(perStep == 8)
        #expect(lastLoss < firstLoss, "the loop trains")
        // Only locals of the finished iterations existed; all of their nodes are gone.
        #expect(counter.liveNodes == baseLive)
    }

    @Test func longChainsFreeWithoutRecursion() throws {
        let counter = DebugCounters.current
        let base = counter.liveNodes, baseSaved = counter.nodesHoldingSavedTensors
        do {
            let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
            var v = x
            for _ in 0..<100_000 { v = try v.add(1) }
            #expect(counter.liveNodes - base == 100_000)
            try v.sum().backward()
            #expect(x.grad?.data.scalars() == [1, 1])
            #expect(counter.nodesHoldingSavedTensors == baseSaved, "backward released every saved tensor")
        }
        #expect(counter.liveNodes == base)
    }
}

@Suite struct TiesAndRepeats {
    // Expected gradients recorded from PyTorch 2.
    @Test func maxOverAllSharesTies() throws {
        let x = Variable(try floats([1, 3, 3], [3]), requiresGrad: true)
        try x.max().backward()
        #expect(x.grad?.data.scalars() == [0, 0.5, 0.5])
        let y = Variable(try floats([1, 3, 3, 2, 2, 0], [2, 3]), requiresGrad: true)
        try y.min().backward()
        #expect(y.grad?.data.scalars() == [0, 0, 0, 0, 0, 1])
    }

    @Test func maxOverDimPicksTheFirstIndex() throws {
        let x = Variable(try floats([1, 3, 3, 2, 2, 0], [2, 3]), requiresGrad: true)
        try x.max(dim: 1).values.sum().backward()
        #expect(x.grad?.data.scalars() == [0, 1, 0, 1, 0, 0])
    }

    @Test func amaxSharesTiesPerSlice() throws {
        let x = Variable(try floats([1, 3, 3, 2, 2, 0], [2, 3]), requiresGrad: true)
        try x.amax(dims: [1]).sum().backward()
        #expect(x.grad?.data.scalars() == [0, 0.5, 0.5, 0.5, 0.5, 0])
    }

    @Test func repeatedIndicesAccumulate() throws {
        let x = Variable(try floats([1, 2, 3], [3]), requiresGrad: true)
        try x.index([.tensor(try Tensor(ints: [0, 0, 1], shape: [3]))]).sum().backward()
        #expect(x.grad?.data.scalars() == [2, 1, 0])
        let y = Variable(try floats([1, 2, 3], [3]), requiresGrad: true)
        try y.index([.tensor(try Tensor(bools: [true, false, true], shape: [3]))]).sum().backward()
        #expect(y.grad?.data.scalars() == [1, 0, 1])
    }
}

@Suite struct VersionCounters {
    private let hint = " Hint: enable anomaly detection to find the operation that failed to compute its gradient, with torch.autograd.set_detect_anomaly(True, check_nan=False)."
    private let prefix = "one of the variables needed for gradient computation has been modified by an inplace operation: "

    @Test func modifiedSavedOutput() throws {
        let x = Variable(try floats([1, 2, 3], [3]), requiresGrad: true)
        let h = try x.exp()
        try h.add_(Variable(Tensor(scalar: 1, dtype: .float32)))
        #expect(message { try h.sum().backward() }
                == prefix + "[torch.FloatTensor [3]], which is output 0 of Exp, is at version 1; expected version 0 instead." + hint)
    }

    @Test func modifiedSavedInput() throws {
        let x = Variable(try floats([1, 2, 3], [3]), requiresGrad: true)
        let w = Variable(try floats([1, 1, 1], [3]))
        let y = try x.mul(w)
        try w.add_(Variable(Tensor(scalar: 1, dtype: .float32)))
        #expect(message { try y.sum().backward() }
                == prefix + "[torch.FloatTensor [3]] is at version 1; expected version 0 instead." + hint)
        let y2 = try x.mul(2)
        let z = try y2.mul(y2)
        try y2.mul_(Variable(Tensor(scalar: 2, dtype: .float32)))
        #expect(message { try z.sum().backward() }
                == prefix + "[torch.FloatTensor [3]], which is output 0 of Mul, is at version 1; expected version 0 instead." + hint)
    }

    @Test func writesThroughAViewCount() throws {
        let x = Variable(try floats([1, 2, 3, 4], [2, 2]), requiresGrad: true)
        let h = try x.sigmoid()
        let l = try h.sum()
        _ = try GradMode.withNoGrad { try h.index([.int(0)]).zero_() }
        #expect(message { try l.backward() }?.contains("is at version 1; expected version 0") == true)
    }

    @Test func unsavedInputsMayChange() throws {
        // add saves nothing: modifying its input afterwards is fine, as in PyTorch.
        let x = Variable(try floats([1, 2], [2]), requiresGrad: true)
        let w = Variable(try floats([1, 1], [2]))
        let y = try x.add(w)
        try w.mul_(Variable(Tensor(scalar: 3, dtype: .float32)))
        try y.sum().backward()
        #expect(x.grad?.data.scalars() == [1, 1])
    }
}

/// Layout and signed-zero details of results, compared with what torch 2.x gives.
@Suite struct ResultLayout {
    @Test func contiguousIsRowMajor() throws {
        let x = Variable(try floats([1, 2, 3, 4, 5, 6], [2, 3]), requiresGrad: true)
        // torch: x.t().contiguous().stride() == (2, 1), x.t().clone().stride() == (1, 3)
        let c = try x.t().contiguous()
        #expect(c.data.strides == [2, 1])
        #expect(c.gradFn?.name == "CloneBackward0")
        #expect(try x.t().clone().data.strides == [1, 3])
        try c.sum().backward()
        #expect(x.grad?.data.strides == [3, 1])
    }

    @Test func mvBackwardKeepsNegativeZero() throws {
        // torch: x.grad == [[-0., 0.], [-1., 2.]] for (x @ v).relu().sum().backward()
        let x = Variable(try floats([1, -2, 3, 4], [2, 2]), requiresGrad: true)
        let v = Variable(try floats([-1, 2], [2]), requiresGrad: true)
        try x.matmul(v).relu().sum().backward()
        let g = try #require(x.grad).data
        let values = (0..<4).map { Float(g.element(atStorageIndex: g.offset + $0)) }
        #expect(values == [0, 0, -1, 2])
        #expect(values[0].sign == .minus && values[1].sign == .plus)
        #expect(try #require(v.grad).data.element(atStorageIndex: 0) == 3)
    }
}
