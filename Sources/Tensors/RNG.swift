import CRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A random number generator that reproduces PyTorch's CPU generator bit for bit.
///
/// It is the 32-bit Mersenne Twister (MT19937) seeded the way `torch.manual_seed` seeds it,
/// and `randn`, `rand`, `randint` and `normal_` turn its output into numbers with PyTorch's
/// CPU transformations, so an nn cell prints the same random tensors as PyTorch:
///
///     let g = Generator(seed: 42)
///     try Tensor.randn([2], generator: g)   // tensor([0.3367, 0.1288]), as torch.randn(2)
///
/// The state is plain integers and the arithmetic is spelled out (no libm), so the same seed
/// gives the same numbers on every machine. They equal PyTorch's bit for bit where PyTorch runs
/// its AVX2/AVX-512 CPU kernels (x86-64 of the last decade); PyTorch's portable kernel (e.g. on
/// ARM) uses libm for `randn` of 16+ elements and differs there in the last bits.
/// The language layer owns one generator per notebook, seeded 0 at the start.
public final class Generator: @unchecked Sendable {
    /// The 624 MT19937 words, behind a pointer so the hot loops pay no array bounds or
    /// exclusivity checks (the generator is used from one thread at a time).
    private let state = UnsafeMutablePointer<UInt32>.allocate(capacity: 624)
    private var index = 624
    /// PyTorch caches the second value of each Box-Muller pair drawn by the scalar (double)
    /// normal path; `manual_seed` clears it.
    private var cachedNormal: Double? = nil
    /// The seed last set, as `torch.initial_seed()` reports it.
    public private(set) var initialSeed: UInt64 = 0

    /// A generator seeded with `seed` (PyTorch's default generator starts from a random seed;
    /// ours starts from `seed`).
    public init(seed: UInt64 = 0) {
        state.initialize(repeating: 0, count: 624)
        manualSeed(seed)
    }

    deinit { state.deallocate() }

    /// `torch.manual_seed(seed)`: restarts the stream. Only the low 32 bits reach MT19937, as in
    /// PyTorch.
    public func manualSeed(_ seed: UInt64) {
        initialSeed = seed
        cachedNormal = nil
        state[0] = UInt32(truncatingIfNeeded: seed)
        for j in 1..<624 {
            let prev = state[j - 1]
            state[j] = 1_812_433_253 &* (prev ^ (prev >> 30)) &+ UInt32(j)
        }
        index = 624
    }

    /// `torch.manual_seed` with a Python int: negative seeds wrap to 64 bits as in PyTorch.
    public func manualSeed(_ seed: Int64) {
        manualSeed(UInt64(bitPattern: seed))
    }

    /// Regenerates all 624 words (eight at a time where the CPU has AVX2: Sources/CRandom).
    private func twist() {
        nnb_mt_twist(state)
        index = 0
    }

    @inline(__always) private static func temper(_ word: UInt32) -> UInt32 {
        var y = word
        y ^= y >> 11
        y ^= (y << 7) & 0x9d2c_5680
        y ^= (y << 15) & 0xefc6_0000
        y ^= y >> 18
        return y
    }

    /// The next 32 random bits (MT19937 output).
    public func next32() -> UInt32 {
        if index >= 624 { twist() }
        let y = state[index]
        index += 1
        return Generator.temper(y)
    }

    /// Writes `count` successive ``nextUniformFloat()`` values to `out`: the same stream,
    /// drawn in bulk (tempered and converted eight words at a time where the CPU has AVX2).
    public func fillUniformFloats(_ out: UnsafeMutablePointer<Float>, count: Int) {
        var k = Int32(index)
        nnb_mt_uniform_floats(state, &k, out, count)
        index = Int(k)
    }

    /// 64 random bits from two draws, the first one high (PyTorch's `random64`).
    public func next64() -> UInt64 {
        let hi = UInt64(next32()), lo = UInt64(next32())
        return hi << 32 | lo
    }

    /// A float32 uniform in [0, 1): 24 random bits, as PyTorch's float `uniform_real_distribution`.
    public func nextUniformFloat() -> Float {
        Float(next32() & 0xff_ffff) * (1.0 / 16_777_216.0)
    }

    /// A double uniform in [0, 1): 53 bits of `random64`.
    public func nextUniformDouble() -> Double {
        Double(next64() & ((1 << 53) - 1)) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// One standard normal double from PyTorch's scalar path (`at::normal_distribution<double>`):
    /// Box-Muller over two double uniforms, caching the sine half for the next call.
    public func nextNormalDouble() -> Double {
        if let cached = cachedNormal {
            cachedNormal = nil
            return cached
        }
        let u1 = nextUniformDouble()
        let u2 = nextUniformDouble()
        let r = (-2.0 * log1p(-u2)).squareRoot()
        let theta = 2.0 * Double.pi * u1
        cachedNormal = r * sin(theta)
        return r * cos(theta)
    }

    /// An integer in `base ..< base + range` (range >= 1): PyTorch's `random_from_to`, which
    /// takes 64 bits from a range of 2^28 on (so that `%` skews the result by under 5%).
    public func nextInt(range: UInt64, base: Int64) -> Int64 {
        let v: UInt64 = range >= (1 << 28) ? next64() : UInt64(next32())
        return base &+ Int64(bitPattern: v % range)
    }
}

extension Tensor {
    /// The same elements with dimensions reordered by decreasing stride, so a row-major walk
    /// visits memory in order, as PyTorch's TensorIterator fills a strided tensor.
    func memoryOrdered() -> Tensor {
        let order = (0..<ndim).sorted { strides[$0] != strides[$1] ? strides[$0] > strides[$1] : $0 < $1 }
        return Tensor(storage: storage, shape: order.map { shape[$0] }, strides: order.map { strides[$0] }, offset: offset)
    }

    /// PyTorch's C++ scalar type names, used in "not implemented for" messages.
    static func scalarTypeName(_ dtype: DType) -> String {
        switch dtype {
        case .float32: "Float"
        case .float64: "Double"
        case .int64: "Long"
        case .bool: "Bool"
        }
    }

    /// A double as C++'s `ostream <<` prints it in PyTorch's messages (`%g`: `-1`, `0.5`, `1e-10`).
    static func cppDouble(_ x: Double) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 64)
        let n = buffer.withUnsafeMutableBufferPointer { buf in
            withVaList([x]) { vsnprintf(buf.baseAddress, buf.count, "%g", $0) }
        }
        return String(decoding: buffer.prefix(max(0, min(Int(n), 63))).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}

extension Tensor {
    /// `torch.nn.init.kaiming_normal_(t, a, mode, nonlinearity)`: fills `t` in place with
    /// normal values of std `gain / sqrt(fan)`, drawing exactly what PyTorch draws.
    ///
    /// `mode` is `fan_in` (size(1) times the receptive field) or `fan_out` (size(0) times it);
    /// `nonlinearity` picks the gain as `calculate_gain` does (`leaky_relu` with slope `a`,
    /// `relu`, `tanh`, `linear`, `sigmoid`, `selu`, `conv1d`...). A tensor with no elements is
    /// left alone, as in PyTorch.
    public func kaimingNormal_(a: Double = 0, mode: String = "fan_in", nonlinearity: String = "leaky_relu",
                               generator: Generator) throws {
        if shape.contains(0) { return }
        let lowered = mode.lowercased()
        guard lowered == "fan_in" || lowered == "fan_out" else {
            throw TensorError.value("Mode \(lowered) not supported, please use one of ['fan_in', 'fan_out']")
        }
        guard ndim >= 2 else {
            throw TensorError.value("Fan in and fan out can not be computed for tensor with fewer than 2 dimensions")
        }
        let receptive = shape.dropFirst(2).reduce(1, *)
        let fan = Double((lowered == "fan_in" ? shape[1] : shape[0]) * receptive)
        let std = try Tensor.gain(nonlinearity, a) / fan.squareRoot()
        try normal_(mean: 0, std: std, generator: generator)
    }

    /// `torch.nn.init.calculate_gain(nonlinearity, param)`.
    public static func gain(_ nonlinearity: String, _ param: Double? = nil) throws -> Double {
        switch nonlinearity {
        case "linear", "conv1d", "conv2d", "conv3d", "conv_transpose1d", "conv_transpose2d",
             "conv_transpose3d", "sigmoid":
            return 1
        case "tanh": return 5.0 / 3
        case "relu": return 2.0.squareRoot()
        case "leaky_relu":
            let slope = param ?? 0.01
            return (2.0 / (1 + slope * slope)).squareRoot()
        case "selu": return 3.0 / 4
        default: throw TensorError.value("Unsupported nonlinearity \(nonlinearity)")
        }
    }
}
