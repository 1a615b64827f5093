// The float32 log and sin/cos PyTorch's AVX2 `randn` kernel evaluates (Cephes polynomials as
// in ATen's avx_mathfun.h, compiled with FMA contraction). libm's logf/cosf differ from them in
// the last bit on about one value in twenty, so `randn` reproduces them step by step: every
// multiply-add below is one rounding exactly where the compiled kernel has one.

enum CephesFloat {
    static let sqrtHalf: Float = 0.707106781186547524
    static let logP: [Float] = [
        7.0376836292E-2, -1.1514610310E-1, 1.1676998740E-1, -1.2420140846E-1, 1.4249322787E-1,
        -1.6668057665E-1, 2.0000714765E-1, -2.4999993993E-1, 3.3333331174E-1,
    ]
    static let logQ1: Float = -2.12194440e-4
    static let logQ2: Float = 0.693359375

    /// Natural log for x in (0, 1] (the only inputs Box-Muller gives it).
    static func log(_ input: Float) -> Float {
        let clamped = max(input, Float(bitPattern: 0x0080_0000))
        let bits = clamped.bitPattern
        var e = Float(Int32(bitPattern: bits >> 23) - 0x7f) + 1
        // The mantissa as a number in [0.5, 1).
        var x = Float(bitPattern: (bits & ~UInt32(0x7f80_0000)) | Float(0.5).bitPattern)
        if x < sqrtHalf {
            e -= 1
            x = (x - 1) + x
        } else {
            x = x - 1
        }
        let z = x * x
        var y = logP[0]
        for k in 1..<9 { y = logP[k].addingProduct(y, x) }
        y = y * x
        y = (e * logQ1).addingProduct(y, z)
        y = y.addingProduct(-z, 0.5)
        return (x + y).addingProduct(e, logQ2)
    }

    static let minusDP1: Float = -0.78515625
    static let minusDP2: Float = -2.4187564849853515625e-4
    static let minusDP3: Float = -3.77489497744594108e-8
    static let sinP: (Float, Float, Float) = (-1.9515295891E-4, 8.3321608736E-3, -1.6666654611E-1)
    static let cosP: (Float, Float, Float) = (2.443315711809948E-005, -1.388731625493765E-003, 4.166664568298827E-002)
    static let fourOverPi: Float = 1.27323954473516

    /// (sin, cos) of x >= 0 by octant reduction and the two Cephes polynomials.
    static func sincos(_ input: Float) -> (sin: Float, cos: Float) {
        var x = abs(input)
        let signIn: UInt32 = input.sign == .minus ? 0x8000_0000 : 0
        var j = (Int32(x * fourOverPi) &+ 1) & ~1
        let y = Float(j)
        let swapSin: UInt32 = UInt32(bitPattern: j & 4) << 29
        let polyIsSin = (j & 2) == 0
        x = x.addingProduct(y, minusDP1)
        x = x.addingProduct(y, minusDP2)
        x = x.addingProduct(y, minusDP3)
        j = j &- 2
        let signCos: UInt32 = UInt32(bitPattern: ~j & 4) << 29
        let signSin = signIn ^ swapSin

        let z = x * x
        var c = cosP.1.addingProduct(cosP.0, z)
        c = cosP.2.addingProduct(c, z)
        c = c * z
        c = (-(z * 0.5)).addingProduct(c, z)
        c = c + 1
        var s = sinP.1.addingProduct(sinP.0, z)
        s = sinP.2.addingProduct(s, z)
        s = s * z
        s = x.addingProduct(s, x)

        let sinValue = polyIsSin ? s : c
        let cosValue = polyIsSin ? c : s
        return (Float(bitPattern: sinValue.bitPattern ^ signSin), Float(bitPattern: cosValue.bitPattern ^ signCos))
    }
}
