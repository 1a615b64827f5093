import NNSyntax
import Foundation

/// A parsed format spec: `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alt = false
    var zero = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    init(_ spec: String) throws {
        var cs = Array(spec)
        var i = 0
        let aligns: Set<Character> = ["<", ">", "=", "^"]
        if cs.count >= 2 && aligns.contains(cs[1]) { fill = cs[0]; align = cs[1]; i = 2 }
        else if cs.count >= 1 && aligns.contains(cs[0]) { align = cs[0]; i = 1 }
        if i < cs.count && (cs[i] == "+" || cs[i] == "-" || cs[i] == " ") { sign = cs[i]; i += 1 }
        if i < cs.count && cs[i] == "z" { i += 1 }
        if i < cs.count && cs[i] == "#" { alt = true; i += 1 }
        if i < cs.count && cs[i] == "0" { zero = true; i += 1 }
        var w = ""
        while i < cs.count && cs[i].isASCII && cs[i].isNumber { w.append(cs[i]); i += 1 }
        if !w.isEmpty {
            guard let n = Int(w) else { throw PyError.value("Too many decimal digits in format string") }
            // Padding past 2^31 characters cannot be built: as "x" * n, a MemoryError.
            if n > 1 << 31 { throw PyError(BuiltinTypes.memoryError, "") }
            width = n
        }
        if i < cs.count && (cs[i] == "," || cs[i] == "_") { grouping = cs[i]; i += 1 }
        if i < cs.count && cs[i] == "." {
            i += 1
            var p = ""
            while i < cs.count && cs[i].isASCII && cs[i].isNumber { p.append(cs[i]); i += 1 }
            if p.isEmpty { throw PyError.value("Format specifier missing precision") }
            guard let n = Int(p) else { throw PyError.value("Too many decimal digits in format string") }
            if n > Int(Int32.max) { throw PyError.value("precision too big") }
            if n > 1 << 28 { throw PyError(BuiltinTypes.memoryError, "") }
            precision = n
        }
        if i < cs.count { type = cs[i]; i += 1 }
        if i < cs.count { throw PyError.value("Invalid format specifier '\(spec)' for object of type '\(cs.isEmpty ? "" : "")'") }
        cs = []
        if zero && align == nil { fill = "0"; align = "=" }
    }

    /// Pads `body` (with its sign/prefix split off for `=`) to the width. A wide padding is
    /// built in pieces that poll the cell's deadline (`f'{5:>2000000000}'`).
    func pad(_ rt: Runtime, _ prefix: String, _ body: String, defaultAlign: Character) throws -> String {
        // Widths count code points, as CPython (Swift's `count` is of grapheme clusters).
        let len = prefix.unicodeScalars.count + body.unicodeScalars.count
        if len >= width { return prefix + body }
        let n = width - len
        let fillS = { (k: Int) throws in try rt.repeatString(String(fill), k) }
        switch align ?? defaultAlign {
        case "<": return prefix + body + (try fillS(n))
        case "^": return (try fillS(n / 2)) + prefix + body + (try fillS(n - n / 2))
        case "=": return prefix + (try fillS(n)) + body
        default: return (try fillS(n)) + prefix + body
        }
    }
}

/// Inserts a separator every `every` digits of the integer part of `digits`.
func group(_ digits: String, _ sep: Character, every: Int) -> String {
    let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
    var intPart = String(parts[0])
    var rest = parts.count > 1 ? "." + parts[1] : ""
    if let e = intPart.firstIndex(where: { !$0.isNumber && !$0.isHexDigit }) {
        rest = String(intPart[e...]) + rest
        intPart = String(intPart[..<e])
    }
    var out = ""
    for (k, c) in intPart.reversed().enumerated() {
        if k > 0 && k % every == 0 { out.append(sep) }
        out.append(c)
    }
    return String(out.reversed()) + rest
}

func cFormat(_ fmt: String, _ x: Double) -> String { String(format: fmt, x) }

/// Formats a finite double in 'e', 'f', 'g' or '' (repr-like) style without sign.
func formatFloatBody(_ x: Double, _ type: Character?, _ precision: Int?, alt: Bool) -> String {
    let a = abs(x)
    if a.isNaN { return type.map { $0.isUppercase } == true ? "NAN" : "nan" }
    if a.isInfinite { return type.map { $0.isUppercase } == true ? "INF" : "inf" }
    switch type {
    case "f"?, "F"?: return cFormat("%\(alt ? "#" : "").\(precision ?? 6)f", a)
    case "e"?, "E"?:
        let s = cFormat("%\(alt ? "#" : "").\(precision ?? 6)e", a)
        return type == "E" ? s.uppercased() : s
    case "g"?, "G"?:
        let s = cFormat("%\(alt ? "#" : "").\(max(precision ?? 6, 1))g", a)
        return type == "G" ? s.uppercased() : s
    case "%"?: return cFormat("%.\(precision ?? 6)f", a * 100) + "%"
    default:
        guard let p = precision else { return formatFloatRepr(a) }
        let p1 = max(p, 1)
        let e = cFormat("%.\(p1 - 1)e", a)
        let exp = Int(e.split(separator: "e").last ?? "0") ?? 0
        if exp >= -4 && exp < p1 - 1 {
            var s = cFormat("%.\(p1 - 1 - exp)f", a)
            if s.contains(".") {
                while s.hasSuffix("0") { s.removeLast() }
                if s.hasSuffix(".") { s += "0" }
            } else { s += ".0" }
            return s
        }
        let sci = cFormat("%.\(p1 - 1)e", a)
        let parts = sci.split(separator: "e")
        var mant = String(parts[0])
        if mant.contains(".") {
            while mant.hasSuffix("0") { mant.removeLast() }
            if mant.hasSuffix(".") { mant.removeLast() }
        }
        return mant + "e" + parts[1]
    }
}

/// `format(v, spec)`: Python's format-spec mini-language for ints, floats, strs and bools;
/// `__format__` for instances; tensors through the binding.
public func formatValue(_ rt: Runtime, _ v: Value, _ spec: String) throws -> String {
    switch v {
    case .str(let s):
        if spec.isEmpty { return s }
        let f = try FormatSpec(spec)
        if let t = f.type, t != "s" { throw PyError.value("Unknown format code '\(t)' for object of type 'str'") }
        if f.sign != "-" { throw PyError.value("Sign not allowed in string format specifier") }
        if f.align == "=" { throw PyError.value("'=' alignment not allowed in string format specifier") }
        var body = s
        if let p = f.precision { body = String(body.unicodeScalars.prefix(p)) }
        return try f.pad(rt, "", body, defaultAlign: "<")
    case .bool(let b):
        if spec.isEmpty { return b ? "True" : "False" }
        let f = try FormatSpec(spec)
        if f.type == nil || f.type == "s" { return try formatValue(rt, .str(b ? "True" : "False"), spec) }
        return try formatValue(rt, .int(b ? 1 : 0), spec)
    case .int(let i):
        if spec.isEmpty { return String(i) }
        let f = try FormatSpec(spec)
        let t = f.type ?? "d"
        if "eEfFgG%".contains(t) { return try formatValue(rt, .float(Double(i)), spec) }
        if f.precision != nil { throw PyError.value("Precision not allowed in integer format specifier") }
        var body: String
        var prefix = ""
        let mag = i.magnitude
        switch t {
        case "d", "n": body = String(mag)
        case "b": body = String(mag, radix: 2); if f.alt { prefix = "0b" }
        case "o": body = String(mag, radix: 8); if f.alt { prefix = "0o" }
        case "x": body = String(mag, radix: 16); if f.alt { prefix = "0x" }
        case "X": body = String(mag, radix: 16).uppercased(); if f.alt { prefix = "0X" }
        case "c":
            guard let u = Unicode.Scalar(UInt32(truncatingIfNeeded: i)) else { throw PyError.overflow("%c arg not in range(0x110000)") }
            body = String(Character(u))
        default: throw PyError.value("Unknown format code '\(t)' for object of type 'int'")
        }
        if let g = f.grouping { body = group(body, g, every: t == "d" || t == "n" ? 3 : 4) }
        let signS = i < 0 ? "-" : (f.sign == "+" ? "+" : (f.sign == " " ? " " : ""))
        if f.align == "=" && f.fill == "0" && f.grouping != nil {
            // Zero padding also gets separators, as CPython does.
            let target = f.width - signS.count - prefix.count
            var digits = String(mag, radix: t == "d" || t == "n" ? 10 : (t == "b" ? 2 : (t == "o" ? 8 : 16)))
            if t == "X" { digits = digits.uppercased() }
            let every = t == "d" || t == "n" ? 3 : 4
            while group(digits, f.grouping!, every: every).count < target { digits = "0" + digits }
            return signS + prefix + group(digits, f.grouping!, every: every)
        }
        return try f.pad(rt, signS + prefix, body, defaultAlign: ">")
    case .float(let d):
        if spec.isEmpty { return formatFloatRepr(d) }
        let f = try FormatSpec(spec)
        if let t = f.type, !"eEfFgGn%".contains(t) {
            throw PyError.value("Unknown format code '\(t)' for object of type 'float'")
        }
        var body = formatFloatBody(d, f.type == "n" ? "g" : f.type, f.precision, alt: f.alt)
        if let g = f.grouping, d.isFinite { body = group(body, g, every: 3) }
        let neg = d.sign == .minus && !(d.isNaN)
        let signS = neg ? "-" : (f.sign == "+" ? "+" : (f.sign == " " ? " " : ""))
        if f.align == "=" && f.fill == "0" && f.grouping != nil {
            var intDigits = body
            let target = f.width - signS.count
            while group(intDigits, f.grouping!, every: 3).count < target { intDigits = "0" + intDigits }
            return signS + group(intDigits, f.grouping!, every: 3)
        }
        return try f.pad(rt, signS, body, defaultAlign: ">")
    case .none:
        if spec.isEmpty { return "None" }
        return try formatValue(rt, .str("None"), spec)
    case .tensor(let t):
        // PyTorch's Tensor.__format__: a 0-d tensor formats its item, even with an empty spec.
        return try rt.tensors.format(rt, t, spec)
    case .tscalar(let x):
        return try formatValue(rt, .float(Double(x)), spec)
    case .object(let o):
        if let i = o as? PyInstance, let m = i.cls.lookup("__format__") {
            return try rt.expectStr(rt.call(m, [v, .str(spec)], []), "__format__")
        }
        if spec.isEmpty { return try rt.str(v) }
        throw PyError.type("unsupported format string passed to \(v.typeName).__format__")
    case .undefined:
        return "None"
    case .callee(let f):
        return try formatValue(rt, .object(f.takeUnretainedValue()), spec)
    case .row(let r):
        return try formatValue(rt, .object(r.takeUnretainedValue()), spec)
    }
}

extension Runtime {
    /// `fmt % args` (printf-style formatting).
    func percentFormat(_ fmt: String, _ args: Value) throws -> String {
        var items: [Value]
        var dict: PyDict?
        if case .object(let t as PyTuple) = args { items = t.items } else {
            items = [args]
            if case .object(let d as PyDict) = args { dict = d }
        }
        var out = ""
        let cs = Array(fmt)
        var i = 0
        var argi = 0
        func next() throws -> Value {
            guard argi < items.count else { throw PyError.type("not enough arguments for format string") }
            defer { argi += 1 }
            return items[argi]
        }
        while i < cs.count {
            let c = cs[i]
            if c != "%" { out.append(c); i += 1; continue }
            i += 1
            guard i < cs.count else { throw PyError.value("incomplete format") }
            var key: String?
            if cs[i] == "(" {
                var k = ""
                i += 1
                while i < cs.count && cs[i] != ")" { k.append(cs[i]); i += 1 }
                i += 1
                key = k
            }
            var flags = ""
            while i < cs.count && "-+ 0#".contains(cs[i]) { flags.append(cs[i]); i += 1 }
            var width = ""
            if i < cs.count && cs[i] == "*" {
                if case .int(let w) = try next() { width = String(w) }
                i += 1
            }
            while i < cs.count && cs[i].isNumber { width.append(cs[i]); i += 1 }
            var prec: String?
            if i < cs.count && cs[i] == "." {
                i += 1
                var p = ""
                while i < cs.count && cs[i].isNumber { p.append(cs[i]); i += 1 }
                prec = p.isEmpty ? "0" : p
            }
            guard i < cs.count else { throw PyError.value("incomplete format") }
            let t = cs[i]
            i += 1
            if t == "%" { out.append("%"); continue }
            let v: Value
            if let key, let d = dict {
                guard let x = try d.get(.str(key)) else { throw PyError.key(.str(key)) }
                v = x
            } else { v = try next() }
            var spec = ""
            if flags.contains("-") { spec += "<" } else if t == "s" || t == "r" || t == "a" { spec += ">" }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            if flags.contains("0") && !flags.contains("-") && t != "s" && t != "r" { spec += "0" }
            spec += width
            switch t {
            case "s": if let p = prec { spec += "." + p }; out += try formatValue(self, .str(str(v)), spec)
            case "r", "a": if let p = prec { spec += "." + p }; out += try formatValue(self, .str(repr(v)), spec)
            case "d", "i", "u":
                let n: Value
                switch v {
                case .float(let d):
                    guard d.isFinite else { throw PyError.overflow("cannot convert float \(formatFloatRepr(d)) to integer") }
                    guard let i = Int(exactly: d.rounded(.towardZero)) else { throw PyError.intOverflow }
                    n = .int(i)
                case .int, .bool: n = v
                default: throw PyError.type("%\(t) format: a real number is required, not \(v.typeName)")
                }
                out += try formatValue(self, n, spec + "d")
            case "x", "X", "o":
                guard case .int = v else { throw PyError.type("%\(t) format: an integer is required, not \(v.typeName)") }
                out += try formatValue(self, v, spec + String(t))
            case "e", "E", "f", "F", "g", "G":
                let d: Double
                switch v {
                case .int(let n): d = Double(n)
                case .float(let x): d = x
                case .bool(let b): d = b ? 1 : 0
                default: throw PyError.type("must be real number, not \(v.typeName)")
                }
                out += try formatValue(self, .float(d), spec + "." + (prec ?? "6") + String(t))
            case "c":
                if case .str(let s) = v { out += s } else { out += try formatValue(self, v, "c") }
            default:
                throw PyError.value("unsupported format character '\(t)' (0x\(String(t.unicodeScalars.first!.value, radix: 16)))")
            }
        }
        if dict == nil && argi < items.count {
            throw PyError.type("not all arguments converted during string formatting")
        }
        return out
    }
}
