// The float32 log and sin/cos PyTorch's AVX2 `randn` kernel evaluates (Cephes polynomials as
// in ATen's avx_mathfun.h, compiled with FMA contraction), eight lanes at a time. libm's
// logf/cosf differ from them in the last bit on about one value in twenty, so `randn`
// reproduces them step by step: every multiply-add below is one rounding exactly where the
// compiled kernel has one.
//
// This module is built for baseline x86-64 (no FMA instruction): `Float.addingProduct` would be
// a libm call per element, so `fma8` computes the fused multiply-add exactly in double instead.

enum Cephes8 {
    typealias F8 = SIMD8<Float>
    typealias D8 = SIMD8<Double>
    typealias U64x8 = SIMD8<UInt64>
    typealias U32x8 = SIMD8<UInt32>
    typealias I32x8 = SIMD8<Int32>

    /// `a * b + c` rounded once to float in every lane. The product of two floats is exact in
    /// double; the double sum is rounded to odd (truncated, then the last bit set when
    /// inexact), and with 53 >= 24 + 2 bits the final rounding to float is then the correctly
    /// rounded FMA (Boldo and Melquiond's round-to-odd). Inputs are finite here.
    @inline(__always) static func fma8(_ a: F8, _ b: F8, _ c: F8) -> F8 {
        let p = D8(a) * D8(b), q = D8(c)
        let sum = p + q
        let back = sum - p
        let err = (p - (sum - back)) + (q - back)
        let inexact = U64x8(repeating: 0).replacing(with: 1, where: err .!= 0)
        let sb = unsafeBitCast(sum, to: U64x8.self), eb = unsafeBitCast(err, to: U64x8.self)
        let inwards = ((eb ^ sb) &>> 63) & inexact
        return F8(unsafeBitCast((sb &- inwards) | inexact, to: D8.self))
}

    /// Natural log for lanes in (0, 1] (the only inputs Box-Muller gives it).
    @inline(__always) static func log8(_ input: F8) -> F8 {
        let minNormal = Float(bitPattern: 0x0080_0000)
        let clamped = input.replacing(with: minNormal, where: input .< minNormal)
        let bits = unsafeBitCast(clamped, to: U32x8.self)
        // The biased exponent (1...254 after the clamp) as a float, by the same magic number.
        var e = unsafeBitCast((bits &>> 23) | 0x4b00_0000, to: F8.self) - (8_388_608 + 0x7f) + 1
        var x = unsafeBitCast((bits & ~U32x8(repeating: 0x7f80_0000)) | U32x8(repeating: Float(0.5).bitPattern), to: F8.self)
        let small = x .< 0.707106781186547524
        e = e.replacing(with: e - 1, where: small)
        let a = x - 1
        x = a + F8(repeating: 0).replacing(with: x, where: small)
        let z = x * x
        var y = fma8(F8(repeating: 7.0376836292E-2), x, F8(repeating: -1.1514610310E-1))
        y = fma8(y, x, F8(repeating: 1.1676998740E-1))
        y = fma8(y, x, F8(repeating: -1.2420140846E-1))
        y = fma8(y, x, F8(repeating: 1.4249322787E-1))
        y = fma8(y, x, F8(repeating: -1.6668057665E-1))
        y = fma8(y, x, F8(repeating: 2.0000714765E-1))
        y = fma8(y, x, F8(repeating: -2.4999993993E-1))
        y = fma8(y, x, F8(repeating: 3.3333331174E-1))
        y = y * x
        y = fma8(y, z, e * -2.12194440e-4)
        y = fma8(-z, F8(repeating: 0.5), y)
        return fma8(e, F8(repeating: 0.693359375), x + y)
}

    /// (sin, cos) of lanes >= 0 by octant reduction and the two Cephes polynomials.
    @inline(__always) static func sincos8(_ input: F8) -> (sin: F8, cos: F8) {
        // inputs are >= 0 here (2 pi u)
        var x = input
        // j = (trunc(x * 4/pi) + 1) & ~1 for 0 <= x * 4/pi < 2^22, by the 2^23 magic number
        // (SIMD int/float conversions are generic, slow code here).
        let v = x * 1.27323954473516
        let t = v + 8_388_608
        let nearest = unsafeBitCast(t, to: U32x8.self) & 0x007f_ffff
        let down = U32x8(repeating: 0).replacing(with: 1, where: (t - 8_388_608) .> v)
        let ju = ((nearest &- down) &+ 1) & ~U32x8(repeating: 1)
        var j = unsafeBitCast(ju, to: I32x8.self)
        let y = unsafeBitCast(ju | 0x4b00_0000, to: F8.self) - 8_388_608
        let swapSin = unsafeBitCast(j & 4, to: U32x8.self) &<< 29
        let polyIsSin = (j & 2) .== 0
        x = fma8(y, F8(repeating: -0.78515625), x)
        x = fma8(y, F8(repeating: -2.4187564849853515625e-4), x)
        x = fma8(y, F8(repeating: -3.77489497744594108e-8), x)
        j = j &- 2
        let signCos = unsafeBitCast(~j & 4, to: U32x8.self) &<< 29
        let z = x * x
        var c = fma8(F8(repeating: 2.443315711809948E-005), z, F8(repeating: -1.388731625493765E-003))
        c = fma8(c, z, F8(repeating: 4.166664568298827E-002))
        c = c * z
        c = fma8(c, z, -(z * 0.5))
        c = c + 1
        var s = fma8(F8(repeating: -1.9515295891E-4), z, F8(repeating: 8.3321608736E-3))
        s = fma8(s, z, F8(repeating: -1.6666654611E-1))
        s = s * z
        s = fma8(s, x, x)
        let sinV = c.replacing(with: s, where: polyIsSin)
        let cosV = s.replacing(with: c, where: polyIsSin)
        return (unsafeBitCast(unsafeBitCast(sinV, to: U32x8.self) ^ swapSin, to: F8.self),
                unsafeBitCast(unsafeBitCast(cosV, to: U32x8.self) ^ signCos, to: F8.self))
}

    /// Box-Muller on 16 uniforms in place: element j pairs with j + 8.
    static func normalFill16(_ data: UnsafeMutablePointer<Float>, mean: Float, std: Float) {
        let raw = UnsafeMutableRawPointer(data)
        let lo = raw.loadUnaligned(as: F8.self), hi = raw.loadUnaligned(fromByteOffset: 32, as: F8.self)
        let u1 = 1 - lo
        let radius = (-2 * log8(u1)).squareRoot()
        let theta = Float(2.0 * Double.pi) * hi
        let (s, c) = sincos8(theta)
        raw.storeBytes(of: fma8(radius * c, F8(repeating: std), F8(repeating: mean)), as: F8.self)
        raw.storeBytes(of: fma8(radius * s, F8(repeating: std), F8(repeating: mean)), toByteOffset: 32, as: F8.self)
    }
}
