// Column sums of a small float32 matrix (`x.sum(0)`, a Linear bias's gradient over a minibatch)
// in PyTorch's CPU order, so they equal PyTorch's bits. Measured against torch 2.15 (x86, AVX-512
// kernels) by summing ones and +-2^40 at chosen rows and reading which terms cancelled:
//
//   - columns in whole chunks of 32 (the vectorised part) run the rows down one cascade: rows
//     added one by one into a level-0 sum that is flushed into level 1 every 16 rows (2^power,
//     power = max(4, ceilLog2(rows) / 4)), level 1 into level 2 every 16 flushes, and so on; at
//     the end the levels are folded into level 0, in order;
//   - the other columns run 4 such cascades side by side over groups of 4 rows (row 4g + q
//     goes to cascade q), then the rows left over (rows % 4) are added one by one to the first
//     cascade's folded sum, and the 4 sums are added in order.
//
// Bigger matrices keep `sumColumns` (float blocks added in double): faster, and more accurate.

extension Tensor {
    /// Matrices up to this many elements get PyTorch's column-sum order.
    static let torchColumnSumMaximumCount = 1 << 18

    /// Columns of a chunk PyTorch's column sum vectorises; the rest take its scalar path.
    static let torchColumnSumChunk = 32

    /// Sums the `rows` x `cols` row-major floats at `p` over the rows into `out` (as doubles
    /// holding float32 values), in PyTorch's order.
    static func sumColumnsTorchOrder(_ p: UnsafePointer<Float>, rows: Int, cols: Int,
                                     into out: UnsafeMutablePointer<Double>) {
        let vectorised = cols - cols % torchColumnSumChunk
        withUnsafeTemporaryAllocation(of: Float.self, capacity: 4 * Swift.max(vectorised, 4)) { buffer in
            guard let levels = buffer.baseAddress else { return }
            if vectorised > 0 {
                cascade(count: rows, width: vectorised, levels: levels) { i, acc in
                    let row = p + i * cols
                    for j in 0..<vectorised { acc[j] += row[j] }
                }
                for j in 0..<vectorised { out[j] = Double(levels[j]) }
            }
            let groups = rows / 4
            for j in vectorised..<cols {
                cascade(count: groups, width: 4, levels: levels) { g, acc in
                    for q in 0..<4 { acc[q] += p[(4 * g + q) * cols + j] }
                }
                var total = levels[0]
                for r in (4 * groups)..<rows { total += p[r * cols + j] }
                for q in 1..<4 { total += levels[q] }
                out[j] = Double(total)
            }
        }
    }

    /// PyTorch's 4-level cascade over `count` items of `width` lanes: `add(i, level0)` adds item
    /// i; level l is flushed into level l + 1 every 2^power items of level l; afterwards the
    /// levels are folded into level 0 (`levels[0 ..< width]`), the result. `levels` holds
    /// 4 * width floats.
    @inline(__always)
    private static func cascade(count: Int, width: Int, levels: UnsafeMutablePointer<Float>,
                                _ add: (Int, UnsafeMutablePointer<Float>) -> Void) {
        levels.update(repeating: 0, count: 4 * width)
        let power = Swift.max(4, torchCeilLog2(count) / 4), step = 1 << power, mask = step - 1
        var i = 0
        while i + step <= count {
            for _ in 0..<step {
                add(i, levels)
                i += 1
            }
            for level in 1..<4 {
                let upper = levels + level * width, lower = upper - width
                for j in 0..<width {
                    upper[j] += lower[j]
                    lower[j] = 0
                }
                if i & (mask << (level * power)) != 0 { break }
            }
        }
        while i < count {
            add(i, levels)
            i += 1
        }
        for level in 1..<4 {
            let upper = levels + level * width
            for j in 0..<width { levels[j] += upper[j] }
        }
    }
}
