import Foundation
import Testing
import Tensors

// The property test of issue 18: every random draw equals PyTorch's, bit for bit, for sizes
// 1...100 and large ones, several seeds, every op, and streams that mix them. The expected
// values (Fixtures/rng.tsv) were recorded from PyTorch by tools/record_rng_fixtures.py.

private let fixturePath = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Fixtures/rng.tsv").path

/// 64-bit FNV-1a over the tensor's elements (float32 or int64 little-endian), in row-major order.
private func fnv1a(_ t: Tensor) throws -> UInt64 {
    var h: UInt64 = 0xcbf2_9ce4_8422_2325
    func mix(_ bytes: UInt64, count: Int) {
        var v = bytes
        for _ in 0..<count {
            h = (h ^ (v & 0xff)) &* 0x100_0000_01b3
            v >>= 8
        }
    }
    let c = try t.contiguous()
    if c.dtype == .float32 {
        let p = c.storage.floats + c.offset
        for i in 0..<c.numel { mix(UInt64(p[i].bitPattern), count: 4) }
    } else {
        let p = c.storage.ints + c.offset
        for i in 0..<c.numel { mix(UInt64(bitPattern: p[i]), count: 8) }
    }
    return h
}

private struct Draw {
    var line: Int
    var op: String
    var args: [String]
    var count: Int
    var hash: UInt64
}

/// Runs one fixture line's call on `g`.
private func replay(_ d: Draw, _ g: Generator) throws -> Tensor {
    let n = d.count
    func double(_ i: Int) -> Double { Double(d.args[i])! }
    switch d.op {
    case "randn": return try Tensor.randn([n], generator: g)
    case "rand": return try Tensor.rand([n], generator: g)
    case "normal":
        let t = try Tensor.randn([n], generator: Generator(seed: 99))  // any contents
        try t.normal_(mean: double(0), std: double(1), generator: g)
        return t
    case "uniform":
        let t = try Tensor(zeros: [n])
        try t.uniform_(from: double(0), to: double(1), generator: g)
        return t
    case "randint":
        return try Tensor.randint(low: Int64(d.args[0])!, high: Int64(d.args[1])!, [n], generator: g)
    case "randperm": return try Tensor.randperm(n, generator: g)
    default: throw TensorError.runtime("unknown fixture op \(d.op)")
    }
}

@Test func everyDrawEqualsRecordedPyTorch() throws {
    let text = try String(contentsOfFile: fixturePath, encoding: .utf8)
    let g = Generator(seed: 0)
    var checked = 0, ops = Set<String>()
    for (number, line) in text.split(separator: "\n").enumerated() {
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if f[0] == "seed" {
            g.manualSeed(Int64(f[1])!)
            continue
        }
        try #require(f.count >= 4, "line \(number + 1)")
        let d = Draw(line: number + 1, op: f[0], args: f[1].isEmpty ? [] : f[1].split(separator: ",").map(String.init),
                     count: Int(f[2])!, hash: UInt64(f[3], radix: 16)!)
        let t = try replay(d, g)
        #expect(t.numel == d.count, "line \(d.line)")
        #expect(try fnv1a(t) == d.hash, "line \(d.line): \(d.op)(\(f[1])) of \(d.count) differs from PyTorch")
        checked += 1
        ops.insert(d.op)
    }
    #expect(checked > 2000)
    #expect(ops == ["randn", "rand", "normal", "uniform", "randint", "randperm"])
}

@Test func stridedUniformFillMatchesContiguousStream() throws {
    // A transposed fill draws the same stream as a contiguous one, in memory order.
    let a = try Tensor(zeros: [7, 9]), b = try Tensor(zeros: [9, 7])
    try a.uniform_(from: -2, to: 3, generator: Generator(seed: 4))
    try b.t().uniform_(from: -2, to: 3, generator: Generator(seed: 4))
    #expect(a.scalars() == b.scalars())
}

@Test func randpermRejectsNegativeSize() {
    #expect(throws: TensorError.runtime("Trying to create tensor with negative dimension -1: [-1]")) {
        try Tensor.randperm(-1, generator: Generator())
    }
}
