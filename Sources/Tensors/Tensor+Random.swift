import CRandom

// The random factories and fills, drawing what PyTorch's CPU kernels draw from the same
// generator state (Generator in RNG.swift); the bulk arithmetic runs in Sources/CRandom.

extension Tensor {
    /// `randn(*shape)`: standard normal float32 values (PyTorch's CPU algorithm).
    public static func randn(_ shape: [Int], generator: Generator) throws -> Tensor {
        let t = try Tensor.empty(shape, .float32)
        try t.normal_(mean: 0, std: 1, generator: generator)
        return t
    }

    /// `rand(*shape)`: float32 values uniform in [0, 1).
    public static func rand(_ shape: [Int], generator: Generator) throws -> Tensor {
        let t = try Tensor.empty(shape, .float32)
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
        guard dtype == .float32 else {
            throw Tensor.notImplemented("check_uniform_bounds", dtype)
        }
        guard from <= to else {
            throw TensorError.runtime(
                "uniform_ expects to return a [from, to) range, but found from=\(Tensor.cppDouble(from)) > to=\(Tensor.cppDouble(to))")
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
        guard dtype == .float32 else {
            throw Tensor.notImplemented("normal_kernel_cpu", dtype)
        }
        guard std >= 0 else {
            throw TensorError.runtime("normal expects std >= 0.0, but found std \(Tensor.cppDouble(std))")
        }
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
