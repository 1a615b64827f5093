import CRandom
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// libm's double log, cos and sin (inside `extension Tensor` the names mean tensor methods).
@inline(__always) private func libmLog(_ x: Double) -> Double { log(x) }
@inline(__always) private func libmCos(_ x: Double) -> Double { cos(x) }
@inline(__always) private func libmSin(_ x: Double) -> Double { sin(x) }

// The random factories and fills, drawing what PyTorch's CPU kernels draw from the same
// generator state (Generator in RNG.swift); the bulk arithmetic runs in Sources/CRandom.

extension Tensor {
    /// `randn(*shape, dtype=)`: standard normal float32 (or float64) values (PyTorch's CPU
    /// algorithm for that dtype).
    public static func randn(_ shape: [Int], dtype: DType = .float32, generator: Generator) throws -> Tensor {
        let t = try Tensor.empty(shape, dtype)
        try t.normal_(mean: 0, std: 1, generator: generator)
        return t
    }

    /// `rand(*shape, dtype=)`: float32 (or float64) values uniform in [0, 1).
    public static func rand(_ shape: [Int], dtype: DType = .float32, generator: Generator) throws -> Tensor {
        let t = try Tensor.empty(shape, dtype)
        if dtype == .float64 {
            let p = t.storage.doubles
            try Tensor.inSpans(t.numel) { start, n in
                for i in start..<(start + n) { p[i] = generator.nextUniformDouble() }
            }
            return t
        }
        guard dtype == .float32 else { throw Tensor.notImplemented("check_uniform_bounds", dtype) }
        try Tensor.inSpans(t.numel) { start, n in generator.fillUniformFloats(t.storage.floats + t.offset + start, count: n) }
        return t
    }

    /// Runs `body(start, count)` over 0 ..< `total` in spans of `pollElements` (a multiple of
    /// 16, so Box-Muller blocks never straddle two), polling the cell's cancellation between
    /// them. The generator draws the same stream whatever the spans.
    static func inSpans(_ total: Int, _ body: (Int, Int) -> Void) throws {
        var start = 0
        while start < total {
            let n = Swift.min(pollElements, total - start)
            body(start, n)
            start += n
            if start < total { try Cancellation.check() }
        }
    }

    /// `randint(low, high, shape)`: int64 values uniform in [low, high).
    public static func randint(low: Int64 = 0, high: Int64, _ shape: [Int],
                               generator: Generator) throws -> Tensor {
        guard low < high else {
            throw TensorError.runtime("random_ expects 'from' to be less than 'to', but got from=\(low) >= to=\(high)")
        }
        let t = try Tensor.empty(shape, .int64)
        let range = UInt64(bitPattern: high &- low)
        let p = t.storage.ints + t.offset
        try Tensor.inSpans(t.numel) { start, n in
            for i in start..<(start + n) { p[i] = generator.nextInt(range: range, base: low) }
        }
        return t
    }

    /// `randperm(n)`: a random permutation of 0 ..< n as int64, PyTorch's CPU shuffle: for n
    /// under 2^32 / 20, swap element i with i + (32 random bits mod (n - i)); above, the
    /// inside-out shuffle with 64 random bits per element.
    public static func randperm(_ n: Int, generator: Generator) throws -> Tensor {
        let t = try Tensor.empty([n], .int64)
        let p = t.storage.ints + t.offset
        if n < Int(UInt32.max / 20) {
            for i in 0..<n { p[i] = Int64(i) }
            var i = 0
            while i < n - 1 {
                if i & (pollElements - 1) == pollElements - 1 { try Cancellation.check() }
                let z = Int(UInt64(generator.next32()) % UInt64(n - i))
                let saved = p[i]
                p[i] = p[z + i]
                p[z + i] = saved
                i += 1
            }
        } else {
            for i in 0..<n {
                if i & (pollElements - 1) == pollElements - 1 { try Cancellation.check() }
                let z = Int(generator.next64() % UInt64(i + 1))
                p[i] = p[z]
                p[z] = Int64(i)
            }
        }
        return t
    }

    /// `t.uniform_(from, to)` in place (float32 only), in memory order: `from + u * (to - from)`
    /// with one rounding (PyTorch's build fuses it), a result equal to `to` replaced by `from`.
    public func uniform_(from: Double = 0, to: Double = 1, generator: Generator) throws {
        guard dtype.isFloatingPoint else {
            throw Tensor.notImplemented("check_uniform_bounds", dtype)
        }
        guard from <= to else {
            throw TensorError.runtime(
                "uniform_ expects to return a [from, to) range, but found from=\(Tensor.cppDouble(from)) > to=\(Tensor.cppDouble(to))")
        }
        if dtype == .float64 {
            // One 53-bit double uniform per element in memory order, scaled with one rounding.
            let p = storage.doubles, span = to - from
            memoryOrdered().forEachStorageIndex { i in p[i] = from.addingProduct(generator.nextUniformDouble(), span) }
            try Cancellation.check()
            return
        }
        let lo = Float(from), hi = Float(to)
        let n = numel
        guard n > 0 else { return }
        if isContiguous {
            let data = storage.floats + offset
            try Tensor.inSpans(n) { start, count in
                generator.fillUniformFloats(data + start, count: count)
                if lo != 0 || hi != 1 { nnb_uniform_scale(data + start, count, lo, hi) }
            }
            return
        }
        // Strided: the same stream drawn a block at a time into a scratch buffer, each block
        // written out in memory order, the deadline polled between blocks.
        let buffer = UnsafeMutablePointer<Float>.allocate(capacity: Swift.min(n, Tensor.pollElements))
        defer { buffer.deallocate() }
        let p = storage.floats
        try Tensor.inBlocks([memoryOrdered()]) { block in
            let view = block[0], count = view.numel
            generator.fillUniformFloats(buffer, count: count)
            nnb_uniform_scale(buffer, count, lo, hi)
            var k = 0
            view.forEachStorageIndex { i in
                p[i] = buffer[k]
                k += 1
            }
        }
    }

    /// `t.normal_(mean, std)` in place (float32 only): what `randn` and `kaiming_normal_` use.
    ///
    /// Like PyTorch on CPU: a contiguous tensor of 16 or more elements is filled with float
    /// uniforms and turned into normals 16 at a time (Box-Muller on pairs 8 apart, the last
    /// block recomputed from fresh uniforms when the size is not a multiple of 16); smaller or
    /// strided tensors draw one double normal per element.
    public func normal_(mean: Double = 0, std: Double = 1, generator: Generator) throws {
        guard dtype.isFloatingPoint else {
            throw Tensor.notImplemented("normal_kernel_cpu", dtype)
        }
        guard std >= 0 else {
            throw TensorError.runtime("normal expects std >= 0.0, but found std \(Tensor.cppDouble(std))")
        }
        if dtype == .float64 { return try normalDoubles_(mean: mean, std: std, generator: generator) }
        let n = numel
        guard n > 0 else { return }
        let p = storage.floats
        if n >= 16 && isContiguous {
            let data = p + offset
            let m = Float(mean), s = Float(std)
            // The stream runs over all n (the tail's leftovers are drawn and then overwritten).
            try Tensor.inSpans(n) { start, count in
                generator.fillUniformFloats(data + start, count: count)
                Tensor.boxMuller16(data + start, blocks: count / 16, mean: m, std: s)
            }
            if n % 16 != 0 {
                let tail = data + (n - 16)
                generator.fillUniformFloats(tail, count: 16)
                Tensor.boxMuller16(tail, blocks: 1, mean: m, std: s)
            }
        } else {
            try Tensor.inBlocks([memoryOrdered()]) { block in
                block[0].forEachStorageIndex { i in p[i] = Float(generator.nextNormalDouble() * std + mean) }
            }
        }
    }

    /// `normal_` of a float64 tensor, as PyTorch's CPU kernel fills doubles: a contiguous
    /// tensor of 16 or more elements gets one 53-bit double uniform per element, then scalar
    /// Box-Muller on blocks of 16 (pairs 8 apart, the last block redrawn when the size is not a
    /// multiple of 16); smaller or strided tensors draw one double normal per element.
    func normalDoubles_(mean: Double, std: Double, generator: Generator) throws {
        let n = numel
        let p = storage.doubles
        if n >= 16 && isContiguous {
            let data = p + offset
            try Tensor.inSpans(n) { start, count in
                for i in start..<(start + count) { data[i] = generator.nextUniformDouble() }
                for b in 0..<(count / 16) { Tensor.boxMuller16(data + start + 16 * b, mean: mean, std: std) }
            }
            if n % 16 != 0 {
                let tail = data + (n - 16)
                for i in 0..<16 { tail[i] = generator.nextUniformDouble() }
                Tensor.boxMuller16(tail, mean: mean, std: std)
            }
        } else {
            memoryOrdered().forEachStorageIndex { i in p[i] = generator.nextNormalDouble() * std + mean }
        }
    }

    /// PyTorch's scalar `normal_fill_16` on doubles: u1 = 1 - data[j] (so log never sees 0),
    /// u2 = data[j + 8], both outputs scaled and shifted with one rounding (its build fuses them).
    static func boxMuller16(_ data: UnsafeMutablePointer<Double>, mean: Double, std: Double) {
        for j in 0..<8 {
            let u1 = 1 - data[j], u2 = data[j + 8]
            let radius = (-2 * libmLog(u1)).squareRoot()
            let theta = 2.0 * Double.pi * u2
            data[j] = mean.addingProduct(radius * libmCos(theta), std)
            data[j + 8] = mean.addingProduct(radius * libmSin(theta), std)
        }
    }

    /// True when Sources/CRandom's AVX2 + FMA Box-Muller runs here (it equals PyTorch's AVX2
    /// kernel); other CPUs take the portable, slower Cephes8 path, which computes the same bits.
    static let simdBoxMuller = nnb_random_simd_supported() != 0

    /// Box-Muller in place on `blocks` blocks of 16 uniforms.
    static func boxMuller16(_ data: UnsafeMutablePointer<Float>, blocks: Int, mean: Float, std: Float) {
        if simdBoxMuller {
            nnb_normal_fill16(data, blocks, mean, std)
            return
        }
        for b in 0..<blocks { Cephes8.normalFill16(data + 16 * b, mean: mean, std: std) }
    }
}
