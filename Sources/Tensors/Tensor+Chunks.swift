// Long elementwise work split into blocks so the cell's deadline (and Ctrl-C) can stop it:
// `Cancellation` is polled between blocks, never inside a kernel's inner loop.

extension Tensor {
    /// Elements per block of a long elementwise kernel: a few milliseconds of work, so a
    /// stopped cell ends well within the ~0.5 s it is promised, and small ops never split.
    @usableFromInline static let pollElements = 1 << 22

    /// Calls `body` on views of `tensors` (all of one shape) that together cover it, each of
    /// at most `pollElements` elements (along the leading dims), polling the cell's
    /// cancellation between them. Throws TimeoutError (KeyboardInterrupt after Ctrl-C) once
    /// it says stop: the work done so far is then not to be used.
    @usableFromInline static func inBlocks(_ tensors: [Tensor], _ body: ([Tensor]) -> Void) throws {
        if !eachBlock(tensors, body) { throw Cancellation.stopError }
    }

    /// `inBlocks` without the throw: false when the work stopped early.
    private static func eachBlock(_ tensors: [Tensor], _ body: ([Tensor]) -> Void) -> Bool {
        let shape = tensors[0].shape, strides = tensors[0].strides
        // Nothing to split (an empty tensor may still have a dim of 2^62 to walk).
        guard !shape.contains(0), var d = shape.firstIndex(where: { $0 > 1 }) else {
            body(tensors)
            return true
        }
        // Split the outermost dim in the first tensor's memory order (its largest stride; dim 0
        // when row-major), so each block is a run of memory and not a few elements of every
        // row (`x.T + x.T` is laid out like `x.T`).
        for e in (d + 1)..<shape.count where shape[e] > 1 && strides[e] > strides[d] { d = e }
        let inner = tensors[0].numel / shape[d]
        if inner <= pollElements {
            let rows = Swift.max(1, pollElements / Swift.max(1, inner))
            var start = 0
            while start < shape[d] {
                let n = Swift.min(rows, shape[d] - start)
                body(tensors.map { $0.rows(d, start, n) })
                start += n
                if Cancellation.shouldStop() { return false }
            }
            return true
        }
        for i in 0..<shape[d] {
            if !eachBlock(tensors.map { $0.rows(d, i, 1) }, body) { return false }
        }
        return true
    }

    /// The view of `count` indices of dim `d` from `start` (a narrow without checks).
    private func rows(_ d: Int, _ start: Int, _ count: Int) -> Tensor {
        var s = shape
        s[d] = count
        return Tensor(storage: storage, shape: s, strides: strides, offset: offset + start * strides[d])
    }
}
