import Dispatch

// The vectorised float32 loops behind sum, mean, var/std and max/min: SIMD lanes in float over
// short blocks, blocks accumulated in double, so results are as accurate as numpy's pairwise sums.

extension Tensor {
    /// Sum of (x - mean)^2 over `n` contiguous floats: float SIMD lanes per block, blocks in
    /// double. Lanes subtract the float-rounded mean m'; with d = m' - mean,
    /// (x - mean)^2 = (x - m')^2 + 2d(x - m') + d^2 restores the exact centre.
    static func sumSquaredDeviations(_ p: UnsafePointer<Float>, _ n: Int, _ mean: Double) -> Double {
        let m = Float(mean)
        var s2 = 0.0, s1 = 0.0
        var i = 0
        let raw = UnsafeRawPointer(p)
        let mv = SIMD8<Float>(repeating: m)
        while i + 16 <= n {
            let end = min(n - (n - i) % 16, i + 2048)
            var q0 = SIMD8<Float>(), q1 = SIMD8<Float>(), l0 = SIMD8<Float>(), l1 = SIMD8<Float>()
            while i < end {
                let d0 = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self) - mv
                let d1 = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self) - mv
                q0 += d0 * d0
                q1 += d1 * d1
                l0 += d0
                l1 += d1
                i += 16
            }
            s2 += Double((q0 + q1).sum())
            s1 += Double((l0 + l1).sum())
        }
        while i < n {
            let d = Double(p[i] - m)
            s2 += d * d
            s1 += d
            i += 1
        }
        let shift = Double(m) - mean
        return s2 + 2 * shift * s1 + Double(n) * shift * shift
    }

    /// Adds the column sums of a row-major float matrix into `acc`: 64 rows at a time in float
    /// (vectorised, error ~64 ulp at worst), each block added into the double sums. Large
    /// matrices split their rows over two threads, each with its own double partials.
    static func sumColumns(_ p: UnsafePointer<Float>, rows: Int, cols: Int, into acc: UnsafeMutablePointer<Double>) {
        if rows < 2 || rows * cols < 1 << 18 {
            sumColumnsSerial(p, rows: rows, cols: cols, into: acc)
            return
        }
        let half = rows / 2
        withUnsafeTemporaryAllocation(of: Double.self, capacity: cols) { buf in
            guard let second = buf.baseAddress else { return }
            second.initialize(repeating: 0, count: cols)
            let box = UnsafeSendableBox((p, acc, second))
            DispatchQueue.concurrentPerform(iterations: 2) { t in
                let (src, first, other) = box.value
                if t == 0 {
                    sumColumnsSerial(src, rows: half, cols: cols, into: first)
                } else {
                    sumColumnsSerial(src + half * cols, rows: rows - half, cols: cols, into: other)
                }
            }
            for i in 0..<cols { acc[i] += second[i] }
        }
    }

    static func sumColumnsSerial(_ p: UnsafePointer<Float>, rows: Int, cols: Int, into acc: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: cols) { buf in
            guard let part = buf.baseAddress else { return }
            var r = 0
            while r < rows {
                let end = min(r + 64, rows)
                part.update(from: p + r * cols, count: cols)
                var k = r + 1
                while k + 8 <= end {
                    let a = p + k * cols, b = a + cols, c = b + cols, d = c + cols
                    let e = d + cols, f = e + cols, g = f + cols, h = g + cols
                    for i in 0..<cols { part[i] += ((a[i] + b[i]) + (c[i] + d[i])) + ((e[i] + f[i]) + (g[i] + h[i])) }
                    k += 8
                }
                while k + 4 <= end {
                    let a = p + k * cols, b = a + cols, c = b + cols, d = c + cols
                    for i in 0..<cols { part[i] += (a[i] + b[i]) + (c[i] + d[i]) }
                    k += 4
                }
                while k < end {
                    let a = p + k * cols
                    for i in 0..<cols { part[i] += a[i] }
                    k += 1
                }
                for i in 0..<cols { acc[i] += Double(part[i]) }
                r = end
            }
        }
    }

    /// Sum of `n` contiguous floats in double precision: float SIMD lanes over blocks of 4096
    /// elements (error stays tiny), blocks added in double; two threads when large.
    static func sumFloats(_ p: UnsafePointer<Float>, _ n: Int) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: 2) { partial in
            partial[0] = 0
            partial[1] = 0
            let box = UnsafeSendableBox(partial)
            parallelChunks(n) { lo, hi in
                let slot = lo == 0 ? 0 : 1
                box.value[slot] = sumFloatsSerial(p + lo, hi - lo)
            }
            return partial[0] + partial[1]
        }
    }

    static func sumFloatsSerial(_ p: UnsafePointer<Float>, _ n: Int) -> Double {
        var total = 0.0
        var i = 0
        let raw = UnsafeRawPointer(p)
        while i + 32 <= n {
            let end = min(n - (n - i) % 32, i + 4096)
            var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
            while i < end {
                a0 += raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                a1 += raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
                a2 += raw.loadUnaligned(fromByteOffset: (i + 16) * 4, as: SIMD8<Float>.self)
                a3 += raw.loadUnaligned(fromByteOffset: (i + 24) * 4, as: SIMD8<Float>.self)
                i += 32
            }
            total += Double(((a0 + a1) + (a2 + a3)).sum())
        }
        while i < n {
            total += Double(p[i])
            i += 1
        }
        return total
    }

    /// The largest (or smallest) of `n > 0` contiguous floats with SIMD lanes; NaN if any is NaN.
    static func extremeFloat(_ p: UnsafePointer<Float>, _ n: Int, max isMax: Bool) -> Float {
        let raw = UnsafeRawPointer(p)
        var acc = SIMD8<Float>(repeating: p[0])
        var nan = SIMDMask<SIMD8<Int32>>(repeating: false)
        var i = 0
        // Two accumulators; NaN lanes never win a comparison and are caught by `v != v`.
        var acc2 = acc
        if isMax {
            while i + 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let w = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
                nan .|= (v .!= v) .| (w .!= w)
                acc.replace(with: v, where: v .> acc)
                acc2.replace(with: w, where: w .> acc2)
                i += 16
            }
            acc.replace(with: acc2, where: acc2 .> acc)
        } else {
            while i + 16 <= n {
                let v = raw.loadUnaligned(fromByteOffset: i * 4, as: SIMD8<Float>.self)
                let w = raw.loadUnaligned(fromByteOffset: (i + 8) * 4, as: SIMD8<Float>.self)
                nan .|= (v .!= v) .| (w .!= w)
                acc.replace(with: v, where: v .< acc)
                acc2.replace(with: w, where: w .< acc2)
                i += 16
            }
            acc.replace(with: acc2, where: acc2 .< acc)
        }
        var best = isMax ? acc.max() : acc.min()
        var sawNaN = Swift.any(nan)
        while i < n {
            let v = p[i]
            if v.isNaN { sawNaN = true } else if isMax ? v > best : v < best { best = v }
            i += 1
        }
        return sawNaN ? .nan : best
    }
}

/// A float element type with its contiguous-row kernels for sum/mean/var, so one generic walk
/// (`Tensor.accumulate`) serves float32 and float64.
protocol SummedElement: FloatElement {
    /// Sum of `n` contiguous elements, in double.
    static func sumContiguous(_ p: UnsafeMutablePointer<Self>, _ n: Int) -> Double
    /// Sum of `(x - mean)^2` over `n` contiguous elements, in double.
    static func sumSquaredDeviations(_ p: UnsafeMutablePointer<Self>, _ n: Int, _ mean: Double) -> Double
}

extension Float: SummedElement {
    /// float SIMD lanes over short blocks, blocks in double.
    static func sumContiguous(_ p: UnsafeMutablePointer<Float>, _ n: Int) -> Double { Tensor.sumFloatsSerial(p, n) }
    /// float SIMD lanes around the float-rounded mean, corrected in double.
    static func sumSquaredDeviations(_ p: UnsafeMutablePointer<Float>, _ n: Int, _ mean: Double) -> Double {
        Tensor.sumSquaredDeviations(p, n, mean)
    }
}

extension Double: SummedElement {
    /// PyTorch's cascade order (`Tensor.sumDoubles`).
    static func sumContiguous(_ p: UnsafeMutablePointer<Double>, _ n: Int) -> Double { Tensor.sumDoubles(p, n) }
    /// One sequential sum, as PyTorch's two-pass all-reduce variance adds them.
    static func sumSquaredDeviations(_ p: UnsafeMutablePointer<Double>, _ n: Int, _ mean: Double) -> Double {
        var total = 0.0
        for i in 0..<n { let d = p[i] - mean; total += d * d }
        return total
    }
}
