/// Compares a cell's output with its expected block: numbers within tolerance, other text
/// exactly, trailing whitespace ignored.
///
///     OutputComparison().matches(expected: "loss 0.30001\n", actual: "loss 0.3\n")  // true
public struct OutputComparison: Sendable {
    /// Relative tolerance for numbers (`|a - e| <= atol + rtol * |e|`).
    public var relativeTolerance: Double
    /// Absolute tolerance for numbers.
    public var absoluteTolerance: Double

    /// Creates a comparison; the defaults are nnbook's (1e-4 relative, 1e-6 absolute).
    public init(relativeTolerance: Double = 1e-4, absoluteTolerance: Double = 1e-6) {
        self.relativeTolerance = relativeTolerance; self.absoluteTolerance = absoluteTolerance
    }

    /// A piece of a line: a number or the text between numbers.
    public enum Token: Sendable, Equatable {
        case number(Double, String)
        case text(String)
    }

    /// Whether the two outputs match.
    /// `actual` is the cell's raw output; it is compared in its block form
    /// (`OutputEscaping.escape`), the form `update` writes.
    public func matches(expected: String, actual: String) -> Bool {
        let e = Self.lines(expected), a = Self.lines(OutputEscaping.escape(actual))
        return e.count == a.count && zip(e, a).allSatisfy { linesMatch($0, $1) }
    }

    /// A unified diff of the two outputs ("" when they match); lines equal within tolerance are context.
    public func diff(expected: String, actual: String) -> String {
        LineDiff.unified(Self.lines(expected), Self.lines(OutputEscaping.escape(actual)), equal: linesMatch)
    }

    /// Whether two lines match: same text between numbers, numbers within tolerance.
    public func linesMatch(_ expected: String, _ actual: String) -> Bool {
        if expected == actual { return true }
        let e = Self.tokens(expected), a = Self.tokens(actual)
        guard e.count == a.count else { return false }
        for (x, y) in zip(e, a) {
            switch (x, y) {
            case (.text(let s), .text(let t)) where s == t: continue
            case (.number(let u, _), .number(let v, _)):
                if u == v || abs(u - v) <= absoluteTolerance + relativeTolerance * abs(u) { continue }
                return false
            default: return false
            }
        }
        return true
    }

    /// The lines of an output with trailing whitespace and trailing blank lines removed.
    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            var l = line[...]
            while let last = l.last, last == " " || last == "\t" || last == "\r" { l = l.dropLast() }
            return String(l)
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines
    }

    /// Splits a line into numbers and text. A number does not start inside a word
    /// (`float32`, `x1` stay text); a sign belongs to it unless it follows a word or a bracket
    /// that closes an operand (`a-1` is `a-` then `1`).
    public static func tokens(_ line: String) -> [Token] {
        let b = Array(line.utf8)
        var tokens: [Token] = []
        var textStart = 0
        var i = 0
        func isDigit(_ k: Int) -> Bool { k < b.count && b[k] >= 0x30 && b[k] <= 0x39 }
        func isWord(_ k: Int) -> Bool {
            guard k >= 0, k < b.count else { return false }
            let c = b[k]
            return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) || c == 0x5F || c >= 0x80
        }
        while i < b.count {
            var j = i
            if (b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "+")) && !isWord(i - 1)
                && !(i > 0 && (b[i - 1] == UInt8(ascii: ")") || b[i - 1] == UInt8(ascii: "]") || b[i - 1] == UInt8(ascii: "."))) {
                j += 1
            }
            let startsNumber = !isWord(i - 1) && !(i > 0 && b[i - 1] == UInt8(ascii: "."))
                && (isDigit(j) || (j < b.count && b[j] == UInt8(ascii: ".") && isDigit(j + 1)))
            guard startsNumber else { i += 1; continue }
            var k = j
            while isDigit(k) { k += 1 }
            if k < b.count, b[k] == UInt8(ascii: ".") { k += 1; while isDigit(k) { k += 1 } }
            if k < b.count, b[k] == UInt8(ascii: "e") || b[k] == UInt8(ascii: "E") {
                var m = k + 1
                if m < b.count, b[m] == UInt8(ascii: "-") || b[m] == UInt8(ascii: "+") { m += 1 }
                if isDigit(m) { k = m; while isDigit(k) { k += 1 } }
            }
            // `12abc` is a word, not a number.
            if isWord(k), k < b.count, !(b[k] >= 0x30 && b[k] <= 0x39) { i = k; continue }
            let literal = String(decoding: b[i..<k], as: UTF8.self)
            guard let value = Double(literal) else { i = k; continue }
            if textStart < i { tokens.append(.text(String(decoding: b[textStart..<i], as: UTF8.self))) }
            tokens.append(.number(value, literal))
            textStart = k
            i = k
        }
        if textStart < b.count { tokens.append(.text(String(decoding: b[textStart...], as: UTF8.self))) }
        return tokens
    }
}
