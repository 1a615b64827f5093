#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// PyTorch-exact printing. The rules follow torch/_tensor_str.py (PyTorch 2.x, default print
// options: precision 4, threshold 1000, edgeitems 3, linewidth 80); the `torch.` prefix is
// dropped everywhere (`dtype=int64`, `Size([2, 3])`).

extension Tensor: CustomStringConvertible {
    /// PyTorch's `repr(t)` without the `torch.` prefix: `tensor([1., 2.])`, `tensor(2.5000)`,
    /// `tensor([], size=(0, 3))`.
    public var description: String { description(suffixes: []) }

    /// The repr with extra trailing fields, placed and wrapped as PyTorch places them.
    ///
    /// The autograd layer passes its fields here, in PyTorch's order:
    ///
    ///     t.description(suffixes: ["requires_grad=True"])
    ///     // tensor([1., 2.], requires_grad=True)
    ///     t.description(suffixes: ["grad_fn=<MulBackward0>"])
    public func description(suffixes extra: [String]) -> String {
        let prefix = "tensor("
        let indent = prefix.count
        var suffixes: [String] = []
        let body: String
        if numel == 0 {
            // An empty tensor shows its shape unless it is (0,), and its dtype unless the
            // default float dtype, since no element hints at it.
            if ndim != 1 { suffixes.append("size=" + Tensor.pythonTuple(shape)) }
            if dtype != .defaultFloat { suffixes.append("dtype=\(dtype)") }
            body = "[]"
        } else {
            // The default float dtype (float32 unless set_default_dtype), int64 and bool are
            // all "default" dtypes in PyTorch's sense: no dtype=.
            body = TensorPrinter(self).render(indent: indent)
            if dtype.isFloatingPoint && dtype != .defaultFloat { suffixes.append("dtype=\(dtype)") }
        }
        suffixes += extra
        return Tensor.addSuffixes(prefix + body, suffixes, indent: indent)
    }

    /// A shape as PyTorch's `repr(t.shape)` without `torch.`: `Size([5, 10])`, `Size([])`.
    public static func sizeDescription(_ shape: [Int]) -> String {
        "Size(" + describe(shape) + ")"
    }

    /// Python's tuple repr: `(0,)`, `(0, 3)`.
    static func pythonTuple(_ xs: [Int]) -> String {
        if xs.count == 1 { return "(\(xs[0]),)" }
        return "(" + xs.map(String.init).joined(separator: ", ") + ")"
    }

    /// Appends `, suffix` fields, breaking onto an indented new line past 80 columns.
    static func addSuffixes(_ text: String, _ suffixes: [String], indent: Int) -> String {
        var out = text
        // PyTorch's arithmetic, including its off-by-one when there is no newline
        // (`rfind` returns -1): the first line counts two more than its length.
        let utf8 = Array(text.utf8)
        let lastNewline = utf8.lastIndex(of: UInt8(ascii: "\n")) ?? -1
        var lastLineLength = utf8.count - lastNewline + 1
        for suffix in suffixes {
            let n = suffix.count
            if lastLineLength + n + 2 > TensorPrinter.lineWidth {
                out += ",\n" + String(repeating: " ", count: indent) + suffix
                lastLineLength = indent + n
            } else {
                out += ", " + suffix
                lastLineLength += n + 2
            }
        }
        return out + ")"
    }
}

/// Formats numbers like Python's `format(x, spec)` for the specs PyTorch's printer uses.
enum PyFormat {
    /// `format(x, ".{precision}f")`, `".{precision}e"` (C and Python agree on finite values,
    /// both rounding the exact binary value); non-finite values print as Python prints them.
    static func format(_ x: Double, precision: Int, style: Character) -> String {
        if x.isNaN { return "nan" }
        if x.isInfinite { return x < 0 ? "-inf" : "inf" }
        var buffer = [CChar](repeating: 0, count: 400)
        let spec = "%.\(precision)" + String(style)
        let n = buffer.withUnsafeMutableBufferPointer { buf in
            withVaList([x]) { vsnprintf(buf.baseAddress, buf.count, spec, $0) }
        }
        if n <= 0 { return "" }
        return String(decoding: buffer[0..<min(Int(n), buffer.count - 1)].map { UInt8(bitPattern: $0) },
                      as: UTF8.self)
    }

    static func leftPad(_ s: String, to width: Int) -> String {
        let n = s.utf8.count
        return n >= width ? s : String(repeating: " ", count: width - n) + s
    }
}

/// One tensor's printing state: PyTorch's `_Formatter` plus the recursive layout.
struct TensorPrinter {
    static let precision = 4
    static let threshold = 1000
    static let edgeItems = 3
    static let lineWidth = 80

    enum Mode { case integer, fixed, scientific, exact }

    let t: Tensor
    let summarize: Bool
    var mode: Mode = .integer
    var maxWidth = 1

    init(_ t: Tensor) {
        self.t = t
        summarize = t.numel > TensorPrinter.threshold
        measure()
    }

    /// The indices of one dimension that appear in the output.
    func shownIndices(_ size: Int) -> [Int] {
        let e = TensorPrinter.edgeItems
        if summarize && size > 2 * e { return Array(0..<e) + Array((size - e)..<size) }
        return Array(0..<size)
    }

    /// Storage indices of the elements that will be shown (PyTorch's `get_summarized_data`).
    func shownStorageIndices() -> [Int] {
        var out = [t.offset]
        for d in 0..<t.ndim {
            let idx = shownIndices(t.shape[d])
            var next = [Int]()
            next.reserveCapacity(out.count * idx.count)
            for base in out { for i in idx { next.append(base + i * t.strides[d]) } }
            out = next
        }
        return out
    }

    /// Decides the mode and the common width, as `_Formatter.__init__` does.
    mutating func measure() {
        let indices = shownStorageIndices()
        guard t.dtype.isFloatingPoint else {
            mode = .exact
            for i in indices { maxWidth = max(maxWidth, exactString(i).utf8.count) }
            return
        }
        var values = [Double]()
        for i in indices {
            let v = t.element(atStorageIndex: i)
            if v.isFinite && v != 0 { values.append(v) }
        }
        mode = .integer
        if values.isEmpty { return }
        var lo = Double.infinity, hi = 0.0
        var integral = true
        for v in values {
            lo = min(lo, abs(v))
            hi = max(hi, abs(v))
            if integral && v != v.rounded(.up) { integral = false }
        }
        let scientific = hi / lo > 1000.0 || hi > 1.0e8 || lo < 1.0e-4
        if scientific {
            mode = .scientific
            for v in values {
                maxWidth = max(maxWidth, PyFormat.format(v, precision: TensorPrinter.precision, style: "e").utf8.count)
            }
        } else if integral {
            mode = .integer
            for v in values { maxWidth = max(maxWidth, PyFormat.format(v, precision: 0, style: "f").utf8.count + 1) }
        } else {
            mode = .fixed
            for v in values {
                maxWidth = max(maxWidth, PyFormat.format(v, precision: TensorPrinter.precision, style: "f").utf8.count)
            }
        }
    }

    /// `str(x)` of an int64 or bool element.
    func exactString(_ i: Int) -> String {
        switch t.dtype {
        case .int64: String(t.storage.ints[i])
        case .bool: t.storage.bools[i] ? "True" : "False"
        case .float32: String(t.storage.floats[i])
        case .float64: String(t.storage.doubles[i])
        }
    }

    /// `_Formatter.format`: one element, padded to the common width.
    func format(_ i: Int) -> String {
        let s: String
        switch mode {
        case .exact:
            s = exactString(i)
        case .scientific:
            s = PyFormat.format(t.element(atStorageIndex: i), precision: TensorPrinter.precision, style: "e")
        case .integer:
            let v = t.element(atStorageIndex: i)
            s = PyFormat.format(v, precision: 0, style: "f") + (v.isFinite ? "." : "")
        case .fixed:
            s = PyFormat.format(t.element(atStorageIndex: i), precision: TensorPrinter.precision, style: "f")
        }
        return PyFormat.leftPad(s, to: maxWidth)
    }

    func render(indent: Int) -> String {
        if t.ndim == 0 { return format(t.offset) }
        var out = ""
        render(dim: 0, base: t.offset, indent: indent, into: &out)
        return out
    }

    /// `_tensor_str_with_formatter`: nested brackets, rows separated by `dim - 1` blank lines.
    func render(dim: Int, base: Int, indent: Int, into out: inout String) {
        let size = t.shape[dim], stride = t.strides[dim]
        let rank = t.ndim - dim
        if rank == 1 {
            vector(size: size, stride: stride, base: base, indent: indent, into: &out)
            return
        }
        let separator = "," + String(repeating: "\n", count: rank - 1) + String(repeating: " ", count: indent + 1)
        let e = TensorPrinter.edgeItems
        let elided = summarize && size > 2 * e
        out += "["
        var first = true
        for i in shownIndices(size) {
            if !first { out += separator }
            if elided && i == size - e { out += "..." + separator }
            first = false
            render(dim: dim + 1, base: base + i * stride, indent: indent + 1, into: &out)
        }
        out += "]"
    }

    /// `_vector_str`: elements in lines of as many as fit in 80 columns.
    func vector(size: Int, stride: Int, base: Int, indent: Int, into out: inout String) {
        let perLine = max(1, (TensorPrinter.lineWidth - indent) / (maxWidth + 2))
        var items = [String]()
        let e = TensorPrinter.edgeItems
        for i in shownIndices(size) {
            if summarize && size > 2 * e && i == size - e { items.append(" ...") }
            items.append(format(base + i * stride))
        }
        out += "["
        var start = 0
        while start < items.count {
            if start > 0 { out += ",\n" + String(repeating: " ", count: indent + 1) }
            out += items[start..<min(start + perLine, items.count)].joined(separator: ", ")
            start += perLine
        }
        out += "]"
    }
}
