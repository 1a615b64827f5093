#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import Tensors

/// tanh is computed in double (faster than glibc's tanhf): it must round the double tanh
/// correctly on a sweep of floats, and keep libm's special values.
@Suite struct TanhAccuracyTests {
    @Test func matchesRoundedDoubleTanh() {
        var worst: UInt32 = 0
        var bits: UInt32 = 0
        while bits < 0x4130_0000 {  // 0 ... 11, every 997th float
            for x in [Float(bitPattern: bits), -Float(bitPattern: bits)] {
                let want = Float(tanh(Double(x)))
                let got = Tensor.tanhFloat(x)
                let d = got.bitPattern > want.bitPattern ? got.bitPattern - want.bitPattern : want.bitPattern - got.bitPattern
                worst = max(worst, d)
            }
            bits &+= 997
        }
        #expect(worst == 0)
    }

    @Test func specialValues() throws {
        #expect(Tensor.tanhFloat(.nan).isNaN)
        #expect(Tensor.tanhFloat(.infinity) == 1 && Tensor.tanhFloat(-.infinity) == -1)
        #expect(Tensor.tanhFloat(-0.0).sign == .minus && Tensor.tanhFloat(0) == 0)
        #expect(Tensor.tanhFloat(20) == 1 && Tensor.tanhFloat(-9.6) == -1)
        // torch.tensor([-2., -0.5, 0.001, 0.3, 4.]).tanh(), as float32 bit patterns
        let t = try Tensor(floats: [-2, -0.5, 0.001, 0.3, 4], shape: [5]).tanh()
        let got = (0..<5).map { Float(t.element(atStorageIndex: $0)).bitPattern }
        #expect(got == [0xbf76ca83, 0xbeec9a9f, 0x3a83126c, 0x3e9526ee, 0x3f7fd40c])
    }
}
