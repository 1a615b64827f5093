import Foundation
import Testing
import Tensors

// The optimizers' step `p.add(d, alpha=-lr)`: one fused multiply-add per element, as PyTorch's
// CPU kernel, whatever the length (vector body and scalar tail) or the operands' layout.

@Test(arguments: [0, 1, 7, 15, 16, 17, 33, 1000])
func fusedAddIsOneRoundingPerElement(_ n: Int) throws {
    let g = Generator(seed: UInt64(n + 1))
    let a = try Tensor.randn([n], generator: g), b = try Tensor.randn([n], generator: g)
    let alpha: Float = -0.1 / 3
    let got = floats(try Tensor.fusedAdd(a, b, Double(alpha)))
    let av = floats(a), bv = floats(b)
    #expect(got.count == n)
    for i in 0..<n { #expect(got[i].bitPattern == fmaf(alpha, bv[i], av[i]).bitPattern, "element \(i)") }
}

@Test func fusedAddReadsViews() throws {
    // A transposed operand is made contiguous first; the result has a's shape.
    let g = Generator(seed: 3)
    let a = try Tensor.randn([5, 7], generator: g), b = try Tensor.randn([7, 5], generator: g).T
    let got = try Tensor.fusedAdd(a, b, 0.5)
    #expect(got.shape == [5, 7])
    let av = floats(a), bv = floats(b), gv = floats(got)
    for i in 0..<35 { #expect(gv[i].bitPattern == fmaf(0.5, bv[i], av[i]).bitPattern) }
    #expect(throws: TensorError.self) { try Tensor.fusedAdd(a, try Tensor.randn([7, 5], generator: g), 1) }
}

@Test func fusedAddOfFloat64IsOneDoubleRounding() throws {
    // float64 parameters: alpha stays a double, one fma in double per element.
    let g = Generator(seed: 5)
    let a = try Tensor.randn([9], dtype: .float64, generator: g), b = try Tensor.randn([9], dtype: .float64, generator: g)
    let alpha = -0.1 / 3
    let got = try Tensor.fusedAdd(a, b, alpha)
    #expect(got.dtype == .float64)
    let av = a.scalars(), bv = b.scalars(), gv = got.scalars()
    for i in 0..<9 { #expect(gv[i].bitPattern == fma(alpha, bv[i], av[i]).bitPattern) }
}

/// The elements, row-major, as float32 (exact: they are float32 values).
private func floats(_ t: Tensor) -> [Float] { t.scalars().map { Float($0) } }
