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
        // Strided fills (one normal per element; uniforms through a scratch block) too.
        #expect(isTimeout { try t.normal_(generator: Generator(seed: 0)) })
        #expect(isTimeout { try t.uniform_(generator: Generator(seed: 0)) })
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

@Test func emptyTensorsWithAHugeDimAreNotWalked() throws {
    // numel 0, but 2^62 indices along one dim: blocks must not step through them.
    let empty = try Tensor.zeros([0, 1 << 62])
    try empty.normal_(generator: Generator(seed: 0))
    try empty.uniform_(generator: Generator(seed: 0))
    try empty.add_(empty)
    #expect(empty.numel == 0)
}

@Test func stridedRandomFillsInBlocksDrawTheWholeStream() throws {
    // Blocks change nothing: a strided fill equals the contiguous fill of its memory order.
    let n = (1 << 22) + 37
    let g = Generator(seed: 5)
    let strided = try Tensor.zeros([n, 2]).transpose(0, 1)
    try strided.uniform_(from: -1, to: 3, generator: g)
    let wide = try Tensor.zeros([2, n])
    g.manualSeed(UInt64(5))
    try wide.uniform_(from: -1, to: 3, generator: g)
    let memoryOrder = try strided.transpose(0, 1).contiguous()
    #expect(memoryOrder.scalars() == wide.scalars())
    let small = try Tensor.zeros([3, 5]).transpose(0, 1)
    g.manualSeed(UInt64(1))
    try small.normal_(generator: g)
    var draws: [Double] = []
    g.manualSeed(UInt64(1))
    for _ in 0..<15 { draws.append(Double(Float(g.nextNormalDouble()))) }
    let smallMemoryOrder = try small.transpose(0, 1).contiguous()
    #expect(smallMemoryOrder.scalars() == draws)
}

@Test func aLongInt64ProductStopsInsideOneRow() throws {
    // A single output element whose dot product is 2^40 long: the deadline is polled inside it.
    let x = try Tensor.ones([1], dtype: .int64).expand([1 << 40])
    // One row of 2^20 outputs, each 2^20 long.
    let row = try Tensor.ones([1, 1 << 20], dtype: .int64)
    let wide = try Tensor.ones([1, 1], dtype: .int64).expand([1 << 20, 1 << 20])
    let token = Cancellation()
    token.makeCurrent()
    defer { Cancellation.clearCurrent() }
    // A deadline a little ahead, so the output is allocated and the loop itself must stop.
    token.arm(deadline: Cancellation.now() + 200_000_000)
    #expect(isTimeout { _ = try x.matmul(x) })
    token.arm(deadline: Cancellation.now() + 200_000_000)
    #expect(isTimeout { _ = try row.matmul(wide) })
}
