import Testing
import Tensors

// Long kernels run in blocks and poll the running cell's `Cancellation` between them: a
// passed deadline stops them with TimeoutError, and the blocks change no result.

/// Runs `body` with a cancellation token whose deadline has already passed.
private func pastDeadline(_ body: () throws -> Void) rethrows {
    let token = Cancellation()
    token.makeCurrent()
    token.arm(deadline: 1)
    defer { Cancellation.clearCurrent() }
    try body()
}

private func isTimeout(_ body: () throws -> Void) -> Bool {
    do { try body() } catch let e as TensorError { return e.kind == .timeoutError } catch { return false }
    return false
}

@Test func longElementwiseWorkStopsAtThePassedDeadline() throws {
    let n = 3 << 22
    let a = try Tensor.zeros([3, n / 3]), b = try Tensor.ones([n / 3])
    let t = try Tensor.ones([n / 3, 3]).transpose(0, 1)
    let small = try Tensor.ones([10])
    pastDeadline {
        #expect(isTimeout { try a.add_(b) })        // in place: no allocation to catch it
        #expect(isTimeout { try a.mul_(b) })
        #expect(isTimeout { try a.copy_(t) })       // a strided copy
        #expect(isTimeout { try a.normal_(generator: Generator(seed: 0)) })
        #expect(isTimeout { try a.uniform_(generator: Generator(seed: 0)) })
        // Small work is never split, so it finishes.
        #expect(!isTimeout { try small.add_(small) })
    }
    // Without a token the same work runs to the end.
    try a.zero_()
    try a.add_(b)
    #expect(a.scalars().allSatisfy { $0 == 1 })
}

private func bits(_ t: Tensor, _ at: [Int]) -> [UInt32] {
    let s = t.scalars()
    return at.map { Float(s[$0]).bitPattern }
}

/// Indices around the block boundaries (blocks of 2^22 elements) of a 2^23 + 37 draw.
private let edges = [0, (1 << 22) - 1, 1 << 22, (1 << 22) + 15, (1 << 23) - 1, 1 << 23, (1 << 23) + 20, (1 << 23) + 36]

@Test func blockedRandomFillsMatchPyTorch() throws {
    // Recorded from PyTorch 2 (CPU): torch.manual_seed(0); torch.randn(2**23 + 37), and
    // torch.manual_seed(3); torch.rand(2**23 + 37), at `edges`.
    let g = Generator(seed: 0)
    #expect(bits(try Tensor.randn([(1 << 23) + 37], generator: g), edges)
            == [0xbf90_1b85, 0x3e40_3906, 0x3faa_3a31, 0xbe8b_36e6, 0x3f02_45cc, 0xbf62_7207, 0x3f0a_79e0, 0xbed6_deda])
    g.manualSeed(UInt64(3))
    #expect(bits(try Tensor.rand([(1 << 23) + 37], generator: g), edges)
            == [0x3b8b_b500, 0x3e8c_1452, 0x3e7c_a0b8, 0x3f5e_94c0, 0x3e7c_6638, 0x3f60_caf9, 0x3f72_2f46, 0x3c98_7840])
}
